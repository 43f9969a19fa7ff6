package intercomtest

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
)

// Defaults of a Server.
const (
	// DefaultToken is the bearer token a Server accepts unless WithToken
	// says otherwise.
	DefaultToken = "intercomtest-token"
	// BasePath is the path under which a Server serves the API unless
	// WithBasePath says otherwise; URL includes it.
	BasePath = "/intercom"
	// DefaultRateLimit is the number of requests a Server allows per
	// DefaultRateWindow unless WithRateLimit says otherwise (Intercom's
	// default for private apps).
	DefaultRateLimit = 10000
	// DefaultRateWindow is the rate-limit window unless WithRateLimit says otherwise.
	DefaultRateWindow = time.Minute
)

// supportedVersions are the values of Intercom-Version the API accepts.
var supportedVersions = map[string]bool{
	"1.0": true, "1.1": true, "1.2": true, "1.3": true, "1.4": true,
	"2.0": true, "2.1": true, "2.2": true, "2.3": true, "2.4": true, "2.5": true,
	"2.6": true, "2.7": true, "2.8": true, "2.9": true, "2.10": true,
	"2.11": true, "2.12": true, "2.13": true, "2.14": true, "2.15": true, "2.16": true,
	"Unstable": true,
}

// describedVersions are the versions whose endpoints the server knows (from
// their descriptions): a request of one of them for an endpoint it does not
// have is refused, as Intercom does. Other versions are not checked.
var describedVersions = map[string]bool{
	"2.10": true, "2.11": true, "2.12": true, "2.13": true, "2.14": true, "2.15": true, "2.16": true,
}

// versionOrder are the described versions, oldest first.
var versionOrder = []string{"2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16"}

// Messages of the version refusals, as Intercom words them.
const (
	msgVersionUnavailable = "Requested resource is not available in current API version."
)

// Server is a fake Intercom API on a loopback address. Create one with
// NewServer or New; its methods are safe for concurrent use.
type Server struct {
	hs       *httptest.Server
	base     string // scheme://host:port + basePath
	basePath string
	token    string
	now      func() time.Time
	routes   *router

	mu sync.Mutex
	st *state

	// rate limiting
	rateLimit   int
	rateWindow  time.Duration
	windowStart time.Time
	windowUsed  int

	// fault hooks
	failLeft   int
	failStatus int
	dropLeft   int
	delay      time.Duration

	requests []*Request
}

// ServerOption configures a Server.
type ServerOption func(*Server)

// WithToken sets the bearer token the server accepts (DefaultToken by default).
func WithToken(token string) ServerOption {
	return func(s *Server) { s.token = token }
}

// WithBasePath sets the path prefix the API is served under (BasePath by
// default); "" or "/" serves it at the root.
func WithBasePath(p string) ServerOption {
	return func(s *Server) {
		p = "/" + strings.Trim(p, "/")
		if p == "/" {
			p = ""
		}
		s.basePath = p
	}
}

// WithRateLimit allows n requests per window; the next requests of the
// window are answered 429 with X-RateLimit-Remaining 0 and X-RateLimit-Reset
// at the end of the window (rounded up to the second, as Intercom sends Unix
// seconds). Windows are fixed: the first starts with the first request.
func WithRateLimit(n int, window time.Duration) ServerOption {
	return func(s *Server) {
		if n > 0 && window > 0 {
			s.rateLimit, s.rateWindow = n, window
		}
	}
}

// WithClock sets the clock the server stamps objects with and runs
// snoozes, rate-limit windows and export expiry on (time.Now by default).
func WithClock(now func() time.Time) ServerOption {
	return func(s *Server) {
		if now != nil {
			s.now = now
		}
	}
}

// NewServer starts a fake Intercom API on a loopback address. Close it when
// done (or use New in tests).
func NewServer(opts ...ServerOption) *Server {
	s := &Server{
		token:      DefaultToken,
		basePath:   BasePath,
		now:        time.Now,
		rateLimit:  DefaultRateLimit,
		rateWindow: DefaultRateWindow,
		routes:     newRouter(),
	}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	s.st = newState(s.now())
	s.hs = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.base = s.hs.URL + s.basePath
	return s
}

// New starts a server for the test t and closes it when the test ends.
func New(t testing.TB, opts ...ServerOption) *Server {
	t.Helper()
	s := NewServer(opts...)
	t.Cleanup(s.Close)
	return s
}

// URL returns the base URL of the API, base path included, e.g.
// "http://127.0.0.1:PORT/intercom".
func (s *Server) URL() string { return s.base }

// Token returns the bearer token the server accepts.
func (s *Server) Token() string { return s.token }

// Close shuts the server down and closes its connections.
func (s *Server) Close() { s.hs.Close() }

// HTTPClient returns an *http.Client that talks to the server.
func (s *Server) HTTPClient() *http.Client { return s.hs.Client() }

// Client returns an SDK client pointed at the server: the token, the base
// URL and the server's HTTP client are set, and retries wait 10ms to 5s
// instead of the SDK's default 500ms to 30s so that tests of retries run
// fast. opts are applied after those and may override them. It panics if an
// option fails.
func (s *Server) Client(opts ...intercom.Option) *intercom.Client {
	base := []intercom.Option{
		intercom.WithBaseURL(s.base),
		intercom.WithHTTPClient(s.hs.Client()),
		intercom.WithRetryPolicy(intercom.RetryPolicy{
			MaxRetries: 3,
			MinWait:    10 * time.Millisecond,
			MaxWait:    5 * time.Second,
			Budget:     intercom.NewRetryBudget(intercom.DefaultRetryBudget),
		}),
	}
	c, err := intercom.NewClient(s.token, append(base, opts...)...)
	if err != nil {
		panic("intercomtest: " + err.Error())
	}
	return c
}

// FailNext answers the next n requests with status and an error.list body
// (code "server_error" for 500, "bad_gateway", "service_unavailable" and
// "gateway_timeout" for 502 to 504, "rate_limit_exceeded" for 429, …) before
// looking at them: nothing is changed. A 429 says the rate-limit window is
// spent and resets at the next second, so a client that waits for the reset
// retries within a second or two. It replaces any failures still pending;
// n <= 0 cancels them.
func (s *Server) FailNext(n, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failLeft, s.failStatus = max(n, 0), status
}

// DropNext closes the connection of the next n requests without answering
// (the request is read but not acted upon). It replaces any drops still
// pending; n <= 0 cancels them.
func (s *Server) DropNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropLeft = max(n, 0)
}

// Delay holds every following answer back by d (0 turns the delay off). A
// request whose client gives up meanwhile is not acted upon.
func (s *Server) Delay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = max(d, 0)
}

// Request is a request the server received.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the escaped path with the base path removed, e.g. "/contacts/abc".
	Path string
	// RawQuery is the query string without '?'.
	RawQuery string
	// Query is the parsed query.
	Query url.Values
	// Header holds the request headers.
	Header http.Header
	// Body is the request body (empty when there was none).
	Body []byte
	// Status is the status answered; 0 when the connection was dropped.
	Status int
	// Time is when the request arrived, by the server's clock.
	Time time.Time
}

// JSON decodes the request body into v.
func (r Request) JSON(v any) error { return json.Unmarshal(r.Body, v) }

// Requests returns copies of the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, rp := range s.requests {
		r := *rp
		r.Query = cloneValues(r.Query)
		r.Header = r.Header.Clone()
		r.Body = bytes.Clone(r.Body)
		out[i] = r
	}
	return out
}

// ResetRequests forgets the requests received so far.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// statusRecorder remembers the status written.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// serveHTTP is the server's handler: faults, base path, auth, version,
// rate limit, then the route.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_ = r.Body.Close()
	reqID := newRequestID()
	w.Header().Set("X-Request-Id", reqID)

	escaped := r.URL.EscapedPath()
	if escaped == downloadPath && r.Method == http.MethodGet {
		serveDownload(w, r)
		return
	}
	path, underBase := strings.CutPrefix(escaped, s.basePath)
	if !underBase || (path != "" && path[0] != '/') {
		path, underBase = escaped, false
	}
	rec := &Request{Method: r.Method, Path: path, RawQuery: r.URL.RawQuery, Query: r.URL.Query(),
		Header: r.Header.Clone(), Body: body}

	s.mu.Lock()
	rec.Time = s.now()
	drop := s.dropLeft > 0
	if drop {
		s.dropLeft--
	}
	delay := s.delay
	s.requests = append(s.requests, rec)
	s.mu.Unlock()

	if drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection without an answer
	}
	if delay > 0 {
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}

	sw := &statusRecorder{ResponseWriter: w}
	s.mu.Lock()
	rp := s.handle(r, path, underBase, body)
	s.setRateHeaders(w.Header())
	if rp.rateLimited {
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(s.now().Unix()+1, 10))
	}
	s.mu.Unlock()
	s.write(sw, rp, reqID)

	s.mu.Lock()
	rec.Status = sw.status
	s.mu.Unlock()
}

// handle decides the answer; s.mu is held.
func (s *Server) handle(r *http.Request, path string, underBase bool, body []byte) reply {
	if s.failLeft > 0 {
		s.failLeft--
		return errorFor(s.failStatus)
	}
	if !underBase {
		return notFound("not_found", "Resource Not Found")
	}
	auth := r.Header.Get("Authorization")
	if tok, ok := strings.CutPrefix(auth, "Bearer "); !ok || tok == "" || tok != s.token {
		return errReply(http.StatusUnauthorized, "unauthorized", "Access Token Invalid")
	}
	if v := r.Header.Get("Intercom-Version"); !supportedVersions[v] {
		msg := "Intercom-Version header is missing"
		if v != "" {
			msg = fmt.Sprintf("The requested version %q could not be found", v)
		}
		return errReply(http.StatusBadRequest, "intercom_version_invalid", msg)
	}
	if !s.takeRate() {
		return errReply(http.StatusTooManyRequests, "rate_limit_exceeded", "Exceeded rate limit")
	}
	rt, params, pathKnown := s.routes.match(r.Method, path)
	if rt == nil {
		if pathKnown {
			return notFound("not_found", fmt.Sprintf("No route for %s %s", r.Method, path))
		}
		return notFound("not_found", "Resource Not Found")
	}
	if v := r.Header.Get("Intercom-Version"); describedVersions[v] && rt.versions != nil && !rt.versions[v] {
		return errReply(http.StatusBadRequest, "intercom_version_invalid", msgVersionUnavailable)
	}
	if rt.h == nil && rt.fixture == nil {
		return errReply(http.StatusNotImplemented, "not_implemented",
			fmt.Sprintf("intercomtest does not model %s %s (%s) yet", rt.method, rt.template, rt.operationID))
	}
	version := r.Header.Get("Intercom-Version")
	if rt.fixture != nil {
		return rt.fixture.reply(version, path)
	}
	c := &call{srv: s, st: s.st, r: r, path: path, params: params, query: r.URL.Query(), raw: body, now: s.now().Unix(), version: version}
	return rt.h(c)
}

// takeRate counts a request against the rate limit; s.mu is held.
func (s *Server) takeRate() bool {
	now := s.now()
	if s.windowStart.IsZero() || !now.Before(s.windowStart.Add(s.rateWindow)) {
		s.windowStart, s.windowUsed = now, 0
	}
	if s.windowUsed >= s.rateLimit {
		return false
	}
	s.windowUsed++
	return true
}

// setRateHeaders writes the X-RateLimit-* headers; s.mu is held.
func (s *Server) setRateHeaders(h http.Header) {
	start := s.windowStart
	if start.IsZero() {
		start = s.now()
	}
	end := start.Add(s.rateWindow)
	reset := end.Unix()
	if end.After(time.Unix(reset, 0)) {
		reset++ // round up: waiting until Reset must see the new window
	}
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.rateLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(s.rateLimit-s.windowUsed, 0)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset, 10))
}

// write sends a reply.
func (s *Server) write(w http.ResponseWriter, rp reply, reqID string) {
	h := w.Header()
	if rp.location != "" {
		h.Set("Location", s.hs.URL+rp.location)
		w.WriteHeader(rp.status)
		return
	}
	if rp.raw != nil {
		h.Set("Content-Type", rp.contentType)
		h.Set("Content-Length", strconv.Itoa(len(rp.raw)))
		w.WriteHeader(rp.status)
		_, _ = w.Write(rp.raw)
		return
	}
	var payload any = rp.body
	if rp.err != nil {
		e := map[string]any{"code": rp.err.code, "message": rp.err.message}
		if rp.err.field != "" {
			e["field"] = rp.err.field
		}
		payload = map[string]any{"type": "error.list", "request_id": reqID, "errors": []any{e}}
	}
	if payload == nil {
		w.WriteHeader(rp.status)
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(payload); err != nil {
		h.Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, `{"type":"error.list","request_id":%q,"errors":[{"code":"server_error","message":%q}]}`, reqID, err.Error())
		return
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(rp.status)
	_, _ = w.Write(buf.Bytes())
}

// downloadPath is where the redirects of the replayed examples lead (the
// signed URL of a call's recording): a path outside the API that needs no
// token.
const downloadPath = "/_intercomtest/download"

// serveDownload answers a redirected download with a few bytes naming what
// was asked for (the query's "of", the API path that redirected).
func serveDownload(w http.ResponseWriter, r *http.Request) {
	body := []byte("intercomtest recording of " + r.URL.Query().Get("of") + "\n")
	w.Header().Set("Content-Type", "audio/mpeg")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// newRequestID returns a random UUID (version 4), as Intercom's request ids are.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
