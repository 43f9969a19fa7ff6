// Package jsontest is the one JSON comparator of the module's tests: it
// checks that a model decoded from a JSON document keeps every value of
// the document, including the values a model may omit when encoding
// (false, 0, "", [], {}).
package jsontest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Lost returns the values of the JSON document doc that the model v (a
// pointer to the value decoded from doc) does not keep, one line per value,
// sorted: "$.a.b[2].c: want x, got y". v is encoded again with
// encoding/json and the two documents are compared leaf by leaf:
//
//   - a non-empty leaf (a string, a number other than 0, true) must be in the
//     encoding with the same text (so an id sent as a number may come back as
//     a string);
//   - a list must keep its length;
//   - an empty leaf (false, 0, "", [], {}) may be missing from the encoding,
//     since models omit empty fields; then a fresh model is decoded from doc
//     with that leaf replaced by a non-empty value of the same kind (true, 7,
//     "x", [{}], {"type":"x"}, …), and the encoding of that model must carry
//     it. A field the model lacks is found this way even when the example
//     only ever shows it empty. Lists of like elements are probed once per
//     field, not once per element;
//   - null is taken as absent, as Intercom sends it for unset values.
//
// knownLoss, when not nil, is asked about each lost value's path (with list
// indexes written as "[]") and drops those it returns true for. unmarshal
// decodes the probes (json.Unmarshal when nil): pass the decoder that
// decoded v.
func Lost(doc []byte, v any, unmarshal func([]byte, any) error, knownLoss func(path string) bool) ([]string, error) {
	if unmarshal == nil {
		unmarshal = json.Unmarshal
	}
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return nil, fmt.Errorf("jsontest: want a pointer to the decoded model, got %T", v)
	}
	want, err := decode(doc)
	if err != nil {
		return nil, fmt.Errorf("jsontest: the document: %w", err)
	}
	have, err := encode(v)
	if err != nil {
		return nil, err
	}
	c := &comparer{root: want, model: t.Elem(), probed: map[string]bool{}, knownLoss: knownLoss, unmarshal: unmarshal}
	c.compare(nil, want, have)
	sort.Strings(c.lost)
	return c.lost, nil
}

type comparer struct {
	root      any
	model     reflect.Type
	probed    map[string]bool // generic paths of empty leaves already probed
	knownLoss func(string) bool
	unmarshal func([]byte, any) error
	lost      []string
}

// step is a key of an object (string) or an index of a list (int).
type step = any

func (c *comparer) report(path []step, format string, args ...any) {
	if c.knownLoss != nil && c.knownLoss(genericPath(path)) {
		return
	}
	c.lost = append(c.lost, pathString(path)+": "+fmt.Sprintf(format, args...))
}

func (c *comparer) compare(path []step, want, have any) {
	switch w := want.(type) {
	case nil:
		return
	case map[string]any:
		h, ok := have.(map[string]any)
		if !ok {
			if len(w) == 0 {
				c.probe(path, want)
				return
			}
			if have == nil {
				// An object the model omitted whole: each of its values is
				// checked on its own (it may hold only empty values).
				h = map[string]any{}
			} else {
				c.report(path, "want an object, got %s", show(have))
				return
			}
		}
		if len(w) == 0 && len(h) == 0 {
			return
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.compare(append(path[:len(path):len(path)], k), w[k], h[k])
		}
	case []any:
		if len(w) == 0 {
			if h, ok := have.([]any); ok && len(h) == 0 {
				return
			}
			c.probe(path, want)
			return
		}
		h, ok := have.([]any)
		if !ok || len(h) != len(w) {
			c.report(path, "want %d items, got %s", len(w), show(have))
			return
		}
		for i := range w {
			c.compare(append(path[:len(path):len(path)], i), w[i], h[i])
		}
	default:
		if isEmpty(want) {
			if have != nil && text(want) == text(have) {
				return
			}
			c.probe(path, want)
			return
		}
		if have == nil {
			c.report(path, "want %s, got nothing", show(want))
			return
		}
		if text(want) != text(have) {
			c.report(path, "want %s, got %s", show(want), show(have))
		}
	}
}

// probes are the non-empty stand-ins for an empty value, by kind, in the
// order tried: the first that the model decodes must survive re-encoding.
func probes(empty any) []any {
	switch empty.(type) {
	case bool:
		return []any{true}
	case json.Number:
		return []any{json.Number("7")}
	case string:
		return []any{"x", "7"}
	case []any:
		return []any{[]any{map[string]any{}}, []any{"x"}, []any{json.Number("7")}, []any{true}}
	case map[string]any:
		return []any{
			map[string]any{"type": "x"}, map[string]any{"id": "7"}, map[string]any{"name": "x"},
			map[string]any{"value": "x"}, map[string]any{"x": "x"},
		}
	}
	return nil
}

// probe checks that the model keeps a non-empty value where doc has the
// empty value at path.
func (c *comparer) probe(path []step, empty any) {
	g := genericPath(path)
	if c.probed[g] {
		return
	}
	c.probed[g] = true
	decoded := false
	candidates := probes(empty)
	if _, ok := empty.(map[string]any); ok {
		// A struct keeps only its own keys: try those first.
		candidates = append(fieldProbes(typeAt(c.model, path)), candidates...)
	}
	for _, p := range candidates {
		doc, err := json.Marshal(replace(c.root, path, p))
		if err != nil {
			continue
		}
		m := reflect.New(c.model)
		if c.unmarshal(doc, m.Interface()) != nil {
			continue // not this kind of value: try the next
		}
		decoded = true
		enc, err := encode(m.Interface())
		if err != nil {
			continue
		}
		if kept(lookup(enc, path), p) {
			return
		}
	}
	if decoded {
		c.report(path, "%s dropped: the model does not keep this field", show(empty))
	} else {
		c.report(path, "%s: the model decodes no non-empty value here", show(empty))
	}
}

// typeAt follows path through the Go type t by the JSON names of struct
// fields (embedded ones included), list elements and map values; nil when
// the path leaves what the type declares.
func typeAt(t reflect.Type, path []step) reflect.Type {
	for _, s := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch k := s.(type) {
		case string:
			switch t.Kind() {
			case reflect.Struct:
				f, ok := fieldByJSONName(t, k)
				if !ok {
					return nil
				}
				t = f.Type
			case reflect.Map:
				t = t.Elem()
			default:
				return nil
			}
		case int:
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				return nil
			}
			t = t.Elem()
		}
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// jsonFields lists the fields of struct t under their JSON names, those of
// untagged embedded structs included.
func jsonFields(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			out = append(out, jsonFields(ft)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		f.Name = name
		out = append(out, f)
	}
	return out
}

func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for _, f := range jsonFields(t) {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// fieldProbes are objects of one key of struct t each, with a value of the
// field's kind.
func fieldProbes(t reflect.Type) []any {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []any
	for _, f := range jsonFields(t) {
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		var v any
		switch ft.Kind() {
		case reflect.String:
			v = "x"
		case reflect.Bool:
			v = true
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			v = json.Number("7")
		default:
			continue
		}
		out = append(out, map[string]any{f.Name: v})
	}
	return out
}

// kept reports whether got carries the probe p.
func kept(got, p any) bool {
	switch pv := p.(type) {
	case []any:
		g, ok := got.([]any)
		return ok && len(g) == len(pv)
	case map[string]any:
		g, ok := got.(map[string]any)
		return ok && len(g) > 0
	}
	return got != nil && text(got) == text(p)
}

// replace returns a copy of doc with the value at path set to v.
func replace(doc any, path []step, v any) any {
	if len(path) == 0 {
		return v
	}
	switch d := doc.(type) {
	case map[string]any:
		k := path[0].(string)
		out := make(map[string]any, len(d))
		for kk, vv := range d {
			out[kk] = vv
		}
		out[k] = replace(d[k], path[1:], v)
		return out
	case []any:
		i := path[0].(int)
		out := append([]any(nil), d...)
		out[i] = replace(d[i], path[1:], v)
		return out
	}
	return doc
}

// lookup returns the value at path, or nil.
func lookup(doc any, path []step) any {
	for _, s := range path {
		switch d := doc.(type) {
		case map[string]any:
			k, ok := s.(string)
			if !ok {
				return nil
			}
			doc = d[k]
		case []any:
			i, ok := s.(int)
			if !ok || i >= len(d) {
				return nil
			}
			doc = d[i]
		default:
			return nil
		}
	}
	return doc
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case string:
		return x == ""
	case json.Number:
		f, err := x.Float64()
		return err == nil && f == 0
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// text renders a leaf for comparison: numbers and strings compare as text,
// since ids arrive as either.
func text(v any) string { return fmt.Sprint(v) }

func show(v any) string {
	if v == nil {
		return "nothing"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

func pathString(path []step) string {
	var b strings.Builder
	b.WriteString("$")
	for _, s := range path {
		switch x := s.(type) {
		case string:
			b.WriteString("." + x)
		case int:
			b.WriteString("[" + strconv.Itoa(x) + "]")
		}
	}
	return b.String()
}

// genericPath is the path with every list index written as "[]".
func genericPath(path []step) string {
	var b strings.Builder
	b.WriteString("$")
	for _, s := range path {
		switch x := s.(type) {
		case string:
			b.WriteString("." + x)
		case int:
			b.WriteString("[]")
		}
	}
	return b.String()
}

func decode(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

func encode(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("jsontest: encoding the model: %w", err)
	}
	return decode(b)
}
