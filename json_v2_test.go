//go:build go1.27 && goexperiment.jsonv2

package intercom

import (
	"encoding/json"
	"encoding/json/jsontext"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// Every test of the package checks the decodes that go through
// encoding/json/v2 (decodeJSON) against encoding/json: the same value when
// v2 succeeds, and a v2 failure only where v1 fails too or on input v2
// rejects by design (duplicate names, invalid UTF-8: syntactic errors),
// where decodeJSON falls back to v1. A disagreement panics, naming the type
// and the body, whichever test it happens in.
func init() {
	check := checkDecodeAgainstV1
	decodeJSONCheck.Store(&check)
}

func checkDecodeAgainstV1(body []byte, out any, v2Err error) {
	ref := reflect.New(reflect.TypeOf(out).Elem())
	v1Err := unmarshalModel(body, ref.Interface())
	var syntactic *jsontext.SyntacticError
	switch {
	case v2Err == nil && v1Err != nil:
		panic(fmt.Sprintf("decodeJSON: encoding/json/v2 accepted what encoding/json rejects (%v), into %T: %.300q", v1Err, out, body))
	case v2Err == nil && !reflect.DeepEqual(ref.Elem().Interface(), reflect.ValueOf(out).Elem().Interface()):
		panic(fmt.Sprintf("decodeJSON: encoding/json/v2 and encoding/json disagree on %T:\nv2: %#v\nv1: %#v\nbody: %.300q",
			out, reflect.ValueOf(out).Elem().Interface(), ref.Elem().Interface(), body))
	case v2Err != nil && v1Err == nil && !errors.As(v2Err, &syntactic):
		panic(fmt.Sprintf("decodeJSON: encoding/json/v2 rejects what encoding/json accepts, into %T: %v\nbody: %.300q", out, v2Err, body))
	}
}

// pauseDecodeCheck turns the check off until tb ends, for measurements.
func pauseDecodeCheck(tb testing.TB) {
	check := decodeJSONCheck.Swap(nil)
	tb.Cleanup(func() { decodeJSONCheck.Store(check) })
}

// BenchmarkDecodeContactPage decodes a page of 150 contacts (about 300 KB)
// the two ways Go 1.27 can: json.Unmarshal, which is encoding/json/v2 in v1's
// legacy mode calling the UnmarshalJSONFrom methods, and decodeJSON, which
// uses encoding/json/v2's own API.
//
//	GOTOOLCHAIN=go1.27.3 go test -run '^$' -bench DecodeContactPage -benchmem -count 6 .
func BenchmarkDecodeContactPage(b *testing.B) {
	pauseDecodeCheck(b)
	page := fakeContactPage(0, benchPerPage, benchPerPage)
	for _, d := range []struct {
		name string
		fn   func([]byte, any) error
	}{{"json.Unmarshal", json.Unmarshal}, {"decodeJSON", decodeJSON}} {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				var l ContactList
				if err := d.fn(page, &l); err != nil || len(l.Data) != benchPerPage {
					b.Fatal(err, len(l.Data))
				}
			}
		})
	}
}
