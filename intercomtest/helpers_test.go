package intercomtest_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/internal/jsontest"
)

// setup starts a server for t and returns it with a client and a context.
func setup(t *testing.T, opts ...intercomtest.ServerOption) (*intercomtest.Server, *intercom.Client, context.Context) {
	t.Helper()
	srv := intercomtest.New(t, opts...)
	return srv, srv.Client(), context.Background()
}

// assertLossless checks that the model v (decoded from raw) keeps every
// value the raw JSON response carried, empty ones included, with the same
// value (numbers and strings compare as text, since ids arrive as either):
// internal/jsontest, the comparator the SDK's own tests use.
func assertLossless(t *testing.T, raw []byte, v any) {
	t.Helper()
	require.NotEmpty(t, raw, "no raw body captured")
	if lost := lostValues(t, raw, v); len(lost) > 0 {
		assert.Failf(t, "values lost", "%T drops or changes %d value(s) of the response:\n%s\nresponse: %s", v, len(lost), joinLines(lost), raw)
	}
}

// lostValues lists the values of raw that v does not keep.
func lostValues(t *testing.T, raw []byte, v any) []string {
	t.Helper()
	if reflect.TypeOf(v).Kind() != reflect.Pointer {
		p := reflect.New(reflect.TypeOf(v))
		p.Elem().Set(reflect.ValueOf(v))
		v = p.Interface()
	}
	lost, err := jsontest.Lost(raw, v, intercom.Unmarshal, nil)
	require.NoError(t, err)
	return lost
}

func TestLostValuesFindsDroppedFields(t *testing.T) {
	t.Parallel()
	raw := []byte(`{"id":7,"name":"x","extra":{"deep":true},"zero":0,"none":null,"list":[1,2]}`)
	type partial struct {
		ID   intercom.ID `json:"id"`
		Name string      `json:"name"`
		List []int       `json:"list"`
	}
	require.Empty(t, lostValues(t, []byte(`{"id":7,"name":"x","list":[1,2],"none":null}`), partial{ID: "7", Name: "x", List: []int{1, 2}}))
	require.Equal(t, []string{
		`$.extra.deep: want true, got nothing`,
		`$.name: want "x", got "y"`,
		`$.zero: 0 dropped: the model does not keep this field`,
	}, lostValues(t, raw, partial{ID: "7", Name: "y", List: []int{1, 2}}))
}

func joinLines(s []string) string {
	var b bytes.Buffer
	for _, l := range s {
		b.WriteString("\t" + l + "\n")
	}
	return b.String()
}
