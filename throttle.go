package intercom

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Throttle is an optional client-side rate limiter (see WithThrottle). It is
// shared by every goroutine using the clients it is given to, and it does two
// things before each attempt of a call, retries included:
//
//   - It lets at most n requests go out in any window of length per: a
//     sliding window, so after a quiet spell a burst of up to n goes at
//     once, then requests start as earlier ones leave the window. A request
//     leaves the window per after its response arrived, not after it was
//     sent, so however long it took to reach Intercom (a new TLS connection,
//     a slow network), Intercom has counted it before its window is reused:
//     a throttle set to Intercom's own limit keeps clear of 429s.
//   - It follows Intercom's rate-limit headers: once a response says
//     X-RateLimit-Remaining: 0, or is a 429, no request starts before
//     X-RateLimit-Reset (or Retry-After, for a 429 without a reset). Such a
//     hold is capped at a minute (or per, if longer) so that a server clock
//     far ahead of this machine's cannot stall the client.
//
// Intercom's default limits for a private app are 10,000 calls a minute,
// counted in 10-second windows, that is NewThrottle(1666, 10*time.Second);
// see the X-RateLimit-Limit header for your app's. The limit applies per
// app, so every client using the app's token should share one Throttle.
//
// A wait ends early with the context's error when the context ends, or at
// once when the context's deadline would pass before the request could
// start. The zero Throttle imposes no rate of its own and only follows the
// headers. A Throttle is safe for concurrent use. It is the in-process
// Limiter; see Limiter for one shared by many processes.
type Throttle struct {
	mu     sync.Mutex
	n      int
	window time.Duration
	starts []time.Duration // when the last n requests started (or finished)
	count  uint64          // requests admitted so far; starts[count%n] is the oldest
	hold   time.Duration   // no request starts before this; 0: no hold
}

// throttleEpoch anchors the throttle's clock; durations since it are read
// from the monotonic clock, so wall-clock jumps do not disturb the windows.
var throttleEpoch = time.Now()

// monoNow is the throttle's clock: the monotonic time since throttleEpoch.
// Under testing/synctest's fake clock (which starts in 2000) it is negative,
// which is why a zero hold is tested as "no hold", not compared.
func monoNow() time.Duration { return time.Since(throttleEpoch) }

// throttleMaxHold caps a hold ordered by the rate-limit headers.
const throttleMaxHold = time.Minute

// NewThrottle returns a throttle that lets at most n requests go out in any
// window of length per (see Throttle for how windows are measured), for
// instance NewThrottle(1666, 10*time.Second). It keeps the times of the last
// n requests (8 bytes each). It panics if n < 1 or per <= 0.
func NewThrottle(n int, per time.Duration) *Throttle {
	if n < 1 || per <= 0 {
		panic(fmt.Sprintf("intercom: NewThrottle(%d, %s): want n >= 1 and per > 0", n, per))
	}
	return &Throttle{n: n, window: per, starts: make([]time.Duration, n)}
}

// Wait blocks until a request may start under the throttle and counts it
// as started. It returns ctx's error if ctx ends first, and an error
// matching context.DeadlineExceeded at once if ctx's deadline comes before
// the request could start. The SDK calls it before each attempt; call it
// yourself to count other requests made with the same app's token. A nil
// Throttle never waits.
func (t *Throttle) Wait(ctx context.Context) error {
	_, err := t.Admit(ctx)
	return err
}

// Admit is Wait, also returning the request's Permit for Done: it
// implements Limiter. A nil Throttle never waits.
func (t *Throttle) Admit(ctx context.Context) (ticket Permit, err error) {
	if t == nil {
		return 0, nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		t.mu.Lock()
		now := monoNow()
		at := now
		if t.hold != 0 {
			at = max(at, t.hold)
		}
		n := uint64(t.n)
		if n > 0 && t.count >= n {
			at = max(at, t.starts[t.count%n]+t.window)
		}
		if at <= now {
			if n > 0 {
				t.starts[t.count%n] = now
				t.count++
			}
			ticket = Permit(t.count)
			t.mu.Unlock()
			return ticket, nil
		}
		t.mu.Unlock()
		wait := at - now
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return 0, fmt.Errorf("intercom: throttle: waiting %s would pass the context's deadline: %w", wait.Round(time.Millisecond), context.DeadlineExceeded)
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return 0, ctx.Err()
		case <-timer.C:
		}
	}
}

// Done implements Limiter: the request admitted with p is over, and
// fb.Hold, when positive, holds every request for that long (capped at a
// minute, or per if longer). A nil Throttle ignores it.
func (t *Throttle) Done(p Permit, fb Feedback) {
	if t == nil {
		return
	}
	t.finished(p)
	if fb.Hold > 0 {
		t.holdFor(fb.Hold)
	}
}

// finished moves the time of an admitted request to now, when its response
// (or its failure) has arrived: Intercom has counted the request by then, so
// measuring the window from here keeps the client under the limit however
// long the request took to get there. Until then the request counts from
// when it was admitted.
func (t *Throttle) finished(p Permit) {
	ticket := uint64(p)
	if t == nil || t.n == 0 || ticket == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	n := uint64(t.n)
	if t.count-ticket >= n { // its slot has been reused already
		return
	}
	i := (ticket - 1) % n
	t.starts[i] = max(t.starts[i], monoNow())
}

// holdFor stops requests from starting for d (capped), from now.
func (t *Throttle) holdFor(d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	d = min(d, max(throttleMaxHold, t.window))
	if h := monoNow() + d; t.hold == 0 || h > t.hold {
		t.hold = h
	}
}
