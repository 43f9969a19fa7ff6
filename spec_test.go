package intercom

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"reflect"
	"sort"
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
		specClients.Store(srv, c)
		t.Cleanup(func() { specTransports.Delete(srv); specClients.Delete(srv) })
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

// specClients maps each spec server to the client newSpecClientAt made for
// it, which exercise runs again against the other versions.
var specClients sync.Map // *spectest.Server → *Client

// covered maps each operationId exercised through the harness to its Go
// method; coveredAt has each version's: "2.14 listCalls" → Go method.
var covered, coveredAt sync.Map

// directAt is coveredAt for the tests' own calls (not the version matrix).
var directAt sync.Map

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
	recordCovered(t, srv.Version(), opID, goMethod, true)
	if c, ok := specClients.Load(srv); ok {
		exerciseOtherVersions(t, srv, c.(*Client), opID, goMethod, call)
	}
	return got, rec
}

// recordCovered notes that goMethod exercised opID of version. A test's
// own call (direct) must be the only method mapped to its operation; the
// version matrix only adds versions to what the direct calls mapped (one
// endpoint may be two operations, as GET /custom_object_instances/{type} is
// from 2.16, which two methods call).
func recordCovered(t *testing.T, version, opID, goMethod string, direct bool) {
	t.Helper()
	if !direct {
		coveredAt.LoadOrStore(version+" "+opID, goMethod)
		return
	}
	if version == apiVersions[0] {
		if prev, loaded := covered.LoadOrStore(opID, goMethod); loaded && prev != goMethod {
			assert.Failf(t, "one operation, two methods", "%s is mapped to both %s and %s", opID, prev, goMethod)
		}
	}
	if prev, loaded := directAt.LoadOrStore(version+" "+opID, goMethod); loaded && prev != goMethod {
		assert.Failf(t, "one operation, two methods", "%s of %s is mapped to both %s and %s", opID, version, prev, goMethod)
	}
	coveredAt.Store(version+" "+opID, goMethod)
}

// endpointOf finds the endpoint that version names opID.
func endpointOf(version, opID string) (spectest.Endpoint, bool) {
	for _, e := range spectest.Endpoints() {
		if e.Operations[version] == opID {
			return e, true
		}
	}
	return spectest.Endpoint{}, false
}

// exerciseOtherVersions runs call again as a client of every other version
// that has the endpoint, each against a harness serving that version's
// description: the request must be valid there (the harness fails the test
// otherwise) and route to the endpoint, and that version's example must
// decode without losing a value. A call refused because it sets a field the
// version lacks (*VersionError naming a field) is not run there; the
// coverage gate then says whether another call exercised that version.
//
// It points c at each version in turn, so c must not be in use elsewhere
// meanwhile (as the race detector would report).
func exerciseOtherVersions[T any](t *testing.T, srv *spectest.Server, c *Client, opID, goMethod string, call func() (*T, *Response, error)) {
	t.Helper()
	e, ok := endpointOf(srv.Version(), opID)
	require.True(t, ok, "no endpoint has operation %s in %s", opID, srv.Version())
	for _, v := range e.Versions {
		if v == srv.Version() {
			continue
		}
		sv := versionServer(t, srv, v)
		answered := sv.CopyOverride(e.Operations[v], srv, opID) // the test's own answer, if it set one
		saved, savedHdr := c.cfg, c.hdr
		require.NoError(t, WithAPIVersion(v)(&c.cfg))
		require.NoError(t, WithBaseURL(sv.URL())(&c.cfg))
		c.hdr = headersFor(c.cfg)
		before := len(sv.Requests())
		got, resp, err := call()
		c.cfg, c.hdr = saved, savedHdr
		var ve *VersionError
		if errors.As(err, &ve) && ve.Field != "" {
			continue
		}
		require.NoError(t, err, "%s (%s) as a %s client", goMethod, e.Operations[v], v)
		reqs := sv.Requests()
		require.Len(t, reqs, before+1, "%s as a %s client must send exactly one request", goMethod, v)
		require.Equal(t, e.Operations[v], reqs[len(reqs)-1].OperationID, "%s as a %s client was routed to the wrong operation", goMethod, v)
		if ex := sv.Example(e.Operations[v], resp.StatusCode, ""); !answered && matrixDecodes[goMethod+" "+v] == "" && len(bytes.TrimSpace(ex)) > 0 && json.Valid(ex) {
			require.NotNil(t, got, "%s decoded nothing as a %s client", goMethod, v)
			assertLossless(t, e.Operations[v], ex, got)
		}
		recordCovered(t, v, e.Operations[v], goMethod, false)
	}
}

// matrixDecodes lists the calls ("Service.Method version") whose result is
// not the answer of the version's operation, so that the version matrix
// cannot compare them with its example, with the reason; the test that
// calls the operation's own method checks that example.
var matrixDecodes = map[string]string{
	"CustomObjectInstances.GetByExternalID 2.16": "2.16 answers a list (listCustomObjectInstances, checked by CustomObjectInstances.List's test); the method returns its instance",
}

// versionServers holds, per primary spec server, the harnesses of the other
// versions exerciseOtherVersions started for it.
var versionServers sync.Map // *spectest.Server → *sync.Map (version → *spectest.Server)

func versionServer(t *testing.T, primary *spectest.Server, v string) *spectest.Server {
	t.Helper()
	m, loaded := versionServers.LoadOrStore(primary, new(sync.Map))
	if !loaded {
		t.Cleanup(func() { versionServers.Delete(primary) })
	}
	if s, ok := m.(*sync.Map).Load(v); ok {
		return s.(*spectest.Server)
	}
	s := spectest.NewServer(t, spectest.Version(v))
	m.(*sync.Map).Store(v, s)
	return s
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
var knownLosses = map[string]map[string]string{}

// assertLossless checks that the model got (decoded from example) keeps
// every value of the example, empty ones included (internal/jsontest).
func assertLossless(t *testing.T, opID string, example []byte, got any) {
	t.Helper()
	lost, err := jsontest.Lost(example, got, Unmarshal, func(path string) bool {
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
	line, missing := versionCoverage(func(v, id string) bool { _, ok := coveredAt.Load(v + " " + id); return ok })
	fmt.Println(line)
	ok := true
	for _, v := range apiVersions {
		if len(missing[v]) > 0 {
			fmt.Printf("FAIL: operations of %s not exercised through the spec harness: %s\n", v, strings.Join(missing[v], ", "))
			ok = false
		}
	}
	if !ok {
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
func operationTable(_ []spectest.Operation) []byte {
	eps := spectest.Endpoints()
	sort.SliceStable(eps, func(i, j int) bool { return eps[i].Tag < eps[j].Tag })
	var b bytes.Buffer
	b.WriteString("# Operations\n\n")
	fmt.Fprintf(&b, "Every endpoint of Intercom API versions %s to %s (%d), the versions that have it and the Go method\n", apiVersions[0], apiVersions[len(apiVersions)-1], len(eps))
	b.WriteString("that calls it. The operationId is the newest version's; the path is the template of the oldest version\n")
	b.WriteString("that has the endpoint (later versions rename some placeholders, such as `{id}` to `{contact_id}`,\n")
	b.WriteString("without changing the wire). Generated by the test suite from the descriptions and the methods its\n")
	b.WriteString("tests exercise (`UPDATE_OPERATION_TABLE=1 go test .`); do not edit.\n")
	tag := ""
	for _, e := range eps {
		if e.Tag != tag {
			tag = e.Tag
			fmt.Fprintf(&b, "\n## %s\n\n| operationId | HTTP | versions | Go method |\n|---|---|---|---|\n", tag)
		}
		newest := e.Versions[len(e.Versions)-1]
		method := "—"
		for _, v := range e.Versions {
			if m, ok := coveredAt.Load(v + " " + e.Operations[v]); ok {
				method = "`client." + m.(string) + "`"
				break
			}
		}
		fmt.Fprintf(&b, "| `%s` | `%s %s` | %s | %s |\n", e.Operations[newest], e.Method, e.Path, versionRanges(e.Versions), method)
	}
	return b.Bytes()
}
