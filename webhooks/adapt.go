package webhooks

// Shape adapters: where a webhook item's JSON differs from the REST API's
// model of the same object, the item is rewritten to the API's shape before
// it is decoded into the model.

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"

	"github.com/go-intercom/intercom"
)

// freeFormKeys hold customer data, never adapted.
var freeFormKeys = map[string]bool{"custom_attributes": true, "metadata": true, "ticket_attributes": true}

// decodeAdapted decodes b into v. When that fails, it adapts the shapes in
// which webhooks differ from the REST API (see adaptShapes), applies fix to
// the top-level object, and decodes again; the first error is returned when
// nothing was adapted.
func decodeAdapted(b []byte, v any, fix func(map[string]any) bool) error {
	err := intercom.Unmarshal(b, v)
	if err == nil {
		return nil
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var tree any
	if d.Decode(&tree) != nil {
		return err
	}
	changed := adaptShapes(tree)
	if m, ok := tree.(map[string]any); ok && fix != nil && fix(m) {
		changed = true
	}
	if !changed {
		return err
	}
	adapted, mErr := json.Marshal(tree)
	if mErr != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero() // drop what the failed attempt filled in
	}
	return intercom.Unmarshal(adapted, v)
}

// adaptShapes rewrites, in place, the shapes in which webhook items differ
// from the REST API's models, and reports whether it changed anything: a
// ticket_state object (newer API versions), where a model that failed to
// decode it takes a category string, becomes its category, with its labels
// moved to ticket_state_internal_label and ticket_state_external_label
// (intercom.Ticket reads the object itself). (Timestamps need no rewriting:
// intercom.Timestamp itself reads the RFC 3339 strings, numeric strings and
// fractions webhooks send.)
//
// Free-form objects (custom attributes, metadata, ticket attributes) are left
// alone.
func adaptShapes(v any) bool {
	changed := false
	switch t := v.(type) {
	case map[string]any:
		var extra map[string]any
		for k, val := range t {
			if freeFormKeys[k] {
				continue
			}
			if k == "ticket_state" {
				if st, ok := val.(map[string]any); ok {
					t[k] = st["category"]
					for from, to := range map[string]string{"internal_label": "ticket_state_internal_label", "external_label": "ticket_state_external_label"} {
						if _, has := t[to]; !has && st[from] != nil {
							if extra == nil {
								extra = map[string]any{}
							}
							extra[to] = st[from]
						}
					}
					changed = true
					continue
				}
			}
			if adaptShapes(val) {
				changed = true
			}
		}
		for k, val := range extra {
			t[k] = val
		}
	case []any:
		for _, e := range t {
			if adaptShapes(e) {
				changed = true
			}
		}
	}
	return changed
}

// fixAdminAvatar turns the avatar object webhooks send for admins into the
// image URL string of the Admin model.
func fixAdminAvatar(m map[string]any) bool {
	av, ok := m["avatar"].(map[string]any)
	if !ok {
		return false
	}
	m["avatar"] = av["image_url"]
	return true
}
