package intercom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file holds the typed query model shared by POST /contacts/search,
// /conversations/search and /tickets/search (Intercom's search_request).
//
// On the wire a query is either a single filter
//
//	{"field":"created_at","operator":">","value":"1306054154"}
//
// or a group of filters joined by AND or OR, nested recursively:
//
//	{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"}, …]}
//
// Both shapes are one Go type, SearchFilter; Filter, And and Or build them and
// Validate checks Intercom's documented limits before anything is sent.
//
// MarshalJSON writes compact JSON without HTML escaping, so `<`, `>` and `&`
// stay as they are in Intercom's examples. Note that encoding/json's Marshal
// re-escapes them (as \u003c, \u003e, \u0026) in a Marshaler's output; the
// JSON means the same, but for byte-exact output encode with a json.Encoder
// on which SetEscapeHTML(false) was called, or call MarshalJSON directly.

// SearchOperator is the operator of a search filter: a comparison for a single
// filter, or AND / OR for a group.
type SearchOperator string

// Operators of a single filter. Which ones a field accepts depends on its
// type (see Intercom's per-endpoint tables); Validate checks only that the
// value's kind fits the operator.
const (
	// OpEquals matches values equal to the filter value ("=").
	OpEquals SearchOperator = "="
	// OpNotEquals matches values not equal to the filter value ("!=").
	OpNotEquals SearchOperator = "!="
	// OpIn matches values equal to one of a list ("IN").
	OpIn SearchOperator = "IN"
	// OpNotIn matches values equal to none of a list ("NIN").
	OpNotIn SearchOperator = "NIN"
	// OpLessThan matches values less than the filter value ("<").
	OpLessThan SearchOperator = "<"
	// OpLessOrEqual matches values less than or equal to the filter value ("<=").
	OpLessOrEqual SearchOperator = "<="
	// OpGreaterThan matches values greater than the filter value (">").
	OpGreaterThan SearchOperator = ">"
	// OpGreaterOrEqual matches values greater than or equal to the filter value (">=").
	OpGreaterOrEqual SearchOperator = ">="
	// OpContains matches strings containing the filter value ("~").
	OpContains SearchOperator = "~"
	// OpNotContains matches strings not containing the filter value ("!~").
	OpNotContains SearchOperator = "!~"
	// OpStartsWith matches strings starting with the filter value ("^").
	OpStartsWith SearchOperator = "^"
	// OpEndsWith matches strings ending with the filter value ("$").
	OpEndsWith SearchOperator = "$"
)

// Operators of a group of filters.
const (
	// OpAnd matches when every filter of the group matches ("AND").
	OpAnd SearchOperator = "AND"
	// OpOr matches when at least one filter of the group matches ("OR").
	OpOr SearchOperator = "OR"
)

// Limits Intercom documents for search queries, checked by Validate.
const (
	// maxSearchGroupDepth is how many AND/OR groups may be nested: a query may
	// be group → group → single filter, and no deeper.
	maxSearchGroupDepth = 2
	// maxSearchGroupFilters is the most filters one AND/OR group may hold.
	maxSearchGroupFilters = 15
	// minSearchPerPage and maxSearchPerPage bound pagination.per_page.
	minSearchPerPage = 1
	maxSearchPerPage = 150
	// maxSearchDecodeDepth bounds how deeply UnmarshalJSON follows nested
	// groups; it is far above what Validate allows and only stops runaway input.
	maxSearchDecodeDepth = 100
)

func (op SearchOperator) isGroup() bool { return op == OpAnd || op == OpOr }

func (op SearchOperator) isComparison() bool {
	switch op {
	case OpEquals, OpNotEquals, OpIn, OpNotIn, OpLessThan, OpLessOrEqual,
		OpGreaterThan, OpGreaterOrEqual, OpContains, OpNotContains, OpStartsWith, OpEndsWith:
		return true
	}
	return false
}

// searchValueKind says which of the JSON shapes a SearchValue holds.
type searchValueKind uint8

const (
	valueUnset searchValueKind = iota
	valueNull
	valueString
	valueInt
	valueBool
	valueStrings
	valueInts
)

func (k searchValueKind) String() string {
	switch k {
	case valueNull:
		return "null"
	case valueString:
		return "a string"
	case valueInt:
		return "an integer"
	case valueBool:
		return "a boolean"
	case valueStrings:
		return "a list of strings"
	case valueInts:
		return "a list of integers"
	}
	return "unset"
}

// SearchValue is the value of a single search filter: null, a string, an
// integer, a boolean, a list of strings or a list of integers. Build one with
// StringValue, IntValue, BoolValue, NullValue, StringsValue or IntsValue.
//
// The zero SearchValue is unset, which is different from NullValue(): a
// SearchFilter leaves the "value" key out for an unset value and Validate
// rejects it, while NullValue() is sent as "value":null. Marshalled on its
// own, an unset SearchValue encodes as null.
//
// SearchValue is not comparable with ==; compare the results of Interface.
type SearchValue struct {
	_    [0]func() // not comparable: data may hold a slice
	kind searchValueKind
	data any // string, int64, bool, []string or []int64 by kind; nil otherwise
}

// StringValue returns a string search value. Intercom's examples send
// timestamps as strings, e.g. StringValue("1306054154").
func StringValue(s string) SearchValue { return SearchValue{kind: valueString, data: s} }

// IntValue returns an integer search value.
func IntValue(n int64) SearchValue { return SearchValue{kind: valueInt, data: n} }

// BoolValue returns a boolean search value.
func BoolValue(b bool) SearchValue { return SearchValue{kind: valueBool, data: b} }

// NullValue returns the null search value, sent as "value":null.
func NullValue() SearchValue { return SearchValue{kind: valueNull} }

// StringsValue returns a list of strings, for IN and NIN. The slice is copied.
func StringsValue(s ...string) SearchValue {
	return SearchValue{kind: valueStrings, data: append(make([]string, 0, len(s)), s...)}
}

// IntsValue returns a list of integers, for IN and NIN. The slice is copied.
func IntsValue(n ...int64) SearchValue {
	return SearchValue{kind: valueInts, data: append(make([]int64, 0, len(n)), n...)}
}

// listLen is the length of a list value, 0 for other kinds.
func (v SearchValue) listLen() int {
	switch d := v.data.(type) {
	case []string:
		return len(d)
	case []int64:
		return len(d)
	}
	return 0
}

// IsZero reports whether the value is unset (the zero SearchValue); it is
// false for NullValue().
func (v SearchValue) IsZero() bool { return v.kind == valueUnset }

// Interface returns the value as a Go value: nil (null or unset), string,
// int64, bool, []string or []int64. Slices are copies.
func (v SearchValue) Interface() any {
	switch v.kind {
	case valueString, valueInt, valueBool:
		return v.data
	case valueStrings:
		return slices.Clone(v.data.([]string))
	case valueInts:
		return slices.Clone(v.data.([]int64))
	}
	return nil
}

// MarshalJSON encodes the value compactly, without HTML escaping. An unset
// value encodes as null.
func (v SearchValue) MarshalJSON() ([]byte, error) { return v.appendJSON(nil), nil }

func (v SearchValue) appendJSON(dst []byte) []byte {
	switch v.kind {
	case valueString:
		return appendJSONString(dst, v.data.(string))
	case valueInt:
		return strconv.AppendInt(dst, v.data.(int64), 10)
	case valueBool:
		return strconv.AppendBool(dst, v.data.(bool))
	case valueStrings:
		dst = append(dst, '[')
		for i, s := range v.data.([]string) {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, s)
		}
		return append(dst, ']')
	case valueInts:
		dst = append(dst, '[')
		for i, n := range v.data.([]int64) {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = strconv.AppendInt(dst, n, 10)
		}
		return append(dst, ']')
	}
	return append(dst, "null"...)
}

// UnmarshalJSON decodes null, a string, an integer, a boolean or a list of
// all strings or all integers (an empty list decodes as an empty list of
// strings). Integers are read exactly as int64; a number with a fraction or
// an exponent, or outside the int64 range, is an error, as are objects and
// mixed lists.
func (v *SearchValue) UnmarshalJSON(b []byte) error {
	d, err := decodeSearchValue(b)
	if err != nil {
		return fmt.Errorf("intercom: search value: %w", err)
	}
	*v = d
	return nil
}

func decodeSearchValue(b []byte) (SearchValue, error) {
	if !json.Valid(b) {
		return SearchValue{}, errors.New("invalid JSON")
	}
	b = bytes.TrimSpace(b) // valid JSON: only JSON whitespace surrounds it
	switch b[0] {
	case 'n':
		return NullValue(), nil
	case 't', 'f':
		return BoolValue(b[0] == 't'), nil
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return SearchValue{}, err
		}
		return StringValue(s), nil
	case '[':
		var elems []json.RawMessage
		if err := json.Unmarshal(b, &elems); err != nil {
			return SearchValue{}, err
		}
		for i := range elems {
			elems[i] = bytes.TrimSpace(elems[i])
		}
		return decodeSearchList(elems)
	case '{':
		return SearchValue{}, errors.New("an object is not a search value (want null, string, integer, boolean or a list)")
	}
	n, err := parseSearchInt(b)
	if err != nil {
		return SearchValue{}, err
	}
	return IntValue(n), nil
}

func decodeSearchList(elems []json.RawMessage) (SearchValue, error) {
	if len(elems) == 0 {
		return StringsValue(), nil
	}
	if elems[0][0] == '"' {
		out := make([]string, len(elems))
		for i, e := range elems {
			if e[0] != '"' {
				return SearchValue{}, fmt.Errorf("list element [%d] is %s; a list must hold only strings or only integers", i, jsonKindName(e))
			}
			if err := json.Unmarshal(e, &out[i]); err != nil {
				return SearchValue{}, err
			}
		}
		return SearchValue{kind: valueStrings, data: out}, nil
	}
	out := make([]int64, len(elems))
	for i, e := range elems {
		if e[0] != '-' && (e[0] < '0' || e[0] > '9') {
			return SearchValue{}, fmt.Errorf("list element [%d] is %s; a list must hold only strings or only integers", i, jsonKindName(e))
		}
		n, err := parseSearchInt(e)
		if err != nil {
			return SearchValue{}, fmt.Errorf("list element [%d]: %w", i, err)
		}
		out[i] = n
	}
	return SearchValue{kind: valueInts, data: out}, nil
}

// parseSearchInt reads a JSON number literal as an exact int64.
func parseSearchInt(b []byte) (int64, error) {
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err == nil {
		return n, nil
	}
	if bytes.ContainsAny(b, ".eE") {
		return 0, fmt.Errorf("number %s is not an integer; search values may be integers but not fractions or exponents", b)
	}
	return 0, fmt.Errorf("number %s is outside the int64 range", b)
}

// jsonKindName names the kind of a valid JSON value, for error messages.
func jsonKindName(b []byte) string {
	switch b[0] {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	case '[':
		return "a list"
	case '{':
		return "an object"
	}
	return "a number"
}

// appendJSONString appends s as a JSON string the way encoding/json does,
// but without escaping <, > and &.
func appendJSONString(dst []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return append(dst, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// SearchFilter is a search query or one part of it: either a single filter
// (Field, Operator, Value) or a group (Operator AND or OR, Filters), which may
// nest further groups. Build them with Filter, And and Or.
type SearchFilter struct {
	// Field is the attribute searched, e.g. "email" or
	// "custom_attributes.plan"; single filters only.
	Field string
	// Operator is a comparison for a single filter, AND or OR for a group.
	Operator SearchOperator
	// Value is what Field is compared with; single filters only.
	Value SearchValue
	// Filters are the members of a group (Operator AND or OR); groups only.
	Filters []SearchFilter
}

// Filter returns a single filter comparing field with v using op.
func Filter(field string, op SearchOperator, v SearchValue) SearchFilter {
	return SearchFilter{Field: field, Operator: op, Value: v}
}

// And returns a group that matches when every one of filters matches.
func And(filters ...SearchFilter) SearchFilter { return group(OpAnd, filters) }

// Or returns a group that matches when any one of filters matches.
func Or(filters ...SearchFilter) SearchFilter { return group(OpOr, filters) }

func group(op SearchOperator, filters []SearchFilter) SearchFilter {
	f := SearchFilter{Operator: op}
	if len(filters) > 0 {
		f.Filters = slices.Clone(filters)
	}
	return f
}

// IsGroup reports whether f is a group: its Operator is AND or OR, or it has
// Filters. A group is encoded as {"operator":…,"value":[…]}, anything else
// as a single filter.
func (f SearchFilter) IsGroup() bool { return f.Operator.isGroup() || len(f.Filters) > 0 }

// MarshalJSON encodes f compactly and without HTML escaping: a single filter
// as {"field":…,"operator":…,"value":…} (the "value" key is left out when
// Value is unset), a group as {"operator":…,"value":[…]} (Field and Value of
// a group are not encoded; Validate reports them). It does not validate.
func (f SearchFilter) MarshalJSON() ([]byte, error) { return f.appendJSON(nil), nil }

func (f SearchFilter) appendJSON(dst []byte) []byte {
	if f.IsGroup() {
		dst = append(dst, `{"operator":`...)
		dst = appendJSONString(dst, string(f.Operator))
		dst = append(dst, `,"value":[`...)
		for i, sub := range f.Filters {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = sub.appendJSON(dst)
		}
		return append(dst, "]}"...)
	}
	dst = append(dst, `{"field":`...)
	dst = appendJSONString(dst, f.Field)
	dst = append(dst, `,"operator":`...)
	dst = appendJSONString(dst, string(f.Operator))
	if !f.Value.IsZero() {
		dst = append(dst, `,"value":`...)
		dst = f.Value.appendJSON(dst)
	}
	return append(dst, '}')
}

// UnmarshalJSON decodes a single filter or a group. An object is a group when
// its operator is AND or OR, or when its value is a list whose first element
// is an object; the members are decoded recursively. Otherwise it is a single
// filter, and a missing "value" key leaves Value unset. Decoding is lenient
// about content, so that any query can be read and re-encoded: unknown
// operators, empty fields and groups, and nesting beyond Intercom's limits
// are kept, and Validate reports them. It fails on JSON that does not fit the
// model: a non-object, a value no SearchValue can hold, a group with a
// "field", or groups nested more than 100 deep. JSON null leaves f unchanged.
func (f *SearchFilter) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	d, err := decodeSearchFilter(b, "", 0)
	if err != nil {
		return err
	}
	*f = d
	return nil
}

func decodeSearchFilter(b []byte, path string, depth int) (SearchFilter, error) {
	fail := func(p, format string, args ...any) error {
		where := strings.TrimPrefix(path+p, ".")
		if where != "" {
			where += " "
		}
		return fmt.Errorf("intercom: search filter: %s%s", where, fmt.Sprintf(format, args...))
	}
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return SearchFilter{}, fail("", "is not a JSON object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return SearchFilter{}, fail("", "is not valid JSON: %v", err)
	}
	for k, v := range obj {
		obj[k] = bytes.TrimSpace(v)
	}
	var f SearchFilter
	if raw, ok := obj["field"]; ok {
		if err := json.Unmarshal(raw, &f.Field); err != nil {
			return SearchFilter{}, fail(".field", "is %s, not a string", jsonKindName(raw))
		}
	}
	if raw, ok := obj["operator"]; ok {
		if err := json.Unmarshal(raw, &f.Operator); err != nil {
			return SearchFilter{}, fail(".operator", "is %s, not a string", jsonKindName(raw))
		}
	}
	raw, hasValue := obj["value"]
	isGroup := f.Operator.isGroup()
	if !isGroup && hasValue && raw[0] == '[' {
		if rest := bytes.TrimLeft(raw[1:], " \t\r\n"); len(rest) > 0 && rest[0] == '{' {
			isGroup = true
		}
	}
	if !isGroup {
		if hasValue {
			v, err := decodeSearchValue(raw)
			if err != nil {
				return SearchFilter{}, fail(".value", "%v", err)
			}
			f.Value = v
		}
		return f, nil
	}
	if f.Field != "" {
		return SearchFilter{}, fail(".field", "is set on a group (operator %q with a list of filters); a group has no field", f.Operator)
	}
	if !hasValue || raw[0] == 'n' {
		return f, nil // an empty group; Validate reports it
	}
	if raw[0] != '[' {
		return SearchFilter{}, fail(".value", "is %s; the value of an %s group must be a list of filters", jsonKindName(raw), f.Operator)
	}
	if depth >= maxSearchDecodeDepth {
		return SearchFilter{}, fail("", "nests groups more than %d deep", maxSearchDecodeDepth)
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return SearchFilter{}, fail(".value", "%v", err)
	}
	for i, e := range elems {
		e = bytes.TrimSpace(e)
		p := fmt.Sprintf("%s.value[%d]", path, i)
		if e[0] != '{' {
			return SearchFilter{}, fail(fmt.Sprintf(".value[%d]", i), "is %s; a group's members must be filter objects", jsonKindName(e))
		}
		sub, err := decodeSearchFilter(e, p, depth+1)
		if err != nil {
			return SearchFilter{}, err
		}
		f.Filters = append(f.Filters, sub)
	}
	return f, nil
}

// Validate checks f, as the query of a search request, against Intercom's
// documented rules, and returns an *InvalidRequestError (matching
// ErrInvalidRequest) whose Field is the JSON path of the first problem, such
// as "query.value[1].value[0].operator". The rules:
//
//   - Groups nest at most 2 levels: the query may be a group whose members
//     are groups whose members are single filters (group → group → filter).
//     A group inside a group inside a group is too deep. A single filter on
//     its own is 0 levels; a group of single filters is 1.
//   - A group has operator AND or OR, 1 to 15 filters, and no Field or Value.
//   - A single filter has a non-empty Field, one of the comparison operators,
//     and a set Value (NullValue() counts as set).
//   - IN and NIN take a non-empty list of strings or integers, and only they
//     take lists; ~ !~ ^ $ take a string; < <= > >= take a string or an
//     integer (Intercom's examples send timestamps as strings); = and != take
//     any single value, including null and booleans.
//
// Rules that depend on the field's type (date fields accept only =, < and >;
// tag_id only = and !=) are left to Intercom.
func (f SearchFilter) Validate() error { return f.validate("query", 0) }

func (f SearchFilter) validate(path string, depth int) error {
	if !f.IsGroup() {
		return f.validateSingle(path)
	}
	if !f.Operator.isGroup() {
		return invalid(path+".operator", fmt.Sprintf("is %q, but a group of filters needs AND or OR", f.Operator))
	}
	if f.Field != "" || !f.Value.IsZero() {
		return invalid(path, fmt.Sprintf("is an %s group but also has a Field or Value set; a group has only an operator and sub-filters (for a single filter use a comparison operator)", f.Operator))
	}
	depth++
	if depth > maxSearchGroupDepth {
		return invalid(path, fmt.Sprintf("nests groups %d levels deep; Intercom allows at most %d (group → group → filter)", depth, maxSearchGroupDepth))
	}
	switch n := len(f.Filters); {
	case n == 0:
		return invalid(path, fmt.Sprintf("is an empty %s group; a group needs at least one filter", f.Operator))
	case n > maxSearchGroupFilters:
		return invalid(path, fmt.Sprintf("has %d filters; Intercom allows at most %d in one AND/OR group", n, maxSearchGroupFilters))
	}
	for i, sub := range f.Filters {
		if err := sub.validate(fmt.Sprintf("%s.value[%d]", path, i), depth); err != nil {
			return err
		}
	}
	return nil
}

func (f SearchFilter) validateSingle(path string) error {
	if f.Field == "" && f.Operator == "" && f.Value.IsZero() {
		return invalid(path, "is empty; set a field, operator and value, or build a group with And or Or")
	}
	if f.Field == "" {
		return invalid(path+".field", "is required for a single filter")
	}
	if f.Operator == "" {
		return invalid(path+".operator", fmt.Sprintf("is required (filter on field %q)", f.Field))
	}
	if !f.Operator.isComparison() {
		return invalid(path+".operator", fmt.Sprintf("%q is not a search operator (want one of = != IN NIN < <= > >= ~ !~ ^ $)", f.Operator))
	}
	k := f.Value.kind
	if k == valueUnset {
		return invalid(path+".value", fmt.Sprintf("is not set for field %q (use NullValue() to search for null)", f.Field))
	}
	list := k == valueStrings || k == valueInts
	bad := func(want string) error {
		return invalid(path+".value", fmt.Sprintf("is %s, but operator %s on field %q needs %s", k, f.Operator, f.Field, want))
	}
	switch f.Operator {
	case OpIn, OpNotIn:
		if !list {
			return bad("a list of strings or integers")
		}
		if f.Value.listLen() == 0 {
			return invalid(path+".value", fmt.Sprintf("is an empty list; operator %s on field %q needs at least one value", f.Operator, f.Field))
		}
	case OpContains, OpNotContains, OpStartsWith, OpEndsWith:
		if k != valueString {
			return bad("a string")
		}
	case OpLessThan, OpLessOrEqual, OpGreaterThan, OpGreaterOrEqual:
		if k != valueString && k != valueInt {
			return bad("a string or an integer")
		}
	default: // = and !=
		if list {
			return bad("a single value (only IN and NIN take a list)")
		}
	}
	return nil
}

// SearchPagination is the pagination object of a search request.
type SearchPagination struct {
	// PerPage is how many results a page holds, 1 to 150; zero leaves it to
	// Intercom's default.
	PerPage int `json:"per_page,omitempty"`
	// StartingAfter is the cursor from the previous page's pages.next.starting_after.
	StartingAfter string `json:"starting_after,omitempty"`
}

// SearchRequest is the body of POST /contacts/search, /conversations/search
// and /tickets/search.
type SearchRequest struct {
	// Query is a single filter or a group of filters.
	Query SearchFilter `json:"query"`
	// Pagination sets the page size and cursor; the zero value leaves both
	// to Intercom (and is left out of the request).
	Pagination SearchPagination `json:"pagination,omitzero"`
	// Sort orders the results. Contacts search only, API 2.16 and later.
	Sort SearchSort `json:"sort,omitzero" intercom:"since=2.16"`

	// IncludeMergeHistory adds each user's merge_history to the results
	// (query parameter include_merge_history). Contacts search only, API
	// 2.16 and later.
	IncludeMergeHistory bool `json:"-"`
	// IncludeMonitors adds each conversation's QA monitor_evaluations
	// (query parameter include_monitors). Conversations search only, API
	// 2.16 and later.
	IncludeMonitors bool `json:"-"`
	// IncludeScorecards adds each conversation's QA scorecards (query
	// parameter include_scorecards). Conversations search only, API 2.16
	// and later.
	IncludeScorecards bool `json:"-"`
}

// SearchSort orders search results.
type SearchSort struct {
	// Field is the field to sort on, such as "created_at".
	Field string `json:"field,omitempty"`
	// Order is SearchSortAscending or SearchSortDescending (Intercom's
	// default).
	Order SearchSortOrder `json:"order,omitempty"`
}

// SearchSortOrder is the direction of a search's sort.
type SearchSortOrder string

// Search sort orders.
const (
	SearchSortAscending  SearchSortOrder = "ascending"
	SearchSortDescending SearchSortOrder = "descending"
)

// searchQuery is the query string of a search: the SearchRequest fields that
// travel outside its body.
type searchQuery struct {
	IncludeMergeHistory bool `url:"include_merge_history,omitempty" intercom:"since=2.16"`
	IncludeMonitors     bool `url:"include_monitors,omitempty" intercom:"since=2.16"`
	IncludeScorecards   bool `url:"include_scorecards,omitempty" intercom:"since=2.16"`
}

// query returns the query string of r, nil when it has none.
func (r SearchRequest) query() *searchQuery {
	q := searchQuery{r.IncludeMergeHistory, r.IncludeMonitors, r.IncludeScorecards}
	if q == (searchQuery{}) {
		return nil
	}
	return &q
}

// validateFor checks the fields that only one of the searches takes.
func (r SearchRequest) validateFor(path string) error {
	contacts, conversations := path == "/contacts/search", path == "/conversations/search"
	switch {
	case r.Sort != (SearchSort{}) && !contacts:
		return invalid("sort", "applies only to a contacts search")
	case r.Sort != (SearchSort{}) && r.Sort.Field == "":
		return invalid("sort.field", "is required to sort")
	case r.IncludeMergeHistory && !contacts:
		return invalid("include_merge_history", "applies only to a contacts search")
	case r.IncludeMonitors && !conversations:
		return invalid("include_monitors", "applies only to a conversations search")
	case r.IncludeScorecards && !conversations:
		return invalid("include_scorecards", "applies only to a conversations search")
	}
	switch r.Sort.Order {
	case "", SearchSortAscending, SearchSortDescending:
	default:
		return invalid("sort.order", "must be ascending or descending")
	}
	return nil
}

// Validate checks the query (see SearchFilter.Validate) and, when set,
// that pagination.per_page is between 1 and 150.
func (r SearchRequest) Validate() error {
	if err := r.Query.Validate(); err != nil {
		return err
	}
	if p := r.Pagination; p.PerPage != 0 && (p.PerPage < minSearchPerPage || p.PerPage > maxSearchPerPage) {
		return invalid("pagination.per_page", fmt.Sprintf("is %d; it must be between %d and %d", p.PerPage, minSearchPerPage, maxSearchPerPage))
	}
	return nil
}
