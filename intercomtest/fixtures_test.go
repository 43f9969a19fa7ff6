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
// the first example of the success response of every operation of 2.10 the
// server does not model, the columns of the data export CSV, and every
// endpoint of 2.10 to 2.16 with the versions that have it.
func generateFixtures(t *testing.T) []byte {
	t.Helper()
	stateful := statefulRoutes()
	doc := spectest.Doc()
	var ops []fixtureOperation
	for _, op := range spectest.Operations() {
		if stateful[op.Method+" "+op.Path] {
			continue
		}
		o := doc.Paths.Value(op.Path).GetOperation(op.Method)
		status := 0
		for _, st := range []int{200, 202, 201, 204} {
			if o.Responses.Status(st) != nil {
				status = st
				break
			}
		}
		if status == 0 {
			t.Fatalf("%s %s (%s) declares no success response", op.Method, op.Path, op.ID)
		}
		fo := fixtureOperation{Method: op.Method, Path: op.Path, OperationID: op.ID, Status: status}
		var value any
		hasValue := false
		if resp := o.Responses.Status(status).Value; resp != nil {
			if mt := resp.Content.Get("application/json"); mt != nil {
				if names := spectest.ExampleNames(op.ID, status); len(names) > 0 {
					value, hasValue = mt.Examples[names[0]].Value.Value, true
				} else if mt.Example != nil {
					value, hasValue = mt.Example, true
				}
			}
		}
		if hasValue {
			fo.Body = compactJSON(t, value)
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

// TestEveryOperationIsServed checks that each operation of the description
// is modelled or replayed, and that every modelled route is an operation of
// the description (a typo in a template would otherwise go unnoticed).
func TestEveryOperationIsServed(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(filepath.Join("..", spectest.SpecPath)); err != nil {
		t.Skipf("API description not available: %v", err)
	}
	stateful := statefulRoutes()
	replayed := map[string]bool{}
	for _, f := range loadFixtures() {
		replayed[f.method+" "+f.template] = true
	}
	inSpec := map[string]bool{}
	for _, op := range spectest.Operations() {
		key := op.Method + " " + op.Path
		inSpec[key] = true
		if !stateful[key] && !replayed[key] {
			t.Errorf("%s (%s) is neither modelled nor replayed", key, op.ID)
		}
	}
	for key := range stateful {
		if !inSpec[key] {
			t.Errorf("modelled route %s is not an operation of the description", key)
		}
	}
	if len(inSpec) != 108 {
		t.Errorf("the description has %d operations, want 108", len(inSpec))
	}
	t.Logf("%d operations modelled, %d replayed", len(stateful), len(replayed))
}
