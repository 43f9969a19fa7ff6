package intercom

import (
	"context"
	"errors"
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

// windowServer fakes Intercom's rate limit: it allows limit requests in
// each fixed window (the first starting with the first request) and answers
// 429 beyond that. It counts a request when its handler starts.
type windowServer struct {
	*httptest.Server
	limit  int
	window time.Duration

	mu       sync.Mutex
	first    time.Time
	last     time.Time
	counts   map[int64]int
	served   int
	rejected int
}

func newWindowServer(t *testing.T, limit int, window time.Duration) *windowServer {
	ws := &windowServer{limit: limit, window: window, counts: map[int64]int{}}
	ws.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		ws.mu.Lock()
		if ws.first.IsZero() {
			ws.first = now
		}
		k := int64(now.Sub(ws.first) / ws.window)
		ws.counts[k]++
		over := ws.counts[k] > ws.limit
		if over {
			ws.rejected++
		} else {
			ws.served++
			ws.last = now
		}
		ws.mu.Unlock()
		if over {
			writeJSON(w, http.StatusTooManyRequests, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"type":"admin","id":"1"}`)
	}))
	t.Cleanup(ws.Close)
	return ws
}

// TestThrottleKeepsUnderTheLimit runs many goroutines through one client
// against a server allowing 20 requests per 200ms window (Intercom's
// 10-second windows, scaled down): no request may be refused, and the
// throughput must reach 95% of what the server allows.
func TestThrottleKeepsUnderTheLimit(t *testing.T) {
	const (
		limit      = 20
		goroutines = 32
	)
	window, windows := 200*time.Millisecond, 10
	if raceEnabled() {
		// Under the race detector requests take long enough for their
		// latency (which each request adds to its window) to add up to a
		// good part of a 200ms window.
		window, windows = time.Second, 5
	}
	total := limit * windows
	ws := newWindowServer(t, limit, window)
	// A transport that keeps a connection per goroutine, as a client used
	// by many goroutines should have.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = goroutines
	defer tr.CloseIdleConnections()
	c, err := NewClient("tok", WithBaseURL(ws.URL), WithHTTPClient(&http.Client{Transport: tr}),
		WithMaxRetries(0), WithThrottle(NewThrottle(limit, window)))
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var issued atomic.Int64
	errs := make(chan error, goroutines)
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for issued.Add(1) <= int64(total) {
				var out map[string]any
				if _, err := c.Do(ctx, http.MethodGet, "/me", nil, &out); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	ws.mu.Lock()
	defer ws.mu.Unlock()
	require.Zero(t, ws.rejected, "the throttle let requests through beyond the limit; requests per window: %v", ws.counts)
	require.Equal(t, total, ws.served)
	used := int(ws.last.Sub(ws.first)/window) + 1 // windows from the first request to the last
	rate := float64(ws.served) / float64(used*limit)
	t.Logf("%d requests in %d windows of %s (%s): %.1f%% of the allowed rate", ws.served, used, window, ws.last.Sub(ws.first).Round(time.Millisecond), 100*rate)
	assert.GreaterOrEqual(t, rate, 0.95, "throughput below 95%% of the allowed rate")
}

// TestThrottleHoldsUntilReset: once a response says X-RateLimit-Remaining:
// 0, no request (from any goroutine) starts before X-RateLimit-Reset.
func TestThrottleHoldsUntilReset(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	var reset time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		mu.Lock()
		arrivals = append(arrivals, now)
		n := len(arrivals)
		if n == 1 {
			reset = time.Unix(now.Unix()+1, 0) // the next whole second: 0 to 1s away
		}
		mu.Unlock()
		h := w.Header()
		h.Set("X-RateLimit-Limit", "1")
		if n == 1 {
			h.Set("X-RateLimit-Remaining", "0")
			h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
		} else {
			h.Set("X-RateLimit-Remaining", "5")
		}
		writeJSON(w, http.StatusOK, `{"type":"admin","id":"1"}`)
	}))
	defer srv.Close()

	c, err := NewClient("tok", WithBaseURL(srv.URL), WithThrottle(&Throttle{})) // headers only
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = c.Do(ctx, http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)

	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Do(ctx, http.MethodGet, "/me", nil, nil)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, arrivals, 5)
	for _, at := range arrivals[1:] {
		assert.False(t, at.Before(reset), "a request started at %s, before the reset at %s", at.Format(time.StampMilli), reset.Format(time.StampMilli))
	}
}

// TestThrottleHoldsOn429 holds the other goroutines' requests after a 429
// too, and the 429 itself is retried after the reset.
func TestThrottleHoldsOn429(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	var reset time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		mu.Lock()
		arrivals = append(arrivals, now)
		n := len(arrivals)
		if n == 1 {
			reset = time.Unix(now.Unix()+1, 0)
		}
		mu.Unlock()
		if n == 1 {
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
			writeJSON(w, http.StatusTooManyRequests, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"type":"admin","id":"1"}`)
	}))
	defer srv.Close()

	c, err := NewClient("tok", WithBaseURL(srv.URL), WithThrottle(NewThrottle(100, time.Second)),
		WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Second}))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = c.Do(ctx, http.MethodGet, "/me", nil, nil) // 429, waits for the reset, then succeeds
	require.NoError(t, err)
	_, err = c.Do(ctx, http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, arrivals, 3)
	for _, at := range arrivals[1:] {
		assert.False(t, at.Before(reset), "a request started before the reset")
	}
}

// TestThrottleCoversRetries: a retry waits for the throttle like a first
// attempt does.
func TestThrottleCoversRetries(t *testing.T) {
	var mu sync.Mutex
	var arrivals []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		n := len(arrivals)
		mu.Unlock()
		if n == 1 {
			writeJSON(w, http.StatusServiceUnavailable, `{"type":"error.list","errors":[{"code":"service_unavailable","message":"try again"}]}`)
			return
		}
		writeJSON(w, http.StatusOK, `{"type":"admin","id":"1"}`)
	}))
	defer srv.Close()

	const per = 150 * time.Millisecond
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithThrottle(NewThrottle(1, per)),
		WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Second}))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, arrivals, 2)
	assert.GreaterOrEqual(t, arrivals[1].Sub(arrivals[0]), per, "the retry did not wait for the throttle")
}

func TestThrottleWaitEndsWithContext(t *testing.T) {
	th := NewThrottle(1, time.Hour)
	require.NoError(t, th.Wait(context.Background()))

	// A deadline the wait cannot meet fails at once.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	start := time.Now()
	err := th.Wait(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), time.Second)

	// Cancellation ends a wait.
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel2)
	require.ErrorIs(t, th.Wait(ctx2), context.Canceled)

	// The call returns the context's error, with nothing sent.
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		writeJSON(w, http.StatusOK, `{}`)
	}))
	defer srv.Close()
	c, err := NewClient("tok", WithBaseURL(srv.URL), WithThrottle(th))
	require.NoError(t, err)
	ctx3, cancel3 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel3()
	_, err = c.Do(ctx3, http.MethodGet, "/me", nil, nil)
	require.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
	assert.Zero(t, hits.Load())

	// WithThrottle(nil) lets one call skip the client's throttle.
	_, err = c.Do(context.Background(), http.MethodGet, "/me", nil, nil, WithThrottle(nil))
	require.NoError(t, err)
	assert.EqualValues(t, 1, hits.Load())
}

func TestThrottleSlidingWindow(t *testing.T) {
	const per = 100 * time.Millisecond
	th := NewThrottle(3, per)
	ctx := context.Background()
	start := time.Now()
	for range 3 { // a burst of n goes at once
		require.NoError(t, th.Wait(ctx))
	}
	assert.Less(t, time.Since(start), per/2)
	require.NoError(t, th.Wait(ctx)) // the fourth waits for the first to leave the window
	assert.GreaterOrEqual(t, time.Since(start), per)

	var nilThrottle *Throttle
	require.NoError(t, nilThrottle.Wait(ctx))
	assert.Panics(t, func() { NewThrottle(0, time.Second) })
	assert.Panics(t, func() { NewThrottle(1, 0) })
}

func TestThrottleDoesNotTouchTheHTTPClient(t *testing.T) {
	tr := &http.Transport{}
	hc := &http.Client{Transport: tr}
	c, err := NewClient("tok", WithHTTPClient(hc), WithThrottle(NewThrottle(10, time.Second)))
	require.NoError(t, err)
	assert.Same(t, tr, hc.Transport)
	assert.Zero(t, hc.Timeout)
	assert.NotSame(t, hc, c.http)
}
