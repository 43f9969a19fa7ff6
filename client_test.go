package intercom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClientRequiresToken(t *testing.T) {
	t.Parallel()
	_, err := NewClient("")
	require.ErrorIs(t, err, ErrMissingToken)
	_, err = NewClient("   ")
	require.ErrorIs(t, err, ErrMissingToken)
	c, err := NewClient("", WithTokenSource(StaticToken("x")))
	require.NoError(t, err)
	require.NotNil(t, c.Contacts)
}

func TestNewClientRegionsAndBaseURL(t *testing.T) {
	t.Parallel()
	for region, want := range map[Region]string{RegionUS: BaseURLUS, RegionEU: BaseURLEU, RegionAU: BaseURLAU, "EU": BaseURLEU} {
		c, err := NewClient("t", WithRegion(region))
		require.NoError(t, err)
		require.Equal(t, want, c.BaseURL())
	}
	_, err := NewClient("t", WithRegion("mars"))
	require.Error(t, err)
	for _, bad := range []string{"", "api.intercom.io", "ftp://x", "https://x/?a=b", "https://user:pw@x", "://"} {
		_, err := NewClient("t", WithBaseURL(bad))
		require.Error(t, err, bad)
	}
	c, err := NewClient("t", WithBaseURL("https://proxy.example/intercom/"))
	require.NoError(t, err)
	require.Equal(t, "https://proxy.example/intercom", c.BaseURL())
	// nil options are ignored, not a panic.
	_, err = NewClient("t", nil)
	require.NoError(t, err)
	_, err = NewClient("t", WithHTTPClient(nil))
	require.Error(t, err)
}

func TestRequestHeadersAndBasePath(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "1000")
		w.Header().Set("X-RateLimit-Remaining", "998")
		w.Header().Set("X-RateLimit-Reset", "1700000000")
		w.Header().Set("X-Request-Id", "req-1")
		writeJSON(w, 200, `{"type":"admin","id":991267785,"name":"Ciaran"}`)
	})
	c := rs.client(t, WithUserAgent("myapp/1.2"))
	a, resp, err := c.Admins.Get(context.Background(), "99 12/67")
	require.NoError(t, err)
	require.Equal(t, ID("991267785"), a.ID, "numeric ids decode into ID")
	require.Equal(t, "req-1", resp.RequestID)
	require.Equal(t, Rate{Limit: 1000, Remaining: 998, Reset: time.Unix(1700000000, 0)}, resp.Rate)
	got := rs.requests()[0]
	testMethod(t, got, "GET")
	testPath(t, got, "/admins/99%2012%2F67", "path segments are escaped")
	require.Equal(t, "Bearer "+testToken, got.Header.Get("Authorization"))
	require.Equal(t, "2.10", got.Header.Get("Intercom-Version"))
	require.Equal(t, "application/json", got.Header.Get("Accept"))
	require.Equal(t, "intercom-go/"+Version+" myapp/1.2", got.Header.Get("User-Agent"))
	require.Empty(t, got.Header.Get("Content-Type"), "no body, no content type")
	testNoBody(t, got)
}

func TestPerCallOptions(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := rs.client(t, WithHeader("X-Client", "a"))
	ctx := context.Background()
	_, _, err := c.Admins.Get(ctx, "1", WithAPIVersion("2.9"), WithHeader("X-Call", "b"))
	require.NoError(t, err)
	_, _, err = c.Admins.Get(ctx, "1")
	require.NoError(t, err)
	reqs := rs.requests()
	require.Equal(t, "2.9", reqs[0].Header.Get("Intercom-Version"))
	require.Equal(t, "a", reqs[0].Header.Get("X-Client"))
	require.Equal(t, "b", reqs[0].Header.Get("X-Call"))
	require.Equal(t, "2.10", reqs[1].Header.Get("Intercom-Version"), "per-call options do not leak into the client")
	require.Empty(t, reqs[1].Header.Get("X-Call"))
	_, _, err = c.Admins.Get(ctx, "1", WithHeader("Authorization", "Bearer other"))
	require.Error(t, err)
	require.Len(t, rs.requests(), 2, "a bad option sends nothing")
}

func TestMissingPathParameterFailsBeforeIO(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := rs.client(t)
	_, _, err := c.Admins.Get(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "id", ie.Field)
	require.Contains(t, err.Error(), "id is required")
	require.Empty(t, rs.requests())
	//nolint:staticcheck // a nil context must be an error, not a panic
	_, _, err = c.Admins.Get(nil, "1") //lint:ignore SA1012 testing nil context handling
	require.ErrorIs(t, err, ErrInvalidRequest)
}

func TestAPIErrorShapes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		status    int
		body      string
		ctype     string
		sentinel  error
		wantCodes []string
		wantReqID string
		snippet   string
	}{
		{"error.list", 404, `{"type":"error.list","request_id":"b4a3c1e2-aa","errors":[{"code":"not_found","message":"Resource Not Found"}]}`, "application/json", ErrNotFound, []string{"not_found"}, "b4a3c1e2-aa", ""},
		{"many entries with field", 422, `{"type":"error.list","request_id":null,"errors":[{"code":"parameter_invalid","message":"bad email","field":"email"},{"code":"data_invalid","message":"x"}]}`, "application/json", ErrValidation, []string{"parameter_invalid", "data_invalid"}, "", ""},
		{"phone switch shape", 422, `{"error_key":"invalid_phone_number","message":"Invalid phone number"}`, "application/json", ErrValidation, []string{"invalid_phone_number"}, "", ""},
		{"html from proxy", 502, `<html><body><h1>502 Bad Gateway</h1></body></html>`, "text/html", ErrServer, nil, "", "<html><body><h1>502 Bad Gateway</h1></body></html>"},
		{"empty", 401, ``, "", ErrUnauthorized, nil, "", ""},
		{"truncated", 403, `{"type":"error.list","errors":[{"code":"api_pl`, "application/json", ErrForbidden, nil, "", `{"type":"error.list","errors":[{"code":"api_pl`},
		{"conflict", 409, `{"type":"error.list","errors":[{"code":"conflict","message":"exists"}]}`, "application/json", ErrConflict, []string{"conflict"}, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.ctype)
				w.WriteHeader(tc.status)
				_, _ = io.WriteString(w, tc.body)
			})
			_, _, err := rs.client(t, WithMaxRetries(0)).Admins.Get(context.Background(), "1")
			require.ErrorIs(t, err, tc.sentinel)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, tc.status, ae.StatusCode)
			var codes []string
			for _, e := range ae.Errors {
				codes = append(codes, e.Code)
			}
			require.Equal(t, tc.wantCodes, codes)
			require.Equal(t, tc.wantReqID, ae.RequestID)
			require.Equal(t, tc.snippet, ae.Snippet)
			require.Contains(t, err.Error(), strconv.Itoa(tc.status))
			for _, c := range tc.wantCodes {
				require.Contains(t, err.Error(), c)
			}
			if tc.wantReqID != "" {
				require.Contains(t, err.Error(), tc.wantReqID)
			}
		})
	}
}

func TestAPIErrorMessageNamesField(t *testing.T) {
	t.Parallel()
	e := &APIError{StatusCode: 400, RequestID: "r1", Errors: []ErrorEntry{{Code: "parameter_invalid", Message: "must be an email", Field: "email"}}}
	require.Equal(t, "intercom: 400 Bad Request: parameter_invalid (field email): must be an email [request_id r1]", e.Error())
}

// TestAPIErrorTextIsBounded: Error() names ten entries at most and cuts each
// code, field, message and the request id at 512 bytes, on a rune boundary,
// so a hostile body cannot make every log line carrying it huge.
func TestAPIErrorTextIsBounded(t *testing.T) {
	t.Parallel()
	long := "x" + strings.Repeat("é", 2000) // the 512th byte falls inside a rune
	var entries []ErrorEntry
	for i := range 12 {
		entries = append(entries, ErrorEntry{Code: fmt.Sprintf("c%d-%s", i, long), Field: long, Message: long})
	}
	e := &APIError{StatusCode: 422, RequestID: long, Errors: entries}
	msg := e.Error()
	require.True(t, utf8.ValidString(msg), "cut on a rune boundary")
	require.Contains(t, msg, "; and 2 more")
	require.NotContains(t, msg, "c10-")
	require.Contains(t, msg, "c9-")
	require.Equal(t, 10*3+1, strings.Count(msg, "…"), "every code, field and message of ten entries, and the request id, cut")
	require.Less(t, len(msg), 31*(512+len("…"))+1024)
	require.NotContains(t, msg, long[:513])
}

// TestErrorBodyIsCapped: an error body is read up to 1 MiB, no further. A
// JSON error list that fits is parsed whole; one whose entries end past
// 1 MiB is not (the SDK never saw its end); and of a 10 MiB body the SDK
// reads at most 1 MiB to parse and 1 MiB more to drain the connection.
func TestErrorBodyIsCapped(t *testing.T) {
	t.Parallel()
	const mib = 1 << 20
	errorList := func(size int) string {
		head, tail := `{"type":"error.list","errors":[{"code":"parameter_invalid","message":"`, `"}]}`
		return head + strings.Repeat("x", size-len(head)-len(tail)) + tail
	}
	for _, tc := range []struct {
		name   string
		body   string
		parsed bool
	}{
		{"a list of exactly 1 MiB is parsed", errorList(mib), true},
		{"a list one byte longer is not", errorList(mib + 1), false},
		{"10 MiB of text", strings.Repeat("x", 10*mib), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 400, tc.body) })
			ct := &countingTransport{base: http.DefaultTransport.(*http.Transport).Clone()}
			_, _, err := srv.client(t, WithHTTPClient(&http.Client{Transport: ct})).Admins.Get(testCtx(t, time.Minute), "1")
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			require.Equal(t, tc.parsed, ae.HasCode("parameter_invalid"), "entries parsed")
			require.LessOrEqual(t, len(ae.Snippet), snippetLen+len("…"))
			require.LessOrEqual(t, ct.read.Load(), int64(2*mib), "bytes read by the SDK")
		})
	}
}

func TestMalformedSuccessBody(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"truncated": `{"type":"admin","id":"1","na`,
		"html":      `<html>oops</html>`,
		"wrong":     `{"type":"admin","id":{"nested":true}}`,
		"empty":     ``,
	} {
		t.Run(name, func(t *testing.T) {
			rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) })
			a, resp, err := rs.client(t).Admins.Get(context.Background(), "1")
			require.ErrorIs(t, err, ErrUnexpectedResponse)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			require.Equal(t, 200, de.StatusCode)
			require.Nil(t, a)
			require.NotNil(t, resp)
			require.Len(t, rs.requests(), 1, "a bad 200 is not retried")
		})
	}
}

func TestLenientDecoding(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"type":"admin","id":12345678901234567890,"brand_new_field":{"x":1},"team_ids":[1,"2",null],"job_title":null,"team_priority_level":null}`)
	})
	a, _, err := rs.client(t).Admins.Get(context.Background(), "1")
	require.NoError(t, err)
	require.Equal(t, ID("12345678901234567890"), a.ID, "big numeric ids keep every digit")
	require.Equal(t, []ID{"1", "2", ""}, a.TeamIDs)
}

func TestResponseSizeLimit(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"type":"admin","name":"`+strings.Repeat("a", 4096)+`"}`)
	})
	_, _, err := rs.client(t, WithMaxResponseBytes(1024)).Admins.Get(context.Background(), "1")
	require.ErrorIs(t, err, ErrResponseTooLarge)
}

// TestRetryOn429WaitsForReset: a 429 is retried for a POST too (Intercom
// did not act on it), exactly at X-RateLimit-Reset, with a byte-identical
// body.
func TestRetryOn429WaitsForReset(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		start := time.Now()
		reset := start.Add(time.Second) // the fake clock starts on a whole second
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			if n == 1 {
				w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
				w.Header().Set("X-RateLimit-Remaining", "0")
				writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}`)
				return
			}
			writeJSON(w, 200, `{"type":"admin","id":"1"}`)
		}, inMemory())
		var out json.RawMessage
		_, err := srv.client(t).Do(context.Background(), http.MethodPost, "/anything", map[string]int{"a": 1}, &out)
		require.NoError(t, err)
		require.Equal(t, []time.Time{start, reset}, at.all(), "retried once, at the reset")
		reqs := srv.requests()
		require.Equal(t, reqs[0].Body, reqs[1].Body, "the retried body is byte-identical")
		testJSONBody(t, reqs[1], `{"a":1}`)
	})
}

func TestRateLimitBeyondCapReturnsPromptly(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
			writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded"}]}`)
		}, inMemory())
		start := time.Now()
		_, resp, err := srv.client(t).Admins.Get(context.Background(), "1")
		require.Zero(t, time.Since(start), "no wait at all")
		require.ErrorIs(t, err, ErrRateLimited)
		require.NotNil(t, resp, "an API error still returns the Response")
		require.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
		require.Equal(t, "[REDACTED]", resp.Request.Header.Get("Authorization"))
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		require.Equal(t, time.Hour, ae.RetryAfter)
		require.Len(t, srv.requests(), 1)
	})
}

func TestServerErrorsRetriedOnlyWhenIdempotent(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%3 != 0 {
			writeJSON(w, 503, `{"type":"error.list","errors":[{"code":"service_unavailable"}]}`)
			return
		}
		writeJSON(w, 200, `{}`)
	})
	c := rs.client(t)
	ctx := context.Background()
	_, _, err := c.Admins.Get(ctx, "1")
	require.NoError(t, err)
	require.Len(t, rs.requests(), 3, "GET retried through two 503s")

	n.Store(0)
	_, err = c.Do(ctx, http.MethodPost, "/conversations", map[string]string{"body": "hi"}, nil)
	require.ErrorIs(t, err, ErrServer)
	require.Len(t, rs.requests(), 4, "POST not retried on 503")

	n.Store(0)
	_, err = c.Do(ctx, http.MethodPost, "/conversations", map[string]string{"body": "hi"}, nil, WithRetryNonIdempotent())
	require.NoError(t, err)
	require.Len(t, rs.requests(), 7, "POST retried when opted in")

	n.Store(0)
	_, _, err = c.Admins.Get(ctx, "1", WithMaxRetries(0))
	require.ErrorIs(t, err, ErrServer)
	require.Len(t, rs.requests(), 8, "retries off per call")
}

func TestConnectionResetPOSTNotRetried(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		hj, ok := w.(http.Hijacker)
		require.True(t, ok)
		conn, _, err := hj.Hijack()
		require.NoError(t, err)
		if tc, ok := conn.(*net.TCPConn); ok {
			_ = tc.SetLinger(0)
		}
		conn.Close()
	})
	c := rs.client(t)
	_, err := c.Do(context.Background(), http.MethodPost, "/messages", map[string]string{"x": "y"}, nil)
	var ce *ConnectionError
	require.ErrorAs(t, err, &ce)
	require.True(t, ce.MayHaveSucceeded)
	require.Contains(t, err.Error(), "may have been processed")
	require.Equal(t, int32(1), n.Load())

	n.Store(0)
	_, _, err = c.Admins.Get(context.Background(), "1")
	require.ErrorAs(t, err, &ce)
	require.False(t, ce.MayHaveSucceeded)
	require.Equal(t, int32(4), n.Load(), "GET retried MaxRetries times")
	require.Equal(t, 4, ce.Attempts)
}

func TestCancelledContextEndsWaitAtOnce(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "20")
			writeJSON(w, 503, `{}`)
		}, inMemory())
		c := srv.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 5, MinWait: 10 * time.Second, MaxWait: 30 * time.Second}))
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, _, err := c.Admins.Get(ctx, "1")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.Equal(t, 100*time.Millisecond, time.Since(start), "the 20s wait ends with the context")
		require.Len(t, srv.requests(), 1)
	})
}

func TestRetryBudgetStopsRetries(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 503, `{}`) })
	budget := NewRetryBudget(10) // two retries' worth
	c := rs.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: time.Millisecond, Budget: budget}))
	for range 3 {
		_, _, err := c.Admins.Get(context.Background(), "1")
		require.ErrorIs(t, err, ErrServer)
	}
	// 3 calls: the budget pays for 2 retries in all, so 3+2 requests.
	require.Len(t, rs.requests(), 5)
	require.Equal(t, 0, budget.Available())
}

func TestRedirectToOtherHostDropsToken(t *testing.T) {
	t.Parallel()
	other := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+testBasePath+"/elsewhere", http.StatusFound)
	})
	_, _, err := rs.client(t).Admins.Get(context.Background(), "1")
	require.NoError(t, err)
	got := other.requests()
	require.Len(t, got, 1)
	require.Empty(t, got[0].Header.Get("Authorization"), "the token is not sent to another host")
}

func TestTokenSourceAndSecrets(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, `{"type":"error.list","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`)
	})
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := rs.client(t, WithLogger(logger))
	_, _, err := c.Admins.Get(context.Background(), "1")
	require.ErrorIs(t, err, ErrUnauthorized)
	require.NotContains(t, err.Error(), testToken)
	require.NotContains(t, logs.String(), testToken)
	require.Contains(t, logs.String(), "status=401")

	c2, err := NewClient("", WithBaseURL(rs.URL+testBasePath), WithTokenSource(failingTokens{}))
	require.NoError(t, err)
	_, _, err = c2.Admins.Get(context.Background(), "1")
	require.ErrorContains(t, err, "token source")
}

type failingTokens struct{}

func (failingTokens) Token(context.Context) (string, error) { return "", errors.New("vault down") }

func TestDoEscapeHatch(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"type":"thing","n":1}`) })
	c := rs.client(t)
	var raw json.RawMessage
	_, err := c.Do(context.Background(), http.MethodDelete, "/things/1?force=true&email=a%40b.c", map[string]string{"admin_id": "5"}, &raw)
	require.NoError(t, err)
	require.JSONEq(t, `{"type":"thing","n":1}`, string(raw))
	got := rs.requests()[0]
	testMethod(t, got, "DELETE")
	testPath(t, got, "/things/1")
	testQuery(t, got, "email=a%40b.c&force=true")
	testJSONBody(t, got, `{"admin_id":"5"}`)
	require.Equal(t, "application/json", got.Header.Get("Content-Type"))
	_, err = c.Do(context.Background(), "GET", "no-slash", nil, nil)
	require.ErrorIs(t, err, ErrInvalidRequest)
}

func TestResponseBodyOption(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"type":"admin","future":"field"}`) })
	var raw []byte
	_, _, err := rs.client(t).Admins.Get(context.Background(), "1", WithResponseBody(&raw))
	require.NoError(t, err)
	require.JSONEq(t, `{"type":"admin","future":"field"}`, string(raw))
}

func TestTimeoutDefaultAndHTTPClientNotMutated(t *testing.T) {
	t.Parallel()
	hc := &http.Client{}
	c, err := NewClient("t", WithHTTPClient(hc))
	require.NoError(t, err)
	require.Equal(t, time.Duration(0), hc.Timeout, "the caller's client is not modified")
	require.Equal(t, DefaultTimeout, c.http.Timeout)

	fakeClock(t, func(t *testing.T) {
		slow := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
			writeJSON(w, 200, `{}`)
		}, inMemory())
		start := time.Now()
		_, _, err = slow.client(t, WithTimeout(50*time.Millisecond), WithMaxRetries(0)).Admins.Get(context.Background(), "1")
		var ce *ConnectionError
		require.ErrorAs(t, err, &ce)
		require.True(t, isTimeout(err))
		require.Equal(t, 50*time.Millisecond, time.Since(start))
	})
}

func TestOptEncoding(t *testing.T) {
	t.Parallel()
	type req struct {
		Phone Opt[string] `json:"phone,omitzero"`
		Name  Opt[string] `json:"name,omitzero"`
		Age   Opt[int]    `json:"age,omitzero"`
	}
	b, err := json.Marshal(req{Phone: Null[string](), Name: Some("Ada")})
	require.NoError(t, err)
	require.Equal(t, `{"phone":null,"name":"Ada"}`, string(b))
	var back req
	require.NoError(t, json.Unmarshal(b, &back))
	require.True(t, back.Phone.IsNull())
	v, ok := back.Name.Get()
	require.True(t, ok)
	require.Equal(t, "Ada", v)
	require.True(t, back.Age.IsZero())
}

func TestTimestamp(t *testing.T) {
	t.Parallel()
	ts := Timestamp(1700000000)
	require.Equal(t, time.Unix(1700000000, 0).UTC(), ts.Time())
	require.True(t, Timestamp(0).Time().IsZero())
	require.Equal(t, ts, UnixTime(ts.Time()))
	require.Equal(t, "2023-11-14T22:13:20Z", ts.String())
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%5 == 0 {
			writeJSON(w, 503, `{}`)
			return
		}
		writeJSON(w, 200, fmt.Sprintf(`{"type":"admin","id":%q}`, strings.TrimPrefix(r.URL.Path, testBasePath+"/admins/")))
	})
	c := rs.client(t, WithRetryPolicy(RetryPolicy{MaxRetries: 5, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}))
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := strconv.Itoa(i)
			a, _, err := c.Admins.Get(context.Background(), id, WithHeader("X-N", id))
			if assert.NoError(t, err) {
				assert.Equal(t, ID(id), a.ID)
			}
		}()
	}
	wg.Wait()
}

func TestRequestBodyIsNotHTMLEscaped(t *testing.T) {
	t.Parallel()
	rs := newRecordingServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	_, err := rs.client(t).Do(context.Background(), http.MethodPost, "/contacts/search",
		SearchRequest{Query: Filter("created_at", OpGreaterThan, StringValue("73732934"))}, nil)
	require.NoError(t, err)
	testJSONBody(t, rs.requests()[0], `{"query":{"field":"created_at","operator":">","value":"73732934"}}`)
	_, err = rs.client(t).Do(context.Background(), http.MethodPost, "/notes", map[string]string{"body": "<p>A & B</p>"}, nil)
	require.NoError(t, err)
	testJSONBody(t, rs.requests()[1], `{"body":"<p>A & B</p>"}`)
}

func TestTimestampLenientDecoding(t *testing.T) {
	t.Parallel()
	var got []Timestamp
	require.NoError(t, json.Unmarshal([]byte(`[1674917488,"1674917488","",null,1674917488.9,"2023-01-28T14:51:28Z",-5]`), &got))
	require.Equal(t, []Timestamp{1674917488, 1674917488, 0, 0, 1674917488, 1674917488, -5}, got)
	var ts Timestamp
	require.Error(t, json.Unmarshal([]byte(`"yesterday"`), &ts))
	require.Error(t, json.Unmarshal([]byte(`{"x":1}`), &ts))
	b, err := json.Marshal(Timestamp(1674917488))
	require.NoError(t, err)
	require.Equal(t, `1674917488`, string(b), "encodes as Intercom's integer")
}
