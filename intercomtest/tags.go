package intercomtest

import (
	"net/http"
	"slices"
	"strings"
)

// tag is a stored tag.
type tag struct {
	seq  int64
	id   string
	name string
}

func (t *tag) render() obj { return obj{"type": "tag", "id": t.id, "name": t.name} }

func (st *state) findTag(id string) (*tag, *reply) {
	t := st.tags[id]
	if t == nil {
		rp := notFound("tag_not_found", "Tag not found")
		return nil, &rp
	}
	return t, nil
}

// tagNamed returns the tag with name (case-insensitively), creating it.
func (st *state) tagNamed(name string) *tag {
	for _, t := range st.tags {
		if strings.EqualFold(t.name, name) {
			return t
		}
	}
	t := &tag{seq: st.nextSeq(), id: st.numID(), name: name}
	st.tags[t.id] = t
	return t
}

// renderApplied renders a tag applied to an object.
func (st *state) renderApplied(a appliedTag) obj {
	out := obj{"type": "tag", "id": a.tagID, "name": nil, "applied_at": a.appliedAt,
		"applied_by": obj{"type": "admin", "id": a.appliedBy}}
	if t := st.tags[a.tagID]; t != nil {
		out["name"] = t.name
	}
	return out
}

func (st *state) renderAppliedTags(tags []appliedTag) []any {
	out := []any{}
	for _, a := range tags {
		out = append(out, st.renderApplied(a))
	}
	return out
}

// apply adds a tag to a list of applied tags, keeping the first application.
func apply(tags []appliedTag, a appliedTag) ([]appliedTag, appliedTag) {
	for _, t := range tags {
		if t.tagID == a.tagID {
			return tags, t
		}
	}
	return append(tags, a), a
}

func unapply(tags []appliedTag, tagID string) []appliedTag {
	return slices.DeleteFunc(tags, func(t appliedTag) bool { return t.tagID == tagID })
}

func registerTags(rt *router) {
	rt.add(http.MethodGet, "/tags", func(c *call) reply {
		list := []any{}
		for _, t := range sortedBySeq(c.st.tags, func(t *tag) int64 { return t.seq }) {
			list = append(list, t.render())
		}
		return ok(obj{"type": "list", "data": list})
	})
	rt.add(http.MethodPost, "/tags", postTags)
	rt.add(http.MethodGet, "/tags/{id}", func(c *call) reply {
		t, rp := c.st.findTag(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(t.render())
	})
	rt.add(http.MethodDelete, "/tags/{id}", func(c *call) reply {
		t, rp := c.st.findTag(c.param("id"))
		if rp != nil {
			return *rp
		}
		delete(c.st.tags, t.id)
		for _, x := range c.st.contacts {
			x.tags = unapply(x.tags, t.id)
		}
		for _, x := range c.st.companies {
			x.tags = unapply(x.tags, t.id)
		}
		for _, x := range c.st.conversations {
			x.tags = unapply(x.tags, t.id)
		}
		for _, x := range c.st.tickets {
			x.tags = unapply(x.tags, t.id)
		}
		return reply{status: http.StatusOK}
	})

	rt.add(http.MethodGet, "/contacts/{contact_id}/tags", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("contact_id"))
		if rp != nil {
			return *rp
		}
		list := []any{}
		for _, a := range ct.tags {
			if t := c.st.tags[a.tagID]; t != nil {
				list = append(list, t.render())
			}
		}
		return ok(obj{"type": "list", "data": list})
	})
	rt.add(http.MethodPost, "/contacts/{contact_id}/tags", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("contact_id"))
		if rp != nil {
			return *rp
		}
		t, rp := c.bodyTag()
		if rp != nil {
			return *rp
		}
		var a appliedTag
		ct.tags, a = apply(ct.tags, appliedTag{tagID: t.id, appliedAt: c.now, appliedBy: AdminID})
		return ok(c.st.renderApplied(a))
	})
	rt.add(http.MethodDelete, "/contacts/{contact_id}/tags/{id}", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("contact_id"))
		if rp != nil {
			return *rp
		}
		t, rp := c.st.findTag(c.param("id"))
		if rp != nil {
			return *rp
		}
		ct.tags = unapply(ct.tags, t.id)
		return ok(t.render())
	})
	rt.add(http.MethodPost, "/conversations/{conversation_id}/tags", func(c *call) reply {
		cv, rp := c.st.findConversation(c.param("conversation_id"))
		if rp != nil {
			return *rp
		}
		return c.tagObject(&cv.tags)
	})
	rt.add(http.MethodDelete, "/conversations/{conversation_id}/tags/{id}", func(c *call) reply {
		cv, rp := c.st.findConversation(c.param("conversation_id"))
		if rp != nil {
			return *rp
		}
		return c.untagObject(&cv.tags)
	})
	rt.add(http.MethodPost, "/tickets/{ticket_id}/tags", func(c *call) reply {
		t, rp := c.st.findTicket(c.param("ticket_id"))
		if rp != nil {
			return *rp
		}
		return c.tagObject(&t.tags)
	})
	rt.add(http.MethodDelete, "/tickets/{ticket_id}/tags/{id}", func(c *call) reply {
		t, rp := c.st.findTicket(c.param("ticket_id"))
		if rp != nil {
			return *rp
		}
		return c.untagObject(&t.tags)
	})
}

// bodyTag returns the tag named by the body's id.
func (c *call) bodyTag() (*tag, *reply) {
	body, rp := c.json()
	if rp != nil {
		return nil, rp
	}
	id := idString(body["id"])
	if id == "" {
		rp := fieldErr(http.StatusBadRequest, "parameter_not_found", "id", "tag id is required")
		return nil, &rp
	}
	return c.st.findTag(id)
}

// tagObject applies the body's tag on behalf of the body's admin.
func (c *call) tagObject(tags *[]appliedTag) reply {
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	adminID, rp := c.st.lookupAdmin(body["admin_id"])
	if rp != nil {
		return *rp
	}
	t, rp := c.bodyTag()
	if rp != nil {
		return *rp
	}
	var a appliedTag
	*tags, a = apply(*tags, appliedTag{tagID: t.id, appliedAt: c.now, appliedBy: adminID})
	return ok(c.st.renderApplied(a))
}

// untagObject removes the path's tag on behalf of the body's admin.
func (c *call) untagObject(tags *[]appliedTag) reply {
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	adminID, rp := c.st.lookupAdmin(body["admin_id"])
	if rp != nil {
		return *rp
	}
	t, rp := c.st.findTag(c.param("id"))
	if rp != nil {
		return *rp
	}
	a := appliedTag{tagID: t.id, appliedAt: c.now, appliedBy: adminID}
	for _, x := range *tags {
		if x.tagID == t.id {
			a = x
		}
	}
	*tags = unapply(*tags, t.id)
	return ok(c.st.renderApplied(a))
}

// postTags is POST /tags: create or rename a tag, or tag or untag
// companies or contacts, depending on the body.
func postTags(c *call) reply {
	st := c.st
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	name := strings.TrimSpace(str(body, "name"))
	if name == "" {
		return errReply(http.StatusBadRequest, "parameter_invalid", "invalid tag parameters")
	}
	companies, hasCompanies := body["companies"].([]any)
	users, hasUsers := body["users"].([]any)
	switch {
	case hasCompanies:
		// Check every company before changing anything.
		var targets []*company
		var untag []bool
		for _, v := range companies {
			ref, _ := v.(map[string]any)
			var co *company
			if id := idString(ref["id"]); id != "" {
				co = st.companies[id]
			} else if cid := idString(ref["company_id"]); cid != "" {
				co = st.companyByCompanyID(cid)
			}
			if co == nil {
				return notFound("company_not_found", "Company Not Found")
			}
			u, _ := ref["untag"].(bool)
			targets, untag = append(targets, co), append(untag, u)
		}
		t := st.tagNamed(name)
		for i, co := range targets {
			if untag[i] {
				co.tags = unapply(co.tags, t.id)
			} else {
				co.tags, _ = apply(co.tags, appliedTag{tagID: t.id, appliedAt: c.now, appliedBy: AdminID})
			}
		}
		return ok(t.render())
	case hasUsers:
		var targets []*contact
		for _, v := range users {
			ref, _ := v.(map[string]any)
			ct := st.contacts[idString(ref["id"])]
			if ct == nil {
				return notFound("not_found", "User Not Found")
			}
			targets = append(targets, ct)
		}
		t := st.tagNamed(name)
		for _, ct := range targets {
			ct.tags, _ = apply(ct.tags, appliedTag{tagID: t.id, appliedAt: c.now, appliedBy: AdminID})
		}
		return ok(t.render())
	}
	if id := idString(body["id"]); id != "" {
		t, rp := st.findTag(id)
		if rp != nil {
			return *rp
		}
		t.name = name
		return ok(t.render())
	}
	return ok(st.tagNamed(name).render())
}
