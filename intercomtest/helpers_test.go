package intercomtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// setup starts a server for t and returns it with a client and a context.
func setup(t *testing.T, opts ...intercomtest.ServerOption) (*intercomtest.Server, *intercom.Client, context.Context) {
	t.Helper()
	srv := intercomtest.New(t, opts...)
	return srv, srv.Client(), context.Background()
}

// assertLossless checks that the model v keeps every value the raw JSON
// response carried: each leaf of raw that is not null, false, 0, "" or an
// empty collection must be in v re-encoded, with the same value (numbers
// and strings compare as text, since ids arrive as either).
func assertLossless(t *testing.T, raw []byte, v any) {
	t.Helper()
	require.NotEmpty(t, raw, "no raw body captured")
	if lost := lostValues(t, raw, v); len(lost) > 0 {
		t.Errorf("%T drops or changes %d value(s) of the response:\n%s\nresponse: %s", v, len(lost), joinLines(lost), raw)
	}
}

// lostValues lists the values of raw that v does not keep.
func lostValues(t *testing.T, raw []byte, v any) []string {
	t.Helper()
	var want any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&want))
	enc, err := json.Marshal(v)
	require.NoError(t, err)
	var got any
	dec = json.NewDecoder(bytes.NewReader(enc))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&got))
	var lost []string
	compareLeaves("$", want, got, &lost)
	sort.Strings(lost)
	return lost
}

func TestLostValuesFindsDroppedFields(t *testing.T) {
	raw := []byte(`{"id":7,"name":"x","extra":{"deep":true},"zero":0,"none":null,"list":[1,2]}`)
	type partial struct {
		ID   intercom.ID `json:"id"`
		Name string      `json:"name"`
		List []int       `json:"list"`
	}
	assert.Empty(t, lostValues(t, []byte(`{"id":7,"name":"x","zero":0,"list":[1,2]}`), partial{ID: "7", Name: "x", List: []int{1, 2}}))
	assert.Equal(t, []string{"$.extra: object became <nil>", "$.name: x became y"},
		lostValues(t, raw, partial{ID: "7", Name: "y", List: []int{1, 2}}))
}

func joinLines(s []string) string {
	var b bytes.Buffer
	for _, l := range s {
		b.WriteString("\t" + l + "\n")
	}
	return b.String()
}

func isZeroJSON(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case string:
		return x == ""
	case json.Number:
		f, err := x.Float64()
		return err == nil && f == 0
	case map[string]any:
		for _, e := range x {
			if !isZeroJSON(e) {
				return false
			}
		}
		return true
	case []any:
		return len(x) == 0
	}
	return false
}

func compareLeaves(path string, want, got any, lost *[]string) {
	if isZeroJSON(want) {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*lost = append(*lost, fmt.Sprintf("%s: object became %v", path, got))
			return
		}
		for k, wv := range w {
			compareLeaves(path+"."+k, wv, g[k], lost)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*lost = append(*lost, fmt.Sprintf("%s: list of %d became %v", path, len(w), got))
			return
		}
		for i := range w {
			compareLeaves(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], lost)
		}
	default:
		if fmt.Sprint(want) != fmt.Sprint(got) {
			*lost = append(*lost, fmt.Sprintf("%s: %v became %v", path, want, got))
		}
	}
}
