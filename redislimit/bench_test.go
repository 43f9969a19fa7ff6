package redislimit

// The cost per call of the limiters, against a loopback server and a
// loopback redis-server:
//
//	go test -run '^$' -bench . -benchmem -count 6 .

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/redis/go-redis/v9"
)

// benchLimit is far above what a benchmark reaches in a window: only the
// bookkeeping is measured, never a wait.
// benchTimeout keeps a busy machine's slow Redis call from switching the
// limiter to its fallback (at the default 100ms it sometimes does).
const (
	benchLimit   = 1_000_000
	benchWindow  = time.Second
	benchTimeout = 5 * time.Second
)

// scriptCalls counts EVALSHA and EVAL calls the server has run.
func scriptCalls(b *testing.B, rdb *redis.Client) int {
	b.Helper()
	info, err := rdb.Info(context.Background(), "commandstats").Result()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, m := range regexp.MustCompile(`cmdstat_(?:evalsha|eval):calls=(\d+)`).FindAllStringSubmatch(info, -1) {
		c, _ := strconv.Atoi(m[1])
		n += c
	}
	return n
}

// BenchmarkCall is one GET through the client with no limiter, the
// in-process Throttle, and the Redis Limiter.
func BenchmarkCall(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(benchLimit))
		w.Header().Set("X-RateLimit-Remaining", "999999")
		_, _ = io.WriteString(w, `{"type":"admin","id":"1","name":"Ada","email":"ada@example.com"}`)
	}))
	defer srv.Close()
	rs := startRedis(b)
	rdb := rs.client(b)

	run := func(b *testing.B, opt intercom.Option) {
		c, err := intercom.NewClient("tok", intercom.WithBaseURL(srv.URL), opt)
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		before := scriptCalls(b, rdb)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			var out struct{ ID string }
			if _, err := c.Do(ctx, http.MethodGet, "/me", nil, &out); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(scriptCalls(b, rdb)-before)/float64(b.N), "redis-calls/op")
	}
	b.Run("none", func(b *testing.B) { run(b, nil) })
	b.Run("throttle", func(b *testing.B) { run(b, intercom.WithThrottle(intercom.NewThrottle(benchLimit, benchWindow))) })
	b.Run("redis", func(b *testing.B) {
		lim, err := New(rdb, Options{Name: "bench-call", Limit: benchLimit, Window: benchWindow, Timeout: benchTimeout})
		if err != nil {
			b.Fatal(err)
		}
		run(b, intercom.WithLimiter(lim))
		if s := lim.Stats(); s.Local != 0 {
			b.Fatalf("the benchmark used the fallback: %+v", s)
		}
	})
	b.Run("redis-ctx", func(b *testing.B) { // ContextTimeoutEnabled: Redis called on the caller's goroutine
		rdb := redis.NewClient(&redis.Options{Addr: rs.addr, ContextTimeoutEnabled: true})
		defer rdb.Close()
		lim, err := New(rdb, Options{Name: "bench-call", Limit: benchLimit, Window: benchWindow, Timeout: benchTimeout})
		if err != nil {
			b.Fatal(err)
		}
		run(b, intercom.WithLimiter(lim))
		if s := lim.Stats(); s.Local != 0 {
			b.Fatalf("the benchmark used the fallback: %+v", s)
		}
	})
}

// BenchmarkAdmitDone is the limiter alone: one Admit and one Done.
func BenchmarkAdmitDone(b *testing.B) {
	rs := startRedis(b)
	rdb := rs.client(b)
	run := func(b *testing.B, l intercom.Limiter) {
		ctx := context.Background()
		fb := intercom.Feedback{StatusCode: 200, Rate: intercom.Rate{Limit: benchLimit, Remaining: 999999}}
		before := scriptCalls(b, rdb)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			p, err := l.Admit(ctx)
			if err != nil {
				b.Fatal(err)
			}
			l.Done(p, fb)
		}
		b.StopTimer()
		b.ReportMetric(float64(scriptCalls(b, rdb)-before)/float64(b.N), "redis-calls/op")
	}
	// A window of 1ms: a million Admits a second would fill a 1s one.
	b.Run("throttle", func(b *testing.B) { run(b, intercom.NewThrottle(benchLimit, time.Millisecond)) })
	b.Run("redis", func(b *testing.B) {
		lim, err := New(rdb, Options{Name: "bench-admit", Limit: benchLimit, Window: benchWindow, Timeout: benchTimeout})
		if err != nil {
			b.Fatal(err)
		}
		run(b, lim)
	})
	b.Run("redis-ctx", func(b *testing.B) {
		rdb := redis.NewClient(&redis.Options{Addr: rs.addr, ContextTimeoutEnabled: true})
		defer rdb.Close()
		lim, err := New(rdb, Options{Name: "bench-admit", Limit: benchLimit, Window: benchWindow, Timeout: benchTimeout})
		if err != nil {
			b.Fatal(err)
		}
		run(b, lim)
	})
}

// BenchmarkRedisPing is the floor: one PING round trip to the same server.
func BenchmarkRedisPing(b *testing.B) {
	rs := startRedis(b)
	rdb := rs.client(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := rdb.Ping(ctx).Err(); err != nil {
			b.Fatal(err)
		}
	}
}
