package intercom

// Tests for the hardening found by the outside review: path traversal
// through ids, the token echoed by a server, bodies that lie about their
// size, redirects, 429 bursts against the retry budget, pagination loops,
// non-object bodies and the caller's transport.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- 1. Dot segments --------------------------------------------------------

// callEveryMethod calls every exported method of every service of c with
// each string argument set to arg and every other argument zero (iterators
// are ranged until their first value), and reports the error of each call
// by "Service.Method". Methods without string arguments are left out.
func callEveryMethod(t *testing.T, c *Client, arg string) map[string]error {
	t.Helper()
	ctx := fltCtx(t, 30*time.Second)
	out := map[string]error{}
	cv := reflect.ValueOf(c).Elem()
	ctxType := reflect.TypeFor[context.Context]()
	for i := range cv.NumField() {
		f := cv.Type().Field(i)
		if !f.IsExported() || !strings.HasSuffix(f.Type.String(), "Service") {
			continue
		}
		svc := cv.Field(i)
		for m := range svc.NumMethod() {
			meth, mt := svc.Method(m), svc.Type().Method(m)
			ft := meth.Type()
			var args []reflect.Value
			hasString := false
			n := ft.NumIn()
			if ft.IsVariadic() {
				n-- // no options
			}
			for a := range n {
				in := ft.In(a)
				switch {
				case in == ctxType:
					args = append(args, reflect.ValueOf(ctx))
				case in.Kind() == reflect.String:
					hasString = true
					args = append(args, reflect.ValueOf(arg).Convert(in))
				default:
					args = append(args, reflect.Zero(in))
				}
			}
			if !hasString {
				continue
			}
			name := f.Name + "." + mt.Name
			err := callForError(meth, args)
			// An endpoint added after the client's version is refused by the
			// version gate before its parameters are looked at: call it again
			// on the newest version that has it.
			var ve *VersionError
			if errors.As(err, &ve) && ve.Field == "" && len(ve.Versions) > 0 && ft.IsVariadic() {
				err = callForError(meth, append(args, reflect.ValueOf(WithAPIVersion(ve.Versions[len(ve.Versions)-1]))))
			}
			out[name] = err
		}
	}
	return out
}

// callForError calls a service method and returns its error: the last
// result, or the first error an iterator yields.
func callForError(meth reflect.Value, args []reflect.Value) error {
	res := meth.Call(args)
	var err error
	if first := res[0]; first.Kind() == reflect.Func && first.Type().NumIn() == 1 {
		// An iter.Seq2[T, error]: take its first error.
		yt := first.Type().In(0)
		yield := reflect.MakeFunc(yt, func(in []reflect.Value) []reflect.Value {
			if e, ok := in[1].Interface().(error); ok && e != nil {
				err = e
			}
			return []reflect.Value{reflect.ValueOf(false)}
		})
		first.Call([]reflect.Value{yield})
	} else if e, ok := res[len(res)-1].Interface().(error); ok {
		err = e
	}
	return err
}

// TestDotSegmentsRefusedByEveryMethod: "." and ".." (and empty) as any path
// parameter of any method is ErrInvalidRequest naming the parameter, before
// any I/O. Every string argument of a method is a path parameter (query and
// body values are in the request or options struct), so no call reaches the
// server.
func TestDotSegmentsRefusedByEveryMethod(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"..", ".", ""} {
		t.Run(fmt.Sprintf("%q", arg), func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				writeJSON(w, 404, `{"type":"error.list","errors":[{"code":"not_found","message":"x"}]}`)
			}))
			t.Cleanup(srv.Close)
			c := fltClient(t, srv.URL, WithMaxRetries(0))
			results := callEveryMethod(t, c, arg)
			require.Greater(t, len(results), 40, "the reflection found the services' methods")
			for name, err := range results {
				var ire *InvalidRequestError
				if assert.ErrorAs(t, err, &ire, name) {
					assert.ErrorIs(t, err, ErrInvalidRequest, name)
					assert.NotEmpty(t, ire.Field, "%s names the parameter", name)
				}
			}
			assert.Zero(t, hits.Load(), "no call reaches the server")
		})
	}
}

func TestDotSegmentsInDoPath(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{}`) })
	c := fltClient(t, srv.URL)
	for _, p := range []string{"/contacts/..", "/contacts/../tags/1", "/./admins", "/contacts/.."} {
		_, err := c.Do(context.Background(), http.MethodDelete, p, nil, nil)
		require.ErrorIs(t, err, ErrInvalidRequest, p)
	}
	_, err := c.Do(context.Background(), http.MethodGet, "/contacts/...", nil, nil)
	require.NoError(t, err, "three dots are an ordinary segment")
	require.Equal(t, int32(1), srv.n.Load())
}

// removeDotSegments is RFC 3986 §5.2.4, as path-normalising front ends apply it.
func removeDotSegments(in string) string {
	var out []string
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			start := 0
			if in[0] == '/' {
				start = 1
			}
			end := strings.IndexByte(in[start:], '/')
			if end < 0 {
				end = len(in)
			} else {
				end += start
			}
			out = append(out, in[:end])
			in = in[end:]
		}
	}
	return strings.Join(out, "")
}

func TestRemoveDotSegments(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{ // RFC 3986 §5.2.4's examples, and ours
		"/a/b/c/./../../g":    "/a/g",
		"mid/content=5/../6":  "mid/6",
		"/contacts/../tags/1": "/tags/1",
		"/contacts/...":       "/contacts/...",
	} {
		assert.Equal(t, want, removeDotSegments(in), in)
	}
}

// specPathTemplates returns every path template of the 2.10 description.
func specPathTemplates(tb testing.TB) []string {
	b, err := os.ReadFile("testdata/openapi/intercom-2.10.yaml")
	require.NoError(tb, err)
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^  "?(/[^":]*)"?:\s*$`).FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// FuzzPathParamStaysInTemplate: whatever a path parameter holds, the request
// path, after dot-segment removal (with or without %2E decoded first), keeps
// the template's segments: as many, and the literal ones unchanged.
func FuzzPathParamStaysInTemplate(f *testing.F) {
	for _, s := range []string{"..", ".", "a/../..", "%2e%2e", "..%2f..", "x/./y", "\x00", "?a=b#c", "../../../admins", "…"} {
		f.Add(s, uint8(0))
	}
	templates := specPathTemplates(f)
	require.Greater(f, len(templates), 50)
	placeholder := regexp.MustCompile(`\{[^}]+\}`)
	f.Fuzz(func(t *testing.T, param string, which uint8) {
		tmpl := templates[int(which)%len(templates)]
		n := len(placeholder.FindAllString(tmpl, -1))
		params := make([]string, n)
		for i := range params {
			params[i] = param
		}
		target, _, err := requestURL("https://api.example/base", endpoint{path: tmpl, params: params})
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidRequest)
			return
		}
		u, err := url.Parse(target)
		require.NoError(t, err)
		want := strings.Split("/base"+tmpl, "/")
		for _, raw := range []string{u.EscapedPath(), strings.NewReplacer("%2e", ".", "%2E", ".").Replace(u.EscapedPath())} {
			got := strings.Split(removeDotSegments(raw), "/")
			require.Len(t, got, len(want), "%q in %s gives %s", param, tmpl, raw)
			for i, seg := range want {
				if !strings.HasPrefix(seg, "{") {
					require.Equal(t, seg, got[i], "%q in %s gives %s", param, tmpl, raw)
				}
			}
		}
	})
}

// --- 2. The token echoed by a server ----------------------------------------

func TestTokenEchoedInRequestIDIsRedactedEverywhere(t *testing.T) {
	t.Parallel()
	for _, status := range []int{200, 404, 429, 500} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Request-Id", "req-"+r.Header.Get("Authorization"))
				w.Header().Set("X-Debug", "seen "+r.Header.Get("Authorization"))
				if status == 200 {
					writeJSON(w, 200, `{"type":"admin","id":"1"}`)
					return
				}
				writeJSON(w, status, `{"type":"error.list","errors":[{"code":"x","message":"y"}]}`)
			}))
			t.Cleanup(srv.Close)
			logs := newCaptureHandler()
			c := secretClient(t, srv.URL, WithMaxRetries(0), WithLogger(slog.New(logs)))
			_, resp, err := c.Admins.Get(fltCtx(t, 10*time.Second), "1")
			require.NotNil(t, resp)
			assert.Equal(t, "req-Bearer "+redactedText, resp.RequestID)
			assert.Equal(t, "req-Bearer "+redactedText, resp.Header.Get("X-Request-Id"))
			assertNoSecret(t, "Response headers", fmt.Sprint(resp.Header))
			assertNoSecret(t, "error", leakTexts(err)...)
			var apiErr *APIError
			if status != 200 {
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, "req-Bearer "+redactedText, apiErr.RequestID)
				assertNoSecret(t, "APIError.Response headers", fmt.Sprint(apiErr.Response.Header))
			}
			assertNoSecret(t, "logs", logs.lines()...)
		})
	}
}

func TestTokenEchoedOnDownloadErrorIsRedacted(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-"+r.Header.Get("Authorization"))
		writeJSON(w, 404, `{"type":"error.list","errors":[{"code":"not_found","message":"`+r.Header.Get("Authorization")+`"}]}`)
	}))
	t.Cleanup(srv.Close)
	body, resp, err := secretClient(t, srv.URL).DataExport.Download(fltCtx(t, 10*time.Second), "job1")
	require.Nil(t, body)
	require.ErrorIs(t, err, ErrNotFound)
	require.NotNil(t, resp)
	assert.Equal(t, "req-Bearer "+redactedText, resp.RequestID)
	assertNoSecret(t, "Response headers", fmt.Sprint(resp.Header))
	assertNoSecret(t, "error", leakTexts(err)...)
}

// --- 3. Bodies that lie about their size ------------------------------------

// allocatedBy returns the bytes allocated while f ran. Tests using it do not
// run in parallel, so that other tests' allocations do not count.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// rawResponder answers every connection with head (status line and
// headers) and body, then closes it.
func rawResponder(t *testing.T, head string, body []byte) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				_, _ = http.ReadRequest(bufio.NewReader(conn))
				_, _ = io.WriteString(conn, head+"\r\n")
				_, _ = conn.Write(body)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// TestLyingContentLengthIsNotPreallocated: a 200 MiB Content-Length followed
// by 100 bytes costs next to nothing, even eight at once.
func TestLyingContentLengthIsNotPreallocated(t *testing.T) {
	base := rawResponder(t, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\nConnection: close\r\n",
		[]byte(`{"type":"admin","id":"1","name":"`+strings.Repeat("a", 60)+`"`))
	c := fltClient(t, base, WithMaxRetries(0), WithMaxResponseBytes(256<<20))
	ctx := fltCtx(t, 20*time.Second)
	n := allocatedBy(func() {
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, err := c.Admins.Get(ctx, "1")
				assert.Error(t, err, "the body is truncated")
			}()
		}
		wg.Wait()
	})
	assert.Less(t, n, uint64(16<<20), "eight calls allocated %d bytes", n)
}

func TestAnnouncedBodyOverTheCapIsRefusedUnread(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(2<<20))
		w.WriteHeader(200)
		_, _ = w.Write(bytes.Repeat([]byte(" "), 2<<20))
	})
	_, _, err := fltClient(t, srv.URL, WithMaxResponseBytes(1<<20)).Admins.Get(fltCtx(t, 10*time.Second), "1")
	require.ErrorIs(t, err, ErrResponseTooLarge)
	require.ErrorIs(t, err, ErrUnexpectedResponse)
}

// TestGzipBombCostsAboutTheCap: a small gzip body that inflates far past the
// cap allocates about twice the cap, not what it inflates to.
func TestGzipBombCostsAboutTheCap(t *testing.T) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	spaces := bytes.Repeat([]byte{' '}, 1<<20)
	for range 16 { // 16 MiB of JSON whitespace (four times the cap) in about 20 KiB
		_, _ = zw.Write(spaces)
	}
	require.NoError(t, zw.Close())
	body := gz.Bytes()
	base := rawResponder(t, fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\nConnection: close\r\n", len(body)), body)
	const limit = 4 << 20
	c := fltClient(t, base, WithMaxRetries(0), WithMaxResponseBytes(limit))
	var err error
	n := allocatedBy(func() { _, _, err = c.Admins.Get(fltCtx(t, 20*time.Second), "1") })
	require.ErrorIs(t, err, ErrResponseTooLarge)
	assert.Less(t, n, uint64(3*limit), "hitting a %d-byte cap allocated %d bytes", limit, n)
}

// TestReadBodyGrowth: the buffer never grows past limit+1, and reading an
// endless body up to the limit allocates about twice the limit.
func TestReadBodyGrowth(t *testing.T) {
	const limit = 8 << 20
	var b []byte
	var err error
	n := allocatedBy(func() { b, err = readBody(nil, endlessReader{}, -1, limit) })
	require.ErrorIs(t, err, ErrResponseTooLarge)
	assert.LessOrEqual(t, cap(b), limit+1)
	assert.Less(t, n, uint64(2*limit+limit/4), "allocated %d bytes", n)

	// A truthful Content-Length within the cap is read in one buffer.
	b, err = readBody(nil, strings.NewReader(`{"a":1}`), 7, limit)
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(b))
	assert.Equal(t, 8, cap(b))
	require.Equal(t, int64(32<<20), int64(DefaultMaxResponseBytes))
}

type endlessReader struct{}

func (endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// --- 4. Redirects -----------------------------------------------------------

// redirectTarget records what reaches it.
type redirectTarget struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []*http.Request
}

func newRedirectTarget(t *testing.T) *redirectTarget {
	rt := &redirectTarget{}
	rt.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rt.mu.Lock()
		rt.reqs = append(rt.reqs, r)
		rt.mu.Unlock()
		writeJSON(w, 200, `{"type":"contact","id":"from-elsewhere"}`)
	}))
	t.Cleanup(rt.Close)
	return rt
}

func (rt *redirectTarget) requests() []*http.Request {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]*http.Request(nil), rt.reqs...)
}

func TestRedirectOfAWriteIsATypedError(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status    int
		maySucced bool
	}{{301, false}, {302, true}, {303, true}, {307, false}, {308, false}} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			target := newRedirectTarget(t)
			origin := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Request-Id", "req-7")
				http.Redirect(w, r, target.URL+"/contacts?email=ada%40example.com", tc.status)
			})
			c := fltClient(t, origin.URL, WithHeader("X-Secret-Header", "s3"))
			contact, resp, err := c.Contacts.Create(fltCtx(t, 10*time.Second), ContactCreateRequest{Email: "ada@example.com"})
			require.Nil(t, contact, "no other host's body passes for the created contact")
			var re *RedirectError
			require.ErrorAs(t, err, &re)
			require.ErrorIs(t, err, ErrRedirected)
			assert.Equal(t, tc.status, re.StatusCode)
			assert.Equal(t, target.URL+"/contacts?email=ada%40example.com", re.Location)
			assert.Equal(t, http.MethodPost, re.Method)
			assert.Equal(t, "/contacts", re.Path)
			assert.Equal(t, "req-7", re.RequestID)
			assert.Equal(t, tc.maySucced, re.MayHaveSucceeded)
			assert.NotContains(t, err.Error(), "ada", "no query in the message")
			require.NotNil(t, resp)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Empty(t, target.requests(), "nothing is sent to the redirect's target")
			assert.Equal(t, int32(1), origin.n.Load(), "a redirect is not retried")
		})
	}
}

func TestRedirectFromHTTPSToHTTPIsNotFollowed(t *testing.T) {
	t.Parallel()
	target := newRedirectTarget(t)
	origin := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/contacts/1", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(origin.Close)
	c := fltClient(t, origin.URL, WithHTTPClient(origin.Client()))
	for _, call := range []func() error{
		func() error { _, _, err := c.Contacts.Get(fltCtx(t, 10*time.Second), "1", nil); return err },
		func() error {
			_, _, err := c.Contacts.Update(fltCtx(t, 10*time.Second), "1", ContactUpdateRequest{Name: Some("x")})
			return err
		},
	} {
		var re *RedirectError
		require.ErrorAs(t, call(), &re)
		assert.Equal(t, http.StatusTemporaryRedirect, re.StatusCode)
		assert.False(t, re.MayHaveSucceeded)
	}
	assert.Empty(t, target.requests(), "nothing crosses the network in clear text")
}

// TestRedirectOfAGetToAnotherOrigin: a GET may be redirected (a download to
// storage), without the token, the caller's headers or a Referer; within
// the origin the token goes along.
func TestRedirectOfAGetToAnotherOrigin(t *testing.T) {
	t.Parallel()
	target := newRedirectTarget(t)
	origin := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/contacts/1":
			http.Redirect(w, r, target.URL+"/storage/1", http.StatusFound)
		case "/contacts/2":
			http.Redirect(w, r, "/contacts/3", http.StatusFound)
		default:
			require.Equal(t, "Bearer "+fltToken, r.Header.Get("Authorization"), "same origin keeps the token")
			require.Equal(t, "v", r.Header.Get("X-Custom"))
			assert.Empty(t, r.Header.Get("Referer"))
			writeJSON(w, 200, `{"type":"contact","id":"3"}`)
		}
	})
	c := fltClient(t, origin.URL, WithHeader("X-Custom", "v"))
	got, _, err := c.Contacts.Get(fltCtx(t, 10*time.Second), "1", nil)
	require.NoError(t, err)
	assert.Equal(t, ID("from-elsewhere"), got.ID)
	reqs := target.requests()
	require.Len(t, reqs, 1)
	for _, h := range []string{"Authorization", "X-Custom", "Referer"} {
		assert.Empty(t, reqs[0].Header.Get(h), h)
	}
	assert.Equal(t, "application/json", reqs[0].Header.Get("Accept"))

	got, _, err = c.Contacts.Get(fltCtx(t, 10*time.Second), "2", nil)
	require.NoError(t, err)
	assert.Equal(t, ID("3"), got.ID)
}

func TestDownloadRedirectedToStorage(t *testing.T) {
	t.Parallel()
	storage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			http.Error(w, "token sent to storage", 400)
			return
		}
		_, _ = io.WriteString(w, "user_id,email\n1,a@example.com\n")
	}))
	t.Cleanup(storage.Close)
	origin := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, storage.URL+"/blob?sig=x", http.StatusFound)
	})
	body, _, err := fltClient(t, origin.URL).DataExport.Download(fltCtx(t, 10*time.Second), "job1")
	require.NoError(t, err)
	defer body.Close()
	b, err := io.ReadAll(body)
	require.NoError(t, err)
	assert.Equal(t, "user_id,email\n1,a@example.com\n", string(b))
}

// --- 5. 429s are waited out whatever the budget holds -----------------------

// once429 answers each client's first request (told apart by the
// X-Caller header) with a 429 asking to come back in a second. It serves in
// memory: the tests using it run on the fake clock.
func once429(t *testing.T) *fltServer {
	var seen sync.Map
	return newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		if _, dup := seen.LoadOrStore(r.Header.Get("X-Caller"), true); !dup {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}`)
			return
		}
		writeJSON(w, 200, `{"type":"admin","id":"1"}`)
	}, inMemory())
}

func TestRateLimitBurstIsWaitedOutPastTheBudget(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := once429(t)
		budget := NewRetryBudget(10) // two retries' worth
		c := srv.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Second, Budget: budget}))
		ctx := fltCtx(t, 30*time.Second)
		var wg sync.WaitGroup
		var failed atomic.Int32
		for i := range 32 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, _, err := c.Admins.Get(ctx, "1", WithHeader("X-Caller", fmt.Sprint(i))); err != nil {
					failed.Add(1)
				}
			}()
		}
		wg.Wait()
		assert.Zero(t, failed.Load(), "every 429 within MaxWait is waited out")
		assert.Equal(t, int32(64), srv.n.Load(), "one retry each")
		assert.Equal(t, 10, budget.Available(), "waiting for a reset costs nothing")
	})
}

func TestRateLimitWaitedOutWithAnEmptyBudget(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := once429(t)
		c := srv.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Second, Budget: NewRetryBudget(0)}))
		_, _, err := c.Admins.Get(fltCtx(t, 20*time.Second), "1")
		require.NoError(t, err)
		require.Equal(t, int32(2), srv.n.Load())
	})

	// The empty budget still stops retries of failures.
	fail := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 500, `{}`) })
	c := fltClient(t, fail.URL, WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, Budget: NewRetryBudget(0)}))
	_, _, err := c.Admins.Get(fltCtx(t, 20*time.Second), "1")
	require.ErrorIs(t, err, ErrServer)
	require.Equal(t, int32(1), fail.n.Load())
}

// --- 6. Pages that repeat ---------------------------------------------------

func TestPaginateRepeatedPageStallsBeforeYielding(t *testing.T) {
	t.Parallel()
	type noID struct{ Name string }
	t.Run("items with ids", func(t *testing.T) {
		fetch := func(_ context.Context, cursor string) ([]Contact, string, error) {
			if len(cursor) > 5 {
				return nil, "", errors.New("the walk did not stop")
			}
			return []Contact{{ID: "a"}, {ID: "b"}}, cursor + "x", nil // a new cursor, the same items
		}
		var got []ID
		var last error
		for c, err := range paginate(context.Background(), fetch, false) {
			if err != nil {
				last = err
				continue
			}
			got = append(got, c.ID)
		}
		require.ErrorIs(t, last, ErrCursorStalled)
		require.Equal(t, []ID{"a", "b"}, got)
	})
	t.Run("items without ids", func(t *testing.T) {
		fetch := func(_ context.Context, cursor string) ([]noID, string, error) {
			if len(cursor) > 5 {
				return nil, "", errors.New("the walk did not stop")
			}
			return []noID{{"a"}}, cursor + "x", nil
		}
		items, err := Collect(paginate(context.Background(), fetch, false))
		require.ErrorIs(t, err, ErrCursorStalled)
		require.Len(t, items, 1)
	})
	t.Run("same ids in another order are a new page", func(t *testing.T) {
		pages := [][]Contact{{{ID: "a"}, {ID: "b"}}, {{ID: "b"}, {ID: "a"}}}
		fetch := func(_ context.Context, cursor string) ([]Contact, string, error) {
			i := len(cursor)
			next := cursor + "x"
			if i == len(pages)-1 {
				next = ""
			}
			return pages[i], next, nil
		}
		items, err := Collect(paginate(context.Background(), fetch, false))
		require.NoError(t, err)
		require.Len(t, items, 4)
	})
	t.Run("a scroll repeating its page", func(t *testing.T) {
		fetches := 0
		fetch := func(_ context.Context, _ string) ([]Company, string, error) {
			if fetches++; fetches > 5 {
				return nil, "", errors.New("the walk did not stop")
			}
			return []Company{{ID: "c"}}, "scroll", nil
		}
		items, err := Collect(paginate(context.Background(), fetch, true))
		require.ErrorIs(t, err, ErrCursorStalled)
		require.Len(t, items, 1)
	})
}

// --- 7. Company contacts page by cursor -------------------------------------

func TestCompanyContactsFollowTheCursor(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		// This server pages by cursor only, as intercom-node #489 saw.
		if r.URL.Query().Get("starting_after") == "cur-2" {
			writeJSON(w, 200, `{"type":"list","data":[{"type":"contact","id":"c3"}],"total_count":3,"pages":{"type":"pages","page":2,"per_page":2,"total_pages":2}}`)
			return
		}
		writeJSON(w, 200, `{"type":"list","data":[{"type":"contact","id":"c1"},{"type":"contact","id":"c2"}],"total_count":3,`+
			`"pages":{"type":"pages","page":1,"per_page":2,"total_pages":2,"next":{"page":2,"starting_after":"cur-2"}}}`)
	})
	var queries []string
	var mu sync.Mutex
	c := fltClient(t, srv.URL, WithHTTPClient(&http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		return http.DefaultTransport.RoundTrip(r)
	})}))
	opt := &CompanyListContactsOptions{PerPage: 2}
	items, err := Collect(c.Companies.ListContactsAll(fltCtx(t, 10*time.Second), "co1", opt))
	require.NoError(t, err)
	require.Equal(t, []ID{"c1", "c2", "c3"}, contactIDs(items))
	require.Equal(t, []string{"per_page=2", "page=2&per_page=2&starting_after=cur-2"}, queries)
	require.Equal(t, &CompanyListContactsOptions{PerPage: 2}, opt)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// --- 8. 2xx bodies that are not objects -------------------------------------

func TestNonObjectSuccessBodyIsADecodeError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"null", "[]", `"contact"`, "42", "true", " null "} {
		t.Run(body, func(t *testing.T) {
			srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, body) })
			c := fltClient(t, srv.URL)
			got, resp, err := c.Contacts.Get(fltCtx(t, 10*time.Second), "1", nil)
			require.Nil(t, got)
			require.NotNil(t, resp)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			require.ErrorIs(t, err, ErrUnexpectedResponse)
			var te *json.UnmarshalTypeError
			require.ErrorAs(t, err, &te)

			_, _, err = c.Contacts.List(fltCtx(t, 10*time.Second), nil)
			require.ErrorIs(t, err, ErrUnexpectedResponse, "a list is an object too")

			var raw json.RawMessage
			_, err = c.Do(fltCtx(t, 10*time.Second), http.MethodGet, "/x", nil, &raw)
			require.NoError(t, err, "raw JSON takes anything")
			var m map[string]any
			_, err = c.Do(fltCtx(t, 10*time.Second), http.MethodGet, "/x", nil, &m)
			require.ErrorIs(t, err, ErrUnexpectedResponse)
		})
	}
}

// --- 9. The caller's transport ----------------------------------------------

// closeCountingTransport counts CloseIdleConnections calls.
type closeCountingTransport struct {
	http.RoundTripper
	closes atomic.Int32
}

func (t *closeCountingTransport) CloseIdleConnections() { t.closes.Add(1) }

func TestCallersTransportKeepsItsIdleConnections(t *testing.T) {
	t.Parallel()
	// Connection resets: the failures after which go-retryablehttp closes
	// its client's idle connections.
	failing := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { hijackReset(t, w) })

	t.Run("any transport", func(t *testing.T) {
		tr := &closeCountingTransport{RoundTripper: http.DefaultTransport}
		c := fltClient(t, failing.URL, WithHTTPClient(&http.Client{Transport: tr}), WithMaxRetries(1))
		var ce *ConnectionError
		_, _, err := c.Admins.Get(fltCtx(t, 10*time.Second), "1")
		require.ErrorAs(t, err, &ce)
		_, _, err = c.Contacts.Create(fltCtx(t, 10*time.Second), ContactCreateRequest{Email: "a@example.com"})
		require.ErrorAs(t, err, &ce)
		assert.Zero(t, tr.closes.Load())
	})
	t.Run("an http.Transport with a connection to another host", func(t *testing.T) {
		var conns atomic.Int32
		other := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }))
		other.Config.ConnState = func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				conns.Add(1)
			}
		}
		other.Start()
		t.Cleanup(other.Close)
		tr := &http.Transport{}
		t.Cleanup(tr.CloseIdleConnections)
		hc := &http.Client{Transport: tr}
		get := func() {
			resp, err := hc.Get(other.URL)
			require.NoError(t, err)
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}
		get()
		c := fltClient(t, failing.URL, WithHTTPClient(hc), WithMaxRetries(1))
		var ce *ConnectionError
		_, _, err := c.Admins.Get(fltCtx(t, 10*time.Second), "1")
		require.ErrorAs(t, err, &ce)
		get()
		assert.Equal(t, int32(1), conns.Load(), "the idle connection to the other host was reused")
	})
}

// TestRequestBodiesKeepHTML: "<", ">" and "&" go on the wire as written,
// also through Opt values and request types with MarshalJSON methods of
// their own; an escaped backslash before "u003c" is left alone.
func TestRequestBodiesKeepHTML(t *testing.T) {
	t.Parallel()
	b, err := encodeBody(ArticleCreateRequest{Title: "A & B", AuthorID: "1", Body: "<p>x</p>"})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"title":"A & B"`)
	assert.Contains(t, string(b), `"body":"<p>x</p>"`)
	b, err = encodeBody(ContactUpdateRequest{Name: Some("<Ada & Co>")})
	require.NoError(t, err)
	assert.Equal(t, `{"name":"<Ada & Co>"}`, string(b))
	b, err = encodeBody(map[string]Opt[string]{"k": Some(`a\u003cb \<`)})
	require.NoError(t, err)
	assert.Equal(t, `{"k":"a\\u003cb \\<"}`, string(b))
	var back map[string]string
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, `a\u003cb \<`, back["k"])
}
