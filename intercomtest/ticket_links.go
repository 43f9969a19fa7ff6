package intercomtest

import (
	"net/http"
	"slices"
)

// unlinkObject removes a linked object from the linked_objects of a
// conversation or ticket; it reports whether there was one.
func unlinkObject(f obj, typ, id string) bool {
	lo, _ := f["linked_objects"].(obj)
	data, _ := lo["data"].([]any)
	kept := slices.DeleteFunc(slices.Clone(data), func(v any) bool {
		m, _ := v.(map[string]any)
		return m["type"] == typ && m["id"] == id
	})
	if len(kept) == len(data) {
		return false
	}
	f["linked_objects"] = obj{"type": "list", "data": kept, "total_count": len(kept), "has_more": false}
	return true
}

func registerTicketLinks(rt *router) {
	// POST /tickets/{ticket_id}/change_type (2.16): another type of the
	// same category, in one of its states; the attributes are kept and
	// those given override them.
	rt.add(http.MethodPost, "/tickets/{ticket_id}/change_type", func(c *call) reply {
		st := c.st
		t, rp := st.findTicket(c.param("ticket_id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		tt := st.ticketTypes[idString(body["ticket_type_id"])]
		if tt == nil {
			return badRequest("ticket_type_id", "ticket_type_id is not the id of a ticket type")
		}
		if tt["category"] != t.fields["category"] {
			return badRequest("ticket_type_id", "the new ticket type must be of the ticket's category")
		}
		ts := st.ticketStates[idString(body["ticket_state_id"])]
		if ts == nil || !usesState(ts, idString(tt["id"])) {
			return badRequest("ticket_state_id", "ticket_state_id is not a state of the new ticket type")
		}
		f := cloneObj(t.fields)
		if v, present := body["ticket_attributes"]; present && v != nil {
			if r := mergeTicketAttributes(f, v); r != nil {
				return *r
			}
		}
		f["ticket_type"] = cloneObj(tt)
		f["updated_at"] = c.now
		t.fields = f
		prev := st.ticketStates[t.stateID].category
		t.stateID = ts.id
		st.addTicketPart(t, c.now, "ticket_state_updated_by_admin",
			obj{"ticket_state": ts.category, "previous_ticket_state": prev}, st.adminRef(AdminID))
		return ok(c.renderTicket(t))
	})
	// POST /tickets/{ticket_id}/linked_conversations (2.16): links a
	// conversation both ways and returns it. Intercom links to tracker
	// tickets only; the server does not check the category.
	rt.add(http.MethodPost, "/tickets/{ticket_id}/linked_conversations", func(c *call) reply {
		st := c.st
		t, rp := st.findTicket(c.param("ticket_id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		id := idString(body["conversation_id"])
		if id == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "conversation_id", "conversation_id is required")
		}
		cv, rp := st.findConversation(id)
		if rp != nil {
			return *rp
		}
		unlinkObject(cv.fields, "ticket", t.id())
		unlinkObject(t.fields, "conversation", cv.id())
		linkObject(cv.fields, "ticket", t.id(), t.fields["category"])
		linkObject(t.fields, "conversation", cv.id(), nil)
		cv.fields["updated_at"], t.fields["updated_at"] = c.now, c.now
		return ok(st.renderConversation(cv, false))
	})
	// DELETE /tickets/{ticket_id}/linked_conversations/{id} (2.16).
	rt.add(http.MethodDelete, "/tickets/{ticket_id}/linked_conversations/{id}", func(c *call) reply {
		st := c.st
		t, rp := st.findTicket(c.param("ticket_id"))
		if rp != nil {
			return *rp
		}
		cv, rp := st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		if !unlinkObject(cv.fields, "ticket", t.id()) {
			return notFound("not_found", "The conversation is not linked to the ticket")
		}
		unlinkObject(t.fields, "conversation", cv.id())
		cv.fields["updated_at"], t.fields["updated_at"] = c.now, c.now
		return ok(st.renderConversation(cv, false))
	})
}
