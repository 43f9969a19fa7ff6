package intercom

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// This file holds the attempts of one call: roundTrip sends a request,
// retrying it under the retry policy, with the auth header and the limiter.

// attempt carries one call through retryablehttp: the retrying client, the
// request and the retry state. They are pooled, and the hooks handed to
// retryablehttp are bound to the attempt once, when it is created, so a
// call allocates none of them.
type attempt struct {
	rc       retryablehttp.Client
	req      retryablehttp.Request
	st       retryState
	throttle Limiter
	ticket   Permit // the limiter's ticket of the current attempt

	// For observed calls only: the watch, the call's token (to redact
	// request ids), and the current attempt's number, start and throttle wait.
	watch        *callWatch
	tok          secret
	n            int
	start        time.Time
	throttleWait time.Duration
}

var attemptPool = sync.Pool{New: func() any {
	a := new(attempt)
	a.rc.CheckRetry = a.checkRetry
	a.rc.Backoff = a.backoff
	a.rc.PrepareRetry = a.prepareRetry
	a.rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	return a
}}

// checkRetry runs after every attempt: it tells the limiter that the
// attempt is over and what the response said, then applies the retry policy.
func (a *attempt) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if a.throttle != nil {
		a.throttle.Done(a.ticket, feedbackFor(resp))
		a.ticket = 0
	}
	retry, checkErr := a.st.checkRetry(ctx, resp, err)
	if a.watch != nil {
		a.n++
		at := Attempt{N: a.n, Start: a.start, Duration: time.Since(a.start), ThrottleWait: a.throttleWait, Retry: retry}
		at.StatusCode, at.RequestID, at.Rate = attemptOutcome(resp, a.tok)
		if err != nil {
			at.Err = scrubURLError(err)
		}
		if retry {
			at.Wait, at.Reason = a.st.nextWait, a.st.reason
		}
		a.watch.attemptDone(at)
	}
	return retry, checkErr
}

// backoff returns the wait checkRetry chose.
func (a *attempt) backoff(lo, hi time.Duration, n int, resp *http.Response) time.Duration {
	return a.st.backoffFor(lo, hi, n, resp)
}

// prepareRetry holds each retry for the limiter, as the first attempt is.
func (a *attempt) prepareRetry(req *http.Request) error {
	var start time.Time
	if a.watch != nil {
		start = time.Now()
	}
	if a.throttle != nil {
		var err error
		if a.ticket, err = a.throttle.Admit(req.Context()); err != nil {
			return err
		}
	}
	if a.watch != nil {
		a.start = time.Now()
		if a.throttle != nil {
			a.throttleWait = a.start.Sub(start)
		}
	}
	return nil
}

// release returns the attempt to the pool without keeping the call's
// request, client or policy alive.
func (a *attempt) release() {
	a.req = retryablehttp.Request{}
	a.st = retryState{}
	a.rc.HTTPClient = nil
	a.throttle = nil
	a.ticket = 0
	a.watch, a.tok, a.n, a.start, a.throttleWait = nil, "", 0, time.Time{}, 0
	attemptPool.Put(a)
}

// roundTrip sends the request with retries. On a 2xx it returns the
// response with its body open; otherwise an error (an *APIError for other
// statuses, a *RedirectError for a redirect not followed), with x.r set
// whenever a response arrived.
func (c *Client) roundTrip(ctx context.Context, cfg settings, hc *http.Client, e endpoint, w *callWatch) (x exchange, err error) {
	x.cfg = cfg
	if err := checkVersion(cfg.apiVersion, e); err != nil {
		return x, err // the version lacks the endpoint or a field the call sets
	}
	target, pathEnd, err := requestURL(cfg.base, e)
	if err != nil {
		return x, err
	}
	path := target[len(cfg.base):pathEnd] // no query: it can carry personal data
	var body []byte
	if e.body != nil {
		if err := checkNulls(e.body); err != nil {
			return x, err
		}
		payload := e.body
		if vb, ok := payload.(versionedBody); ok {
			if payload, err = vb.bodyFor(cfg.apiVersion); err != nil {
				return x, endpointVersionError(err, cfg.apiVersion, e)
			}
		}
		if body, err = encodeBody(payload); err != nil {
			return x, fmt.Errorf("intercom: encoding request body: %w", err)
		}
	}
	var ticket Permit
	throttleStart := time.Now()
	if cfg.limiter != nil {
		if ticket, err = cfg.limiter.Admit(ctx); err != nil {
			return x, err
		}
	}
	auth, err := c.authHeader(ctx, cfg)
	if err != nil {
		return x, err
	}
	x.tok = secretOf(auth[0])

	a := attemptPool.Get().(*attempt)
	defer a.release()
	a.throttle, a.ticket = cfg.limiter, ticket
	if w != nil {
		a.watch, a.tok, a.start = w, x.tok, time.Now()
		if cfg.limiter != nil {
			a.throttleWait = a.start.Sub(throttleStart)
		}
	}
	hreq, err := http.NewRequestWithContext(ctx, e.method, target, nil)
	if err != nil {
		return x, fmt.Errorf("intercom: building request: %w", err)
	}
	h := hreq.Header
	for k, vs := range cfg.header {
		h[k] = vs[:len(vs):len(vs)] // shared read-only; an append by a transport copies
	}
	h["Authorization"] = auth
	if cfg.apiVersion == c.hdr.version {
		h["Intercom-Version"] = c.hdr.versionHd
	} else {
		h["Intercom-Version"] = []string{cfg.apiVersion}
	}
	if e.accept == "" {
		h["Accept"] = acceptJSON
	} else {
		h["Accept"] = []string{e.accept}
	}
	if body != nil {
		h["Content-Type"] = contentTypeJSON
	}
	if cfg.userAgent == c.hdr.userAgent {
		h["User-Agent"] = c.hdr.uaHd
	} else {
		h["User-Agent"] = []string{userAgentFor(cfg.userAgent)}
	}

	a.req.Request = hreq
	if body != nil {
		if err := a.req.SetBody(body); err != nil {
			return x, fmt.Errorf("intercom: building request: %w", err)
		}
	}
	idempotent := e.readOnly || cfg.retryUnsafe || idempotentMethod(e.method)
	a.st = retryState{
		policy:     cfg.retry,
		idempotent: idempotent,
		now:        time.Now,
	}
	a.rc.HTTPClient = hc
	a.rc.RetryMax = cfg.retry.MaxRetries
	resp, err := a.rc.Do(&a.req)
	st := &a.st
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			if st.unsafeFailure {
				// The caller's deadline cut off a write that may have arrived.
				return x, &ConnectionError{Method: e.method, Path: path, Attempts: max(st.attempts, 1), MayHaveSucceeded: true, Err: ctxErr}
			}
			return x, ctxErr
		}
		return x, &ConnectionError{Method: e.method, Path: path, Attempts: max(st.attempts, 1), MayHaveSucceeded: st.unsafeFailure, Err: scrubURLError(err)}
	}
	x.r = newResponse(resp, x.tok)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody)) // let the connection be reused
		if loc := resp.Header.Get("Location"); loc != "" && resp.StatusCode >= 300 && resp.StatusCode <= 399 {
			return x, &RedirectError{Method: e.method, Path: path, StatusCode: resp.StatusCode, Location: x.tok.redact(loc),
				RequestID: x.r.RequestID, MayHaveSucceeded: !idempotent && writeRedirectMayHaveSucceeded(resp.StatusCode)}
		}
		return x, newAPIError(x.r, b, x.tok)
	}
	st.policy.Budget.refund(successRefund)
	x.resp = resp
	return x, nil
}

// authHeader returns the Authorization value for a call: the client's
// prebuilt one for its static token, else one built from the token source.
func (c *Client) authHeader(ctx context.Context, cfg settings) ([]string, error) {
	if st, ok := cfg.tokens.(StaticToken); ok && c.hdr.auth != nil && string(st) == c.hdr.token {
		return c.hdr.auth, nil
	}
	token, err := cfg.tokens.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("intercom: token source: %w", err)
	}
	if token == "" {
		return nil, ErrMissingToken
	}
	return []string{"Bearer " + token}, nil
}

// idempotentMethod reports whether repeating a request with this method is safe.
func idempotentMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// scrubURLError drops the query string from a *url.Error's URL: queries can
// carry emails and other personal data.
func scrubURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		if u, perr := url.Parse(ue.URL); perr == nil {
			u.RawQuery = ""
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}
