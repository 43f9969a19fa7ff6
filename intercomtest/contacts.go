package intercomtest

import (
	"net/http"
	"slices"
	"strings"
)

// contact is a stored contact: its own fields plus the relations the API
// renders as embedded lists.
type contact struct {
	seq        int64
	fields     obj
	archived   bool
	tags       []appliedTag
	companyIDs []string
}

// appliedTag is a tag applied to an object.
type appliedTag struct {
	tagID     string
	appliedAt int64
	appliedBy string
}

func (c *contact) id() string { return c.fields["id"].(string) }

// contactNullKeys are the keys of a new contact whose value is null.
var contactNullKeys = []string{
	"external_id", "phone", "name", "avatar", "owner_id", "signed_up_at", "last_seen_at",
	"last_replied_at", "last_contacted_at", "last_email_opened_at", "last_email_clicked_at",
	"language_override", "browser", "browser_version", "browser_language", "os",
	"android_app_name", "android_app_version", "android_device", "android_os_version",
	"android_sdk_version", "android_last_seen_at", "ios_app_name", "ios_app_version",
	"ios_device", "ios_os_version", "ios_sdk_version", "ios_last_seen_at",
	"utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term", "referrer",
}

func newContactFields(id string, now int64) obj {
	f := obj{
		"type": "contact", "id": id, "workspace_id": WorkspaceID, "role": "user",
		"email": nil, "email_domain": nil,
		"social_profiles":          obj{"type": "list", "data": []any{}},
		"has_hard_bounced":         false,
		"marked_email_as_spam":     false,
		"unsubscribed_from_emails": false,
		"created_at":               now, "updated_at": now,
		"location": obj{"type": "location", "country": nil, "region": nil, "city": nil,
			"country_code": nil, "continent_code": nil},
		"custom_attributes": obj{},
	}
	for _, k := range contactNullKeys {
		f[k] = nil
	}
	return f
}

// renderContact returns the contact as the API sends it.
func (st *state) renderContact(c *contact) obj {
	out := cloneObj(c.fields)
	id := c.id()
	embedded := func(url string, refs []any) obj {
		n := len(refs)
		if len(refs) > 10 {
			refs = refs[:10]
		}
		return obj{"type": "list", "data": refs, "url": url, "total_count": n, "has_more": n > 10}
	}
	var tags []any
	for _, t := range c.tags {
		tags = append(tags, obj{"type": "tag", "id": t.tagID, "url": "/tags/" + t.tagID})
	}
	var notes []any
	for _, n := range st.notesOf(id) {
		notes = append(notes, obj{"type": "note", "id": n.id, "url": "/notes/" + n.id})
	}
	var companies []any
	for _, cid := range c.companyIDs {
		companies = append(companies, obj{"type": "company", "id": cid, "url": "/companies/" + cid})
	}
	out["tags"] = embedded("/contacts/"+id+"/tags", orEmpty(tags))
	out["notes"] = embedded("/contacts/"+id+"/notes", orEmpty(notes))
	out["companies"] = embedded("/contacts/"+id+"/companies", orEmpty(companies))
	out["opted_out_subscription_types"] = embedded("/contacts/"+id+"/subscriptions", []any{})
	out["opted_in_subscription_types"] = embedded("/contacts/"+id+"/subscriptions", []any{})
	return out
}

func orEmpty(s []any) []any {
	if s == nil {
		return []any{}
	}
	return s
}

// contactRef is the short form of a contact in conversations and tickets.
func contactRef(c *contact) obj {
	return obj{"type": "contact", "id": c.id(), "external_id": c.fields["external_id"]}
}

// findContact returns a contact by id, or a 404 "User Not Found".
func (st *state) findContact(id string) (*contact, *reply) {
	c := st.contacts[id]
	if c == nil {
		rp := notFound("not_found", "User Not Found")
		return nil, &rp
	}
	return c, nil
}

// contactBy finds a contact by Intercom id, external id (user_id) or email.
func (st *state) contactBy(id, externalID, email string) *contact {
	if id != "" {
		return st.contacts[id]
	}
	for _, c := range sortedBySeq(st.contacts, func(c *contact) int64 { return c.seq }) {
		switch {
		case externalID != "" && c.fields["external_id"] == externalID:
			return c
		case email != "" && externalID == "" && strings.EqualFold(str(c.fields, "email"), email):
			return c
		}
	}
	return nil
}

// conflictingContact returns another user with the same email or external id.
func (st *state) conflictingContact(self string, role, email, externalID any) *contact {
	if role != "user" {
		return nil
	}
	for _, c := range st.contacts {
		if c.id() == self || c.fields["role"] != "user" {
			continue
		}
		if e, ok := email.(string); ok && e != "" && strings.EqualFold(str(c.fields, "email"), e) {
			return c
		}
		if x, ok := externalID.(string); ok && x != "" && c.fields["external_id"] == x {
			return c
		}
	}
	return nil
}

// applyContactFields sets the fields of a create or update request on f.
func (st *state) applyContactFields(f obj, body obj) *reply {
	bad := func(field, msg string) *reply {
		rp := badRequest(field, msg)
		return &rp
	}
	for key, v := range body {
		switch key {
		case "role":
			if v != "user" && v != "lead" {
				return bad("role", "role must be user or lead")
			}
			f["role"] = v
		case "external_id", "email", "phone", "name":
			switch x := v.(type) {
			case nil:
				f[key] = nil
			case string:
				f[key] = x
			default:
				if key == "external_id" && idString(v) != "" {
					f[key] = idString(v)
					continue
				}
				return bad(key, key+" must be a string or null")
			}
			if key == "email" {
				f["email_domain"] = nil
				if e, _ := f["email"].(string); strings.Contains(e, "@") {
					f["email_domain"] = e[strings.LastIndex(e, "@")+1:]
				}
			}
		case "avatar":
			switch x := v.(type) {
			case nil:
				f["avatar"] = nil
			case string:
				f["avatar"] = obj{"type": "avatar", "image_url": x}
			default:
				return bad("avatar", "avatar must be an image URL or null")
			}
		case "signed_up_at", "last_seen_at":
			if v == nil {
				f[key] = nil
				continue
			}
			n, ok := toInt(v)
			if !ok {
				return bad(key, key+" must be a Unix timestamp or null")
			}
			f[key] = n
		case "owner_id":
			if v == nil {
				f["owner_id"] = nil
				continue
			}
			id := idString(v)
			if st.admins[id] == nil {
				return bad("owner_id", "owner_id must be the id of an admin")
			}
			f["owner_id"] = numericID(id)
		case "unsubscribed_from_emails":
			switch x := v.(type) {
			case nil:
				f[key] = false
			case bool:
				f[key] = x
			default:
				return bad(key, key+" must be a boolean")
			}
		case "custom_attributes":
			cur, _ := f["custom_attributes"].(obj)
			merged, rp := mergeAttributes(cur, v)
			if rp != nil {
				return rp
			}
			f["custom_attributes"] = merged
		}
	}
	return nil
}

func registerContacts(rt *router) {
	rt.add(http.MethodPost, "/contacts", createContact)
	rt.add(http.MethodGet, "/contacts", listContacts)
	rt.add(http.MethodGet, "/contacts/{id}", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(c.st.renderContact(ct))
	})
	rt.add(http.MethodPut, "/contacts/{id}", updateContact)
	rt.add(http.MethodDelete, "/contacts/{id}", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		c.st.deleteContact(ct)
		return ok(obj{"id": ct.id(), "external_id": ct.fields["external_id"], "type": "contact", "deleted": true})
	})
	rt.add(http.MethodPost, "/contacts/merge", mergeContacts)
	rt.add(http.MethodPost, "/contacts/search", func(c *call) reply {
		var docs []searchDoc
		for _, ct := range sortedBySeq(c.st.contacts, func(c *contact) int64 { return c.seq }) {
			if !ct.archived {
				docs = append(docs, searchDoc{seq: ct.seq, doc: c.st.renderContact(ct)})
			}
		}
		sample := c.st.renderContact(&contact{fields: newContactFields("", 0)})
		res, rp := c.search(docs, contactFields, sample, 50)
		if rp != nil {
			return *rp
		}
		return ok(obj{"type": "list", "data": res.items, "total_count": res.total, "pages": res.pages})
	})
	rt.add(http.MethodPost, "/contacts/{id}/archive", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		ct.archived = true
		return ok(obj{"id": ct.id(), "external_id": ct.fields["external_id"], "type": "contact", "archived": true})
	})
	rt.add(http.MethodPost, "/contacts/{id}/unarchive", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		ct.archived = false
		return ok(obj{"id": ct.id(), "external_id": ct.fields["external_id"], "type": "contact", "archived": false})
	})
	rt.add(http.MethodGet, "/contacts/{contact_id}/segments", func(c *call) reply {
		if _, rp := c.st.findContact(c.param("contact_id")); rp != nil {
			return *rp
		}
		return ok(obj{"type": "list", "data": []any{}})
	})
	rt.add(http.MethodGet, "/contacts/{contact_id}/subscriptions", func(c *call) reply {
		if _, rp := c.st.findContact(c.param("contact_id")); rp != nil {
			return *rp
		}
		return ok(obj{"type": "list", "data": []any{}})
	})
}

func createContact(c *call) reply {
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	if str(body, "email") == "" && idString(body["external_id"]) == "" && str(body, "role") == "" {
		return fieldErr(http.StatusBadRequest, "parameter_not_found", "email", "email, external_id or role is required")
	}
	f := newContactFields(c.st.hexID(), c.now)
	if rp := c.st.applyContactFields(f, body); rp != nil {
		return *rp
	}
	if other := c.st.conflictingContact("", f["role"], f["email"], f["external_id"]); other != nil {
		return errReply(http.StatusConflict, "conflict", "A contact matching those details already exists with id="+other.id())
	}
	ct := &contact{seq: c.st.nextSeq(), fields: f}
	c.st.contacts[ct.id()] = ct
	return ok(c.st.renderContact(ct))
}

func updateContact(c *call) reply {
	ct, rp := c.st.findContact(c.param("id"))
	if rp != nil {
		return *rp
	}
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	f := cloneObj(ct.fields)
	if rp := c.st.applyContactFields(f, body); rp != nil {
		return *rp
	}
	if other := c.st.conflictingContact(ct.id(), f["role"], f["email"], f["external_id"]); other != nil {
		return errReply(http.StatusConflict, "conflict", "A contact matching those details already exists with id="+other.id())
	}
	f["updated_at"] = c.now
	ct.fields = f
	return ok(c.st.renderContact(ct))
}

func listContacts(c *call) reply {
	per, rp := perPage(c.query.Get("per_page"), 50)
	if rp != nil {
		return *rp
	}
	var live []*contact
	for _, ct := range sortedBySeq(c.st.contacts, func(c *contact) int64 { return c.seq }) {
		if !ct.archived {
			live = append(live, ct)
		}
	}
	page, rp := paginateCursor(live, func(c *contact) int64 { return c.seq }, per, c.query.Get("starting_after"))
	if rp != nil {
		return *rp
	}
	data := []any{}
	for _, ct := range page.items {
		data = append(data, c.st.renderContact(ct))
	}
	return ok(obj{"type": "list", "data": data, "total_count": page.totalCount, "pages": page.pages})
}

// deleteContact removes a contact and what hangs off it.
func (st *state) deleteContact(ct *contact) {
	delete(st.contacts, ct.id())
	for id, n := range st.notes {
		if n.contactID == ct.id() {
			delete(st.notes, id)
		}
	}
}

func mergeContacts(c *call) reply {
	body, rp := c.json()
	if rp != nil {
		return *rp
	}
	fromID, intoID := idString(body["from"]), idString(body["into"])
	if fromID == "" || intoID == "" {
		return fieldErr(http.StatusBadRequest, "parameter_not_found", "from", "from and into are required")
	}
	if fromID == intoID {
		return badRequest("into", "a contact cannot be merged into itself")
	}
	from, rp := c.st.findContact(fromID)
	if rp != nil {
		return *rp
	}
	into, rp := c.st.findContact(intoID)
	if rp != nil {
		return *rp
	}
	if from.fields["role"] != "lead" {
		return badRequest("from", "from must be a lead")
	}
	if into.fields["role"] != "user" {
		return badRequest("into", "into must be a user")
	}
	// The user keeps its own values; the lead's fill the gaps.
	for k, v := range from.fields {
		switch k {
		case "id", "type", "role", "created_at", "updated_at", "workspace_id":
			continue
		case "custom_attributes":
			attrs := cloneObj(into.fields["custom_attributes"].(obj))
			for ak, av := range v.(obj) {
				if _, set := attrs[ak]; !set {
					attrs[ak] = clone(av)
				}
			}
			into.fields["custom_attributes"] = attrs
		default:
			if into.fields[k] == nil && v != nil {
				into.fields[k] = clone(v)
			}
		}
	}
	for _, t := range from.tags {
		if !slices.ContainsFunc(into.tags, func(a appliedTag) bool { return a.tagID == t.tagID }) {
			into.tags = append(into.tags, t)
		}
	}
	for _, id := range from.companyIDs {
		if !slices.Contains(into.companyIDs, id) {
			into.companyIDs = append(into.companyIDs, id)
		}
	}
	for _, n := range c.st.notes {
		if n.contactID == fromID {
			n.contactID = intoID
		}
	}
	for _, cv := range c.st.conversations {
		for i, id := range cv.contactIDs {
			if id == fromID {
				cv.contactIDs[i] = intoID
			}
		}
		cv.contactIDs = uniq(cv.contactIDs)
	}
	for _, t := range c.st.tickets {
		for i, id := range t.contactIDs {
			if id == fromID {
				t.contactIDs[i] = intoID
			}
		}
		t.contactIDs = uniq(t.contactIDs)
	}
	for _, e := range c.st.events {
		if e.contactID == fromID {
			e.contactID = intoID
		}
	}
	into.fields["updated_at"] = c.now
	delete(c.st.contacts, fromID)
	return ok(c.st.renderContact(into))
}

// contactFields resolves the search-only field names of contacts.
var contactFields = fieldAliases{
	"tag_id":     "tags.data.id",
	"company_id": "companies.data.id",
	"segment_id": "", // segments are not modelled: never set
}

// uniq removes repeated ids, keeping the first of each.
func uniq(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
