package intercom

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"sync"
)

// Pages is the pagination block of Intercom's list responses. Cursor lists
// fill Next.StartingAfter, page-number lists Page and TotalPages, and a few
// lists give Next as a URL.
type Pages struct {
	// Type is "pages".
	Type string `json:"type,omitempty"`
	// Page is the current page number, from 1.
	Page int `json:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `json:"per_page,omitempty"`
	// TotalPages is the number of pages.
	TotalPages int `json:"total_pages,omitempty"`
	// Next points at the next page; its zero value means there is none.
	Next PageNext `json:"next,omitzero"`
}

// PageNext is Intercom's "next" pointer: an object with a starting_after
// cursor on cursor lists, or a URL string on link-paginated lists.
type PageNext struct {
	// StartingAfter is the cursor to send for the next page.
	StartingAfter string
	// PerPage echoes the page size.
	PerPage int
	// Page is the next page number, where Intercom sends one.
	Page int
	// URL is the next page's link, on lists that paginate by link.
	URL string
}

// IsZero reports whether there is no next page.
func (n PageNext) IsZero() bool { return n == PageNext{} }

type pageNextObject struct {
	Page          int    `json:"page,omitempty"`
	PerPage       int    `json:"per_page,omitempty"`
	StartingAfter string `json:"starting_after,omitempty"`
}

// UnmarshalJSON accepts an object, a URL string or null.
func (n *PageNext) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*n = PageNext{}
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = PageNext{URL: s}
		return nil
	}
	var o pageNextWire
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	*n = o.pageNext()
	return nil
}

// pageNextWire is the object form of "next" as it is decoded.
type pageNextWire struct {
	Page          int     `json:"page"`
	PerPage       int     `json:"per_page"`
	StartingAfter *string `json:"starting_after"`
}

func (o pageNextWire) pageNext() PageNext {
	n := PageNext{Page: o.Page, PerPage: o.PerPage}
	if o.StartingAfter != nil {
		n.StartingAfter = *o.StartingAfter
	}
	return n
}

// MarshalJSON writes the URL form or the object form.
func (n PageNext) MarshalJSON() ([]byte, error) {
	if n.URL != "" {
		return json.Marshal(n.URL)
	}
	if n.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(pageNextObject{Page: n.Page, PerPage: n.PerPage, StartingAfter: n.StartingAfter})
}

// HasMore reports whether Intercom says there is a page after this one.
func (p Pages) HasMore() bool {
	if p.Next.StartingAfter != "" || p.Next.URL != "" {
		return true
	}
	return p.TotalPages > 0 && p.Page > 0 && p.Page < p.TotalPages
}

// nextPageNumber returns the next page number as a cursor, or "" at the end.
func nextPageNumber(p Pages, itemsOnPage int) string {
	if itemsOnPage == 0 {
		return ""
	}
	if p.Next.Page > p.Page {
		return strconv.Itoa(p.Next.Page)
	}
	if p.Page > 0 && p.Page < p.TotalPages {
		return strconv.Itoa(p.Page + 1)
	}
	if p.Next.URL != "" {
		if u, err := url.Parse(p.Next.URL); err == nil {
			if pg := u.Query().Get("page"); pg != "" {
				return pg
			}
		}
	}
	return ""
}

// nextLinkQuery returns, as an encoded query, the parameters Intercom's
// pages.next gives for the page after this one: the query of a next link
// (its host and path are never followed), or the page, per_page and
// starting_after of a next object. It is "" at the end (no next, or an
// empty page).
func nextLinkQuery(p Pages, itemsOnPage int) string {
	if itemsOnPage == 0 {
		return ""
	}
	if p.Next.URL != "" {
		u, err := url.Parse(p.Next.URL)
		if err != nil {
			return ""
		}
		return u.Query().Encode()
	}
	v := url.Values{}
	if p.Next.Page > 0 {
		v.Set("page", strconv.Itoa(p.Next.Page))
	}
	if p.Next.PerPage > 0 && len(v) > 0 {
		v.Set("per_page", strconv.Itoa(p.Next.PerPage))
	}
	if p.Next.StartingAfter != "" {
		v.Set("starting_after", p.Next.StartingAfter)
	}
	return v.Encode()
}

// nextPageAndCursor returns the next page of a page-numbered list that may
// also hand out a cursor (pages.next = {page: 2, starting_after: "…"}), as
// an encoded query of page and starting_after; "" at the end.
func nextPageAndCursor(p Pages, itemsOnPage int) string {
	v := url.Values{}
	if pg := nextPageNumber(p, itemsOnPage); pg != "" {
		v.Set("page", pg)
	}
	if itemsOnPage > 0 && p.Next.StartingAfter != "" {
		v.Set("starting_after", p.Next.StartingAfter)
	}
	return v.Encode()
}

// pageFetcher fetches the page at cursor ("" for the first) and returns its
// items and the cursor of the next page ("" when there is none).
type pageFetcher[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// paginate turns a page fetcher into a lazy iterator: a page is fetched only
// when the loop has used the previous one, fetching stops when the loop
// breaks, and only the current page is held. Two kinds of server loop end
// the walk with ErrCursorStalled: a next cursor that was already used (the
// one just sent, or any earlier one: a server cycling A→B→A), unless
// sameCursorOK (scrolls reuse one cursor and end on an empty page instead);
// and a page whose items are those of the page before, in the same order
// (a server ignoring the page parameter), caught before any of its items is
// yielded.
func paginate[T any](ctx context.Context, fetch pageFetcher[T], sameCursorOK bool) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		cursor := ""
		var seen map[string]struct{} // cursors sent before the current one
		var prev pageDigest
		for page := 1; ; page++ {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			if len(items) > 0 {
				d, ok := digestPage(items)
				if ok && prev == d {
					yield(zero, fmt.Errorf("%w: page %d repeats the items of page %d", ErrCursorStalled, page, page-1))
					return
				}
				prev = d // the zero digest (no page, or one that could not be digested) matches no page
			} else {
				prev = pageDigest{}
			}
			for i := range items {
				if !yield(items[i], nil) {
					return
				}
			}
			if next == "" {
				return
			}
			if !sameCursorOK {
				if next == cursor {
					yield(zero, fmt.Errorf("%w: page %d returned cursor %q again", ErrCursorStalled, page, next))
					return
				}
				if _, dup := seen[next]; dup {
					yield(zero, fmt.Errorf("%w: page %d returned cursor %q, already used for an earlier page", ErrCursorStalled, page, next))
					return
				}
				if cursor != "" {
					if seen == nil {
						seen = make(map[string]struct{})
					}
					seen[cursor] = struct{}{}
				}
			}
			cursor = next
		}
	}
}

// pageDigest identifies a non-empty page by its items: their count and a
// hash of their ids in order (of their JSON, for items without ids).
type pageDigest struct {
	n    int
	hash uint64
}

// digestSeed keys the page hashes; any fixed seed would do, since digests
// are only compared within one walk.
var digestSeed = maphash.MakeSeed()

// idFields caches, per item type, the index of its string ID field (-1 when
// it has none).
var idFields sync.Map // reflect.Type → int

func idFieldOf(t reflect.Type) int {
	if v, ok := idFields.Load(t); ok {
		return v.(int)
	}
	idx := -1
	if t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName("ID"); ok && len(f.Index) == 1 && f.Type.Kind() == reflect.String {
			idx = f.Index[0]
		}
	}
	idFields.Store(t, idx)
	return idx
}

// digestPage hashes a page's item ids; where an item type has no id, or an
// item's id is empty, it hashes the items' JSON instead. ok is false for
// items that cannot be encoded, which are not compared.
func digestPage[T any](items []T) (d pageDigest, ok bool) {
	var h maphash.Hash
	h.SetSeed(digestSeed)
	if idx := idFieldOf(reflect.TypeFor[T]()); idx >= 0 {
		ok := true
		for i := range items {
			id := reflect.ValueOf(&items[i]).Elem().Field(idx).String()
			if id == "" {
				ok = false
				break
			}
			h.WriteString(id)
			h.WriteByte(0)
		}
		if ok {
			return pageDigest{n: len(items), hash: h.Sum64()}, true
		}
		h.Reset()
	}
	b, err := json.Marshal(items)
	if err != nil {
		return pageDigest{}, false
	}
	h.Write(b)
	return pageDigest{n: len(items), hash: h.Sum64()}, true
}

// walk iterates over a list whose options carry the cursor. *opt is copied
// now (nil gives the zero options) and never modified: each page is fetched
// with its own copy of that, into which at has put the cursor ("" for the
// first page). page fetches one page and returns its items and the next
// cursor ("" at the end); the walk is paginate's, cursor reuse included.
func walk[O, T any](ctx context.Context, opt *O, at func(o *O, cursor string), page func(ctx context.Context, o *O) ([]T, string, error)) iter.Seq2[T, error] {
	var base O
	if opt != nil {
		base = *opt
	}
	return paginate(ctx, func(ctx context.Context, cursor string) ([]T, string, error) {
		o := base
		at(&o, cursor)
		return page(ctx, &o)
	}, false)
}

// nextStartingAfter returns the starting_after cursor of the page after a
// cursor page, or "" at the end (no cursor, or an empty page). A cursor
// handed back unchanged is caught by paginate (ErrCursorStalled).
func nextStartingAfter(p Pages, itemsOnPage int) string {
	if itemsOnPage == 0 {
		return ""
	}
	return p.Next.StartingAfter
}

// searchAfter is walk's cursor setter for search requests: it puts the
// cursor in r's pagination (a value: the caller's request is never written
// to).
func searchAfter(r *SearchRequest, cursor string) {
	if cursor != "" {
		r.Pagination.StartingAfter = cursor
	}
}

// searchPage validates req and sends one page of a search. Searches are
// POSTs that change nothing, so they are retried like GETs.
func searchPage[L any](ctx context.Context, c *Client, path string, req SearchRequest, opts []Option) (*L, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	if err := req.validateFor(path); err != nil {
		return nil, nil, err
	}
	e := endpoint{method: http.MethodPost, path: path, body: req, readOnly: true}
	if q := req.query(); q != nil {
		e.query = q
	}
	return call[L](ctx, c, e, opts)
}

// searchEach walks every page of a search, following
// pages.next.starting_after; items picks a page's results and its pages
// block. req is copied, never modified.
func searchEach[L, T any](ctx context.Context, c *Client, path string, req SearchRequest, opts []Option, items func(*L) ([]T, Pages)) iter.Seq2[T, error] {
	return walk(ctx, &req, searchAfter, func(ctx context.Context, r *SearchRequest) ([]T, string, error) {
		page, _, err := searchPage[L](ctx, c, path, *r, opts)
		if err != nil {
			return nil, "", err
		}
		data, pages := items(page)
		return data, nextStartingAfter(pages, len(data)), nil
	})
}

// Collect drains an iterator into a slice, stopping at the first error. It
// holds every item in memory: prefer ranging over the iterator for large lists.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// atoiOr parses a page-number cursor, falling back to def for the first page.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n
	}
	return def
}
