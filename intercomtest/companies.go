package intercomtest

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
)

// company is a stored company.
type company struct {
	seq    int64
	fields obj
	tags   []appliedTag
}

func (co *company) id() string { return co.fields["id"].(string) }

// scroll is the open company scroll of the workspace.
type scroll struct {
	param    string
	ids      []string
	pos      int
	lastUsed int64
}

// scrollTTL is how long an unused scroll stays open, in seconds.
const scrollTTL = 60

// renderCompany returns the company as the API sends it.
func (st *state) renderCompany(co *company) obj {
	out := cloneObj(co.fields)
	users := 0
	for _, ct := range st.contacts {
		if slices.Contains(ct.companyIDs, co.id()) {
			users++
		}
	}
	out["user_count"] = users
	tags := []any{}
	for _, t := range co.tags {
		if tg := st.tags[t.tagID]; tg != nil {
			tags = append(tags, obj{"type": "tag", "id": tg.id, "name": tg.name})
		}
	}
	out["tags"] = obj{"type": "tag.list", "tags": tags}
	return out
}

func (st *state) findCompany(id string) (*company, *reply) {
	co := st.companies[id]
	if co == nil {
		rp := notFound("company_not_found", "Company Not Found")
		return nil, &rp
	}
	return co, nil
}

// companyByCompanyID finds a company by the id the workspace gave it.
func (st *state) companyByCompanyID(companyID string) *company {
	for _, co := range st.companies {
		if co.fields["company_id"] == companyID {
			return co
		}
	}
	return nil
}

func (st *state) companiesInOrder() []*company {
	return sortedBySeq(st.companies, func(c *company) int64 { return c.seq })
}

// applyCompanyFields sets the fields of a create or update request.
func (st *state) applyCompanyFields(f obj, body obj) *reply {
	bad := func(field, msg string) *reply {
		rp := badRequest(field, msg)
		return &rp
	}
	for k, v := range body {
		switch k {
		case "name", "website", "industry":
			switch x := v.(type) {
			case nil, string:
				f[k] = x
			default:
				return bad(k, k+" must be a string")
			}
		case "plan":
			name, ok := v.(string)
			if !ok && v != nil {
				return bad("plan", "plan must be a string")
			}
			if name == "" {
				f["plan"] = obj{}
				continue
			}
			id := st.planIDs[name]
			if id == "" {
				id = st.numID()
				st.planIDs[name] = id
			}
			f["plan"] = obj{"type": "plan", "id": id, "name": name}
		case "size", "monthly_spend", "remote_created_at":
			if v == nil {
				f[k] = nil
				continue
			}
			n, ok := toInt(v)
			if !ok {
				return bad(k, k+" must be an integer")
			}
			f[k] = n
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

func registerCompanies(rt *router) {
	rt.add(http.MethodPost, "/companies", func(c *call) reply {
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		companyID := idString(body["company_id"])
		if companyID == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "company_id", "company_id is required")
		}
		co := c.st.companyByCompanyID(companyID)
		if co == nil {
			co = &company{seq: c.st.nextSeq(), fields: obj{
				"type": "company", "company_id": companyID, "id": c.st.hexID(), "app_id": WorkspaceID,
				"name": nil, "remote_created_at": nil, "created_at": c.now, "updated_at": c.now,
				"monthly_spend": 0, "session_count": 0, "user_count": 0, "size": nil, "website": nil, "industry": nil,
				"segments": obj{"type": "segment.list", "segments": []any{}},
				"plan":     obj{}, "custom_attributes": obj{},
			}}
		}
		f := cloneObj(co.fields)
		if rp := c.st.applyCompanyFields(f, body); rp != nil {
			return *rp
		}
		f["updated_at"] = c.now
		co.fields = f
		c.st.companies[co.id()] = co
		return ok(c.st.renderCompany(co))
	})
	rt.add(http.MethodGet, "/companies", listCompanies)
	rt.add(http.MethodPost, "/companies/list", func(c *call) reply {
		page, rp := pageNumber(c.query.Get("page"))
		if rp != nil {
			return *rp
		}
		per, rp := perPage(c.query.Get("per_page"), 15)
		if rp != nil {
			return *rp
		}
		all := c.st.companiesInOrder()
		// Sorted by last_request_at, newest first unless order=asc.
		lastRequest := func(co *company) int64 { n, _ := toInt(co.fields["last_request_at"]); return n }
		slices.SortStableFunc(all, func(a, b *company) int { return cmp.Compare(lastRequest(b), lastRequest(a)) })
		if c.query.Get("order") == "asc" {
			slices.Reverse(all)
		}
		items, pages := paginatePage(all, page, per)
		return ok(obj{"type": "list", "data": renderCompanies(c.st, items), "pages": pages, "total_count": len(all)})
	})
	rt.add(http.MethodGet, "/companies/scroll", scrollCompanies)
	rt.add(http.MethodGet, "/companies/{id}", func(c *call) reply {
		co, rp := c.st.findCompany(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(c.st.renderCompany(co))
	})
	rt.add(http.MethodPut, "/companies/{id}", func(c *call) reply {
		co, rp := c.st.findCompany(c.param("id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		f := cloneObj(co.fields)
		if rp := c.st.applyCompanyFields(f, body); rp != nil {
			return *rp
		}
		f["updated_at"] = c.now
		co.fields = f
		return ok(c.st.renderCompany(co))
	})
	rt.add(http.MethodDelete, "/companies/{id}", func(c *call) reply {
		co, rp := c.st.findCompany(c.param("id"))
		if rp != nil {
			return *rp
		}
		delete(c.st.companies, co.id())
		for _, ct := range c.st.contacts {
			ct.companyIDs = slices.DeleteFunc(ct.companyIDs, func(id string) bool { return id == co.id() })
		}
		return ok(obj{"id": co.id(), "object": "company", "deleted": true})
	})
	rt.add(http.MethodGet, "/companies/{id}/contacts", func(c *call) reply {
		co, rp := c.st.findCompany(c.param("id"))
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
		var members []*contact
		for _, ct := range sortedBySeq(c.st.contacts, func(c *contact) int64 { return c.seq }) {
			if slices.Contains(ct.companyIDs, co.id()) {
				members = append(members, ct)
			}
		}
		items, pages := paginatePage(members, page, per)
		data := []any{}
		for _, ct := range items {
			data = append(data, c.st.renderContact(ct))
		}
		return ok(obj{"type": "list", "data": data, "total_count": len(members), "pages": pages})
	})
	rt.add(http.MethodGet, "/companies/{id}/segments", func(c *call) reply {
		if _, rp := c.st.findCompany(c.param("id")); rp != nil {
			return *rp
		}
		return ok(obj{"type": "list", "data": []any{}})
	})
	rt.add(http.MethodPost, "/contacts/{id}/companies", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		companyID := idString(body["id"])
		if companyID == "" {
			return errReply(http.StatusBadRequest, "parameter_not_found", "company not specified")
		}
		co, rp := c.st.findCompany(companyID)
		if rp != nil {
			return *rp
		}
		if !slices.Contains(ct.companyIDs, companyID) {
			ct.companyIDs = append(ct.companyIDs, companyID)
		}
		return ok(c.st.renderCompany(co))
	})
	rt.add(http.MethodDelete, "/contacts/{contact_id}/companies/{id}", func(c *call) reply {
		ct, rp := c.st.findContact(c.param("contact_id"))
		if rp != nil {
			return *rp
		}
		co, rp := c.st.findCompany(c.param("id"))
		if rp != nil {
			return *rp
		}
		if !slices.Contains(ct.companyIDs, co.id()) {
			return notFound("company_not_found", "Company Not Found")
		}
		ct.companyIDs = slices.DeleteFunc(ct.companyIDs, func(id string) bool { return id == co.id() })
		return ok(c.st.renderCompany(co))
	})
	rt.add(http.MethodGet, "/contacts/{id}/companies", func(c *call) reply {
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
		var cos []*company
		for _, id := range ct.companyIDs {
			if co := c.st.companies[id]; co != nil {
				cos = append(cos, co)
			}
		}
		items, pages := paginatePage(cos, page, per)
		if page < pages["total_pages"].(int) {
			pages["next"] = c.srv.URL() + "/contacts/" + ct.id() + "/companies?page=" + strconv.Itoa(page+1) + "&per_page=" + strconv.Itoa(per)
		}
		return ok(obj{"type": "list", "data": renderCompanies(c.st, items), "pages": pages, "total_count": len(cos)})
	})
}

func renderCompanies(st *state, cos []*company) []any {
	out := []any{}
	for _, co := range cos {
		out = append(out, st.renderCompany(co))
	}
	return out
}

// listCompanies is GET /companies: a lookup by name or company_id answers
// the one company found; otherwise a page of companies, filtered by tag.
func listCompanies(c *call) reply {
	if name, companyID := c.query.Get("name"), c.query.Get("company_id"); name != "" || companyID != "" {
		for _, co := range c.st.companiesInOrder() {
			if (companyID == "" || co.fields["company_id"] == companyID) && (name == "" || co.fields["name"] == name) {
				return ok(c.st.renderCompany(co))
			}
		}
		return notFound("company_not_found", "Company Not Found")
	}
	page, rp := pageNumber(c.query.Get("page"))
	if rp != nil {
		return *rp
	}
	per, rp := perPage(c.query.Get("per_page"), 15)
	if rp != nil {
		return *rp
	}
	all := c.st.companiesInOrder()
	if tagID := c.query.Get("tag_id"); tagID != "" {
		all = slices.DeleteFunc(all, func(co *company) bool {
			return !slices.ContainsFunc(co.tags, func(t appliedTag) bool { return t.tagID == tagID })
		})
	}
	if c.query.Get("segment_id") != "" {
		all = nil // segments are not modelled
	}
	items, pages := paginatePage(all, page, per)
	return ok(obj{"type": "list", "data": renderCompanies(c.st, items), "pages": pages, "total_count": len(all)})
}

// scrollPageSize is how many companies one scroll page holds.
const scrollPageSize = 15

func scrollCompanies(c *call) reply {
	st := c.st
	if st.scroll != nil && c.now-st.scroll.lastUsed >= scrollTTL {
		st.scroll = nil // expired
	}
	param := c.query.Get("scroll_param")
	if param == "" {
		if st.scroll != nil {
			return errReply(http.StatusBadRequest, "scroll_exists", "scroll already exists for this workspace")
		}
		var ids []string
		for _, co := range st.companiesInOrder() {
			ids = append(ids, co.id())
		}
		st.scroll = &scroll{param: newRequestID(), ids: ids}
	} else if st.scroll == nil || st.scroll.param != param {
		return notFound("not_found", "scroll_param is invalid or has expired")
	}
	sc := st.scroll
	sc.lastUsed = c.now
	end := min(sc.pos+scrollPageSize, len(sc.ids))
	data := []any{}
	for _, id := range sc.ids[sc.pos:end] {
		if co := st.companies[id]; co != nil {
			data = append(data, st.renderCompany(co))
		}
	}
	sc.pos = end
	param = sc.param
	if len(data) == 0 {
		st.scroll = nil // the end: the scroll expires
	}
	return ok(obj{"type": "list", "data": data, "pages": nil, "total_count": nil, "scroll_param": param})
}
