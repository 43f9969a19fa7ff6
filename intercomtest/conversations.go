package intercomtest

import (
	"net/http"
	"path"
	"slices"
)

// conversation is a stored conversation.
type conversation struct {
	seq        int64
	fields     obj
	contactIDs []string
	tags       []appliedTag
	parts      []obj
	teammates  []string
}

func (cv *conversation) id() string { return cv.fields["id"].(string) }

// wakeSnoozed reopens snoozed conversations whose time has come, as
// Intercom does.
func (st *state) wakeSnoozed(now int64) {
	for _, cv := range st.conversations {
		if cv.fields["state"] != "snoozed" {
			continue
		}
		if until, ok := toInt(cv.fields["snoozed_until"]); ok && until <= now {
			cv.fields["state"], cv.fields["open"], cv.fields["snoozed_until"] = "open", true, nil
			cv.fields["updated_at"] = until
		}
	}
}

// renderConversation returns the conversation as the API sends it; lists
// leave the parts out.
func (st *state) renderConversation(cv *conversation, withParts bool) obj {
	out := cloneObj(cv.fields)
	contacts := []any{}
	for _, id := range cv.contactIDs {
		if ct := st.contacts[id]; ct != nil {
			contacts = append(contacts, contactRef(ct))
		} else {
			contacts = append(contacts, obj{"type": "contact", "id": id, "external_id": nil})
		}
	}
	out["contacts"] = obj{"type": "contact.list", "contacts": contacts}
	out["tags"] = obj{"type": "tag.list", "tags": st.renderAppliedTags(cv.tags)}
	if len(cv.teammates) > 0 {
		mates := []any{}
		for _, id := range cv.teammates {
			mates = append(mates, obj{"type": "admin", "id": id})
		}
		out["teammates"] = obj{"type": "admin.list", "teammates": mates}
	} else {
		out["teammates"] = nil
	}
	if withParts {
		parts := []any{}
		for _, p := range cv.parts {
			parts = append(parts, cloneObj(p))
		}
		out["conversation_parts"] = obj{"type": "conversation_part.list", "conversation_parts": parts, "total_count": len(parts)}
	}
	return out
}

func (st *state) findConversation(id string) (*conversation, *reply) {
	cv := st.conversations[id]
	if cv == nil {
		rp := notFound("not_found", "Resource Not Found")
		return nil, &rp
	}
	return cv, nil
}

// contactAuthor is the author object of a contact in parts and sources.
func contactAuthor(ct *contact) obj {
	return obj{"type": ct.fields["role"], "id": ct.id(), "name": ct.fields["name"], "email": ct.fields["email"]}
}

func attachments(v any) []any {
	out := []any{}
	list, _ := v.([]any)
	for _, u := range list {
		s, _ := u.(string)
		if s == "" {
			continue
		}
		out = append(out, obj{"type": "upload", "name": path.Base(s), "url": s, "content_type": "image/png", "filesize": 0, "width": 0, "height": 0})
	}
	return out
}

// newConversation stores a conversation started by source.
func (st *state) newConversation(now int64, source obj, contactID string, byContact bool, title any) *conversation {
	id := st.numID()
	var waiting any
	if byContact {
		waiting = now
	}
	cv := &conversation{seq: st.nextSeq(), contactIDs: []string{contactID}, fields: obj{
		"type": "conversation", "id": id, "title": title, "created_at": now, "updated_at": now,
		"waiting_since": waiting, "snoozed_until": nil, "source": source,
		"first_contact_reply": nil, "admin_assignee_id": nil, "team_assignee_id": nil,
		"open": true, "state": "open", "read": false, "priority": "not_priority",
		"sla_applied": nil, "statistics": nil, "conversation_rating": nil,
		"topics": obj{}, "ticket": nil, "custom_attributes": obj{},
		"linked_objects": obj{"type": "list", "data": []any{}, "total_count": 0, "has_more": false},
	}}
	if byContact {
		cv.fields["first_contact_reply"] = obj{"created_at": now, "type": "conversation", "url": nil}
	}
	st.conversations[id] = cv
	return cv
}

// addPart appends a conversation part and returns it.
func (st *state) addPart(cv *conversation, now int64, partType string, body any, author obj, assignedTo any, atts []any) obj {
	if atts == nil {
		atts = []any{}
	}
	p := obj{
		"type": "conversation_part", "id": st.numID(), "part_type": partType, "body": body,
		"created_at": now, "updated_at": now, "notified_at": now, "assigned_to": assignedTo,
		"author": author, "attachments": atts, "external_id": nil, "redacted": false,
	}
	cv.parts = append(cv.parts, p)
	cv.fields["updated_at"] = now
	return p
}

func registerConversations(rt *router) {
	rt.add(http.MethodPost, "/conversations", func(c *call) reply {
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		from, _ := body["from"].(map[string]any)
		text := str(body, "body")
		if text == "" {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "body", "Body is required")
		}
		ct, rp := c.st.findContact(idString(from["id"]))
		if rp != nil {
			return *rp
		}
		msg := c.st.contactMessage(c.now, ct, text, body)
		return ok(msg)
	})
	rt.add(http.MethodPost, "/messages", createMessage)
	rt.add(http.MethodGet, "/conversations", func(c *call) reply {
		c.st.wakeSnoozed(c.now)
		per, rp := perPage(c.query.Get("per_page"), 20)
		if rp != nil {
			return *rp
		}
		all := sortedBySeq(c.st.conversations, func(cv *conversation) int64 { return cv.seq })
		page, rp := paginateCursor(all, func(cv *conversation) int64 { return cv.seq }, per, c.query.Get("starting_after"))
		if rp != nil {
			return *rp
		}
		list := []any{}
		for _, cv := range page.items {
			list = append(list, c.st.renderConversation(cv, false))
		}
		return ok(obj{"type": "conversation.list", "pages": page.pages, "total_count": page.totalCount, "conversations": list})
	})
	rt.add(http.MethodGet, "/conversations/{id}", func(c *call) reply {
		c.st.wakeSnoozed(c.now)
		cv, rp := c.st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(c.displayAs(c.st.renderConversation(cv, true)))
	})
	rt.add(http.MethodPut, "/conversations/{id}", func(c *call) reply {
		c.st.wakeSnoozed(c.now)
		cv, rp := c.st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		if v, present := body["read"]; present {
			b, isBool := v.(bool)
			if !isBool {
				return badRequest("read", "read must be a boolean")
			}
			cv.fields["read"] = b
		}
		if v, present := body["custom_attributes"]; present {
			cur, _ := cv.fields["custom_attributes"].(obj)
			merged, rp := mergeAttributes(cur, v)
			if rp != nil {
				return *rp
			}
			cv.fields["custom_attributes"] = merged
		}
		cv.fields["updated_at"] = c.now
		return ok(c.displayAs(c.st.renderConversation(cv, true)))
	})
	rt.add(http.MethodPost, "/conversations/search", func(c *call) reply {
		c.st.wakeSnoozed(c.now)
		var docs []searchDoc
		for _, cv := range sortedBySeq(c.st.conversations, func(cv *conversation) int64 { return cv.seq }) {
			docs = append(docs, searchDoc{seq: cv.seq, doc: c.st.renderConversation(cv, false)})
		}
		sample := c.st.renderConversation(&conversation{fields: sampleConversation()}, false)
		res, rp := c.search(docs, conversationFields, sample, 20)
		if rp != nil {
			return *rp
		}
		return ok(obj{"type": "conversation.list", "pages": res.pages, "total_count": res.total, "conversations": res.items})
	})
	rt.add(http.MethodPost, "/conversations/{id}/reply", replyConversation)
	rt.add(http.MethodPost, "/conversations/{id}/parts", manageConversation)
	rt.add(http.MethodPost, "/conversations/{id}/customers", func(c *call) reply {
		cv, rp := c.st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		if _, rp := c.st.lookupAdmin(body["admin_id"]); rp != nil {
			return *rp
		}
		cust, _ := body["customer"].(map[string]any)
		ct := c.st.contactBy(str(cust, "intercom_user_id"), str(cust, "user_id"), str(cust, "email"))
		if ct == nil {
			return notFound("not_found", "User Not Found")
		}
		if !slices.Contains(cv.contactIDs, ct.id()) {
			if len(cv.contactIDs) >= 10 {
				return errReply(http.StatusUnprocessableEntity, "parameter_invalid", "A conversation can have at most 10 participants")
			}
			cv.contactIDs = append(cv.contactIDs, ct.id())
			cv.fields["updated_at"] = c.now
		}
		return ok(customers(cv))
	})
	rt.add(http.MethodDelete, "/conversations/{conversation_id}/customers/{contact_id}", func(c *call) reply {
		cv, rp := c.st.findConversation(c.param("conversation_id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		if _, rp := c.st.lookupAdmin(body["admin_id"]); rp != nil {
			return *rp
		}
		id := c.param("contact_id")
		if !slices.Contains(cv.contactIDs, id) {
			return notFound("not_found", "User Not Found")
		}
		if len(cv.contactIDs) == 1 {
			return errReply(http.StatusUnprocessableEntity, "parameter_invalid", "Removing the last customer is not allowed")
		}
		cv.contactIDs = slices.DeleteFunc(cv.contactIDs, func(s string) bool { return s == id })
		cv.fields["updated_at"] = c.now
		return ok(customers(cv))
	})
}

func customers(cv *conversation) obj {
	list := []any{}
	for _, id := range cv.contactIDs {
		list = append(list, obj{"type": "user", "id": id})
	}
	return obj{"customers": list}
}

// sampleConversation is a conversation with every key, for checking search fields.
func sampleConversation() obj {
	return obj{
		"type": "conversation", "id": "", "title": nil, "created_at": 0, "updated_at": 0,
		"waiting_since": nil, "snoozed_until": nil, "source": obj{}, "first_contact_reply": nil,
		"admin_assignee_id": nil, "team_assignee_id": nil, "open": true, "state": "open", "read": false,
		"priority": "not_priority", "sla_applied": nil, "statistics": nil, "conversation_rating": nil,
		"topics": obj{}, "ticket": nil, "custom_attributes": obj{}, "linked_objects": obj{},
	}
}

// displayAs applies display_as=plaintext to message bodies.
func (c *call) displayAs(cv obj) obj {
	if c.query.Get("display_as") != "plaintext" {
		return cv
	}
	if src, ok := cv["source"].(obj); ok {
		if b, ok := src["body"].(string); ok {
			src["body"] = plainText(b)
		}
	}
	if parts, ok := cv["conversation_parts"].(obj); ok {
		for _, p := range parts["conversation_parts"].([]any) {
			if po := p.(obj); po["body"] != nil {
				if b, ok := po["body"].(string); ok {
					po["body"] = plainText(b)
				}
			}
		}
	}
	return cv
}

// contactMessage stores a conversation started by a contact and returns
// the user_message that started it.
func (st *state) contactMessage(now int64, ct *contact, text string, body obj) obj {
	msgID := st.numID()
	subject := str(body, "subject")
	source := obj{
		"type": "conversation", "id": msgID, "delivered_as": "customer_initiated", "subject": subject,
		"body": htmlBody(text), "author": contactAuthor(ct), "attachments": attachments(body["attachment_urls"]),
		"url": nil, "redacted": false,
	}
	cv := st.newConversation(now, source, ct.id(), true, nil)
	ct.fields["last_replied_at"] = now
	return obj{"type": "user_message", "id": msgID, "created_at": now, "body": text, "message_type": "inapp", "conversation_id": cv.id()}
}

// createMessage is POST /messages: from a contact it starts a conversation;
// from an admin it sends an in-app message or an email, stored as an
// admin-initiated conversation.
func createMessage(c *call) reply {
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	text := str(body, "body")
	if text == "" {
		return fieldErr(http.StatusBadRequest, "parameter_invalid", "body", "Body is required")
	}
	from, _ := body["from"].(map[string]any)
	switch str(from, "type") {
	case "user", "lead", "contact":
		ct, rp := c.st.findContact(idString(from["id"]))
		if rp != nil {
			return *rp
		}
		return ok(c.st.contactMessage(c.now, ct, text, body))
	case "admin", "":
	default:
		return badRequest("from.type", "from.type must be admin, user or lead")
	}
	adminID, rp := c.st.lookupAdmin(from["id"])
	if rp != nil {
		return *rp
	}
	msgType := str(body, "message_type")
	if msgType != "in_app" && msgType != "email" {
		return errReply(http.StatusUnprocessableEntity, "parameter_invalid", "message_type must be in_app or email")
	}
	if msgType == "email" && (str(body, "subject") == "" || str(body, "template") == "") {
		return errReply(http.StatusUnprocessableEntity, "parameter_invalid", "subject and template are required for an email")
	}
	to, _ := body["to"].(map[string]any)
	ct := c.st.contactBy(idString(to["id"]), str(to, "user_id"), str(to, "email"))
	if ct == nil {
		return notFound("not_found", "User Not Found")
	}
	msgID := c.st.numID()
	sourceType := "conversation"
	if msgType == "email" {
		sourceType = "email"
	}
	source := obj{
		"type": sourceType, "id": msgID, "delivered_as": "admin_initiated", "subject": str(body, "subject"),
		"body": htmlBody(text), "author": c.st.adminRef(adminID), "attachments": []any{}, "url": nil, "redacted": false,
	}
	cv := c.st.newConversation(c.now, source, ct.id(), false, nil)
	cv.teammates = []string{adminID}
	ct.fields["last_contacted_at"] = c.now
	responseType := "inapp"
	if msgType == "email" {
		responseType = "email"
	}
	owner := cloneObj(c.st.admins[adminID])
	delete(owner, "team_ids")
	delete(owner, "job_title")
	delete(owner, "has_inbox_seat")
	msg := obj{"type": "admin_message", "id": msgID, "created_at": c.now, "subject": str(body, "subject"),
		"body": text, "message_type": responseType, "owner": owner}
	if b, _ := body["create_conversation_without_contact_reply"].(bool); b {
		msg["conversation_id"] = cv.id()
	}
	return ok(msg)
}

func replyConversation(c *call) reply {
	st := c.st
	st.wakeSnoozed(c.now)
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	text := str(body, "body")
	atts := attachments(body["attachment_urls"])
	if files, ok := body["attachment_files"].([]any); ok {
		for _, f := range files {
			if fo, ok := f.(map[string]any); ok {
				atts = append(atts, obj{"type": "upload", "name": str(fo, "name"), "url": "https://downloads.intercomcdn.com/" + str(fo, "name"),
					"content_type": str(fo, "content_type"), "filesize": len(str(fo, "data")) * 3 / 4, "width": 0, "height": 0})
			}
		}
	}
	if text == "" && len(atts) == 0 {
		return fieldErr(http.StatusBadRequest, "parameter_invalid", "body", "Body is required")
	}
	switch str(body, "type") {
	case "user":
		ct := st.contactBy(str(body, "intercom_user_id"), str(body, "user_id"), str(body, "email"))
		if ct == nil {
			return notFound("not_found", "User Not Found")
		}
		var cv *conversation
		if id := c.param("id"); id == "last" {
			for _, x := range st.conversations {
				if slices.Contains(x.contactIDs, ct.id()) && (cv == nil || x.fields["updated_at"].(int64) > cv.fields["updated_at"].(int64) ||
					(x.fields["updated_at"] == cv.fields["updated_at"] && x.seq > cv.seq)) {
					cv = x
				}
			}
			if cv == nil {
				return notFound("not_found", "Resource Not Found")
			}
		} else {
			var rp *reply
			if cv, rp = st.findConversation(id); rp != nil {
				return *rp
			}
		}
		if !slices.Contains(cv.contactIDs, ct.id()) {
			return notFound("not_found", "User is not a participant of this conversation")
		}
		partType := "comment"
		if cv.fields["state"] != "open" {
			partType = "open"
			cv.fields["state"], cv.fields["open"], cv.fields["snoozed_until"] = "open", true, nil
		}
		st.addPart(cv, c.now, partType, htmlBody(text), contactAuthor(ct), nil, atts)
		if cv.fields["waiting_since"] == nil {
			cv.fields["waiting_since"] = c.now
		}
		if cv.fields["first_contact_reply"] == nil {
			cv.fields["first_contact_reply"] = obj{"created_at": c.now, "type": "conversation", "url": nil}
		}
		ct.fields["last_replied_at"] = c.now
		return ok(st.renderConversation(cv, true))
	case "admin":
		cv, rp := st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		adminID, rp := st.lookupAdmin(body["admin_id"])
		if rp != nil {
			return *rp
		}
		mt := str(body, "message_type")
		switch mt {
		case "comment", "note":
		case "":
			mt = "comment"
		default:
			return badRequest("message_type", "message_type must be comment or note")
		}
		st.addPart(cv, c.now, mt, htmlBody(text), st.adminRef(adminID), nil, atts)
		if mt == "comment" {
			cv.fields["waiting_since"] = nil
			for _, id := range cv.contactIDs {
				if ct := st.contacts[id]; ct != nil {
					ct.fields["last_contacted_at"] = c.now
				}
			}
		}
		if !slices.Contains(cv.teammates, adminID) {
			cv.teammates = append(cv.teammates, adminID)
		}
		return ok(st.renderConversation(cv, true))
	}
	return badRequest("type", "type must be admin or user")
}

func manageConversation(c *call) reply {
	st := c.st
	st.wakeSnoozed(c.now)
	cv, rp := st.findConversation(c.param("id"))
	if rp != nil {
		return *rp
	}
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	adminID, rp := st.lookupAdmin(body["admin_id"])
	if rp != nil {
		return *rp
	}
	author := st.adminRef(adminID)
	var text any
	if b := str(body, "body"); b != "" {
		text = htmlBody(b)
	}
	f := cv.fields
	switch mt := str(body, "message_type"); mt {
	case "close":
		f["state"], f["open"], f["snoozed_until"], f["waiting_since"] = "closed", false, nil, nil
		st.addPart(cv, c.now, "close", text, author, nil, nil)
	case "snoozed":
		until, ok := toInt(body["snoozed_until"])
		if !ok || until <= 0 {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "snoozed_until", "snoozed_until must be a Unix timestamp")
		}
		f["state"], f["open"], f["snoozed_until"] = "snoozed", true, until
		st.addPart(cv, c.now, "snoozed", nil, author, nil, nil)
	case "open":
		f["state"], f["open"], f["snoozed_until"] = "open", true, nil
		st.addPart(cv, c.now, "open", nil, author, nil, nil)
	case "assignment":
		assignee := idString(body["assignee_id"])
		typ := str(body, "type")
		var assignedTo any
		switch {
		case assignee == "" || (typ != "admin" && typ != "team"):
			return badRequest("assignee_id", "assignee_id and a type of admin or team are required")
		case assignee == "0":
			if typ == "team" {
				f["team_assignee_id"] = nil
			} else {
				f["admin_assignee_id"] = nil
			}
			assignedTo = obj{"type": "nobody_admin", "id": nil}
		case typ == "admin":
			if st.admins[assignee] == nil {
				return notFound("assignee_not_found", "Assignee not found")
			}
			f["admin_assignee_id"] = numericID(assignee)
			assignedTo = obj{"type": "admin", "id": assignee}
		default:
			if st.teams[assignee] == nil {
				return notFound("team_not_found", "Team not found")
			}
			f["team_assignee_id"] = numericID(assignee)
			assignedTo = obj{"type": "team", "id": assignee}
		}
		st.addPart(cv, c.now, "assignment", text, author, assignedTo, nil)
	default:
		return badRequest("message_type", "message_type must be close, snoozed, open or assignment")
	}
	if !slices.Contains(cv.teammates, adminID) {
		cv.teammates = append(cv.teammates, adminID)
	}
	return ok(st.renderConversation(cv, true))
}

// conversationFields resolves the search-only field names of conversations.
var conversationFields = fieldAliases{
	"contact_ids":  "contacts.contacts.id",
	"teammate_ids": "teammates.teammates.id",
	"tag_ids":      "tags.tags.id",
}
