package spectest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// sendVersion is send with the Intercom-Version of the version's server.
func sendVersion(t *testing.T, srv *Server, version, method, path, body string, mod func(*http.Request)) (*http.Response, []byte) {
	t.Helper()
	return send(t, srv, method, path, body, func(r *http.Request) {
		r.Header.Set("Intercom-Version", version)
		if mod != nil {
			mod(r)
		}
	})
}

// requiredQuery returns the required query parameters of op, each with a
// value its schema accepts.
func requiredQuery(op *opInfo) string {
	q := url.Values{}
	if op.ID == "lisDataEvents" {
		q.Set("type", "user")
		q.Set("intercom_user_id", "abc")
	}
	for _, pr := range op.op.Parameters {
		p := pr.Value
		if p == nil || p.In != openapi3.ParameterInQuery || !p.Required || q.Has(p.Name) {
			continue
		}
		q.Set(p.Name, sampleValue(p.Schema))
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// requiredBody returns, for an operation whose request body is required,
// its first JSON example (else one built from its schema); "" otherwise.
func requiredBody(t *testing.T, op *opInfo) string {
	rb := op.op.RequestBody
	if rb == nil || rb.Value == nil || !rb.Value.Required {
		return ""
	}
	mt := rb.Value.Content.Get("application/json")
	if mt == nil {
		t.Fatalf("%s: required body without JSON content", op.ID)
	}
	var v any
	switch {
	case len(mt.Examples) > 0:
		for _, name := range componentNames(mt.Examples) {
			if ex := mt.Examples[name]; ex != nil && ex.Value != nil {
				v = ex.Value.Value
				break
			}
		}
	case mt.Example != nil:
		v = mt.Example
	default:
		v = schemaExample(mt.Schema, 0)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sampleValue is a value of a parameter schema: its first enum value, its
// example, else one of its type.
func sampleValue(ref *openapi3.SchemaRef) string {
	if ref == nil || ref.Value == nil {
		return "123"
	}
	s := ref.Value
	switch {
	case len(s.Enum) > 0:
		return fmt.Sprint(s.Enum[0])
	case s.Example != nil:
		return fmt.Sprint(s.Example)
	case s.Type.Is(openapi3.TypeBoolean):
		return "true"
	}
	return "123"
}

// TestEveryOperationRoutesInEveryVersion is TestEveryOperationRoutes for
// each version's server: every operation, with numeric path parameters and
// its required query parameters, is routed to itself, validated and
// answered with its default example.
func TestEveryOperationRoutesInEveryVersion(t *testing.T) {
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, v := range Versions() {
		t.Run(v, func(t *testing.T) {
			rec := &recorder{TB: t}
			srv := NewServer(rec, Version(v))
			for _, op := range OperationsOf(v) {
				oi := srv.sp.opsByID[op.ID]
				path := param.ReplaceAllString(op.Path, "123") + requiredQuery(oi)
				resp, body := sendVersion(t, srv, v, op.Method, path, requiredBody(t, oi), func(r *http.Request) {
					if oi.octetStream {
						r.Header.Set("Accept", "application/octet-stream")
					}
				})
				if r := srv.LastRequest(); r.OperationID != op.ID {
					t.Errorf("%s %s routed to %q, want %s", op.Method, path, r.OperationID, op.ID)
				}
				if resp.StatusCode != oi.defaultStatus {
					t.Errorf("%s: status %d: %s", op.ID, resp.StatusCode, body)
				}
			}
			for _, e := range rec.errors() {
				t.Error(e)
			}
		})
	}
}

// TestVersionsLoad checks the seven descriptions against the counts of the
// project's version notes, and the endpoints across them.
func TestVersionsLoad(t *testing.T) {
	want := map[string]int{"2.10": 108, "2.11": 108, "2.12": 118, "2.13": 133, "2.14": 150, "2.15": 162, "2.16": 231}
	if got := Versions(); len(got) != len(want) || got[0] != DefaultVersion || got[len(got)-1] != "2.16" {
		t.Fatalf("Versions() = %q", got)
	}
	for _, v := range Versions() {
		if n := len(OperationsOf(v)); n != want[v] {
			t.Errorf("%s: %d operations, want %d", v, n, want[v])
		}
	}
	if _, err := loadVersion("2.99"); err == nil || !strings.Contains(err.Error(), "2.99") {
		t.Errorf("loadVersion(2.99) = %v", err)
	}
	eps := Endpoints()
	if len(eps) != 232 {
		t.Fatalf("Endpoints() = %d, want 232", len(eps))
	}
	byKey := map[string]Endpoint{}
	for _, e := range eps {
		byKey[e.Method+" "+e.Path] = e
		if len(e.Versions) == 0 || len(e.Operations) != len(e.Versions) || len(e.Paths) != len(e.Versions) || e.Path != e.Paths[e.Versions[0]] {
			t.Errorf("inconsistent endpoint %+v", e)
		}
	}
	// Every 2.10 operation is an endpoint under its 2.10 template.
	for _, op := range Operations() {
		e, ok := byKey[op.Method+" "+op.Path]
		if !ok || e.Versions[0] != "2.10" || e.Operations["2.10"] != op.ID {
			t.Errorf("%s %s (%s): endpoint %+v", op.Method, op.Path, op.ID, e)
		}
	}
	check := func(key string, versions []string, ops map[string]string) {
		t.Helper()
		e, ok := byKey[key]
		if !ok {
			t.Errorf("no endpoint %s", key)
			return
		}
		if fmt.Sprint(e.Versions) != fmt.Sprint(versions) {
			t.Errorf("%s: versions %q, want %q", key, e.Versions, versions)
		}
		for v, id := range ops {
			if e.Operations[v] != id {
				t.Errorf("%s: operation in %s is %q, want %q", key, v, e.Operations[v], id)
			}
		}
	}
	all := Versions()
	check("POST /conversations/{id}/run_assignment_rules", []string{"2.10", "2.11"}, map[string]string{"2.10": "autoAssignConversation", "2.11": "autoAssignConversation"})
	check("GET /data_attributes", all, map[string]string{"2.10": "lisDataAttributes", "2.11": "listDataAttributes", "2.12": "lisDataAttributes", "2.16": "lisDataAttributes"})
	check("GET /contacts/{id}", all, map[string]string{"2.16": "ShowContact"})
	check("GET /custom_object_instances/{custom_object_type_identifier}", all[3:], map[string]string{"2.15": "getCustomObjectInstancesByExternalId", "2.16": "listCustomObjectInstances"})
	check("DELETE /conversations/{id}", all[3:], map[string]string{"2.13": "deleteConversation"})
	check("GET /download/reporting_data/{job_identifier}", all[4:], map[string]string{"2.14": "get /download/reporting_data/{job_identifier}"})
	check("POST /export/reporting_data/enqueue", all[4:], map[string]string{"2.16": "post /export/reporting_data/enqueue"})
	check("GET /conversations/deleted", all[6:], map[string]string{"2.16": "listDeletedConversationIds"})
	if e := byKey["GET /contacts/{id}"]; e.Paths["2.11"] != "/contacts/{contact_id}" || e.Paths["2.12"] != "/contacts/{id}" {
		t.Errorf("GET /contacts/{id}: paths %q", e.Paths)
	}
	if EndpointKey("GET", "/contacts/{contact_id}/tags/{id}") != "GET /contacts/{}/tags/{}" {
		t.Error("EndpointKey")
	}
	// DocOf is not relaxed; the validation copy is.
	if p := DocOf("2.16").Paths.Find("/admins/{admin_id}").Get.Parameters.GetByInAndName("path", "admin_id"); !p.Schema.Value.Type.Is("integer") {
		t.Error("DocOf(2.16) was relaxed")
	}
	if first, second := DocOf("2.16"), DocOf("2.16"); first != second || first == Doc() {
		t.Error("DocOf does not load each version once")
	}
}

// TestRelaxationsComplete checks relax.go's lists against all the
// descriptions: each entry is used by at least one version, and every
// relaxed validation copy passes kin-openapi's own validation of the
// document (examples aside: many contradict their schemas, spec notes §9).
func TestRelaxationsComplete(t *testing.T) {
	used := map[[2]string]bool{}
	ids := map[string]bool{}
	for _, v := range Versions() {
		sp := mustVersion(v)
		for k := range sp.relaxedParams {
			used[k] = true
		}
		for id := range sp.opsByID {
			ids[id] = true
		}
		if err := sp.validate.Validate(openapi3.NewLoader().Context, openapi3.DisableExamplesValidation()); err != nil {
			t.Errorf("%s: the relaxed description is invalid: %v", v, err)
		}
	}
	for _, r := range pathParamRelaxations {
		if !used[[2]string{r.op, r.param}] {
			t.Errorf("pathParamRelaxations lists %s.%s, an integer path parameter of no version", r.op, r.param)
		}
	}
	for id, from := range successResponseMends {
		if !ids[id] || !ids[from] {
			t.Errorf("successResponseMends: %s or %s is in no version", id, from)
		}
	}
}

// TestVersionServer checks a server of another version: it validates
// against that version's description, answers with its examples, expects
// its version header and counts its hits apart.
func TestVersionServer(t *testing.T) {
	rec := &recorder{TB: t}
	srv := NewServer(rec, Version("2.16"))
	resp, body := sendVersion(t, srv, "2.16", "GET", "/conversations/deleted", "", nil)
	if resp.StatusCode != 200 || !bytes.Equal(body, srv.Example("listDeletedConversationIds", 0, "")) || !strings.Contains(string(body), `"deleted_at"`) {
		t.Errorf("GET /conversations/deleted: %d %s", resp.StatusCode, body)
	}
	if !HitsOf("2.16")["listDeletedConversationIds"] || Hits()["listDeletedConversationIds"] {
		t.Error("hits of 2.16 not counted apart")
	}
	// A renamed placeholder changes nothing on the wire.
	sendVersion(t, srv, "2.16", "GET", "/contacts/63a07ddf05a32042dffac965", "", nil)
	if r := srv.LastRequest(); r.OperationID != "ShowContact" || len(r.Violations) != 0 {
		t.Errorf("GET /contacts/{contact_id}: %+v", r)
	}
	// 2.16's relaxations: the reporting download, and the Fin Voice lookup
	// without a success response.
	resp, _ = sendVersion(t, srv, "2.16", "GET", "/download/reporting_data/job1?app_id=abc", "", func(r *http.Request) { r.Header.Set("Accept", "application/octet-stream") })
	if r := srv.LastRequest(); resp.StatusCode != 200 || r.OperationID != "get /download/reporting_data/{job_identifier}" || resp.Header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("reporting download: %d %+v", resp.StatusCode, r)
	}
	resp, body = sendVersion(t, srv, "2.16", "GET", "/fin_voice/phone_number/%2B15551234567", "", nil)
	if resp.StatusCode != 200 || !json.Valid(body) {
		t.Errorf("collectFinVoiceCallByPhoneNumber: %d %s", resp.StatusCode, body)
	}
	resp, _ = sendVersion(t, srv, "2.16", "GET", "/calls/123/recording", "", nil)
	if resp.StatusCode != http.StatusFound {
		t.Errorf("showCallRecording: %d", resp.StatusCode)
	}
	if errs := rec.errors(); len(errs) > 0 {
		t.Fatalf("unexpected violations: %q", errs)
	}

	// The endpoint 2.12 removed has no route in 2.16.
	resp, _ = sendVersion(t, srv, "2.16", "POST", "/conversations/123/run_assignment_rules", "", nil)
	if errs := rec.errors(); resp.StatusCode != 404 || len(errs) != 1 || !strings.Contains(errs[0], "no operation matches") {
		t.Errorf("run_assignment_rules on 2.16: %d %q", resp.StatusCode, errs)
	}
	// The server expects its own version.
	resp, _ = send(t, srv, "GET", "/conversations/deleted", "", nil)
	if errs := rec.errors(); resp.StatusCode != 400 || len(errs) != 2 || !strings.Contains(errs[1], `Intercom-Version header is "2.10", want "2.16"`) {
		t.Errorf("2.10 header on a 2.16 server: %d %q", resp.StatusCode, errs)
	}
	// 2.10 has no such endpoint: the path is read as a conversation id,
	// which must be numeric.
	srv10, rec10 := newRecorded(t)
	resp, _ = send(t, srv10, "GET", "/conversations/deleted", "", nil)
	if resp.StatusCode == 200 || len(rec10.errors()) != 1 {
		t.Errorf("GET /conversations/deleted on 2.10: %d %q", resp.StatusCode, rec10.errors())
	}
}
