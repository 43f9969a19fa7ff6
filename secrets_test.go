package intercom

// Secret hygiene: the access token must not appear in any error string, log
// line, panic, or in anything the SDK hands back that a caller might log or
// dump (the *http.Request behind an *APIError). Query strings (which carry
// emails) stay out of errors and logs too.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// secretToken is long and distinctive, so any leak is found by substring.
const secretToken = "dG9rOjEyMzQ1Njc4OTAtc2VjcmV0LXRva2Vu_SECRET"

// leakTexts renders an error every way a caller might print it.
func leakTexts(err error) []string {
	if err == nil {
		return nil
	}
	out := []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), fmt.Sprintf("%q", err)}
	for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(u) {
		out = append(out, u.Error(), fmt.Sprintf("%#v", u))
	}
	return out
}

func assertNoSecret(t *testing.T, what string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		assert.NotContains(t, s, secretToken, "%s leaks the token", what)
	}
}

// secretOpts give a client the secret token, fast retries and a short
// per-attempt timeout.
var secretOpts = []Option{WithToken(secretToken), WithRetryPolicy(testPolicy(2)), WithTimeout(2 * time.Second)}

// secretClient talks to base with secretOpts, then opts.
func secretClient(t *testing.T, base string, opts ...Option) *Client {
	t.Helper()
	return testClient(t, base, append(secretOpts, opts...)...)
}

// echoHandler answers with status and a body (and, with echoHeader, an
// X-Request-Id) that echo the Authorization header back, the way a debugging
// proxy might.
func echoHandler(status int, jsonBody, echoHeader bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		if echoHeader {
			w.Header().Set("X-Request-Id", "req "+auth)
		}
		if jsonBody {
			writeJSON(w, status, fmt.Sprintf(`{"type":"error.list","request_id":%q,"errors":[{"code":"unauthorized %s","field":%q,"message":"Access Token Invalid: %s"}]}`, auth, auth, auth, auth))
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(status)
		// The token straddles the 256-byte snippet cut.
		_, _ = io.WriteString(w, strings.Repeat("-", snippetLen-20)+auth+strings.Repeat("+", 100))
	}
}

// TestSecretsNotInErrors drives the SDK into every error type it returns
// and renders each every way: no token anywhere, even when the server echoes
// it back in an error body.
func TestSecretsNotInErrors(t *testing.T) {
	t.Parallel()
	ctx := fltCtx(t, 20*time.Second)
	type errCase struct {
		name string
		err  func(t *testing.T) error
		as   func(err error) bool
	}
	isAPI := func(err error) bool { var e *APIError; return errors.As(err, &e) }
	isConn := func(err error) bool { var e *ConnectionError; return errors.As(err, &e) }
	isDecode := func(err error) bool { var e *DecodeError; return errors.As(err, &e) }
	isInvalid := func(err error) bool { var e *InvalidRequestError; return errors.As(err, &e) }
	serve := func(t *testing.T, h http.HandlerFunc) string {
		return newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) { h(w, r) }).URL
	}
	cases := []errCase{
		{"APIError, JSON body echoing the token", func(t *testing.T) error {
			_, _, err := secretClient(t, serve(t, echoHandler(401, true, true))).Admins.Get(ctx, "1")
			return err
		}, isAPI},
		{"APIError, text body echoing the token at the snippet cut", func(t *testing.T) error {
			_, _, err := secretClient(t, serve(t, echoHandler(500, false, true))).Admins.Get(ctx, "1")
			return err
		}, isAPI},
		{"APIError, 429 with retry after", func(t *testing.T) error {
			_, _, err := secretClient(t, serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "3600")
				echoHandler(429, true, true)(w, r)
			})).Tags.List(ctx)
			return err
		}, isAPI},
		{"ConnectionError, reset", func(t *testing.T) error {
			_, _, err := secretClient(t, serve(t, func(w http.ResponseWriter, r *http.Request) { hijackReset(t, w) })).
				Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "x"})
			return err
		}, isConn},
		{"ConnectionError, timeout", func(t *testing.T) error {
			_, _, err := secretClient(t, serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }),
				WithTimeout(50*time.Millisecond), WithMaxRetries(0)).Admins.Get(ctx, "1")
			return err
		}, isConn},
		{"ConnectionError, refused", func(t *testing.T) error {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			addr := ln.Addr().String()
			_ = ln.Close()
			_, _, err = secretClient(t, "http://"+addr).Admins.Get(ctx, "1")
			return err
		}, isConn},
		{"DecodeError", func(t *testing.T) error {
			_, _, err := secretClient(t, serve(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"id":`) })).Admins.Get(ctx, "1")
			return err
		}, isDecode},
		{"InvalidRequestError, path parameter", func(t *testing.T) error {
			_, _, err := secretClient(t, "http://127.0.0.1:1").Contacts.Get(ctx, " ", nil)
			return err
		}, isInvalid},
		{"InvalidRequestError, Validate", func(t *testing.T) error {
			_, _, err := secretClient(t, "http://127.0.0.1:1").Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{})
			return err
		}, isInvalid},
		{"context deadline", func(t *testing.T) error {
			short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
			defer cancel()
			_, _, err := secretClient(t, serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })).Admins.Get(short, "1")
			return err
		}, func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err(t)
			require.Error(t, err)
			require.True(t, tc.as(err), "unexpected error type %T: %v", err, err)
			assertNoSecret(t, "error", leakTexts(err)...)
			var ae *APIError
			if errors.As(err, &ae) {
				assertNoSecret(t, "APIError fields", ae.Snippet, ae.RequestID, fmt.Sprint(ae.Errors))
			}
		})
	}

	t.Run("a token net/http refuses to send", func(t *testing.T) {
		// A token with a newline (pasted from a file) cannot go into a header:
		// net/http refuses before any I/O, and does not quote the value.
		bad := secretToken + "\n"
		srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{}`) })
		c, err := NewClient(bad, WithBaseURL(srv.URL), WithRetryPolicy(fltPolicy(3)))
		require.NoError(t, err)
		_, _, err = c.Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "x"})
		var ce *ConnectionError
		require.ErrorAs(t, err, &ce)
		require.False(t, ce.MayHaveSucceeded, "nothing was sent")
		require.Equal(t, 1, ce.Attempts, "not retried")
		require.Equal(t, int32(0), srv.n.Load())
		assertNoSecret(t, "error", leakTexts(err)...)
	})
}

// TestSecretsAPIErrorRequestRedacted: the *http.Response kept on an APIError
// (and the requests of its redirect chain) carries no token, so dumping it
// for a bug report is safe; the server did receive the token.
func TestSecretsAPIErrorRequestRedacted(t *testing.T) {
	t.Parallel()
	var gotAuth []string
	var mu sync.Mutex
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gotAuth = append(gotAuth, r.Header.Get("Authorization"))
		mu.Unlock()
		if r.URL.Path == "/admins/1" {
			http.Redirect(w, r, "/admins/2", http.StatusFound)
			return
		}
		writeJSON(w, 404, `{"type":"error.list","errors":[{"code":"not_found"}]}`)
	})
	_, _, err := secretClient(t, srv.URL).Admins.Get(fltCtx(t, 10*time.Second), "1")
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, []string{"Bearer " + secretToken, "Bearer " + secretToken}, gotAuth, "the same origin gets the token on every hop")

	require.NotNil(t, ae.Response)
	req := ae.Response.Request
	require.NotNil(t, req)
	require.Equal(t, "/admins/2", req.URL.Path)
	require.Equal(t, redactedText, req.Header.Get("Authorization"))
	require.NotNil(t, req.Response, "the redirect chain is kept")
	require.Equal(t, redactedText, req.Response.Request.Header.Get("Authorization"))
	dump, derr := httputil.DumpRequest(req, false)
	require.NoError(t, derr)
	assertNoSecret(t, "DumpRequest", string(dump))
	assertNoSecret(t, "DumpRequest of the first hop", func() string { d, _ := httputil.DumpRequest(req.Response.Request, false); return string(d) }())
	require.Equal(t, "2.10", req.Header.Get("Intercom-Version"), "other headers are kept")
}

// TestSecretsSuccessResponseRequest: on success, Response embeds the
// *http.Response, whose Request is the request the SDK sent. The SDK should
// hand back a copy without the token, as it does for APIError.
func TestSecretsSuccessResponseRequest(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"type":"admin","id":"1"}`) })
	_, resp, err := secretClient(t, srv.URL).Admins.Get(fltCtx(t, 10*time.Second), "1")
	require.NoError(t, err)
	require.NotNil(t, resp.Request)
	require.Equal(t, redactedText, resp.Request.Header.Get("Authorization"))
	dump, _ := httputil.DumpRequest(resp.Request, false)
	assertNoSecret(t, "Response.Request", string(dump))
}

// redirectLeakCases are the redirects net/http itself forwards the token on.
func redirectLeakCases(t *testing.T, newClient func(t *testing.T, base string) *Client) {
	ctx := fltCtx(t, 10*time.Second)
	received := make(chan string, 4)
	target := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		received <- r.Header.Get("Authorization")
		writeJSON(w, 200, `{"type":"admin","id":"1"}`)
	})

	t.Run("same host, other port", func(t *testing.T) {
		origin := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target.URL+"/elsewhere", http.StatusFound)
		})
		_, _, err := newClient(t, origin.URL).Admins.Get(ctx, "1")
		require.NoError(t, err)
		require.Empty(t, <-received, "the token is not sent to another port")
	})
	t.Run("https to http", func(t *testing.T) {
		origin := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target.URL+"/elsewhere", http.StatusMovedPermanently)
		}, overTLS())
		c := newClient(t, origin.URL)
		hc := origin.httpClient(t)
		hc.CheckRedirect = c.http.CheckRedirect
		_, resp, err := c.Admins.Get(ctx, "1", WithHTTPClient(hc))
		var re *RedirectError
		require.ErrorAs(t, err, &re, "a redirect from https to http is not followed")
		require.ErrorIs(t, err, ErrRedirected)
		require.Equal(t, http.StatusMovedPermanently, re.StatusCode)
		require.Equal(t, target.URL+"/elsewhere", re.Location)
		require.False(t, re.MayHaveSucceeded)
		require.NotNil(t, resp)
		require.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
		select {
		case got := <-received:
			require.Failf(t, "the request went to http", "Authorization %q", got)
		default:
		}
	})
}

// TestSecretsRedirectDropsTokenAcrossOrigins: the SDK's own client must not
// forward the token to another port or scheme.
func TestSecretsRedirectDropsTokenAcrossOrigins(t *testing.T) {
	t.Parallel()
	redirectLeakCases(t, func(t *testing.T, base string) *Client { return secretClient(t, base) })
}

// TestSecretsRedirectPolicyWorkaround: until then, a caller can pass an HTTP
// client with that policy, and the SDK honours it.
func TestSecretsRedirectPolicyWorkaround(t *testing.T) {
	t.Parallel()
	redirectLeakCases(t, func(t *testing.T, base string) *Client {
		return secretClient(t, base, WithHTTPClient(&http.Client{CheckRedirect: redirectPolicy(nil)}))
	})
}

// captureHandler records every slog record at every level, rendered with all
// its attributes and those of the handler (With, WithGroup).
type captureHandler struct {
	mu     *sync.Mutex
	out    *[]string
	levels map[slog.Level]int
	inner  slog.Handler
	buf    *bytes.Buffer
}

func newCaptureHandler() *captureHandler {
	buf := &bytes.Buffer{}
	return &captureHandler{mu: &sync.Mutex{}, out: new([]string), levels: map[slog.Level]int{}, buf: buf,
		inner: slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug - 8, AddSource: true})}
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *captureHandler) Handle(ctx context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.levels[r.Level]++
	h.buf.Reset()
	if err := h.inner.Handle(ctx, r); err != nil {
		return err
	}
	*h.out = append(*h.out, h.buf.String())
	return nil
}

func (h *captureHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.inner = h.inner.WithAttrs(as)
	return &c
}

func (h *captureHandler) WithGroup(name string) slog.Handler {
	c := *h
	c.inner = h.inner.WithGroup(name)
	return &c
}

func (h *captureHandler) lines() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), *h.out...)
}

// TestSecretsNotInLogs runs successes, API errors, retries, rate limits,
// resets, timeouts and redirects with a logger capturing everything from
// Debug down; no line carries the token, the word Bearer, or a query string.
// The standard library logger is captured too.
func TestSecretsNotInLogs(t *testing.T) {
	var stdlog bytes.Buffer
	prevOut, prevFlags := log.Writer(), log.Flags()
	log.SetOutput(&stdlog)
	t.Cleanup(func() { log.SetOutput(prevOut); log.SetFlags(prevFlags) })

	fakeClock(t, func(t *testing.T) {
		h := newCaptureHandler()
		logger := slog.New(h).With("component", "test").WithGroup("sdk")
		var n int
		var mu sync.Mutex
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			n++
			k := n
			mu.Unlock()
			w.Header().Set("X-Request-Id", fmt.Sprintf("req-%d", k))
			switch {
			case strings.HasPrefix(r.URL.Path, "/ok"):
				writeJSON(w, 200, `{"type":"admin","id":"1"}`)
			case strings.HasPrefix(r.URL.Path, "/missing"):
				echoHandler(404, true, false)(w, r) // the body (never logged) echoes the token
			case strings.HasPrefix(r.URL.Path, "/flaky"):
				if k%2 == 1 {
					writeJSON(w, 503, `{}`)
					return
				}
				writeJSON(w, 200, `{}`)
			case strings.HasPrefix(r.URL.Path, "/limited"):
				w.Header().Set("Retry-After", "7200")
				writeJSON(w, 429, `{}`)
			case strings.HasPrefix(r.URL.Path, "/reset"):
				hijackReset(t, w)
			case strings.HasPrefix(r.URL.Path, "/slow"):
				<-r.Context().Done()
			case strings.HasPrefix(r.URL.Path, "/redirect"):
				http.Redirect(w, r, "/ok?email=jane%40example.com", http.StatusFound)
			default:
				writeJSON(w, 400, `{}`)
			}
		}, inMemory())
		c := srv.client(t, append(secretOpts, WithLogger(logger), WithTimeout(100*time.Millisecond))...)
		ctx := context.Background()
		for _, p := range []string{"/ok", "/missing", "/flaky", "/limited", "/reset", "/slow", "/redirect", "/bad"} {
			for _, m := range []string{http.MethodGet, http.MethodPost} {
				_, err := c.Do(ctx, m, p+"?email=jane%40example.com&token="+url.QueryEscape(secretToken), map[string]string{"q": "v"}, nil)
				assertNoSecret(t, "error", leakTexts(err)...)
				if err != nil {
					require.NotContains(t, err.Error(), "jane", "no query string in errors")
				}
			}
		}
		lines := h.lines()
		calls := map[string]int{} // the level of each call's line
		for _, l := range lines {
			if strings.Contains(l, `msg="intercom request"`) {
				level, _, _ := strings.Cut(strings.TrimPrefix(l[strings.Index(l, "level="):], "level="), " ")
				calls[level]++
			}
		}
		require.Equal(t, map[string]int{
			"DEBUG": 4, // successes: ok, the GET through a 503, the GET redirected
			"INFO":  8, // API errors, and the POST's redirect, not followed
			"WARN":  4, // connection failures: resets, timeouts
		}, calls, "one line per call")
		require.Positive(t, h.levels[slog.LevelDebug]-4, "retries are logged at Debug too")
		for _, l := range lines {
			assertNoSecret(t, "log line", l)
			require.NotContains(t, l, "Bearer", l)
			require.NotContains(t, l, "jane", "no query string in logs: %s", l)
			require.Contains(t, l, "component=test", "handler attributes are kept")
		}
		assertNoSecret(t, "standard logger", stdlog.String())
		for _, mark := range []string{"[DEBUG]", "[ERR]", "intercom"} {
			require.NotContains(t, stdlog.String(), mark, "the SDK (and retryablehttp) write nothing to the standard logger")
		}
	})
}

// TestSecretsEchoedRequestIDNotLogged: a server (or proxy) that echoes the
// Authorization header into X-Request-Id must not get the token into the
// log line or Response.RequestID. APIError.RequestID is already redacted.
func TestSecretsEchoedRequestIDNotLogged(t *testing.T) {
	t.Parallel()
	h := newCaptureHandler()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req "+r.Header.Get("Authorization"))
		writeJSON(w, 200, `{}`)
	})
	_, resp, err := secretClient(t, srv.URL, WithLogger(slog.New(h))).Admins.Get(fltCtx(t, 10*time.Second), "1")
	require.NoError(t, err)
	assertNoSecret(t, "Response.RequestID", resp.RequestID)
	assertNoSecret(t, "log", h.lines()...)
}

// TestSecretsEchoedTokenInSuccessBody: a 2xx body that echoes the token and
// does not decode (an echo endpoint, a misrouted base URL) must not carry it
// into DecodeError.Snippet, as APIError.Snippet already does not.
func TestSecretsEchoedTokenInSuccessBody(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"headers":{"Authorization":"`+r.Header.Get("Authorization")+`"},"id":`)
	})
	_, _, err := secretClient(t, srv.URL).Admins.Get(fltCtx(t, 10*time.Second), "1")
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	require.Contains(t, de.Snippet, redactedText)
	assertNoSecret(t, "DecodeError", leakTexts(err)...)
}

// TestSecretsNoPanics feeds hostile configurations and inputs through the
// client: none may panic (so no panic message can carry the token).
func TestSecretsNoPanics(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n%2 == 0 {
			w.Header().Set("Retry-After", "-1")
			w.Header().Set("X-RateLimit-Reset", "-99999999999999999999")
			writeJSON(w, 429, `{"errors":null}`)
			return
		}
		w.Header().Set("Retry-After", "99999999999999999999")
		writeJSON(w, 503, `null`)
	})
	ctx := fltCtx(t, 20*time.Second)
	policies := []RetryPolicy{
		{},
		{MaxRetries: 2, MinWait: -time.Second, MaxWait: -time.Second},
		{MaxRetries: 2, MinWait: 1 << 62, MaxWait: time.Millisecond},
		{MaxRetries: 2, MinWait: time.Nanosecond, MaxWait: time.Nanosecond, Budget: NewRetryBudget(0)},
		{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, Budget: NewRetryBudget(-5)},
	}
	for i, p := range policies {
		func() {
			defer func() {
				if r := recover(); r != nil {
					assert.Failf(t, "panic", "policy %d: %v", i, r)
					assertNoSecret(t, "panic", fmt.Sprint(r))
				}
			}()
			c, err := NewClient(secretToken, WithBaseURL(srv.URL), WithRetryPolicy(p), nil)
			require.NoError(t, err)
			short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			defer cancel()
			_, _, err = c.Admins.Get(short, "1", nil, WithMaxRetries(1))
			require.Error(t, err)
			assertNoSecret(t, "error", leakTexts(err)...)
			_, err = c.Do(short, "GET", "/x?%zz", nil, nil)
			require.ErrorIs(t, err, ErrInvalidRequest)
			_, err = c.Do(short, "BREW", "/{x}", nil, nil)
			require.ErrorIs(t, err, ErrInvalidRequest)
			_, err = c.Do(short, "POST", "/x", func() {}, nil)
			require.Error(t, err)
			assertNoSecret(t, "error", leakTexts(err)...)
		}()
	}
}

// TestBackoffWithinUpperHalf: each backoff is jittered within the upper half
// of its step (MinWait doubling up to MaxWait), and spread over it.
func TestBackoffWithinUpperHalf(t *testing.T) {
	t.Parallel()
	policy := RetryPolicy{MinWait: 100 * time.Millisecond, MaxWait: time.Second}
	for attempts, ceiling := range []time.Duration{100, 100, 200, 400, 800, 1000, 1000} {
		ceiling *= time.Millisecond
		lo, hi := ceiling, time.Duration(0)
		for range 500 {
			w := (&retryState{policy: policy, attempts: attempts}).backoff()
			lo, hi = min(lo, w), max(hi, w)
		}
		require.GreaterOrEqual(t, lo, ceiling/2, "attempt %d", attempts)
		require.LessOrEqual(t, hi, ceiling, "attempt %d", attempts)
		require.Less(t, lo, ceiling*6/10, "attempt %d: jittered", attempts)
		require.Greater(t, hi, ceiling*9/10, "attempt %d: jittered", attempts)
	}
}

// TestBackoffNeverOverflows: any policy, any attempt number: a wait within
// [0, MaxWait], never a panic (rand.N panics on a non-positive bound).
func TestBackoffNeverOverflows(t *testing.T) {
	t.Parallel()
	waits := []time.Duration{-1, 0, 1, time.Millisecond, time.Hour, 1 << 40, 1 << 62, 1<<63 - 1}
	for _, minW := range waits {
		for _, maxW := range waits {
			for attempts := 0; attempts <= 70; attempts++ {
				st := &retryState{policy: RetryPolicy{MinWait: minW, MaxWait: maxW}, attempts: attempts}
				w := st.backoff()
				require.Truef(t, w >= 0 && w <= st.policy.maxWait(), "MinWait %v MaxWait %v attempt %d: wait %v", minW, maxW, attempts, w)
			}
		}
	}
	resp := &http.Response{Header: http.Header{"Retry-After": {"99999999999999"}}}
	require.Greater(t, headerRetryAfter(resp, time.Now()), 100*365*24*time.Hour, "a huge Retry-After saturates, it does not wrap")
}
