package spectest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a testing.TB that captures Errorf instead of failing the test.
// Everything else (Cleanup, Fatalf, Logf, …) goes to the real test.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Helper() {}

func (r *recorder) errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errs...)
}

// newRecorded starts a server whose violations are captured by a recorder.
func newRecorded(t *testing.T) (*Server, *recorder) {
	rec := &recorder{TB: t}
	return NewServer(rec), rec
}

// send makes a request as a well-behaved SDK would; mod may alter it.
func send(t *testing.T, srv *Server, method, path, body string, mod func(*http.Request)) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL()+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	req.Header.Set("Intercom-Version", "2.10")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "intercom-go/0.0.0-test")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if mod != nil {
		mod(req)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestLoad(t *testing.T) {
	t.Parallel()
	ops := Operations()
	if len(ops) != 108 {
		t.Fatalf("Operations() = %d, want 108", len(ops))
	}
	tags := map[string]int{}
	methods := map[string]int{}
	ids := map[string]bool{}
	for _, op := range ops {
		tags[op.Tag]++
		methods[op.Method]++
		if op.ID == "" || ids[op.ID] {
			t.Errorf("empty or duplicate operationId %q", op.ID)
		}
		ids[op.ID] = true
	}
	if len(tags) != 21 {
		t.Errorf("%d tags, want 21: %v", len(tags), tags)
	}
	if n := len(Doc().Tags); n != 21 {
		t.Errorf("Doc().Tags has %d entries, want 21", n)
	}
	if want := map[string]int{"GET": 46, "POST": 38, "PUT": 12, "DELETE": 12}; fmt.Sprint(methods) != fmt.Sprint(want) {
		t.Errorf("methods = %v, want %v", methods, want)
	}
	if !sort.SliceIsSorted(ops, func(i, j int) bool {
		a, b := ops[i], ops[j]
		return a.Tag < b.Tag || a.Tag == b.Tag && (a.Path < b.Path || a.Path == b.Path && a.Method < b.Method)
	}) {
		t.Error("Operations() not sorted by tag, path, method")
	}
	if Doc().Components.Schemas["custom_attributes"] == nil {
		t.Error("dangling custom_attributes reference not mended")
	}
	if first, second := Doc(), Doc(); first != second {
		t.Error("Doc() loads more than once")
	}
	// The validation copy is relaxed; Doc() is not.
	if p := Doc().Paths.Find("/admins/{id}").Get.Parameters.GetByInAndName("path", "id"); !p.Schema.Value.Type.Is("integer") {
		t.Error("Doc() was relaxed")
	}
	if got := ExampleNames("manageConversation", 200); len(got) != 4 || got[0] != "Close a conversation" {
		t.Errorf("ExampleNames(manageConversation, 200) = %q", got)
	}
	if got := ExampleNames("ShowContact", 0); len(got) != 1 {
		t.Errorf("ExampleNames(ShowContact, 0) = %q", got)
	}
	if got := ExampleNames("nope", 200); got != nil {
		t.Errorf("ExampleNames(nope) = %q", got)
	}
}

func TestShowContact(t *testing.T) {
	t.Parallel()
	srv, rec := newRecorded(t)
	if !strings.HasSuffix(srv.URL(), "/proxy/intercom") || srv.Token() != "test-token" {
		t.Fatalf("URL %q, token %q", srv.URL(), srv.Token())
	}
	resp, body := send(t, srv, "GET", "/contacts/63a07ddf05a32042dffac965?x=1", "", nil)
	if errs := rec.errors(); len(errs) > 0 {
		t.Fatalf("unexpected violations: %q", errs)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if !bytes.Equal(body, srv.Example("ShowContact", 200, "")) {
		t.Errorf("body is not the example: %s", body)
	}
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil || v["type"] != "contact" {
		t.Errorf("body %s: %v", body, err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	if resp.Header.Get("X-RateLimit-Limit") != "1000" || resp.Header.Get("X-RateLimit-Remaining") != "999" {
		t.Errorf("rate limit headers %v", resp.Header)
	}
	reset, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64)
	if now := time.Now().Unix(); err != nil || reset < now || reset > now+11 {
		t.Errorf("X-RateLimit-Reset %q", resp.Header.Get("X-RateLimit-Reset"))
	}
	r := srv.LastRequest()
	if r == nil || r.OperationID != "ShowContact" || r.Method != "GET" || r.Path != "/contacts/63a07ddf05a32042dffac965" ||
		r.RawQuery != "x=1" || r.Query.Get("x") != "1" || r.Header.Get("Intercom-Version") != "2.10" || len(r.Violations) != 0 {
		t.Errorf("recorded %+v", r)
	}
	if !Hits()["ShowContact"] {
		t.Error("ShowContact not in Hits()")
	}
}

func TestViolationsAreFlagged(t *testing.T) {
	t.Parallel()
	goodSearch := `{"query":{"field":"email","operator":"=","value":"a@b.c"}}`
	for _, tc := range []struct {
		name, method, path, body string
		mod                      func(*http.Request)
		status                   int
		want                     string // in the violation message
	}{
		{"wrong token", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Set("Authorization", "Bearer nope") }, 401, "authentication failed"},
		{"no token", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Del("Authorization") }, 401, "authentication failed"},
		{"missing version", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Del("Intercom-Version") }, 400, "missing Intercom-Version"},
		{"wrong version", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Set("Intercom-Version", "2.9") }, 400, `Intercom-Version header is "2.9"`},
		{"invalid version", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Set("Intercom-Version", "9.9") }, 400, `header parameter "Intercom-Version"`},
		{"no accept", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Del("Accept") }, 400, "Accept header"},
		{"bad user agent", "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Set("User-Agent", "Go-http-client/1.1") }, 400, "User-Agent"},
		{"invalid body", "POST", "/contacts/search", `{"query": 5}`, nil, 400, "request body"},
		{"malformed json", "POST", "/contacts/search", `{"query":`, nil, 400, "request body"},
		{"wrong content type", "POST", "/contacts/search", goodSearch, func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, 400, "request body"},
		{"missing required query", "GET", "/visitors", "", nil, 400, `query parameter "user_id"`},
		{"non-numeric admin id", "GET", "/admins/abc", "", nil, 400, `path parameter "id"`},
		{"unknown path", "GET", "/nope", "", nil, 404, "no operation matches"},
		{"unknown method", "PATCH", "/contacts/abc", "", nil, 404, "no operation matches"},
		{"outside base path", "GET", "/contacts/abc", "", func(r *http.Request) { r.URL.Path = "/contacts/abc" }, 404, "base path"},
		{"events without filter", "GET", "/events?type=user", "", nil, 400, `exactly one of`},
		{"events with two filters", "GET", "/events?type=user&email=a%40b.c&user_id=1", "", nil, 400, `exactly one of`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, rec := newRecorded(t)
			resp, body := send(t, srv, tc.method, tc.path, tc.body, tc.mod)
			errs := rec.errors()
			if len(errs) != 1 || !strings.Contains(errs[0], tc.want) {
				t.Fatalf("Errorf calls %q, want one containing %q", errs, tc.want)
			}
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
			var e struct {
				Type      string `json:"type"`
				RequestID string `json:"request_id"`
				Errors    []struct{ Code, Message string }
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Type != "error.list" || e.RequestID == "" || len(e.Errors) != 1 {
				t.Fatalf("error body %s: %v", body, err)
			}
			wantCode := "spec_violation"
			if tc.status == 401 {
				wantCode = "unauthorized"
			}
			if e.Errors[0].Code != wantCode {
				t.Errorf("code %q, want %q", e.Errors[0].Code, wantCode)
			}
			if r := srv.LastRequest(); r == nil || len(r.Violations) == 0 {
				t.Errorf("violation not recorded: %+v", r)
			}
			if strings.HasPrefix(tc.path, "/contacts/abc") && tc.name != "outside base path" && !strings.Contains(errs[0], "ShowContact") {
				t.Errorf("message does not name the operation: %s", errs[0])
			}
		})
	}
}

func TestStrictOffAndExpectVersion(t *testing.T) {
	t.Parallel()
	srv, rec := newRecorded(t)
	srv.Strict(false)
	resp, _ := send(t, srv, "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Set("Authorization", "Bearer x") })
	if resp.StatusCode != 401 || len(rec.errors()) != 0 || len(srv.LastRequest().Violations) != 1 {
		t.Errorf("status %d, errors %q, recorded %+v", resp.StatusCode, rec.errors(), srv.LastRequest())
	}
	srv.Strict(true)
	srv.ExpectVersion("2.9")
	resp, _ = send(t, srv, "GET", "/contacts/abc", "", func(r *http.Request) { r.Header.Set("Intercom-Version", "2.9") })
	if resp.StatusCode != 200 || len(rec.errors()) != 0 {
		t.Errorf("status %d, errors %q", resp.StatusCode, rec.errors())
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests recorded, want 2", n)
	}
}

func TestOverrides(t *testing.T) {
	t.Parallel()
	srv, rec := newRecorded(t)

	srv.Respond("ShowContact", 404, "")
	resp, body := send(t, srv, "GET", "/contacts/abc", "", nil)
	if resp.StatusCode != 404 || !strings.Contains(string(body), "not_found") || !bytes.Equal(body, srv.Example("ShowContact", 404, "")) {
		t.Errorf("Respond 404: %d %s", resp.StatusCode, body)
	}

	srv.Respond("manageConversation", 200, "Snooze a conversation")
	_, body = send(t, srv, "POST", "/conversations/123/parts", `{"message_type":"snoozed","admin_id":"12345","snoozed_until":1673609604}`, nil)
	if want := srv.Example("manageConversation", 200, "Snooze a conversation"); !bytes.Equal(body, want) || bytes.Equal(want, srv.Example("manageConversation", 200, "")) {
		t.Errorf("Respond by name: %s", body)
	}

	srv.RespondJSON("ShowContact", 200, `{"type":"contact","id":"1"}`)
	_, body = send(t, srv, "GET", "/contacts/abc", "", nil)
	if string(body) != `{"type":"contact","id":"1"}` {
		t.Errorf("RespondJSON: %s", body)
	}

	srv.RespondFunc("ShowContact", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-RateLimit-Limit") != "" {
			t.Error("request carries response headers")
		}
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{}`)
	})
	resp, _ = send(t, srv, "GET", "/contacts/abc", "", nil)
	if resp.StatusCode != 429 || resp.Header.Get("X-RateLimit-Remaining") != "999" {
		t.Errorf("RespondFunc: %d %v", resp.StatusCode, resp.Header)
	}

	srv.Respond("ShowContact", 503, "")
	resp, body = send(t, srv, "GET", "/contacts/abc", "", nil)
	if resp.StatusCode != 503 || !strings.Contains(string(body), `"service_unavailable"`) {
		t.Errorf("undeclared status: %d %s", resp.StatusCode, body)
	}

	srv.RespondDefault("ShowContact")
	resp, _ = send(t, srv, "GET", "/contacts/abc", "", nil)
	if resp.StatusCode != 200 {
		t.Errorf("RespondDefault: %d", resp.StatusCode)
	}
	if errs := rec.errors(); len(errs) > 0 {
		t.Errorf("unexpected violations: %q", errs)
	}
}

func TestNoContentAndDownload(t *testing.T) {
	t.Parallel()
	srv, rec := newRecorded(t)
	for _, tc := range []struct {
		method, path, body string
		status             int
	}{
		{"POST", "/events", `{"event_name":"invited-friend","created_at":1671028894,"user_id":"314159"}`, 202},
		{"POST", "/events/summaries", `{"user_id":"314159","event_summaries":{"event_name":"x","count":1,"first":1671028894,"last":1671028894}}`, 200},
		{"DELETE", "/tags/123", "", 200},
	} {
		resp, body := send(t, srv, tc.method, tc.path, tc.body, nil)
		if resp.StatusCode != tc.status || len(body) != 0 {
			t.Errorf("%s %s: %d %q", tc.method, tc.path, resp.StatusCode, body)
		}
	}
	resp, body := send(t, srv, "GET", "/download/content/data/abc123", "", func(r *http.Request) { r.Header.Set("Accept", "application/octet-stream") })
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/octet-stream" {
		t.Fatalf("download: %d %v", resp.StatusCode, resp.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	csv, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(csv, DataExportCSV()) || !bytes.HasPrefix(csv, []byte("user_id,")) {
		t.Errorf("csv %q: %v", csv, err)
	}
	if !bytes.Equal(body, srv.Example(DownloadDataExportOp, 0, "")) {
		t.Error("Example(downloadDataExport) differs from the body sent")
	}
	if errs := rec.errors(); len(errs) > 0 {
		t.Errorf("unexpected violations: %q", errs)
	}
	// Accept: application/json is wrong for the download.
	_, _ = send(t, srv, "GET", "/download/content/data/abc123", "", nil)
	if errs := rec.errors(); len(errs) != 1 || !strings.Contains(errs[0], "application/octet-stream") {
		t.Errorf("download with Accept: application/json: %q", errs)
	}
}

// TestRelaxations sends correct requests that the description, taken
// literally, would reject.
func TestRelaxations(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, method, path, body string }{
		{"numeric admin id", "GET", "/admins/991267785", ""},
		{"large conversation id", "GET", "/conversations/64619700005694?display_as=plaintext", ""},
		{"contact id on notes", "GET", "/contacts/63a07ddf05a32042dffac965/notes", ""},
		{"create note", "POST", "/contacts/63a07ddf05a32042dffac965/notes", `{"body":"Hello","contact_id":"63a07ddf05a32042dffac965","admin_id":"123"}`},
		{"close conversation", "POST", "/conversations/123/parts", `{"message_type":"close","type":"admin","admin_id":"12345","body":"Goodbye :)"}`},
		{"assign conversation", "POST", "/conversations/123/parts", `{"message_type":"assignment","type":"admin","admin_id":"12345","assignee_id":"4324241"}`},
		{"open conversation", "POST", "/conversations/123/parts", `{"message_type":"open","admin_id":"12345"}`},
		{"admin reply", "POST", "/conversations/123/reply", `{"message_type":"comment","type":"admin","admin_id":"3156780","body":"Hello"}`},
		{"contact reply", "POST", "/conversations/last/reply", `{"message_type":"comment","type":"user","intercom_user_id":"667d619d8a68186f43bafe82","body":"Hello"}`},
		{"admin ticket reply", "POST", "/tickets/123/reply", `{"message_type":"note","type":"admin","admin_id":"3156780","body":"Hello"}`},
		{"create tag", "POST", "/tags", `{"name":"test"}`},
		{"tag companies", "POST", "/tags", `{"name":"test","companies":[{"id":"531ee472cce572a6ec000006"}]}`},
		{"untag companies", "POST", "/tags", `{"name":"test","companies":[{"id":"531ee472cce572a6ec000006","untag":true}]}`},
		{"tag users", "POST", "/tags", `{"name":"test","users":[{"id":"5f7f0d217289f8d2f4262080"}]}`},
		{"create contact", "POST", "/contacts", `{"email":"joebloggs@intercom.io","phone":null}`},
		{"update contact clears", "PUT", "/contacts/abc", `{"name":null,"owner_id":null,"custom_attributes":null}`},
		{"clear translated content", "PUT", "/help_center/collections/123", `{"name":"x","translated_content":null,"parent_id":null}`},
		{"search nested", "POST", "/contacts/search", `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"},{"operator":"OR","value":[{"field":"email","operator":"=","value":"a@b.c"}]}]},"pagination":{"per_page":5}}`},
		{"search null pagination", "POST", "/conversations/search", `{"query":{"field":"id","operator":"=","value":"1"},"pagination":null}`},
		{"redact part", "POST", "/conversations/redact", `{"type":"conversation_part","conversation_id":"19894788788","conversation_part_id":"19381789428"}`},
		{"delete with body", "DELETE", "/conversations/64619700005694/tags/7522907", `{"admin_id":"123"}`},
		{"detach contact with body", "DELETE", "/conversations/123/customers/123", `{"admin_id":"123"}`},
		{"no body on body op", "POST", "/contacts/search", ""},
		{"events by user_id", "GET", "/events?type=user&user_id=314159", ""},
		{"events by email", "GET", "/events?type=user&email=a%40b.c&summary=true", ""},
		{"json with charset", "POST", "/tags", `{"name":"x"}`},
		{"undeclared paging params", "GET", "/articles?page=2&per_page=10", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, rec := newRecorded(t)
			resp, body := send(t, srv, tc.method, tc.path, tc.body, func(r *http.Request) {
				if tc.name == "json with charset" {
					r.Header.Set("Content-Type", "application/json; charset=utf-8")
				}
			})
			if errs := rec.errors(); len(errs) > 0 || resp.StatusCode >= 300 {
				t.Errorf("status %d, violations %q, body %s", resp.StatusCode, errs, body)
			}
		})
	}
}

// TestEveryOperationRoutes sends every operation with example path
// parameters and its required query parameters and no body (no body is
// required), and expects each to be routed to itself and answered with its
// default example.
func TestEveryOperationRoutes(t *testing.T) {
	t.Parallel()
	srv, rec := newRecorded(t)
	query := map[string]string{
		"retrieveVisitorWithUserId": "?user_id=123",
		"lisDataEvents":             "?type=user&intercom_user_id=abc",
		"listActivityLogs":          "?created_at_after=1677253093",
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, op := range Operations() {
		path := param.ReplaceAllString(op.Path, "123") + query[op.ID]
		resp, body := send(t, srv, op.Method, path, "", func(r *http.Request) {
			if op.ID == DownloadDataExportOp {
				r.Header.Set("Accept", "application/octet-stream")
			}
		})
		r := srv.LastRequest()
		if r.OperationID != op.ID {
			t.Errorf("%s %s routed to %q, want %s", op.Method, path, r.OperationID, op.ID)
		}
		if resp.StatusCode != srv.sp.opsByID[op.ID].defaultStatus {
			t.Errorf("%s: status %d: %s", op.ID, resp.StatusCode, body)
		}
		if want := srv.Example(op.ID, 0, ""); !bytes.Equal(body, want) {
			t.Errorf("%s: body is not the default example", op.ID)
		}
		if !Hits()[op.ID] {
			t.Errorf("%s not in Hits()", op.ID)
		}
	}
	for _, e := range rec.errors() {
		t.Error(e)
	}
}

func TestConcurrentRequests(t *testing.T) {
	t.Parallel()
	srv, rec := newRecorded(t)
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				send(t, srv, "GET", fmt.Sprintf("/contacts/c%d", i), "", nil)
			} else {
				send(t, srv, "POST", "/contacts/search", `{"query":{"field":"email","operator":"=","value":"a@b.c"}}`, nil)
			}
		}()
	}
	wg.Wait()
	if n := len(srv.Requests()); n != 40 {
		t.Errorf("%d requests recorded, want 40", n)
	}
	for _, r := range srv.Requests() {
		if r.Method == "POST" && !strings.Contains(string(r.Body), "a@b.c") {
			t.Errorf("body not recorded: %q", r.Body)
		}
	}
	if errs := rec.errors(); len(errs) > 0 {
		t.Errorf("unexpected violations: %q", errs)
	}
}
