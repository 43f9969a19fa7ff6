package intercom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Request examples copied from testdata/openapi/intercom-2.10.yaml.
const (
	// components.schemas.single_filter_search_request: the field, operator and
	// value examples put together.
	specSingleFilterExample = `{"field":"created_at","operator":">","value":"73732934"}`
	// paths./contacts/search, /conversations/search and /tickets/search:
	// post.requestBody.content.application/json.examples.successful.value (the
	// three are identical).
	specSearchRequestExample = `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5}}`
	// The nesting example of the "Nesting & Limitations" sections,
	// "(1 OR 2) AND (3 OR 4)", written out with fields from the contacts table.
	specNestedExample = `{"operator":"AND","value":[` +
		`{"operator":"OR","value":[{"field":"role","operator":"=","value":"user"},{"field":"email","operator":"$","value":"@example.com"}]},` +
		`{"operator":"OR","value":[{"field":"created_at","operator":">","value":"1577836800"},{"field":"owner_id","operator":"IN","value":[1,2,3]}]}]}`
)

// encodeNoEscape encodes v like the wire should look: compact, no HTML escaping.
func encodeNoEscape(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// TestSearchOperatorConstants: each operator has Intercom's spelling, no
// two share one, the twelve comparisons are comparisons and AND/OR groups,
// and nothing else is either.
func TestSearchOperatorConstants(t *testing.T) {
	t.Parallel()
	ops := []struct {
		op    SearchOperator
		wire  string
		group bool
	}{
		{OpEquals, "=", false}, {OpNotEquals, "!=", false}, {OpIn, "IN", false}, {OpNotIn, "NIN", false},
		{OpLessThan, "<", false}, {OpLessOrEqual, "<=", false}, {OpGreaterThan, ">", false}, {OpGreaterOrEqual, ">=", false},
		{OpContains, "~", false}, {OpNotContains, "!~", false}, {OpStartsWith, "^", false}, {OpEndsWith, "$", false},
		{OpAnd, "AND", true}, {OpOr, "OR", true},
	}
	seen := map[SearchOperator]bool{}
	for _, o := range ops {
		require.Equal(t, o.wire, string(o.op))
		require.False(t, seen[o.op], "%q is the value of two constants", o.op)
		seen[o.op] = true
		require.Equal(t, o.group, o.op.isGroup(), "%s is a group", o.op)
		require.Equal(t, !o.group, o.op.isComparison(), "%s is a comparison", o.op)
	}
	for _, not := range []SearchOperator{"", "==", "in", "and", "LIKE", "<>", "!IN"} {
		require.False(t, not.isGroup() || not.isComparison(), "%q is not an operator", not)
		require.ErrorIs(t, Filter("f", not, StringValue("x")).Validate(), ErrInvalidRequest, "%q", not)
	}
}

func TestSearchValueMarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		v    SearchValue
		want string
	}{
		{"unset", SearchValue{}, `null`},
		{"null", NullValue(), `null`},
		{"string", StringValue("73732934"), `"73732934"`},
		{"empty string", StringValue(""), `""`},
		{"html characters", StringValue(`<b>&"x"</b>`), `"<b>&\"x\"</b>"`},
		{"control and unicode", StringValue("a\nb\tc\x01é😀"), `"a\nb\tc\u0001é😀"`},
		{"int", IntValue(42), `42`},
		{"negative int", IntValue(-7), `-7`},
		{"max int64", IntValue(9223372036854775807), `9223372036854775807`},
		{"min int64", IntValue(-9223372036854775808), `-9223372036854775808`},
		{"true", BoolValue(true), `true`},
		{"false", BoolValue(false), `false`},
		{"strings", StringsValue("a", "b<c"), `["a","b<c"]`},
		{"one string", StringsValue("x"), `["x"]`},
		{"empty strings", StringsValue(), `[]`},
		{"ints", IntsValue(1, -2, 3), `[1,-2,3]`},
		{"empty ints", IntsValue(), `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.v.MarshalJSON()
			require.NoError(t, err)
			require.Equal(t, tt.want, string(b))
			require.Equal(t, tt.want, string(encodeNoEscape(t, tt.v)))
		})
	}
}

func TestSearchValueInterface(t *testing.T) {
	t.Parallel()
	require.Nil(t, SearchValue{}.Interface())
	require.Nil(t, NullValue().Interface())
	require.Equal(t, "s", StringValue("s").Interface())
	require.Equal(t, int64(5), IntValue(5).Interface())
	require.Equal(t, true, BoolValue(true).Interface())
	require.Equal(t, []string{"a"}, StringsValue("a").Interface())
	require.Equal(t, []int64{1, 2}, IntsValue(1, 2).Interface())
	require.Equal(t, []string{}, StringsValue().Interface())

	require.True(t, SearchValue{}.IsZero())
	require.False(t, NullValue().IsZero())
	require.False(t, StringValue("").IsZero())

	// Constructors and Interface copy, so callers' slices are never shared.
	in := []string{"a", "b"}
	v := StringsValue(in...)
	in[0] = "changed"
	out := v.Interface().([]string)
	out[1] = "changed"
	require.Equal(t, []string{"a", "b"}, v.Interface())
	nums := []int64{1}
	iv := IntsValue(nums...)
	nums[0] = 9
	require.Equal(t, []int64{1}, iv.Interface())
}

func TestSearchValueUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want SearchValue
	}{
		{`null`, NullValue()},
		{`"x"`, StringValue("x")},
		{`"\u003c\u0026"`, StringValue("<&")},
		{`12`, IntValue(12)},
		{`-0`, IntValue(0)},
		{`9007199254740993`, IntValue(9007199254740993)}, // not representable as float64
		{`9223372036854775807`, IntValue(9223372036854775807)},
		{`true`, BoolValue(true)},
		{`false`, BoolValue(false)},
		{`["a","b"]`, StringsValue("a", "b")},
		{`[1, 2 ,3]`, IntsValue(1, 2, 3)},
		{`[]`, StringsValue()},
		{` [ "a" ] `, StringsValue("a")},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var v SearchValue
			require.NoError(t, json.Unmarshal([]byte(tt.in), &v))
			require.Equal(t, tt.want, v)
			require.Equal(t, tt.want.Interface(), v.Interface())
		})
	}

	bad := []struct{ in, msg string }{
		{`1.5`, "not an integer"},
		{`1.0`, "not an integer"},
		{`1e3`, "not an integer"},
		{`9223372036854775808`, "outside the int64 range"},
		{`{"a":1}`, "object"},
		{`["a",1]`, "only strings or only integers"},
		{`[1,"a"]`, "only strings or only integers"},
		{`[true]`, "only strings or only integers"},
		{`[null]`, "only strings or only integers"},
		{`[["a"]]`, "only strings or only integers"},
		{`[1,2.5]`, "not an integer"},
		{`nul`, "invalid JSON"},
		{``, "invalid JSON"},
	}
	for _, tt := range bad {
		t.Run("bad "+tt.in, func(t *testing.T) {
			v := StringValue("keep")
			err := v.UnmarshalJSON([]byte(tt.in))
			require.Error(t, err)
			require.Contains(t, err.Error(), tt.msg)
			require.Equal(t, StringValue("keep"), v, "a failed decode leaves the value alone")
		})
	}
}

func TestSearchFilterMarshalOperators(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op   SearchOperator
		v    SearchValue
		want string
	}{
		{OpEquals, StringValue("user"), `{"field":"f","operator":"=","value":"user"}`},
		{OpEquals, IntValue(3), `{"field":"f","operator":"=","value":3}`},
		{OpEquals, BoolValue(true), `{"field":"f","operator":"=","value":true}`},
		{OpEquals, NullValue(), `{"field":"f","operator":"=","value":null}`},
		{OpNotEquals, StringValue("lead"), `{"field":"f","operator":"!=","value":"lead"}`},
		{OpNotEquals, BoolValue(false), `{"field":"f","operator":"!=","value":false}`},
		{OpNotEquals, NullValue(), `{"field":"f","operator":"!=","value":null}`},
		{OpIn, StringsValue("a", "b"), `{"field":"f","operator":"IN","value":["a","b"]}`},
		{OpIn, IntsValue(1, 2), `{"field":"f","operator":"IN","value":[1,2]}`},
		{OpNotIn, StringsValue("x"), `{"field":"f","operator":"NIN","value":["x"]}`},
		{OpNotIn, IntsValue(-1), `{"field":"f","operator":"NIN","value":[-1]}`},
		{OpLessThan, StringValue("1306054154"), `{"field":"f","operator":"<","value":"1306054154"}`},
		{OpLessThan, IntValue(10), `{"field":"f","operator":"<","value":10}`},
		{OpLessOrEqual, IntValue(10), `{"field":"f","operator":"<=","value":10}`},
		{OpGreaterThan, StringValue("73732934"), `{"field":"f","operator":">","value":"73732934"}`},
		{OpGreaterOrEqual, IntValue(0), `{"field":"f","operator":">=","value":0}`},
		{OpContains, StringValue("support"), `{"field":"f","operator":"~","value":"support"}`},
		{OpNotContains, StringValue("spam"), `{"field":"f","operator":"!~","value":"spam"}`},
		{OpStartsWith, StringValue("Ada"), `{"field":"f","operator":"^","value":"Ada"}`},
		{OpEndsWith, StringValue("@example.com"), `{"field":"f","operator":"$","value":"@example.com"}`},
		{OpEndsWith, StringValue("a<b>&c"), `{"field":"f","operator":"$","value":"a<b>&c"}`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s", tt.op, tt.want), func(t *testing.T) {
			f := Filter("f", tt.op, tt.v)
			require.False(t, f.IsGroup())
			b, err := f.MarshalJSON()
			require.NoError(t, err)
			require.Equal(t, tt.want, string(b))
			require.Equal(t, tt.want, string(encodeNoEscape(t, f)))
			require.NoError(t, f.Validate())

			var back SearchFilter
			require.NoError(t, json.Unmarshal(b, &back))
			require.Equal(t, f, back)
		})
	}
}

func TestSearchFilterMarshalGroups(t *testing.T) {
	t.Parallel()
	q := And(
		Or(Filter("role", OpEquals, StringValue("user")), Filter("email", OpEndsWith, StringValue("@example.com"))),
		Or(Filter("created_at", OpGreaterThan, StringValue("1577836800")), Filter("owner_id", OpIn, IntsValue(1, 2, 3))),
	)
	require.True(t, q.IsGroup())
	b, err := q.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, specNestedExample, string(b))
	require.NoError(t, q.Validate())

	b, err = And().MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"operator":"AND","value":[]}`, string(b))
	b, err = Or(Filter("a", OpEquals, IntValue(1))).MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"operator":"OR","value":[{"field":"a","operator":"=","value":1}]}`, string(b))

	// Field and Value are not encoded for a group; Validate reports them.
	odd := SearchFilter{Field: "x", Operator: OpAnd, Value: StringValue("y"), Filters: []SearchFilter{Filter("a", OpEquals, IntValue(1))}}
	b, err = odd.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"operator":"AND","value":[{"field":"a","operator":"=","value":1}]}`, string(b))

	// An unset value leaves the key out; null is sent as null.
	b, err = SearchFilter{Field: "a", Operator: OpEquals}.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"field":"a","operator":"="}`, string(b))

	// And and Or copy their argument slice.
	parts := []SearchFilter{Filter("a", OpEquals, IntValue(1))}
	g := And(parts...)
	parts[0].Field = "changed"
	require.Equal(t, "a", g.Filters[0].Field)
}

func TestSearchFilterRoundTripBytes(t *testing.T) {
	t.Parallel()
	inputs := []string{
		specSingleFilterExample,
		specNestedExample,
		`{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]}`,
		`{"operator":"OR","value":[{"field":"a","operator":"=","value":null},{"field":"b","operator":"!=","value":true},{"field":"c","operator":"<=","value":-12}]}`,
		`{"field":"tag_id","operator":"NIN","value":["1","2"]}`,
		`{"field":"admin_assignee_id","operator":"IN","value":[991267715,0]}`,
		`{"field":"source.body","operator":"~","value":"<p>a & b</p>"}`,
		`{"field":"custom_attributes.note","operator":"=","value":"quote \" backslash \\ tab \t"}`,
		`{"field":"name","operator":"^","value":"Zoë 😀"}`,
		`{"field":"x","operator":"=","value":false}`,
		`{"field":"x","operator":"="}`,
		`{"operator":"AND","value":[]}`,
		`{"field":"x","operator":"LIKE","value":"y"}`,
		`{"operator":"XOR","value":[{"field":"a","operator":"=","value":1}]}`,
	}
	for _, in := range inputs {
		t.Run(in, func(t *testing.T) {
			var f SearchFilter
			require.NoError(t, json.Unmarshal([]byte(in), &f))
			b, err := f.MarshalJSON()
			require.NoError(t, err)
			require.Equal(t, in, string(b))
			require.Equal(t, in, string(encodeNoEscape(t, f)))
			// json.Marshal escapes <, > and & in any Marshaler's output; the
			// JSON is the same.
			std, err := json.Marshal(f)
			require.NoError(t, err)
			require.JSONEq(t, in, string(std))
		})
	}

	t.Run("search request", func(t *testing.T) {
		var r SearchRequest
		require.NoError(t, json.Unmarshal([]byte(specSearchRequestExample), &r))
		require.NoError(t, r.Validate())
		require.Equal(t, SearchRequest{
			Query:      And(Filter("created_at", OpGreaterThan, StringValue("1306054154"))),
			Pagination: SearchPagination{PerPage: 5},
		}, r)
		require.Equal(t, specSearchRequestExample, string(encodeNoEscape(t, r)))

		r.Pagination.StartingAfter = "WzE3MTcwMjE4NTgwMDAsIjQ5OCIsMl0="
		require.Equal(t, `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5,"starting_after":"WzE3MTcwMjE4NTgwMDAsIjQ5OCIsMl0="}}`,
			string(encodeNoEscape(t, r)))
		r.Pagination = SearchPagination{}
		require.Equal(t, `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]}}`,
			string(encodeNoEscape(t, r)))
	})
}

func TestSearchFilterUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want SearchFilter
	}{
		{"single", specSingleFilterExample, Filter("created_at", OpGreaterThan, StringValue("73732934"))},
		{"whitespace and key order", " {\n \"value\" : [ 1 , 2 ] , \"operator\" : \"IN\" , \"field\" : \"a\" } ",
			Filter("a", OpIn, IntsValue(1, 2))},
		{"missing value is unset", `{"field":"a","operator":"="}`, SearchFilter{Field: "a", Operator: OpEquals}},
		{"null value", `{"field":"a","operator":"=","value":null}`, Filter("a", OpEquals, NullValue())},
		{"unknown keys ignored", `{"field":"a","operator":"=","value":1,"extra":{"x":[1]}}`, Filter("a", OpEquals, IntValue(1))},
		{"keys are case-sensitive", `{"Field":"a","operator":"=","value":1}`, Filter("", OpEquals, IntValue(1))},
		{"unknown operator kept", `{"field":"a","operator":"LIKE","value":"x"}`, Filter("a", "LIKE", StringValue("x"))},
		{"group by operator", `{"operator":"OR","value":[{"field":"a","operator":"=","value":1}]}`,
			Or(Filter("a", OpEquals, IntValue(1)))},
		{"empty group", `{"operator":"AND","value":[]}`, And()},
		{"group without value", `{"operator":"AND"}`, And()},
		{"group with null value", `{"operator":"OR","value":null}`, Or()},
		{"group by array of objects", `{"operator":"XOR","value":[{"field":"a","operator":"=","value":1}]}`,
			SearchFilter{Operator: "XOR", Filters: []SearchFilter{Filter("a", OpEquals, IntValue(1))}}},
		{"lowercase and is not a group operator", `{"operator":"and","value":[{"field":"a","operator":"=","value":1}]}`,
			SearchFilter{Operator: "and", Filters: []SearchFilter{Filter("a", OpEquals, IntValue(1))}}},
		{"empty list with unknown operator is a value", `{"operator":"XOR","value":[]}`,
			SearchFilter{Operator: "XOR", Value: StringsValue()}},
		{"group with empty field", `{"operator":"AND","field":"","value":[]}`, And()},
		{"null field", `{"field":null,"operator":"=","value":1}`, Filter("", OpEquals, IntValue(1))},
		{"empty object", `{}`, SearchFilter{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f SearchFilter
			require.NoError(t, json.Unmarshal([]byte(tt.in), &f))
			require.Equal(t, tt.want, f)
		})
	}

	t.Run("null leaves the filter alone", func(t *testing.T) {
		f := Filter("a", OpEquals, IntValue(1))
		require.NoError(t, json.Unmarshal([]byte(`null`), &f))
		require.Equal(t, Filter("a", OpEquals, IntValue(1)), f)
	})

	t.Run("decode replaces rather than merges", func(t *testing.T) {
		f := And(Filter("a", OpEquals, IntValue(1)))
		require.NoError(t, json.Unmarshal([]byte(`{"field":"b","operator":"~","value":"x"}`), &f))
		require.Equal(t, Filter("b", OpContains, StringValue("x")), f)
	})

	bad := []struct{ name, in, msg string }{
		{"not an object", `"x"`, "search filter: is not a JSON object"},
		{"array", `[{"field":"a"}]`, "is not a JSON object"},
		{"number field", `{"field":1,"operator":"=","value":1}`, "field is a number, not a string"},
		{"object operator", `{"field":"a","operator":{},"value":1}`, "operator is an object, not a string"},
		{"fractional value", `{"field":"a","operator":">","value":1.5}`, "value number 1.5 is not an integer"},
		{"object value", `{"field":"a","operator":"=","value":{"x":1}}`, "value an object is not a search value"},
		{"mixed list", `{"field":"a","operator":"IN","value":["a",1]}`, "only strings or only integers"},
		{"group with field", `{"field":"a","operator":"AND","value":[]}`, "field is set on a group"},
		{"array of objects with field", `{"field":"a","operator":"=","value":[{}]}`, "field is set on a group"},
		{"group value not a list", `{"operator":"OR","value":"x"}`, "value is a string; the value of an OR group must be a list of filters"},
		{"group member not an object", `{"operator":"AND","value":[{"field":"a","operator":"=","value":1},"b"]}`,
			"value[1] is a string; a group's members must be filter objects"},
		{"null group member", `{"operator":"AND","value":[null]}`, "value[0] is null"},
		{"nested error path", `{"operator":"AND","value":[{"field":"a","operator":"=","value":1},{"operator":"OR","value":[{"field":"b","operator":"=","value":2.5}]}]}`,
			"search filter: value[1].value[0].value number 2.5 is not an integer"},
		{"invalid JSON", `{"field":"a",}`, "not valid JSON"},
	}
	for _, tt := range bad {
		t.Run("bad "+tt.name, func(t *testing.T) {
			f := Filter("keep", OpEquals, IntValue(1))
			err := f.UnmarshalJSON([]byte(tt.in)) // json.Unmarshal would reject invalid JSON itself
			require.Error(t, err)
			require.Contains(t, err.Error(), tt.msg)
			if json.Valid([]byte(tt.in)) {
				require.Error(t, json.Unmarshal([]byte(tt.in), &f))
			}
			require.False(t, errors.Is(err, ErrInvalidRequest), "decode errors are not request-validation errors")
			require.Equal(t, Filter("keep", OpEquals, IntValue(1)), f)
		})
	}

	t.Run("bad deep nesting", func(t *testing.T) {
		in := strings.Repeat(`{"operator":"AND","value":[`, 150) + `{"field":"a","operator":"=","value":1}` + strings.Repeat(`]}`, 150)
		var f SearchFilter
		err := json.Unmarshal([]byte(in), &f)
		require.Error(t, err)
		require.Contains(t, err.Error(), "nests groups more than 100 deep")
	})
}

// nest returns a query with groups nested depth levels deep around one filter.
func nest(depth int) SearchFilter {
	f := Filter("email", OpEquals, StringValue("ada@example.com"))
	for range depth {
		f = And(f)
	}
	return f
}

func manyFilters(n int) []SearchFilter {
	out := make([]SearchFilter, n)
	for i := range out {
		out[i] = Filter("owner_id", OpEquals, IntValue(int64(i)))
	}
	return out
}

func TestSearchFilterValidateOK(t *testing.T) {
	t.Parallel()
	valid := map[string]SearchFilter{
		"single":              Filter("created_at", OpGreaterThan, StringValue("73732934")),
		"one level":           nest(1),
		"two levels":          nest(2),
		"spec nested example": And(Or(Filter("a", OpEquals, IntValue(1)), Filter("b", OpEquals, IntValue(2))), Or(Filter("c", OpEquals, IntValue(3)), Filter("d", OpEquals, IntValue(4)))),
		"mixed levels":        Or(Filter("a", OpEquals, IntValue(1)), And(Filter("b", OpEquals, IntValue(2)))),
		"15 filters":          And(manyFilters(15)...),
		"15 groups of 15":     Or(slicesRepeat(And(manyFilters(15)...), 15)...),
		"null equals":         Filter("phone", OpEquals, NullValue()),
		"null not equals":     Filter("phone", OpNotEquals, NullValue()),
		"bool":                Filter("unsubscribed_from_emails", OpEquals, BoolValue(false)),
		"int compare":         Filter("owner_id", OpGreaterOrEqual, IntValue(3)),
		"string compare":      Filter("created_at", OpLessThan, StringValue("1577836800")),
		"in strings":          Filter("role", OpIn, StringsValue("user", "lead")),
		"nin ints":            Filter("owner_id", OpNotIn, IntsValue(1)),
		"empty string value":  Filter("name", OpEquals, StringValue("")),
	}
	for name, f := range valid {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, f.Validate())
			require.NoError(t, SearchRequest{Query: f}.Validate())
		})
	}
}

func slicesRepeat(f SearchFilter, n int) []SearchFilter {
	out := make([]SearchFilter, n)
	for i := range out {
		out[i] = f
	}
	return out
}

func TestSearchFilterValidateErrors(t *testing.T) {
	t.Parallel()
	ok := Filter("a", OpEquals, IntValue(1))
	tests := []struct {
		name   string
		f      SearchFilter
		path   string
		reason string
	}{
		{"three levels", nest(3), "query.value[0].value[0]", "nests groups 3 levels deep; Intercom allows at most 2"},
		{"three levels deeper in", And(ok, Or(ok, And(ok))), "query.value[1].value[1]", "nests groups 3 levels deep"},
		{"16 filters", And(manyFilters(16)...), "query", "has 16 filters; Intercom allows at most 15"},
		{"16 filters nested", Or(ok, And(manyFilters(16)...)), "query.value[1]", "has 16 filters"},
		{"empty AND", And(), "query", "is an empty AND group"},
		{"empty OR nested", And(ok, Or()), "query.value[1]", "is an empty OR group"},
		{"group with field", SearchFilter{Field: "a", Operator: OpAnd, Filters: []SearchFilter{ok}}, "query", "has a Field or Value set"},
		{"group with value", SearchFilter{Operator: OpOr, Value: NullValue(), Filters: []SearchFilter{ok}}, "query", "has a Field or Value set"},
		{"group operator on a single filter", Filter("a", OpAnd, StringValue("x")), "query", "is an AND group but also has a Field or Value set"},
		{"filters with comparison operator", SearchFilter{Operator: OpEquals, Filters: []SearchFilter{ok}}, "query.operator", `is "=", but a group of filters needs AND or OR`},
		{"filters with unknown operator", SearchFilter{Operator: "XOR", Filters: []SearchFilter{ok}}, "query.operator", `is "XOR"`},
		{"zero filter", SearchFilter{}, "query", "is empty"},
		{"zero filter in group", And(ok, SearchFilter{}), "query.value[1]", "is empty"},
		{"missing field", Filter("", OpEquals, IntValue(1)), "query.field", "is required"},
		{"missing operator", Filter("a", "", IntValue(1)), "query.operator", `is required (filter on field "a")`},
		{"unknown operator", Filter("a", "LIKE", StringValue("x")), "query.operator", `"LIKE" is not a search operator`},
		{"lowercase in", Filter("a", "in", StringsValue("x")), "query.operator", `"in" is not a search operator`},
		{"unset value", Filter("email", OpEquals, SearchValue{}), "query.value", `is not set for field "email"`},
		{"unset value nested", And(ok, Or(ok, Filter("phone", OpNotEquals, SearchValue{}))), "query.value[1].value[1].value", `is not set for field "phone"`},
		{"IN with string", Filter("role", OpIn, StringValue("user")), "query.value", `is a string, but operator IN on field "role" needs a list`},
		{"NIN with null", Filter("role", OpNotIn, NullValue()), "query.value", "is null, but operator NIN"},
		{"IN empty list", Filter("role", OpIn, StringsValue()), "query.value", "is an empty list"},
		{"NIN empty int list", Filter("owner_id", OpNotIn, IntsValue()), "query.value", "is an empty list"},
		{"equals with list", Filter("role", OpEquals, StringsValue("user")), "query.value", "only IN and NIN take a list"},
		{"not equals with list", Filter("owner_id", OpNotEquals, IntsValue(1)), "query.value", "is a list of integers, but operator != "},
		{"greater with list", Filter("owner_id", OpGreaterThan, IntsValue(1)), "query.value", "needs a string or an integer"},
		{"contains with int", Filter("name", OpContains, IntValue(1)), "query.value", `is an integer, but operator ~ on field "name" needs a string`},
		{"not contains with bool", Filter("name", OpNotContains, BoolValue(true)), "query.value", "needs a string"},
		{"starts with null", Filter("name", OpStartsWith, NullValue()), "query.value", "needs a string"},
		{"ends with list", Filter("name", OpEndsWith, StringsValue("x")), "query.value", "needs a string"},
		{"less than bool", Filter("owner_id", OpLessThan, BoolValue(false)), "query.value", "is a boolean, but operator < "},
		{"less or equal null", Filter("owner_id", OpLessOrEqual, NullValue()), "query.value", "needs a string or an integer"},
		{"greater or equal bool", Filter("owner_id", OpGreaterOrEqual, BoolValue(true)), "query.value", "needs a string or an integer"},
		{"first error wins", And(Filter("", OpEquals, IntValue(1)), Filter("b", "?", IntValue(1))), "query.value[0].field", "is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			require.Error(t, err)
			require.ErrorIs(t, err, ErrInvalidRequest)
			var ire *InvalidRequestError
			require.ErrorAs(t, err, &ire)
			require.Equal(t, tt.path, ire.Field)
			require.Contains(t, ire.Reason, tt.reason)
			require.Contains(t, err.Error(), tt.path+" ")

			// The request reports the same problem.
			require.Equal(t, err, SearchRequest{Query: tt.f}.Validate())
		})
	}
}

func TestSearchFilterValidateUnknownOperatorFromJSON(t *testing.T) {
	t.Parallel()
	var f SearchFilter
	require.NoError(t, json.Unmarshal([]byte(`{"operator":"AND","value":[{"field":"a","operator":"=","value":1},{"operator":"OR","value":[{"field":"b","operator":"=~","value":"x"}]}]}`), &f))
	err := f.Validate()
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Equal(t, `intercom: invalid request: query.value[1].value[0].operator "=~" is not a search operator (want one of = != IN NIN < <= > >= ~ !~ ^ $)`, err.Error())
}

func TestSearchRequestValidatePagination(t *testing.T) {
	t.Parallel()
	q := Filter("a", OpEquals, IntValue(1))
	for _, n := range []int{0, 1, 50, 150} {
		require.NoError(t, SearchRequest{Query: q, Pagination: SearchPagination{PerPage: n}}.Validate(), n)
	}
	require.NoError(t, SearchRequest{Query: q}.Validate())
	require.NoError(t, SearchRequest{Query: q, Pagination: SearchPagination{StartingAfter: "abc"}}.Validate())
	for _, n := range []int{-1, 151, 1000} {
		err := SearchRequest{Query: q, Pagination: SearchPagination{PerPage: n}}.Validate()
		require.ErrorIs(t, err, ErrInvalidRequest, n)
		var ire *InvalidRequestError
		require.ErrorAs(t, err, &ire)
		require.Equal(t, "pagination.per_page", ire.Field)
		require.Equal(t, fmt.Sprintf("is %d; it must be between 1 and 150", n), ire.Reason)
	}
	// The query is checked first.
	err := SearchRequest{Query: And(), Pagination: SearchPagination{PerPage: 500}}.Validate()
	var ire *InvalidRequestError
	require.ErrorAs(t, err, &ire)
	require.Equal(t, "query", ire.Field)
}

// FuzzSearchFilter checks that anything UnmarshalJSON accepts re-encodes to
// JSON that decodes to the same filter (and re-encodes to the same bytes),
// and that Validate never panics and agrees on both copies.
func FuzzSearchFilter(f *testing.F) {
	for _, s := range []string{specSingleFilterExample, specNestedExample, specSearchRequestExample} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var f1 SearchFilter
		if err := json.Unmarshal(data, &f1); err != nil {
			return
		}
		b1, err := f1.MarshalJSON()
		require.NoError(t, err, "marshal %q", data)
		require.Truef(t, json.Valid(b1), "marshal %q gave invalid JSON %q", data, b1)
		var f2 SearchFilter
		require.NoError(t, json.Unmarshal(b1, &f2), "re-decode %q (from %q)", b1, data)
		require.Equal(t, f1, f2, "round trip changed the filter; input %q", data)
		b2, err := f2.MarshalJSON()
		require.NoError(t, err)
		require.Equal(t, string(b1), string(b2), "re-encode not stable")
		std, err := json.Marshal(f1)
		require.NoError(t, err, "json.Marshal")
		var f3 SearchFilter
		require.NoError(t, json.Unmarshal(std, &f3), "json.Marshal round trip of %q", std)
		require.Equal(t, f1, f3, "json.Marshal round trip of %q", std)

		e1, e2 := f1.Validate(), f2.Validate()
		require.Equal(t, fmt.Sprint(e1), fmt.Sprint(e2), "Validate disagrees")
		if e1 != nil {
			require.ErrorIs(t, e1, ErrInvalidRequest)
		}
		_ = SearchRequest{Query: f1, Pagination: SearchPagination{PerPage: len(data)}}.Validate()
	})
}
