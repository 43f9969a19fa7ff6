package intercom

import (
	"net/http"
	"strconv"
	"time"
)

// This file holds Response, the result of every call besides its model, and
// Rate, the rate-limit state it carries.

// Rate is Intercom's rate-limit state, from the X-RateLimit-* headers.
type Rate struct {
	// Limit is the number of requests allowed per window.
	Limit int
	// Remaining is how many are left in the current window.
	Remaining int
	// Reset is when the window resets.
	Reset time.Time
}

// The rate-limit headers in canonical form, so that reading them does not
// canonicalize (and allocate) on every response.
const (
	hdrRateLimit     = "X-Ratelimit-Limit"
	hdrRateRemaining = "X-Ratelimit-Remaining"
	hdrRateReset     = "X-Ratelimit-Reset"
	hdrRequestID     = "X-Request-Id"
)

// headerValue is h.Get for a key already in canonical form.
func headerValue(h http.Header, canonicalKey string) string {
	if v := h[canonicalKey]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func parseRate(h http.Header) Rate {
	var r Rate
	if v := headerValue(h, hdrRateLimit); v != "" {
		r.Limit, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, hdrRateRemaining); v != "" {
		r.Remaining, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, hdrRateReset); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			r.Reset = time.Unix(sec, 0)
		}
	}
	return r
}

// Response wraps the HTTP response of a call. Its body has been read and
// closed, except for streaming downloads. It is returned for API errors too
// (non-2xx statuses), and is nil only when no response arrived or the call
// failed before sending.
type Response struct {
	*http.Response
	// RequestID is Intercom's X-Request-Id, when sent.
	RequestID string
	// Rate is the rate-limit state reported with the response.
	Rate Rate
}

// newResponse wraps r for the caller, with tok (the call's token) replaced
// wherever the server echoed it: in the request id and in the headers. The
// request it exposes is a copy whose Authorization header is redacted: a
// Response may be logged or dumped, and the original header values are
// shared, read-only, by the client's calls. Every Response (success, API
// error, download) is made here.
func newResponse(r *http.Response, tok secret) *Response {
	rr := redactedResponse(r)
	if tok.inHeader(r.Header) {
		if rr == r {
			cp := *r
			rr = &cp
		}
		rr.Header = tok.redactHeader(r.Header)
	}
	return &Response{Response: rr, RequestID: headerValue(rr.Header, hdrRequestID), Rate: parseRate(rr.Header)}
}
