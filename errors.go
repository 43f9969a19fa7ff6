package intercom

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
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
	// the cursor it was just given, which would otherwise loop forever.
	ErrCursorStalled = errors.New("intercom: pagination cursor did not advance")
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

// Error names the status, every code and the request id.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "intercom: %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	for i, en := range e.Errors {
		if i == 0 {
			b.WriteString(":")
		} else {
			b.WriteString(";")
		}
		if en.Code != "" {
			b.WriteString(" " + en.Code)
		}
		if en.Field != "" {
			b.WriteString(" (field " + en.Field + ")")
		}
		if en.Message != "" {
			if en.Code != "" {
				b.WriteString(":")
			}
			b.WriteString(" " + en.Message)
		}
	}
	if len(e.Errors) == 0 && e.Snippet != "" {
		fmt.Fprintf(&b, ": unexpected body %q", e.Snippet)
	}
	if e.RequestID != "" {
		b.WriteString(" [request_id " + e.RequestID + "]")
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

// newAPIError builds the error for a non-2xx response from its (capped) body.
func newAPIError(resp *http.Response, body []byte, rate Rate) *APIError {
	e := &APIError{StatusCode: resp.StatusCode, Rate: rate, Response: resp, RequestID: resp.Header.Get("X-Request-Id")}
	var w wireError
	if json.Unmarshal(body, &w) == nil && (w.Type != "" || len(w.Errors) > 0 || w.ErrorKey != "" || w.Message != "") {
		e.Type = w.Type
		if w.RequestID != nil && *w.RequestID != "" {
			e.RequestID = *w.RequestID
		}
		e.Errors = w.Errors
		switch {
		case w.ErrorKey != "":
			e.Errors = append(e.Errors, ErrorEntry{Code: w.ErrorKey, Message: w.Message})
		case len(w.Errors) == 0 && w.Message != "":
			e.Errors = append(e.Errors, ErrorEntry{Message: w.Message})
		}
	} else {
		e.Snippet = snippet(body)
	}
	e.RetryAfter = retryAfter(resp, rate, time.Now())
	return e
}

// snippet returns the start of body as printable text.
func snippet(body []byte) string {
	s := strings.TrimSpace(string(body))
	if len(s) > snippetLen {
		s = s[:snippetLen]
		for !utf8.ValidString(s) && len(s) > 0 {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// InvalidRequestError is returned before any I/O when a call's input cannot
// be sent: it names the parameter or field and the problem.
type InvalidRequestError struct {
	// Field is the parameter or field at fault, e.g. "id" or "query.value[2]".
	Field string
	// Reason says what is wrong with it.
	Reason string
}

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
