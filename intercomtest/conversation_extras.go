package intercomtest

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// deletedConversation records a deleted conversation (API 2.13 and later).
type deletedConversation struct {
	seq             int64
	id              string
	deletedAt       int64
	metricsRetained bool
}

// linkObject adds a linked object (a ticket with its category, or a
// conversation) to the linked_objects of a conversation or ticket.
func linkObject(f obj, typ, id string, category any) {
	lo, _ := f["linked_objects"].(obj)
	data, _ := lo["data"].([]any)
	data = append(slices.Clone(data), obj{"type": typ, "id": id, "category": category})
	f["linked_objects"] = obj{"type": "list", "data": data, "total_count": len(data), "has_more": false}
}

func registerConversationExtras(rt *router) {
	rt.add(http.MethodDelete, "/conversations/{id}", func(c *call) reply {
		st := c.st
		cv, rp := st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		retain := true
		if v := c.query.Get("retain_metrics"); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return badRequest("retain_metrics", "retain_metrics must be true or false")
			}
			retain = b
		}
		id := cv.id()
		delete(st.conversations, id)
		st.deletedConversations = append(st.deletedConversations,
			&deletedConversation{seq: st.nextSeq(), id: id, deletedAt: c.now, metricsRetained: retain})
		return ok(obj{"id": id, "object": "conversation", "deleted": true})
	})
	rt.add(http.MethodGet, "/conversations/deleted", func(c *call) reply {
		page, rp := pageNumber(c.query.Get("page"))
		if rp != nil {
			return *rp
		}
		per, rp := perPage(c.query.Get("per_page"), 20)
		if rp != nil {
			return *rp
		}
		if per > 60 {
			return badRequest("per_page", "per_page must be an integer between 1 and 60")
		}
		order := c.query.Get("order")
		switch order {
		case "":
			order = "desc"
		case "asc", "desc":
		default:
			return badRequest("order", "order must be asc or desc")
		}
		all := slices.Clone(c.st.deletedConversations)
		slices.SortFunc(all, func(a, b *deletedConversation) int {
			n := cmp.Or(cmp.Compare(a.deletedAt, b.deletedAt), cmp.Compare(a.seq, b.seq))
			if order == "desc" {
				return -n
			}
			return n
		})
		items, pages := paginatePage(all, page, per)
		if page < pages["total_pages"].(int) {
			q := url.Values{"per_page": {strconv.Itoa(per)}, "order": {order}, "page": {strconv.Itoa(page + 1)}}
			pages["next"] = c.srv.base + "/conversations/deleted?" + q.Encode()
		}
		data := []any{}
		for _, d := range items {
			data = append(data, obj{"type": "conversation", "id": d.id, "deleted_at": d.deletedAt, "metrics_retained": d.metricsRetained})
		}
		return ok(obj{"type": "conversations.list", "conversations": data, "total_count": len(all), "pages": pages})
	})
	rt.add(http.MethodPost, "/conversations/{id}/merge", func(c *call) reply {
		st := c.st
		secondary, rp := st.findConversation(c.param("id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		target := idString(body["merge_into_conversation_id"])
		if target == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "merge_into_conversation_id", "merge_into_conversation_id is required")
		}
		primary, rp := st.findConversation(target)
		if rp != nil {
			return *rp
		}
		if primary == secondary {
			return badRequest("merge_into_conversation_id", "a conversation cannot be merged into itself")
		}
		// The secondary is closed and linked to the primary, which gains
		// its contacts.
		f := secondary.fields
		f["state"], f["open"], f["snoozed_until"], f["waiting_since"] = "closed", false, nil, nil
		st.addPart(secondary, c.now, "close", nil, botAuthor(), nil, nil)
		linkObject(f, "conversation", primary.id(), nil)
		primary.contactIDs = uniq(append(primary.contactIDs, secondary.contactIDs...))
		linkObject(primary.fields, "conversation", secondary.id(), nil)
		st.addPart(primary, c.now, "merged_primary_conversation", nil, botAuthor(), nil, nil)
		return ok(st.renderConversation(primary, true))
	})
}
