package intercomtest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-intercom/intercom"
)

// searchDoc is an object as the API renders it, with its creation order.
type searchDoc struct {
	seq int64
	doc obj
}

// fieldAliases maps search-only field names to paths into the rendered
// object; an empty path is a field that is never set.
type fieldAliases map[string]string

// searchResult is one page of search results.
type searchResult struct {
	items []any
	pages obj
	total int
}

// search answers a search request over docs (sorted by seq); sample is an
// object with every key, against which the fields are checked.
func (c *call) search(docs []searchDoc, aliases fieldAliases, sample obj, defPerPage int) (searchResult, *reply) {
	var req intercom.SearchRequest
	if err := json.Unmarshal(c.raw, &req); err != nil {
		rp := badRequest("query", "invalid search request: "+err.Error())
		return searchResult{}, &rp
	}
	if err := req.Validate(); err != nil {
		field := "query"
		msg := err.Error()
		if ie, ok := err.(*intercom.InvalidRequestError); ok {
			field, msg = ie.Field, ie.Field+" "+ie.Reason
		}
		rp := badRequest(field, msg)
		return searchResult{}, &rp
	}
	per, after := defPerPage, ""
	if p := req.Pagination; p.PerPage > 0 {
		per = p.PerPage
	}
	after = req.Pagination.StartingAfter
	if rp := checkFields(req.Query, sample, aliases, "query"); rp != nil {
		return searchResult{}, rp
	}
	var matched []searchDoc
	for _, d := range docs {
		if matches(req.Query, d.doc, aliases) {
			matched = append(matched, d)
		}
	}
	page, rp := paginateCursor(matched, func(d searchDoc) int64 { return d.seq }, per, after)
	if rp != nil {
		return searchResult{}, rp
	}
	items := []any{}
	for _, d := range page.items {
		items = append(items, d.doc)
	}
	return searchResult{items: items, pages: page.pages, total: page.totalCount}, nil
}

// checkFields rejects fields the objects do not have (a typo would
// otherwise silently match nothing). sample is one rendered object.
func checkFields(f intercom.SearchFilter, sample obj, aliases fieldAliases, path string) *reply {
	if f.IsGroup() {
		for i, sub := range f.Filters {
			if rp := checkFields(sub, sample, aliases, fmt.Sprintf("%s.value[%d]", path, i)); rp != nil {
				return rp
			}
		}
		return nil
	}
	if _, ok := aliases[f.Field]; ok {
		return nil
	}
	head, _, _ := strings.Cut(f.Field, ".")
	if _, ok := sample[head]; !ok {
		rp := badRequest(path+".field", fmt.Sprintf("%q is not a field that can be searched", f.Field))
		return &rp
	}
	return nil
}

// matches evaluates a filter or group against a rendered object.
func matches(f intercom.SearchFilter, doc obj, aliases fieldAliases) bool {
	if f.IsGroup() {
		if f.Operator == intercom.OpOr {
			for _, sub := range f.Filters {
				if matches(sub, doc, aliases) {
					return true
				}
			}
			return false
		}
		for _, sub := range f.Filters {
			if !matches(sub, doc, aliases) {
				return false
			}
		}
		return true
	}
	path := f.Field
	if p, ok := aliases[path]; ok {
		path = p
	}
	var values []any
	if path != "" {
		values = resolve(doc, strings.Split(path, "."))
	}
	if len(values) == 0 {
		values = []any{nil}
	}
	want := f.Value.Interface()
	switch f.Operator {
	case intercom.OpNotEquals, intercom.OpNotIn, intercom.OpNotContains:
		// Negative operators hold when no value of a multi-valued field fails them.
		for _, v := range values {
			if !compare(f.Operator, v, want) {
				return false
			}
		}
		return true
	}
	for _, v := range values {
		if compare(f.Operator, v, want) {
			return true
		}
	}
	return false
}

// resolve walks a dotted path; lists along the way fan out.
func resolve(v any, path []string) []any {
	if len(path) == 0 {
		if list, ok := v.([]any); ok {
			return list
		}
		return []any{v}
	}
	switch x := v.(type) {
	case map[string]any:
		next, ok := x[path[0]]
		if !ok {
			return nil
		}
		return resolve(next, path[1:])
	case []any:
		var out []any
		for _, e := range x {
			out = append(out, resolve(e, path)...)
		}
		return out
	}
	return nil
}

// compare applies one comparison operator to a stored value and a filter value.
func compare(op intercom.SearchOperator, have, want any) bool {
	switch op {
	case intercom.OpEquals:
		return equal(have, want)
	case intercom.OpNotEquals:
		return !equal(have, want)
	case intercom.OpIn, intercom.OpNotIn:
		in := false
		for _, w := range listOf(want) {
			if equal(have, w) {
				in = true
				break
			}
		}
		return in == (op == intercom.OpIn)
	case intercom.OpLessThan, intercom.OpLessOrEqual, intercom.OpGreaterThan, intercom.OpGreaterOrEqual:
		c, ok := order(have, want)
		if !ok {
			return false
		}
		switch op {
		case intercom.OpLessThan:
			return c < 0
		case intercom.OpLessOrEqual:
			return c <= 0
		case intercom.OpGreaterThan:
			return c > 0
		}
		return c >= 0
	case intercom.OpContains, intercom.OpNotContains, intercom.OpStartsWith, intercom.OpEndsWith:
		h, ok := text(have)
		w, ok2 := text(want)
		if !ok || !ok2 {
			return op == intercom.OpNotContains
		}
		h, w = strings.ToLower(h), strings.ToLower(w)
		switch op {
		case intercom.OpContains:
			return strings.Contains(h, w)
		case intercom.OpNotContains:
			return !strings.Contains(h, w)
		case intercom.OpStartsWith:
			return strings.HasPrefix(h, w)
		}
		return strings.HasSuffix(h, w)
	}
	return false
}

// listOf returns the elements of an IN/NIN value.
func listOf(v any) []any {
	switch x := v.(type) {
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case []int64:
		out := make([]any, len(x))
		for i, n := range x {
			out[i] = n
		}
		return out
	}
	return []any{v}
}

// equal compares a stored value with a filter value: null only equals
// null, booleans compare with booleans (or "true"/"false"), two strings
// compare as text, a number and a number or numeric string as numbers.
func equal(have, want any) bool {
	if want == nil || have == nil {
		return want == nil && have == nil
	}
	if wb, ok := want.(bool); ok {
		switch h := have.(type) {
		case bool:
			return h == wb
		case string:
			return h == strconv.FormatBool(wb)
		}
		return false
	}
	if hb, ok := have.(bool); ok {
		ws, _ := want.(string)
		return ws == strconv.FormatBool(hb)
	}
	if hs, ok := have.(string); ok {
		if ws, ok := want.(string); ok {
			return hs == ws // ids may look numeric: never round them
		}
	}
	hf, hok := toFloat(have)
	wf, wok := toFloat(want)
	if hok && wok {
		return hf == wf
	}
	h, ok1 := text(have)
	w, ok2 := text(want)
	return ok1 && ok2 && h == w
}

// order compares two values numerically when both are numbers (or numeric
// strings), else as text; ok is false for nulls and other types.
func order(have, want any) (int, bool) {
	if have == nil || want == nil {
		return 0, false
	}
	hf, hok := toFloat(have)
	wf, wok := toFloat(want)
	if hok && wok {
		switch {
		case hf < wf:
			return -1, true
		case hf > wf:
			return 1, true
		}
		return 0, true
	}
	h, ok1 := have.(string)
	w, ok2 := want.(string)
	if !ok1 || !ok2 {
		return 0, false
	}
	return strings.Compare(h, w), true
}

// text returns strings and numbers as text.
func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}
