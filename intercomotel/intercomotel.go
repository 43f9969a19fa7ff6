// Package intercomotel traces and measures the calls of an intercom.Client
// with OpenTelemetry. It is an intercom.Observer:
//
//	obs, err := intercomotel.New() // the global tracer and meter providers
//	if err != nil {
//		return err
//	}
//	client, err := intercom.NewClient(token, intercom.WithObserver(obs))
//
// Each call is one span of kind client, named after the SDK method
// ("intercom Contacts.Get"), with OpenTelemetry's HTTP client attributes
// (http.request.method, url.template, server.address,
// http.response.status_code, http.request.resend_count, error.type) and
// Intercom's (intercom.operation, intercom.request_id, intercom.api_version,
// intercom.rate_limit.remaining). Each attempt is an event on it, with the
// wait before a retry and its reason. The span's context is the request's,
// so an instrumented transport underneath (otelhttp) nests its spans in it.
//
// Metrics: intercom.client.call.duration (a histogram, in seconds),
// intercom.client.attempts and intercom.client.rate_limited (counters of
// HTTP exchanges and of 429s), intercom.client.throttle.wait (a histogram of
// the time a throttle held calls back, in seconds) and
// intercom.client.rate_limit.remaining (a gauge of X-RateLimit-Remaining).
//
// Nothing recorded holds the token, a filled-in path, a query string, a body
// or the text of an error (which can quote what the caller sent): paths are
// templates and errors are named by intercom.ErrorKind or their status.
package intercomotel

import (
	"context"
	"strconv"

	"github.com/go-intercom/intercom"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of the tracer and the meter.
const ScopeName = "github.com/go-intercom/intercom/intercomotel"

// Attribute keys of Intercom's own, beside OpenTelemetry's HTTP ones.
const (
	AttrOperation          = attribute.Key("intercom.operation")
	AttrGoMethod           = attribute.Key("intercom.go_method")
	AttrRequestID          = attribute.Key("intercom.request_id")
	AttrAPIVersion         = attribute.Key("intercom.api_version")
	AttrRateLimitRemaining = attribute.Key("intercom.rate_limit.remaining")
	AttrRetryWait          = attribute.Key("intercom.retry.wait")
	AttrRetryReason        = attribute.Key("intercom.retry.reason")
	AttrThrottleWait       = attribute.Key("intercom.throttle.wait")
)

// OpenTelemetry's HTTP client semantic conventions.
const (
	attrHTTPMethod  = attribute.Key("http.request.method")
	attrURLTemplate = attribute.Key("url.template")
	attrServerAddr  = attribute.Key("server.address")
	attrServerPort  = attribute.Key("server.port")
	attrStatusCode  = attribute.Key("http.response.status_code")
	attrResendCount = attribute.Key("http.request.resend_count")
	attrErrorType   = attribute.Key("error.type")
)

// Observer turns an intercom.Client's calls into spans and metrics. Create
// it with New; it is safe for concurrent use by many clients.
type Observer struct {
	tracer       trace.Tracer
	duration     metric.Float64Histogram
	attempts     metric.Int64Counter
	rateLimited  metric.Int64Counter
	throttleWait metric.Float64Histogram
	remaining    metric.Int64Gauge
}

var _ intercom.Observer = (*Observer)(nil)

// Option configures New.
type Option func(*config)

type config struct {
	tp trace.TracerProvider
	mp metric.MeterProvider
}

// WithTracerProvider sets the tracer provider (default: otel.GetTracerProvider()).
func WithTracerProvider(tp trace.TracerProvider) Option { return func(c *config) { c.tp = tp } }

// WithMeterProvider sets the meter provider (default: otel.GetMeterProvider()).
func WithMeterProvider(mp metric.MeterProvider) Option { return func(c *config) { c.mp = mp } }

// New returns an Observer recording to the given (or the global) providers.
func New(opts ...Option) (*Observer, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.tp == nil {
		cfg.tp = otel.GetTracerProvider()
	}
	if cfg.mp == nil {
		cfg.mp = otel.GetMeterProvider()
	}
	m := cfg.mp.Meter(ScopeName)
	o := &Observer{tracer: cfg.tp.Tracer(ScopeName)}
	var err error
	if o.duration, err = m.Float64Histogram("intercom.client.call.duration", metric.WithUnit("s"),
		metric.WithDescription("Duration of Intercom API calls, retries and throttle waits included."),
		metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60)); err != nil {
		return nil, err
	}
	if o.attempts, err = m.Int64Counter("intercom.client.attempts", metric.WithUnit("{attempt}"),
		metric.WithDescription("HTTP exchanges with Intercom, retries included.")); err != nil {
		return nil, err
	}
	if o.rateLimited, err = m.Int64Counter("intercom.client.rate_limited", metric.WithUnit("{response}"),
		metric.WithDescription("429 responses from Intercom.")); err != nil {
		return nil, err
	}
	if o.throttleWait, err = m.Float64Histogram("intercom.client.throttle.wait", metric.WithUnit("s"),
		metric.WithDescription("Time a client-side throttle held a call back.")); err != nil {
		return nil, err
	}
	if o.remaining, err = m.Int64Gauge("intercom.client.rate_limit.remaining", metric.WithUnit("{request}"),
		metric.WithDescription("Requests left in Intercom's rate-limit window (X-RateLimit-Remaining).")); err != nil {
		return nil, err
	}
	return o, nil
}

// spanName is "intercom <Go method>".
func spanName(c *intercom.Call) string {
	switch {
	case c.GoMethod != "":
		return "intercom " + c.GoMethod
	case c.Operation != "":
		return "intercom " + c.Operation
	}
	return "intercom " + c.Method
}

// callAttrs are the attributes that identify a call, on spans and metrics.
func callAttrs(c *intercom.Call) []attribute.KeyValue {
	attrs := []attribute.KeyValue{attrHTTPMethod.String(c.Method), AttrGoMethod.String(c.GoMethod)}
	if c.Operation != "" {
		attrs = append(attrs, AttrOperation.String(c.Operation))
	}
	if c.PathTemplate != "" {
		attrs = append(attrs, attrURLTemplate.String(c.PathTemplate))
	}
	return attrs
}

// CallStart starts the call's span.
func (o *Observer) CallStart(ctx context.Context, c *intercom.Call) context.Context {
	attrs := append(callAttrs(c), AttrAPIVersion.String(c.APIVersion))
	if host, port := splitHostPort(c.Host); host != "" {
		attrs = append(attrs, attrServerAddr.String(host))
		if port > 0 {
			attrs = append(attrs, attrServerPort.Int(port))
		}
	}
	ctx, _ = o.tracer.Start(ctx, spanName(c), trace.WithSpanKind(trace.SpanKindClient), trace.WithTimestamp(c.Start), trace.WithAttributes(attrs...))
	return ctx
}

// AttemptDone adds an event for the attempt to the call's span and counts it.
func (o *Observer) AttemptDone(ctx context.Context, c *intercom.Call, a *intercom.Attempt) {
	attrs := []attribute.KeyValue{attrResendCount.Int(a.N - 1)}
	if a.StatusCode != 0 {
		attrs = append(attrs, attrStatusCode.Int(a.StatusCode))
	}
	if a.RequestID != "" {
		attrs = append(attrs, AttrRequestID.String(a.RequestID))
	}
	if a.Rate.Limit > 0 {
		attrs = append(attrs, AttrRateLimitRemaining.Int(a.Rate.Remaining))
	}
	if a.Err != nil {
		attrs = append(attrs, attrErrorType.String(attemptErrorType(a)))
	}
	if a.ThrottleWait > 0 {
		attrs = append(attrs, AttrThrottleWait.Float64(a.ThrottleWait.Seconds()))
	}
	if a.Retry {
		attrs = append(attrs, AttrRetryWait.Float64(a.Wait.Seconds()), AttrRetryReason.String(string(a.Reason)))
	}
	trace.SpanFromContext(ctx).AddEvent("intercom.attempt", trace.WithTimestamp(a.Start.Add(a.Duration)), trace.WithAttributes(attrs...))

	mattrs := callAttrs(c)
	if a.StatusCode != 0 {
		mattrs = append(mattrs, attrStatusCode.Int(a.StatusCode))
	}
	set := metric.WithAttributeSet(attribute.NewSet(mattrs...))
	o.attempts.Add(ctx, 1, set)
	if a.StatusCode == 429 {
		o.rateLimited.Add(ctx, 1, set)
	}
	if a.Rate.Limit > 0 {
		o.remaining.Record(ctx, int64(a.Rate.Remaining))
	}
}

// CallDone ends the call's span and records its duration.
func (o *Observer) CallDone(ctx context.Context, c *intercom.Call, r *intercom.CallResult) {
	span := trace.SpanFromContext(ctx)
	var attrs []attribute.KeyValue
	if r.StatusCode != 0 {
		attrs = append(attrs, attrStatusCode.Int(r.StatusCode))
	}
	if r.Attempts > 1 {
		attrs = append(attrs, attrResendCount.Int(r.Attempts-1))
	}
	if r.RequestID != "" {
		attrs = append(attrs, AttrRequestID.String(r.RequestID))
	}
	if r.Rate.Limit > 0 {
		attrs = append(attrs, AttrRateLimitRemaining.Int(r.Rate.Remaining))
	}
	errType := ""
	if r.Err != nil {
		errType = callErrorType(r)
		attrs = append(attrs, attrErrorType.String(errType))
		// The kind, not the message: messages quote what the server and
		// the caller sent.
		span.SetStatus(codes.Error, r.ErrorKind)
	}
	span.SetAttributes(attrs...)
	span.End(trace.WithTimestamp(c.Start.Add(r.Duration)))

	mattrs := callAttrs(c)
	if r.StatusCode != 0 {
		mattrs = append(mattrs, attrStatusCode.Int(r.StatusCode))
	}
	if errType != "" {
		mattrs = append(mattrs, attrErrorType.String(errType))
	}
	o.duration.Record(ctx, r.Duration.Seconds(), metric.WithAttributeSet(attribute.NewSet(mattrs...)))
	if r.ThrottleWait > 0 {
		o.throttleWait.Record(ctx, r.ThrottleWait.Seconds(), metric.WithAttributeSet(attribute.NewSet(callAttrs(c)...)))
	}
}

// callErrorType is error.type for a failed call: the status code for an
// HTTP error, as the semantic conventions ask, else the SDK's error kind.
func callErrorType(r *intercom.CallResult) string {
	if r.StatusCode >= 400 {
		return strconv.Itoa(r.StatusCode)
	}
	return r.ErrorKind
}

// attemptErrorType is error.type for an attempt that got no response.
func attemptErrorType(a *intercom.Attempt) string {
	if kind := intercom.ErrorKind(&intercom.ConnectionError{Err: a.Err}); kind != "" {
		return kind
	}
	return "connection"
}

// splitHostPort splits "host:port" (or "host"); port is 0 when absent.
func splitHostPort(hostport string) (string, int) {
	for i := len(hostport) - 1; i >= 0; i-- {
		switch hostport[i] {
		case ':':
			p, err := strconv.Atoi(hostport[i+1:])
			if err != nil {
				return hostport, 0
			}
			h := hostport[:i]
			if len(h) > 1 && h[0] == '[' && h[len(h)-1] == ']' {
				h = h[1 : len(h)-1]
			}
			return h, p
		case ']':
			return hostport, 0
		}
	}
	return hostport, 0
}
