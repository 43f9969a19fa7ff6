package intercomtest

import (
	"cmp"
	"net/http"
	"slices"
)

// note is a stored note on a contact.
type note struct {
	seq       int64
	id        string
	contactID string
	adminID   string
	body      string
	createdAt int64
}

func (st *state) renderNote(n *note) obj {
	author := cloneObj(st.adminRef(n.adminID))
	if a := st.admins[n.adminID]; a != nil {
		author["away_mode_enabled"], author["away_mode_reassign"] = a["away_mode_enabled"], a["away_mode_reassign"]
	}
	return obj{"type": "note", "id": n.id, "created_at": n.createdAt,
		"contact": obj{"type": "contact", "id": n.contactID}, "author": author, "body": n.body}
}

// notesOf returns the notes of a contact, newest first.
func (st *state) notesOf(contactID string) []*note {
	var out []*note
	for _, n := range st.notes {
		if n.contactID == contactID {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *note) int { return cmp.Compare(b.seq, a.seq) })
	return out
}

func registerNotes(rt *router) {
	rt.add(http.MethodPost, "/contacts/{id}/notes", func(c *call) reply {
		st := c.st
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		contactID := c.param("id")
		if v := idString(body["contact_id"]); v != "" {
			contactID = v
		}
		ct, rp := st.findContact(contactID)
		if rp != nil {
			return *rp
		}
		adminID := AdminID
		if v, present := body["admin_id"]; present && v != nil {
			if adminID, rp = st.lookupAdmin(v); rp != nil {
				return notFound("not_found", "Resource Not Found")
			}
		}
		text := str(body, "body")
		if text == "" {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "body", "Body is required")
		}
		n := &note{seq: st.nextSeq(), id: st.numID(), contactID: ct.id(), adminID: adminID, body: htmlBody(text), createdAt: c.now}
		st.notes[n.id] = n
		return ok(st.renderNote(n))
	})
	rt.add(http.MethodGet, "/contacts/{id}/notes", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		page, rp := pageNumber(c.query.Get("page"))
		if rp != nil {
			return *rp
		}
		per, rp := perPage(c.query.Get("per_page"), 50)
		if rp != nil {
			return *rp
		}
		all := c.st.notesOf(ct.id())
		items, pages := paginatePage(all, page, per)
		data := []any{}
		for _, n := range items {
			data = append(data, c.st.renderNote(n))
		}
		return ok(obj{"type": "list", "data": data, "total_count": len(all), "pages": pages})
	})
	rt.add(http.MethodGet, "/notes/{id}", func(c *call) reply {
		n := c.st.notes[c.param("id")]
		if n == nil {
			return notFound("not_found", "Resource Not Found")
		}
		return ok(c.st.renderNote(n))
	})
}
