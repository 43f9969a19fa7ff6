// Package redislimit is an intercom.Limiter whose budget is shared, through
// Redis, by every process that uses the same key: all the replicas of a
// service, its workers and its cron jobs, on one Intercom app's token.
//
// Intercom limits each app (10,000 calls a minute by default) and each
// workspace (25,000 a minute, shared by its private apps), counted in
// 10-second windows. An intercom.Throttle keeps one process under the
// limit; with many processes on one token each throttle only knows its own
// calls, and together they meet 429s. A Limiter keeps the window in Redis
// instead:
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	lim, err := redislimit.New(rdb, redislimit.Options{
//		Name:   "acme-prod-app", // the same in every process sharing the budget
//		Limit:  1666,            // per Window: Intercom's default for a private app
//		Logger: logger,
//	})
//	client, err := intercom.NewClient(token, intercom.WithLimiter(lim), intercom.WithLogger(logger))
//
// Each admission is one Redis round trip (a Lua script, atomic). What a
// response says about the limit is shared too: after a 429, or
// X-RateLimit-Remaining: 0, every process holds until X-RateLimit-Reset.
//
// Redis trouble never stops the calls: when Redis does not answer within
// Options.Timeout, the Limiter falls back to a local limit of
// Options.FallbackShare of the budget, says so once through
// Options.Logger, tries Redis again every Options.RetryInterval, and
// shares the budget again as soon as Redis answers.
package redislimit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/redis/go-redis/v9"
)

// Defaults of Options.
const (
	// DefaultLimit is the limit per window while Options.Limit is 0 and no
	// response has said the app's (X-RateLimit-Limit): Intercom's default
	// for a private app, 10,000 calls a minute in 10-second windows.
	DefaultLimit = 1666
	// DefaultWindow is Intercom's rate-limit window.
	DefaultWindow = 10 * time.Second
	// DefaultTimeout bounds each Redis call before the local fallback is used.
	DefaultTimeout = 100 * time.Millisecond
	// DefaultFallbackShare is the share of the limit a process allows itself
	// while Redis is unreachable: right for up to 10 processes.
	DefaultFallbackShare = 0.1
	// DefaultRetryInterval is how often Redis is tried again during a fallback.
	DefaultRetryInterval = time.Second
	// DefaultMaxHold caps a hold ordered by the rate-limit headers.
	DefaultMaxHold = time.Minute
)

// Options configures a Limiter. Only Name is required.
type Options struct {
	// Name names the shared budget: every process given the same Name (and
	// the same Redis) shares one limit. Choose a name for the app, such as
	// "acme-prod-app"; never the access token, nor anything derived from it.
	// The keys are "intercom:ratelimit:{Name}:window" and
	// "intercom:ratelimit:{Name}:hold" (one hash slot, for Redis Cluster).
	Name string

	// Limit is the number of requests allowed per Window by all processes
	// together. Zero means learn it: start at DefaultLimit and follow the
	// X-RateLimit-Limit of Intercom's responses. A set Limit is lowered,
	// never raised, by X-RateLimit-Limit.
	Limit int

	// Window is the length of Intercom's window (DefaultWindow, 10s).
	Window time.Duration

	// Timeout bounds each Redis call (DefaultTimeout). A call that takes
	// longer, or fails, switches to the local fallback.
	Timeout time.Duration

	// FallbackShare is the share of Limit that each process allows itself
	// while Redis is unreachable (DefaultFallbackShare, 0.1; at least one
	// request per window). With N processes, 1/N keeps the fleet under the
	// limit during an outage; more trades 429s for throughput.
	FallbackShare float64

	// RetryInterval is how often a call tries Redis again during a fallback
	// (DefaultRetryInterval).
	RetryInterval time.Duration

	// MaxHold caps a hold ordered by the rate-limit headers (DefaultMaxHold),
	// so that a server clock far ahead cannot stall the fleet.
	MaxHold time.Duration

	// Logger receives one warning when the Limiter falls back to the local
	// limit and one message when it shares the budget again; pass the
	// logger given to intercom.WithLogger. Nil logs nothing.
	Logger *slog.Logger
}

// Stats are a Limiter's counters since it was created.
type Stats struct {
	// Shared counts requests admitted through Redis, Local those admitted
	// by the local fallback.
	Shared, Local uint64
	// Fallbacks counts the times the Limiter fell back to the local limit.
	Fallbacks uint64
	// InFallback reports whether the local fallback is in use now.
	InFallback bool
	// Limit is the limit per window in use (learnt or configured).
	Limit int
}

// A Permit is issuedBit, plus sharedBit and the request's member number
// (seqBits of it, from bit ringBits) when admitted through Redis, plus the
// low ringBits of its number in the local ring.
const (
	sharedBit = intercom.Permit(1) << 63
	issuedBit = intercom.Permit(1) << 62
	ringBits  = 20
	ringMask  = 1<<ringBits - 1
	seqBits   = 62 - ringBits
	seqMask   = 1<<seqBits - 1
)

// redialDelay allows for a Redis client's connection pool to dial again
// after Redis is back: after repeated dial errors, go-redis's pool stops
// dialing and tries again once a second.
const redialDelay = 2 * time.Second

// maxPending caps the finished requests kept for the next Redis call.
const maxPending = 4096

// Limiter is an intercom.Limiter shared through Redis; create one with New
// and give it to intercom.WithLimiter. It is safe for concurrent use.
type Limiter struct {
	rdb        redis.Scripter
	keys       []string
	name       string
	id         string // this Limiter's prefix for request members
	fixed      int    // Options.Limit
	window     time.Duration
	windowMs   string
	timeout    time.Duration
	share      float64
	retryEvery time.Duration
	maxHold    time.Duration
	flushAfter time.Duration
	direct     bool // rdb honours context deadlines: call it on the caller's goroutine
	logger     *slog.Logger
	gate       chan struct{} // one waiter per process asks Redis again

	mu         sync.Mutex
	limit      int
	seq        uint64          // request members issued
	ring       []time.Duration // local fallback window: when the last requests started or finished
	count      uint64          // requests recorded in ring; ring[count%len] is the oldest
	hold       time.Duration   // local: no request starts before this
	pending    []string        // finished shared requests, to report with the next Redis call
	flushArmed bool
	fallback   bool
	probing    bool
	nextProbe  time.Duration
	blendUntil time.Duration // after a fallback, the local limit applies too until then
	stats      Stats

	blendMu sync.Mutex // serializes admissions during a fallback and until blendUntil
}

// epoch anchors the Limiter's local clock (monotonic).
var epoch = time.Now()

func mono() time.Duration { return time.Since(epoch) }

// New returns a Limiter sharing the budget named opts.Name through rdb
// (a *redis.Client, *redis.ClusterClient, *redis.Ring or any
// redis.UniversalClient). It does not contact Redis.
//
// Create rdb with ContextTimeoutEnabled: true if you can: the Limiter then
// calls Redis on the caller's goroutine, bounded by Options.Timeout.
// Otherwise go-redis would wait for its own read timeout (5s by default) on
// a Redis that does not answer, so each call runs on a goroutine of its
// own, which the caller stops waiting for at Options.Timeout; that costs a
// goroutine switch per call (see the README's Performance section).
func New(rdb redis.Scripter, opts Options) (*Limiter, error) {
	if rdb == nil {
		return nil, errors.New("redislimit: nil Redis client")
	}
	name := strings.TrimSpace(opts.Name)
	switch {
	case name == "":
		return nil, errors.New("redislimit: Options.Name is required")
	case strings.ContainsAny(name, "{}"):
		return nil, fmt.Errorf("redislimit: Options.Name %q: no { or } allowed", name)
	case strings.Contains(name, "dG9rO"): // base64 of "tok:", how Intercom access tokens begin
		return nil, errors.New("redislimit: Options.Name looks like an access token: choose a name for the app instead")
	}
	if opts.Limit < 0 || opts.Window < 0 || opts.Timeout < 0 || opts.RetryInterval < 0 || opts.MaxHold < 0 {
		return nil, errors.New("redislimit: negative Limit, Window, Timeout, RetryInterval or MaxHold")
	}
	if opts.FallbackShare < 0 || opts.FallbackShare > 1 {
		return nil, fmt.Errorf("redislimit: FallbackShare %v: want a share between 0 and 1", opts.FallbackShare)
	}
	l := &Limiter{
		rdb:        rdb,
		name:       name,
		keys:       []string{"intercom:ratelimit:{" + name + "}:window", "intercom:ratelimit:{" + name + "}:hold"},
		fixed:      opts.Limit,
		window:     cmpOr(opts.Window, DefaultWindow),
		timeout:    cmpOr(opts.Timeout, DefaultTimeout),
		share:      cmpOr(opts.FallbackShare, DefaultFallbackShare),
		retryEvery: cmpOr(opts.RetryInterval, DefaultRetryInterval),
		maxHold:    cmpOr(opts.MaxHold, DefaultMaxHold),
		logger:     opts.Logger,
		direct:     honoursDeadlines(rdb),
		gate:       make(chan struct{}, 1),
		limit:      cmpOr(opts.Limit, DefaultLimit),
	}
	if l.window < time.Millisecond {
		return nil, fmt.Errorf("redislimit: Window %s: want at least a millisecond", l.window)
	}
	l.windowMs = strconv.FormatInt(l.window.Milliseconds(), 10)
	l.maxHold = max(l.maxHold, l.window)
	l.flushAfter = min(l.window/20, 100*time.Millisecond)
	var b [6]byte
	_, _ = rand.Read(b[:])
	l.id = hex.EncodeToString(b[:])
	l.ring = make([]time.Duration, l.localLimit())
	return l, nil
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// localLimit is the fallback's limit per window; l.mu is held (or l is new).
func (l *Limiter) localLimit() int {
	return min(max(1, int(float64(l.limit)*l.share)), 1<<ringBits)
}

// Stats returns the Limiter's counters.
func (l *Limiter) Stats() Stats {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stats
	s.InFallback = l.fallback
	s.Limit = l.limit
	return s
}

// Admit implements intercom.Limiter: it waits until the shared window (or,
// while Redis is unreachable, the local fallback's) has room and no hold is
// in force, and counts the request. It fails with ctx's error when ctx ends
// first, and at once with an error matching context.DeadlineExceeded when
// ctx's deadline would pass before the request could start. Redis errors
// are never returned: they switch to the fallback.
func (l *Limiter) Admit(ctx context.Context) (intercom.Permit, error) {
	gated := false
	defer func() {
		if gated {
			<-l.gate
		}
	}()
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		now := mono()
		l.mu.Lock()
		held := l.hold - now
		useRedis := !l.fallback
		if l.fallback && !l.probing && now >= l.nextProbe {
			l.probing, useRedis = true, true
		}
		l.mu.Unlock()
		if held > 0 {
			if err := sleep(ctx, held); err != nil {
				return 0, err
			}
			continue
		}
		if useRedis {
			p, wait, err := l.tryShared(ctx)
			if err == nil {
				if wait == 0 {
					return p, nil
				}
				if !gated {
					// Wait in line: one goroutine per process asks Redis
					// again, the others queue here.
					select {
					case l.gate <- struct{}{}:
						gated = true
						continue // time has passed: ask again at once
					case <-ctx.Done():
						return 0, ctx.Err()
					}
				}
				if err := sleep(ctx, wait); err != nil {
					return 0, err
				}
				continue
			}
			if ctxErr := ctx.Err(); ctxErr != nil {
				return 0, ctxErr
			}
			// Redis failed: the local fallback decides this request.
		}
		p, wait := l.tryLocal()
		if wait == 0 {
			return p, nil
		}
		if err := sleep(ctx, wait); err != nil {
			return 0, err
		}
	}
}

// sleep waits d, failing at once when ctx's deadline comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		return fmt.Errorf("redislimit: waiting %s would pass the context's deadline: %w", d.Round(time.Millisecond), context.DeadlineExceeded)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// tryShared asks Redis to admit one request, reporting the finished ones
// with it. wait is zero when admitted, else how long until asking again.
// An error means Redis failed (the Limiter is now in fallback) or ctx
// ended.
func (l *Limiter) tryShared(ctx context.Context) (intercom.Permit, time.Duration, error) {
	l.mu.Lock()
	if l.fallback || mono() < l.blendUntil {
		// Redis is being tried again after a fallback, or has just come
		// back, without the requests the processes let through while it
		// was away (a restarted Redis has none): until a window after
		// every process can have noticed, a request needs room in the
		// local fallback's window too, so that the fleet stays under the
		// limit while Redis catches up. Admissions are serialized
		// meanwhile, so that the local check and the shared admission
		// are one step.
		l.mu.Unlock()
		l.blendMu.Lock()
		defer l.blendMu.Unlock()
		l.mu.Lock()
		if wait := l.localWait(mono()); wait > 0 {
			l.probing = false // a later call tries Redis
			l.mu.Unlock()
			return 0, wait, nil
		}
	}
	l.seq++
	seq := l.seq
	limit := l.limit
	finished := l.pending
	l.pending = nil
	l.mu.Unlock()

	member := l.member(seq & seqMask)
	admitted, wait, err := l.run(ctx, limit, 0, member, finished)
	if err != nil {
		if ctx.Err() != nil { // the caller gave up: not Redis's fault
			l.mu.Lock()
			l.keep(finished)
			l.probing = false
			l.mu.Unlock()
			return 0, 0, err
		}
		l.failed(err, finished)
		return 0, 0, err
	}
	l.resumed()
	if !admitted {
		return 0, wait, nil
	}
	l.mu.Lock()
	// The local ring counts it too, so that a fallback starts from this
	// process's recent requests.
	c := l.record(mono())
	l.stats.Shared++
	l.mu.Unlock()
	return issuedBit | sharedBit | intercom.Permit(seq&seqMask)<<ringBits | intercom.Permit(c&ringMask), 0, nil
}

// member is the name of request seq in the window.
func (l *Limiter) member(seq uint64) string {
	return l.id + ":" + strconv.FormatUint(seq, 36)
}

// run calls the script with the Limiter's timeout, whatever the Redis
// client's own timeouts are: on the caller's goroutine when the client
// honours context deadlines, else on a goroutine of its own that the
// caller stops waiting for at the timeout.
func (l *Limiter) run(ctx context.Context, limit int, hold time.Duration, member string, finished []string) (admitted bool, wait time.Duration, err error) {
	args := make([]any, 4, 4+len(finished))
	var holdMs int64
	if hold > 0 { // rounded up, and a millisecond more for Redis's clock, read in whole ones
		holdMs = (hold + time.Millisecond - 1).Milliseconds() + 1
	}
	args[0], args[1], args[2], args[3] = limit, l.windowMs, holdMs, member
	for _, m := range finished {
		args = append(args, m)
	}
	rctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	if l.direct {
		v, err := admitScript.Run(rctx, l.rdb, l.keys, args...).Int64Slice()
		return scriptResult(v, err)
	}
	type result struct {
		v   []int64
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := admitScript.Run(rctx, l.rdb, l.keys, args...).Int64Slice()
		done <- result{v, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-rctx.Done():
		r.err = rctx.Err()
	}
	return scriptResult(r.v, r.err)
}

// scriptResult reads the script's reply.
func scriptResult(v []int64, err error) (admitted bool, wait time.Duration, _ error) {
	if err != nil {
		return false, 0, err
	}
	if len(v) != 2 {
		return false, 0, fmt.Errorf("redislimit: unexpected script reply %v", v)
	}
	return v[0] == 1, time.Duration(v[1]) * time.Millisecond, nil
}

// honoursDeadlines reports whether rdb's calls end at their context's
// deadline (go-redis's ContextTimeoutEnabled); other clients wait for
// their own read timeout (5s by default) on a Redis that does not answer.
func honoursDeadlines(rdb redis.Scripter) bool {
	switch c := rdb.(type) {
	case *redis.Client:
		return c.Options().ContextTimeoutEnabled
	case *redis.ClusterClient:
		return c.Options().ContextTimeoutEnabled
	case *redis.Ring:
		return c.Options().ContextTimeoutEnabled
	}
	return false
}

// failed switches to the local fallback after a Redis error, logging the
// switch once, and keeps the finished requests for later.
func (l *Limiter) failed(err error, finished []string) {
	l.mu.Lock()
	l.keep(finished)
	l.probing = false
	l.nextProbe = mono() + l.retryEvery
	first := !l.fallback
	if first {
		l.fallback = true
		l.stats.Fallbacks++
	}
	local := l.localLimit()
	l.mu.Unlock()
	if first && l.logger != nil {
		l.logger.LogAttrs(context.Background(), slog.LevelWarn, "intercom rate limit: Redis unreachable, using the local fallback limit",
			slog.String("name", l.name), slog.Int("local_limit", local), slog.Duration("window", l.window),
			slog.Duration("retry_interval", l.retryEvery), slog.String("error", err.Error()))
	}
}

// keep puts finished requests back for the next Redis call (up to
// maxPending); l.mu is held.
func (l *Limiter) keep(finished []string) {
	if len(l.pending)+len(finished) <= maxPending {
		l.pending = append(l.pending, finished...)
	}
}

// resumed leaves the fallback after Redis answered.
func (l *Limiter) resumed() {
	l.mu.Lock()
	was := l.fallback
	l.fallback, l.probing = false, false
	if was {
		// Every process that made calls while Redis was away notices it
		// is back within RetryInterval, plus a Timeout for a probe in
		// flight, plus redialDelay for its connection pool to dial again;
		// the requests they let through until then are not in Redis, and
		// count for a window after.
		l.blendUntil = mono() + l.window + l.retryEvery + l.timeout + redialDelay
	}
	l.mu.Unlock()
	if was && l.logger != nil {
		l.logger.LogAttrs(context.Background(), slog.LevelInfo, "intercom rate limit: Redis is back, the limit is shared again",
			slog.String("name", l.name))
	}
}

// tryLocal admits one request under the fallback's limit, or says how long
// to wait.
func (l *Limiter) tryLocal() (intercom.Permit, time.Duration) {
	// Not while a call trying Redis again is between its local check and
	// its admission: the two would share the last room of the window.
	l.blendMu.Lock()
	defer l.blendMu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	now := mono()
	if wait := l.localWait(now); wait > 0 {
		return 0, wait
	}
	l.stats.Local++
	return issuedBit | intercom.Permit(l.record(now)&ringMask), 0
}

// localWait is how long until the local window has room; l.mu is held.
func (l *Limiter) localWait(now time.Duration) time.Duration {
	n := uint64(len(l.ring))
	if l.count >= n {
		if at := l.ring[l.count%n] + l.window; at > now {
			return at - now
		}
	}
	return 0
}

// record notes a request started at now in the local ring and returns its
// number there (from 1); l.mu is held.
func (l *Limiter) record(now time.Duration) uint64 {
	n := uint64(len(l.ring))
	l.ring[l.count%n] = now
	l.count++
	return l.count
}

// Done implements intercom.Limiter: the request is over (it leaves the
// window a Window after now), the limit is learnt from X-RateLimit-Limit,
// and a hold (after a 429 or X-RateLimit-Remaining: 0) is shared with
// every process at once.
func (l *Limiter) Done(p intercom.Permit, fb intercom.Feedback) {
	now := mono()
	hold := min(fb.Hold, l.maxHold)
	l.mu.Lock()
	if p&issuedBit != 0 {
		if p&sharedBit != 0 && len(l.pending) < maxPending {
			l.pending = append(l.pending, l.member(uint64(p>>ringBits)&seqMask))
		}
		// The request's number in the ring: the last one up to l.count
		// with these low bits (the ring is at most 1<<ringBits long).
		low := uint64(p) & ringMask
		if c := l.count - (l.count-low)&ringMask; c != 0 && l.count-c < uint64(len(l.ring)) {
			i := (c - 1) % uint64(len(l.ring))
			l.ring[i] = max(l.ring[i], now)
		}
	}
	if fb.Rate.Limit > 0 {
		learnt := fb.Rate.Limit
		if l.fixed > 0 {
			learnt = min(l.fixed, learnt)
		}
		if learnt != l.limit {
			l.setLimit(learnt)
		}
	}
	if hold > 0 {
		l.hold = max(l.hold, now+hold)
	}
	shareHold := hold > 0 && !l.fallback
	arm := !shareHold && len(l.pending) > 0 && !l.flushArmed
	if arm {
		l.flushArmed = true
	}
	l.mu.Unlock()
	if shareHold {
		l.flush(hold)
	} else if arm {
		time.AfterFunc(l.flushAfter, func() { l.flush(0) })
	}
}

// setLimit changes the limit, resizing the local ring; l.mu is held.
func (l *Limiter) setLimit(n int) {
	l.limit = n
	old := l.ring
	l.ring = make([]time.Duration, l.localLimit())
	keep := min(l.count, uint64(len(old)), uint64(len(l.ring)))
	for c := l.count - keep; c < l.count; c++ {
		l.ring[c%uint64(len(l.ring))] = old[c%uint64(len(old))]
	}
}

// flush reports the finished requests, and a hold if positive, to Redis
// without admitting one. Finishes are otherwise sent with the next
// admission; this runs when none came soon enough.
func (l *Limiter) flush(hold time.Duration) {
	l.mu.Lock()
	l.flushArmed = false
	finished := l.pending
	l.pending = nil
	fallback := l.fallback
	limit := l.limit
	l.mu.Unlock()
	if fallback || (len(finished) == 0 && hold <= 0) {
		l.mu.Lock()
		l.keep(finished)
		l.mu.Unlock()
		return
	}
	if _, _, err := l.run(context.Background(), limit, hold, "", finished); err != nil {
		l.failed(err, finished)
		return
	}
	l.resumed()
}
