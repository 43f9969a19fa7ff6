package intercom

import (
	"reflect"
	"strings"
	"sync"
)

// Null is sent only where Intercom accepts it. An Opt field that may be
// null carries the struct tag option `intercom:"nullable"`; the shared
// request path (checkNulls, before any I/O) refuses Null anywhere else with
// an ErrInvalidRequest naming the field, so that no request type needs a
// check of its own.

// nuller is implemented by every Opt.
type nuller interface{ IsNull() bool }

// optValuer is an Opt, whose value checkNulls searches too.
type optValuer interface{ optValue() (any, bool) }

var nullerType = reflect.TypeFor[nuller]()

// nullField is one field of a request type that checkNulls looks at.
type nullField struct {
	index    int
	name     string // its JSON name
	opt      bool   // an Opt: refused when null unless nullable
	nullable bool
	nested   bool // a struct, pointer to struct or slice of structs to walk
}

// nullPlans caches the fields to look at per struct type.
var nullPlans sync.Map // reflect.Type → []nullField

func nullPlan(t reflect.Type) []nullField {
	if p, ok := nullPlans.Load(t); ok {
		return p.([]nullField)
	}
	var plan []nullField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" && !hasTagOption(f.Tag.Get("intercom"), "inline") {
			name = f.Name
		}
		nf := nullField{index: i, name: name, nullable: hasTagOption(f.Tag.Get("intercom"), "nullable")}
		switch ft := f.Type; {
		case ft.Implements(nullerType):
			nf.opt = true
		case ft.Kind() == reflect.Struct,
			ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct,
			ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct,
			ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct:
			nf.nested = true
		default:
			continue
		}
		plan = append(plan, nf)
	}
	nullPlans.Store(t, plan)
	return plan
}

// hasTagOption reports whether a comma-separated tag holds opt.
func hasTagOption(tag, opt string) bool {
	for o := range strings.SplitSeq(tag, ",") {
		if strings.TrimSpace(o) == opt {
			return true
		}
	}
	return false
}

// checkNulls refuses a request body with Null in a field that is not
// nullable, naming the first such field by name (nested fields as
// "parent.child").
func checkNulls(body any) error {
	v := reflect.ValueOf(body)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	first := ""
	walkNulls(v, "", &first)
	if first != "" {
		return invalid(first, "cannot be null: Intercom does not accept null for it (leave the field unset instead)")
	}
	return nil
}

func walkNulls(v reflect.Value, prefix string, first *string) {
	for _, f := range nullPlan(v.Type()) {
		fv := v.Field(f.index)
		name := prefix + f.name
		next := name + "."
		if f.name == "" { // inlined (intercom:"inline")
			name, next = strings.TrimSuffix(prefix, "."), prefix
		}
		switch {
		case f.opt:
			if !f.nullable && fv.Interface().(nuller).IsNull() && (*first == "" || name < *first) {
				*first = name
			}
			if ov, ok := fv.Interface().(optValuer); ok {
				if val, set := ov.optValue(); set {
					if rv := reflect.ValueOf(val); rv.Kind() == reflect.Struct {
						walkNulls(rv, next, first)
					}
				}
			}
		case fv.Kind() == reflect.Map:
			for it := fv.MapRange(); it.Next(); {
				walkNulls(it.Value(), next, first)
			}
		case fv.Kind() == reflect.Struct:
			walkNulls(fv, next, first)
		case fv.Kind() == reflect.Pointer:
			if !fv.IsNil() {
				walkNulls(fv.Elem(), next, first)
			}
		case fv.Kind() == reflect.Slice:
			for i := range fv.Len() {
				walkNulls(fv.Index(i), next, first)
			}
		}
	}
}
