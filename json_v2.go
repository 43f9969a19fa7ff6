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
// (TestV2DecodersAgreeWithV1 checks it on the fuzz corpora); anything but
// the common shapes is handed to UnmarshalJSON itself.

package intercom

import (
	"encoding/json/jsontext"
	jsonv2 "encoding/json/v2"
)

// UnmarshalJSONFrom is UnmarshalJSON for encoding/json/v2, which Go 1.27's
// encoding/json uses. A string id is decoded by the decoder itself, which
// reuses the string of an id it has just seen (a page's repeated tag and
// company ids), as it does for plain string fields.
func (id *ID) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	switch dec.PeekKind() {
	case '"':
		return jsonv2.UnmarshalDecode(dec, (*string)(id))
	case '0':
		// A number: its literal is the id, as in UnmarshalJSON.
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		*id = ID(v)
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
