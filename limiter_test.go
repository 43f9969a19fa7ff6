package intercom

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

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
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var reset int64
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, r *http.Request) {
			switch n {
			case 1: // a 429 with a reset two seconds away (the fake clock starts on a whole second)
				reset = time.Now().Unix() + 2
				limiterReply(w, http.StatusTooManyRequests, map[string]string{"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": strconv.FormatInt(reset, 10)})
			case 2: // a 429 with only Retry-After
				limiterReply(w, http.StatusTooManyRequests, map[string]string{"Retry-After": "1"})
			default:
				limiterReply(w, http.StatusOK, map[string]string{"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "42", "X-RateLimit-Reset": "1700000000"})
			}
		}, inMemory())

		lim := &recordingLimiter{}
		// The retry policy's own waits are kept short: the hold is the
		// limiter's business, and this one does not hold.
		c := srv.client(t, WithLimiter(lim), WithRetryPolicy(RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 5 * time.Second}))
		_, err := c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)

		lim.mu.Lock()
		defer lim.mu.Unlock()
		// One admission and one Done per attempt: three attempts.
		require.Equal(t, int32(3), srv.n.Load())
		require.Equal(t, 3, lim.admits, "one admission per attempt; Done got %+v", lim.done)
		require.Len(t, lim.done, 3, "one Done per attempt")
		for i, d := range lim.done {
			require.Equal(t, Permit(i+1), d.p, "Done gets the Permit of its attempt")
		}
		first, second, third := lim.done[0].fb, lim.done[1].fb, lim.done[2].fb
		require.Equal(t, http.StatusTooManyRequests, first.StatusCode)
		require.Equal(t, 100, first.Rate.Limit)
		require.Equal(t, 2*time.Second, first.Hold, "until the reset")
		require.Equal(t, http.StatusTooManyRequests, second.StatusCode)
		require.Equal(t, time.Second, second.Hold, "Retry-After when there is no reset")
		require.Equal(t, Feedback{StatusCode: http.StatusOK, Rate: Rate{Limit: 100, Remaining: 42, Reset: time.Unix(1700000000, 0)}}, third,
			"a response with requests remaining holds nothing")
	})
}

// TestLimiterFeedback covers feedbackFor's cases one by one.
func TestLimiterFeedback(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) { testLimiterFeedback(t) })
}

func testLimiterFeedback(t *testing.T) {
	now := time.Now() // the fake clock's: feedbackFor reads the same instant
	resp := func(status int, kv ...string) *http.Response {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return &http.Response{StatusCode: status, Header: h}
	}
	require.Equal(t, Feedback{}, feedbackFor(nil), "no response")

	fb := feedbackFor(resp(http.StatusOK, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()+5, 10)))
	require.Equal(t, 5*time.Second, fb.Hold, "an exhausted window holds until its reset")

	fb = feedbackFor(resp(http.StatusOK, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(now.Unix()-5, 10)))
	require.Zero(t, fb.Hold, "a reset in the past holds nothing")

	fb = feedbackFor(resp(http.StatusServiceUnavailable, "Retry-After", "7"))
	require.Zero(t, fb.Hold, "only 429s and exhausted windows hold")
	require.Equal(t, http.StatusServiceUnavailable, fb.StatusCode)

	fb = feedbackFor(resp(http.StatusTooManyRequests, "Retry-After", "3"))
	require.Equal(t, 3*time.Second, fb.Hold)
}

// TestLimiterConnectionError: an attempt that got no response is reported
// with StatusCode 0.
func TestLimiterConnectionError(t *testing.T) {
	t.Parallel()
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
	require.Equal(t, Feedback{}, lim.done[0].fb)
}

// TestLimiterAdmitErrorSendsNothing: an Admit error ends the call with that
// error before anything is sent; per call, WithLimiter(nil) and
// WithThrottle(nil) both skip the client's limiter.
func TestLimiterAdmitErrorSendsNothing(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		limiterReply(w, http.StatusOK, nil)
	})

	refused := errors.New("limiter says no")
	lim := &recordingLimiter{err: refused}
	c := srv.client(t, WithLimiter(lim))
	_, err := c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.ErrorIs(t, err, refused)
	require.Zero(t, srv.n.Load())

	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil, WithLimiter(nil))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil, WithThrottle(nil))
	require.NoError(t, err)
	require.EqualValues(t, 2, srv.n.Load())
	lim.mu.Lock()
	defer lim.mu.Unlock()
	require.Empty(t, lim.done, "skipped calls report nothing")
}

// TestLimiterThrottleViaWithLimiter: the in-process Throttle works the same
// through WithLimiter as through WithThrottle, and a nil *Throttle given as
// a Limiter never waits.
func TestLimiterThrottleViaWithLimiter(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			limiterReply(w, http.StatusOK, nil)
		}, inMemory())

		const per = 150 * time.Millisecond
		c := srv.client(t, WithLimiter(NewThrottle(1, per)))
		start := time.Now()
		for range 2 {
			_, err := c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
			require.NoError(t, err)
		}
		require.Equal(t, per, time.Since(start), "the second call waited for the window")

		var nilThrottle *Throttle
		c2 := srv.client(t, WithLimiter(nilThrottle))
		_, err := c2.Do(context.Background(), http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)
		nilThrottle.Done(1, Feedback{Hold: time.Second}) // no panic
		require.EqualValues(t, 3, srv.n.Load())
	})
}

// TestLimiterThrottleDoneHolds: a Throttle told to hold by Done holds every
// request, capped at a minute.
func TestLimiterThrottleDoneHolds(t *testing.T) {
	t.Parallel()
	th := &Throttle{}
	th.Done(0, Feedback{Hold: time.Hour})
	th.mu.Lock()
	hold := th.hold - monoNow()
	th.mu.Unlock()
	require.LessOrEqual(t, hold, throttleMaxHold)
	require.Greater(t, hold, throttleMaxHold-time.Second)

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
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			limiterReply(w, http.StatusOK, nil)
		}, inMemory())
		const wait = 50 * time.Millisecond
		obs := &limiterWaitObserver{}
		c := srv.client(t, WithLimiter(slowLimiter{wait}), WithObserver(obs))
		_, err := c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)
		obs.mu.Lock()
		defer obs.mu.Unlock()
		require.Equal(t, []time.Duration{wait}, obs.attempts)
		require.Equal(t, wait, obs.call)
	})
}
