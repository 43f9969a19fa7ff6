package intercom

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"
)

// Ids are plain strings in the models, so that an id read from a model goes
// into a method or a request field as it is. Intercom sends some of them as
// JSON numbers (a contact's owner_id, a team's admin_ids, …), which
// encoding/json refuses to put into a string. Rather than scanning every body
// for numbers before decoding (a pass over a page of contacts costs about as
// much as 5% of decoding it) or decoding twice, the decoder is handed a
// shadow of the model's type: a type built once by reflection with the same
// memory layout, in which each id field (a string whose JSON name is "id" or
// ends in "_id", a []string whose name ends in "_ids") is an idString, which
// accepts both. The body is decoded straight into the caller's value seen
// through the shadow type: one pass, no copy, and ids cost what they cost
// when they had an UnmarshalJSON of their own.

// idString is a string id field as the decoder sees it: it accepts a JSON
// string, a JSON number (whose literal becomes the id, every digit kept) or
// null.
type idString string

// UnmarshalJSON accepts a JSON string, a JSON number, or null.
func (id *idString) UnmarshalJSON(b []byte) error {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		// Fast path: no escapes in ordinary ids. Invalid UTF-8 takes the slow
		// path, which turns it into U+FFFD like every other decoded string.
		if inner := b[1 : len(b)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
			*id = idString(inner)
			return nil
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = idString(s)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	if isPlainInteger(b) {
		*id = idString(b)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*id = idString(n.String())
	return nil
}

var (
	stringType        = reflect.TypeFor[string]()
	stringSliceType   = reflect.TypeFor[[]string]()
	idStringType      = reflect.TypeFor[idString]()
	idStringSliceType = reflect.TypeFor[[]idString]()
	jsonUnmarshaler   = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler   = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
)

// idShadows caches idShadow: reflect.Type → its shadow (itself when it has
// no id field to relax). shadowOrigins maps each shadow back, for errors.
var idShadows, shadowOrigins sync.Map

// idShadow returns the type the decoder sees for t: t itself when nothing in
// it is a string id field, else a type of identical layout in which those
// fields are idString.
func idShadow(t reflect.Type) reflect.Type {
	if s, ok := idShadows.Load(t); ok {
		return s.(reflect.Type)
	}
	s := buildShadow(t, map[reflect.Type]bool{})
	idShadows.Store(t, s)
	return s
}

// isIDName reports whether a JSON member name names an id.
func isIDName(name string) bool {
	name = strings.ToLower(name) // encoding/json matches names case-insensitively
	return name == "id" || strings.HasSuffix(name, "_id")
}

// isIDListName reports whether a JSON member name names a list of ids.
func isIDListName(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), "_ids")
}

// jsonName is the member name encoding/json gives a struct field ("" when
// the field is not decoded).
func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name
}

func buildShadow(t reflect.Type, visiting map[reflect.Type]bool) reflect.Type {
	switch t.Kind() {
	case reflect.Pointer:
		if e := buildShadow(t.Elem(), visiting); e != t.Elem() {
			return reflect.PointerTo(e)
		}
		return t
	case reflect.Slice:
		if e := buildShadow(t.Elem(), visiting); e != t.Elem() {
			return reflect.SliceOf(e)
		}
		return t
	case reflect.Array:
		if e := buildShadow(t.Elem(), visiting); e != t.Elem() {
			return reflect.ArrayOf(t.Len(), e)
		}
		return t
	case reflect.Map:
		if e := buildShadow(t.Elem(), visiting); e != t.Elem() {
			return reflect.MapOf(t.Key(), e)
		}
		return t
	case reflect.Struct:
	default:
		return t
	}
	// A type that decodes itself is left alone (the models' UnmarshalJSON
	// methods decode through unmarshalModel, with shadows of their own), as
	// is a type that contains itself (StructOf cannot build cycles) and one
	// with unexported fields (time.Time, …), below.
	if pt := reflect.PointerTo(t); pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler) || visiting[t] {
		return t
	}
	visiting[t] = true
	defer delete(visiting, t)
	fields := make([]reflect.StructField, t.NumField())
	changed := false
	for i := range fields {
		f := t.Field(i)
		name := f.Name
		if !f.IsExported() {
			if !f.Anonymous || f.Type.Kind() != reflect.Struct {
				return t // StructOf takes exported fields only
			}
			// An embedded struct of an unexported type (the models'
			// decoding helpers embed their fields so): encoding/json
			// promotes its fields whatever the name, so an exported one does.
			name = strings.ToUpper(name[:1]) + name[1:]
		}
		ft := f.Type
		switch name := jsonName(f); {
		case name == "":
		case ft == stringType && isIDName(name):
			ft = idStringType
		case ft == stringSliceType && isIDListName(name):
			ft = idStringSliceType
		default:
			ft = buildShadow(ft, visiting)
		}
		changed = changed || ft != f.Type
		fields[i] = reflect.StructField{Name: name, Type: ft, Tag: f.Tag, Anonymous: f.Anonymous}
	}
	if !changed {
		return t
	}
	s, ok := structOf(fields)
	if !ok || !sameLayout(t, s) {
		return t
	}
	shadowOrigins.Store(s, t)
	return s
}

// structOf is reflect.StructOf, reporting its panics (on field kinds it does
// not support) as false.
func structOf(fields []reflect.StructField) (s reflect.Type, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = nil, false
		}
	}()
	return reflect.StructOf(fields), true
}

// sameLayout reports whether a and b lay out their fields alike, so that a
// value of one may be seen as the other.
func sameLayout(a, b reflect.Type) bool {
	if a.Size() != b.Size() || a.Align() != b.Align() || a.NumField() != b.NumField() {
		return false
	}
	for i := range a.NumField() {
		fa, fb := a.Field(i), b.Field(i)
		if fa.Offset != fb.Offset || fa.Type.Size() != fb.Type.Size() || fa.Type.Kind() != fb.Type.Kind() {
			return false
		}
	}
	return true
}

// withLenientIDs returns out (a pointer) seen as a pointer to its type's
// shadow, or out itself when the type has no id field to relax.
func withLenientIDs(out any) any {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return out
	}
	t := v.Type().Elem()
	s := idShadow(t)
	if s == t {
		return out
	}
	return reflect.NewAt(s, v.UnsafePointer()).Interface()
}

// unmarshalModel is json.Unmarshal for the SDK's models: ids may arrive as
// numbers. The UnmarshalJSON methods of the models decode through it.
func unmarshalModel(b []byte, out any) error {
	return originalTypes(json.Unmarshal(b, withLenientIDs(out)))
}

// originalTypes rewrites a type error that names a shadow type to name the
// model's type instead.
func originalTypes(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Type != nil {
		if t, ok := shadowOrigins.Load(te.Type); ok {
			te.Type = t.(reflect.Type)
		}
	}
	return err
}

// Unmarshal decodes JSON as Intercom sends it into v (a pointer to one of
// the SDK's models, or to anything else json.Unmarshal takes), as the client
// does: ids that arrive as JSON numbers decode into the string id fields
// with every digit. Use it for bodies the client did not fetch itself
// (stored responses, a proxy's cache).
func Unmarshal(data []byte, v any) error {
	return decodeJSON(data, v)
}
