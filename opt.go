package intercom

import (
	"encoding/json"
	"net/url"
)

// Opt is an optional request field that distinguishes three states: omitted
// (the zero Opt, left out of the request), null (sent as JSON null, which
// clears the value in Intercom) and a value. Use it with Some and Null:
//
//	intercom.ContactUpdateRequest{Phone: intercom.Null[string](), Name: intercom.Some("Ada")}
type Opt[T any] struct {
	value T
	set   bool
	null  bool
}

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{value: v, set: true} }

// Null returns an Opt that is sent as JSON null.
func Null[T any]() Opt[T] { return Opt[T]{set: true, null: true} }

// isOptional marks Opt for the version gate, which searches its value.
func (Opt[T]) isOptional() {}

// optValue returns the value and whether there is one, for the null check,
// which searches the value's own fields.
func (o Opt[T]) optValue() (any, bool) { return o.value, o.set && !o.null }

// IsZero reports whether the field is omitted; encoding/json's omitzero uses it.
func (o Opt[T]) IsZero() bool { return !o.set }

// IsNull reports whether the field is an explicit null.
func (o Opt[T]) IsNull() bool { return o.set && o.null }

// Get returns the value and whether there is one (false when omitted or null).
func (o Opt[T]) Get() (T, bool) { return o.value, o.set && !o.null }

// MarshalJSON encodes null or the value.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if !o.set || o.null {
		return []byte("null"), nil
	}
	return json.Marshal(o.value)
}

// UnmarshalJSON decodes null or a value, so request types round-trip.
func (o *Opt[T]) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*o = Null[T]()
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = Some(v)
	return nil
}

// EncodeValues lets go-querystring encode an Opt: omitted and null add nothing.
func (o Opt[T]) EncodeValues(key string, v *url.Values) error {
	val, ok := o.Get()
	if !ok {
		return nil
	}
	b, err := json.Marshal(val)
	if err != nil {
		return err
	}
	s := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	v.Set(key, s)
	return nil
}
