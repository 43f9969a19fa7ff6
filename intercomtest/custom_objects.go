package intercomtest

import (
	"net/http"
)

// OrderCustomObjectType is the identifier of a custom object type the
// examples use. The server keeps instances of any type identifier: it
// does not model the types themselves, which are defined in Intercom's
// settings.
const OrderCustomObjectType = "Order"

// customObject is a stored custom object instance.
type customObject struct {
	seq    int64
	fields obj
}

func (co *customObject) id() string { return co.fields["id"].(string) }

// customObjectsOf returns the instances of a type by id, creating the
// type's store.
func (st *state) customObjectsOf(typ string) map[string]*customObject {
	m := st.customObjects[typ]
	if m == nil {
		m = map[string]*customObject{}
		st.customObjects[typ] = m
	}
	return m
}

// customObjectByExternalID finds an instance of a type by your id.
func (st *state) customObjectByExternalID(typ, externalID string) *customObject {
	for _, co := range st.customObjects[typ] {
		if co.fields["external_id"] == externalID {
			return co
		}
	}
	return nil
}

func customObjectNotFound() reply {
	return notFound("not_found", "Custom object instance not found")
}

// references reports whether one of the instance's attribute values is id:
// how the server reads "associated with a contact or conversation".
func (co *customObject) references(id string) bool {
	attrs, _ := co.fields["custom_attributes"].(obj)
	for _, v := range attrs {
		if s := idString(v); s != "" && s == id {
			return true
		}
	}
	return false
}

func registerCustomObjects(rt *router) {
	const base = "/custom_object_instances/{custom_object_type_identifier}"
	rt.add(http.MethodPost, base, func(c *call) reply {
		st := c.st
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		typ := c.param("custom_object_type_identifier")
		ext := idString(body["external_id"])
		if ext == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "external_id", "external_id is required")
		}
		co := st.customObjectByExternalID(typ, ext)
		var f obj
		if co == nil {
			f = obj{"id": st.numID(), "external_id": ext, "external_created_at": nil, "external_updated_at": nil,
				"created_at": c.now, "type": typ, "custom_attributes": obj{}}
		} else {
			f = cloneObj(co.fields)
		}
		for _, key := range []string{"external_created_at", "external_updated_at"} {
			v, present := body[key]
			if !present {
				continue
			}
			if v == nil {
				f[key] = nil
				continue
			}
			n, isInt := toInt(v)
			if !isInt {
				return badRequest(key, key+" must be a Unix timestamp")
			}
			f[key] = n
		}
		if v, present := body["custom_attributes"]; present && v != nil {
			attrs, rp := mergeAttributes(f["custom_attributes"].(obj), v)
			if rp != nil {
				return *rp
			}
			f["custom_attributes"] = attrs
		}
		f["updated_at"] = c.now
		if co == nil {
			co = &customObject{seq: st.nextSeq()}
			st.customObjectsOf(typ)[f["id"].(string)] = co
		}
		co.fields = f
		return ok(cloneObj(f))
	})
	rt.add(http.MethodGet, base, func(c *call) reply {
		st := c.st
		typ := c.param("custom_object_type_identifier")
		ext := c.query["external_id"]
		if !c.since("2.16") {
			// Up to 2.15 the endpoint finds one instance by your id; from
			// 2.16 it lists them, those with your id when given one.
			if len(ext) == 0 || ext[0] == "" {
				return fieldErr(http.StatusBadRequest, "parameter_not_found", "external_id", "external_id is required")
			}
			co := st.customObjectByExternalID(typ, ext[0])
			if co == nil {
				return customObjectNotFound()
			}
			return ok(cloneObj(co.fields))
		}
		page, rp := pageNumber(c.query.Get("page"))
		if rp != nil {
			return *rp
		}
		per, rp := perPage(c.query.Get("per_page"), 20)
		if rp != nil {
			return *rp
		}
		var all []*customObject
		for _, co := range sortedBySeq(st.customObjects[typ], func(co *customObject) int64 { return co.seq }) {
			if id := c.query.Get("references_contact_id"); id != "" && !co.references(id) {
				continue
			}
			if id := c.query.Get("references_conversation_id"); id != "" && !co.references(id) {
				continue
			}
			if id := c.query.Get("external_id"); id != "" && co.fields["external_id"] != id {
				continue
			}
			all = append(all, co)
		}
		items, pages := paginatePage(all, page, per)
		delete(pages, "next")
		data := []any{}
		for _, co := range items {
			data = append(data, cloneObj(co.fields))
		}
		return ok(obj{"type": "list", "data": data, "total_count": len(all), "pages": pages})
	})
	rt.add(http.MethodGet, base+"/{id}", func(c *call) reply {
		typ, id := c.param("custom_object_type_identifier"), c.param("id")
		co := c.st.customObjects[typ][id]
		if co == nil {
			co = c.st.customObjectByExternalID(typ, id) // Intercom accepts your id here too
		}
		if co == nil {
			return customObjectNotFound()
		}
		return ok(cloneObj(co.fields))
	})
	del := func(c *call, typ string, co *customObject) reply {
		delete(c.st.customObjects[typ], co.id())
		return ok(obj{"object": typ, "id": co.id(), "deleted": true})
	}
	rt.add(http.MethodDelete, base+"/{id}", func(c *call) reply {
		typ := c.param("custom_object_type_identifier")
		co := c.st.customObjects[typ][c.param("id")]
		if co == nil {
			return customObjectNotFound()
		}
		return del(c, typ, co)
	})
	rt.add(http.MethodDelete, base, func(c *call) reply {
		typ := c.param("custom_object_type_identifier")
		ext := c.query.Get("external_id")
		if ext == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "external_id", "external_id is required")
		}
		co := c.st.customObjectByExternalID(typ, ext)
		if co == nil {
			return customObjectNotFound()
		}
		return del(c, typ, co)
	})
}
