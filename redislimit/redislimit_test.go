package redislimit

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/redis/go-redis/v9"
)

// newTestLimiter returns a Limiter on its own Redis client (as another
// process would have), failing the test on a configuration error.
func newTestLimiter(t *testing.T, addr string, opts Options) *Limiter {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { _ = rdb.Close() })
	l, err := New(rdb, opts)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// safeBuffer is a bytes.Buffer for a logger written from many goroutines.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *safeBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *safeBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestNewValidates(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	defer rdb.Close()
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"no name", Options{}, "Name is required"},
		{"braces", Options{Name: "a{b}"}, "no { or }"},
		{"token", Options{Name: "dG9rOjEyMzQ1Njc4OTA="}, "looks like an access token"},
		{"negative limit", Options{Name: "a", Limit: -1}, "negative"},
		{"share above 1", Options{Name: "a", FallbackShare: 1.5}, "FallbackShare"},
		{"tiny window", Options{Name: "a", Window: time.Microsecond}, "at least a millisecond"},
	} {
		_, err := New(rdb, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
	if _, err := New(nil, Options{Name: "a"}); err == nil {
		t.Error("a nil client was accepted")
	}
	l, err := New(rdb, Options{Name: " app "})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.keys; got[0] != "intercom:ratelimit:{app}:window" || got[1] != "intercom:ratelimit:{app}:hold" {
		t.Errorf("keys %q", got)
	}
	if s := l.Stats(); s.Limit != DefaultLimit || s.InFallback {
		t.Errorf("stats of a new limiter: %+v", s)
	}
}

// TestSharedWindow: two Limiters on their own Redis clients share one
// budget, and the request after the budget waits for the window.
func TestSharedWindow(t *testing.T) {
	srv := startRedis(t)
	const window = 400 * time.Millisecond
	opts := Options{Name: "shared-window", Limit: 3, Window: window}
	a, b := newTestLimiter(t, srv.addr, opts), newTestLimiter(t, srv.addr, opts)
	ctx := context.Background()
	start := time.Now()
	for _, l := range []*Limiter{a, b, a} {
		p, err := l.Admit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		l.Done(p, intercom.Feedback{StatusCode: 200})
	}
	if _, err := b.Admit(ctx); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < window {
		t.Errorf("the 4th admission came after %s, within the window of %s", d, window)
	}
	for _, l := range []*Limiter{a, b} {
		if s := l.Stats(); s.InFallback || s.Local != 0 {
			t.Errorf("stats %+v: want no fallback", s)
		}
	}
}

// TestFinishedRequestsLeaveTheWindowLate: a request counts from when its
// response arrived, reported to Redis with the next admission or, failing
// that, shortly after.
func TestFinishedRequestsLeaveTheWindowLate(t *testing.T) {
	srv := startRedis(t)
	l := newTestLimiter(t, srv.addr, Options{Name: "finish", Limit: 10, Window: time.Second})
	rdb := srv.client(t)
	ctx := context.Background()
	p, err := l.Admit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	member := l.member(uint64(p>>ringBits) & seqMask)
	started, err := rdb.ZScore(ctx, l.keys[0], member).Result()
	if err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	localStart := l.ring[0]
	l.mu.Unlock()
	time.Sleep(30 * time.Millisecond)
	l.Done(p, intercom.Feedback{StatusCode: 200})
	l.mu.Lock()
	localFinish := l.ring[0]
	l.mu.Unlock()
	if localFinish-localStart < 30*time.Millisecond {
		t.Errorf("the local ring (for a fallback) still counts the request from its start")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		finished, err := rdb.ZScore(ctx, l.keys[0], member).Result()
		if err != nil {
			t.Fatal(err)
		}
		if finished >= started+30 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the finish was never reported: score %v, started %v", finished, started)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWaitHonoursTheContext: a wait the deadline cannot cover fails at
// once; cancellation ends a wait.
func TestWaitHonoursTheContext(t *testing.T) {
	srv := startRedis(t)
	l := newTestLimiter(t, srv.addr, Options{Name: "ctx", Limit: 1, Window: time.Hour})
	if _, err := l.Admit(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	start := time.Now()
	_, err := l.Admit(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("failing took %s: it should be at once", d)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel2)
	if _, err := l.Admit(ctx2); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want Canceled", err)
	}
	if s := l.Stats(); s.InFallback {
		t.Error("a cancelled wait was taken for a Redis failure")
	}
}

// TestHoldIsShared: a hold reported to one Limiter holds the others.
func TestHoldIsShared(t *testing.T) {
	srv := startRedis(t)
	opts := Options{Name: "hold", Limit: 100, Window: time.Second}
	a, b := newTestLimiter(t, srv.addr, opts), newTestLimiter(t, srv.addr, opts)
	ctx := context.Background()
	p, err := a.Admit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const hold = 300 * time.Millisecond
	start := time.Now()
	a.Done(p, intercom.Feedback{StatusCode: 429, Hold: hold})
	for _, l := range []*Limiter{b, a} {
		if _, err := l.Admit(ctx); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d < hold {
			t.Errorf("admitted %s after a hold of %s", d, hold)
		}
	}
	// A hold the deadline cannot wait out fails at once.
	a.Done(0, intercom.Feedback{StatusCode: 429, Hold: time.Hour})
	ctx2, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if _, err := b.Admit(ctx2); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want DeadlineExceeded", err)
	}
	// Holds are capped.
	if ttl := srv.client(t).PTTL(ctx, b.keys[1]).Val(); ttl > DefaultMaxHold || ttl < DefaultMaxHold-5*time.Second {
		t.Errorf("hold key TTL %s, want about %s", ttl, DefaultMaxHold)
	}
}

// TestLimitIsLearnt: with no Limit the limiter follows X-RateLimit-Limit; a
// set Limit is lowered by it, never raised.
func TestLimitIsLearnt(t *testing.T) {
	srv := startRedis(t)
	l := newTestLimiter(t, srv.addr, Options{Name: "learn", Window: time.Hour})
	ctx := context.Background()
	p, err := l.Admit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l.Done(p, intercom.Feedback{StatusCode: 200, Rate: intercom.Rate{Limit: 2, Remaining: 1}})
	if got := l.Stats().Limit; got != 2 {
		t.Fatalf("limit %d, want 2 learnt", got)
	}
	if _, err := l.Admit(ctx); err != nil {
		t.Fatal(err)
	}
	ctx2, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if _, err := l.Admit(ctx2); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a third admission in the window: %v", err)
	}

	fixed := newTestLimiter(t, srv.addr, Options{Name: "fixed", Limit: 50})
	fixed.Done(0, intercom.Feedback{StatusCode: 200, Rate: intercom.Rate{Limit: 100}})
	if got := fixed.Stats().Limit; got != 50 {
		t.Errorf("limit %d: a set limit was raised", got)
	}
	fixed.Done(0, intercom.Feedback{StatusCode: 200, Rate: intercom.Rate{Limit: 20}})
	if got := fixed.Stats().Limit; got != 20 {
		t.Errorf("limit %d: want 20, lowered by the header", got)
	}
}

// TestRedisDownFallsBack: with nothing listening, admissions go through the
// local fallback (its share of the limit), the fallback is logged once, and
// no error comes back.
func TestRedisDownFallsBack(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	var logs safeBuffer
	const window = 300 * time.Millisecond
	l := newTestLimiter(t, addr, Options{Name: "down", Limit: 20, Window: window, FallbackShare: 0.25,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)), RetryInterval: time.Hour})
	ctx := context.Background()
	start := time.Now()
	for range 5 { // 5 = 20 * 0.25
		p, err := l.Admit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		l.Done(p, intercom.Feedback{StatusCode: 200})
	}
	if _, err := l.Admit(ctx); err != nil { // the 6th waits for the local window
		t.Fatal(err)
	}
	if d := time.Since(start); d < window {
		t.Errorf("6 admissions in %s under a local limit of 5 per %s", d, window)
	}
	s := l.Stats()
	if !s.InFallback || s.Fallbacks != 1 || s.Local != 6 || s.Shared != 0 {
		t.Errorf("stats %+v", s)
	}
	if n := strings.Count(logs.String(), "using the local fallback limit"); n != 1 {
		t.Errorf("the fallback was logged %d times, want once:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), "name=down") || !strings.Contains(logs.String(), "local_limit=5") {
		t.Errorf("log line lacks the name or the local limit:\n%s", logs.String())
	}
}

// TestSlowRedisFallsBack: a Redis that accepts connections and never
// answers costs one Timeout, then the local fallback decides.
func TestSlowRedisFallsBack(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // read nothing, answer nothing
			mu.Unlock()
		}
	}()
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	}()
	const timeout = 50 * time.Millisecond
	for _, ctxTimeouts := range []bool{false, true} {
		rdb := redis.NewClient(&redis.Options{Addr: ln.Addr().String(), ContextTimeoutEnabled: ctxTimeouts})
		defer rdb.Close()
		l, err := New(rdb, Options{Name: "slow", Limit: 100, Timeout: timeout, RetryInterval: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if l.direct != ctxTimeouts {
			t.Errorf("ContextTimeoutEnabled %v: direct calls %v", ctxTimeouts, l.direct)
		}
		start := time.Now()
		for range 10 {
			p, err := l.Admit(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			l.Done(p, intercom.Feedback{StatusCode: 200})
		}
		// One timeout (the first call), then local admissions at once; the
		// bound is loose for a busy machine.
		if d := time.Since(start); d > 2*time.Second { // go-redis alone would wait its 5s read timeout
			t.Errorf("ContextTimeoutEnabled %v: 10 admissions took %s with a %s timeout", ctxTimeouts, d, timeout)
		}
		if s := l.Stats(); !s.InFallback || s.Local != 10 {
			t.Errorf("ContextTimeoutEnabled %v: stats %+v", ctxTimeouts, s)
		}
	}
}

// TestRedisReturns: after a fallback the shared limit resumes as soon as a
// retry finds Redis answering, and that is logged.
func TestRedisReturns(t *testing.T) {
	srv := startRedis(t)
	var logs safeBuffer
	l := newTestLimiter(t, srv.addr, Options{Name: "returns", Limit: 100, Window: time.Second,
		RetryInterval: 50 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	ctx := context.Background()
	admit := func() {
		t.Helper()
		p, err := l.Admit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		l.Done(p, intercom.Feedback{StatusCode: 200})
	}
	admit()
	srv.kill()
	admit()
	admit()
	if s := l.Stats(); !s.InFallback || s.Local != 2 {
		t.Fatalf("after the kill: %+v", s)
	}
	if err := srv.start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for l.Stats().InFallback {
		if time.Now().After(deadline) {
			t.Fatal("the shared limit never resumed")
		}
		time.Sleep(60 * time.Millisecond)
		admit()
	}
	s := l.Stats()
	if s.Fallbacks != 1 || s.Shared < 2 {
		t.Errorf("stats %+v", s)
	}
	if n := srv.client(t).ZCard(ctx, l.keys[0]).Val(); n == 0 {
		t.Error("no request in the restarted Redis's window")
	}
	out := logs.String()
	if strings.Count(out, "using the local fallback limit") != 1 || strings.Count(out, "the limit is shared again") != 1 {
		t.Errorf("want one fallback and one resume message:\n%s", out)
	}
}

// TestPermitRingNumberWraps: a Permit carries the low bits of its number in
// the local ring, and Done finds the request again across a wrap of them.
func TestPermitRingNumberWraps(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	defer rdb.Close()
	l, err := New(rdb, Options{Name: "wrap", Limit: 40, FallbackShare: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	l.count = 1<<ringBits - 2 // as if that many requests had gone before, long ago
	for i := range l.ring {
		l.ring[i] = -time.Hour
	}
	var permits []intercom.Permit
	for range 3 {
		p, wait := l.tryLocal()
		if wait != 0 || p&issuedBit == 0 || p&sharedBit != 0 {
			t.Fatalf("permit %x, wait %s", p, wait)
		}
		permits = append(permits, p)
	}
	before := append([]time.Duration(nil), l.ring...)
	time.Sleep(5 * time.Millisecond)
	for _, p := range permits {
		l.Done(p, intercom.Feedback{StatusCode: 200})
	}
	changed := 0
	for i := range l.ring {
		if l.ring[i] != before[i] {
			changed++
		}
	}
	if changed != 3 {
		t.Errorf("%d ring entries moved to the finish, want 3 (ring %v, before %v)", changed, l.ring, before)
	}
	l.Done(0, intercom.Feedback{}) // nothing to report: no panic, no change
}
