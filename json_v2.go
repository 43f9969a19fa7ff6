//go:build go1.27 && goexperiment.jsonv2

// Decoders native to encoding/json/v2. Go 1.27 turns the jsonv2 experiment on
// by default: encoding/json is then backed by encoding/json/v2, which calls
// UnmarshalJSONFrom in preference to UnmarshalJSON.
//
// Both halves of the constraint are needed. Go 1.27 built with
// GOEXPERIMENT=nojsonv2 has no encoding/json/v2; and the go1.27 tag is what
// lets this file use it at all, as the module's go directive is older (the
// file's language version becomes go1.27). Go 1.25 and 1.26 with
// GOEXPERIMENT=jsonv2 use the UnmarshalJSON methods, which work there too.
//
// Each method follows the UnmarshalJSON of its type exactly
// (FuzzDecodersAgree checks it on the fuzz corpora); anything but the common
// shapes is handed to UnmarshalJSON itself.

package intercom

import (
	"encoding/json"
	"encoding/json/jsontext"
	jsonv2 "encoding/json/v2"
	"reflect"
	"sync/atomic"
)

// decodeJSON decodes a response body into out. Through encoding/json/v2's
// own API the decode takes about 0.86 of the time encoding/json takes on the
// same Go (which is v2 in v1's legacy mode: it validates the whole input
// before decoding, tolerates duplicate names and invalid UTF-8, and keeps
// going after a type error to report the first one). The result is the same
// as json.Unmarshal's:
//
//   - only a zero value of one of this package's types is decoded that way
//     (a fresh model, as call passes): the SDK's models are known to decode
//     alike under both (FuzzDecodersAgree; the spec tests run every example
//     through here), and v1's merging into non-zero values does not arise;
//   - names match case-insensitively, as in v1;
//   - any error (invalid JSON, a type mismatch, and the inputs that only v2
//     rejects: duplicate names, invalid UTF-8) zeroes out and decodes again
//     with json.Unmarshal, whose result and error are returned: errors stay
//     *json.SyntaxError, *json.UnmarshalTypeError or the SDK's own.
func decodeJSON(body []byte, out any) error {
	if !v2Decodable(out) {
		return unmarshalModel(body, out)
	}
	err := jsonv2.Unmarshal(body, withLenientIDs(out), v2DecodeOptions)
	if check := decodeJSONCheck.Load(); check != nil {
		(*check)(body, out, err)
	}
	if err == nil {
		return nil
	}
	reflect.ValueOf(out).Elem().SetZero()
	return unmarshalModel(body, out)
}

// decodeJSONCheck, set by tests only, sees every decode that took the v2
// path, with its result, before any fallback.
var decodeJSONCheck atomic.Pointer[func(body []byte, out any, v2Err error)]

var v2DecodeOptions = jsonv2.JoinOptions(
	jsonv2.MatchCaseInsensitiveNames(true),
	json.MatchCaseSensitiveDelimiter(true), // case-insensitive as in v1: "a_b" never matches "aB"
)

var packagePath = reflect.TypeFor[Client]().PkgPath()

// v2Decodable reports whether out points to a zero value of a type declared
// in this package.
func v2Decodable(out any) bool {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	e := v.Elem()
	return e.Type().PkgPath() == packagePath && e.IsZero()
}

// UnmarshalJSONFrom is UnmarshalJSON for encoding/json/v2, which Go 1.27's
// encoding/json uses. A string id is decoded by the decoder itself, which
// reuses the string of an id it has just seen (a page's repeated tag and
// company ids), as it does for plain string fields.
func (id *idString) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	switch dec.PeekKind() {
	case '"':
		return jsonv2.UnmarshalDecode(dec, (*string)(id))
	case '0':
		// A number: its literal is the id, as in UnmarshalJSON.
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		*id = idString(v)
		return nil
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	return id.UnmarshalJSON(v)
}

// UnmarshalJSONFrom is UnmarshalJSON for encoding/json/v2, which Go 1.27's
// encoding/json uses: it reads the value in place and parses it with the
// same rules, without allocating for Unix seconds.
func (t *Timestamp) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	return t.UnmarshalJSON(v)
}

// UnmarshalJSONFrom is UnmarshalJSON for encoding/json/v2, which Go 1.27's
// encoding/json uses: the object form is decoded from the stream instead of
// from a copy of it.
func (n *PageNext) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	switch dec.PeekKind() {
	case 'n':
		if _, err := dec.ReadValue(); err != nil {
			return err
		}
		*n = PageNext{}
		return nil
	case '"':
		var s string
		if err := jsonv2.UnmarshalDecode(dec, &s); err != nil {
			return err
		}
		*n = PageNext{URL: s}
		return nil
	case '{':
		var o pageNextWire
		if err := jsonv2.UnmarshalDecode(dec, &o); err != nil {
			return err
		}
		*n = o.pageNext()
		return nil
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	return n.UnmarshalJSON(v)
}
