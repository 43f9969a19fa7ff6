package intercom

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var _ Limiter = (*Throttle)(nil)

// recordingLimiter is a Limiter that admits at once and records what the
// SDK tells it.
type recordingLimiter struct {
	mu     sync.Mutex
	next   Permit
	admits int
	done   []limiterDone
	err    error // returned by Admit when set
}

type limiterDone struct {
	p  Permit
	fb Feedback
}

func (l *recordingLimiter) Admit(ctx context.Context) (Permit, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return 0, l.err
	}
	l.admits++
	l.next++
	return l.next, nil
}

func (l *recordingLimiter) Done(p Permit, fb Feedback) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done = append(l.done, limiterDone{p, fb})
}

// limiterReply writes a JSON reply with the given status and headers.
func limiterReply(w http.ResponseWriter, status int, hdr map[string]string) {
	for k, v := range hdr {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if status == http.StatusTooManyRequests {
		_, _ = io.WriteString(w, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}`)
		return
	}
	_, _ = io.WriteString(w, `{"type":"admin","id":"1"}`)
}

// TestLimiterSeesEveryAttempt: a Limiter given with WithLimiter is asked
// before every attempt, retries included, and told after each what the
// response said: its status, its X-RateLimit-* state, and for a 429 (or
// an exhausted window) how long to hold.
func TestLimiterSeesEveryAttempt(t *testing.T) {
	var hits atomic.Int32
	var reset int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch hits.Add(1) {
		case 1: // a 429 with a reset a second or two away
			reset = time.Now().Unix() + 2
			limiterReply(w, http.StatusTooManyRequests, map[string]string{"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": strconv.FormatInt(reset, 10)})
		case 2: // a 429 with only Retry-After
			limiterReply(w, http.StatusTooManyRequests, map[string]string{"Retry-After": "1"})
		default:
			limiterReply(w, http.StatusOK, map[string]string{"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "42", "X-RateLimit-Reset": "1700000000"})
		}
	}))
	defer srv.Close()

	lim := &recordingLimiter{}
	// The retry policy's own waits are kept short: the hold is the
	// limiter's business, and this one does not hold.
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithLimiter(lim),
		WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Second}))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)

	lim.mu.Lock()
	defer lim.mu.Unlock()
	// One admission and one Done per attempt: three attempts, unless the
	// transport lost one on a very busy machine (then it is retried too).
	attempts := int(hits.Load())
	require.Equal(t, attempts, lim.admits, "one admission per attempt; Done got %+v", lim.done)
	require.Len(t, lim.done, attempts, "one Done per attempt")
	require.GreaterOrEqual(t, attempts, 3)
	for i, d := range lim.done {
		assert.Equal(t, Permit(i+1), d.p, "Done gets the Permit of its attempt")
	}
	first, second, third := lim.done[0].fb, lim.done[1].fb, lim.done[attempts-1].fb
	assert.Equal(t, http.StatusTooManyRequests, first.StatusCode)
	assert.Equal(t, 100, first.Rate.Limit)
	assert.Greater(t, first.Hold, time.Duration(0))
	assert.LessOrEqual(t, first.Hold, 2*time.Second)
	assert.Equal(t, http.StatusTooManyRequests, second.StatusCode)
	assert.InDelta(t, float64(time.Second), float64(second.Hold), float64(10*time.Millisecond), "Retry-After when there is no reset")
	assert.Equal(t, Feedback{StatusCode: http.StatusOK, Rate: Rate{Limit: 100, Remaining: 42, Reset: time.Unix(1700000000, 0)}}, third,
		"a response with requests remaining holds nothing")
}

// TestLimiterFeedback covers feedbackFor's cases one by one.
func TestLimiterFeedback(t *testing.T) {
	now := time.Now()
	resp := func(status int, kv ...string) *http.Response {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return &http.Response{StatusCode: status, Header: h}
	}
	assert.Equal(t, Feedback{}, feedbackFor(nil), "no response")

	fb := feedbackFor(resp(http.StatusOK, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()+5, 10)))
	assert.Greater(t, fb.Hold, 3*time.Second, "an exhausted window holds until its reset")
	assert.LessOrEqual(t, fb.Hold, 5*time.Second)

	fb = feedbackFor(resp(http.StatusOK, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()-5, 10)))
	assert.Zero(t, fb.Hold, "a reset in the past holds nothing")

	fb = feedbackFor(resp(http.StatusServiceUnavailable, "Retry-After", "7"))
	assert.Zero(t, fb.Hold, "only 429s and exhausted windows hold")
	assert.Equal(t, http.StatusServiceUnavailable, fb.StatusCode)

	fb = feedbackFor(resp(http.StatusTooManyRequests, "Retry-After", "3"))
	assert.Equal(t, 3*time.Second, fb.Hold)
}

// TestLimiterConnectionError: an attempt that got no response is reported
// with StatusCode 0.
func TestLimiterConnectionError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there now

	lim := &recordingLimiter{}
	c, err := NewClient("tok", WithBaseURL("http://"+addr), WithLimiter(lim), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.Error(t, err)
	lim.mu.Lock()
	defer lim.mu.Unlock()
	require.Len(t, lim.done, 1)
	assert.Equal(t, Feedback{}, lim.done[0].fb)
}

// TestLimiterAdmitErrorSendsNothing: an Admit error ends the call with that
// error before anything is sent; per call, WithLimiter(nil) and
// WithThrottle(nil) both skip the client's limiter.
func TestLimiterAdmitErrorSendsNothing(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		limiterReply(w, http.StatusOK, nil)
	}))
	defer srv.Close()

	refused := errors.New("limiter says no")
	lim := &recordingLimiter{err: refused}
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithLimiter(lim))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.ErrorIs(t, err, refused)
	assert.Zero(t, hits.Load())

	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil, WithLimiter(nil))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil, WithThrottle(nil))
	require.NoError(t, err)
	assert.EqualValues(t, 2, hits.Load())
	lim.mu.Lock()
	defer lim.mu.Unlock()
	assert.Empty(t, lim.done, "skipped calls report nothing")
}

// TestLimiterThrottleViaWithLimiter: the in-process Throttle works the same
// through WithLimiter as through WithThrottle, and a nil *Throttle given as
// a Limiter never waits.
func TestLimiterThrottleViaWithLimiter(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		limiterReply(w, http.StatusOK, nil)
	}))
	defer srv.Close()

	const per = 150 * time.Millisecond
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithLimiter(NewThrottle(1, per)))
	require.NoError(t, err)
	start := time.Now()
	for range 2 {
		_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)
	}
	assert.GreaterOrEqual(t, time.Since(start), per, "the second call waited for the window")

	var nilThrottle *Throttle
	c2, err := NewClient("tok", WithBaseURL(srv.URL), WithLimiter(nilThrottle))
	require.NoError(t, err)
	_, err = c2.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)
	nilThrottle.Done(1, Feedback{Hold: time.Second}) // no panic
	assert.EqualValues(t, 3, hits.Load())
}

// TestLimiterThrottleDoneHolds: a Throttle told to hold by Done holds every
// request, capped at a minute.
func TestLimiterThrottleDoneHolds(t *testing.T) {
	th := &Throttle{}
	th.Done(0, Feedback{Hold: time.Hour})
	th.mu.Lock()
	hold := th.hold - monoNow()
	th.mu.Unlock()
	assert.LessOrEqual(t, hold, throttleMaxHold)
	assert.Greater(t, hold, throttleMaxHold-time.Second)

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := th.Admit(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded, "a wait past the deadline fails at once")
}

// slowLimiter admits after a fixed wait.
type slowLimiter struct{ wait time.Duration }

func (l slowLimiter) Admit(ctx context.Context) (Permit, error) {
	time.Sleep(l.wait)
	return 1, nil
}

func (slowLimiter) Done(Permit, Feedback) {}

// limiterWaitObserver keeps the throttle waits an Observer is told of.
type limiterWaitObserver struct {
	mu       sync.Mutex
	attempts []time.Duration
	call     time.Duration
}

func (o *limiterWaitObserver) CallStart(ctx context.Context, _ *Call) context.Context { return ctx }

func (o *limiterWaitObserver) AttemptDone(_ context.Context, _ *Call, a *Attempt) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.attempts = append(o.attempts, a.ThrottleWait)
}

func (o *limiterWaitObserver) CallDone(_ context.Context, _ *Call, r *CallResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.call = r.ThrottleWait
}

// TestLimiterWaitIsObserved: an Observer's ThrottleWait is the wait of any
// Limiter, not only of a Throttle.
func TestLimiterWaitIsObserved(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limiterReply(w, http.StatusOK, nil)
	}))
	defer srv.Close()
	const wait = 50 * time.Millisecond
	obs := &limiterWaitObserver{}
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithLimiter(slowLimiter{wait}), WithObserver(obs))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)
	obs.mu.Lock()
	defer obs.mu.Unlock()
	require.Len(t, obs.attempts, 1)
	assert.GreaterOrEqual(t, obs.attempts[0], wait)
	assert.GreaterOrEqual(t, obs.call, wait)
}
