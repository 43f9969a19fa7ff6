package intercom

// Fuzz targets for the code that reads what servers send: error bodies, ids,
// the pagination block, and the cursor walk of the iterators. Seed corpora
// live in testdata/fuzz/<Name>/; run one with
//
//	go test -run XXX -fuzz FuzzAPIErrorDecode -fuzztime 2m .

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzToken is the token on the requests of FuzzAPIErrorDecode; a body that
// echoes it must not carry it into the error.
const fuzzToken = "tok_FUZZ_secret_5f3c9a1e"

// FuzzAPIErrorDecode builds an *APIError from any status, body and
// rate-limit headers: it never panics, keeps the status, has a short
// non-empty message that never contains the token, and matches exactly the
// sentinel of its status.
func FuzzAPIErrorDecode(f *testing.F) {
	f.Add(404, []byte(`{"type":"error.list","request_id":"r-1","errors":[{"code":"not_found","message":"Resource Not Found"}]}`), "", "", "")
	f.Add(429, []byte(`{"type":"error.list","errors":[{"code":"rate_limit_exceeded"}]}`), "", "1700000000", "hdr-req")
	f.Add(502, []byte("<html><body>502 Bad Gateway</body></html>"), "", "", "")
	f.Add(503, []byte(""), "120", "", "")
	f.Add(401, []byte(`{"message":"bad token `+fuzzToken+`"}`), "", "", "")
	f.Add(999, []byte("\xff\xfe\x00binary"), "-5", "99999999999999999999", "")
	f.Fuzz(func(t *testing.T, status int, body []byte, retryAfterHdr, resetHdr, requestID string) {
		req, err := http.NewRequest(http.MethodGet, "https://api.intercom.io/contacts/1", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+fuzzToken)
		h := http.Header{}
		for k, v := range map[string]string{"Retry-After": retryAfterHdr, "X-RateLimit-Reset": resetHdr, "X-Request-Id": requestID} {
			if v != "" {
				h.Set(k, v)
			}
		}
		resp := &http.Response{StatusCode: status, Header: h, Request: req}
		tok := secretOf(req.Header.Get("Authorization"))
		e := newAPIError(newResponse(resp, tok), body, tok)
		if e == nil {
			t.Fatal("nil *APIError")
		}
		if e.StatusCode != status {
			t.Fatalf("status %d, want %d", e.StatusCode, status)
		}
		msg := e.Error()
		if !strings.HasPrefix(msg, "intercom: "+strconv.Itoa(status)) {
			t.Fatalf("message %q does not start with the status", msg)
		}
		if len(msg) > 48<<10 {
			t.Fatalf("message of %d bytes", len(msg))
		}
		var err2 error = e
		var back *APIError
		if !errors.As(err2, &back) || back != e {
			t.Fatal("errors.As does not find the *APIError")
		}
		if got, want := errors.Is(e, ErrServer), status >= 500; got != want {
			t.Fatalf("Is(ErrServer)=%v for %d", got, status)
		}
		if got, want := errors.Is(e, ErrNotFound), status == 404; got != want {
			t.Fatalf("Is(ErrNotFound)=%v for %d", got, status)
		}
		if got, want := errors.Is(e, ErrRateLimited), status == 429; got != want {
			t.Fatalf("Is(ErrRateLimited)=%v for %d", got, status)
		}
		if got, want := errors.Is(e, ErrValidation), status == 400 || status == 422; got != want {
			t.Fatalf("Is(ErrValidation)=%v for %d", got, status)
		}
		if errors.Is(e, ErrInvalidRequest) || errors.Is(e, ErrUnexpectedResponse) {
			t.Fatal("an APIError matches a client-side sentinel")
		}
		if e.RetryAfter < 0 {
			t.Fatalf("negative RetryAfter %v", e.RetryAfter)
		}
		if !utf8.ValidString(e.Snippet) || len(e.Snippet) > snippetLen+len("…") {
			t.Fatalf("snippet %q (%d bytes)", e.Snippet, len(e.Snippet))
		}
		if len(e.Errors) > 0 && e.Snippet != "" {
			t.Fatal("both entries and a snippet")
		}
		for _, s := range []string{msg, e.Snippet, e.RequestID, fmt.Sprintf("%+v", e.Errors), e.Response.Request.Header.Get("Authorization")} {
			if strings.Contains(s, fuzzToken) {
				t.Fatalf("the token leaked into %q", s)
			}
		}
		if req.Header.Get("Authorization") != "Bearer "+fuzzToken {
			t.Fatal("the request the transport used was modified")
		}
	})
}

// FuzzIDUnmarshal decodes any JSON value into an id field (idString, what
// the decoder sees in place of a model's string id): strings keep their
// decoded text, numbers their literal digits, null leaves the id alone;
// whatever decodes encodes back to the same id. Direct calls with invalid
// JSON never panic.
func FuzzIDUnmarshal(f *testing.F) {
	for _, s := range []string{`"6643703ffae7834d1792fd30"`, `991267785`, `12345678901234567890`, `-1.5e3`, `null`, `"with \"quote\" and \u00e9"`, `{"id":1}`, "\"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var direct idString
		_ = direct.UnmarshalJSON(data) // any bytes: no panic

		var id idString
		err := json.Unmarshal(data, &id)
		if !json.Valid(data) {
			if err == nil {
				t.Fatalf("accepted invalid JSON %q", data)
			}
			return
		}
		trimmed := bytes.TrimSpace(data)
		switch trimmed[0] {
		case '"':
			var s string
			if json.Unmarshal(data, &s) != nil {
				t.Fatalf("valid JSON string %q does not decode as a string", data)
			}
			if err != nil || id != idString(s) {
				t.Fatalf("%q: got %q (%v), want %q", data, id, err, s)
			}
		case 'n':
			if err != nil || id != "" {
				t.Fatalf("null: got %q (%v)", id, err)
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if err != nil || id != idString(trimmed) {
				t.Fatalf("number %q: got %q (%v)", data, id, err)
			}
		default:
			if err == nil {
				t.Fatalf("%q (not a string, number or null) decoded to %q", data, id)
			}
			return
		}
		if err == nil {
			var again idString
			if direct.UnmarshalJSON(trimmed) != nil || direct != id {
				t.Fatalf("direct call on %q gave %q, json.Unmarshal %q", trimmed, direct, id)
			}
			b, err := json.Marshal(id)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &again); err != nil || again != id {
				t.Fatalf("round trip %q -> %s -> %q (%v)", id, b, again, err)
			}
			if !utf8.ValidString(string(id)) {
				t.Fatalf("decoded id %q is not valid UTF-8", id)
			}
		}
	})
}

// FuzzPageNext decodes any "next" value; whatever decodes re-encodes to a
// value that decodes to the same PageNext, and re-encodes byte for byte.
func FuzzPageNext(f *testing.F) {
	for _, s := range []string{`{"page":2,"per_page":50,"starting_after":"WzE3MDE="}`, `"https://api.intercom.io/articles?page=2"`, `null`, `{}`, `{"starting_after":null}`, `{"per_page":0,"page":0,"starting_after":""}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var n PageNext
		if err := json.Unmarshal(data, &n); err != nil {
			return
		}
		if n.URL != "" && (n.Page != 0 || n.PerPage != 0 || n.StartingAfter != "") {
			t.Fatalf("%q decoded to both forms: %+v", data, n)
		}
		b1, err := json.Marshal(n)
		if err != nil || !json.Valid(b1) {
			t.Fatalf("marshal %+v: %s (%v)", n, b1, err)
		}
		if n.IsZero() != (string(b1) == "null") {
			t.Fatalf("IsZero %v but encodes as %s", n.IsZero(), b1)
		}
		var n2 PageNext
		if err := json.Unmarshal(b1, &n2); err != nil || n2 != n {
			t.Fatalf("round trip %q: %+v -> %s -> %+v (%v)", data, n, b1, n2, err)
		}
		if b2, _ := json.Marshal(n2); !bytes.Equal(b1, b2) {
			t.Fatalf("re-encode not stable: %s then %s", b1, b2)
		}
		// Inside the pages block, through omitzero.
		p := Pages{Type: "pages", Page: 1, TotalPages: 3, Next: n}
		pb, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var p2 Pages
		if err := json.Unmarshal(pb, &p2); err != nil || p2 != p {
			t.Fatalf("pages round trip: %+v -> %s -> %+v (%v)", p, pb, p2, err)
		}
		if n.StartingAfter != "" || n.URL != "" {
			if !p2.HasMore() {
				t.Fatalf("a next cursor or URL but HasMore is false: %+v", p2)
			}
		}
	})
}

// FuzzPaginateCursor walks a fuzzed server through paginate. The server is a
// function of the cursor it is sent (like Intercom's): the comma-separated
// list "a,b,a" means "" → a → b → a → …. The walk must end: at an empty next
// cursor, at an error, when the loop breaks, or with ErrCursorStalled as soon
// as a cursor comes back, never by looping. Scrolls (sameCursorOK) may repeat
// cursors and end on an empty page.
func FuzzPaginateCursor(f *testing.F) {
	f.Add("a,b,c", uint8(0), uint8(0), false)
	f.Add("a,a", uint8(0), uint8(0), false)
	f.Add("a,b,a", uint8(0), uint8(0), false)
	f.Add("p1,p2,p3,p1", uint8(2), uint8(0), false)
	f.Add("x,y,z", uint8(0), uint8(2), false)
	f.Add("s,s,s,s", uint8(0), uint8(0), true)
	f.Add("", uint8(0), uint8(0), false)
	f.Add("1,2,3,4,5,6,7,8,9,10,3", uint8(0), uint8(0x81), false)
	f.Fuzz(func(t *testing.T, spec string, breakAfter, failAt uint8, scroll bool) {
		var list []string
		if spec != "" {
			list = strings.Split(spec, ",")
		}
		if len(list) > 200 {
			list = list[:200]
		}
		// next is the server: the cursor after the first occurrence of cur.
		next := func(cur string) string {
			if cur == "" {
				if len(list) == 0 {
					return ""
				}
				return list[0]
			}
			for i, c := range list {
				if c == cur {
					if i+1 < len(list) {
						return list[i+1]
					}
					return ""
				}
			}
			return ""
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		failPage := int(failAt & 0x7f)
		cancelInstead := failAt&0x80 != 0
		errFetch := errors.New("fetch failed")
		fetches := 0
		limit := len(list) + 3
		fetch := func(ctx context.Context, cursor string) ([]string, string, error) {
			fetches++
			if fetches > limit {
				t.Fatalf("paginate fetched %d pages of a %d-cursor server: it loops", fetches, len(list))
				return nil, "", errFetch
			}
			switch {
			case fetches == failPage && !cancelInstead:
				return nil, "", errFetch
			case scroll && fetches > len(list):
				return nil, "", nil // empty page: the scroll is over
			}
			if fetches == failPage {
				cancel() // the page arrives, then the caller gives up
			}
			return []string{cursor}, next(cursor), nil
		}

		var got []string
		var gotErr error
		for item, err := range paginate(ctx, fetch, scroll) {
			if err != nil {
				if gotErr != nil {
					t.Fatal("a second error after the first")
				}
				gotErr = err
				continue
			}
			if gotErr != nil {
				t.Fatal("an item after an error")
			}
			got = append(got, item)
			if breakAfter > 0 && len(got) == int(breakAfter) {
				break
			}
		}

		// The walk paginate promises, step by step: stop at a break, at an
		// error (the fetch's, or the context's before the next fetch), at an
		// empty next cursor, or at the first cursor that comes back.
		var want []string
		var wantErr error
		wantFetches, cancelled := 0, false
		cur, used := "", map[string]bool{}
		var prevItems []string
	walk:
		for {
			if cancelled {
				wantErr = context.Canceled
				break
			}
			wantFetches++
			var items []string
			nx := ""
			switch {
			case wantFetches == failPage && !cancelInstead:
				wantErr = errFetch
				break walk
			case scroll && wantFetches > len(list):
			default:
				items, nx = []string{cur}, next(cur)
				cancelled = wantFetches == failPage
			}
			if len(items) > 0 && len(prevItems) > 0 && fmt.Sprintf("%q", items) == fmt.Sprintf("%q", prevItems) {
				wantErr = ErrCursorStalled // a page repeating the one before
				break walk
			}
			prevItems = items
			for _, it := range items {
				want = append(want, it)
				if breakAfter > 0 && len(want) == int(breakAfter) {
					break walk
				}
			}
			if nx == "" {
				break
			}
			used[cur] = true
			if used[nx] && !scroll {
				wantErr = ErrCursorStalled
				break
			}
			cur = nx
		}

		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("list %q scroll=%v break=%d fail=%#x: items %q, want %q", list, scroll, breakAfter, failAt, got, want)
		}
		if !errors.Is(gotErr, wantErr) || (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("list %q scroll=%v break=%d fail=%#x: error %v, want %v", list, scroll, breakAfter, failAt, gotErr, wantErr)
		}
		if fetches != wantFetches {
			t.Fatalf("list %q: %d fetches, want %d", list, fetches, wantFetches)
		}
		if fetches > len(list)+1 {
			t.Fatalf("%d fetches for %d cursors", fetches, len(list))
		}
		if !scroll && wantErr == nil && breakAfter == 0 && failPage == 0 {
			// A walk without a repeat visits the list in order, up to an empty cursor.
			visit := append([]string{""}, list...)
			if i := slices.Index(list, ""); i >= 0 {
				visit = visit[:i+1]
			}
			if fmt.Sprint(got) != fmt.Sprint(visit) {
				t.Fatalf("list %q: a walk without repeats gave %q", list, got)
			}
		}
	})
}
