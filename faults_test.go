package intercom

// Fault injection: every test runs against a loopback server (httptest, or a
// raw net.Listener where the fault is below HTTP), is bounded in time, and
// asserts both the outcome (typed error, matched by errors.Is / errors.As) and
// the number of requests the server saw. docs/reliability.md is the table of
// these behaviours.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resetConn closes c with an RST instead of a FIN.
func resetConn(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = c.Close()
}

// hijackReset is a handler body that resets the connection instead of answering.
func hijackReset(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if !assert.NoError(t, err) {
		return
	}
	resetConn(conn)
}

// rawServer speaks just enough HTTP/1.1 over a net.Listener for faults that
// httptest cannot produce (a body cut off by an RST, a half-written header).
type rawServer struct {
	ln   net.Listener
	n    atomic.Int32
	wg   sync.WaitGroup
	read atomic.Int64 // bytes the clients of s.client have read
}

// newRawServer serves each request with handle, which writes the raw
// response (or not) and reports whether the connection may serve another.
func newRawServer(t *testing.T, handle func(n int32, c net.Conn, r *http.Request) (keepAlive bool)) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &rawServer{ln: ln}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
					r, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					_, _ = io.Copy(io.Discard, r.Body)
					if !handle(s.n.Add(1), c, r) {
						return
					}
				}
			}()
		}
	}()
	t.Cleanup(func() { _ = ln.Close(); s.wg.Wait() })
	return s
}

func (s *rawServer) URL() string { return "http://" + s.ln.Addr().String() }

// client returns a testClient of s whose connections count the bytes they
// read, for writeAndAwait.
func (s *rawServer) client(t *testing.T, opts ...Option) *Client {
	t.Helper()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	var d net.Dialer
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &countingConn{Conn: c, n: &s.read}, nil
	}
	t.Cleanup(tr.CloseIdleConnections)
	return testClient(t, s.URL(), append([]Option{WithHTTPClient(&http.Client{Transport: tr})}, opts...)...)
}

// writeAndAwait writes b to c and returns once the client has read all of
// it, so that a reset sent next cannot overtake it: no sleep to tune.
func (s *rawServer) writeAndAwait(t *testing.T, c net.Conn, b string) {
	want := s.read.Load() + int64(len(b))
	_, err := io.WriteString(c, b)
	assert.NoError(t, err)
	for deadline := time.Now().Add(10 * time.Second); s.read.Load() < want; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			assert.Failf(t, "the client stopped reading", "it read %d of %d bytes", s.read.Load(), want)
			return
		}
	}
}

// countingConn counts the bytes read from a connection.
type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// assertTokenFree checks that an error's text never carries the token.
func assertTokenFree(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		assert.NotContains(t, err.Error(), testToken)
		assert.NotContains(t, fmt.Sprintf("%+v", err), testToken)
	}
}

// TestFaultResetBeforeResponse: the server reads the request, then resets
// the connection. Whether the request is sent again depends on whether it is
// safe to repeat; a POST that is not says the write may have happened.
func TestFaultResetBeforeResponse(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { hijackReset(t, w) })
	ctx := fltCtx(t, 10*time.Second)
	search := SearchRequest{Query: Filter("email", OpEquals, StringValue("a@example.com"))}
	cases := []struct {
		name     string
		call     func(c *Client) error
		requests int32
		maybe    bool
	}{
		{"GET retried", func(c *Client) error { _, _, err := c.Admins.Get(ctx, "1"); return err }, 4, false},
		{"DELETE retried", func(c *Client) error { _, err := c.Do(ctx, http.MethodDelete, "/tags/1", nil, nil); return err }, 4, false},
		{"PUT retried", func(c *Client) error {
			_, err := c.Do(ctx, http.MethodPut, "/contacts/1", map[string]string{"name": "x"}, nil)
			return err
		}, 4, false},
		{"search POST retried (read-only)", func(c *Client) error { _, _, err := c.Contacts.Search(ctx, search); return err }, 4, false},
		{"POST not retried", func(c *Client) error {
			_, _, err := c.Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "hi"})
			return err
		}, 1, true},
		{"POST retried when opted in", func(c *Client) error {
			_, _, err := c.Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "hi"}, WithRetryNonIdempotent())
			return err
		}, 4, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv.n.Store(0)
			start := time.Now()
			err := tc.call(fltClient(t, srv.URL))
			require.Less(t, time.Since(start), 5*time.Second)
			var ce *ConnectionError
			require.ErrorAs(t, err, &ce)
			require.Equal(t, tc.requests, srv.n.Load(), "requests the server saw")
			require.Equal(t, int(tc.requests), ce.Attempts)
			require.Equal(t, tc.maybe, ce.MayHaveSucceeded)
			if tc.maybe {
				require.Contains(t, err.Error(), "may have been processed")
			}
			// The transport's own error is reachable.
			require.True(t, errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF), "cause: %v", err)
			require.NotErrorIs(t, err, ErrUnexpectedResponse)
			assertTokenFree(t, err)
		})
	}
}

// TestFaultConnectionRefused: nothing was sent, so even a POST is retried,
// and the error says the write did not happen.
func TestFaultConnectionRefused(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	c := fltClient(t, "http://"+addr)
	start := time.Now()
	_, _, err = c.Contacts.CreateNote(fltCtx(t, 10*time.Second), "c1", ContactCreateNoteRequest{Body: "hi"})
	require.Less(t, time.Since(start), 5*time.Second)
	var ce *ConnectionError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, 4, ce.Attempts, "a refused connection is retried for every method")
	require.False(t, ce.MayHaveSucceeded)
	require.ErrorIs(t, err, syscall.ECONNREFUSED)
	var op *net.OpError
	require.ErrorAs(t, err, &op)
	require.Equal(t, "dial", op.Op)
}

// TestFaultClosedBeforeResponse: the server reads the request and closes the
// connection (a FIN, not a reset) without a word. The client sees io.EOF: a
// GET is retried, a POST is not and may have been processed.
func TestFaultClosedBeforeResponse(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if assert.NoError(t, err) {
			_ = conn.Close()
		}
	})
	ctx := testCtx(t, time.Minute)
	_, _, err := srv.client(t).Admins.Get(ctx, "1")
	var ce *ConnectionError
	require.ErrorAs(t, err, &ce)
	require.ErrorIs(t, err, io.EOF)
	require.Equal(t, 4, ce.Attempts, "a GET is retried")
	require.Equal(t, int32(4), srv.n.Load())
	require.False(t, ce.MayHaveSucceeded)

	srv.reset()
	_, _, err = srv.client(t).Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "hi"})
	require.ErrorAs(t, err, &ce)
	require.Equal(t, 1, ce.Attempts, "a POST is not")
	require.Equal(t, int32(1), srv.posts.Load())
	require.True(t, ce.MayHaveSucceeded)
}

// TestFaultRefusedByACustomDialer: a dialer of the caller's (a sidecar, a
// SOCKS proxy) may report a refused connection without net's dial error
// around it; ECONNREFUSED alone still says that nothing was sent, so even a
// POST is retried and does not claim it may have succeeded.
func TestFaultRefusedByACustomDialer(t *testing.T) {
	t.Parallel()
	var dials atomic.Int32
	tr := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		dials.Add(1)
		return nil, fmt.Errorf("sidecar: upstream: %w", syscall.ECONNREFUSED)
	}}
	c := testClient(t, "http://intercom.test", WithHTTPClient(&http.Client{Transport: tr}))
	_, _, err := c.Contacts.CreateNote(testCtx(t, time.Minute), "c1", ContactCreateNoteRequest{Body: "hi"})
	var ce *ConnectionError
	require.ErrorAs(t, err, &ce)
	require.ErrorIs(t, err, syscall.ECONNREFUSED)
	require.False(t, ce.MayHaveSucceeded)
	require.Equal(t, 4, ce.Attempts, "retried: nothing was sent")
	require.Equal(t, int32(4), dials.Load())
}

// TestFaultResetMidBody: the status line and part of a 200 body arrive, then
// an RST. The retry layer has already handed over the response, so nothing is
// sent again (not even a GET): the call fails with a *DecodeError (it matches
// ErrUnexpectedResponse) that wraps the read error and shows the partial
// body. The status says the server acted, which for a POST means the write
// happened.
func TestFaultResetMidBody(t *testing.T) {
	t.Parallel()
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			var srv *rawServer
			srv = newRawServer(t, func(_ int32, c net.Conn, _ *http.Request) bool {
				partial := `{"type":"admin","id":"1","name":"Ada Lovel`
				if chunked {
					srv.writeAndAwait(t, c, fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n", len(partial), partial))
				} else {
					srv.writeAndAwait(t, c, fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n%s", partial))
				}
				resetConn(c)
				return false
			})
			c := srv.client(t)
			ctx := testCtx(t, time.Minute)
			for _, call := range []struct {
				name string
				do   func() error
			}{
				{"GET", func() error { _, _, err := c.Admins.Get(ctx, "1"); return err }},
				{"POST", func() error {
					_, _, err := c.Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "hi"})
					return err
				}},
			} {
				srv.n.Store(0)
				err := call.do()
				require.ErrorIs(t, err, ErrUnexpectedResponse, call.name)
				var de *DecodeError
				require.ErrorAs(t, err, &de)
				require.Equal(t, 200, de.StatusCode)
				require.Contains(t, de.Snippet, `"name":"Ada Lovel`, "the partial body is shown")
				require.True(t, errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET), "cause: %v", err)
				require.Contains(t, err.Error(), "reading body")
				require.Equal(t, int32(1), srv.n.Load(), "%s: a cut-off 2xx body is not retried", call.name)
				assertTokenFree(t, err)
			}
		})
	}
}

// TestFaultMalformedSuccessBody: a 200 whose body is not the JSON expected is
// a *DecodeError carrying the decoder's own error and the start of the body;
// it is never retried (the server acted), so a POST is sent once.
func TestFaultMalformedSuccessBody(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		cause      any
	}{
		{"truncated JSON", `{"type":"note","id":"17","body":"<p>hel`, new(*json.SyntaxError)},
		{"garbage", `}{not json at all`, new(*json.SyntaxError)},
		{"HTML from a proxy", `<!DOCTYPE html><html><body>Service Unavailable</body></html>`, new(*json.SyntaxError)},
		{"wrong type", `{"type":"note","id":{"nested":1}}`, new(*json.UnmarshalTypeError)},
		{"array for object", `[1,2,3]`, new(*json.UnmarshalTypeError)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, tc.body) })
			_, _, err := fltClient(t, srv.URL).Contacts.CreateNote(fltCtx(t, 10*time.Second), "c1", ContactCreateNoteRequest{Body: "hi"})
			require.ErrorIs(t, err, ErrUnexpectedResponse)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			require.Equal(t, 200, de.StatusCode)
			require.Equal(t, "application/json", de.ContentType)
			require.Equal(t, tc.body, de.Snippet)
			require.ErrorAs(t, err, tc.cause)
			require.Equal(t, int32(1), srv.posts.Load(), "sent once")
		})
	}
}

// TestFaultHeadersNeverCome: the server accepts the request and never
// answers. The caller's deadline ends the call at the deadline with the
// context's error; the client's per-attempt timeout (WithTimeout) ends each
// attempt with a timeout *ConnectionError, retried for a GET and not for a
// POST. On the fake clock the times are exact.
func TestFaultHeadersNeverCome(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, _ http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(20 * time.Second):
			}
		}, inMemory())

		// The caller's deadline.
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			srv.reset()
			ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
			start := time.Now()
			_, err := srv.client(t).Do(ctx, method, "/admins/1", nil, nil)
			cancel()
			require.ErrorIs(t, err, context.DeadlineExceeded, method)
			require.Equal(t, 150*time.Millisecond, time.Since(start), "%s: ends at the deadline, not at the 60s default timeout", method)
			require.Equal(t, int32(1), srv.n.Load(), "%s: no retry after the caller's deadline", method)
			assertTokenFree(t, err)
		}

		// The client's timeout, GET: three attempts of 100ms, and two
		// backoffs of 1ms and 2ms (jittered down to half at most).
		srv.reset()
		start := time.Now()
		_, _, err := srv.client(t, WithTimeout(100*time.Millisecond), WithRetryPolicy(testPolicy(2))).Admins.Get(context.Background(), "1")
		elapsed := time.Since(start)
		var ce *ConnectionError
		require.ErrorAs(t, err, &ce)
		require.Equal(t, 3, ce.Attempts)
		require.Equal(t, int32(3), srv.n.Load(), "each attempt timed out and was retried")
		require.False(t, ce.MayHaveSucceeded)
		var ne net.Error
		require.ErrorAs(t, err, &ne)
		require.True(t, ne.Timeout())
		require.GreaterOrEqual(t, elapsed, 300*time.Millisecond+1500*time.Microsecond)
		require.LessOrEqual(t, elapsed, 300*time.Millisecond+3*time.Millisecond)

		// The client's timeout, POST: sent once.
		srv.reset()
		start = time.Now()
		_, _, err = srv.client(t, WithTimeout(100*time.Millisecond)).Contacts.CreateNote(context.Background(), "c1", ContactCreateNoteRequest{Body: "hi"})
		require.Equal(t, 100*time.Millisecond, time.Since(start))
		require.ErrorAs(t, err, &ce)
		require.True(t, ce.MayHaveSucceeded, "the POST reached the server and may have been applied")
		require.Equal(t, 1, ce.Attempts)
		require.Equal(t, int32(1), srv.posts.Load())
		require.True(t, isTimeout(err))
	})

	// On the real clock net/http also names its timeout in the message (on
	// the fake one the deadline and the check fall on the same instant).
	srv := newTestServer(t, func(_ int32, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	_, _, err := srv.client(t, WithTimeout(20*time.Millisecond), WithMaxRetries(0)).Admins.Get(testCtx(t, time.Minute), "1")
	require.ErrorContains(t, err, "Client.Timeout exceeded")
}

// TestFaultPOSTDeadlineMayHaveSucceeded: when the caller's deadline ends a
// POST that had reached the server, the error still matches
// context.DeadlineExceeded but also says the write may have happened.
func TestFaultPOSTDeadlineMayHaveSucceeded(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, inMemory())
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, _, err := srv.client(t).Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "x"})
		require.Equal(t, 100*time.Millisecond, time.Since(start))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		var ce *ConnectionError
		require.ErrorAs(t, err, &ce)
		require.True(t, ce.MayHaveSucceeded)
		require.Equal(t, int32(1), srv.posts.Load())

		// A GET cut off by the deadline stays the bare context error.
		ctx2, cancel2 := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel2()
		_, _, err = srv.client(t).Admins.Get(ctx2, "1")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.False(t, errors.As(err, &ce))
	})
}

// TestFaultBodyStalls: headers and part of the body arrive, then nothing.
// The per-attempt timeout covers reading the body too (a *DecodeError whose
// cause is a timeout); the caller's deadline gives an error matching
// context.DeadlineExceeded. Neither is retried.
func TestFaultBodyStalls(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", "1000")
			w.WriteHeader(200)
			_, _ = io.WriteString(w, `{"type":"admin",`)
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(20 * time.Second):
			}
		}, inMemory())

		start := time.Now()
		_, _, err := srv.client(t, WithTimeout(150*time.Millisecond)).Admins.Get(context.Background(), "1")
		require.Equal(t, 150*time.Millisecond, time.Since(start))
		var de *DecodeError
		require.ErrorAs(t, err, &de)
		require.True(t, isTimeout(err), "cause: %v", err)
		require.Equal(t, `{"type":"admin",`, de.Snippet)

		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		defer cancel()
		start = time.Now()
		_, _, err = srv.client(t).Admins.Get(ctx, "1")
		require.Equal(t, 150*time.Millisecond, time.Since(start))
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.Equal(t, int32(2), srv.n.Load(), "neither was retried")
	})
}

// TestFaultServerErrorBurst: a run of 503s then a success. A GET rides
// through as many as MaxRetries; one more and the 503 is returned, after
// exactly MaxRetries+1 requests. Retry-After is honoured.
func TestFaultServerErrorBurst(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		failures int32
		ok       bool
	}{{1, true}, {3, true}, {4, false}, {10, false}} {
		t.Run(fmt.Sprintf("%d×503", tc.failures), func(t *testing.T) {
			srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
				if n <= tc.failures {
					w.Header().Set("X-Request-Id", "r"+strconv.Itoa(int(n)))
					writeJSON(w, 503, `{"type":"error.list","errors":[{"code":"service_unavailable","message":"down"}]}`)
					return
				}
				writeJSON(w, 200, `{"type":"admin","id":"1"}`)
			})
			a, _, err := srv.client(t).Admins.Get(testCtx(t, time.Minute), "1")
			if tc.ok {
				require.NoError(t, err)
				require.Equal(t, ID("1"), a.ID)
				require.Equal(t, tc.failures+1, srv.n.Load())
				return
			}
			require.ErrorIs(t, err, ErrServer)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, 503, ae.StatusCode)
			require.Equal(t, "r4", ae.RequestID, "the last attempt's error is returned")
			require.True(t, ae.HasCode("service_unavailable"))
			require.Equal(t, int32(4), srv.n.Load(), "MaxRetries+1 requests, no more")
		})
	}

	t.Run("Retry-After honoured", func(t *testing.T) {
		fakeClock(t, func(t *testing.T) {
			var at arrivals
			srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
				at.add(time.Now())
				if n == 1 {
					w.Header().Set("Retry-After", "1")
					writeJSON(w, 503, `{}`)
					return
				}
				writeJSON(w, 200, `{}`)
			}, inMemory())
			_, _, err := srv.client(t).Admins.Get(context.Background(), "1")
			require.NoError(t, err)
			got := at.all()
			require.Len(t, got, 2)
			require.Equal(t, time.Second, got[1].Sub(got[0]), "the retry waits Retry-After, not the 1ms backoff")
		})
	})
}

// TestFaultRateLimitWaitsForReset: a 429 whose X-RateLimit-Reset is two
// seconds ahead. The client sleeps until the reset and sends one more
// request: two in all, the second at the reset.
func TestFaultRateLimitWaitsForReset(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		start := time.Now()
		reset := start.Add(2 * time.Second) // the fake clock starts on a whole second
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			w.Header().Set("X-RateLimit-Limit", "10000")
			if n == 1 {
				w.Header().Set("X-RateLimit-Remaining", "0")
				w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
				writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}`)
				return
			}
			w.Header().Set("X-RateLimit-Remaining", "9999")
			writeJSON(w, 200, `{"type":"tag.list","data":[]}`)
		}, inMemory())
		_, resp, err := srv.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Second})).
			Tags.List(context.Background())
		require.NoError(t, err)
		require.Equal(t, []time.Time{start, reset}, at.all(), "one retry, at the reset: no hammering, no extra wait")
		require.Equal(t, 9999, resp.Rate.Remaining)
	})
}

// TestFaultRateLimitBeyondMaxWait: a reset (or Retry-After) further away than
// the policy's MaxWait is not slept through: the 429 is returned at once,
// after one request, with RetryAfter saying how long to wait. This holds for
// POSTs too, and for a policy whose MaxWait is zero (meaning DefaultMaxWait).
func TestFaultRateLimitBeyondMaxWait(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		header func(h http.Header)
		opts   []Option
		post   bool
		want   time.Duration
	}{
		{"reset in an hour", func(h http.Header) {
			h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
		}, nil, false, time.Hour},
		{"Retry-After only", func(h http.Header) { h.Set("Retry-After", "3600") }, nil, false, time.Hour},
		{"POST", func(h http.Header) { h.Set("Retry-After", "120") }, nil, true, 2 * time.Minute},
		{"zero MaxWait means the default", func(h http.Header) { h.Set("Retry-After", "31") },
			[]Option{WithRetryPolicy(RetryPolicy{MaxRetries: 3})}, false, 31 * time.Second},
		{"Retry-After that would overflow", func(h http.Header) { h.Set("Retry-After", "99999999999999") }, nil, false, math.MaxInt64},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fakeClock(t, func(t *testing.T) {
				srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
					tc.header(w.Header())
					writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded"}]}`)
				}, inMemory())
				c := srv.client(t, tc.opts...)
				start := time.Now()
				var err error
				if tc.post {
					_, _, err = c.Contacts.CreateNote(context.Background(), "c1", ContactCreateNoteRequest{Body: "hi"})
				} else {
					_, _, err = c.Admins.Get(context.Background(), "1")
				}
				require.Zero(t, time.Since(start), "returned at once")
				require.ErrorIs(t, err, ErrRateLimited)
				var ae *APIError
				require.ErrorAs(t, err, &ae)
				require.Equal(t, tc.want, ae.RetryAfter)
				require.Contains(t, err.Error(), "retry after")
				require.Equal(t, int32(1), srv.n.Load())
			})
		})
	}

	t.Run("zero MaxWait still waits for a near reset", func(t *testing.T) {
		fakeClock(t, func(t *testing.T) {
			srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					w.Header().Set("Retry-After", "1")
					writeJSON(w, 429, `{}`)
					return
				}
				writeJSON(w, 200, `{}`)
			}, inMemory())
			start := time.Now()
			_, _, err := srv.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 1})).Admins.Get(context.Background(), "1")
			require.NoError(t, err)
			require.Equal(t, int32(2), srv.n.Load())
			require.Equal(t, time.Second, time.Since(start))
		})
	})
}

// TestFaultHTMLBadGateway: a load balancer's HTML 502 page is an *APIError
// with the page's start in Snippet; a GET is retried, a POST is not.
func TestFaultHTMLBadGateway(t *testing.T) {
	t.Parallel()
	page := "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
		strings.Repeat("<!-- padding to defeat friendly error pages -->\r\n", 10) + "</body>\r\n</html>\r\n"
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, page)
	})
	c := fltClient(t, srv.URL)
	ctx := fltCtx(t, 10*time.Second)
	_, _, err := c.Contacts.Get(ctx, "c1", nil)
	require.ErrorIs(t, err, ErrServer)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, 502, ae.StatusCode)
	require.True(t, strings.HasPrefix(ae.Snippet, "<html>"), ae.Snippet)
	require.LessOrEqual(t, len(ae.Snippet), snippetLen+len("…"))
	require.True(t, strings.HasSuffix(ae.Snippet, "…"), "a long page is cut")
	require.Contains(t, err.Error(), "502 Bad Gateway")
	require.Empty(t, ae.Errors)
	require.Equal(t, int32(4), srv.n.Load(), "GET retried")

	srv.n.Store(0)
	_, _, err = c.Contacts.CreateNote(ctx, "c1", ContactCreateNoteRequest{Body: "hi"})
	require.ErrorAs(t, err, &ae)
	require.Equal(t, int32(1), srv.n.Load(), "POST sent once")
}

// countingTransport counts the response body bytes the SDK reads.
type countingTransport struct {
	base http.RoundTripper
	read atomic.Int64
}

func (ct *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := ct.base.RoundTrip(r)
	if resp != nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, n: &ct.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

// TestFaultHugeErrorBody: a 10 MiB error body. The SDK keeps at most 1 MiB
// of it to parse (and drains at most 1 MiB more so the connection could be
// reused), then closes the connection: the bytes read stay bounded, the
// snippet is 256 bytes and the error string short.
func TestFaultHugeErrorBody(t *testing.T) {
	t.Parallel()
	const size = 10 << 20
	for _, tc := range []struct {
		name     string
		status   int
		body     func(w io.Writer)
		requests int32
	}{
		{"text, 400", 400, func(w io.Writer) { _, _ = io.CopyN(w, repeatReader('x'), size) }, 1},
		{"text, 500 retried", 500, func(w io.Writer) { _, _ = io.CopyN(w, repeatReader('y'), size) }, 4},
		{"one huge JSON message", 422, func(w io.Writer) {
			_, _ = io.WriteString(w, `{"type":"error.list","errors":[{"code":"parameter_invalid","message":"`)
			_, _ = io.CopyN(w, repeatReader('m'), size)
			_, _ = io.WriteString(w, `"}]}`)
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var written atomic.Int64
			srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", strconv.Itoa(size+200))
				w.WriteHeader(tc.status)
				cw := &countingWriter{w: w, n: &written}
				tc.body(cw)
			})
			ct := &countingTransport{base: http.DefaultTransport.(*http.Transport).Clone()}
			c := fltClient(t, srv.URL, WithHTTPClient(&http.Client{Transport: ct}))
			start := time.Now()
			_, _, err := c.Admins.Get(fltCtx(t, 20*time.Second), "1")
			require.Less(t, time.Since(start), 10*time.Second)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, tc.status, ae.StatusCode)
			require.Equal(t, tc.requests, srv.n.Load())
			require.LessOrEqual(t, len(ae.Snippet), snippetLen+len("…"))
			require.Less(t, len(err.Error()), 2048, "the error string stays short")
			// Per retried attempt retryablehttp drains at most 4 KiB; the
			// final attempt reads 1 MiB for the error and drains ≤ 1 MiB.
			limit := int64(2*maxErrorBody) + int64(tc.requests)*(4<<10) + 64<<10
			require.LessOrEqual(t, ct.read.Load(), limit, "bytes read by the SDK")
			t.Logf("server wrote %d bytes (socket buffers absorb some), SDK read %d", written.Load(), ct.read.Load())
		})
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (cw *countingWriter) Write(p []byte) (int, error) {
	n, err := cw.w.Write(p)
	cw.n.Add(int64(n))
	return n, err
}

// TestFaultLenientSuccessBodies: a 200 with enum values the SDK has no
// constant for, ids sent as numbers where the spec says strings, nulls and
// unknown fields decodes without error and keeps the values.
func TestFaultLenientSuccessBodies(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/contacts/"):
			writeJSON(w, 200, `{"type":"contact","id":6443,"workspace_id":"ecahpwf5","role":"robot","owner_id":991267,`+
				`"email":null,"brand_new":{"deep":[1,2,{"x":null}]},"custom_attributes":{"n":1.5,"s":"x"}}`)
		case strings.HasPrefix(r.URL.Path, "/conversations/"):
			writeJSON(w, 200, `{"type":"conversation","id":147,"state":"snoozed_forever","priority":"critical",`+
				`"admin_assignee_id":814860,"team_assignee_id":"5017691","open":true,"future_block":{"k":"v"}}`)
		case r.URL.Path == "/tags":
			writeJSON(w, 200, `{"type":"list","data":[{"type":"tag","id":17513805,"name":"vip"},{"type":"tag","id":"x-1","name":"beta"}]}`)
		default:
			writeJSON(w, 404, `{}`)
		}
	})
	c := fltClient(t, srv.URL)
	ctx := fltCtx(t, 10*time.Second)

	contact, _, err := c.Contacts.Get(ctx, "6443", nil)
	require.NoError(t, err)
	require.Equal(t, ID("6443"), contact.ID)
	require.Equal(t, ContactRole("robot"), contact.Role)
	require.Equal(t, ID("991267"), contact.OwnerID)

	conv, _, err := c.Conversations.Get(ctx, "147", nil)
	require.NoError(t, err)
	require.Equal(t, ID("147"), conv.ID)
	require.Equal(t, ConversationState("snoozed_forever"), conv.State)
	require.Equal(t, ConversationPriority("critical"), conv.Priority)
	require.Equal(t, ID("814860"), conv.AdminAssigneeID)
	require.Equal(t, ID("5017691"), conv.TeamAssigneeID)

	tags, _, err := c.Tags.List(ctx)
	require.NoError(t, err)
	require.Len(t, tags.Data, 2)
	require.Equal(t, ID("17513805"), tags.Data[0].ID)
	require.Equal(t, ID("x-1"), tags.Data[1].ID)
}

// TestFaultPOSTNeverDuplicated sends one POST into each fault and counts what
// reached the server: one request every time, except a 429 (Intercom did not
// act on it, so it is retried). Every error is typed.
func TestFaultPOSTNeverDuplicated(t *testing.T) {
	t.Parallel()
	type fault struct {
		name    string
		handler func(n int32, w http.ResponseWriter, r *http.Request)
		posts   int32
		check   func(t *testing.T, err error)
	}
	apiErr := func(sentinel error) func(t *testing.T, err error) {
		return func(t *testing.T, err error) {
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			require.ErrorIs(t, err, sentinel)
		}
	}
	faults := []fault{
		{"reset", func(_ int32, w http.ResponseWriter, _ *http.Request) { hijackReset(t, w) }, 1, func(t *testing.T, err error) {
			var ce *ConnectionError
			require.ErrorAs(t, err, &ce)
			require.True(t, ce.MayHaveSucceeded)
		}},
		{"close without answer", func(_ int32, w http.ResponseWriter, _ *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			_ = conn.Close()
		}, 1, func(t *testing.T, err error) {
			var ce *ConnectionError
			require.ErrorAs(t, err, &ce)
			require.True(t, ce.MayHaveSucceeded)
		}},
		{"half a status line", func(_ int32, w http.ResponseWriter, _ *http.Request) {
			conn, buf, _ := w.(http.Hijacker).Hijack()
			_, _ = buf.WriteString("HTTP/1.1 20")
			_ = buf.Flush()
			_ = conn.Close()
		}, 1, func(t *testing.T, err error) {
			var ce *ConnectionError
			require.ErrorAs(t, err, &ce)
			require.True(t, ce.MayHaveSucceeded)
		}},
		{"500", func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 500, `{}`) }, 1, apiErr(ErrServer)},
		{"502 HTML", func(_ int32, w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(502)
			_, _ = io.WriteString(w, "<html>bad gateway</html>")
		}, 1, apiErr(ErrServer)},
		{"503 with Retry-After", func(_ int32, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 503, `{}`)
		}, 1, apiErr(ErrServer)},
		{"504", func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 504, `{}`) }, 1, apiErr(ErrServer)},
		{"malformed 200", func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"id":`) }, 1, func(t *testing.T, err error) {
			require.ErrorIs(t, err, ErrUnexpectedResponse)
		}},
		{"429 then 200 (retried by design)", func(n int32, w http.ResponseWriter, _ *http.Request) {
			if n == 1 {
				writeJSON(w, 429, `{}`)
				return
			}
			writeJSON(w, 200, `{"type":"note","id":"1"}`)
		}, 2, func(t *testing.T, err error) { require.NoError(t, err) }},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			srv := newFltServer(t, f.handler)
			c := fltClient(t, srv.URL, WithTimeout(2*time.Second))
			_, _, err := c.Contacts.CreateNote(fltCtx(t, 10*time.Second), "c1", ContactCreateNoteRequest{Body: "hello"})
			f.check(t, err)
			require.Equal(t, f.posts, srv.posts.Load(), "POSTs that reached the server")
			assertTokenFree(t, err)
		})
	}

	t.Run("header timeout", func(t *testing.T) {
		fakeClock(t, func(t *testing.T) {
			srv := newTestServer(t, func(_ int32, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, inMemory())
			_, _, err := srv.client(t, WithTimeout(100*time.Millisecond)).Contacts.CreateNote(context.Background(), "c1", ContactCreateNoteRequest{Body: "x"})
			var ce *ConnectionError
			require.ErrorAs(t, err, &ce)
			require.True(t, ce.MayHaveSucceeded)
			require.Equal(t, int32(1), srv.posts.Load())
		})
	})

	t.Run("reset mid body", func(t *testing.T) {
		var srv *rawServer
		srv = newRawServer(t, func(_ int32, c net.Conn, _ *http.Request) bool {
			srv.writeAndAwait(t, c, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"type\":\"no")
			resetConn(c)
			return false
		})
		_, _, err := srv.client(t).Contacts.CreateNote(testCtx(t, time.Minute), "c1", ContactCreateNoteRequest{Body: "x"})
		require.ErrorIs(t, err, ErrUnexpectedResponse)
		require.Equal(t, int32(1), srv.n.Load())
	})
}

// TestRetryBudgetSustainedOutage: with the server always answering 503, a
// long run of calls adds at most budget/cost retries in all, instead of
// multiplying the load by MaxRetries+1. When the outage ends, each success
// pays back a token and retries come back.
func TestRetryBudgetSustainedOutage(t *testing.T) {
	t.Parallel()
	var down atomic.Bool
	down.Store(true)
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		if down.Load() {
			writeJSON(w, 503, `{"type":"error.list","errors":[{"code":"service_unavailable"}]}`)
			return
		}
		writeJSON(w, 200, `{"type":"admin","id":"1"}`)
	})
	policy := DefaultRetryPolicy() // budget of 100 tokens, 5 per retry
	policy.MinWait, policy.MaxWait = time.Microsecond, time.Millisecond
	c := fltClient(t, srv.URL, WithRetryPolicy(policy))
	ctx := fltCtx(t, 20*time.Second)

	const calls = 200
	for range calls {
		_, _, err := c.Admins.Get(ctx, "1")
		require.ErrorIs(t, err, ErrServer)
	}
	maxExtra := int32(DefaultRetryBudget / retryCost)
	require.Equal(t, calls+maxExtra, srv.n.Load(), "requests = calls + budget/cost")
	require.Equal(t, 0, policy.Budget.Available())

	// A drained budget: the next failure is returned at once, unretried.
	srv.n.Store(0)
	_, _, err := c.Admins.Get(ctx, "1")
	require.ErrorIs(t, err, ErrServer)
	require.Equal(t, int32(1), srv.n.Load())

	// The outage ends: successes refill the budget, one token each.
	down.Store(false)
	for i := range DefaultRetryBudget {
		_, _, err := c.Admins.Get(ctx, "1")
		require.NoError(t, err)
		require.Equal(t, i+1, policy.Budget.Available())
	}
	_, _, err = c.Admins.Get(ctx, "1")
	require.NoError(t, err)
	require.Equal(t, DefaultRetryBudget, policy.Budget.Available(), "never above capacity")

	// And retries work again: a short blip is ridden through.
	var n atomic.Int32
	blip := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) <= 2 {
			writeJSON(w, 503, `{}`)
			return
		}
		writeJSON(w, 200, `{}`)
	})
	_, _, err = c.Admins.Get(ctx, "1", WithBaseURL(blip.URL))
	require.NoError(t, err)
	require.Equal(t, DefaultRetryBudget-2*retryCost+successRefund, policy.Budget.Available(), "two retries taken, one success paid back")
}

// TestRetryBudgetConcurrentOutage: 64 goroutines share one budget during an
// outage; the retries they add are bounded by the budget, not by
// goroutines × MaxRetries.
func TestRetryBudgetConcurrentOutage(t *testing.T) {
	t.Parallel()
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 503, `{}`) })
	budget := NewRetryBudget(50)
	c := fltClient(t, srv.URL, WithRetryPolicy(RetryPolicy{MaxRetries: 5, MinWait: time.Microsecond, MaxWait: time.Millisecond, Budget: budget}))
	ctx := fltCtx(t, 20*time.Second)
	const goroutines, perG = 64, 4
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range perG {
				_, _, err := c.Admins.Get(ctx, "1")
				assert.ErrorIs(t, err, ErrServer)
			}
		})
	}
	wg.Wait()
	require.Equal(t, int32(goroutines*perG+50/retryCost), srv.n.Load())
}

// TestRetryBudgetTimeoutsCostMore: a retry after a timeout takes twice the
// tokens of one after an error status (a timeout ties up a connection).
func TestRetryBudgetTimeoutsCostMore(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, inMemory())
		budget := NewRetryBudget(3 * retryTimeoutCost)
		c := srv.client(t, WithTimeout(30*time.Millisecond),
			WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Microsecond, MaxWait: time.Millisecond, Budget: budget}))
		for range 4 {
			_, _, err := c.Admins.Get(context.Background(), "1")
			var ce *ConnectionError
			require.ErrorAs(t, err, &ce)
			require.True(t, isTimeout(err))
		}
		require.Equal(t, int32(4+3), srv.n.Load(), "three timeout retries in all")
		require.Equal(t, 0, budget.Available())
	})
}

// TestConcurrentServicesUnderFaults: 64 goroutines share one client across
// several services while the server injects 503s and 429s into most calls.
// Run under -race. Every call ends with the answer to its own request, GETs
// ride through the faults, and no POST reaches the server twice unless a 429
// sent it back.
func TestConcurrentServicesUnderFaults(t *testing.T) {
	t.Parallel()
	type callState struct {
		method   string
		attempts int
	}
	var mu sync.Mutex
	calls := map[string]*callState{}
	srv := newFltServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Call")
		mu.Lock()
		st := calls[id]
		if st == nil {
			st = &callState{method: r.Method}
			calls[id] = st
		}
		st.attempts++
		attempt := st.attempts
		mu.Unlock()
		w.Header().Set("X-Request-Id", id)
		// GETs: 503, then 429, then the answer. POSTs: 429, then the answer.
		switch {
		case r.Method == http.MethodGet && attempt == 1:
			writeJSON(w, 503, `{"type":"error.list","errors":[{"code":"service_unavailable"}]}`)
			return
		case (r.Method == http.MethodGet && attempt == 2) || (r.Method == http.MethodPost && attempt == 1):
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(-time.Second).Unix(), 10))
			writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded"}]}`)
			return
		}
		p := r.URL.Path
		switch {
		case strings.HasPrefix(p, "/contacts/"):
			writeJSON(w, 200, fmt.Sprintf(`{"type":"contact","id":%q,"role":"user"}`, strings.TrimPrefix(p, "/contacts/")))
		case strings.HasPrefix(p, "/admins/"):
			writeJSON(w, 200, fmt.Sprintf(`{"type":"admin","id":%s}`, strings.TrimPrefix(p, "/admins/")))
		case p == "/conversations":
			writeJSON(w, 200, fmt.Sprintf(`{"type":"conversation.list","conversations":[{"type":"conversation","id":%q}],"pages":{"type":"pages","next":{"starting_after":"c-%s"}}}`, id, id))
		case p == "/tags" && r.Method == http.MethodGet:
			writeJSON(w, 200, fmt.Sprintf(`{"type":"list","data":[{"type":"tag","id":%q,"name":"t"}]}`, id))
		case p == "/tags" && r.Method == http.MethodPost:
			writeJSON(w, 200, fmt.Sprintf(`{"type":"tag","id":%q,"name":"n%s"}`, id, id))
		default:
			writeJSON(w, 404, `{"type":"error.list","errors":[{"code":"not_found"}]}`)
		}
	})
	c := fltClient(t, srv.URL, WithRetryPolicy(RetryPolicy{MaxRetries: 4, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond, Budget: NewRetryBudget(1 << 20)}))
	ctx := fltCtx(t, 30*time.Second)

	const goroutines, perG = 64, 6
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range perG {
				id := fmt.Sprintf("g%d-%d", g, i)
				call := WithHeader("X-Call", id)
				switch (g + i) % 5 {
				case 0:
					ct, resp, err := c.Contacts.Get(ctx, "ct"+id, nil, call)
					if assert.NoError(t, err) {
						assert.Equal(t, ID("ct"+id), ct.ID)
						assert.Equal(t, id, resp.RequestID)
					}
				case 1:
					list, _, err := c.Conversations.List(ctx, nil, call)
					if assert.NoError(t, err) && assert.Len(t, list.Conversations, 1) {
						assert.Equal(t, ID(id), list.Conversations[0].ID)
						assert.Equal(t, "c-"+id, list.Pages.Next.StartingAfter)
					}
				case 2:
					n := strconv.Itoa(g*100 + i)
					a, _, err := c.Admins.Get(ctx, n, call)
					if assert.NoError(t, err) {
						assert.Equal(t, ID(n), a.ID)
					}
				case 3:
					tags, _, err := c.Tags.List(ctx, call)
					if assert.NoError(t, err) && assert.Len(t, tags.Data, 1) {
						assert.Equal(t, ID(id), tags.Data[0].ID)
					}
				case 4:
					tag, _, err := c.Tags.CreateOrUpdate(ctx, TagCreateOrUpdateRequest{Name: "n" + id}, call)
					if assert.NoError(t, err) {
						assert.Equal(t, ID(id), tag.ID)
					}
				}
			}
		})
	}
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, calls, goroutines*perG)
	for id, st := range calls {
		if st.method == http.MethodPost {
			require.Equal(t, 2, st.attempts, "%s: a POST is sent again only after its 429", id)
		} else {
			require.Equal(t, 3, st.attempts, "%s: a GET after its 503 and its 429", id)
		}
	}
}

// TestFaultBackoff: on the fake clock, the waits between attempts are the
// policy's: MinWait doubling up to MaxWait, each jittered within its upper
// half; a 503's Retry-After is waited when longer, but never past MaxWait.
func TestFaultBackoff(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		retryAfter := ""
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			writeJSON(w, 503, `{}`)
		}, inMemory())
		c := srv.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 5, MinWait: 100 * time.Millisecond, MaxWait: 500 * time.Millisecond}))
		_, _, err := c.Admins.Get(context.Background(), "1")
		require.ErrorIs(t, err, ErrServer)
		got := at.all()
		require.Len(t, got, 6)
		for i, ceiling := range []time.Duration{100, 200, 400, 500, 500} {
			ceiling *= time.Millisecond
			gap := got[i+1].Sub(got[i])
			require.True(t, gap >= ceiling/2 && gap <= ceiling, "wait %d: %s, want within [%s, %s]", i+1, gap, ceiling/2, ceiling)
		}

		retryAfter = "3600"
		at.reset()
		_, _, err = c.Admins.Get(context.Background(), "1", WithMaxRetries(1))
		require.ErrorIs(t, err, ErrServer)
		got = at.all()
		require.Len(t, got, 2)
		require.Equal(t, 500*time.Millisecond, got[1].Sub(got[0]), "Retry-After, capped at MaxWait")
	})
}
