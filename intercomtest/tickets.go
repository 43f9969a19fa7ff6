package intercomtest

import (
	"net/http"
	"slices"
	"strconv"
)

// ticket is a stored ticket.
type ticket struct {
	seq        int64
	fields     obj
	contactIDs []string
	tags       []appliedTag
	parts      []obj
	// stateID is the id of the ticket's state (ticketStates).
	stateID string
}

func (t *ticket) id() string { return t.fields["id"].(string) }

// renderTicket returns the ticket as the request's version sends it: its
// state is an object (id, category, labels) from API 2.12, its category
// with the labels beside it before.
func (c *call) renderTicket(t *ticket) obj {
	st := c.st
	out := cloneObj(t.fields)
	if ts := st.ticketStates[t.stateID]; ts != nil {
		if c.since("2.12") {
			out["ticket_state"] = ts.ref()
		} else {
			out["ticket_state"] = ts.category
			out["ticket_state_internal_label"] = ts.internalLabel
			out["ticket_state_external_label"] = ts.externalLabel
		}
	}
	contacts := []any{}
	for _, id := range t.contactIDs {
		if ct := st.contacts[id]; ct != nil {
			contacts = append(contacts, contactRef(ct))
		} else {
			contacts = append(contacts, obj{"type": "contact", "id": id, "external_id": nil})
		}
	}
	out["contacts"] = obj{"type": "contact.list", "contacts": contacts}
	parts := []any{}
	for _, p := range t.parts {
		parts = append(parts, cloneObj(p))
	}
	out["ticket_parts"] = obj{"type": "ticket_part.list", "ticket_parts": parts, "total_count": len(parts)}
	return out
}

func (st *state) findTicket(id string) (*ticket, *reply) {
	t := st.tickets[id]
	if t == nil {
		rp := notFound("ticket_not_found", "Ticket not found")
		return nil, &rp
	}
	return t, nil
}

// botAuthor is Intercom's Operator bot.
func botAuthor() obj {
	return obj{"type": "bot", "id": "991267999", "name": "Operator", "email": "operator+" + WorkspaceID + "@intercom.io"}
}

// addTicketPart appends a ticket part and returns it.
func (st *state) addTicketPart(t *ticket, now int64, partType string, extra obj, author obj) obj {
	p := obj{"type": "ticket_part", "id": st.numID(), "part_type": partType, "created_at": now, "updated_at": now,
		"author": author, "attachments": []any{}, "redacted": false}
	for k, v := range extra {
		p[k] = v
	}
	t.parts = append(t.parts, p)
	t.fields["updated_at"] = now
	return p
}

func registerTickets(rt *router) {
	rt.add(http.MethodPost, "/tickets", createTicket)
	rt.add(http.MethodGet, "/tickets/{id}", func(c *call) reply {
		t, rp := c.st.findTicket(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(c.renderTicket(t))
	})
	rt.add(http.MethodPut, "/tickets/{id}", updateTicket)
	rt.add(http.MethodPost, "/tickets/{id}/reply", replyTicket)
	rt.add(http.MethodPost, "/tickets/search", func(c *call) reply {
		var docs []searchDoc
		for _, t := range sortedBySeq(c.st.tickets, func(t *ticket) int64 { return t.seq }) {
			docs = append(docs, searchDoc{seq: t.seq, doc: c.renderTicket(t)})
		}
		sample := c.renderTicket(&ticket{fields: sampleTicket(), stateID: SubmittedTicketStateID})
		aliases := ticketFields
		if c.since("2.12") {
			aliases = ticketFieldsSince212
		}
		res, rp := c.search(docs, aliases, sample, 20)
		if rp != nil {
			return *rp
		}
		return ok(obj{"type": "ticket.list", "pages": res.pages, "total_count": res.total, "tickets": res.items})
	})
}

func sampleTicket() obj {
	f := obj{"type": "ticket", "id": "", "ticket_id": "", "ticket_attributes": obj{}, "ticket_type": obj{},
		"admin_assignee_id": "0", "team_assignee_id": "0", "created_at": 0, "updated_at": 0, "open": true,
		"snoozed_until": nil, "linked_objects": obj{}, "category": "", "is_shared": false}
	return f
}

func createTicket(c *call) reply {
	st := c.st
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	tt := st.ticketTypes[idString(body["ticket_type_id"])]
	if tt == nil {
		return fieldErr(http.StatusBadRequest, "parameter_invalid", "ticket_type_id", "ticket_type_id is not the id of a ticket type")
	}
	list, _ := body["contacts"].([]any)
	if len(list) == 0 {
		return fieldErr(http.StatusBadRequest, "parameter_invalid", "contacts", "contacts must name at least one contact")
	}
	var contactIDs []string
	for _, v := range list {
		ref, _ := v.(map[string]any)
		id, ext, email := idString(ref["id"]), idString(ref["external_id"]), str(ref, "email")
		ct := st.contactBy(id, ext, email)
		if ct == nil && id == "" && ext == "" && email != "" {
			// Intercom creates a contact for an unknown email.
			f := newContactFields(st.hexID(), c.now)
			_ = st.applyContactFields(f, obj{"email": email})
			ct = &contact{seq: st.nextSeq(), fields: f}
			st.contacts[ct.id()] = ct
		}
		if ct == nil {
			return notFound("not_found", "User Not Found")
		}
		contactIDs = append(contactIDs, ct.id())
	}
	if companyID := idString(body["company_id"]); companyID != "" && st.companyByCompanyID(companyID) == nil && st.companies[companyID] == nil {
		return notFound("company_not_found", "Company Not Found")
	}
	attrs := obj{"_default_title_": nil, "_default_description_": nil}
	switch v := body["ticket_attributes"].(type) {
	case nil:
	case map[string]any:
		for k, val := range v {
			attrs[k] = normalize(val)
		}
	default:
		return badRequest("ticket_attributes", "ticket_attributes must be an object")
	}
	stateID := st.ticketStateOf(idString(tt["id"]), "submitted").id
	// The fields later versions add: created_at (2.11), an assignment and
	// a conversation to link (2.14).
	for _, f := range []struct{ key, since string }{
		{"created_at", "2.11"}, {"assignment", "2.14"}, {"conversation_to_link_id", "2.14"},
	} {
		if v, present := body[f.key]; present && v != nil && !c.since(f.since) {
			return badRequest(f.key, f.key+" is not a field of API "+c.version)
		}
	}
	createdAt := c.now
	if v, present := body["created_at"]; present && v != nil {
		n, isInt := toInt(v)
		if !isInt {
			return badRequest("created_at", "created_at must be a Unix timestamp")
		}
		createdAt = n
	}
	adminAssignee, teamAssignee := "0", "0"
	if v, present := body["assignment"]; present && v != nil {
		a, isObj := v.(map[string]any)
		if !isObj {
			return badRequest("assignment", "assignment must be an object")
		}
		if id := idString(a["admin_assignee_id"]); id != "" {
			if st.admins[id] == nil {
				return notFound("assignee_not_found", "Assignee not found")
			}
			adminAssignee = id
		}
		if id := idString(a["team_assignee_id"]); id != "" {
			if st.teams[id] == nil {
				return notFound("assignee_not_found", "Assignee not found")
			}
			teamAssignee = id
		}
	}
	var linkTo *conversation
	if v, present := body["conversation_to_link_id"]; present && v != nil {
		if linkTo = st.conversations[idString(v)]; linkTo == nil {
			return notFound("not_found", "Conversation to link not found")
		}
	}
	st.ticketNumber++
	t := &ticket{stateID: stateID, seq: st.nextSeq(), contactIDs: uniq(contactIDs), fields: obj{
		"type": "ticket", "id": st.numID(), "ticket_id": strconv.FormatInt(st.ticketNumber, 10),
		"ticket_attributes": attrs, "ticket_type": cloneObj(tt),
		"admin_assignee_id": adminAssignee, "team_assignee_id": teamAssignee, "created_at": createdAt, "updated_at": c.now,
		"open": true, "snoozed_until": nil, "category": tt["category"], "is_shared": false,
		"linked_objects": obj{"type": "list", "data": []any{}, "total_count": 0, "has_more": false},
	}}
	category := st.ticketStates[stateID].category
	st.addTicketPart(t, c.now, "ticket_state_updated_by_admin",
		obj{"ticket_state": category, "previous_ticket_state": "submitted"}, botAuthor())
	st.tickets[t.id()] = t
	if linkTo != nil {
		linkObject(t.fields, "conversation", linkTo.id(), nil)
		linkObject(linkTo.fields, "ticket", t.id(), tt["category"])
	}
	return ok(c.renderTicket(t))
}

// updateTicket moves, assigns and edits a ticket. Each version's body is
// accepted, and the fields of other versions refused (400): the state by
// its category (state) up to 2.11 and by its id (ticket_state_id) from
// 2.12; the assignment as an object (assignment) up to 2.13 and as
// top-level admin_id and assignee_id from 2.14.
func updateTicket(c *call) reply {
	st := c.st
	t, rp := st.findTicket(c.param("id"))
	if rp != nil {
		return *rp
	}
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	for _, f := range []struct{ key, since, until, instead string }{
		{"state", "", "2.12", "ticket_state_id"},
		{"ticket_state_id", "2.12", "", "state"},
		{"company_id", "2.12", "", ""},
		{"skip_notifications", "2.13", "", ""},
		{"assignment", "", "2.14", "admin_id and assignee_id"},
		{"admin_id", "2.14", "", "assignment.admin_id"},
		{"assignee_id", "2.14", "", "assignment.assignee_id"},
	} {
		if _, present := body[f.key]; !present {
			continue
		}
		if (f.since != "" && !c.since(f.since)) || (f.until != "" && c.since(f.until)) {
			msg := f.key + " is not a field of API " + c.version
			if f.instead != "" {
				msg += ": use " + f.instead
			}
			return badRequest(f.key, msg)
		}
	}
	f := cloneObj(t.fields)
	author := st.adminRef(AdminID)
	var assignment map[string]any
	if v, present := body["assignment"]; present && v != nil {
		assignment, _ = v.(map[string]any)
		if assignment == nil {
			return badRequest("assignment", "assignment must be an object")
		}
	}
	if _, present := body["assignee_id"]; present {
		assignment = obj{"admin_id": body["admin_id"], "assignee_id": body["assignee_id"]}
	} else if v, present := body["admin_id"]; present && v != nil {
		assignment = obj{"admin_id": v}
	}
	assigneeField := "assignment.assignee_id"
	if c.since("2.14") {
		assigneeField = "assignee_id"
	}
	if assignment != nil {
		if a := idString(assignment["admin_id"]); a != "" {
			id, rp := st.lookupAdmin(a)
			if rp != nil {
				return *rp
			}
			author = st.adminRef(id)
		}
	}
	if v, present := body["ticket_attributes"]; present {
		if r := mergeTicketAttributes(f, v); r != nil {
			return *r
		}
	}
	typeID := idString(f["ticket_type"].(obj)["id"])
	var newState *ticketState
	if v, present := body["state"]; present {
		s, _ := v.(string)
		switch s {
		case "in_progress", "waiting_on_customer", "resolved":
			newState = st.ticketStateOf(typeID, s)
		default:
			return badRequest("state", "state must be in_progress, waiting_on_customer or resolved")
		}
	}
	if v, present := body["ticket_state_id"]; present {
		newState = st.ticketStates[idString(v)]
		if newState == nil || !usesState(newState, typeID) {
			return badRequest("ticket_state_id", "ticket_state_id is not a state of the ticket's type")
		}
	}
	if v, present := body["company_id"]; present && v != nil {
		if id := idString(v); st.companies[id] == nil && st.companyByCompanyID(id) == nil {
			return notFound("company_not_found", "Company Not Found")
		}
	}
	for _, key := range []string{"open", "is_shared", "skip_notifications"} {
		if v, present := body[key]; present {
			b, isBool := v.(bool)
			if !isBool {
				return badRequest(key, key+" must be a boolean")
			}
			if key == "skip_notifications" {
				continue
			}
			f[key] = b
			if key == "open" && !b {
				f["snoozed_until"] = nil
			}
		}
	}
	if v, present := body["snoozed_until"]; present {
		n, isInt := toInt(v)
		if !isInt {
			return badRequest("snoozed_until", "snoozed_until must be a Unix timestamp")
		}
		f["snoozed_until"] = n
	}
	var assignedTo any
	if _, assigning := assignment["assignee_id"]; assigning || (assignment != nil && !c.since("2.14")) {
		assignee := idString(assignment["assignee_id"])
		switch {
		case assignee == "":
			return badRequest(assigneeField, "assignee_id is required")
		case assignee == "0":
			f["admin_assignee_id"] = "0"
			assignedTo = obj{"type": "nobody_admin", "id": nil}
		case st.admins[assignee] != nil:
			f["admin_assignee_id"] = assignee
			assignedTo = obj{"type": "admin", "id": assignee}
		case st.teams[assignee] != nil:
			f["team_assignee_id"] = assignee
			assignedTo = obj{"type": "team", "id": assignee}
		default:
			return notFound("assignee_not_found", "Assignee not found")
		}
	}
	f["updated_at"] = c.now
	t.fields = f
	if newState != nil {
		prev := st.ticketStates[t.stateID].category
		t.stateID = newState.id
		st.addTicketPart(t, c.now, "ticket_state_updated_by_admin",
			obj{"ticket_state": newState.category, "previous_ticket_state": prev}, author)
	}
	if assignedTo != nil {
		st.addTicketPart(t, c.now, "assignment", obj{"assigned_to": assignedTo}, author)
	}
	return ok(c.renderTicket(t))
}

func replyTicket(c *call) reply {
	st := c.st
	t, rp := st.findTicket(c.param("id"))
	if rp != nil {
		return *rp
	}
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	text := str(body, "body")
	var author obj
	partType := "comment"
	switch str(body, "type") {
	case "user":
		ct := st.contactBy(str(body, "intercom_user_id"), str(body, "user_id"), str(body, "email"))
		if ct == nil {
			return notFound("not_found", "User Not Found")
		}
		if !slices.Contains(t.contactIDs, ct.id()) {
			return notFound("not_found", "User is not a contact of this ticket")
		}
		author = contactAuthor(ct)
	case "admin":
		adminID, rp := st.lookupAdmin(body["admin_id"])
		if rp != nil {
			return *rp
		}
		author = st.adminRef(adminID)
		partType = str(body, "message_type")
		if partType != "comment" && partType != "note" && partType != "quick_reply" {
			return badRequest("message_type", "message_type must be comment, note or quick_reply")
		}
	default:
		return badRequest("type", "type must be admin or user")
	}
	extra := obj{"attachments": attachments(body["attachment_urls"])}
	if partType == "quick_reply" {
		if opts, _ := body["reply_options"].([]any); len(opts) == 0 {
			return badRequest("reply_options", "reply_options are required for a quick_reply")
		}
	} else {
		if text == "" {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "body", "Body is required")
		}
		extra["body"] = htmlBody(text)
	}
	p := st.addTicketPart(t, c.now, partType, extra, author)
	return ok(cloneObj(p))
}

// ticketFieldsSince212 resolves them from API 2.12, where a ticket's state
// is an object.
var ticketFieldsSince212 = func() fieldAliases {
	m := fieldAliases{"state": "ticket_state.category", "ticket_state_id": "ticket_state.id"}
	for k, v := range ticketFields {
		if _, set := m[k]; !set {
			m[k] = v
		}
	}
	return m
}()

// ticketFields resolves the search-only field names of tickets.
var ticketFields = fieldAliases{
	"state":                 "ticket_state",
	"ticket_type_id":        "ticket_type.id",
	"contact_ids":           "contacts.contacts.id",
	"title":                 "ticket_attributes._default_title_",
	"description":           "ticket_attributes._default_description_",
	"_default_title_":       "ticket_attributes._default_title_",
	"_default_description_": "ticket_attributes._default_description_",
}

// mergeTicketAttributes sets the attributes of the object v (a request's
// ticket_attributes) on the ticket fields f, or returns the 400 when v is
// not an object.
func mergeTicketAttributes(f obj, v any) *reply {
	m, isObj := v.(map[string]any)
	if !isObj {
		r := badRequest("ticket_attributes", "ticket_attributes must be an object")
		return &r
	}
	attrs := cloneObj(f["ticket_attributes"].(obj))
	for k, val := range m {
		attrs[k] = normalize(val)
	}
	f["ticket_attributes"] = attrs
	return nil
}
