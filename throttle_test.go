package intercom

// The throttle's tests run on the fake clock (fakeClock): every wait is
// exact and takes no real time, so they assert the exact instants at which
// requests reach the server, not throughput on a wall clock.

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	adminJSON     = `{"type":"admin","id":"1"}`
	rateLimitJSON = `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}`
)

// arrivals records when each request reached a server, by the server's clock.
type arrivals struct {
	mu    sync.Mutex
	times []time.Time
}

func (a *arrivals) add(at time.Time) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.times = append(a.times, at)
	return len(a.times)
}

func (a *arrivals) reset() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.times = nil
}

func (a *arrivals) all() []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]time.Time(nil), a.times...)
}

// windowLimit fakes Intercom's rate limit: limit requests in each fixed
// window (the first starting with the first request), 429 beyond. It counts
// a request when its handler starts.
type windowLimit struct {
	limit  int
	window time.Duration

	mu       sync.Mutex
	first    time.Time
	last     time.Time
	counts   map[int64]int
	served   int
	rejected int
}

func (wl *windowLimit) handle(_ int32, w http.ResponseWriter, _ *http.Request) {
	now := time.Now()
	wl.mu.Lock()
	if wl.first.IsZero() {
		wl.first = now
	}
	k := int64(now.Sub(wl.first) / wl.window)
	wl.counts[k]++
	over := wl.counts[k] > wl.limit
	if over {
		wl.rejected++
	} else {
		wl.served++
		wl.last = now
	}
	wl.mu.Unlock()
	if over {
		writeJSON(w, http.StatusTooManyRequests, rateLimitJSON)
		return
	}
	writeJSON(w, http.StatusOK, adminJSON)
}

// TestThrottleKeepsUnderTheLimit runs 32 goroutines through one client
// against a server allowing 20 requests per 10s window: no request is
// refused, and the throttle wastes none of the allowance: 200 requests take
// exactly 10 windows, 20 in each.
func TestThrottleKeepsUnderTheLimit(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		const (
			limit      = 20
			windows    = 10
			total      = limit * windows
			goroutines = 32
			window     = 10 * time.Second
		)
		wl := &windowLimit{limit: limit, window: window, counts: map[int64]int{}}
		srv := newTestServer(t, wl.handle, inMemory())
		c := srv.client(t, WithMaxRetries(0), WithThrottle(NewThrottle(limit, window)))

		ctx := testCtx(t, time.Hour)
		var wg sync.WaitGroup
		var mu sync.Mutex
		issued := 0
		for range goroutines {
			wg.Go(func() {
				for {
					mu.Lock()
					issued++
					mine := issued
					mu.Unlock()
					if mine > total {
						return
					}
					if _, err := c.Do(ctx, http.MethodGet, "/me", nil, nil); !assert.NoError(t, err) {
						return
					}
				}
			})
		}
		wg.Wait()

		wl.mu.Lock()
		defer wl.mu.Unlock()
		require.Zero(t, wl.rejected, "the throttle let requests through beyond the limit; requests per window: %v", wl.counts)
		require.Equal(t, total, wl.served)
		require.Len(t, wl.counts, windows, "requests per window: %v", wl.counts)
		for k, n := range wl.counts {
			require.Equal(t, limit, n, "window %d is not used to the full", k)
		}
		require.Equal(t, (windows-1)*window, wl.last.Sub(wl.first), "the last window starts as soon as the limit allows")
	})
}

// TestThrottleCountsFromTheResponse: a request leaves the window per after
// its response arrived, not after it was sent, so however long a request
// took to reach the server, the server never sees two requests of a
// one-per-window throttle closer than the window.
func TestThrottleCountsFromTheResponse(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		const per = time.Second
		var at arrivals
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			if n == 1 {
				time.Sleep(per / 2) // a slow way in: the server counts it late
			}
			at.add(time.Now())
			writeJSON(w, http.StatusOK, adminJSON)
		}, inMemory())
		c := srv.client(t, WithThrottle(NewThrottle(1, per)))
		start := time.Now()
		for range 3 {
			_, err := c.Do(testCtx(t, time.Hour), http.MethodGet, "/me", nil, nil)
			require.NoError(t, err)
		}
		got := at.all()
		require.Len(t, got, 3)
		require.Equal(t, []time.Duration{per / 2, per/2 + per, per/2 + 2*per},
			[]time.Duration{got[0].Sub(start), got[1].Sub(start), got[2].Sub(start)},
			"each request one window after the previous response")
	})
}

// TestThrottleHoldsUntilReset: once a response says X-RateLimit-Remaining:
// 0, no request (from any goroutine) starts before X-RateLimit-Reset, and
// they all start at it.
func TestThrottleHoldsUntilReset(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		reset := time.Now().Add(3 * time.Second) // the fake clock starts on a whole second
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			h := w.Header()
			h.Set("X-RateLimit-Limit", "1")
			if n == 1 {
				h.Set("X-RateLimit-Remaining", "0")
				h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
			} else {
				h.Set("X-RateLimit-Remaining", "5")
			}
			writeJSON(w, http.StatusOK, adminJSON)
		}, inMemory())
		c := srv.client(t, WithThrottle(&Throttle{})) // headers only
		ctx := testCtx(t, time.Hour)
		_, err := c.Do(ctx, http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)

		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				_, err := c.Do(ctx, http.MethodGet, "/me", nil, nil)
				assert.NoError(t, err)
			})
		}
		wg.Wait()
		got := at.all()
		require.Len(t, got, 5)
		for _, a := range got[1:] {
			require.Equal(t, reset, a, "every later request starts at the reset")
		}
	})
}

// TestThrottleHoldsOn429 holds the other goroutines' requests after a 429
// too, and the 429 itself is retried at the reset.
func TestThrottleHoldsOn429(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		reset := time.Now().Add(2 * time.Second)
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			if n == 1 {
				w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
				writeJSON(w, http.StatusTooManyRequests, rateLimitJSON)
				return
			}
			writeJSON(w, http.StatusOK, adminJSON)
		}, inMemory())
		c := srv.client(t, WithThrottle(NewThrottle(100, time.Second)),
			WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Second}))
		ctx := testCtx(t, time.Hour)
		var wg sync.WaitGroup
		wg.Go(func() {
			_, err := c.Do(ctx, http.MethodGet, "/me", nil, nil) // 429, waits for the reset, then succeeds
			assert.NoError(t, err)
		})
		time.Sleep(time.Second) // another goroutine, after the 429
		_, err := c.Do(ctx, http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)
		wg.Wait()
		got := at.all()
		require.Len(t, got, 3)
		require.Equal(t, []time.Time{reset, reset}, got[1:], "no request before the reset, none later than needed")
	})
}

// TestThrottleHoldIsCapped: a reset far ahead (a server clock an hour fast)
// holds requests for a minute at most.
func TestThrottleHoldIsCapped(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			if n == 1 {
				w.Header().Set("X-RateLimit-Remaining", "0")
				w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
			}
			writeJSON(w, http.StatusOK, adminJSON)
		}, inMemory())
		for _, tc := range []struct {
			th   *Throttle
			hold time.Duration
		}{{&Throttle{}, throttleMaxHold}, {NewThrottle(10, 5*time.Minute), 5 * time.Minute}} {
			srv.reset()
			at.reset()
			start := time.Now()
			c := srv.client(t, WithThrottle(tc.th))
			for range 2 {
				_, err := c.Do(testCtx(t, 2*time.Hour), http.MethodGet, "/me", nil, nil)
				require.NoError(t, err)
			}
			got := at.all()
			require.Len(t, got, 2)
			require.Equal(t, tc.hold, got[1].Sub(start), "a minute, or the throttle's window if longer")
		}
	})
}

// TestThrottleCoversRetries: a retry waits for the throttle like a first
// attempt does.
func TestThrottleCoversRetries(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		var at arrivals
		srv := newTestServer(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
			at.add(time.Now())
			if n == 1 {
				writeJSON(w, http.StatusServiceUnavailable, `{"type":"error.list","errors":[{"code":"service_unavailable","message":"try again"}]}`)
				return
			}
			writeJSON(w, http.StatusOK, adminJSON)
		}, inMemory())
		const per = 150 * time.Millisecond
		c := srv.client(t, WithThrottle(NewThrottle(1, per)),
			WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Second}))
		_, err := c.Do(testCtx(t, time.Hour), http.MethodGet, "/me", nil, nil)
		require.NoError(t, err)
		got := at.all()
		require.Len(t, got, 2)
		require.Equal(t, per, got[1].Sub(got[0]), "the retry waited for the throttle, and no longer")
	})
}

func TestThrottleWaitEndsWithContext(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		th := NewThrottle(1, time.Hour)
		require.NoError(t, th.Wait(context.Background()))

		// A deadline the wait cannot meet fails at once.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		start := time.Now()
		err := th.Wait(ctx)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.Contains(t, err.Error(), "would pass the context's deadline")
		require.Zero(t, time.Since(start), "no wait at all")

		// Cancellation ends a wait, at once.
		ctx2, cancel2 := context.WithCancel(context.Background())
		time.AfterFunc(20*time.Millisecond, cancel2)
		start = time.Now()
		require.ErrorIs(t, th.Wait(ctx2), context.Canceled)
		require.Equal(t, 20*time.Millisecond, time.Since(start))

		// The call returns the context's error, with nothing sent.
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, `{}`) }, inMemory())
		c := srv.client(t, WithThrottle(th))
		ctx3, cancel3 := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel3()
		_, err = c.Do(ctx3, http.MethodGet, "/me", nil, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.Zero(t, srv.n.Load())

		// WithThrottle(nil) lets one call skip the client's throttle.
		_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil, WithThrottle(nil))
		require.NoError(t, err)
		require.EqualValues(t, 1, srv.n.Load())
	})
}

func TestThrottleSlidingWindow(t *testing.T) {
	t.Parallel()
	fakeClock(t, func(t *testing.T) {
		const per = 100 * time.Millisecond
		th := NewThrottle(3, per)
		ctx := context.Background()
		start := time.Now()
		for range 3 { // a burst of n goes at once
			require.NoError(t, th.Wait(ctx))
		}
		require.Zero(t, time.Since(start))
		time.Sleep(per / 4)
		require.NoError(t, th.Wait(ctx)) // the fourth waits for the first to leave the window
		require.Equal(t, per, time.Since(start))
		require.NoError(t, th.Wait(ctx)) // so does the fifth, for the second
		require.Equal(t, per, time.Since(start))
		require.NoError(t, th.Wait(ctx))
		require.Equal(t, per, time.Since(start))
		require.NoError(t, th.Wait(ctx)) // the seventh, for the fourth
		require.Equal(t, 2*per, time.Since(start))
	})
	var nilThrottle *Throttle
	require.NoError(t, nilThrottle.Wait(context.Background()))
	require.Panics(t, func() { NewThrottle(0, time.Second) })
	require.Panics(t, func() { NewThrottle(1, 0) })
}

func TestThrottleDoesNotTouchTheHTTPClient(t *testing.T) {
	t.Parallel()
	tr := &http.Transport{}
	hc := &http.Client{Transport: tr}
	c, err := NewClient("tok", WithHTTPClient(hc), WithThrottle(NewThrottle(10, time.Second)))
	require.NoError(t, err)
	require.Same(t, tr, hc.Transport)
	require.Zero(t, hc.Timeout)
	require.NotSame(t, hc, c.http)
}
