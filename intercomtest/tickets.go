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
}

func (t *ticket) id() string { return t.fields["id"].(string) }

// ticketStateLabels are the labels Intercom shows for each ticket state.
var ticketStateLabels = map[string]string{
	"submitted":           "Submitted",
	"in_progress":         "In progress",
	"waiting_on_customer": "Waiting on customer",
	"resolved":            "Resolved",
}

func setTicketState(f obj, state string) {
	f["ticket_state"] = state
	f["ticket_state_internal_label"] = ticketStateLabels[state]
	f["ticket_state_external_label"] = ticketStateLabels[state]
}

// renderTicket returns the ticket as the API sends it.
func (st *state) renderTicket(t *ticket) obj {
	out := cloneObj(t.fields)
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
		return ok(c.st.renderTicket(t))
	})
	rt.add(http.MethodPut, "/tickets/{id}", updateTicket)
	rt.add(http.MethodPost, "/tickets/{id}/reply", replyTicket)
	rt.add(http.MethodPost, "/tickets/search", func(c *call) reply {
		var docs []searchDoc
		for _, t := range sortedBySeq(c.st.tickets, func(t *ticket) int64 { return t.seq }) {
			docs = append(docs, searchDoc{seq: t.seq, doc: c.st.renderTicket(t)})
		}
		sample := c.st.renderTicket(&ticket{fields: sampleTicket()})
		res, rp := c.search(docs, ticketFields, sample, 20)
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
	setTicketState(f, "submitted")
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
	st.ticketNumber++
	t := &ticket{seq: st.nextSeq(), contactIDs: uniq(contactIDs), fields: obj{
		"type": "ticket", "id": st.numID(), "ticket_id": strconv.FormatInt(st.ticketNumber, 10),
		"ticket_attributes": attrs, "ticket_type": cloneObj(tt),
		"admin_assignee_id": "0", "team_assignee_id": "0", "created_at": c.now, "updated_at": c.now,
		"open": true, "snoozed_until": nil, "category": tt["category"], "is_shared": false,
		"linked_objects": obj{"type": "list", "data": []any{}, "total_count": 0, "has_more": false},
	}}
	setTicketState(t.fields, "submitted")
	st.addTicketPart(t, c.now, "ticket_state_updated_by_admin",
		obj{"ticket_state": "submitted", "previous_ticket_state": "submitted"}, botAuthor())
	st.tickets[t.id()] = t
	return ok(st.renderTicket(t))
}

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
	f := cloneObj(t.fields)
	author := st.adminRef(AdminID)
	// Up to 2.13 an assignment object carries admin_id and assignee_id;
	// from 2.14 they are top-level fields (admin_id an integer).
	var adminRaw, assigneeRaw any
	assigning, assigneeField := false, "assignment.assignee_id"
	if topLevelTicketAssignment(c.r.Header.Get("Intercom-Version")) {
		if v, present := body["assignment"]; present && v != nil {
			return badRequest("assignment", "assignment is not supported in this API version: send admin_id and assignee_id")
		}
		if v, present := body["admin_id"]; present {
			if _, isStr := v.(string); isStr {
				return badRequest("admin_id", "admin_id must be an integer")
			}
			adminRaw = v
		}
		assigneeRaw, assigning = body["assignee_id"]
		assigneeField = "assignee_id"
	} else if v, present := body["assignment"]; present && v != nil {
		assignment, _ := v.(map[string]any)
		if assignment == nil {
			return badRequest("assignment", "assignment must be an object")
		}
		adminRaw, assigneeRaw, assigning = assignment["admin_id"], assignment["assignee_id"], true
	}
	if a := idString(adminRaw); a != "" {
		id, rp := st.lookupAdmin(a)
		if rp != nil {
			return *rp
		}
		author = st.adminRef(id)
	}
	if v, present := body["ticket_attributes"]; present {
		m, isObj := v.(map[string]any)
		if !isObj {
			return badRequest("ticket_attributes", "ticket_attributes must be an object")
		}
		attrs := cloneObj(f["ticket_attributes"].(obj))
		for k, val := range m {
			attrs[k] = normalize(val)
		}
		f["ticket_attributes"] = attrs
	}
	newState := ""
	if v, present := body["state"]; present {
		s, _ := v.(string)
		switch s {
		case "in_progress", "waiting_on_customer", "resolved":
			newState = s
		default:
			return badRequest("state", "state must be in_progress, waiting_on_customer or resolved")
		}
	}
	for _, key := range []string{"open", "is_shared"} {
		if v, present := body[key]; present {
			b, isBool := v.(bool)
			if !isBool {
				return badRequest(key, key+" must be a boolean")
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
	if assigning {
		assignee := idString(assigneeRaw)
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
	if newState != "" {
		prev := f["ticket_state"]
		setTicketState(f, newState)
		st.addTicketPart(t, c.now, "ticket_state_updated_by_admin",
			obj{"ticket_state": newState, "previous_ticket_state": prev}, author)
	}
	if assignedTo != nil {
		st.addTicketPart(t, c.now, "assignment", obj{"assigned_to": assignedTo}, author)
	}
	return ok(st.renderTicket(t))
}

// topLevelTicketAssignment reports whether an API version takes a ticket
// update's admin_id and assignee_id at the top level (2.14 and later)
// rather than in an assignment object.
func topLevelTicketAssignment(version string) bool {
	switch version {
	case "2.14", "2.15", "2.16", "Unstable":
		return true
	}
	return false
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
