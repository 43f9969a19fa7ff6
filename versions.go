package intercom

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// ErrUnsupportedByVersion matches a *VersionError: a call for an endpoint,
// or with a request field, that the chosen API version does not have. It is
// found before any I/O, so such errors match ErrInvalidRequest too.
var ErrUnsupportedByVersion = errors.New("intercom: not in the chosen API version")

// VersionError is returned before any I/O when the API version of a call
// (WithAPIVersion) is one the SDK knows, 2.10 to 2.16, and lacks the
// endpoint called, or a request field the call sets. It matches
// ErrUnsupportedByVersion and ErrInvalidRequest.
type VersionError struct {
	// APIVersion is the version the call asked for.
	APIVersion string
	// Method and Path identify the endpoint; Path is its template, such as
	// "/conversations/{id}/run_assignment_rules".
	Method, Path string
	// Operation is the endpoint's operationId in the newest version that
	// has it.
	Operation string
	// Field is the request field the version lacks, as a JSON path such as
	// "assignment" or "pagination.per_page"; "" when the version lacks the
	// whole endpoint.
	Field string
	// Versions lists the versions that have the endpoint (or the field),
	// oldest first, among those the SDK knows.
	Versions []string
}

// Error names the endpoint or field, the version asked for and the
// versions that have it.
func (e *VersionError) Error() string {
	var b strings.Builder
	b.WriteString("intercom: invalid request: ")
	if e.Field != "" {
		b.WriteString(e.Field + " of ")
	}
	b.WriteString(e.Method + " " + e.Path)
	if e.Operation != "" {
		b.WriteString(" (" + e.Operation + ")")
	}
	b.WriteString(" is not in API version " + e.APIVersion)
	if len(e.Versions) == 0 {
		b.WriteString(" nor in any version the SDK knows")
	} else {
		b.WriteString("; it is in " + versionRanges(e.Versions))
	}
	return b.String()
}

// Is matches ErrUnsupportedByVersion and ErrInvalidRequest.
func (e *VersionError) Is(target error) bool {
	return target == ErrUnsupportedByVersion || target == ErrInvalidRequest
}

// apiVersions are the versions of the API whose endpoints the SDK knows
// (endpoint_versions.go), oldest first. A call for any other version is
// sent as given, without the checks of checkVersion.
var apiVersions = [...]string{"2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16"}

// versionSet is a set of apiVersions: bit i stands for apiVersions[i].
type versionSet uint8

// The versions, one bit each, and the sets of a version and those after it.
const (
	v2_10 versionSet = 1 << iota
	v2_11
	v2_12
	v2_13
	v2_14
	v2_15
	v2_16

	from2_16 = v2_16
	from2_15 = v2_15 | from2_16
	from2_14 = v2_14 | from2_15
	from2_13 = v2_13 | from2_14
	from2_12 = v2_12 | from2_13
	from2_11 = v2_11 | from2_12
	from2_10 = v2_10 | from2_11

	allVersions = from2_10
)

// versionBit returns the bit of a known version, 0 for any other.
func versionBit(v string) versionSet {
	switch v {
	case "2.10":
		return v2_10
	case "2.11":
		return v2_11
	case "2.12":
		return v2_12
	case "2.13":
		return v2_13
	case "2.14":
		return v2_14
	case "2.15":
		return v2_15
	case "2.16":
		return v2_16
	}
	return 0
}

// list returns the versions of s, oldest first.
func (s versionSet) list() []string {
	var out []string
	for i, v := range apiVersions {
		if s&(1<<i) != 0 {
			out = append(out, v)
		}
	}
	return out
}

// versionRanges renders versions (oldest first, from apiVersions) as runs:
// "2.10 to 2.11", "2.14 and later", "2.12, 2.14 and later".
func versionRanges(vs []string) string {
	idx := func(v string) int {
		for i, k := range apiVersions {
			if k == v {
				return i
			}
		}
		return -1
	}
	var parts []string
	for i := 0; i < len(vs); {
		j := i
		for j+1 < len(vs) && idx(vs[j+1]) == idx(vs[j])+1 && idx(vs[j]) >= 0 {
			j++
		}
		switch {
		case idx(vs[j]) == len(apiVersions)-1 && j > i:
			parts = append(parts, vs[i]+" and later")
		case j == i:
			parts = append(parts, vs[i])
		default:
			parts = append(parts, vs[i]+" to "+vs[j])
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// endpointKey identifies an endpoint: its method and path template.
type endpointKey struct{ method, path string }

// endpointSpec is what endpoint_versions.go says about an endpoint.
type endpointSpec struct {
	in versionSet // the versions that have the endpoint
	op string     // its operationId in the newest version that has it
	// renamed lists the versions where its operationId is another.
	renamed []versionOp
}

// versionOp is an operationId and the versions that use it.
type versionOp struct {
	id string
	in versionSet
}

// operation returns the endpoint's operationId in the versions of bit.
func (s endpointSpec) operation(bit versionSet) string {
	for _, r := range s.renamed {
		if r.in&bit != 0 {
			return r.id
		}
	}
	return s.op
}

// operationFor returns the operationId of an endpoint in a version: the
// version's own name for it when the SDK knows the version and the version
// has the endpoint, else its 2.10 name (operation_ids.go), else its name
// in the newest version that has it. For observers only: it may allocate.
func operationFor(method, path, version string) string {
	spec, ok := endpointVersions[endpointKey{method, path}]
	if bit := versionBit(version); ok && spec.in&bit != 0 {
		return spec.operation(bit)
	}
	if op, ok := operationIDs[method+" "+path]; ok {
		return op
	}
	return spec.op
}

// checkVersion refuses, before any I/O, a call that the API version asked
// for cannot serve: an endpoint the version does not have, or a request
// field (of the body or the query) that it does not have, as declared by
// the field's intercom tag (see fieldGates). Versions the SDK does not know
// (anything but 2.10 to 2.16), Client.Do's paths and templates missing from
// endpoint_versions.go are not checked.
func checkVersion(version string, e endpoint) error {
	bit := versionBit(version)
	if bit == 0 || e.literalPath {
		return nil
	}
	spec, ok := endpointVersions[endpointKey{e.method, e.path}]
	if ok && spec.in&bit == 0 {
		return &VersionError{APIVersion: version, Method: e.method, Path: e.path, Operation: spec.op, Versions: spec.in.list()}
	}
	for _, v := range [...]any{e.body, e.query} {
		if v == nil {
			continue
		}
		field, in, err := checkFields(reflect.ValueOf(v), bit)
		if vv, ok := v.(versionedValues); ok && field == "" && err == nil {
			field, in = vv.valuesIn(bit)
		}
		if err != nil {
			return err
		}
		if field != "" {
			op := spec.op
			if ok {
				op = spec.operation(bit)
			}
			return &VersionError{APIVersion: version, Method: e.method, Path: e.path, Operation: op, Field: field, Versions: in.list()}
		}
	}
	return nil
}

// A request type declares the versions a field exists in with an intercom
// struct tag: `intercom:"since=2.14"` (2.14 and later), `intercom:"until=2.13"`
// (up to 2.13), or both (`intercom:"since=2.12,until=2.13"`), with versions
// among apiVersions. checkVersion refuses a call that sets such a field
// (a value that is not zero, or an Opt that is not omitted) when the
// call's version is outside its range. Fields are found in the body and
// the query, in nested structs, pointers, slices, arrays and map values (a
// struct nested in itself is searched down to its first repetition). A
// malformed tag fails every call that sends its type, naming the field.

// typeGates is the plan of a type's gated fields; nil when it has none.
type typeGates struct {
	fields []gatedField
	err    error // a malformed intercom tag
}

// gatedField is a field that is gated itself, or holds gated fields.
type gatedField struct {
	index int
	name  string     // JSON (or query) name; "" for an embedded struct
	in    versionSet // the versions that have it (allVersions: not gated)
	elem  *typeGates // the gates of its value, after pointers and containers
}

// fieldGates caches the plan of each type: reflect.Type → *typeGates.
var fieldGates sync.Map

// gatesOf returns the plan of t, building it once.
func gatesOf(t reflect.Type) *typeGates {
	if g, ok := fieldGates.Load(t); ok {
		return g.(*typeGates)
	}
	g := buildGates(t, map[reflect.Type]bool{})
	g2, _ := fieldGates.LoadOrStore(t, g)
	return g2.(*typeGates)
}

// buildGates builds the plan of t; visiting guards against recursive types
// (a recursive part of a type is not searched for gates twice).
func buildGates(t reflect.Type, visiting map[reflect.Type]bool) *typeGates {
	t = containedType(t)
	if t.Kind() != reflect.Struct || visiting[t] {
		return nil
	}
	visiting[t] = true
	defer delete(visiting, t)
	var g typeGates
	opt := t.Implements(optionalType)
	for i := range t.NumField() {
		f := t.Field(i)
		inner := opt && f.Name == "value" // an Opt's value: its gates are the Opt's
		if !f.IsExported() && !f.Anonymous && !inner {
			continue
		}
		name := fieldName(f)
		if inner {
			name = ""
		}
		if name == "-" {
			continue
		}
		in := allVersions
		if tag, ok := f.Tag.Lookup("intercom"); ok {
			var err error
			if in, err = parseVersionTag(tag); err != nil {
				return &typeGates{err: fmt.Errorf("intercom: %s.%s: %w", t.Name(), f.Name, err)}
			}
		}
		elem := buildGates(f.Type, visiting)
		if elem != nil && elem.err != nil {
			return elem
		}
		if in != allVersions || elem != nil {
			g.fields = append(g.fields, gatedField{index: i, name: name, in: in, elem: elem})
		}
	}
	if len(g.fields) == 0 {
		return nil
	}
	return &g
}

// optionalType is implemented by Opt, whose value buildGates searches as
// it searches a pointer's.
var optionalType = reflect.TypeFor[interface{ isOptional() }]()

// containedType is t without the pointers, slices, arrays and maps around
// the type its values hold.
func containedType(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}

// fieldName is the name a field goes by on the wire: its json tag's, else
// its url tag's (query structs), else "" for an embedded struct or a field
// tagged `intercom:"inline"` (a type's own MarshalJSON inlines its
// content, as ArticleTranslatedContent's locales) and the Go name otherwise.
func fieldName(f reflect.StructField) string {
	if tag, ok := f.Tag.Lookup("intercom"); ok {
		for part := range strings.SplitSeq(tag, ",") {
			if strings.TrimSpace(part) == "inline" {
				return ""
			}
		}
	}
	for _, key := range []string{"json", "url"} {
		if tag, ok := f.Tag.Lookup(key); ok {
			name, _, _ := strings.Cut(tag, ",")
			if name != "" {
				return name
			}
		}
	}
	if f.Anonymous {
		return ""
	}
	return f.Name
}

// parseVersionTag reads the version options of an intercom tag: since=V
// and/or until=V. Its other options (nullable, see checkNulls; inline, see
// fieldName) are not about versions.
func parseVersionTag(tag string) (versionSet, error) {
	in := allVersions
	for part := range strings.SplitSeq(tag, ",") {
		part = strings.TrimSpace(part)
		if part == "nullable" || part == "inline" {
			continue
		}
		key, v, _ := strings.Cut(part, "=")
		bit := versionBit(v)
		if bit == 0 {
			return 0, fmt.Errorf("intercom tag %q: %q is not a version the SDK knows", tag, v)
		}
		switch key {
		case "since":
			in &^= bit - 1 // drop the versions before v
		case "until":
			in &= bit | (bit - 1) // keep v and those before it
		default:
			return 0, fmt.Errorf("intercom tag %q: want since=V or until=V", tag)
		}
	}
	if in == 0 {
		return 0, fmt.Errorf("intercom tag %q: no version has the field", tag)
	}
	return in, nil
}

// checkFields looks for a set field of v that the versions of bit lack. It
// returns the field's path and the versions that have it, or "" when there
// is none.
func checkFields(v reflect.Value, bit versionSet) (field string, in versionSet, err error) {
	g := gatesOf(v.Type())
	if g == nil {
		return "", 0, nil
	}
	if g.err != nil {
		return "", 0, g.err
	}
	return g.check(v, bit, "")
}

// check walks v (of the plan's type, or a pointer, slice, array or map of it).
func (g *typeGates) check(v reflect.Value, bit versionSet, prefix string) (string, versionSet, error) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return "", 0, nil
		}
		return g.check(v.Elem(), bit, prefix)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if f, in, err := g.check(v.Index(i), bit, prefix); f != "" || err != nil {
				return f, in, err
			}
		}
		return "", 0, nil
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if f, in, err := g.check(it.Value(), bit, prefix); f != "" || err != nil {
				return f, in, err
			}
		}
		return "", 0, nil
	case reflect.Struct:
	default:
		return "", 0, nil
	}
	for _, f := range g.fields {
		fv := v.Field(f.index)
		path := prefix + f.name
		if f.name == "" {
			path = strings.TrimSuffix(prefix, ".")
		}
		if f.in&bit == 0 && isSet(fv) {
			return path, f.in, nil
		}
		if f.elem != nil {
			next := path + "."
			if path == "" {
				next = ""
			}
			if p, in, err := f.elem.check(fv, bit, next); p != "" || err != nil {
				return p, in, err
			}
		}
	}
	return "", 0, nil
}

// isSet reports whether a field is sent: it is not empty by omitempty's
// rules (nil, zero, or of length 0), nor zero by its own IsZero (Opt,
// Timestamp), which omitzero uses.
func isSet(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return false
		}
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array:
		if v.Len() == 0 {
			return false
		}
	}
	if v.CanInterface() {
		if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
			return !z.IsZero()
		}
	}
	return !v.IsZero()
}

// versionedValues is a request (a body or a query) with a value that some
// versions lack though the field is in all of them (an enum value a
// version drops): valuesIn returns such a field, set to a value the
// versions of bit lack, and the versions that take it; "" when there is
// none. checkVersion refuses it as it refuses a field.
type versionedValues interface {
	valuesIn(bit versionSet) (field string, in versionSet)
}

// takesShapeOf reports whether version sends and answers the shapes that
// the versions of set do, where a request or response changed between
// versions: a version the SDK does not know is taken to be newer than all
// it knows (so in any set that runs to the newest).
func takesShapeOf(version string, set versionSet) bool {
	bit := versionBit(version)
	return bit == 0 || bit&set != 0
}

// versionedBody is a request body whose wire shape depends on the API
// version (ContactUpdateRequest's owner_id: a number before 2.16, a string
// from it). The request path encodes what bodyFor returns for the client's
// version, after the version and null checks of the body itself.
type versionedBody interface {
	bodyFor(version string) (any, error)
}

// endpointVersionError completes a *VersionError that a bodyFor returns
// (which names only the field and its versions) with the call's endpoint.
func endpointVersionError(err error, version string, e endpoint) error {
	var ve *VersionError
	if errors.As(err, &ve) && ve.Path == "" {
		ve.APIVersion, ve.Method, ve.Path = version, e.method, e.path
		ve.Operation = operationFor(e.method, e.path, version)
	}
	return err
}
