package intercom

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

// newSpecClient starts the spec harness (mounted under a non-empty base path)
// and returns a client pointed at it, with retries off unless opts say otherwise.
func newSpecClient(t *testing.T, opts ...Option) (*Client, *spectest.Server) {
	t.Helper()
	srv := spectest.NewServer(t)
	base := []Option{WithBaseURL(srv.URL()), WithMaxRetries(0)}
	c, err := NewClient(srv.Token(), append(base, opts...)...)
	require.NoError(t, err)
	return c, srv
}

// covered maps each operationId exercised through the harness to its Go method.
var covered sync.Map

// exercise runs one call through the spec server and checks that it succeeded,
// that exactly one request was sent and routed to opID (the server validated it
// against the spec), and that the decoded result re-encodes to the example the
// server sent without losing a field. It records opID as covered by goMethod.
func exercise[T any](t *testing.T, srv *spectest.Server, opID, goMethod string, call func() (*T, *Response, error)) (*T, *spectest.Request) {
	t.Helper()
	before := len(srv.Requests())
	got, resp, err := call()
	require.NoError(t, err, "%s (%s)", goMethod, opID)
	require.NotNil(t, resp, "%s returned no *Response", goMethod)
	reqs := srv.Requests()
	require.Len(t, reqs, before+1, "%s must send exactly one request", goMethod)
	rec := reqs[len(reqs)-1]
	require.Equal(t, opID, rec.OperationID, "%s was routed to the wrong operation", goMethod)
	checkMethodExists(t, goMethod)
	if ex := srv.Example(opID, resp.StatusCode, ""); len(bytes.TrimSpace(ex)) > 0 && json.Valid(ex) {
		require.NotNil(t, got, "%s decoded nothing", goMethod)
		assertLossless(t, opID, ex, got)
	}
	if prev, loaded := covered.LoadOrStore(opID, goMethod); loaded && prev != goMethod {
		t.Errorf("%s is mapped to both %s and %s", opID, prev, goMethod)
	}
	return got, rec
}

// checkMethodExists verifies that "Service.Method" names a method of a service field of Client.
func checkMethodExists(t *testing.T, goMethod string) {
	t.Helper()
	svc, method, ok := strings.Cut(goMethod, ".")
	require.True(t, ok, "method %q must be Service.Method", goMethod)
	f, ok := reflect.TypeOf(Client{}).FieldByName(svc)
	require.True(t, ok, "Client has no service %s", svc)
	_, ok = f.Type.MethodByName(method)
	require.True(t, ok, "%s has no method %s", svc, method)
}

// knownLosses lists, per operation, the example fields that intentionally do
// not survive a decode/encode round trip, each with the reason. Every other
// field of every example must round-trip.
var knownLosses = map[string]map[string]string{}

// assertLossless checks that every non-empty value of the example appears,
// equal, in the re-encoded model.
func assertLossless(t *testing.T, opID string, example []byte, got any) {
	t.Helper()
	enc, err := json.Marshal(got)
	require.NoError(t, err)
	want, err := decodeNumbers(example)
	require.NoError(t, err)
	have, err := decodeNumbers(enc)
	require.NoError(t, err)
	var lost []string
	compareJSON("", want, have, &lost)
	var unexpected []string
	for _, p := range lost {
		if _, ok := knownLosses[opID][strings.SplitN(p, ":", 2)[0]]; !ok {
			unexpected = append(unexpected, p)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("%s: example fields lost or changed by decoding:\n  %s\nre-encoded: %s", opID, strings.Join(unexpected, "\n  "), enc)
	}
}

func decodeNumbers(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// isEmptyJSON reports values a model may legitimately omit (omitempty).
func isEmptyJSON(v any) bool {
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
	case []any:
		for _, e := range x {
			if !isEmptyJSON(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range x {
			if !isEmptyJSON(e) {
				return false
			}
		}
		return true
	}
	return false
}

func compareJSON(path string, want, have any, lost *[]string) {
	if isEmptyJSON(want) {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		h, ok := have.(map[string]any)
		if !ok {
			*lost = append(*lost, fmt.Sprintf("%s: want object, got %v", pathOr(path), have))
			return
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			compareJSON(path+"."+k, w[k], h[k], lost)
		}
	case []any:
		h, ok := have.([]any)
		if !ok || len(h) != len(w) {
			*lost = append(*lost, fmt.Sprintf("%s: want %d items, got %v", pathOr(path), len(w), have))
			return
		}
		for i := range w {
			compareJSON(path+"[]", w[i], h[i], lost)
		}
	default:
		if fmt.Sprint(want) != fmt.Sprint(have) {
			*lost = append(*lost, fmt.Sprintf("%s: want %v, got %v", pathOr(path), want, have))
		}
	}
}

func pathOr(p string) string {
	if p == "" {
		return "."
	}
	return p
}

// TestMain runs the tests, then reports spec coverage on a full run.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		if !reportCoverage() {
			code = 1
		}
	}
	os.Exit(code)
}

// operationTablePath is the committed operation table; TestMain regenerates it
// on a full run and fails when the committed copy is stale. Set
// UPDATE_OPERATION_TABLE=1 to rewrite it.
const operationTablePath = "docs/operations.md"

func reportCoverage() bool {
	ops := spectest.Operations()
	var missing []string
	n := 0
	for _, op := range ops {
		if _, ok := covered.Load(op.ID); ok {
			n++
		} else {
			missing = append(missing, op.ID)
		}
	}
	fmt.Println(versionCoverageLine(n, len(ops), func(id string) bool { _, ok := covered.Load(id); return ok }))
	if len(missing) > 0 {
		fmt.Printf("FAIL: operations not exercised through the spec harness: %s\n", strings.Join(missing, ", "))
		return false
	}
	table := operationTable(ops)
	if os.Getenv("UPDATE_OPERATION_TABLE") == "1" {
		if err := os.WriteFile(operationTablePath, table, 0o644); err != nil {
			fmt.Printf("FAIL: writing %s: %v\n", operationTablePath, err)
			return false
		}
		return true
	}
	committed, err := os.ReadFile(operationTablePath)
	if err != nil || !bytes.Equal(committed, table) {
		fmt.Printf("FAIL: %s is stale; regenerate it with UPDATE_OPERATION_TABLE=1 go test .\n", operationTablePath)
		return false
	}
	return true
}

// operationTable renders the operationId → Go method table from the same
// mapping the coverage gate checks.
func operationTable(ops []spectest.Operation) []byte {
	var b bytes.Buffer
	b.WriteString("# Operations\n\n")
	b.WriteString("Every operation of Intercom API 2.10 and the Go method that calls it. Generated by the test suite\n")
	b.WriteString("from the spec and the methods its tests exercise (`UPDATE_OPERATION_TABLE=1 go test .`); do not edit.\n")
	tag := ""
	for _, op := range ops {
		if op.Tag != tag {
			tag = op.Tag
			fmt.Fprintf(&b, "\n## %s\n\n| operationId | HTTP | Go method |\n|---|---|---|\n", tag)
		}
		m, _ := covered.Load(op.ID)
		fmt.Fprintf(&b, "| `%s` | `%s %s` | `client.%s` |\n", op.ID, op.Method, op.Path, m)
	}
	return b.Bytes()
}
