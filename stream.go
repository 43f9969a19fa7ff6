package intercom

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// This file holds the streamed downloads: data exports, call recordings and
// transcripts, reporting data.

// streamSpec describes one streamed download.
type streamSpec struct {
	e        endpoint
	goMethod string
	// viaRedirect: Intercom answers with a redirect to a signed URL (call
	// recordings). The redirect is not followed with the call's
	// credentials: the signed URL is fetched with a plain GET that carries
	// no Authorization, and the *Response returned is Intercom's redirect
	// (its request id and rate limit).
	viaRedirect bool
}

// stream sends a GET whose answer is a file and returns its body unread,
// un-gzipped when it is gzipped (see newDataExportReader). The caller must
// Close it.
//
// Timeouts: unless the call is given its own
// WithTimeout, the client's timeout bounds only the wait for the response
// to start (headers, across retries and the redirect), and the body lasts
// as long as ctx does; a per-call WithTimeout bounds the whole download.
func (c *Client) stream(ctx context.Context, sp streamSpec, opts []Option) (io.ReadCloser, *Response, error) {
	if ctx == nil {
		return nil, nil, invalid("ctx", "is nil")
	}
	startTimeout := time.Duration(0)
	if !optsSetTimeout(opts) {
		startTimeout = c.http.Timeout // the effective per-attempt timeout
		opts = append([]Option{WithTimeout(0)}, opts...)
	}
	cfg, hc, err := c.callSettings(opts)
	if err != nil {
		return nil, nil, err
	}
	if obs := cfg.watchers(); len(obs) > 0 {
		w := startCall(ctx, obs, &cfg, sp.e, sp.goMethod)
		body, r, err := c.streamWith(w.ctx, cfg, hc, sp, startTimeout, w)
		w.done(r, err)
		return body, r, err
	}
	return c.streamWith(ctx, cfg, hc, sp, startTimeout, nil)
}

// optsSetTimeout reports whether the per-call options set a timeout.
func optsSetTimeout(opts []Option) bool {
	var cfg settings
	for _, o := range opts {
		if o != nil {
			_ = o(&cfg)
		}
	}
	return cfg.timeoutSet
}

// streamWith is stream once the call's settings are known.
func (c *Client) streamWith(ctx context.Context, cfg settings, hc *http.Client, sp streamSpec, startTimeout time.Duration, w *callWatch) (io.ReadCloser, *Response, error) {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	var timer *time.Timer
	if startTimeout > 0 {
		timer = time.AfterFunc(startTimeout, cancel)
	}
	send := hc
	if sp.viaRedirect {
		noFollow := *hc
		noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		send = &noFollow
	}
	x, err := c.roundTrip(ctx, cfg, send, sp.e, w)
	var body io.ReadCloser
	if err == nil {
		body = x.resp.Body
	}
	r := x.r
	var re *RedirectError
	if sp.viaRedirect && errors.As(err, &re) && x.r != nil {
		body, err = c.fetchRedirect(ctx, cfg, hc, sp.e, x)
	}
	if timer != nil && !timer.Stop() && parent.Err() == nil && (err == nil || x.r == nil || errors.Is(err, context.Canceled)) {
		// Our start timeout fired (the request context is cancelled) and
		// no error response arrived to report instead.
		cancel()
		if body != nil {
			_ = body.Close()
		}
		return nil, nil, &ConnectionError{Method: http.MethodGet, Path: streamPath(cfg.base, sp.e), Attempts: 1,
			Err: fmt.Errorf("%w: no response within %s", context.DeadlineExceeded, startTimeout)}
	}
	if err != nil {
		cancel()
		return nil, r, err
	}
	rc, err := newDataExportReader(body, cancel)
	if err != nil {
		return nil, r, err
	}
	return rc, r, nil
}

// fetchRedirect fetches, without the call's credentials, the signed URL an
// Intercom redirect (x) points at, and returns its body open.
func (c *Client) fetchRedirect(ctx context.Context, cfg settings, hc *http.Client, e endpoint, x exchange) (io.ReadCloser, error) {
	path := streamPath(cfg.base, e)
	loc, err := url.Parse(x.r.Header.Get("Location"))
	if err != nil {
		return nil, &RedirectError{Method: http.MethodGet, Path: path, StatusCode: x.r.StatusCode, RequestID: x.r.RequestID}
	}
	if !loc.IsAbs() {
		base, err := url.Parse(cfg.base + path)
		if err != nil {
			return nil, err
		}
		loc = base.ResolveReference(loc)
	}
	// As the client's redirect policy: only http(s), and never from https
	// down to http (a recording is personal data).
	if (loc.Scheme != "https" && loc.Scheme != "http") || (loc.Scheme == "http" && strings.HasPrefix(cfg.base, "https:")) {
		return nil, &RedirectError{Method: http.MethodGet, Path: path, StatusCode: x.r.StatusCode, Location: withoutQuery(loc.String()), RequestID: x.r.RequestID}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, loc.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("intercom: building request: %w", err)
	}
	req.Header.Set("User-Agent", userAgentFor(cfg.userAgent))
	resp, err := hc.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, &ConnectionError{Method: http.MethodGet, Path: path, Attempts: 1, Err: scrubURLError(err)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, newAPIError(newResponse(resp, x.tok), b, x.tok)
	}
	return resp.Body, nil
}

// streamPath is the path of e under base, without the query (which can
// carry personal data), for errors.
func streamPath(base string, e endpoint) string {
	target, pathEnd, err := requestURL(base, endpoint{path: e.path, params: e.params})
	if err != nil {
		return e.path
	}
	return target[len(base):pathEnd]
}
