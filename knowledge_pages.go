package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strconv"

	"github.com/google/go-querystring/query"
)

// The helpers the Knowledge Hub resources share (AI Content, internal
// articles, content snippets, audiences, content search, article versions,
// help center redirects): one walk over their page-numbered lists, and the
// lists of audience ids their requests carry as JSON integers.

// knowledgeNextQuery returns, as an encoded query, what to send for the page
// after this one: the parameters of Intercom's pages.next (a link's query,
// or a next object's page and starting_after) when it gives them, else the
// next page number while page < total_pages; "" at the end (or after an
// empty page).
func knowledgeNextQuery(p Pages, itemsOnPage int) string {
	if q := nextLinkQuery(p, itemsOnPage); q != "" {
		return q
	}
	if pg := nextPageNumber(p, itemsOnPage); pg != "" {
		return url.Values{"page": {pg}}.Encode()
	}
	return ""
}

// knowledgeWalk iterates over a GET list: the first page with the query opt
// (copied now, never modified; nil sends none), each later page with opt's
// parameters overridden by those knowledgeNextQuery took from the page
// before. items picks a page's results and its pagination block.
func knowledgeWalk[O, L, T any](ctx context.Context, c *Client, ep endpoint, opt *O, opts []Option, items func(*L) ([]T, Pages)) iter.Seq2[T, error] {
	var base O
	if opt != nil {
		base = *opt
	}
	return paginate(ctx, func(ctx context.Context, cursor string) ([]T, string, error) {
		q, err := query.Values(base)
		if err != nil {
			return nil, "", fmt.Errorf("intercom: encoding query: %w", err)
		}
		next, _ := url.ParseQuery(cursor) // knowledgeNextQuery encoded it
		for k, v := range next {
			q[k] = v
		}
		e := ep
		e.query = q
		page, _, err := call[L](ctx, c, e, opts)
		if err != nil {
			return nil, "", err
		}
		data, pages := items(page)
		return data, knowledgeNextQuery(pages, len(data)), nil
	}, false)
}

// topLevelPages is the pagination block of the lists that carry page,
// per_page and total_pages beside data rather than in a pages object
// (audiences, content snippets).
func topLevelPages(page, perPage, totalPages int) Pages {
	return Pages{Page: page, PerPage: perPage, TotalPages: totalPages}
}

// numericIDList is a list of ids that request bodies carry as JSON
// integers (audience_ids, segment and tag ids): numeric text is written as a
// bare number.
type numericIDList []string

// MarshalJSON writes the ids as integers.
func (l numericIDList) MarshalJSON() ([]byte, error) {
	out := make([]intBodyID, len(l))
	for i, id := range l {
		out[i] = intBodyID(id)
	}
	return json.Marshal(out)
}

// audienceIDsOpt turns an optional list of ids into what the wire carries:
// omitted and null stay so, a list (empty too) is written as integers.
func audienceIDsOpt(o Opt[[]string]) Opt[numericIDList] {
	if o.IsZero() {
		return Opt[numericIDList]{}
	}
	if o.IsNull() {
		return Null[numericIDList]()
	}
	v, _ := o.Get()
	if v == nil {
		v = []string{}
	}
	return Some(numericIDList(v))
}

// checkAudienceIDs checks that every id of an optional list is numeric.
func checkAudienceIDs(field string, o Opt[[]string]) error {
	v, _ := o.Get()
	return checkNumericIDs(field, v)
}

// checkNumericIDs checks that every id of a list is numeric.
func checkNumericIDs(field string, ids []string) error {
	for i, id := range ids {
		if !isDigits(id) {
			return invalid(fieldIndex(field, i), "must be a numeric id, got "+strconv.Quote(id))
		}
	}
	return nil
}
