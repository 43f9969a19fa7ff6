package intercomtest

import (
	"net/http"
	"strings"
)

// internalArticle is a stored internal article.
type internalArticle struct {
	seq    int64
	fields obj
}

// renderInternalArticle returns the article as the request's version sends
// it: the Markdown body, audiences and AI availability from 2.16.
func (c *call) renderInternalArticle(a *internalArticle) obj {
	out := cloneObj(a.fields)
	if !c.since("2.16") {
		for _, k := range []string{"body_markdown", "audience_ids", "ai_chatbot_availability", "ai_copilot_availability", "ai_sales_agent_availability"} {
			delete(out, k)
		}
	}
	return out
}

// markdownBody turns Markdown into the HTML body Intercom stores (a
// paragraph per block; no other Markdown is rendered).
func markdownBody(md string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(md), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + para + "</p>")
		}
	}
	return b.String()
}

// applyInternalArticle sets the fields of a create or update body on f.
func (c *call) applyInternalArticle(f, body obj) *reply {
	st := c.st
	if v, present := body["title"]; present {
		s, isStr := v.(string)
		if !isStr || s == "" {
			rp := badRequest("title", "title must be a non-empty string")
			return &rp
		}
		f["title"] = s
	}
	_, hasBody := body["body"]
	_, hasMarkdown := body["body_markdown"]
	if hasBody && hasMarkdown {
		rp := badRequest("body_markdown", "body and body_markdown exclude each other")
		return &rp
	}
	if hasBody {
		f["body"] = str(body, "body")
		f["body_markdown"] = nil
	}
	if hasMarkdown {
		md := str(body, "body_markdown")
		f["body"], f["body_markdown"] = markdownBody(md), md
	}
	for _, key := range []string{"author_id", "owner_id"} {
		v, present := body[key]
		if !present {
			continue
		}
		id, rp := st.lookupAdmin(v)
		if rp != nil {
			rp.err.field = key
			return rp
		}
		f[key] = numericID(id)
	}
	if v, present := body["audience_ids"]; present {
		switch x := v.(type) {
		case nil:
			f["audience_ids"] = []any{}
		case []any:
			ids := []any{}
			for _, e := range x {
				ids = append(ids, numericID(idString(e)))
			}
			f["audience_ids"] = ids
		default:
			rp := badRequest("audience_ids", "audience_ids must be a list of ids")
			return &rp
		}
	}
	for _, key := range []string{"ai_chatbot_availability", "ai_copilot_availability", "ai_sales_agent_availability"} {
		if v, present := body[key]; present {
			b, isBool := v.(bool)
			if !isBool {
				rp := badRequest(key, key+" must be a boolean")
				return &rp
			}
			f[key] = b
		}
	}
	return nil
}

func (st *state) findInternalArticle(id string) (*internalArticle, *reply) {
	a := st.internalArticles[id]
	if a == nil {
		rp := notFound("not_found", "Internal article not found")
		return nil, &rp
	}
	return a, nil
}

// internalArticlePage answers a page-numbered list of articles, in
// creation order.
func (c *call) internalArticlePage(defPerPage int) ([]any, obj, int, *reply) {
	page, rp := pageNumber(c.query.Get("page"))
	if rp != nil {
		return nil, nil, 0, rp
	}
	per, rp := perPage(c.query.Get("per_page"), defPerPage)
	if rp != nil {
		return nil, nil, 0, rp
	}
	all := sortedBySeq(c.st.internalArticles, func(a *internalArticle) int64 { return a.seq })
	items, pages := paginatePage(all, page, per)
	delete(pages, "next")
	data := []any{}
	for _, a := range items {
		data = append(data, c.renderInternalArticle(a))
	}
	return data, pages, len(all), nil
}

func registerInternalArticles(rt *router) {
	rt.add(http.MethodPost, "/internal_articles", func(c *call) reply {
		st := c.st
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		for _, key := range []string{"title", "author_id", "owner_id"} {
			if v, present := body[key]; !present || v == nil || v == "" {
				return fieldErr(http.StatusBadRequest, "parameter_not_found", key, key+" is required")
			}
		}
		f := obj{"type": "internal_article", "id": st.numID(), "title": "", "body": "", "body_markdown": nil,
			"owner_id": nil, "author_id": nil, "created_at": c.now, "updated_at": c.now, "locale": "en",
			"audience_ids": []any{}, "ai_chatbot_availability": true, "ai_copilot_availability": true,
			"ai_sales_agent_availability": false}
		if rp := c.applyInternalArticle(f, body); rp != nil {
			return *rp
		}
		if loc := str(body, "locale"); loc != "" {
			f["locale"] = loc
		}
		a := &internalArticle{seq: st.nextSeq(), fields: f}
		st.internalArticles[f["id"].(string)] = a
		return ok(c.renderInternalArticle(a))
	})
	rt.add(http.MethodGet, "/internal_articles", func(c *call) reply {
		data, pages, total, rp := c.internalArticlePage(25)
		if rp != nil {
			return *rp
		}
		return ok(obj{"type": "list", "data": data, "total_count": total, "pages": pages})
	})
	rt.add(http.MethodGet, "/internal_articles/search", func(c *call) reply {
		// Folders are not modelled: every article is in every folder.
		data, pages, total, rp := c.internalArticlePage(10)
		if rp != nil {
			return *rp
		}
		return ok(obj{"type": "list", "data": obj{"internal_articles": data}, "total_count": total, "pages": pages})
	})
	rt.add(http.MethodGet, "/internal_articles/{id}", func(c *call) reply {
		a, rp := c.st.findInternalArticle(c.param("id"))
		if rp != nil {
			return *rp
		}
		return ok(c.renderInternalArticle(a))
	})
	rt.add(http.MethodPut, "/internal_articles/{id}", func(c *call) reply {
		a, rp := c.st.findInternalArticle(c.param("id"))
		if rp != nil {
			return *rp
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		f := cloneObj(a.fields)
		if rp := c.applyInternalArticle(f, body); rp != nil {
			return *rp
		}
		f["updated_at"] = c.now
		a.fields = f
		return ok(c.renderInternalArticle(a))
	})
	rt.add(http.MethodDelete, "/internal_articles/{id}", func(c *call) reply {
		a, rp := c.st.findInternalArticle(c.param("id"))
		if rp != nil {
			return *rp
		}
		id := a.fields["id"].(string)
		delete(c.st.internalArticles, id)
		return ok(obj{"id": id, "object": "internal_article", "deleted": true})
	})
}
