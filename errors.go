package intercom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors for use with errors.Is. An *APIError matches the sentinel of
// its status class; client-side errors match ErrInvalidRequest.
var (
	// ErrNotFound matches 404 responses.
	ErrNotFound = errors.New("intercom: not found")
	// ErrUnauthorized matches 401 responses (missing, wrong or revoked token).
	ErrUnauthorized = errors.New("intercom: unauthorized")
	// ErrForbidden matches 403 responses (for example api_plan_restricted).
	ErrForbidden = errors.New("intercom: forbidden")
	// ErrRateLimited matches 429 responses.
	ErrRateLimited = errors.New("intercom: rate limited")
	// ErrConflict matches 409 responses.
	ErrConflict = errors.New("intercom: conflict")
	// ErrValidation matches 400 and 422 responses: Intercom rejected the input.
	ErrValidation = errors.New("intercom: validation failed")
	// ErrServer matches 5xx responses.
	ErrServer = errors.New("intercom: server error")
	// ErrScrollExists matches the error Intercom returns when a company scroll
	// is already open in the workspace (only one may exist at a time).
	ErrScrollExists = errors.New("intercom: scroll already exists")

	// ErrInvalidRequest matches errors found before any I/O: a missing path
	// parameter, a search filter over Intercom's limits, a request missing a
	// required identifier.
	ErrInvalidRequest = errors.New("intercom: invalid request")
	// ErrMissingToken is returned by NewClient when no token or token source is given.
	ErrMissingToken = errors.New("intercom: an access token or token source is required")
	// ErrUnexpectedResponse matches a 2xx response whose body could not be decoded.
	ErrUnexpectedResponse = errors.New("intercom: unexpected response body")
	// ErrResponseTooLarge matches a response body larger than the configured limit.
	ErrResponseTooLarge = errors.New("intercom: response body too large")
	// ErrCursorStalled is returned by an iterator when the server hands back
	// a cursor it has already given, or a page that repeats the one before
	// it, either of which would otherwise loop forever.
	ErrCursorStalled = errors.New("intercom: pagination cursor did not advance")
	// ErrRedirected matches a *RedirectError: a redirect the SDK refused to
	// follow.
	ErrRedirected = errors.New("intercom: redirect not followed")
)

// maxErrorBody caps how much of an error response is read.
const maxErrorBody = 1 << 20

// snippetLen is how much of a body that is not Intercom's JSON is kept on an error.
const snippetLen = 256

// ErrorEntry is one entry of Intercom's error.list.
type ErrorEntry struct {
	// Code is Intercom's machine-readable code, such as "not_found" or "parameter_invalid".
	Code string `json:"code"`
	// Message is the human-readable explanation.
	Message string `json:"message,omitempty"`
	// Field names the offending request field, when Intercom says which.
	Field string `json:"field,omitempty"`
}

// APIError is returned for every non-2xx response. Use errors.As to get it and
// errors.Is with the sentinels (ErrNotFound, ErrRateLimited, …) to classify it.
type APIError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Type is the body's "type", normally "error.list".
	Type string
	// RequestID is Intercom's request id, from the body or the X-Request-Id header.
	RequestID string
	// Errors holds every entry Intercom returned.
	Errors []ErrorEntry
	// Rate is the rate-limit state the response reported.
	Rate Rate
	// RetryAfter is how long to wait before retrying, when the server said
	// (X-RateLimit-Reset or Retry-After); zero when unknown.
	RetryAfter time.Duration
	// Snippet holds the start of a body that was not Intercom's JSON (an HTML
	// page from a proxy, a truncated body), so the cause can be seen.
	Snippet string
	// Response is the HTTP response; its body has already been read and closed.
	Response *http.Response
}

// maxListedErrors is how many error entries Error() names; the rest are counted.
const maxListedErrors = 10

// maxMessageLen caps each message and code quoted by Error(), so a hostile
// or broken body cannot make the error string (and every log line carrying
// it) megabytes long.
const maxMessageLen = 512

// Error names the status, every code (up to ten) and the request id.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "intercom: %d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	for i, en := range e.Errors {
		if i == maxListedErrors {
			fmt.Fprintf(&b, "; and %d more", len(e.Errors)-i)
			break
		}
		if i == 0 {
			b.WriteString(":")
		} else {
			b.WriteString(";")
		}
		if en.Code != "" {
			b.WriteString(" " + clip(en.Code, maxMessageLen))
		}
		if en.Field != "" {
			b.WriteString(" (field " + clip(en.Field, maxMessageLen) + ")")
		}
		if en.Message != "" {
			if en.Code != "" {
				b.WriteString(":")
			}
			b.WriteString(" " + clip(en.Message, maxMessageLen))
		}
	}
	if len(e.Errors) == 0 && e.Snippet != "" {
		fmt.Fprintf(&b, ": unexpected body %q", e.Snippet)
	}
	if e.RequestID != "" {
		b.WriteString(" [request_id " + clip(e.RequestID, maxMessageLen) + "]")
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter.Round(time.Millisecond))
	}
	return b.String()
}

// Is reports whether target is the sentinel for this error's status.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrValidation:
		return e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity
	case ErrServer:
		return e.StatusCode >= 500
	case ErrScrollExists:
		return e.HasCode("scroll_exists") || e.mentions("scroll already exists")
	}
	return false
}

// HasCode reports whether any error entry carries code.
func (e *APIError) HasCode(code string) bool {
	for _, en := range e.Errors {
		if en.Code == code {
			return true
		}
	}
	return false
}

func (e *APIError) mentions(s string) bool {
	for _, en := range e.Errors {
		if strings.Contains(strings.ToLower(en.Message), s) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(e.Snippet), s)
}

// wireError is the union of the error shapes Intercom sends: error.list, and
// {error_key, message} from the phone-switch endpoint.
type wireError struct {
	Type      string       `json:"type"`
	RequestID *string      `json:"request_id"`
	Errors    []ErrorEntry `json:"errors"`
	ErrorKey  string       `json:"error_key"`
	Message   string       `json:"message"`
}

// newAPIError builds the error for a non-2xx response from its (capped)
// body. r is the caller's Response (already redacted, see newResponse); a
// body that echoes the access token back, as some proxies and debugging
// endpoints do, has it replaced by [REDACTED].
func newAPIError(r *Response, body []byte, tok secret) *APIError {
	e := &APIError{StatusCode: r.StatusCode, Rate: r.Rate, Response: r.Response, RequestID: r.RequestID}
	var w wireError
	if json.Unmarshal(body, &w) == nil && (w.Type != "" || len(w.Errors) > 0 || w.ErrorKey != "" || w.Message != "") {
		e.Type = tok.redact(w.Type)
		if w.RequestID != nil && *w.RequestID != "" {
			e.RequestID = tok.redact(*w.RequestID)
		}
		e.Errors = w.Errors
		switch {
		case w.ErrorKey != "":
			e.Errors = append(e.Errors, ErrorEntry{Code: w.ErrorKey, Message: w.Message})
		case len(w.Errors) == 0 && w.Message != "":
			e.Errors = append(e.Errors, ErrorEntry{Message: w.Message})
		}
		if tok != "" {
			for i := range e.Errors {
				en := &e.Errors[i]
				en.Code, en.Message, en.Field = tok.redact(en.Code), tok.redact(en.Message), tok.redact(en.Field)
			}
		}
	} else {
		e.Snippet = tok.snippet(body)
	}
	e.RetryAfter = retryAfter(r.Response, r.Rate, time.Now())
	return e
}

// redactedText replaces a secret found in server-sent text.
const redactedText = "[REDACTED]"

// minRedactLen is the shortest token searched for in response text: shorter
// ones (test tokens like "t") would mangle ordinary words.
const minRedactLen = 8

// secret is the access token of one call, as searched for in what the
// server sends back. Everything the SDK builds from a response (request id,
// headers, snippets, error texts, log lines) passes through it; the empty
// secret (no token, or one too short to search for) leaves text alone. It is
// never stored in a value handed to the caller.
type secret string

// secretOf returns the secret of an Authorization header value.
func secretOf(authorization string) secret {
	tok := strings.TrimSpace(authorization)
	if len(tok) > len("Bearer ") && strings.EqualFold(tok[:len("Bearer ")], "Bearer ") {
		tok = strings.TrimSpace(tok[len("Bearer "):])
	}
	if len(tok) < minRedactLen {
		return ""
	}
	return secret(tok)
}

// redact replaces every occurrence of the token in v.
func (t secret) redact(v string) string { return redact(v, string(t)) }

// snippet is the start of body as text, with the token replaced before the
// body is cut, so not even a prefix of it survives at the cut.
func (t secret) snippet(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	return redactedSnippet(body, string(t))
}

// inHeader reports whether any value of h carries the token.
func (t secret) inHeader(h http.Header) bool {
	if t == "" {
		return false
	}
	for _, vs := range h {
		for _, v := range vs {
			if strings.Contains(v, string(t)) {
				return true
			}
		}
	}
	return false
}

// redactHeader returns a copy of h with the token replaced in every value.
func (t secret) redactHeader(h http.Header) http.Header {
	c := make(http.Header, len(h))
	for k, vs := range h {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = t.redact(v)
		}
		c[k] = out
	}
	return c
}

// redact replaces every occurrence of token in s.
func redact(s, token string) string {
	if token == "" || !strings.Contains(s, token) {
		return s
	}
	return strings.ReplaceAll(s, token, redactedText)
}

// redactedSnippet is snippet(body) with token replaced before the body is
// cut, so not even a prefix of it survives at the cut.
func redactedSnippet(body []byte, token string) string {
	if token == "" {
		return snippet(body)
	}
	body = bytes.TrimLeftFunc(body, unicode.IsSpace)
	if n := snippetLen + len(token); len(body) > n {
		body = body[:n]
	}
	return snippet([]byte(redact(string(body), token)))
}

// redactedResponse returns resp, or a shallow copy of it whose request (and
// the requests of its redirect chain) have the Authorization header
// replaced, so an error kept, logged or dumped does not carry the token.
func redactedResponse(resp *http.Response) *http.Response {
	if resp == nil || !hasAuthorization(resp.Request) {
		return resp
	}
	r := *resp
	r.Request = redactedRequest(resp.Request)
	return &r
}

func hasAuthorization(r *http.Request) bool {
	for depth := 0; r != nil && depth < 32; depth++ {
		if r.Header.Get("Authorization") != "" {
			return true
		}
		if r.Response == nil {
			break
		}
		r = r.Response.Request
	}
	return false
}

// redactedRequest returns a shallow copy of r whose Authorization header (and
// that of the requests before it in a redirect chain) reads [REDACTED]. r
// itself is not modified: the transport may still hold it.
// redactedAuthorization is the header value shown in place of the token.
var redactedAuthorization = []string{redactedText}

func redactedRequest(r *http.Request) *http.Request {
	if r == nil || !hasAuthorization(r) {
		return r
	}
	c := *r
	if r.Header.Get("Authorization") != "" {
		// A new map whose values share the original's read-only slices, but
		// for Authorization: cheaper than Header.Clone on every response.
		h := make(http.Header, len(r.Header))
		for k, v := range r.Header {
			h[k] = v
		}
		h["Authorization"] = redactedAuthorization
		c.Header = h
	}
	if r.Response != nil {
		prev := *r.Response
		prev.Request = redactedRequest(r.Response.Request)
		c.Response = &prev
	}
	return &c
}

// snippet returns the start of body as text: invalid UTF-8 replaced, at
// most snippetLen bytes (cut on a rune boundary, then "…"). Only that much of
// body is copied, whatever its size.
func snippet(body []byte) string {
	body = bytes.TrimLeftFunc(body, unicode.IsSpace)
	cut := len(body) > snippetLen
	if cut {
		body = body[:snippetLen]
	}
	s := strings.ToValidUTF8(string(body), "\uFFFD")
	if len(s) > snippetLen { // replacements are wider than the bytes they replace
		s, cut = s[:snippetLen], true
	}
	if cut {
		// Drop a rune split by the cut, whole or mangled into U+FFFD.
		s = strings.TrimSuffix(strings.ToValidUTF8(s, ""), "\uFFFD")
	}
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if cut {
		s += "…"
	}
	return s
}

// clip shortens s to at most n bytes (on a rune boundary), marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// InvalidRequestError is returned before any I/O when a call's input cannot
// be sent: it names the parameter or field and the problem.
type InvalidRequestError struct {
	// Field is the parameter or field at fault, e.g. "id" or "query.value[2]".
	Field string
	// Reason says what is wrong with it.
	Reason string
}

// Error names the field and the problem.
func (e *InvalidRequestError) Error() string {
	if e.Field == "" {
		return "intercom: invalid request: " + e.Reason
	}
	return "intercom: invalid request: " + e.Field + " " + e.Reason
}

// Is matches ErrInvalidRequest.
func (e *InvalidRequestError) Is(target error) bool { return target == ErrInvalidRequest }

func invalid(field, reason string) error { return &InvalidRequestError{Field: field, Reason: reason} }

// ConnectionError is returned when no response was received: the connection
// failed, was reset, or timed out. Unwrap gives the transport's error.
type ConnectionError struct {
	// Method and Path identify the call (the path has no query string).
	Method, Path string
	// Attempts is how many times the request was sent.
	Attempts int
	// MayHaveSucceeded is true when a non-idempotent request may have reached
	// Intercom before the failure: the write may have happened, so check
	// before sending it again.
	MayHaveSucceeded bool
	// Err is the underlying error.
	Err error
}

// Error names the call, the attempts and the cause, and warns when a write may have happened.
func (e *ConnectionError) Error() string {
	s := fmt.Sprintf("intercom: %s %s failed after %d attempt(s): %v", e.Method, e.Path, e.Attempts, e.Err)
	if e.MayHaveSucceeded {
		s += " (the request may have been processed; it was not retried because it is not idempotent)"
	}
	return s
}

// Unwrap returns the transport error.
func (e *ConnectionError) Unwrap() error { return e.Err }

// DecodeError is returned when a 2xx response body is not the JSON expected:
// malformed, truncated, or an HTML page from a proxy.
type DecodeError struct {
	// StatusCode and ContentType describe the response.
	StatusCode  int
	ContentType string
	// RequestID is Intercom's request id from the headers, if any.
	RequestID string
	// Snippet is the start of the body.
	Snippet string
	// Err is the decoder's error.
	Err error
}

// Error names the status, the content type, the cause and the start of the body.
func (e *DecodeError) Error() string {
	s := fmt.Sprintf("intercom: cannot decode %d response (%s): %v", e.StatusCode, e.ContentType, e.Err)
	if e.Snippet != "" {
		s += fmt.Sprintf("; body starts %q", e.Snippet)
	}
	if e.RequestID != "" {
		s += " [request_id " + e.RequestID + "]"
	}
	return s
}

// Unwrap returns the decoder's error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Is matches ErrUnexpectedResponse.
func (e *DecodeError) Is(target error) bool { return target == ErrUnexpectedResponse }

// RedirectError is returned for a redirect the SDK does not follow: any
// redirect of a request other than GET or HEAD (following it would resend a
// write elsewhere, or turn it into a GET whose answer would pass for the
// write's result), and a redirect from https to http. It matches
// ErrRedirected.
type RedirectError struct {
	// Method and Path identify the call (the path has no query string).
	Method, Path string
	// StatusCode is the redirect's status (301, 302, 303, 307 or 308).
	StatusCode int
	// Location is where the server pointed.
	Location string
	// RequestID is Intercom's request id, if the response carried one.
	RequestID string
	// MayHaveSucceeded is true when a write was answered with 302 or 303,
	// the statuses a server sends after acting on a request ("see the
	// result there"): check before sending it again.
	MayHaveSucceeded bool
}

// Error names the call, the status and the location.
func (e *RedirectError) Error() string {
	s := fmt.Sprintf("intercom: %s %s was redirected (%d) to %s; redirects of writes and from https to http are not followed",
		e.Method, e.Path, e.StatusCode, clip(withoutQuery(e.Location), maxMessageLen))
	if e.MayHaveSucceeded {
		s += " (the request may have been processed)"
	}
	if e.RequestID != "" {
		s += " [request_id " + clip(e.RequestID, maxMessageLen) + "]"
	}
	return s
}

// Is matches ErrRedirected.
func (e *RedirectError) Is(target error) bool { return target == ErrRedirected }

// withoutQuery cuts a URL before its query or fragment, which can carry
// personal data.
func withoutQuery(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i]
	}
	return u
}

// writeRedirectMayHaveSucceeded reports whether a redirect of a write
// suggests the write was carried out: 302 and 303 are the answers of the
// post/redirect/get pattern; 301, 307 and 308 say the resource is elsewhere.
func writeRedirectMayHaveSucceeded(status int) bool {
	return status == http.StatusFound || status == http.StatusSeeOther
}
