package intercomtest

import "net/http"

func registerContactExtras(rt *router) {
	// GET /contacts/find_by_external_id/{external_id} (2.13 and later):
	// users only, as Intercom's.
	rt.add(http.MethodGet, "/contacts/find_by_external_id/{external_id}", func(c *call) reply {
		ext := c.param("external_id")
		for _, ct := range sortedBySeq(c.st.contacts, func(ct *contact) int64 { return ct.seq }) {
			if ext != "" && ct.fields["external_id"] == ext && ct.fields["role"] == "user" {
				return ok(c.st.renderContact(ct))
			}
		}
		return notFound("not_found", "User Not Found")
	})
	// POST /contacts/{id}/block (2.13 and later): the answer names the
	// contact; nothing else changes.
	rt.add(http.MethodPost, "/contacts/{id}/block", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(obj{"type": "contact", "id": ct.id(), "external_id": ct.fields["external_id"], "blocked": true})
	})
	// DELETE /tickets/{id} (2.13 and later).
	rt.add(http.MethodDelete, "/tickets/{id}", func(c *call) reply {
		t, rp := c.st.findTicket(c.param("id"))
		if rp != nil {
			return *rp
		}
		delete(c.st.tickets, t.id())
		return ok(obj{"id": t.id(), "object": "ticket", "deleted": true})
	})
}
