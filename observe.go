package intercom

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"
)

// Observer watches the calls of a client: for traces, metrics or logs (the
// OpenTelemetry module of this repository, intercomotel, is one; WithLogger
// is another). Install one with WithObserver, per client or per call.
//
// The SDK calls an Observer synchronously on the caller's goroutine, so its
// methods must be quick and safe for concurrent use. What it is given never
// holds the token, a filled-in path (only the template, such as
// "/contacts/{id}"), a query string or a body. With no observer and no
// logger, a call does none of this work.
type Observer interface {
	// CallStart is called when a call starts, before its parameters are
	// checked. The context it returns is the call's from then on: the HTTP
	// request carries it to the transport, so a span started here is the
	// parent of what an instrumented transport records.
	CallStart(ctx context.Context, call *Call) context.Context
	// AttemptDone is called after each attempt (each HTTP exchange, retries
	// included), with its outcome and, when another attempt follows, the
	// wait before it and why.
	AttemptDone(ctx context.Context, call *Call, a *Attempt)
	// CallDone is called once when the call ends: with the body read and
	// decoded, or the error known.
	CallDone(ctx context.Context, call *Call, r *CallResult)
}

// Call describes one call of the SDK to an observer.
type Call struct {
	// Operation is Intercom's operationId, such as "ShowContact"; "" for a
	// Client.Do path that matches no known endpoint.
	Operation string
	// GoMethod is the SDK method, such as "Contacts.Get" or "Client.Do".
	GoMethod string
	// Method is the HTTP method.
	Method string
	// PathTemplate is the path with its parameters unfilled, such as
	// "/contacts/{id}"; "" for a Client.Do path that matches no known
	// endpoint.
	PathTemplate string
	// APIVersion is the Intercom-Version sent.
	APIVersion string
	// Host is the host (and port, if any) of the base URL.
	Host string
	// Start is when the call started.
	Start time.Time
}

// RetryReason says why an attempt is followed by another.
type RetryReason string

// The reasons for a retry.
const (
	// RetryRateLimited: a 429, waited out until Intercom's reset.
	RetryRateLimited RetryReason = "rate_limited"
	// RetryServerError: a 500, 502, 503 or 504.
	RetryServerError RetryReason = "server_error"
	// RetryConnection: the connection failed (refused, reset, closed).
	RetryConnection RetryReason = "connection_error"
	// RetryTimeout: the attempt timed out (WithTimeout).
	RetryTimeout RetryReason = "timeout"
)

// Attempt is the outcome of one HTTP exchange of a call.
type Attempt struct {
	// N counts the call's attempts from 1.
	N int
	// Start is when the attempt was sent, after any wait of the limiter (WithThrottle, WithLimiter).
	Start time.Time
	// Duration is how long the attempt took, up to its response headers
	// (or its failure).
	Duration time.Duration
	// ThrottleWait is how long the limiter (a Throttle or any Limiter) held the attempt back.
	ThrottleWait time.Duration
	// StatusCode is the response's status; 0 when none arrived.
	StatusCode int
	// RequestID is Intercom's request id, if the response carried one.
	RequestID string
	// Rate is the rate-limit state the response reported.
	Rate Rate
	// Err is the transport's error when no response arrived.
	Err error
	// Retry is true when another attempt follows, after Wait.
	Retry bool
	// Wait is the wait before the next attempt.
	Wait time.Duration
	// Reason says why there is a next attempt.
	Reason RetryReason
}

// CallResult is how a call ended.
type CallResult struct {
	// Attempts is how many HTTP exchanges the call made (0 when it was
	// refused before sending).
	Attempts int
	// Duration is the whole call, limiter waits, retries and the body
	// included.
	Duration time.Duration
	// ThrottleWait is the time the limiter held the call's attempts back.
	ThrottleWait time.Duration
	// StatusCode is the last response's status; 0 when none arrived.
	StatusCode int
	// RequestID is Intercom's request id of the last response.
	RequestID string
	// Rate is the rate-limit state of the last response.
	Rate Rate
	// Err is the error the call returns, nil on success.
	Err error
	// ErrorKind is ErrorKind(Err): "" on success.
	ErrorKind string
}

// ErrorKind classifies an error the SDK returned in a few stable words, for
// metrics and traces: "" for nil, then "invalid_request", "canceled",
// "deadline_exceeded", "timeout", "connection", "redirect",
// "response_too_large", "decode", "cursor_stalled", "rate_limited",
// "unauthorized", "forbidden", "not_found", "conflict", "validation",
// "server_error", "http_error" (another status) and "other".
func ErrorKind(err error) string {
	var (
		apiErr  *APIError
		connErr *ConnectionError
		ire     *InvalidRequestError
		re      *RedirectError
		de      *DecodeError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ire):
		return "invalid_request"
	case errors.As(err, &apiErr):
		switch s := apiErr.StatusCode; {
		case s == http.StatusTooManyRequests:
			return "rate_limited"
		case s == http.StatusUnauthorized:
			return "unauthorized"
		case s == http.StatusForbidden:
			return "forbidden"
		case s == http.StatusNotFound:
			return "not_found"
		case s == http.StatusConflict:
			return "conflict"
		case s == http.StatusBadRequest, s == http.StatusUnprocessableEntity:
			return "validation"
		case s >= 500:
			return "server_error"
		}
		return "http_error"
	case errors.As(err, &re):
		return "redirect"
	case errors.As(err, &de):
		if errors.Is(err, ErrResponseTooLarge) {
			return "response_too_large"
		}
		return "decode"
	case errors.Is(err, ErrCursorStalled):
		return "cursor_stalled"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded) && !errors.As(err, &connErr):
		return "deadline_exceeded"
	case errors.As(err, &connErr):
		if isTimeout(connErr.Err) {
			return "timeout"
		}
		return "connection"
	case errors.Is(err, ErrInvalidRequest):
		return "invalid_request"
	}
	return "other"
}

// WithObserver adds an observer of calls (see Observer). Per client it
// watches every call; per call it watches that call, alongside the client's.
func WithObserver(o Observer) Option {
	return func(s *settings) error {
		if o == nil {
			return errors.New("intercom: nil observer")
		}
		s.observers = append(s.observers[:len(s.observers):len(s.observers)], o)
		return nil
	}
}

// callWatch follows one observed call.
type callWatch struct {
	obs          []Observer
	ctx          context.Context
	call         Call
	attempts     int
	throttleWait time.Duration
	last         Attempt
}

// watchers returns the observers of a call's settings: its observers and,
// with a logger, the log observer. They are nil when nothing watches.
func (s *settings) watchers() []Observer {
	if s.logger == nil {
		return s.observers
	}
	return append(s.observers[:len(s.observers):len(s.observers)], logObserver{s.logger})
}

// startCall tells the observers that the call of e starts.
func startCall(ctx context.Context, obs []Observer, cfg *settings, e endpoint, goMethod string) *callWatch {
	w := &callWatch{obs: obs, call: Call{GoMethod: goMethod, Method: e.method, APIVersion: cfg.apiVersion, Start: time.Now()}}
	if u, err := url.Parse(cfg.base); err == nil {
		w.call.Host = u.Host
	}
	if e.literalPath {
		w.call.PathTemplate, w.call.Operation = matchOperation(e.method, e.path, cfg.apiVersion)
	} else {
		w.call.PathTemplate, w.call.Operation = e.path, operationFor(e.method, e.path, cfg.apiVersion)
	}
	if w.call.GoMethod == "" {
		w.call.GoMethod = callerMethod()
	}
	for _, o := range obs {
		if c := o.CallStart(ctx, &w.call); c != nil {
			ctx = c
		}
	}
	w.ctx = ctx
	return w
}

// attemptDone reports an attempt.
func (w *callWatch) attemptDone(a Attempt) {
	w.attempts = a.N
	w.throttleWait += a.ThrottleWait
	w.last = a
	for _, o := range w.obs {
		o.AttemptDone(w.ctx, &w.call, &a)
	}
}

// done reports the end of the call.
func (w *callWatch) done(r *Response, err error) {
	res := CallResult{Attempts: w.attempts, Duration: time.Since(w.call.Start), ThrottleWait: w.throttleWait, Err: err, ErrorKind: ErrorKind(err)}
	switch {
	case r != nil:
		res.StatusCode, res.RequestID, res.Rate = r.StatusCode, r.RequestID, r.Rate
	case w.last.StatusCode != 0:
		res.StatusCode, res.RequestID, res.Rate = w.last.StatusCode, w.last.RequestID, w.last.Rate
	}
	for _, o := range w.obs {
		o.CallDone(w.ctx, &w.call, &res)
	}
}

// sdkPackage prefixes the names of the SDK's functions in stack frames.
const sdkPackage = "github.com/go-intercom/intercom."

// callerMethod names the service method (or Client.Do) on the stack, such
// as "Contacts.Get", from the nearest frame of a method of the SDK's.
// Observed calls only: walking the stack costs a microsecond or so.
func callerMethod() string {
	var pcs [24]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs[:])])
	for {
		f, more := frames.Next()
		if rest, ok := strings.CutPrefix(f.Function, sdkPackage+"(*"); ok {
			if recv, method, ok := strings.Cut(rest, ")."); ok && !strings.ContainsAny(method, ".[") {
				if svc, ok := strings.CutSuffix(recv, "Service"); ok {
					return svc + "." + method
				}
				if recv == "Client" && method == "Do" {
					return "Client.Do"
				}
			}
		}
		if !more {
			return ""
		}
	}
}

// matchOperation finds the endpoint of any version (endpoint_versions.go) a
// literal path (Client.Do's) belongs to: its template and its operationId in
// version, or "" for both.
func matchOperation(method, path, version string) (template, operation string) {
	segs := strings.Split(path, "/")
	best := -1
	for key := range endpointVersions {
		m, tmpl := key.method, key.path
		if m != method {
			continue
		}
		tsegs := strings.Split(tmpl, "/")
		if len(tsegs) != len(segs) {
			continue
		}
		literal := 0
		for i, ts := range tsegs {
			if strings.HasPrefix(ts, "{") {
				continue
			}
			if ts != segs[i] {
				literal = -1
				break
			}
			literal++
		}
		// The most literal template wins: /contacts/search over /contacts/{id}.
		if literal > best || (literal == best && tmpl < template) {
			best, template = literal, tmpl
		}
	}
	if template != "" {
		operation = operationFor(method, template, version)
	}
	return template, operation
}

// logObserver writes one log line per call: the SDK's WithLogger.
type logObserver struct{ l *slog.Logger }

// CallStart does nothing: the line is written when the call ends.
func (logObserver) CallStart(ctx context.Context, _ *Call) context.Context { return ctx }

// AttemptDone logs retries at debug level.
func (o logObserver) AttemptDone(ctx context.Context, c *Call, a *Attempt) {
	if !a.Retry || !o.l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{slog.String("operation", c.GoMethod), slog.String("method", c.Method), slog.String("path", c.PathTemplate),
		slog.Int("attempt", a.N), slog.String("reason", string(a.Reason)), slog.Duration("wait", a.Wait)}
	if a.StatusCode != 0 {
		attrs = append(attrs, slog.Int("status", a.StatusCode))
	}
	o.l.LogAttrs(ctx, slog.LevelDebug, "intercom retry", attrs...)
}

// CallDone logs the call: debug on success, info for an API error, warn
// when no response arrived or it could not be read.
func (o logObserver) CallDone(ctx context.Context, c *Call, r *CallResult) {
	level := slog.LevelDebug
	switch {
	case r.Err != nil && (r.StatusCode == 0 || r.StatusCode < 300):
		level = slog.LevelWarn
	case r.StatusCode >= 400 || r.Err != nil:
		level = slog.LevelInfo
	}
	if !o.l.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{slog.String("operation", c.GoMethod), slog.String("method", c.Method), slog.String("path", c.PathTemplate),
		slog.Int("attempts", r.Attempts), slog.Duration("duration", r.Duration)}
	if r.StatusCode != 0 {
		attrs = append(attrs, slog.Int("status", r.StatusCode))
	}
	if r.RequestID != "" {
		attrs = append(attrs, slog.String("request_id", r.RequestID))
	}
	if r.Err != nil {
		attrs = append(attrs, slog.String("error_kind", r.ErrorKind))
		if r.StatusCode == 0 {
			// Only errors without a response: an API error's message and a
			// decode error's snippet are the server's words, which may
			// carry personal data.
			attrs = append(attrs, slog.String("error", r.Err.Error()))
		}
	}
	o.l.LogAttrs(ctx, level, "intercom request", attrs...)
}

// attemptOutcome returns the status, request id (redacted) and rate-limit
// state of an attempt's response.
func attemptOutcome(resp *http.Response, tok secret) (status int, requestID string, rate Rate) {
	if resp == nil {
		return 0, "", Rate{}
	}
	return resp.StatusCode, tok.redact(headerValue(resp.Header, hdrRequestID)), parseRate(resp.Header)
}
