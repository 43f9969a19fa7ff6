package intercom

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// ID is an Intercom object identifier: a plain string, so that an id read
// from a model goes into any method or request field as it is, and so does
// an id held in a Go string. Intercom sends most ids as JSON strings and some
// as numbers (a contact's owner_id, a team's admin_ids, …); the client
// decodes both into the models' id fields, keeping every digit (see
// Unmarshal). Ids encode as JSON strings, except in the few request fields
// Intercom wants as integers.
type ID = string

// Timestamp is a point in time as Intercom sends it: whole seconds since the
// Unix epoch (the spec's "date-time" integers are not RFC 3339).
type Timestamp int64

// UnmarshalJSON reads Unix seconds as Intercom sends them, a JSON integer,
// and leniently also a numeric string ("1674917488"), a number with a
// fraction (truncated), an RFC 3339 string (as some webhook payloads carry)
// or null and "" (zero), so one odd field never fails a whole response.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	if n, ok := parseSeconds(b); ok {
		*t = Timestamp(n)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "" {
			*t = 0
			return nil
		}
		if n, ok := parseSeconds([]byte(s)); ok {
			*t = Timestamp(n)
			return nil
		}
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return fmt.Errorf("intercom: timestamp %q is neither Unix seconds nor RFC 3339", s)
		}
		*t = Timestamp(tm.Unix())
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*t = Timestamp(int64(f))
	return nil
}

// parseSeconds parses a plain decimal integer without allocating.
func parseSeconds(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// Time converts the timestamp to a time.Time in UTC; zero stays the zero time.
func (t Timestamp) Time() time.Time {
	if t == 0 {
		return time.Time{}
	}
	return time.Unix(int64(t), 0).UTC()
}

// UnixTime converts a time.Time to a Timestamp.
func UnixTime(t time.Time) Timestamp { return Timestamp(t.Unix()) }

// String formats the timestamp as RFC 3339, for printing.
func (t Timestamp) String() string {
	if t == 0 {
		return "0"
	}
	return t.Time().Format(time.RFC3339)
}

// itoa formats an int64 for query strings and ids.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// EncodeValues writes the timestamp into a query string as Unix seconds
// (go-querystring would otherwise use String); zero is left out.
func (t Timestamp) EncodeValues(key string, v *url.Values) error {
	if t != 0 {
		v.Set(key, itoa(int64(t)))
	}
	return nil
}

// isPlainInteger reports whether b is an optionally negative run of digits.
func isPlainInteger(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	if len(b) == 0 || (b[0] == '0' && len(b) > 1) {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// intBodyID is an id that request bodies carry as a JSON integer (author_id,
// sender_id, newsfeed_id, help_center_id, …): it encodes numeric text as a
// bare number and anything else as a string.
type intBodyID string

// MarshalJSON writes digits as a JSON number.
func (id intBodyID) MarshalJSON() ([]byte, error) {
	if isDigits(string(id)) {
		return []byte(id), nil
	}
	return json.Marshal(string(id))
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkIntID returns an invalid-request error when a non-empty id that must
// travel as an integer is not numeric.
func checkIntID(field, v string) error {
	if v != "" && !isDigits(v) {
		return invalid(field, "must be a numeric id, got "+v)
	}
	return nil
}
