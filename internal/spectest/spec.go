// Package spectest is a test harness for the Intercom SDK: an httptest server
// that routes every request to its operation in one of Intercom's OpenAPI
// descriptions of the REST API (testdata/openapi/intercom-<version>.yaml,
// versions 2.10 to 2.16; 2.10 unless the Version option says otherwise),
// validates it against the description with kin-openapi, records it, and
// answers with the operation's response example.
//
// The descriptions have known defects (see the project's spec notes). The
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

// SpecPath is the location of the 2.10 OpenAPI description relative to the
// module root (the nearest directory at or above the working directory that
// holds go.mod). SpecPathOf gives the other versions'.
const SpecPath = "testdata/openapi/intercom-2.10.yaml"

// versions are the API versions whose descriptions the harness has, oldest
// first.
var versions = []string{"2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16"}

// Versions returns the API versions whose descriptions the harness loads,
// oldest first: "2.10" to "2.16".
func Versions() []string { return slices.Clone(versions) }

// SpecPathOf returns the location of a version's description relative to
// the module root, such as "testdata/openapi/intercom-2.16.yaml".
func SpecPathOf(version string) string { return "testdata/openapi/intercom-" + version + ".yaml" }

// Operation describes one operation of an OpenAPI description.
type Operation struct {
	// ID is the operationId, e.g. "ShowContact". The four reporting-data
	// export operations of 2.14 and later have none in the description;
	// they are named by lower-case method and path, as in
	// "get /export/reporting_data/{job_identifier}" (see relax.go).
	ID     string
	Method string // upper-case HTTP method
	Path   string // path template as the version writes it, e.g. "/contacts/{id}"
	Tag    string // first tag, e.g. "Contacts"
}

// spec is everything derived once per process from one version's description.
type spec struct {
	version  string
	mended   []byte      // the description with dangling references mended
	validate *openapi3.T // mended and relaxed (relax.go): used for validation only
	router   routers.Router

	ops     []Operation
	opsByID map[string]*opInfo
	// relaxedParams holds the integer path parameters relaxation 1 changed,
	// as {operationId, parameter}.
	relaxedParams map[[2]string]bool

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
	// octetStream marks a download: the request must accept
	// application/octet-stream (downloadDataExport, and operations that
	// declare that Accept header, such as the reporting-data download of
	// 2.14 and later).
	octetStream bool
}

// slot loads one version's description once per process.
type slot struct {
	once sync.Once
	val  *spec
	err  error

	docOnce sync.Once
	doc     *openapi3.T
	docErr  error
}

// slots holds a slot per version; it is never written after init.
var slots = func() map[string]*slot {
	m := make(map[string]*slot, len(versions))
	for _, v := range versions {
		m[v] = &slot{}
	}
	return m
}()

// loadVersion loads and prepares a version's description once per process.
func loadVersion(version string) (*spec, error) {
	sl := slots[version]
	if sl == nil {
		return nil, fmt.Errorf("spectest: no description of API version %q (have %s)", version, strings.Join(versions, ", "))
	}
	sl.once.Do(func() {
		sl.val, sl.err = buildSpec(version)
		if sl.err != nil {
			sl.err = fmt.Errorf("spectest: %w", sl.err)
		}
	})
	return sl.val, sl.err
}

func mustSpec() *spec { return mustVersion(DefaultVersion) }

func mustVersion(version string) *spec {
	s, err := loadVersion(version)
	if err != nil {
		panic(err)
	}
	return s
}

// Doc returns the loaded 2.10 OpenAPI description, loaded once per process.
// It is the description as written except for the dangling
// '#/components/schemas/custom_attributes' reference, which is mended by
// adding that component (type: object, additionalProperties: true). The
// validation relaxations of relax.go are not applied to it (the server
// validates against a separately loaded, relaxed copy). Callers must not
// modify it. Doc panics if the description cannot be loaded.
func Doc() *openapi3.T { return DocOf(DefaultVersion) }

// DocOf is Doc for any version of Versions: the description as written,
// with only its dangling schema references mended. It panics if the version
// is unknown or its description cannot be loaded.
func DocOf(version string) *openapi3.T {
	sp := mustVersion(version)
	sl := slots[version]
	sl.docOnce.Do(func() {
		sl.doc, sl.docErr = openapi3.NewLoader().LoadFromData(sp.mended)
		if sl.docErr != nil {
			sl.docErr = fmt.Errorf("spectest: load %s: %w", version, sl.docErr)
		}
	})
	if sl.docErr != nil {
		panic(sl.docErr)
	}
	return sl.doc
}

// Operations returns every operation of the 2.10 description (108), sorted
// by tag, then path, then method.
func Operations() []Operation { return OperationsOf(DefaultVersion) }

// OperationsOf returns every operation of a version's description, sorted
// by tag, then path, then method. It panics if the version is unknown or
// its description cannot be loaded.
func OperationsOf(version string) []Operation {
	return append([]Operation(nil), mustVersion(version).ops...)
}

// ExampleNames returns the names of the application/json examples of the
// response with the given status of operation opID of the 2.10 description,
// in document order. The first one is what the server sends by default. It
// returns nil if the operation, the status or its JSON examples do not
// exist. A status of 0 means the operation's default success status.
func ExampleNames(opID string, status int) []string {
	return ExampleNamesOf(DefaultVersion, opID, status)
}

// ExampleNamesOf is ExampleNames for any version of Versions.
func ExampleNamesOf(version, opID string, status int) []string {
	oi := mustVersion(version).opsByID[opID]
	if oi == nil {
		return nil
	}
	if status == 0 {
		status = oi.defaultStatus
	}
	return append([]string(nil), oi.exampleNames[status]...)
}

// findSpecFile walks up from the working directory to the module root and
// returns the path of a version's description there.
func findSpecFile(version string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, filepath.FromSlash(SpecPathOf(version))), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found at or above the working directory")
		}
		dir = parent
	}
}

func buildSpec(version string) (*spec, error) {
	file, err := findSpecFile(version)
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
	relaxed, err := relaxDoc(vdoc, top)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
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

	s := &spec{version: version, mended: mended, validate: vdoc, router: router, opsByID: map[string]*opInfo{}, relaxedParams: relaxed}
	names := exampleNameOrder(top)
	for _, path := range vdoc.Paths.InMatchingOrder() {
		for method, op := range vdoc.Paths.Value(path).Operations() {
			if op.OperationID == "" {
				return nil, fmt.Errorf("%s %s has no operationId (relaxDoc names them all)", method, path)
			}
			if _, dup := s.opsByID[op.OperationID]; dup {
				return nil, fmt.Errorf("duplicate operationId %q", op.OperationID)
			}
			o := Operation{ID: op.OperationID, Method: strings.ToUpper(method), Path: path}
			if len(op.Tags) > 0 {
				o.Tag = op.Tags[0]
			}
			oi := &opInfo{Operation: o, op: op, exampleNames: map[int][]string{}, statuses: map[int]bool{},
				octetStream: o.ID == DownloadDataExportOp || acceptsOctetStream(op)}
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
				return nil, fmt.Errorf("operation %s declares no 2xx or 3xx response", o.ID)
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

// acceptsOctetStream reports whether op declares an Accept header whose
// values include application/octet-stream.
func acceptsOctetStream(op *openapi3.Operation) bool {
	p := op.Parameters.GetByInAndName(openapi3.ParameterInHeader, "Accept")
	if p == nil || p.Schema == nil || p.Schema.Value == nil {
		return false
	}
	return slices.Contains(p.Schema.Value.Enum, any("application/octet-stream"))
}

// pickDefaultStatus chooses 200, else 202, else the lowest 2xx, else the
// lowest 3xx (showCallRecording of 2.14 and later answers only 302).
func pickDefaultStatus(statuses map[int]bool) int {
	if statuses[200] {
		return 200
	}
	if statuses[202] {
		return 202
	}
	for _, class := range []int{200, 300} {
		best := 0
		for st := range statuses {
			if st >= class && st < class+100 && (best == 0 || st < best) {
				best = st
			}
		}
		if best != 0 {
			return best
		}
	}
	return 0
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
