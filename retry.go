package intercom

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// RetryPolicy decides which failed attempts are retried and how long to wait.
//
// 429 responses are retried for every method, since Intercom did not act on
// the request. 500, 502, 503 and 504 responses and connection errors are
// retried only for idempotent methods (GET, HEAD, PUT, DELETE), for POSTs the
// SDK knows to be read-only (searches), and for calls made with
// WithRetryNonIdempotent. A connection that could not be opened at all is
// retried for every method: nothing was sent.
type RetryPolicy struct {
	// MaxRetries is the most retries of one call (attempts = MaxRetries+1).
	MaxRetries int
	// MinWait is the first backoff; each retry doubles it, with full jitter.
	// Zero (or less) means 100ms.
	MinWait time.Duration
	// MaxWait caps any single wait, including a wait for a rate-limit reset:
	// when Intercom's reset is further away than MaxWait the call returns
	// the rate-limit error at once instead of sleeping. Zero (or less) means
	// DefaultMaxWait.
	MaxWait time.Duration
	// Budget, when set, limits retries across all calls sharing it so that a
	// sustained outage does not multiply the load. Nil means no limit. A 429
	// waited out until the reset Intercom gave takes nothing from it.
	Budget *RetryBudget
}

// DefaultRetryPolicy returns the policy a new Client uses: 3 retries, waits
// from 500ms doubling up to 30s, and a fresh retry budget of its own.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 3, MinWait: 500 * time.Millisecond, MaxWait: DefaultMaxWait, Budget: NewRetryBudget(DefaultRetryBudget)}
}

// DefaultMaxWait is the longest single wait of DefaultRetryPolicy, and of a
// RetryPolicy whose MaxWait is zero.
const DefaultMaxWait = 30 * time.Second

// defaultMinWait is the first backoff of a RetryPolicy whose MinWait is zero.
const defaultMinWait = 100 * time.Millisecond

// minWait and maxWait are the policy's waits with the zero values filled in.
func (p RetryPolicy) minWait() time.Duration {
	if p.MinWait <= 0 {
		return defaultMinWait
	}
	return p.MinWait
}

func (p RetryPolicy) maxWait() time.Duration {
	if p.MaxWait <= 0 {
		return DefaultMaxWait
	}
	return p.MaxWait
}

// DefaultRetryBudget is the capacity of the default retry budget.
const DefaultRetryBudget = 100

// Costs charged against a RetryBudget, in the spirit of aws-sdk-go-v2's retry
// tokens: a retry after an error costs retryCost (timeouts cost more), and
// every successful call pays back one token.
const (
	retryCost        = 5
	retryTimeoutCost = 10
	successRefund    = 1
)

// RetryBudget is a token bucket shared by the calls of a client: each retry
// takes tokens, each success returns one. When the bucket is empty, failures
// are returned without retrying until successes refill it. Safe for
// concurrent use.
type RetryBudget struct {
	mu       sync.Mutex
	capacity int
	tokens   int
}

// NewRetryBudget returns a full budget of the given capacity.
func NewRetryBudget(capacity int) *RetryBudget {
	return &RetryBudget{capacity: capacity, tokens: capacity}
}

// Available returns the tokens left.
func (b *RetryBudget) Available() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}

func (b *RetryBudget) take(n int) bool {
	if b == nil {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < n {
		return false
	}
	b.tokens -= n
	return true
}

func (b *RetryBudget) refund(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.tokens = min(b.capacity, b.tokens+n)
	b.mu.Unlock()
}

// retryState follows one call through its attempts. It is the CheckRetry and
// Backoff of a retryablehttp.Client made for that call.
type retryState struct {
	policy     RetryPolicy
	idempotent bool
	attempts   int
	nextWait   time.Duration
	// rateLimitGaveUp is set when a 429's reset lies beyond MaxWait.
	rateLimitGaveUp bool
	// unsafeFailure is set when a connection error hit a write that may have
	// reached the server and was therefore not retried.
	unsafeFailure bool
	// reason says why checkRetry chose to retry.
	reason RetryReason
	now    func() time.Time
}

// checkRetry implements retryablehttp.CheckRetry.
func (st *retryState) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st.attempts++
	if ctxErr := ctx.Err(); ctxErr != nil {
		// The caller gave up while a write was in flight: it may have been
		// applied even though no response will be seen.
		if err != nil && !st.idempotent && !notSent(err) {
			st.unsafeFailure = true
		}
		return false, ctxErr
	}
	maxWait := st.policy.maxWait()
	var wait time.Duration
	cost := retryCost
	switch {
	case err != nil:
		if !st.idempotent && !notSent(err) {
			// Whatever went wrong (a reset, a malformed status line, a
			// timeout), the request may have been applied: never repeat it.
			st.unsafeFailure = true
			return false, nil
		}
		if !retryableConnError(err) {
			return false, nil
		}
		st.reason = RetryConnection
		if isTimeout(err) {
			cost = retryTimeoutCost
			st.reason = RetryTimeout
		}
		wait = st.backoff()
	case resp.StatusCode == http.StatusTooManyRequests:
		st.reason = RetryRateLimited
		wait = rateLimitWait(resp, st.now())
		if wait > maxWait {
			st.rateLimitGaveUp = true
			return false, nil
		}
		if wait > 0 {
			// Intercom said when to come back: waiting until then is pacing,
			// not a retry storm, so it costs nothing from the budget (a
			// burst of goroutines meeting one 429 each would otherwise
			// empty it, and earlier 5xx failures would leave none for it).
			cost = 0
		} else {
			wait = st.backoff()
		}
	case resp.StatusCode == http.StatusInternalServerError, resp.StatusCode == http.StatusBadGateway,
		resp.StatusCode == http.StatusServiceUnavailable, resp.StatusCode == http.StatusGatewayTimeout:
		if !st.idempotent {
			return false, nil
		}
		st.reason = RetryServerError
		wait = max(st.backoff(), min(headerRetryAfter(resp, st.now()), maxWait))
	default:
		return false, nil
	}
	if st.attempts > st.policy.MaxRetries {
		return false, nil
	}
	if cost > 0 && !st.policy.Budget.take(cost) {
		return false, nil
	}
	st.nextWait = wait
	return true, nil
}

// backoffFor implements retryablehttp.Backoff with the wait checkRetry chose.
func (st *retryState) backoffFor(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	return st.nextWait
}

// backoff is exponential with full jitter, capped at MaxWait.
func (st *retryState) backoff() time.Duration {
	base, ceiling := st.policy.minWait(), st.policy.maxWait()
	// base << (attempts-1), without overflowing: past the cap is the cap.
	if shift := min(max(st.attempts-1, 0), 62); base <= ceiling>>shift {
		ceiling = min(ceiling, base<<shift)
	}
	// Full jitter, but never less than half the ceiling, so retries do not
	// cluster at zero.
	half := ceiling / 2
	return half + rand.N(half+1)
}

// rateLimitWait is how long a 429 asks the caller to wait: until
// X-RateLimit-Reset (Unix seconds), else Retry-After.
func rateLimitWait(resp *http.Response, now time.Time) time.Duration {
	if reset := resp.Header.Get("X-RateLimit-Reset"); reset != "" {
		if sec, err := strconv.ParseInt(reset, 10, 64); err == nil {
			return max(time.Unix(sec, 0).Sub(now), 0)
		}
	}
	return headerRetryAfter(resp, now)
}

// headerRetryAfter parses Retry-After in seconds or as an HTTP date.
func headerRetryAfter(resp *http.Response, now time.Time) time.Duration {
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0
	}
	if sec, err := strconv.ParseInt(v, 10, 64); err == nil && sec >= 0 {
		return secondsToDuration(sec)
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// secondsToDuration converts whole seconds, saturating instead of
// overflowing (a Retry-After of 10^12 seconds must not wrap to a short wait).
func secondsToDuration(sec int64) time.Duration {
	if sec > int64(math.MaxInt64/time.Second) {
		return math.MaxInt64
	}
	return time.Duration(sec) * time.Second
}

// retryAfter is the wait reported on an APIError for 429 and 503 responses.
func retryAfter(resp *http.Response, rate Rate, now time.Time) time.Duration {
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return rateLimitWait(resp, now)
	case http.StatusServiceUnavailable:
		return headerRetryAfter(resp, now)
	}
	return 0
}

// retryableConnError reports whether a transport error is worth retrying:
// resets, refused or dropped connections and attempt timeouts are; the
// caller's cancellation, TLS failures and malformed requests are not.
func retryableConnError(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false
	}
	// http.Client.Timeout surfaces as a net.Error timeout; the caller's own
	// deadline is caught by checkRetry before this is called.
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return true
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}

// notSent reports whether the request certainly never left this machine:
// the connection (or the proxy tunnel, or the TLS session) could not be set
// up, or net/http refused the request before any I/O.
func notSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && (opErr.Op == "dial" || opErr.Op == "proxyconnect") {
		return true
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var (
		certErr     *tls.CertificateVerificationError
		recordErr   tls.RecordHeaderError
		authErr     x509.UnknownAuthorityError
		hostErr     x509.HostnameError
		invalidCert x509.CertificateInvalidError
	)
	if errors.As(err, &certErr) || errors.As(err, &recordErr) || errors.As(err, &authErr) ||
		errors.As(err, &hostErr) || errors.As(err, &invalidCert) {
		return true
	}
	// net/http's checks of a request before it dials. They have no types;
	// their texts have been stable since Go 1.
	msg := err.Error()
	for _, pre := range []string{"net/http: invalid header ", "net/http: invalid trailer ", "net/http: invalid method ",
		"unsupported protocol scheme", "http: nil Request."} {
		if strings.Contains(msg, pre) {
			return true
		}
	}
	return false
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
