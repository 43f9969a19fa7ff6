package intercomtest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/go-intercom/intercom/internal/spectest"
)

var update = flag.Bool("update", false, "rewrite fixtures/operations.json from the API description")

const fixturesPath = "fixtures/operations.json"

// statefulRoutes returns "METHOD /template" of every operation the server models.
func statefulRoutes() map[string]bool {
	rt := &router{}
	registerRoutes(rt)
	out := map[string]bool{}
	for _, r := range rt.routes {
		out[r.method+" "+r.template] = true
	}
	return out
}

// generateFixtures builds fixtures/operations.json from the descriptions:
// for every endpoint of 2.10 to 2.16 the server does not model, the default
// success response of each version that has it (an answer shared by
// several versions stored once), the columns of the data export CSV, and
// every endpoint with the versions that have it.
func generateFixtures(t *testing.T) []byte {
	t.Helper()
	stateful := statefulRoutes()
	var ops []fixtureOperation
	for _, e := range spectest.Endpoints() {
		if stateful[e.Method+" "+e.Path] {
			continue
		}
		fo := fixtureOperation{Method: e.Method, Path: e.Path, OperationID: e.Operations[e.Versions[len(e.Versions)-1]]}
		for _, v := range e.Versions {
			status, body, contentType, err := spectest.DefaultResponse(v, e.Operations[v])
			if err != nil {
				t.Fatalf("%s %s on %s: %v", e.Method, e.Path, v, err)
			}
			if status < 200 || status > 399 {
				t.Fatalf("%s %s (%s) on %s: default status %d is not a success", e.Method, e.Path, e.Operations[v], v, status)
			}
			ex := fixtureExample{Status: status}
			switch {
			case len(body) == 0:
				if contentType != "application/json" {
					ex.ContentType = contentType
				}
				if ct, text := textExample(v, e.Method, e.Paths[v], status); ct != "" {
					ex.ContentType, ex.Text = ct, text
				}
			case contentType == "application/json":
				var value any
				if err := json.Unmarshal(body, &value); err != nil {
					t.Fatalf("%s %s on %s: %v", e.Method, e.Path, v, err)
				}
				ex.Body = compactJSON(t, value)
			default:
				t.Fatalf("%s %s on %s: a %s body cannot be stored", e.Method, e.Path, v, contentType)
			}
			shared := false
			for i := range fo.Examples {
				if prev := &fo.Examples[i]; prev.Status == ex.Status && prev.ContentType == ex.ContentType && bytes.Equal(prev.Body, ex.Body) {
					prev.Versions = append(prev.Versions, v)
					shared = true
					break
				}
			}
			if !shared {
				ex.Versions = []string{v}
				fo.Examples = append(fo.Examples, ex)
			}
		}
		ops = append(ops, fo)
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		return ops[i].Method < ops[j].Method
	})
	csvHeader, _, _ := strings.Cut(string(spectest.DataExportCSV()), "\n")
	cols := strings.Split(strings.TrimSpace(csvHeader), ",")

	var b bytes.Buffer
	b.WriteString("{\"data_export_csv_columns\":")
	b.Write(compactJSON(t, cols))
	b.WriteString(",\n\"operations\":[\n")
	for i, op := range ops {
		b.Write(compactJSON(t, op))
		if i < len(ops)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("],\n\"endpoints\":[\n")
	eps := spectest.Endpoints()
	for i, e := range eps {
		b.Write(compactJSON(t, fixtureEndpoint{Method: e.Method, Path: e.Path, OperationID: e.Operations[e.Versions[len(e.Versions)-1]], Versions: e.Versions}))
		if i < len(eps)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// textExample returns the first example of a text response (a call's
// transcript), which the spec harness does not serve, and its content type.
func textExample(version, method, path string, status int) (contentType, text string) {
	op := spectest.DocOf(version).Paths.Value(path).GetOperation(method)
	resp := op.Responses.Status(status)
	if resp == nil || resp.Value == nil {
		return "", ""
	}
	var types []string
	for ct := range resp.Value.Content {
		types = append(types, ct)
	}
	sort.Strings(types)
	for _, ct := range types {
		mt := resp.Value.Content[ct]
		if !strings.HasPrefix(ct, "text/") {
			continue
		}
		var names []string
		for name := range mt.Examples {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if ex := mt.Examples[name]; ex != nil && ex.Value != nil {
				if s, isStr := ex.Value.Value.(string); isStr {
					return ct + "; charset=utf-8", s
				}
			}
		}
		if s, isStr := mt.Example.(string); isStr {
			return ct + "; charset=utf-8", s
		}
	}
	return "", ""
}

func compactJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// TestFixturesUpToDate fails when fixtures/operations.json differs from
// what the description and the server's routes give; -update rewrites it.
func TestFixturesUpToDate(t *testing.T) {
	t.Parallel() // loading the description takes a while
	if _, err := os.Stat(filepath.Join("..", spectest.SpecPath)); err != nil {
		t.Skipf("API description not available: %v", err)
	}
	want := generateFixtures(t)
	if *update {
		if err := os.WriteFile(fixturesPath, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", fixturesPath, len(want))
		return
	}
	if !bytes.Equal(fixturesJSON, want) {
		t.Fatalf("%s is stale: run go generate ./intercomtest (or go test ./intercomtest -run TestFixturesUpToDate -update)", fixturesPath)
	}
}

// TestEveryOperationIsServed checks that each endpoint of 2.10 to 2.16 is
// modelled or replayed on every version that has it, and that every
// modelled route is an endpoint of some version (a typo in a template
// would otherwise go unnoticed).
func TestEveryOperationIsServed(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(filepath.Join("..", spectest.SpecPath)); err != nil {
		t.Skipf("API description not available: %v", err)
	}
	stateful := statefulRoutes()
	replayed := map[string]*fixture{}
	for _, f := range loadFixtures() {
		replayed[f.method+" "+f.template] = f
	}
	inSpec := map[string]bool{}
	for _, e := range spectest.Endpoints() {
		key := e.Method + " " + e.Path
		inSpec[key] = true
		if stateful[key] {
			continue
		}
		f := replayed[key]
		if f == nil {
			t.Errorf("%s (%s) is neither modelled nor replayed", key, e.Operations[e.Versions[0]])
			continue
		}
		for _, v := range e.Versions {
			if f.byVersion[v] == nil {
				t.Errorf("%s (%s) has no answer for %s", key, e.Operations[v], v)
			}
		}
	}
	for key := range stateful {
		if !inSpec[key] {
			t.Errorf("modelled route %s is not an endpoint of any description", key)
		}
	}
	if len(inSpec) != 232 {
		t.Errorf("the descriptions have %d endpoints, want 232", len(inSpec))
	}
	t.Logf("%d endpoints modelled, %d replayed", len(stateful), len(replayed))
}
