// Package spectest is a test harness for the Intercom SDK: an httptest server
// that routes every request to its operation in the Intercom REST API 2.10
// OpenAPI description (testdata/openapi/intercom-2.10.yaml), validates it
// against the description with kin-openapi, records it, and answers with the
// operation's response example.
//
// The description has known defects (see the project's spec notes). The
// harness mends or relaxes the ones that would make a correct request fail;
// every relaxation is listed in relax.go. Responses are not validated.
package spectest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"go.yaml.in/yaml/v4"
)

// SpecPath is the location of the OpenAPI description relative to the module
// root (the nearest directory at or above the working directory that holds
// go.mod).
const SpecPath = "testdata/openapi/intercom-2.10.yaml"

// Operation describes one operation of the OpenAPI description.
type Operation struct {
	ID     string // operationId, e.g. "ShowContact"
	Method string // upper-case HTTP method
	Path   string // path template, e.g. "/contacts/{id}"
	Tag    string // first (and only) tag, e.g. "Contacts"
}

// spec is everything derived once per process from the description.
type spec struct {
	mended   []byte      // the description with dangling references mended
	validate *openapi3.T // mended and relaxed (relax.go): used for validation only
	router   routers.Router

	ops     []Operation
	opsByID map[string]*opInfo

	csv []byte // plain CSV body for downloadDataExport (see dataexport.go)
}

// opInfo is the per-operation data the server needs.
type opInfo struct {
	Operation
	op            *openapi3.Operation // from spec.validate; its responses are not relaxed
	defaultStatus int
	// exampleNames holds, per declared status, the names of the
	// application/json examples in document order (Go maps lose it).
	exampleNames map[int][]string
	statuses     map[int]bool
}

var (
	specOnce sync.Once
	specVal  *spec
	specErr  error

	docOnce sync.Once
	docVal  *openapi3.T
	docErr  error
)

// loadSpec loads and prepares the description once per process.
func loadSpec() (*spec, error) {
	specOnce.Do(func() {
		specVal, specErr = buildSpec()
		if specErr != nil {
			specErr = fmt.Errorf("spectest: %w", specErr)
		}
	})
	return specVal, specErr
}

func mustSpec() *spec {
	s, err := loadSpec()
	if err != nil {
		panic(err)
	}
	return s
}

// Doc returns the loaded OpenAPI description, loaded once per process. It is
// the description as written except for the dangling
// '#/components/schemas/custom_attributes' reference, which is mended by
// adding that component (type: object, additionalProperties: true). The
// validation relaxations of relax.go are not applied to it (the server
// validates against a separately loaded, relaxed copy). Callers must not
// modify it. Doc panics if the description cannot be loaded.
func Doc() *openapi3.T {
	docOnce.Do(func() {
		docVal, docErr = openapi3.NewLoader().LoadFromData(mustSpec().mended)
		if docErr != nil {
			docErr = fmt.Errorf("spectest: load: %w", docErr)
		}
	})
	if docErr != nil {
		panic(docErr)
	}
	return docVal
}

// Operations returns every operation of the description (108), sorted by
// tag, then path, then method.
func Operations() []Operation {
	return append([]Operation(nil), mustSpec().ops...)
}

// ExampleNames returns the names of the application/json examples of the
// response with the given status of operation opID, in document order. The
// first one is what the server sends by default. It returns nil if the
// operation, the status or its JSON examples do not exist. A status of 0
// means the operation's default success status.
func ExampleNames(opID string, status int) []string {
	oi := mustSpec().opsByID[opID]
	if oi == nil {
		return nil
	}
	if status == 0 {
		status = oi.defaultStatus
	}
	return append([]string(nil), oi.exampleNames[status]...)
}

// findSpecFile walks up from the working directory to the module root.
func findSpecFile() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, filepath.FromSlash(SpecPath)), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found at or above the working directory")
		}
		dir = parent
	}
}

func buildSpec() (*spec, error) {
	file, err := findSpecFile()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	mended, err := mendDanglingRefs(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}

	// kin-openapi keeps no key order, so the YAML tree is parsed too (for
	// example order, $ref siblings and the CSV columns); both take a while,
	// so they run side by side.
	var (
		root    yaml.Node
		nodeErr error
		wg      sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		nodeErr = yaml.Unmarshal(data, &root)
	}()
	vdoc, err := openapi3.NewLoader().LoadFromData(mended)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", file, err)
	}
	if nodeErr != nil {
		return nil, fmt.Errorf("parse %s: %w", file, nodeErr)
	}
	top := docMapping(&root)
	if top == nil {
		return nil, fmt.Errorf("%s: not a YAML mapping", file)
	}
	if err := relaxDoc(vdoc, top); err != nil {
		return nil, err
	}

	// The router works on a shallow copy of the validation document whose
	// only server is BasePath, so the base path is part of every route.
	// Building a gorillamux router costs milliseconds, and NewServer is
	// called hundreds of times, so one router serves every Server: the
	// server URL is given without scheme and host, which an httptest server
	// cannot get wrong anyway (whatever reaches its listener is for it).
	rdoc := *vdoc
	rdoc.Servers = openapi3.Servers{{URL: BasePath}}
	router, err := gorillamux.NewRouter(&rdoc)
	if err != nil {
		return nil, fmt.Errorf("router: %w", err)
	}

	s := &spec{mended: mended, validate: vdoc, router: router, opsByID: map[string]*opInfo{}}
	names := exampleNameOrder(top)
	for _, path := range vdoc.Paths.InMatchingOrder() {
		for method, op := range vdoc.Paths.Value(path).Operations() {
			if op.OperationID == "" {
				return nil, fmt.Errorf("%s %s has no operationId", method, path)
			}
			if _, dup := s.opsByID[op.OperationID]; dup {
				return nil, fmt.Errorf("duplicate operationId %q", op.OperationID)
			}
			o := Operation{ID: op.OperationID, Method: strings.ToUpper(method), Path: path}
			if len(op.Tags) > 0 {
				o.Tag = op.Tags[0]
			}
			oi := &opInfo{Operation: o, op: op, exampleNames: map[int][]string{}, statuses: map[int]bool{}}
			for code := range op.Responses.Map() {
				var st int
				if _, err := fmt.Sscanf(code, "%d", &st); err != nil || st < 100 || st > 599 {
					continue // "default" or a range: not used by this description
				}
				oi.statuses[st] = true
				oi.exampleNames[st] = names[exampleKey{path, strings.ToLower(method), code}]
			}
			oi.defaultStatus = pickDefaultStatus(oi.statuses)
			if oi.defaultStatus == 0 {
				return nil, fmt.Errorf("operation %s declares no 2xx response", o.ID)
			}
			s.ops = append(s.ops, o)
			s.opsByID[o.ID] = oi
		}
	}
	sort.Slice(s.ops, func(i, j int) bool {
		a, b := s.ops[i], s.ops[j]
		if a.Tag != b.Tag {
			return a.Tag < b.Tag
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Method < b.Method
	})
	s.csv = dataExportCSV(top)
	return s, nil
}

// pickDefaultStatus chooses 200, else 202, else the lowest 2xx.
func pickDefaultStatus(statuses map[int]bool) int {
	if statuses[200] {
		return 200
	}
	if statuses[202] {
		return 202
	}
	best := 0
	for st := range statuses {
		if st >= 200 && st < 300 && (best == 0 || st < best) {
			best = st
		}
	}
	return best
}

// ---- YAML node helpers ----

func docMapping(root *yaml.Node) *yaml.Node {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	return n
}

// child returns the value of key in mapping n, or nil.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// pairs iterates the key/value pairs of mapping n in document order.
func pairs(n *yaml.Node, f func(k string, v *yaml.Node)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		f(n.Content[i].Value, n.Content[i+1])
	}
}

var (
	schemaRefRE  = regexp.MustCompile(`"?\$ref"?:\s*["']?#/components/schemas/([A-Za-z0-9_.-]+)`)
	schemaDefRE  = regexp.MustCompile(`^    ["']?([A-Za-z0-9_.-]+)["']?:\s*$`)
	schemasStart = "\ncomponents:\n  schemas:\n"
)

// mendDanglingRefs adds a component for every local schema reference whose
// target is missing. In 2.10 that is only '#/components/schemas/custom_attributes'
// (used by create_phone_switch_request), which strict loaders reject; it is
// added as a free-form object, which is what custom attributes are. The
// patch is textual (the description is block-style YAML with
// components.schemas at two-space indentation) because re-encoding the
// whole YAML tree costs far more than loading it.
func mendDanglingRefs(data []byte) ([]byte, error) {
	i := bytes.Index(data, []byte(schemasStart))
	if i < 0 {
		return nil, errors.New(`no "components:\n  schemas:" block`)
	}
	at := i + len(schemasStart)
	defined := map[string]bool{}
	for _, line := range strings.Split(string(data[at:]), "\n") {
		if line != "" && !strings.HasPrefix(line, "   ") && !strings.HasPrefix(line, "#") {
			break // end of the schemas block
		}
		if m := schemaDefRE.FindStringSubmatch(line); m != nil {
			defined[m[1]] = true
		}
	}
	var missing []string
	for _, m := range schemaRefRE.FindAllSubmatch(data, -1) {
		if name := string(m[1]); !defined[name] && !slices.Contains(missing, name) {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return data, nil
	}
	sort.Strings(missing)
	var add bytes.Buffer
	for _, name := range missing {
		fmt.Fprintf(&add, "    %s:\n      type: object\n      additionalProperties: true\n"+
			"      description: Added by spectest; the description references it without defining it.\n", name)
	}
	out := make([]byte, 0, len(data)+add.Len())
	out = append(out, data[:at]...)
	out = append(out, add.Bytes()...)
	return append(out, data[at:]...), nil
}

type exampleKey struct{ path, method, status string }

// exampleNameOrder records, for every response, the names of its
// application/json examples in document order.
func exampleNameOrder(top *yaml.Node) map[exampleKey][]string {
	out := map[exampleKey][]string{}
	pairs(child(top, "paths"), func(path string, item *yaml.Node) {
		pairs(item, func(method string, op *yaml.Node) {
			pairs(child(op, "responses"), func(status string, resp *yaml.Node) {
				examples := child(child(child(resp, "content"), "application/json"), "examples")
				pairs(examples, func(name string, _ *yaml.Node) {
					k := exampleKey{path, method, status}
					out[k] = append(out[k], name)
				})
			})
		})
	})
	return out
}
