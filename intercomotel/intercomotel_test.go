package intercomotel_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomotel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// token and email must never show up in anything recorded.
const (
	token = "tok_otel_TEST_0123456789abcdefSECRET"
	email = "ada.lovelace@example.com"
)

// harness is a client observed by the OpenTelemetry SDK's own in-memory
// recorders, against a loopback server.
type harness struct {
	spans   *tracetest.SpanRecorder
	reader  *sdkmetric.ManualReader
	tp      *sdktrace.TracerProvider
	client  *intercom.Client
	srv     *httptest.Server
	handled atomic.Int32
}

func newHarness(t *testing.T, handler func(n int32, w http.ResponseWriter, r *http.Request), opts ...intercom.Option) *harness {
	t.Helper()
	h := &harness{spans: tracetest.NewSpanRecorder(), reader: sdkmetric.NewManualReader()}
	h.tp = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(h.spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(h.reader))
	obs, err := intercomotel.New(intercomotel.WithTracerProvider(h.tp), intercomotel.WithMeterProvider(mp))
	require.NoError(t, err)
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		handler(h.handled.Add(1), w, r)
	}))
	t.Cleanup(h.srv.Close)
	base := []intercom.Option{intercom.WithBaseURL(h.srv.URL + "/base"), intercom.WithObserver(obs),
		intercom.WithRetryPolicy(intercom.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Second})}
	h.client, err = intercom.NewClient(token, append(base, opts...)...)
	require.NoError(t, err)
	return h
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

func attrs(kvs []attribute.KeyValue) map[string]any {
	m := map[string]any{}
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.AsInterface()
	}
	return m
}

// metrics collects the recorded metrics by name.
func (h *harness) metrics(t *testing.T) map[string]metricdata.Aggregation {
	var rm metricdata.ResourceMetrics
	require.NoError(t, h.reader.Collect(context.Background(), &rm))
	out := map[string]metricdata.Aggregation{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			out[m.Name] = m.Data
		}
	}
	return out
}

func sumOf(t *testing.T, a metricdata.Aggregation) int64 {
	s, ok := a.(metricdata.Sum[int64])
	require.True(t, ok, "%T", a)
	var n int64
	for _, dp := range s.DataPoints {
		n += dp.Value
	}
	return n
}

func histCount(t *testing.T, a metricdata.Aggregation) uint64 {
	hg, ok := a.(metricdata.Histogram[float64])
	require.True(t, ok, "%T", a)
	var n uint64
	for _, dp := range hg.DataPoints {
		n += dp.Count
	}
	return n
}

func TestSuccessfulCall(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Request-Id", "req-1")
		w.Header().Set("X-RateLimit-Limit", "1666")
		w.Header().Set("X-RateLimit-Remaining", "1600")
		writeJSON(w, 200, `{"type":"contact","id":"c1","email":"`+email+`"}`)
	})
	_, _, err := h.client.Contacts.Get(ctx(t), "c1", nil)
	require.NoError(t, err)

	spans := h.spans.Ended()
	require.Len(t, spans, 1)
	s := spans[0]
	assert.Equal(t, "intercom Contacts.Get", s.Name())
	assert.Equal(t, trace.SpanKindClient, s.SpanKind())
	assert.Equal(t, codes.Unset, s.Status().Code)
	a := attrs(s.Attributes())
	assert.Equal(t, "GET", a["http.request.method"])
	assert.Equal(t, "/contacts/{id}", a["url.template"])
	assert.Equal(t, "127.0.0.1", a["server.address"])
	assert.NotZero(t, a["server.port"])
	assert.Equal(t, int64(200), a["http.response.status_code"])
	assert.Equal(t, "ShowContact", a["intercom.operation"])
	assert.Equal(t, "req-1", a["intercom.request_id"])
	assert.Equal(t, intercom.DefaultAPIVersion, a["intercom.api_version"])
	assert.Equal(t, int64(1600), a["intercom.rate_limit.remaining"])
	assert.NotContains(t, a, "http.request.resend_count", "no resend on the first try")
	require.Len(t, s.Events(), 1)
	assert.Equal(t, "intercom.attempt", s.Events()[0].Name)

	m := h.metrics(t)
	assert.Equal(t, uint64(1), histCount(t, m["intercom.client.call.duration"]))
	assert.Equal(t, int64(1), sumOf(t, m["intercom.client.attempts"]))
	g, ok := m["intercom.client.rate_limit.remaining"].(metricdata.Gauge[int64])
	require.True(t, ok)
	require.Len(t, g.DataPoints, 1)
	assert.Equal(t, int64(1600), g.DataPoints[0].Value)
}

func TestRetriedCall(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			writeJSON(w, 503, `{"type":"error.list","errors":[{"code":"service_unavailable","message":"later"}]}`)
			return
		}
		writeJSON(w, 200, `{"type":"admin","id":"1"}`)
	})
	_, _, err := h.client.Admins.Get(ctx(t), "1")
	require.NoError(t, err)
	spans := h.spans.Ended()
	require.Len(t, spans, 1)
	s := spans[0]
	assert.Equal(t, int64(1), attrs(s.Attributes())["http.request.resend_count"])
	require.Len(t, s.Events(), 2)
	first, second := attrs(s.Events()[0].Attributes), attrs(s.Events()[1].Attributes)
	assert.Equal(t, int64(503), first["http.response.status_code"])
	assert.Equal(t, "server_error", first["intercom.retry.reason"])
	assert.Greater(t, first["intercom.retry.wait"], 0.0)
	assert.Equal(t, int64(0), first["http.request.resend_count"])
	assert.Equal(t, int64(1), second["http.request.resend_count"])
	assert.Equal(t, int64(200), second["http.response.status_code"])
	assert.Equal(t, int64(2), sumOf(t, h.metrics(t)["intercom.client.attempts"]))
}

func TestRateLimitWaitedOut(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.Header().Set("X-RateLimit-Limit", "10")
			w.Header().Set("X-RateLimit-Remaining", "0")
			writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow"}]}`)
			return
		}
		writeJSON(w, 200, `{"type":"admin","id":"1"}`)
	}, intercom.WithThrottle(intercom.NewThrottle(100, time.Second)))
	_, _, err := h.client.Admins.Get(ctx(t), "1")
	require.NoError(t, err)
	s := h.spans.Ended()[0]
	require.Len(t, s.Events(), 2)
	first := attrs(s.Events()[0].Attributes)
	assert.Equal(t, "rate_limited", first["intercom.retry.reason"])
	assert.Equal(t, 1.0, first["intercom.retry.wait"])
	assert.Equal(t, int64(0), first["intercom.rate_limit.remaining"])
	m := h.metrics(t)
	assert.Equal(t, int64(1), sumOf(t, m["intercom.client.rate_limited"]))
	assert.Equal(t, uint64(1), histCount(t, m["intercom.client.throttle.wait"]), "the throttle held the retry until the reset")
}

func TestCallRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{}`) })
	_, _, err := h.client.Contacts.Get(ctx(t), "..", nil)
	require.ErrorIs(t, err, intercom.ErrInvalidRequest)
	require.Zero(t, h.handled.Load())
	spans := h.spans.Ended()
	require.Len(t, spans, 1)
	s := spans[0]
	assert.Equal(t, codes.Error, s.Status().Code)
	assert.Equal(t, "invalid_request", s.Status().Description)
	assert.Equal(t, "invalid_request", attrs(s.Attributes())["error.type"])
	assert.Empty(t, s.Events())
	m := h.metrics(t)
	assert.Equal(t, uint64(1), histCount(t, m["intercom.client.call.duration"]))
	assert.Nil(t, m["intercom.client.attempts"], "no attempt was made")
}

func TestHTTPErrorType(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 404, `{"type":"error.list","errors":[{"code":"not_found","message":"No contact `+email+`"}]}`)
	})
	_, _, err := h.client.Contacts.Get(ctx(t), "c1", nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	s := h.spans.Ended()[0]
	assert.Equal(t, "404", attrs(s.Attributes())["error.type"], "the status code, as the conventions ask")
	assert.Equal(t, "not_found", s.Status().Description)
}

// pagedServer serves three pages of contacts, failing page 2 once with a 503.
func pagedServer(n int32, w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("starting_after") {
	case "":
		writeJSON(w, 200, `{"type":"list","data":[{"type":"contact","id":"c1"}],"pages":{"type":"pages","next":{"starting_after":"p2"}}}`)
	case "p2":
		if n == 2 {
			writeJSON(w, 503, `{}`)
			return
		}
		writeJSON(w, 200, `{"type":"list","data":[{"type":"contact","id":"c2"}],"pages":{"type":"pages","next":{"starting_after":"p3"}}}`)
	default:
		writeJSON(w, 200, `{"type":"list","data":[{"type":"contact","id":"c3"}],"pages":{"type":"pages"}}`)
	}
}

func TestIteratorOverThreePages(t *testing.T) {
	t.Parallel()
	h := newHarness(t, pagedServer)
	parentCtx, parent := h.tp.Tracer("test").Start(ctx(t), "sync contacts")
	items, err := intercom.Collect(h.client.Contacts.ListAll(parentCtx, nil))
	parent.End()
	require.NoError(t, err)
	require.Len(t, items, 3)
	spans := h.spans.Ended()
	require.Len(t, spans, 4)
	tree := renderTree(spans)
	t.Logf("\n%s", tree)
	assert.Equal(t, strings.Join([]string{
		"sync contacts",
		"├── intercom Contacts.List  GET /contacts 200",
		"│     · attempt 1: 200",
		"├── intercom Contacts.List  GET /contacts 200  (resend_count 1)",
		"│     · attempt 1: 503, retry (server_error)",
		"│     · attempt 2: 200",
		"└── intercom Contacts.List  GET /contacts 200",
		"      · attempt 1: 200",
	}, "\n")+"\n", tree)
	assert.Equal(t, int64(4), sumOf(t, h.metrics(t)["intercom.client.attempts"]))
}

// renderTree draws spans as a tree, children in start order, for the README.
func renderTree(spans []sdktrace.ReadOnlySpan) string {
	children := map[trace.SpanID][]sdktrace.ReadOnlySpan{}
	var roots []sdktrace.ReadOnlySpan
	ids := map[trace.SpanID]bool{}
	for _, s := range spans {
		ids[s.SpanContext().SpanID()] = true
	}
	for _, s := range spans {
		if p := s.Parent(); p.IsValid() && ids[p.SpanID()] {
			children[p.SpanID()] = append(children[p.SpanID()], s)
		} else {
			roots = append(roots, s)
		}
	}
	byStart := func(ss []sdktrace.ReadOnlySpan) {
		sort.Slice(ss, func(i, j int) bool { return ss[i].StartTime().Before(ss[j].StartTime()) })
	}
	var b strings.Builder
	var walk func(s sdktrace.ReadOnlySpan, prefix, branch, cont string)
	walk = func(s sdktrace.ReadOnlySpan, prefix, branch, cont string) {
		a := attrs(s.Attributes())
		line := s.Name()
		if m, ok := a["http.request.method"]; ok {
			line += fmt.Sprintf("  %s %s %v", m, a["url.template"], a["http.response.status_code"])
			if rc, ok := a["http.request.resend_count"]; ok {
				line += fmt.Sprintf("  (resend_count %v)", rc)
			}
		}
		b.WriteString(prefix + branch + line + "\n")
		for _, ev := range s.Events() {
			ea := attrs(ev.Attributes)
			ev := fmt.Sprintf("· attempt %d: %v", ea["http.request.resend_count"].(int64)+1, ea["http.response.status_code"])
			if r, ok := ea["intercom.retry.reason"]; ok {
				ev += fmt.Sprintf(", retry (%v)", r)
			}
			b.WriteString(prefix + cont + "  " + ev + "\n")
		}
		kids := children[s.SpanContext().SpanID()]
		byStart(kids)
		for i, k := range kids {
			if i == len(kids)-1 {
				walk(k, prefix+cont, "└── ", "    ")
			} else {
				walk(k, prefix+cont, "├── ", "│   ")
			}
		}
	}
	byStart(roots)
	for _, r := range roots {
		walk(r, "", "", "")
	}
	return b.String()
}

func TestConcurrentCalls(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"type":"admin","id":"`+strings.TrimPrefix(r.URL.Path, "/base/admins/")+`"}`)
	})
	tracer := h.tp.Tracer("test")
	var wg sync.WaitGroup
	parents := make([]trace.SpanID, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, p := tracer.Start(ctx(t), fmt.Sprint("worker ", i))
			defer p.End()
			parents[i] = p.SpanContext().SpanID()
			_, _, err := h.client.Admins.Get(c, fmt.Sprint(i))
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	spans := h.spans.Ended()
	require.Len(t, spans, 32)
	byParent := map[trace.SpanID]int{}
	for _, s := range spans {
		if s.Name() == "intercom Admins.Get" {
			byParent[s.Parent().SpanID()]++
		}
	}
	for i, p := range parents {
		assert.Equal(t, 1, byParent[p], "worker %d has its own call span", i)
	}
	assert.Equal(t, int64(16), sumOf(t, h.metrics(t)["intercom.client.attempts"]))
}

// TestTraceContextReachesTheTransport: an otelhttp transport underneath
// nests its HTTP span in the call's span.
func TestTraceContextReachesTheTransport(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, `{"type":"admin","id":"1"}`) })
	hc := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(h.tp))}
	_, _, err := h.client.Admins.Get(ctx(t), "1", intercom.WithHTTPClient(hc))
	require.NoError(t, err)
	spans := h.spans.Ended()
	require.Len(t, spans, 2)
	var call, transport sdktrace.ReadOnlySpan
	for _, s := range spans {
		if s.Name() == "intercom Admins.Get" {
			call = s
		} else {
			transport = s
		}
	}
	require.NotNil(t, call)
	require.NotNil(t, transport)
	assert.Equal(t, call.SpanContext().SpanID(), transport.Parent().SpanID())
	assert.Equal(t, call.SpanContext().TraceID(), transport.SpanContext().TraceID())
}

// TestNothingSecretIsRecorded runs calls that carry the token and an email
// (in the query, the body, an echoed request id and error messages) and
// searches every span, event, status and metric for them.
func TestNothingSecretIsRecorded(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(n int32, w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		w.Header().Set("X-Request-Id", "req "+auth)
		switch n % 3 {
		case 0:
			writeJSON(w, 422, `{"type":"error.list","errors":[{"code":"conflict","message":"`+email+` exists; `+auth+`"}]}`)
		case 1:
			writeJSON(w, 200, `{"type":"contact","id":"c1","email":"`+email+`"}`)
		default:
			writeJSON(w, 200, `"`+email+`"`)
		}
	})
	c := ctx(t)
	for range 2 {
		_, _, _ = h.client.Contacts.Create(c, intercom.ContactCreateRequest{Email: email})
		_, _ = h.client.Do(c, http.MethodGet, "/contacts?email="+email, nil, nil)
		_, _, _ = h.client.Contacts.Get(c, email, nil)
	}
	var dump strings.Builder
	for _, s := range h.spans.Ended() {
		fmt.Fprintf(&dump, "%s %v %v\n", s.Name(), s.Attributes(), s.Status())
		for _, ev := range s.Events() {
			fmt.Fprintf(&dump, "  %s %v\n", ev.Name, ev.Attributes)
		}
	}
	var rm metricdata.ResourceMetrics
	require.NoError(t, h.reader.Collect(context.Background(), &rm))
	fmt.Fprintf(&dump, "%+v", rm)
	out := dump.String()
	require.Contains(t, out, "intercom Contacts.Create")
	require.Contains(t, out, "req Bearer [REDACTED]", "the echoed request id is kept, redacted")
	for _, secret := range []string{token, email, "ada.lovelace"} {
		assert.NotContains(t, out, secret)
	}
}
