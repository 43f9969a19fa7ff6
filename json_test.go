package intercom

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// idV1, timestampV1 and pageNextV1 decode with the UnmarshalJSON methods
// alone, as on Go 1.25 and 1.26: the reference the v2-native decoders of
// json_v2.go are held to.
type (
	idV1        idString
	timestampV1 Timestamp
	pageNextV1  PageNext
)

func (v *idV1) UnmarshalJSON(b []byte) error        { return (*idString)(v).UnmarshalJSON(b) }
func (v *timestampV1) UnmarshalJSON(b []byte) error { return (*Timestamp)(v).UnmarshalJSON(b) }
func (v *pageNextV1) UnmarshalJSON(b []byte) error  { return (*PageNext)(v).UnmarshalJSON(b) }

// agreeField holds a value between two other members, so that a decoder
// that reads too much or too little shows.
type agreeField[T any] struct {
	A int `json:"a"`
	V T   `json:"v"`
	Z int `json:"z"`
}

// FuzzDecodersAgree decodes any JSON value as an ID, a Timestamp and a
// PageNext, alone, as an object member and as an array element, and checks
// that every way the SDK decodes gives what the UnmarshalJSON methods give
// (the same value, or an error for both): json.Unmarshal, which on Go 1.27
// calls the UnmarshalJSONFrom methods, and decodeJSON, which on Go 1.27
// decodes with encoding/json/v2's own API (its test hook also checks, on
// every input, that v2 fails only where v1 does or on duplicate names and
// invalid UTF-8). On other builds both are the UnmarshalJSON methods. Its
// seeds are the corpora of FuzzIDUnmarshal and FuzzPageNext and the lenient
// timestamps.
func FuzzDecodersAgree(f *testing.F) {
	for _, dir := range []string{"FuzzIDUnmarshal", "FuzzPageNext"} {
		for _, seed := range readFuzzCorpus(f, filepath.Join("testdata", "fuzz", dir)) {
			f.Add(seed)
		}
	}
	for _, s := range []string{`1674917488`, `"1674917488"`, `""`, `null`, `1674917488.9`, `-1674917488.9`, `"2023-01-28T14:51:28Z"`,
		`"2023-01-28T14:51:28+02:00"`, `"yesterday"`, `-5`, `1e3`, `"1e3"`, `99999999999999999999`, `" 1674917488"`, `"\u0031"`, `{"x":1}`, `[1]`, `true`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodersAgree[idString, idV1](t, data)
		checkDecodersAgree[Timestamp, timestampV1](t, data)
		checkDecodersAgree[PageNext, pageNextV1](t, data)
	})
}

// agreeList is a list of values; declared here, it is one of the package's
// types, which decodeJSON decodes through encoding/json/v2 on Go 1.27.
type agreeList[T any] []T

// checkDecodersAgree checks data decoded as T against data decoded as R,
// T's UnmarshalJSON alone (R's underlying type is T).
func checkDecodersAgree[T, R any](t *testing.T, data []byte) {
	t.Helper()
	conv := func(r R) T { return reflect.ValueOf(r).Convert(reflect.TypeFor[T]()).Interface().(T) }
	decoders := []struct {
		name string
		fn   func([]byte, any) error
	}{{"json.Unmarshal", json.Unmarshal}, {"decodeJSON", decodeJSON}}

	var one R
	oneErr := json.Unmarshal(data, &one)
	member := append(append([]byte(`{"a":1,"v":`), data...), `,"z":2}`...)
	var inObject agreeField[R]
	objectErr := json.Unmarshal(member, &inObject)
	element := append(append([]byte(`[`), data...), `,null]`...)
	var inList agreeList[R]
	listErr := json.Unmarshal(element, &inList)

	for _, d := range decoders {
		var gotOne T
		err := d.fn(data, &gotOne)
		agree(t, d.name, data, conv(one), oneErr, gotOne, err)

		var gotObject agreeField[T]
		err = d.fn(member, &gotObject)
		agree(t, d.name, member, agreeField[T]{A: inObject.A, V: conv(inObject.V), Z: inObject.Z}, objectErr, gotObject, err)

		var gotList agreeList[T]
		err = d.fn(element, &gotList)
		var wantList agreeList[T]
		for _, r := range inList {
			wantList = append(wantList, conv(r))
		}
		agree(t, d.name, element, wantList, listErr, gotList, err)
	}
}

// agree fails t unless got and gotErr are what the reference gave: an
// error for both, or the same value.
func agree[V any](t *testing.T, how string, in []byte, want V, wantErr error, got V, gotErr error) {
	t.Helper()
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s into %T, %q: error %v; UnmarshalJSON alone: %v", how, got, in, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(want, got) {
		t.Fatalf("%s into %T, %q: %#v; UnmarshalJSON alone: %#v", how, got, in, got, want)
	}
}

// readFuzzCorpus reads the []byte inputs of a "go test fuzz v1" corpus.
func readFuzzCorpus(tb testing.TB, dir string) [][]byte {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 || lines[0] != "go test fuzz v1" || !strings.HasPrefix(lines[1], "[]byte(") || !strings.HasSuffix(lines[1], ")") {
			tb.Fatalf("%s: not a one-[]byte corpus entry", e.Name())
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		if err != nil {
			tb.Fatalf("%s: %v", e.Name(), err)
		}
		out = append(out, bytes.Clone([]byte(s)))
	}
	return out
}
