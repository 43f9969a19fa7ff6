package intercom

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Region is an Intercom data-hosting region.
type Region string

// The regions Intercom hosts workspaces in.
const (
	RegionUS Region = "us"
	RegionEU Region = "eu"
	RegionAU Region = "au"
)

// Base URLs of the regions.
const (
	BaseURLUS = "https://api.intercom.io"
	BaseURLEU = "https://api.eu.intercom.io"
	BaseURLAU = "https://api.au.intercom.io"
)

// DefaultAPIVersion is the Intercom-Version sent unless overridden.
const DefaultAPIVersion = "2.10"

// DefaultTimeout bounds each attempt of a call (connect, headers and body)
// unless WithTimeout says otherwise.
const DefaultTimeout = 60 * time.Second

// DefaultMaxResponseBytes caps a successful JSON response body. The largest
// responses Intercom sends are a conversation with its 500 most recent parts
// and list pages of 150 contacts or companies with their custom attributes
// and embedded lists: a few MiB, about 10 MiB for very heavy workspaces.
// 32 MiB leaves room for that three times over while keeping what a hostile
// or broken server can make a call allocate (about twice the cap, see
// readBody) small. Downloads are streamed and not capped.
const DefaultMaxResponseBytes = 32 << 20

// TokenSource supplies the access token for each call; use it for OAuth
// tokens that rotate. Token must be safe for concurrent use.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
}

// StaticToken is a TokenSource that always returns the same token.
type StaticToken string

// Token returns the token.
func (t StaticToken) Token(context.Context) (string, error) { return string(t), nil }

// settings is everything an Option can change. A Client holds one; each call
// works on a copy with the call's own options applied.
type settings struct {
	base             string // the base URL, without a trailing slash
	tokens           TokenSource
	httpClient       *http.Client
	callerHTTPClient bool // httpClient came from WithHTTPClient
	timeout          time.Duration
	timeoutSet       bool
	userAgent        string
	apiVersion       string
	retry            RetryPolicy
	retryUnsafe      bool
	logger           *slog.Logger
	header           http.Header
	maxResponseBytes int64
	responseBody     *[]byte
	limiter          Limiter // nil: none
	observers        []Observer
}

// Option configures a Client (passed to NewClient) or a single call (passed
// as the last arguments of any service method); a per-call option overrides
// the client's setting for that call only.
type Option func(*settings) error

// WithRegion sets the base URL to a region's (US is the default).
func WithRegion(r Region) Option {
	return func(s *settings) error {
		var raw string
		switch Region(strings.ToLower(string(r))) {
		case RegionUS, "":
			raw = BaseURLUS
		case RegionEU:
			raw = BaseURLEU
		case RegionAU:
			raw = BaseURLAU
		default:
			return fmt.Errorf("intercom: unknown region %q (want us, eu or au)", r)
		}
		s.base = raw
		return nil
	}
}

// WithBaseURL sets a custom base URL, such as a proxy ("https://proxy.example/intercom").
// It must be absolute http or https, without query or fragment.
func WithBaseURL(raw string) Option {
	return func(s *settings) error {
		u, err := parseBaseURL(raw)
		if err != nil {
			return err
		}
		s.base = u.String()
		return nil
	}
}

func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("intercom: invalid base URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("intercom: invalid base URL %q: want an absolute http or https URL", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("intercom: invalid base URL %q: no query, fragment or user info allowed", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// WithToken sets a fixed access token.
func WithToken(token string) Option {
	return func(s *settings) error {
		s.tokens = StaticToken(token)
		return nil
	}
}

// WithTokenSource sets a source asked for the token on every call.
func WithTokenSource(ts TokenSource) Option {
	return func(s *settings) error {
		if ts == nil {
			return fmt.Errorf("intercom: nil token source")
		}
		s.tokens = ts
		return nil
	}
}

// WithHTTPClient sets the HTTP client used to send requests. It is never
// modified: the SDK works on a copy (to apply the timeout).
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) error {
		if hc == nil {
			return fmt.Errorf("intercom: nil HTTP client")
		}
		s.httpClient, s.callerHTTPClient = hc, true
		return nil
	}
}

// WithTimeout bounds each attempt (connect, headers and reading the body).
// Zero means no timeout, which is only sensible for streaming downloads.
func WithTimeout(d time.Duration) Option {
	return func(s *settings) error {
		if d < 0 {
			return fmt.Errorf("intercom: negative timeout %s", d)
		}
		s.timeout, s.timeoutSet = d, true
		return nil
	}
}

// WithUserAgent appends a product token to the SDK's own user agent.
func WithUserAgent(ua string) Option {
	return func(s *settings) error {
		s.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithAPIVersion sets the Intercom-Version header (default "2.10"), per
// client or per call. The SDK's models describe 2.10; other versions are for
// callers who know the differences (docs/version-gaps.md lists what the
// models miss under each). For the versions whose endpoints the SDK knows,
// 2.10 to 2.16, a call for an endpoint, or with a request field, that the
// version does not have fails before any I/O with a *VersionError
// (ErrUnsupportedByVersion). Any other version, such as "2.9" or "Unstable",
// is sent as given, without that check.
func WithAPIVersion(v string) Option {
	return func(s *settings) error {
		if v == "" {
			return fmt.Errorf("intercom: empty API version")
		}
		s.apiVersion = v
		return nil
	}
}

// WithHeader adds a header to requests. It cannot replace Authorization or
// Intercom-Version (use WithTokenSource and WithAPIVersion).
func WithHeader(key, value string) Option {
	return func(s *settings) error {
		k := http.CanonicalHeaderKey(key)
		if k == "Authorization" || k == "Intercom-Version" {
			return fmt.Errorf("intercom: use the dedicated option to set %s", k)
		}
		h := s.header.Clone()
		if h == nil {
			h = http.Header{}
		}
		h.Add(k, value)
		s.header = h
		return nil
	}
}

// WithRetryPolicy replaces the retry policy.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(s *settings) error {
		if p.MaxRetries < 0 {
			return fmt.Errorf("intercom: negative MaxRetries")
		}
		s.retry = p
		return nil
	}
}

// WithMaxRetries sets how many times a call may be retried; 0 turns retries off.
func WithMaxRetries(n int) Option {
	return func(s *settings) error {
		if n < 0 {
			return fmt.Errorf("intercom: negative retry count")
		}
		s.retry.MaxRetries = n
		return nil
	}
}

// WithRetryNonIdempotent opts a POST into retries on 5xx and connection
// errors. Use it only for calls that are safe to repeat (Intercom does not
// support idempotency keys); 429s are retried for every method regardless.
func WithRetryNonIdempotent() Option {
	return func(s *settings) error {
		s.retryUnsafe = true
		return nil
	}
}

// WithLogger sets a structured logger for request diagnostics (method,
// path, status, attempt, duration, request id). Tokens and bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) error {
		s.logger = l
		return nil
	}
}

// WithMaxResponseBytes caps successful response bodies (default 32 MiB).
func WithMaxResponseBytes(n int64) Option {
	return func(s *settings) error {
		if n <= 0 {
			return fmt.Errorf("intercom: MaxResponseBytes must be positive")
		}
		s.maxResponseBytes = n
		return nil
	}
}

// WithResponseBody copies the raw body of a successful response into *dst,
// for fields the models do not have yet. Use it per call.
func WithResponseBody(dst *[]byte) Option {
	return func(s *settings) error {
		s.responseBody = dst
		return nil
	}
}

// WithThrottle makes calls wait for t before each attempt, retries included,
// so that the client stays under a rate limit instead of running into 429s.
// Share one Throttle between every client (and goroutine) that uses the same
// app's rate limit; see NewThrottle. Per call, WithThrottle(nil) lets a call
// skip the client's throttle (or limiter). The wait counts against the
// call's context but not against the per-attempt timeout (WithTimeout). It
// is WithLimiter for the in-process Throttle; see Limiter for limits shared
// by many processes.
func WithThrottle(t *Throttle) Option {
	return func(s *settings) error {
		s.limiter = nil
		if t != nil {
			s.limiter = t
		}
		return nil
	}
}
