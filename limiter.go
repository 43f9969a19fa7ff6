package intercom

import (
	"context"
	"net/http"
	"time"
)

// Limiter decides when each attempt of a call may start, so that a client
// stays under Intercom's rate limit instead of running into 429s. The SDK
// calls Admit before every attempt, retries included, and Done when the
// attempt is over, with what its response said about the rate limit.
//
// *Throttle is the in-process Limiter: it keeps one process under the
// limit. The module github.com/go-intercom/intercom/redislimit has one
// that shares a single budget between every process (replica, worker,
// cron job) using the same Redis key.
//
// A Limiter must be safe for concurrent use: one is shared by every
// goroutine and client using the same app's token.
type Limiter interface {
	// Admit blocks until one request may start, counts it as started, and
	// returns a Permit to hand to Done. It returns ctx's error if ctx ends first,
	// and an error matching context.DeadlineExceeded at once when ctx's
	// deadline would pass before the request could start.
	Admit(ctx context.Context) (Permit, error)

	// Done reports that the attempt admitted with p is over: its response
	// (or its failure) has arrived, and fb says what the response told
	// about the rate limit. The SDK calls Done at most once per Permit, on
	// the goroutine of the call, and not at all when the call fails after
	// Admit but before sending (a token source's error, say): a Limiter
	// then counts the request from its admission. Done should not block
	// for long.
	Done(p Permit, fb Feedback)
}

// Permit identifies one admitted request between Admit and Done. Its
// meaning is the Limiter's own; zero means there is nothing to report.
type Permit uint64

// Feedback is what an attempt's response said about the rate limit,
// handed to Limiter.Done.
type Feedback struct {
	// StatusCode is the response's HTTP status, or 0 when no response
	// arrived (a connection error, a timeout).
	StatusCode int
	// Rate is the response's X-RateLimit-* state (zero fields for headers
	// it did not carry). Rate.Limit is the app's limit per window, which a
	// Limiter may learn from.
	Rate Rate
	// Hold, when positive, is how long from now no request should start:
	// the response was a 429 or said X-RateLimit-Remaining: 0, and Hold is
	// the time until X-RateLimit-Reset (or Retry-After, for a 429 without
	// a reset). It is not capped: a Limiter should cap it, so that a
	// server clock far ahead of this machine's cannot stall it.
	Hold time.Duration
}

// feedbackFor reads the rate-limit state of an attempt's response (nil when
// none arrived) for Limiter.Done.
func feedbackFor(resp *http.Response) Feedback {
	if resp == nil {
		return Feedback{}
	}
	fb := Feedback{StatusCode: resp.StatusCode, Rate: parseRate(resp.Header)}
	if resp.StatusCode == http.StatusTooManyRequests || headerValue(resp.Header, hdrRateRemaining) == "0" {
		fb.Hold = rateLimitWait(resp, time.Now())
	}
	return fb
}

// WithLimiter makes calls wait for l before each attempt, retries included
// (see Limiter). Share one Limiter between every client (and goroutine)
// that uses the same app's rate limit. Per call, WithLimiter(nil) lets a
// call skip the client's limiter. The wait counts against the call's
// context but not against the per-attempt timeout (WithTimeout).
// WithThrottle(t) is WithLimiter(t) for the in-process Throttle.
func WithLimiter(l Limiter) Option {
	return func(s *settings) error {
		s.limiter = l
		return nil
	}
}
