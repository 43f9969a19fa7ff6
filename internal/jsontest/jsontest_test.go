package jsontest

import (
	"encoding/json"
	"reflect"
	"testing"
)

type id string

func (i *id) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*i = id(n)
		return nil
	}
	var s string
	err := json.Unmarshal(b, &s)
	*i = id(s)
	return err
}

type inner struct {
	Type string `json:"type,omitempty"`
	Name string `json:"name,omitempty"`
}

type pages struct {
	Next string `json:"next,omitempty"`
}

type full struct {
	Pages  pages          `json:"pages,omitzero"`
	ID     id             `json:"id"`
	Name   string         `json:"name,omitempty"`
	Count  int            `json:"count,omitempty"`
	Flag   bool           `json:"flag,omitempty"`
	Note   string         `json:"note,omitempty"`
	Tags   []string       `json:"tags,omitempty"`
	Attrs  map[string]any `json:"attrs,omitempty"`
	Inner  inner          `json:"inner,omitzero"`
	Items  []inner        `json:"items,omitempty"`
	Absent *inner         `json:"absent,omitempty"`
}

// partial lacks count, flag, note, tags, attrs and items, and renames name.
type partial struct {
	ID    id     `json:"id"`
	Name  string `json:"title,omitempty"`
	Inner inner  `json:"inner,omitzero"`
}

const doc = `{"id":7,"name":"x","count":0,"flag":false,"note":"","tags":[],"attrs":{},"inner":{"type":"","name":"n"},` +
	`"items":[{"type":"a","name":""},{"type":"b","name":""}],"absent":null,"pages":{}}`

func lost(t *testing.T, v any, known func(string) bool) []string {
	t.Helper()
	if err := json.Unmarshal([]byte(doc), v); err != nil {
		t.Fatal(err)
	}
	got, err := Lost([]byte(doc), v, nil, known)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestLostKeepsEverything(t *testing.T) {
	t.Parallel()
	if got := lost(t, new(full), nil); len(got) != 0 {
		t.Errorf("a model with every field lost %q", got)
	}
}

func TestLostFindsDroppedFields(t *testing.T) {
	t.Parallel()
	want := []string{
		`$.attrs: {} dropped: the model does not keep this field`,
		`$.count: 0 dropped: the model does not keep this field`,
		`$.flag: false dropped: the model does not keep this field`,
		`$.items: want 2 items, got nothing`,
		`$.name: want "x", got nothing`,
		`$.note: "" dropped: the model does not keep this field`,
		`$.pages: {} dropped: the model does not keep this field`,
		`$.tags: [] dropped: the model does not keep this field`,
	}
	if got := lost(t, new(partial), nil); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	known := func(p string) bool { return p == "$.items" || p == "$.name" }
	wantKnown := []string{want[0], want[1], want[2], want[5], want[6], want[7]}
	if got := lost(t, new(partial), known); !reflect.DeepEqual(got, wantKnown) {
		t.Errorf("known losses not dropped: got %q, want %q", got, wantKnown)
	}
}

func TestLostFindsChangedValues(t *testing.T) {
	t.Parallel()
	v := new(full)
	if err := json.Unmarshal([]byte(doc), v); err != nil {
		t.Fatal(err)
	}
	v.Items[1].Type = "c"
	v.ID = "8"
	got, err := Lost([]byte(doc), v, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`$.id: want 7, got "8"`, `$.items[1].type: want "b", got "c"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLostNeedsAPointer(t *testing.T) {
	t.Parallel()
	if _, err := Lost([]byte(doc), full{}, nil, nil); err == nil {
		t.Error("a value, not a pointer, was accepted")
	}
}
