package intercom

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// idHolder is a model with ids in every place the decoder relaxes: top
// level, nested, in slices, behind pointers, in maps, embedded, and next
// to free-form data, whose numbers must stay numbers.
type idHolder struct {
	ID       ID                       `json:"id"`
	OwnerID  ID                       `json:"owner_id,omitempty"`
	AdminIDs []ID                     `json:"admin_ids,omitempty"`
	Name     string                   `json:"name,omitempty"`
	Count    int                      `json:"count,omitempty"`
	Inner    *idHolderInner           `json:"inner,omitempty"`
	Items    []idHolderInner          `json:"items,omitempty"`
	ByKey    map[string]idHolderInner `json:"by_key,omitempty"`
	Custom   map[string]any           `json:"custom_attributes,omitempty"`
	Raw      json.RawMessage          `json:"raw,omitempty"`
	When     Timestamp                `json:"when,omitempty"`
	IDHolderEmbedded
}

type idHolderInner struct {
	TeamID ID `json:"team_id"`
}

// IDHolderEmbedded is embedded in idHolder (exported: StructOf takes
// exported fields only, as the models have).
type IDHolderEmbedded struct {
	AssigneeID ID `json:"assignee_id,omitempty"`
}

func TestUnmarshalAcceptsNumericIDs(t *testing.T) {
	t.Parallel()
	in := `{"id":12345678901234567890,"owner_id":-7,"admin_ids":[1,"b",3.5,null],"name":"n","count":2,
		"inner":{"team_id":42},"items":[{"team_id":1},{"team_id":"x"}],"by_key":{"k":{"team_id":9}},
		"custom_attributes":{"plan_id":5,"user_id":"6"},"raw":{"id":1},"when":1700000000,"assignee_id":88}`
	var got idHolder
	require.NoError(t, Unmarshal([]byte(in), &got))
	require.Equal(t, idHolder{
		ID: "12345678901234567890", OwnerID: "-7", AdminIDs: []ID{"1", "b", "3.5", ""}, Name: "n", Count: 2,
		Inner: &idHolderInner{TeamID: "42"}, Items: []idHolderInner{{"1"}, {"x"}}, ByKey: map[string]idHolderInner{"k": {"9"}},
		Custom: map[string]any{"plan_id": 5.0, "user_id": "6"}, Raw: json.RawMessage(`{"id":1}`), When: 1700000000,
		IDHolderEmbedded: IDHolderEmbedded{AssigneeID: "88"},
	}, got)
	b, err := json.Marshal(got.Inner)
	require.NoError(t, err)
	require.Equal(t, `{"team_id":"42"}`, string(b), "ids encode as strings")

	// A number in a string field that is not an id is still an error, and
	// the error names the model, not its shadow.
	var bad idHolder
	err = Unmarshal([]byte(`{"name":1}`), &bad)
	var te *json.UnmarshalTypeError
	require.ErrorAs(t, err, &te)
	require.Equal(t, "name", te.Field)
	err = Unmarshal([]byte(`{"inner":"x"}`), &bad)
	require.ErrorAs(t, err, &te)
	require.Equal(t, reflect.TypeFor[idHolderInner](), te.Type)
	require.Error(t, Unmarshal([]byte(`{"id":{"x":1}}`), &bad))

	// The shadow has the model's layout, and types without ids keep theirs.
	s := idShadow(reflect.TypeFor[idHolder]())
	require.NotEqual(t, reflect.TypeFor[idHolder](), s)
	require.True(t, sameLayout(reflect.TypeFor[idHolder](), s))
	require.Equal(t, reflect.TypeFor[Timestamp](), idShadow(reflect.TypeFor[Timestamp]()))
	require.Equal(t, reflect.TypeFor[PageNext](), idShadow(reflect.TypeFor[PageNext]()))
}

// TestEveryModelGetsItsShadow checks that every model a method returns
// relaxes its ids: a model whose shadow could not be built (an unexported
// field, a cycle) would silently refuse numeric ids.
func TestEveryModelGetsItsShadow(t *testing.T) {
	t.Parallel()
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	var unshadowed []string
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map || ty.Kind() == reflect.Array {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || (ty.Name() != "" && ty.PkgPath() != reflect.TypeFor[Client]().PkgPath()) {
			return
		}
		seen[ty] = true
		hasID := false
		for i := range ty.NumField() {
			f := ty.Field(i)
			name := jsonName(f)
			if (f.Type == stringType && isIDName(name)) || (f.Type == stringSliceType && isIDListName(name)) {
				hasID = true
			}
			walk(f.Type)
		}
		pt := reflect.PointerTo(ty)
		if hasID && !pt.Implements(jsonUnmarshaler) && idShadow(ty) == ty {
			unshadowed = append(unshadowed, ty.String())
		}
	}
	ct := reflect.TypeFor[Client]()
	for i := range ct.NumField() {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer {
			continue
		}
		for j := range f.Type.NumMethod() {
			m := f.Type.Method(j)
			if m.Type.NumOut() == 3 && m.Type.Out(1) == reflect.TypeFor[*Response]() {
				walk(m.Type.Out(0))
			}
		}
	}
	require.Greater(t, len(seen), 100)
	require.Empty(t, unshadowed, "models whose string ids would refuse numbers")
}

// TestOwnerIDFollowsTheVersion sends a contact's owner as a number before
// 2.16 and as a string from it, each validated by that version's
// description; a non-numeric owner is refused before 2.16.
func TestOwnerIDFollowsTheVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	admin := Admin{ID: "991267464"} // as a model holds it
	for _, tc := range []struct{ version, body string }{
		{"2.10", `{"name":"Ada","owner_id":991267464}`},
		{"2.15", `{"name":"Ada","owner_id":991267464}`},
		{"2.16", `{"name":"Ada","owner_id":"991267464"}`},
	} {
		c, srv := newSpecClientAt(t, tc.version)
		_, _, err := c.Contacts.Update(ctx, contactTestID, ContactUpdateRequest{Name: Some("Ada"), OwnerID: Some(admin.ID)})
		require.NoError(t, err, tc.version)
		rec := srv.LastRequest()
		testMethod(t, rec, http.MethodPut)
		testJSONBody(t, rec, tc.body)
		_, _, err = c.Contacts.Create(ctx, ContactCreateRequest{Email: "a@b.c", OwnerID: Some(admin.ID)})
		require.NoError(t, err, tc.version)
		testJSONBody(t, srv.LastRequest(), `{"email":"a@b.c",`+tc.body[len(`{"name":"Ada",`):])
		_, _, err = c.Contacts.Update(ctx, contactTestID, ContactUpdateRequest{OwnerID: Null[ID]()})
		require.NoError(t, err, tc.version)
		testJSONBody(t, srv.LastRequest(), `{"owner_id":null}`)
	}
	c, srv := newSpecClientAt(t, "2.10")
	_, _, err := c.Contacts.Update(ctx, contactTestID, ContactUpdateRequest{OwnerID: Some("admin-7")})
	testInvalidNoIO(t, srv, err, "owner_id")
}
