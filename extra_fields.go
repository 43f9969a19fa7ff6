package intercom

import (
	"bytes"
	"encoding/json"
	"sort"
)

// decodeOther collects the keys of the JSON object b that are not in known.
func decodeOther(b []byte, known map[string]bool, dst *map[string]json.RawMessage) error {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	for k := range known {
		delete(all, k)
	}
	if len(all) == 0 {
		*dst = nil
		return nil
	}
	*dst = all
	return nil
}

// encodeWithOther encodes v (a struct) and merges the extra keys into it.
func encodeWithOther(v any, other map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(other) == 0 {
		return b, err
	}
	keys := make([]string, 0, len(other))
	for k := range other {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1])
	first := len(b) == 2
	for _, k := range keys {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(other[k])
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
