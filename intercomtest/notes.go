package intercomtest

import (
	"cmp"
	"net/http"
	"slices"
)

// note is a stored note on a contact or (API 2.15 and later) a company.
type note struct {
	seq       int64
	id        string
	contactID string
	companyID string
	adminID   string
	body      string
	createdAt int64
}

func (st *state) renderNote(n *note) obj {
	author := cloneObj(st.adminRef(n.adminID))
	if a := st.admins[n.adminID]; a != nil {
		author["away_mode_enabled"], author["away_mode_reassign"] = a["away_mode_enabled"], a["away_mode_reassign"]
	}
	out := obj{"type": "note", "id": n.id, "created_at": n.createdAt, "author": author, "body": n.body}
	if n.companyID != "" {
		out["company"] = obj{"type": "company", "id": n.companyID}
	} else {
		out["contact"] = obj{"type": "contact", "id": n.contactID}
	}
	return out
}

// notesOf returns the notes of a contact, newest first.
func (st *state) notesOf(contactID string) []*note {
	return st.notesWhere(func(n *note) bool { return n.companyID == "" && n.contactID == contactID })
}

// notesWhere returns the notes keep selects, newest first.
func (st *state) notesWhere(keep func(*note) bool) []*note {
	var out []*note
	for _, n := range st.notes {
		if keep(n) {
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
		return c.notePage(c.st.notesOf(ct.id()))
	})
	rt.add(http.MethodGet, "/companies/{company_id}/notes", func(c *call) reply {
		co, rp := c.st.findCompany(c.param("company_id"))
		if rp != nil {
			return *rp
		}
		return c.notePage(c.st.notesWhere(func(n *note) bool { return n.companyID == co.id() }))
	})
	rt.add(http.MethodPost, "/companies/{company_id}/notes", func(c *call) reply {
		st := c.st
		co, rp := st.findCompany(c.param("company_id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		adminID := AdminID
		if v, present := body["admin_id"]; present && v != nil {
			if adminID, rp = st.lookupAdmin(v); rp != nil {
				return *rp
			}
		}
		text := str(body, "body")
		if text == "" {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "body", "Body is required")
		}
		n := &note{seq: st.nextSeq(), id: st.numID(), companyID: co.id(), adminID: adminID, body: htmlBody(text), createdAt: c.now}
		st.notes[n.id] = n
		return ok(st.renderNote(n))
	})
	rt.add(http.MethodGet, "/notes/{id}", func(c *call) reply {
		n := c.st.notes[c.param("id")]
		if n == nil {
			return notFound("not_found", "Resource Not Found")
		}
		return ok(c.st.renderNote(n))
	})
}

// notePage answers a page-numbered list of notes (page, per_page: 50 by
// default).
func (c *call) notePage(all []*note) reply {
	page, rp := pageNumber(c.query.Get("page"))
	if rp != nil {
		return *rp
	}
	per, rp := perPage(c.query.Get("per_page"), 50)
	if rp != nil {
		return *rp
	}
	items, pages := paginatePage(all, page, per)
	data := []any{}
	for _, n := range items {
		data = append(data, c.st.renderNote(n))
	}
	return ok(obj{"type": "list", "data": data, "total_count": len(all), "pages": pages})
}
