package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// Constants of the harness.
const (
	// BasePath is the path prefix under which the server serves the API; it
	// is part of URL(), so clients are tested with a non-empty base path.
	BasePath = "/proxy/intercom"
	// TestToken is the bearer token the server accepts.
	TestToken = "test-token"
	// DefaultVersion is the Intercom-Version the server expects by default.
	DefaultVersion = "2.10"
	// UserAgentPrefix is the prefix every User-Agent header must have.
	UserAgentPrefix = "intercom-go/"
	// ErrorCodeSpecViolation is the error code of the 400 and 404 replies
	// to requests that violate the description.
	ErrorCodeSpecViolation = "spec_violation"
)

// Request is one request recorded by a Server.
type Request struct {
	OperationID string      // operationId it was routed to; "" if no route matched
	Method      string      // HTTP method
	Path        string      // escaped path with BasePath stripped, e.g. "/contacts/abc"
	RawQuery    string      // raw query string, without '?'
	Query       url.Values  // parsed query
	Header      http.Header // request headers (a copy)
	Body        []byte      // whole request body (nil or empty if none)
	// Violations lists what the request got wrong against the description
	// and the harness's header rules; empty for a valid request.
	Violations []string
}

// override is a per-operation response set by Respond, RespondJSON or
// RespondFunc.
type override struct {
	status      int
	body        []byte
	contentType string
	fromSpec    bool // body is the spec's example (counts as a hit)
	fn          http.HandlerFunc
}

// Server is an httptest server that validates requests against one of
// Intercom's OpenAPI descriptions (2.10 unless the Version option says
// otherwise) and answers with its examples.
type Server struct {
	t    testing.TB
	hs   *httptest.Server
	sp   *spec
	base string

	mu        sync.Mutex
	strict    bool
	version   string
	overrides map[string]*override
	requests  []*Request
}

var (
	hitsMu sync.Mutex
	hits   = map[string]map[string]bool{} // version → operationIds

	requestIDSeq atomic.Uint64
)

// Hits returns the process-wide set of operationIds of the 2.10
// description that some Server has answered with a 2xx response taken from
// the description (by default or via Respond) after the request passed
// validation. Error examples and overrides set with RespondJSON or
// RespondFunc do not count. Use it for a coverage gate in TestMain.
func Hits() map[string]bool { return HitsOf(DefaultVersion) }

// HitsOf is Hits for the Servers of a version (see the Version option).
func HitsOf(version string) map[string]bool {
	hitsMu.Lock()
	defer hitsMu.Unlock()
	out := make(map[string]bool, len(hits[version]))
	for k := range hits[version] {
		out[k] = true
	}
	return out
}

func addHit(version, opID string) {
	hitsMu.Lock()
	if hits[version] == nil {
		hits[version] = map[string]bool{}
	}
	hits[version][opID] = true
	hitsMu.Unlock()
}

// Option configures a Server.
type Option func(*serverOptions)

type serverOptions struct{ version string }

// Version makes the Server validate requests against the description of
// API version v (one of Versions), answer with that description's examples
// and expect "Intercom-Version: v" on every request. Without it a Server
// serves 2.10.
func Version(v string) Option {
	return func(o *serverOptions) { o.version = v }
}

// NewServer starts a Server for the test t; t.Cleanup closes it. The
// description is loaded once per process.
//
// Every request is recorded, routed to its operation and validated. A
// violation calls t.Errorf (unless Strict(false)) with a message naming the
// operation and the problem, and is answered with an Intercom error list:
// 401 with code "unauthorized" when authentication is the only problem,
// 404 with code "spec_violation" when no operation matches, 400 with code
// "spec_violation" otherwise. A valid request is answered with its
// operation's override, if any, else its default example.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	o := serverOptions{version: DefaultVersion}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	sp, err := loadVersion(o.version)
	if err != nil {
		t.Fatalf("%v", err)
	}
	s := &Server{t: t, sp: sp, strict: true, version: o.version, overrides: map[string]*override{}}
	s.hs = httptest.NewUnstartedServer(s)
	s.base = "http://" + s.hs.Listener.Addr().String() + BasePath
	s.hs.Start()
	t.Cleanup(s.hs.Close)
	return s
}

// URL returns the base URL clients must use: the server's address followed
// by BasePath, e.g. "http://127.0.0.1:PORT/proxy/intercom".
func (s *Server) URL() string { return s.base }

// Version returns the API version whose description the server serves.
func (s *Server) Version() string { return s.version }

// Token returns the bearer token the server expects (TestToken).
func (s *Server) Token() string { return TestToken }

// Client returns an *http.Client configured for the server.
func (s *Server) Client() *http.Client { return s.hs.Client() }

// Strict sets whether violations fail the test (the default). With
// Strict(false) violations are still recorded in Request.Violations and
// answered with an error response, but t.Errorf is not called.
func (s *Server) Strict(on bool) {
	s.mu.Lock()
	s.strict = on
	s.mu.Unlock()
}

// ExpectVersion sets the Intercom-Version header value the server requires
// (the version of its description unless changed: DefaultVersion "2.10"
// unless the Version option says otherwise). It does not change the
// description requests are validated against.
func (s *Server) ExpectVersion(v string) {
	s.mu.Lock()
	s.version = v
	s.mu.Unlock()
}

// Respond makes the server answer operation opID with the example called
// name of its response with the given status ("" means the first example,
// status 0 the default success status). For a declared response without
// JSON content the body is empty (downloadDataExport: the gzipped CSV).
// For an undeclared status of 400 or more, Respond synthesises an
// Intercom error list (see Example). It fails the test at once if the
// operation, a declared 1xx–3xx status or the example does not exist.
func (s *Server) Respond(opID string, status int, name string) {
	s.t.Helper()
	oi := s.op(opID)
	if status == 0 {
		status = oi.defaultStatus
	}
	body, ct, fromSpec, err := s.sp.example(oi, status, name)
	if err != nil {
		s.t.Fatalf("spectest: Respond: %v", err)
	}
	s.setOverride(opID, &override{status: status, body: body, contentType: ct, fromSpec: fromSpec})
}

// RespondJSON makes the server answer operation opID with the given status
// and raw body (sent as is, with Content-Type: application/json).
func (s *Server) RespondJSON(opID string, status int, body string) {
	s.t.Helper()
	s.op(opID)
	s.setOverride(opID, &override{status: status, body: []byte(body), contentType: "application/json"})
}

// RespondFunc makes fn answer operation opID once the request has passed
// validation. The Content-Type and X-RateLimit-* headers are preset on w;
// fn may change them. The request body can be read again from r.Body.
func (s *Server) RespondFunc(opID string, fn http.HandlerFunc) {
	s.t.Helper()
	s.op(opID)
	s.setOverride(opID, &override{fn: fn})
}

// CopyOverride gives operation opID the answer that RespondJSON or
// RespondFunc set on from for its operation fromOp (Respond's examples are
// the description's: each server keeps its own), and reports whether there
// was one. A test that answers an operation its own way on one version's
// server so answers it on another's.
func (s *Server) CopyOverride(opID string, from *Server, fromOp string) bool {
	s.t.Helper()
	s.op(opID)
	from.mu.Lock()
	o := from.overrides[fromOp]
	from.mu.Unlock()
	if o == nil || o.fromSpec {
		return false
	}
	s.setOverride(opID, o)
	return true
}

// RespondDefault removes any override of operation opID.
func (s *Server) RespondDefault(opID string) {
	s.t.Helper()
	s.op(opID)
	s.mu.Lock()
	delete(s.overrides, opID)
	s.mu.Unlock()
}

// Example returns the body the server sends for operation opID with the
// given status and example name, by the rules of Respond: the JSON of the
// example ("" = first, status 0 = default success status), empty for a
// response without JSON content, the gzipped CSV for downloadDataExport,
// and for an undeclared status of 400 or more an error list of the form
// {"type":"error.list","request_id":null,"errors":[{"code":...,"message":...}]}.
// It fails the test at once if there is no such example.
func (s *Server) Example(opID string, status int, name string) []byte {
	s.t.Helper()
	oi := s.op(opID)
	if status == 0 {
		status = oi.defaultStatus
	}
	body, _, _, err := s.sp.example(oi, status, name)
	if err != nil {
		s.t.Fatalf("spectest: Example: %v", err)
	}
	return body
}

// LastRequest returns the most recent recorded request, or nil.
func (s *Server) LastRequest() *Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) == 0 {
		return nil
	}
	return s.requests[len(s.requests)-1]
}

// Requests returns every recorded request, in the order they were handled.
func (s *Server) Requests() []*Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Request(nil), s.requests...)
}

func (s *Server) op(opID string) *opInfo {
	s.t.Helper()
	oi := s.sp.opsByID[opID]
	if oi == nil {
		s.t.Fatalf("spectest: unknown operationId %q", opID)
	}
	return oi
}

func (s *Server) setOverride(opID string, o *override) {
	s.mu.Lock()
	s.overrides[opID] = o
	s.mu.Unlock()
}

// example returns the body and content type of the response of oi with the
// given status and example name, and whether it comes from the description.
func (sp *spec) example(oi *opInfo, status int, name string) (body []byte, contentType string, fromSpec bool, err error) {
	if !oi.statuses[status] {
		if status >= 400 && name == "" {
			return syntheticError(status), "application/json", false, nil
		}
		return nil, "", false, fmt.Errorf("operation %s declares no %d response", oi.ID, status)
	}
	resp := oi.op.Responses.Status(status)
	var mt *openapi3.MediaType
	if resp != nil && resp.Value != nil {
		mt = resp.Value.Content.Get("application/json")
	}
	if mt == nil {
		if name != "" {
			return nil, "", false, fmt.Errorf("operation %s: the %d response has no examples (asked for %q)", oi.ID, status, name)
		}
		if oi.ID == DownloadDataExportOp && status >= 200 && status < 300 {
			return gzipBytes(sp.csv), "application/octet-stream", true, nil
		}
		if oi.octetStream && status >= 200 && status < 300 {
			return []byte{}, "application/octet-stream", true, nil
		}
		return []byte{}, "application/json", true, nil
	}
	names := oi.exampleNames[status]
	var value any
	switch {
	case len(names) > 0:
		if name == "" {
			name = names[0]
		}
		ex := mt.Examples[name]
		if ex == nil || ex.Value == nil {
			return nil, "", false, fmt.Errorf("operation %s: the %d response has no example %q (have %q)", oi.ID, status, name, names)
		}
		value = ex.Value.Value
	case mt.Example != nil && (name == "" || name == "example"):
		value = mt.Example
	case name == "" && mt.Schema != nil:
		// Later descriptions declare some responses with a schema only.
		value = schemaExample(mt.Schema, 0)
	default:
		return nil, "", false, fmt.Errorf("operation %s: the %d response has no example %q", oi.ID, status, name)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // examples carry HTML bodies; keep them readable
	if err := enc.Encode(value); err != nil {
		return nil, "", false, fmt.Errorf("operation %s: encode %d example %q: %w", oi.ID, status, name, err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), "application/json", true, nil
}

// syntheticError is the body sent for an undeclared error status.
func syntheticError(status int) []byte {
	code := map[int]string{
		400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
		409: "conflict", 422: "parameter_invalid", 429: "rate_limit_exceeded",
		500: "server_error", 502: "bad_gateway", 503: "service_unavailable", 504: "gateway_timeout",
	}[status]
	if code == "" {
		code = "error"
	}
	body, _ := json.Marshal(map[string]any{
		"type":       "error.list",
		"request_id": nil,
		"errors":     []map[string]string{{"code": code, "message": http.StatusText(status)}},
	})
	return body
}

// ServeHTTP validates, records and answers a request. It implements
// http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	rec := &Request{
		Method:   r.Method,
		RawQuery: r.URL.RawQuery,
		Query:    r.URL.Query(),
		Header:   r.Header.Clone(),
		Body:     body,
	}
	s.mu.Lock()
	strict, version := s.strict, s.version
	s.mu.Unlock()

	var (
		violations []string
		errStatus  = http.StatusBadRequest
		authFailed bool
		oi         *opInfo
	)
	if err != nil {
		violations = append(violations, "reading the body failed: "+err.Error())
	}
	escaped := r.URL.EscapedPath()
	if rest, ok := strings.CutPrefix(escaped, BasePath); ok && (rest == "" || rest[0] == '/') {
		rec.Path = rest
	} else {
		rec.Path = escaped
		violations = append(violations, fmt.Sprintf("path %q is not under the base path %q", escaped, BasePath))
		errStatus = http.StatusNotFound
	}
	if errStatus != http.StatusNotFound {
		route, vars, rerr := s.sp.router.FindRoute(r)
		if rerr != nil {
			violations = append(violations, fmt.Sprintf("no operation matches %s %s: %v%s", r.Method, rec.Path, rerr, s.otherMethods(r)))
			errStatus = http.StatusNotFound
		} else {
			rec.OperationID = route.Operation.OperationID
			oi = s.sp.opsByID[rec.OperationID]
			v, af := validate(r, body, route, vars)
			violations = append(violations, v...)
			authFailed = af
			violations = append(violations, checkHeaders(r, oi, version)...)
			if check := extraChecks[rec.OperationID]; check != nil {
				violations = append(violations, check(rec.Query)...)
			}
		}
	}
	rec.Violations = violations

	if len(violations) > 0 {
		if strict {
			s.t.Errorf("spectest: %s %s (operation %s) violates the API description:\n\t%s",
				r.Method, rec.Path, orNone(rec.OperationID), strings.Join(violations, "\n\t"))
		}
		s.record(rec)
		setCommonHeaders(w, "application/json")
		if authFailed && len(violations) == 1 {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write(errorList("unauthorized", "Access Token Invalid"))
			return
		}
		w.WriteHeader(errStatus)
		_, _ = w.Write(errorList(ErrorCodeSpecViolation, fmt.Sprintf("%s %s (operation %s): %s",
			r.Method, rec.Path, orNone(rec.OperationID), strings.Join(violations, "; "))))
		return
	}

	s.mu.Lock()
	ov := s.overrides[oi.ID]
	s.mu.Unlock()
	if ov == nil {
		b, ct, fromSpec, eerr := s.sp.example(oi, oi.defaultStatus, "")
		if eerr != nil { // cannot happen: buildSpec checked every default
			s.t.Errorf("spectest: %v", eerr)
		}
		ov = &override{status: oi.defaultStatus, body: b, contentType: ct, fromSpec: fromSpec}
	}
	s.record(rec)
	if ov.fn != nil {
		setCommonHeaders(w, "application/json")
		r.Body = io.NopCloser(bytes.NewReader(body))
		ov.fn(w, r)
		return
	}
	if ov.fromSpec && ov.status >= 200 && ov.status < 300 {
		addHit(s.sp.version, oi.ID)
	}
	setCommonHeaders(w, ov.contentType)
	if ov.contentType == "application/octet-stream" {
		w.Header().Set("Content-Length", strconv.Itoa(len(ov.body)))
	}
	w.WriteHeader(ov.status)
	_, _ = w.Write(ov.body)
}

// otherMethods names the operations that the path of r would reach with
// another method, for the message of a method mismatch.
func (s *Server) otherMethods(r *http.Request) string {
	var found []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		if m == r.Method {
			continue
		}
		r2 := r.Clone(r.Context())
		r2.Method = m
		if route, _, err := s.sp.router.FindRoute(r2); err == nil {
			found = append(found, m+" "+route.Path+" ("+route.Operation.OperationID+")")
		}
	}
	if len(found) == 0 {
		return ""
	}
	return "; the path has: " + strings.Join(found, ", ")
}

func (s *Server) record(rec *Request) {
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
}

func orNone(opID string) string {
	if opID == "" {
		return "<none>"
	}
	return opID
}

// setCommonHeaders sets the headers of every response.
func setCommonHeaders(w http.ResponseWriter, contentType string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-RateLimit-Limit", "1000")
	h.Set("X-RateLimit-Remaining", "999")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(10*time.Second).Unix(), 10))
}

// errorList renders an Intercom error body with a fresh request id.
func errorList(code, message string) []byte {
	n := requestIDSeq.Add(1)
	body, _ := json.Marshal(map[string]any{
		"type":       "error.list",
		"request_id": fmt.Sprintf("00000000-0000-4000-8000-%012x", n),
		"errors":     []map[string]string{{"code": code, "message": message}},
	})
	return body
}

// errAuth is the error of the AuthenticationFunc.
var errAuth = errors.New(`want "Authorization: Bearer ` + TestToken + `"`)

// authenticate checks the bearer token exactly.
func authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if got := in.RequestValidationInput.Request.Header.Values("Authorization"); len(got) != 1 || got[0] != "Bearer "+TestToken {
		return errAuth
	}
	return nil
}

var validationOptions = &openapi3filter.Options{
	MultiError:          true,
	AuthenticationFunc:  authenticate,
	SkipSettingDefaults: true, // never rewrite the recorded body
	SchemaValidationOptions: []openapi3.SchemaValidationOption{
		openapi3.DisableSchemaErrorDetails(), // messages name the field; no schema dumps
	},
}

// validate runs openapi3filter on a copy of r carrying body. It returns the
// violations and whether authentication failed.
func validate(r *http.Request, body []byte, route *routers.Route, vars map[string]string) ([]string, bool) {
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	r2.GetBody = nil
	err := openapi3filter.ValidateRequest(r.Context(), &openapi3filter.RequestValidationInput{
		Request:    r2,
		PathParams: vars,
		Route:      route,
		Options:    validationOptions,
	})
	if err == nil {
		return nil, false
	}
	var out []string
	authFailed := false
	var walk func(err error)
	walk = func(err error) {
		var me openapi3.MultiError
		if errors.As(err, &me) && isMulti(err) {
			for _, e := range me {
				walk(e)
			}
			return
		}
		var sre *openapi3filter.SecurityRequirementsError
		if errors.As(err, &sre) {
			authFailed = true
			auth := r.Header.Get("Authorization")
			if auth != "" {
				auth = redact(auth)
			}
			out = append(out, fmt.Sprintf("authentication failed: Authorization header is %q, %v", auth, errAuth))
			return
		}
		out = append(out, describe(err))
	}
	walk(err)
	sort.Strings(out)
	return out, authFailed
}

func isMulti(err error) bool {
	_, ok := err.(openapi3.MultiError)
	return ok
}

// redact keeps the scheme and at most the first 4 characters of a token.
func redact(auth string) string {
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok {
		return "<redacted>"
	}
	if len(tok) > 4 {
		tok = tok[:4] + "…"
	}
	return scheme + " " + tok
}

// describe renders a validation error without schema dumps.
func describe(err error) string {
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		return err.Error()
	}
	where := "request"
	switch {
	case re.Parameter != nil:
		where = fmt.Sprintf("%s parameter %q", re.Parameter.In, re.Parameter.Name)
	case re.RequestBody != nil:
		where = "request body"
	}
	reason := re.Reason
	if re.Err != nil {
		var parts []string
		for _, e := range flatten(re.Err) {
			parts = append(parts, schemaMessage(e))
		}
		msg := strings.Join(parts, "; ")
		if reason == "" || reason == re.Err.Error() {
			reason = msg
		} else {
			reason += ": " + msg
		}
	}
	return where + ": " + reason
}

func flatten(err error) []error {
	if me, ok := err.(openapi3.MultiError); ok {
		var out []error
		for _, e := range me {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// schemaMessage renders a schema error as "at /json/pointer: reason".
func schemaMessage(err error) string {
	var se *openapi3.SchemaError
	if !errors.As(err, &se) {
		return err.Error()
	}
	ptr := "/" + strings.Join(se.JSONPointer(), "/")
	reason := se.Reason
	if reason == "" {
		reason = fmt.Sprintf("does not match schema keyword %q", se.SchemaField)
	}
	if se.Origin != nil {
		reason += " (" + se.Origin.Error() + ")"
	}
	if alts := alternatives(se); alts != "" {
		reason += ": " + alts
	}
	return fmt.Sprintf("at %s: %s", ptr, reason)
}

// alternatives explains an anyOf/oneOf failure by validating the value
// against each alternative, so the message says why none matched.
func alternatives(se *openapi3.SchemaError) string {
	if se.Schema == nil || (se.SchemaField != "anyOf" && se.SchemaField != "oneOf") {
		return ""
	}
	alts := se.Schema.AnyOf
	if se.SchemaField == "oneOf" {
		alts = se.Schema.OneOf
	}
	prefix := strings.Join(se.JSONPointer(), "/")
	if prefix != "" {
		prefix = "/" + prefix
	}
	var parts []string
	for i, alt := range alts {
		if alt == nil || alt.Value == nil {
			continue
		}
		name := alt.Value.Title
		if name == "" {
			name = strings.TrimPrefix(alt.Ref, "#/components/schemas/")
		}
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
		}
		err := alt.Value.VisitJSON(se.Value, openapi3.MultiErrors(), openapi3.VisitAsRequest(), openapi3.DisableSchemaErrorDetails())
		if err == nil {
			continue
		}
		var msgs []string
		for _, e := range flatten(err) {
			var sub *openapi3.SchemaError
			if errors.As(e, &sub) {
				r := sub.Reason
				if r == "" {
					r = fmt.Sprintf("does not match schema keyword %q", sub.SchemaField)
				}
				msgs = append(msgs, fmt.Sprintf("at %s/%s: %s", prefix, strings.Join(sub.JSONPointer(), "/"), r))
			} else {
				msgs = append(msgs, e.Error())
			}
		}
		parts = append(parts, fmt.Sprintf("[%s: %s]", name, strings.Join(msgs, "; ")))
	}
	return strings.Join(parts, " ")
}

// checkHeaders applies the harness's header rules to a request for oi.
func checkHeaders(r *http.Request, oi *opInfo, version string) []string {
	var out []string
	switch got := r.Header.Values("Intercom-Version"); {
	case len(got) == 0:
		out = append(out, fmt.Sprintf("missing Intercom-Version header (want %q)", version))
	case len(got) > 1 || got[0] != version:
		out = append(out, fmt.Sprintf("Intercom-Version header is %q, want %q", strings.Join(got, ", "), version))
	}
	wantAccept := "application/json"
	if oi.octetStream {
		wantAccept = "application/octet-stream"
	}
	if !acceptIncludes(r.Header.Values("Accept"), wantAccept) {
		out = append(out, fmt.Sprintf("Accept header is %q, want %q", strings.Join(r.Header.Values("Accept"), ", "), wantAccept))
	}
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, UserAgentPrefix) {
		out = append(out, fmt.Sprintf("User-Agent header is %q, want prefix %q", ua, UserAgentPrefix))
	}
	return out
}

// acceptIncludes reports whether one of the media ranges of the Accept
// header values is exactly want (parameters such as q are ignored).
func acceptIncludes(values []string, want string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err == nil && mt == want {
				return true
			}
		}
	}
	return false
}
