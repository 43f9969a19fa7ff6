package intercom

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// liveHeap returns the bytes of live heap objects, after full collections
// (two: the second frees what sync.Pools kept through the first).
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// appendSmallContact appends a small contact: the walk's memory is held by
// the decoded Contact structs, not by the JSON.
func appendSmallContact(b []byte, i int) []byte {
	b = append(b, `{"type":"contact","id":"6657ac5f6abd0166b5`...)
	b = appendHex6(b, i)
	b = append(b, `","role":"user","email":"user`...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, `@example.com","created_at":`...)
	b = strconv.AppendInt(b, int64(1717021791+i), 10)
	return append(b, '}')
}

func smallContactPage(start, per, total int) []byte {
	n := min(per, total-start)
	b := make([]byte, 0, n*120+128)
	b = append(b, `{"type":"list","data":[`...)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendSmallContact(b, start+i)
	}
	b = append(b, `],"total_count":`...)
	b = strconv.AppendInt(b, int64(total), 10)
	b = append(b, `,"pages":{"type":"pages","per_page":`...)
	b = strconv.AppendInt(b, int64(per), 10)
	if start+n < total {
		b = append(b, `,"next":{"per_page":`...)
		b = strconv.AppendInt(b, int64(per), 10)
		b = append(b, `,"starting_after":"c`...)
		b = strconv.AppendInt(b, int64(start+n), 10)
		b = append(b, `"}`...)
	}
	return append(b, "}}"...)
}

// fullMemoryTests reports whether INTERCOM_FULL_MEMORY=1 asks the memory
// tests for their full sizes (100,000 contacts, a 256 MiB export). The
// default sizes are the smallest that still prove the property: a walk or a
// download that kept what it read would hold many times the bound.
func fullMemoryTests() bool { return os.Getenv("INTERCOM_FULL_MEMORY") == "1" }

// TestListAllHoldsAboutOnePage walks 20,000 contacts (134 pages; 100,000
// with INTERCOM_FULL_MEMORY=1) and checks, after a collection every 10,000
// items, that the walk keeps only about a page alive: the iterator must not
// accumulate pages.
func TestListAllHoldsAboutOnePage(t *testing.T) {
	total := 20_000
	if fullMemoryTests() {
		total = 100_000
	}
	const per = 150
	pauseDecodeCheck(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := 0
		if c := r.URL.Query().Get("starting_after"); c != "" {
			start, _ = strconv.Atoi(strings.TrimPrefix(c, "c"))
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(smallContactPage(start, per, total))
	}))
	defer srv.Close()
	c, err := NewClient("tok", WithBaseURL(srv.URL))
	require.NoError(t, err)

	// What one decoded page keeps alive.
	before := liveHeap()
	var one ContactList
	require.NoError(t, json.Unmarshal(smallContactPage(0, per, total), &one))
	pageLive := int64(liveHeap()) - int64(before)
	runtime.KeepAlive(one)
	one = ContactList{}
	// Other tests' leftovers can be freed meanwhile: never estimate below
	// the page's Contact structs alone.
	pageLive = max(pageLive, per*int64(unsafe.Sizeof(Contact{})))

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := liveHeap()
	var peak int64
	n := 0
	for ct, err := range c.Contacts.ListAll(ctx, &ContactListOptions{PerPage: per}) {
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("user%d@example.com", n), ct.Email, "item %d", n)
		n++
		if n%10_000 == 5_000 {
			peak = max(peak, int64(liveHeap())-int64(base))
		}
	}
	require.Equal(t, total, n)
	// Two pages, plus a page's worth of slack for the body buffer, the
	// connection and the runtime: retaining every page would be
	// total/per pages.
	bound := 3*pageLive + 256<<10
	t.Logf("%d items in %d pages; one page keeps %d KiB alive; peak live growth during the walk %d KiB (bound %d KiB)",
		n, (total+per-1)/per, pageLive>>10, peak>>10, bound>>10)
	require.LessOrEqual(t, peak, bound, "the walk keeps more than about two pages alive")
}

// csvRows writes export rows to w until size bytes were written, as a
// gzipped CSV generated on the fly.
func writeGzippedCSV(w io.Writer, size int64) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	row := make([]byte, 0, 256)
	var written int64
	header := "user_id,user_external_id,company_id,email,name,ruleset_id,content_id,content_type,content_title,ruleset_version_id,receipt_id,received_at,series_id,series_title,node_id,first_reply,first_completion,first_series_completion,first_series_disengagement,first_series_exit,first_goal_success,first_open,first_click,first_dismisall,first_unsubscribe,first_hard_bounce\n"
	n, err := io.WriteString(zw, header)
	written += int64(n)
	for i := 0; err == nil && written < size; i++ {
		row = row[:0]
		row = append(row, "6657ac5f6abd0166b5"...)
		row = appendHex6(row, i)
		row = append(row, ",ext-"...)
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, ",,user"...)
		row = strconv.AppendInt(row, int64(i), 10)
		row = append(row, "@example.com,User Name,"...)
		row = strconv.AppendInt(row, int64(i%97), 10)
		row = append(row, ",42,email,Spring newsletter,7,"...)
		row = strconv.AppendInt(row, int64(i*7919), 10)
		row = append(row, ","...)
		row = strconv.AppendInt(row, int64(1717021791+i), 10)
		row = append(row, ",,,,,,,,,,,"...)
		row = strconv.AppendInt(row, int64(1717021791+i+3600), 10)
		row = append(row, ",,,,\n"...)
		if rem := size - written; int64(len(row)) > rem {
			row = row[:rem]
		}
		n, err = zw.Write(row)
		written += int64(n)
	}
	if err != nil {
		return err
	}
	return zw.Close()
}

// heapSampler is an io.Writer that discards what it is given and records
// the live heap every `every` bytes.
type heapSampler struct {
	every, n, next int64
	base           uint64
	peak           int64
	samples        int
}

func (s *heapSampler) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	if s.n >= s.next {
		s.peak = max(s.peak, int64(liveHeap())-int64(s.base))
		s.samples++
		s.next += s.every
	}
	return len(p), nil
}

// TestDataExportDownloadFlatMemory streams a 32 MiB data export (8 MiB
// under the race detector or -short, 256 MiB with INTERCOM_FULL_MEMORY=1),
// gzipped on the fly by the fake server, to io.Discard: the live heap must
// stay flat, within 4 MiB (it grows by about 1.3 MiB). Buffering the
// download would exceed that, even compressed (32 MiB of this CSV gzip to
// about 6 MiB).
func TestDataExportDownloadFlatMemory(t *testing.T) {
	size := int64(32 << 20)
	switch {
	case fullMemoryTests():
		size = 256 << 20
	case testing.Short() || raceEnabled():
		size = 8 << 20 // the race detector reads it at about 3 MiB/s
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/download/content/data/job1" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		if err := writeGzippedCSV(w, size); err != nil {
			t.Logf("server: %v", err)
		}
	}))
	defer srv.Close()
	c, err := NewClient("tok", WithBaseURL(srv.URL))
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	start := time.Now()
	s := &heapSampler{every: max(size/32, 1<<20), base: liveHeap()}
	s.next = s.every
	rc, _, err := c.DataExport.Download(ctx, "job1")
	require.NoError(t, err)
	n, err := io.Copy(s, rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	require.Equal(t, size, n, "bytes of CSV downloaded")
	elapsed := time.Since(start)
	const bound = 4 << 20
	t.Logf("%d MiB in %s (%.0f MiB/s); %d samples, peak live heap growth %d KiB (bound %d KiB)",
		n>>20, elapsed.Round(time.Millisecond), float64(n)/(1<<20)/elapsed.Seconds(), s.samples, s.peak>>10, bound>>10)
	require.LessOrEqual(t, s.peak, int64(bound), "the download's memory grows with its size")
}

// TestConnectionsAreReused makes calls of every outcome one after the
// other (successes, API errors, retried failures, undecodable bodies, a
// download) and checks that they all went over one connection: every body
// is drained and closed.
func TestConnectionsAreReused(t *testing.T) {
	t.Parallel()
	var conns atomic.Int32
	var hits atomic.Int32
	bigError := `{"type":"error.list","errors":[{"code":"parameter_invalid","message":"` + strings.Repeat("x", 200<<10) + `"}]}`
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		switch r.URL.Path {
		case "/contacts/ok":
			writeJSON(w, 200, benchShowContactJSON)
		case "/contacts/missing":
			writeJSON(w, 404, `{"type":"error.list","errors":[{"code":"not_found","message":"User Not Found"}]}`)
		case "/contacts/unauthorized":
			writeJSON(w, 401, `{"type":"error.list","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`)
		case "/contacts/big-error":
			writeJSON(w, 400, bigError)
		case "/contacts/flaky": // 503 on the first try
			if n%2 == 1 {
				writeJSON(w, 503, `{"type":"error.list","errors":[{"code":"service_unavailable","message":"retry"}]}`)
				return
			}
			writeJSON(w, 200, benchShowContactJSON)
		case "/contacts/limited": // 429 on the first try
			if n%2 == 1 {
				w.Header().Set("Retry-After", "0")
				writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}`)
				return
			}
			writeJSON(w, 200, benchShowContactJSON)
		case "/contacts/garbled":
			writeJSON(w, 200, `{"type":"contact","id":`)
		case "/contacts/empty":
			writeJSON(w, 200, "")
		case "/contacts/huge":
			writeJSON(w, 200, `{"type":"contact","name":"`+strings.Repeat("y", 100<<10)+`"}`)
		case "/contacts":
			writeJSON(w, 200, string(smallContactPage(0, 150, 150)))
		case "/contacts/search":
			writeJSON(w, 200, string(smallContactPage(0, 150, 150)))
		case "/contacts/crash":
			writeJSON(w, 500, `{"type":"error.list","errors":[{"code":"server_error","message":"oops"}]}`)
		case "/download/content/data/job1":
			w.Header().Set("Content-Type", "application/octet-stream")
			_ = writeGzippedCSV(w, 1<<20)
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	defer tr.CloseIdleConnections()
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: tr}),
		WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Second}))
	require.NoError(t, err)
	ctx := context.Background()

	get := func(id string, opts ...Option) func() error {
		return func() error { _, _, err := c.Contacts.Get(ctx, id, nil, opts...); return err }
	}
	ok := func(t *testing.T, err error) { require.NoError(t, err) }
	is := func(target error) func(*testing.T, error) {
		return func(t *testing.T, err error) { require.ErrorIs(t, err, target) }
	}
	isAPIError := func(t *testing.T, err error) { var e *APIError; require.ErrorAs(t, err, &e) }
	isDecodeError := func(t *testing.T, err error) { var e *DecodeError; require.ErrorAs(t, err, &e) }
	steps := []struct {
		name  string
		call  func() error
		check func(t *testing.T, err error)
	}{
		{"get", get("ok"), ok},
		{"404", get("missing"), is(ErrNotFound)},
		{"401", get("unauthorized"), is(ErrUnauthorized)},
		{"400 with a 200 KiB body", get("big-error"), isAPIError},
		{"503 then 200", get("flaky"), ok},
		{"429 then 200", get("limited"), ok},
		{"undecodable", get("garbled"), isDecodeError},
		{"empty", get("empty"), isDecodeError},
		{"too large", get("huge", WithMaxResponseBytes(16<<10)), is(ErrResponseTooLarge)},
		{"list", func() error { _, _, err := c.Contacts.List(ctx, nil); return err }, ok},
		{"search", func() error { _, _, err := c.Contacts.Search(ctx, benchSearchSDK()); return err }, ok},
		{"POST 500, not retried", func() error {
			_, err := c.Do(ctx, http.MethodPost, "/contacts/crash", map[string]string{"a": "b"}, nil)
			return err
		}, isAPIError},
		{"Do without out", func() error { _, err := c.Do(ctx, http.MethodGet, "/contacts/ok", nil, nil); return err }, ok},
		{"download", func() error {
			rc, _, err := c.DataExport.Download(ctx, "job1")
			if err != nil {
				return err
			}
			if _, err := io.Copy(io.Discard, rc); err != nil {
				return err
			}
			return rc.Close()
		}, ok},
		{"get again", get("ok"), ok},
	}
	for _, s := range steps {
		err := s.call()
		s.check(t, err)
		require.EqualValues(t, 1, conns.Load(), "connections after %q (err: %v)", s.name, errors.Unwrap(err))
	}
	t.Logf("%d calls, %d requests, %d connection", len(steps), hits.Load(), conns.Load())
}
