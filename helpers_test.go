package intercom

// The shared helpers of the root package's tests (CONTRIBUTING.md, "Tests"):
//
//   - testServer, the one loopback HTTP server for tests that need more than
//     the spec harness (internal/spectest, through newSpecClient): it counts
//     and records requests and can run on an in-memory network so that a
//     test can use the fake clock. rawServer (faults_test.go) is the other
//     harness, for faults below HTTP (a body cut by an RST).
//   - testPolicy / testClient / srv.client: clients with the test token and
//     fast retries.
//   - fakeClock: testing/synctest's bubble, in which time only moves when
//     every goroutine waits, so waits take no real time and are exact.
//   - testMethod, testPath, testQuery, testHeader, testJSONBody, testNoBody:
//     what a request put on the wire; testInvalidNoIO: input refused before
//     any I/O; noResult: a method without a model, for exercise. A failing
//     transport is checked by exercise for every operation
//     (testTransportFailure, spec_test.go); empty and dot-segment ids for
//     every method by TestDotSegmentsRefusedByEveryMethod.

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

// testToken is the token of the clients the helpers make. It is long and
// distinctive, so a leak is found by substring.
const testToken = "tok_test_SUITE_0123456789abcdef"

// testBasePath is the path prefix a server made with mountedAt(testBasePath)
// serves under, so that clients are tested with a non-empty base path.
const testBasePath = "/proxy/intercom"

// testPolicy retries fast (1ms doubling, at most 2s a wait) with no retry
// budget, so that tests count requests rather than wait.
func testPolicy(maxRetries int) RetryPolicy {
	return RetryPolicy{MaxRetries: maxRetries, MinWait: time.Millisecond, MaxWait: 2 * time.Second}
}

// testClient returns a client for base with the test token and
// testPolicy(3), then opts.
func testClient(t testing.TB, base string, opts ...Option) *Client {
	t.Helper()
	c, err := NewClient(testToken, append([]Option{WithBaseURL(base), WithRetryPolicy(testPolicy(3))}, opts...)...)
	require.NoError(t, err)
	return c
}

// testCtx bounds a test: nothing in it should take anywhere near d, so d
// only catches hangs.
func testCtx(t testing.TB, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// fakeClock runs f in a testing/synctest bubble: time.Now, timers, sleeps,
// context deadlines, http.Client timeouts and go-retryablehttp's waits all
// read a fake clock (starting at 2000-01-01 00:00:00 UTC) that jumps ahead
// only when every goroutine of the bubble is blocked. A one-second wait
// takes no real time, and time.Since measures exactly what the code waited.
// Servers started inside must use inMemory(): a goroutine reading a real
// socket is not "durably blocked", so the clock would stand still.
func fakeClock(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	synctest.Test(t, f)
}

// writeJSON answers with status and body as application/json.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// testServer is an httptest server that counts and records every request
// and answers with its handler, which is told the request's number (from 1).
type testServer struct {
	*httptest.Server
	mount string       // path prefix the API is served under ("" for the root)
	pipes *pipeNetwork // non-nil when served in memory
	tls   bool         // served over TLS (overTLS)

	n     atomic.Int32 // requests seen
	posts atomic.Int32 // POST requests seen

	mu   sync.Mutex
	reqs []*spectest.Request
}

// serverOption configures a testServer.
type serverOption func(*testServer)

// mountedAt serves the API under a path prefix, which srv.client puts in
// its base URL; requests outside it are answered 404. The recorded Path is
// the path without the prefix; the handler sees the whole path.
func mountedAt(prefix string) serverOption {
	return func(s *testServer) { s.mount = prefix }
}

// inMemory serves over an in-memory network of net.Pipe connections, as
// fakeClock requires. Only srv.client and srv.httpClient can reach it.
func inMemory() serverOption {
	return func(s *testServer) {
		s.pipes = newPipeNetwork()
		_ = s.Listener.Close()
		s.Listener = s.pipes
	}
}

// overTLS serves https with httptest's certificate, which srv.httpClient
// trusts.
func overTLS() serverOption {
	return func(s *testServer) { s.tls = true }
}

// newTestServer starts a server for t answering with h (closed when t ends).
// Request bodies are read (and recorded) before h is called; h can read
// r.Body again.
func newTestServer(t testing.TB, h func(n int32, w http.ResponseWriter, r *http.Request), opts ...serverOption) *testServer {
	t.Helper()
	s := &testServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.EscapedPath()
		if s.mount != "" {
			rest, ok := strings.CutPrefix(path, s.mount)
			if !ok {
				http.NotFound(w, r)
				return
			}
			path = rest
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		s.mu.Lock()
		s.reqs = append(s.reqs, &spectest.Request{Method: r.Method, Path: path, RawQuery: r.URL.RawQuery,
			Query: r.URL.Query(), Header: r.Header.Clone(), Body: body})
		s.mu.Unlock()
		if r.Method == http.MethodPost {
			s.posts.Add(1)
		}
		h(s.n.Add(1), w, r)
	}))
	for _, o := range opts {
		o(s)
	}
	if s.tls {
		s.StartTLS()
	} else {
		s.Start()
	}
	t.Cleanup(s.Close)
	return s
}

// baseURL is the base URL a client of s uses.
func (s *testServer) baseURL() string { return s.URL + s.mount }

// httpClient returns an *http.Client with a transport of its own that
// reaches s (in memory or not); its idle connections are closed when t ends.
func (s *testServer) httpClient(t testing.TB) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if s.tls {
		tr = s.Client().Transport.(*http.Transport).Clone()
	}
	tr.MaxIdleConnsPerHost = 64
	if s.pipes != nil {
		tr.DialContext = s.pipes.dial
		tr.Proxy = nil
	}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// client returns a client of s: the test token, testPolicy(3), then opts.
// It uses the SDK's own transport, except in memory or over TLS
// (srv.httpClient).
func (s *testServer) client(t testing.TB, opts ...Option) *Client {
	t.Helper()
	if s.pipes != nil || s.tls {
		opts = append([]Option{WithHTTPClient(s.httpClient(t))}, opts...)
	}
	return testClient(t, s.baseURL(), opts...)
}

// requests returns the requests seen so far, in order.
func (s *testServer) requests() []*spectest.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*spectest.Request(nil), s.reqs...)
}

// reset forgets the requests seen so far.
func (s *testServer) reset() {
	s.mu.Lock()
	s.reqs = nil
	s.mu.Unlock()
	s.n.Store(0)
	s.posts.Store(0)
}

// pipeNetwork is an in-memory network: a net.Listener whose connections are
// the far ends of net.Pipes made by dial.
type pipeNetwork struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func newPipeNetwork() *pipeNetwork {
	return &pipeNetwork{conns: make(chan net.Conn), done: make(chan struct{})}
}

func (p *pipeNetwork) Accept() (net.Conn, error) {
	select {
	case c := <-p.conns:
		return c, nil
	case <-p.done:
		return nil, net.ErrClosed
	}
}

func (p *pipeNetwork) Close() error {
	p.once.Do(func() { close(p.done) })
	return nil
}

func (p *pipeNetwork) Addr() net.Addr { return pipeAddr{} }

func (p *pipeNetwork) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case p.conns <- server:
		return client, nil
	case <-p.done:
		return nil, &net.OpError{Op: "dial", Net: "pipe", Err: errors.New("connection refused")}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "intercom.test:80" }

// testMethod, testPath, testQuery, testHeader, testJSONBody and testNoBody
// check what one request put on the wire, exactly. msgAndArgs are added to
// the failure message, as testify's are.

func testMethod(t testing.TB, r *spectest.Request, want string, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want, r.Method, label("method", msgAndArgs)...)
}

func testPath(t testing.TB, r *spectest.Request, want string, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want, r.Path, label("path", msgAndArgs)...)
}

// testQuery checks the raw query string (go-querystring sorts the keys).
func testQuery(t testing.TB, r *spectest.Request, want string, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want, r.RawQuery, label("query", msgAndArgs)...)
}

func testHeader(t testing.TB, r *spectest.Request, key, want string, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want, r.Header.Get(key), label("header "+key, msgAndArgs)...)
}

// testJSONBody checks the body byte for byte (compact, keys in the order the
// SDK writes them) and its Content-Type.
func testJSONBody(t testing.TB, r *spectest.Request, want string, msgAndArgs ...any) {
	t.Helper()
	require.Equal(t, want, string(r.Body), label("body", msgAndArgs)...)
	require.Equal(t, "application/json", r.Header.Get("Content-Type"), "content type of a JSON body")
}

func testNoBody(t testing.TB, r *spectest.Request, msgAndArgs ...any) {
	t.Helper()
	require.Empty(t, r.Body, label("body", msgAndArgs)...)
	require.Empty(t, r.Header.Get("Content-Type"), "no body, no content type")
}

// label is msgAndArgs, or what was checked when the caller gave no message.
func label(what string, msgAndArgs []any) []any {
	if len(msgAndArgs) == 0 {
		return []any{what}
	}
	return msgAndArgs
}

// testInvalidNoIO checks that err is an *InvalidRequestError naming field
// and that srv saw no request: bad input is refused before any I/O.
func testInvalidNoIO(t testing.TB, srv interface{ Requests() []*spectest.Request }, err error, field string) {
	t.Helper()
	require.ErrorIs(t, err, ErrInvalidRequest)
	var ire *InvalidRequestError
	require.ErrorAs(t, err, &ire)
	require.Equal(t, field, ire.Field, "error: %v", err)
	require.Empty(t, srv.Requests(), "no request may be sent when validation fails")
}

// noResult adapts a method that returns no model ((*Response, error)) to
// exercise's call: a result only on success.
func noResult(resp *Response, err error) (*struct{}, *Response, error) {
	if err != nil {
		return nil, resp, err
	}
	return &struct{}{}, resp, nil
}

// Old names, kept so that tests written against them on other branches
// still compile after a merge; new tests use the names above.

// newRecordingServer is newTestServer(t, h, mountedAt(testBasePath)).
func newRecordingServer(t *testing.T, h http.HandlerFunc) *testServer {
	t.Helper()
	return newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) { h(w, r) }, mountedAt(testBasePath))
}

// fltServer is testServer.
type fltServer = testServer

// newFltServer is newTestServer.
func newFltServer(t *testing.T, h func(n int32, w http.ResponseWriter, r *http.Request)) *testServer {
	t.Helper()
	return newTestServer(t, h)
}

// fltToken is testToken.
const fltToken = testToken

// fltPolicy is testPolicy.
func fltPolicy(maxRetries int) RetryPolicy { return testPolicy(maxRetries) }

// fltClient is testClient.
func fltClient(t *testing.T, base string, opts ...Option) *Client {
	t.Helper()
	return testClient(t, base, opts...)
}

// fltCtx is testCtx.
func fltCtx(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	return testCtx(t, d)
}
