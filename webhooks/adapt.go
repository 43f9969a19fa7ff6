package webhooks

// Shape adapters: where a webhook item's JSON differs from the REST API's
// model of the same object, the item is rewritten to the API's shape before
// it is decoded into the model.

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// envelopeOpaqueKeys are the envelope keys left alone when adapting its
// shape: the item is kept as sent.
var envelopeOpaqueKeys = map[string]bool{"data": true, "links": true}

// freeFormKeys hold customer data, never adapted.
var freeFormKeys = map[string]bool{"custom_attributes": true, "metadata": true, "ticket_attributes": true}

// decodeAdapted decodes b into v. When that fails, it adapts the shapes in
// which webhooks differ from the REST API (see adaptShapes), applies fix to
// the top-level object, and decodes again; the first error is returned when
// nothing was adapted.
func decodeAdapted(b []byte, v any, opaque map[string]bool, fix func(map[string]any) bool) error {
	err := json.Unmarshal(b, v)
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
	changed := adaptShapes(tree, opaque)
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
	return json.Unmarshal(adapted, v)
}

// adaptShapes rewrites, in place, the shapes in which webhook items differ
// from the REST API's models, and reports whether it changed anything:
//
//   - timestamps (keys ending in _at, snoozed_until, waiting_since) sent as
//     RFC 3339 strings, digit strings or fractional numbers become Unix
//     seconds; empty strings become null;
//   - a ticket_state object (newer API versions) becomes its category, with
//     its labels moved to ticket_state_internal_label and
//     ticket_state_external_label.
//
// Free-form objects (custom attributes, metadata, ticket attributes) and the
// keys in opaque are left alone.
func adaptShapes(v any, opaque map[string]bool) bool {
	changed := false
	switch t := v.(type) {
	case map[string]any:
		var extra map[string]any
		for k, val := range t {
			if freeFormKeys[k] || opaque[k] {
				continue
			}
			if isTimestampKey(k) {
				if nv, ok := adaptTimestamp(val); ok {
					t[k] = nv
					changed = true
					continue
				}
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
			if adaptShapes(val, nil) {
				changed = true
			}
		}
		for k, val := range extra {
			t[k] = val
		}
	case []any:
		for _, e := range t {
			if adaptShapes(e, nil) {
				changed = true
			}
		}
	}
	return changed
}

func isTimestampKey(k string) bool {
	return strings.HasSuffix(k, "_at") || k == "snoozed_until" || k == "waiting_since"
}

// adaptTimestamp converts a timestamp sent in another form into Unix seconds.
func adaptTimestamp(v any) (any, bool) {
	switch t := v.(type) {
	case string:
		s := strings.TrimSpace(t)
		if s == "" {
			return nil, true
		}
		if isDigits(s) {
			return json.Number(s), true
		}
		if tm, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return json.Number(strconv.FormatInt(tm.Unix(), 10)), true
		}
	case json.Number:
		if isDigits(strings.TrimPrefix(string(t), "-")) {
			return nil, false
		}
		if f, err := t.Float64(); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) && math.Abs(f) < 1<<62 {
			return json.Number(strconv.FormatInt(int64(f), 10)), true
		}
	}
	return nil, false
}

// isDigits reports whether s is 1 to 18 ASCII digits (fits an int64).
func isDigits(s string) bool {
	if s == "" || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
