package intercom

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/go-intercom/intercom/internal/jsontest"
	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newSpecClient starts the spec harness (mounted under a non-empty base path)
// and returns a client pointed at it, with retries off unless opts say
// otherwise. Its transport is the SDK's default one behind a switch with
// which exercise checks how each operation fails when the network does.
func newSpecClient(t *testing.T, opts ...Option) (*Client, *spectest.Server) {
	t.Helper()
	return newSpecClientAt(t, apiVersions[0], opts...)
}

// newSpecClientAt is newSpecClient for another API version: the harness
// serves (and validates against) that version's description and expects its
// Intercom-Version header, which the client sends. The tests of an endpoint
// added after 2.10 use the oldest version that has it, or a later one.
func newSpecClientAt(t *testing.T, version string, opts ...Option) (*Client, *spectest.Server) {
	t.Helper()
	srv := spectest.NewServer(t, spectest.Version(version))
	tr := newTransport()
	st := &switchTransport{base: tr}
	base := []Option{WithBaseURL(srv.URL()), WithMaxRetries(0), WithHTTPClient(&http.Client{Transport: st})}
	if version != apiVersions[0] {
		base = append(base, WithAPIVersion(version))
	}
	c, err := NewClient(srv.Token(), append(base, opts...)...)
	require.NoError(t, err)
	if c.cfg.httpClient.Transport == st && c.cfg.retry.MaxRetries == 0 {
		specTransports.Store(srv, st)
		t.Cleanup(func() { specTransports.Delete(srv) })
	}
	if ct, ok := tr.(interface{ CloseIdleConnections() }); ok {
		t.Cleanup(ct.CloseIdleConnections)
	}
	return c, srv
}

// specTransports maps each spec server to the switchable transport of the
// client newSpecClient made for it (when the test's options kept it).
var specTransports sync.Map // *spectest.Server → *switchTransport

// switchTransport passes requests on to base, or, while down is set, fails
// them as a refused connection does (nothing is sent).
type switchTransport struct {
	base http.RoundTripper
	down atomic.Bool
}

func (s *switchTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if s.down.Load() {
		if r.Body != nil {
			_ = r.Body.Close()
		}
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	}
	return s.base.RoundTrip(r)
}

// testTransportFailure runs call again with the network down: it must fail
// with a *ConnectionError saying that nothing was sent, after one attempt
// (retries are off), and return no result and no *Response.
func testTransportFailure[T any](t *testing.T, srv *spectest.Server, st *switchTransport, goMethod string, call func() (*T, *Response, error)) {
	t.Helper()
	before := len(srv.Requests())
	st.down.Store(true)
	got, resp, err := call()
	st.down.Store(false)
	var ce *ConnectionError
	require.ErrorAs(t, err, &ce, "%s with the network down", goMethod)
	require.ErrorIs(t, err, syscall.ECONNREFUSED, goMethod)
	require.False(t, ce.MayHaveSucceeded, "%s: nothing was sent", goMethod)
	require.Equal(t, 1, ce.Attempts, goMethod)
	require.Nil(t, got, "%s returned a result with its error", goMethod)
	require.Nil(t, resp, "%s returned a Response without a response", goMethod)
	require.Len(t, srv.Requests(), before, goMethod)
}

// covered maps each operationId exercised through the harness to its Go method.
var covered sync.Map

// exercise runs one call through the spec server and checks that it succeeded,
// that exactly one request was sent and routed to opID (the server validated it
// against the spec), and that the decoded result re-encodes to the example the
// server sent without losing a field. It then runs the call again with the
// network down (testTransportFailure). It records opID as covered by goMethod.
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
	if st, ok := specTransports.Load(srv); ok {
		testTransportFailure(t, srv, st.(*switchTransport), goMethod, call)
	}
	if prev, loaded := covered.LoadOrStore(opID, goMethod); loaded && prev != goMethod {
		assert.Failf(t, "one operation, two methods", "%s is mapped to both %s and %s", opID, prev, goMethod)
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
// not survive a decode/encode round trip (by path, list indexes written "[]":
// "$.data[].id"), each with the reason. Every other field of every example
// must round-trip.
var knownLosses = map[string]map[string]string{
	// Helper B (endpoints of 2.12–2.16): fields existing models lack.
	"listCompanyNotes": {
		"$.data[].company.id":   "lead: model Note needs field Company (type, id: the company the note is about)",
		"$.data[].company.type": "lead: model Note needs field Company (type, id: the company the note is about)",
	},
	"mergeConversation": {
		"$.ai_agent_participated":                            "lead: model Conversation needs field AIAgentParticipated (ai_agent_participated, 2.11+)",
		"$.conversation_parts.conversation_parts[].metadata": "lead: model ConversationPart needs field Metadata (metadata, free-form object)",
	},
	"createCompanyNote": {
		"$.company.id":   "lead: model Note needs field Company (type, id: the company the note is about)",
		"$.company.type": "lead: model Note needs field Company (type, id: the company the note is about)",
	},
}

// assertLossless checks that the model got (decoded from example) keeps
// every value of the example, empty ones included (internal/jsontest).
func assertLossless(t *testing.T, opID string, example []byte, got any) {
	t.Helper()
	lost, err := jsontest.Lost(example, got, func(path string) bool {
		_, ok := knownLosses[opID][path]
		return ok
	})
	require.NoError(t, err)
	if len(lost) > 0 {
		enc, _ := json.Marshal(got)
		assert.Failf(t, "example fields lost", "%s: example fields lost or changed by decoding:\n  %s\nre-encoded: %s", opID, strings.Join(lost, "\n  "), enc)
	}
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
