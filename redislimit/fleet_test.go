package redislimit

// Tests with separate OS processes: a fake Intercom enforcing a window
// limit, served from its own process, and workers, each with its own
// client and Limiter, sharing one budget through a real redis-server. The
// processes are this test binary run again with roleEnv set (TestMain
// dispatches on it), so no other binary is built.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/redis/go-redis/v9"
)

// roleEnv makes the test binary a fake Intercom ("fake") or a worker
// ("worker") instead of running tests.
const roleEnv = "REDISLIMIT_TEST_ROLE"

func TestMain(m *testing.M) {
	switch os.Getenv(roleEnv) {
	case "fake":
		os.Exit(runFake())
	case "worker":
		os.Exit(runWorker())
	}
	os.Exit(runTests(m))
}

// runTests runs the tests with REDIS_ADDR pointing at a redis-server of
// their own (for the Example), never at one from the environment.
func runTests(m *testing.M) int {
	_ = os.Setenv("REDIS_ADDR", "127.0.0.1:1") // nothing there: the limiter falls back
	if _, err := exec.LookPath("redis-server"); err == nil {
		dir, err := os.MkdirTemp("", "redislimit-test")
		if err == nil {
			defer os.RemoveAll(dir)
			if s, err := newRedisServer(dir); err == nil {
				defer s.stop()
				_ = os.Setenv("REDIS_ADDR", s.addr)
			}
		}
	}
	return m.Run()
}

// ---- the fake Intercom process ----

// arrival is one request as the fake saw it.
type arrival struct {
	T      int64 `json:"t"` // Unix nanoseconds
	Status int   `json:"s"`
}

// fakeSummary is what the fake prints when its standard input closes.
type fakeSummary struct {
	Arrivals []arrival `json:"arrivals"`
	Reset    int64     `json:"reset,omitempty"` // the first 429's X-RateLimit-Reset, in first429 mode
}

// runFake serves a fake Intercom on a loopback port, prints its URL, and
// when its standard input closes prints what it saw and exits.
//
// Like Intercom, it counts requests in fixed windows aligned on the clock
// (window k is [k*W, (k+1)*W)), answers 429 past FAKE_LIMIT requests in a
// window, and sends X-RateLimit-Limit, -Remaining and -Reset (the window's
// end, a whole second when W is). With FAKE_FIRST429=1 it has no limit and
// answers the first request 429 with a reset 1 to 2 seconds away.
func runFake() int {
	limit, _ := strconv.Atoi(os.Getenv("FAKE_LIMIT"))
	window, _ := time.ParseDuration(os.Getenv("FAKE_WINDOW"))
	first429 := os.Getenv("FAKE_FIRST429") == "1"
	var mu sync.Mutex
	var sum fakeSummary
	counts := map[int64]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := time.Now()
		h := w.Header()
		h.Set("Content-Type", "application/json")
		mu.Lock()
		status := http.StatusOK
		switch {
		case first429:
			h.Set("X-RateLimit-Limit", "1000")
			if len(sum.Arrivals) == 0 {
				status = http.StatusTooManyRequests
				sum.Reset = now.Unix() + 2
				h.Set("X-RateLimit-Remaining", "0")
				h.Set("X-RateLimit-Reset", strconv.FormatInt(sum.Reset, 10))
			} else {
				h.Set("X-RateLimit-Remaining", "999")
			}
		default:
			k := now.UnixNano() / int64(window)
			counts[k]++
			used := counts[k]
			if used > limit {
				status = http.StatusTooManyRequests
			}
			end := time.Unix(0, (k+1)*int64(window))
			reset := end.Unix()
			if end.After(time.Unix(reset, 0)) {
				reset++
			}
			h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
			h.Set("X-RateLimit-Remaining", strconv.Itoa(max(limit-used, 0)))
			h.Set("X-RateLimit-Reset", strconv.FormatInt(reset, 10))
		}
		sum.Arrivals = append(sum.Arrivals, arrival{T: now.UnixNano(), Status: status})
		mu.Unlock()
		w.WriteHeader(status)
		if status == http.StatusTooManyRequests {
			_, _ = io.WriteString(w, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit"}]}`)
			return
		}
		_, _ = io.WriteString(w, `{"type":"admin","id":"1"}`)
	}))
	fmt.Println("url", srv.URL)
	_, _ = io.Copy(io.Discard, os.Stdin)
	srv.Close()
	mu.Lock()
	defer mu.Unlock()
	b, _ := json.Marshal(sum)
	fmt.Println("summary", string(b))
	return 0
}

// ---- the worker process ----

// workerResult is what a worker prints when its job is done.
type workerResult struct {
	Done         int      `json:"done"`
	Errors       []string `json:"errors"`
	Stats        Stats    `json:"stats"`
	FallbackLogs int      `json:"fallback_logs"`
	ResumeLogs   int      `json:"resume_logs"`
}

// runWorker does W_COUNT calls with W_GOROUTINES goroutines, on one client
// limited by a redislimit.Limiter (W_MODE=redis) or by an in-process
// Throttle of the whole budget (W_MODE=throttle). It prints "ready", waits
// for a line on standard input, does the job, prints its result and exits.
func runWorker() int {
	env := func(k string) int { v, _ := strconv.Atoi(os.Getenv(k)); return v }
	window, _ := time.ParseDuration(os.Getenv("W_WINDOW"))
	timeout, _ := time.ParseDuration(os.Getenv("W_TIMEOUT"))
	share, _ := strconv.ParseFloat(os.Getenv("W_SHARE"), 64)
	limit, count, goroutines := env("W_LIMIT"), env("W_COUNT"), env("W_GOROUTINES")
	var logs safeBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))

	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = goroutines
	opts := []intercom.Option{intercom.WithBaseURL(os.Getenv("W_URL")), intercom.WithHTTPClient(&http.Client{Transport: tr}),
		intercom.WithLogger(logger), intercom.WithMaxRetries(env("W_RETRIES"))}
	var lim *Limiter
	switch os.Getenv("W_MODE") {
	case "redis":
		rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("W_REDIS")})
		defer rdb.Close()
		if err := rdb.Ping(context.Background()).Err(); err != nil { // connect before the start
			fmt.Fprintln(os.Stderr, "worker:", err)
			return 1
		}
		var err error
		lim, err = New(rdb, Options{Name: os.Getenv("W_NAME"), Limit: limit, Window: window, FallbackShare: share,
			Timeout: timeout, RetryInterval: 200 * time.Millisecond, Logger: logger})
		if err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			return 1
		}
		opts = append(opts, intercom.WithLimiter(lim))
	case "throttle":
		opts = append(opts, intercom.WithThrottle(intercom.NewThrottle(limit, window)))
	}
	c, err := intercom.NewClient("tok", opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		return 1
	}
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return 1
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var res workerResult
	var mu sync.Mutex
	var issued atomic.Int64
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for issued.Add(1) <= int64(count) {
				var out map[string]any
				_, err := c.Do(ctx, http.MethodGet, "/me", nil, &out)
				mu.Lock()
				if err != nil {
					res.Errors = append(res.Errors, err.Error())
				} else {
					res.Done++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if lim != nil {
		res.Stats = lim.Stats()
	}
	out := logs.String()
	res.FallbackLogs = strings.Count(out, "using the local fallback limit")
	res.ResumeLogs = strings.Count(out, "the limit is shared again")
	b, _ := json.Marshal(res)
	fmt.Println("result", string(b))
	return 0
}

// ---- the parent's side ----

// proc is a child process of the test: this binary in another role.
type proc struct {
	t      *testing.T
	name   string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string
	stderr safeBuffer
}

// startProc starts this test binary in role with env added.
func startProc(t *testing.T, name, role string, env ...string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), roleEnv+"="+role), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	p := &proc{t: t, name: name, cmd: cmd, lines: make(chan string, 16)}
	cmd.Stderr = &p.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.lines)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
	}()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
	})
	return p
}

// expect waits for the process's next line starting with prefix and
// returns the rest of it.
func (p *proc) expect(prefix string) string {
	p.t.Helper()
	timeout := time.NewTimer(2 * time.Minute)
	defer timeout.Stop()
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				p.t.Fatalf("%s ended without printing %q; stderr:\n%s", p.name, prefix, p.stderr.String())
			}
			if rest, found := strings.CutPrefix(line, prefix); found {
				return strings.TrimSpace(rest)
			}
		case <-timeout.C:
			p.t.Fatalf("%s did not print %q in time; stderr:\n%s", p.name, prefix, p.stderr.String())
		}
	}
}

// fakeIntercom is the fake Intercom process.
type fakeIntercom struct {
	*proc
	url string
}

func startFake(t *testing.T, env ...string) *fakeIntercom {
	p := startProc(t, "fake", "fake", env...)
	return &fakeIntercom{proc: p, url: p.expect("url ")}
}

// finish stops the fake and returns what it saw.
func (f *fakeIntercom) finish() fakeSummary {
	f.t.Helper()
	_ = f.stdin.Close()
	var sum fakeSummary
	if err := json.Unmarshal([]byte(f.expect("summary ")), &sum); err != nil {
		f.t.Fatal(err)
	}
	return sum
}

// fleet is a set of worker processes started together.
type fleet []*proc

// startFleet starts n workers and waits until each is ready.
func startFleet(t *testing.T, n int, env ...string) fleet {
	var f fleet
	for i := range n {
		f = append(f, startProc(t, fmt.Sprintf("worker %d", i+1), "worker", env...))
	}
	for _, p := range f {
		p.expect("ready")
	}
	return f
}

// run starts every worker's job at once and returns their results.
func (f fleet) run() []workerResult {
	for _, p := range f {
		if _, err := io.WriteString(p.stdin, "go\n"); err != nil {
			p.t.Fatal(err)
		}
	}
	return f.results()
}

func (f fleet) results() []workerResult {
	var out []workerResult
	for _, p := range f {
		var r workerResult
		if err := json.Unmarshal([]byte(p.expect("result ")), &r); err != nil {
			p.t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// windowCounts counts the fake's answers of status per window of length w.
func windowCounts(arrivals []arrival, w time.Duration, status int) (counts map[int64]int, first, last int64) {
	counts = map[int64]int{}
	first, last = -1, -1
	for _, a := range arrivals {
		if a.Status != status {
			continue
		}
		k := a.T / int64(w)
		counts[k]++
		if first < 0 || k < first {
			first = k
		}
		last = max(last, k)
	}
	return counts, first, last
}

func countStatus(arrivals []arrival, status int) int {
	n := 0
	for _, a := range arrivals {
		if a.Status == status {
			n++
		}
	}
	return n
}

// Scaled-down limits for the fleet tests: Intercom's 10-second windows
// become windows of 1 or 2 seconds, 40 requests each, shared by 4
// processes of 4 goroutines.
//
// The workers' Redis timeout is a second, not the default 100ms: on a busy
// machine a Redis call can take longer than 100ms, and these tests are not
// about that (TestSlowRedisFallsBack is).
const (
	fleetLimit      = 40
	fleetWindow     = time.Second
	fleetProcs      = 4
	fleetGoroutines = 4
	fleetTimeout    = "W_TIMEOUT=1s"
)

// TestFleetSharesOneLimit: 4 worker processes doing one bulk job against a
// fake that enforces 40 requests per 2s window see no 429 at all, and use
// at least 90% of the allowed rate; with a throttle of their own each, as
// before this limiter, the same processes meet 429s.
//
// A request's slot opens again a window after its response, so each cycle
// of the window takes a request's latency (Redis, HTTP, scheduling) more
// than the window: 2-second windows keep that under 10% on a busy machine
// running the race detector.
func TestFleetSharesOneLimit(t *testing.T) {
	srv := startRedis(t)
	const (
		windows = 6
		window  = 2 * time.Second
	)
	perWorker := fleetLimit * windows / fleetProcs
	fake := startFake(t, "FAKE_LIMIT="+strconv.Itoa(fleetLimit), "FAKE_WINDOW="+window.String())
	workers := startFleet(t, fleetProcs, "W_MODE=redis", "W_URL="+fake.url, "W_REDIS="+srv.addr, "W_NAME=fleet",
		"W_LIMIT="+strconv.Itoa(fleetLimit), "W_WINDOW="+window.String(), "W_COUNT="+strconv.Itoa(perWorker),
		"W_GOROUTINES="+strconv.Itoa(fleetGoroutines), "W_RETRIES=0", fleetTimeout)
	start := time.Now()
	results := workers.run()
	elapsed := time.Since(start)
	sum := fake.finish()

	for i, r := range results {
		if len(r.Errors) > 0 || r.Done != perWorker {
			t.Errorf("worker %d: %d done, errors %q", i+1, r.Done, r.Errors)
		}
		if r.Stats.Local != 0 || r.Stats.Fallbacks != 0 {
			t.Errorf("worker %d used the local fallback: %+v", i+1, r.Stats)
		}
	}
	served, rejected := countStatus(sum.Arrivals, http.StatusOK), countStatus(sum.Arrivals, http.StatusTooManyRequests)
	counts, first, last := windowCounts(sum.Arrivals, window, http.StatusOK)
	var perWindow []int
	for k := first; k <= last; k++ {
		perWindow = append(perWindow, counts[k])
	}
	if rejected != 0 {
		t.Fatalf("%d requests refused with 429; served per window: %v", rejected, perWindow)
	}
	if served != fleetLimit*windows {
		t.Fatalf("%d served, want %d", served, fleetLimit*windows)
	}
	// The rate over whole windows: the first and last windows of the job
	// are partly outside it, the ones between must be full.
	if last-first < 2 {
		t.Fatalf("the job fit in %d windows: %v", last-first+1, perWindow)
	}
	inner := 0
	for _, c := range perWindow[1 : len(perWindow)-1] {
		inner += c
	}
	rate := float64(inner) / float64(len(perWindow)-2) / fleetLimit
	t.Logf("%d processes, %d requests in %s, no 429; served per window %v; %.1f%% of the allowed rate over the %d whole windows",
		fleetProcs, served, elapsed.Round(time.Millisecond), perWindow, 100*rate, len(perWindow)-2)
	if rate < 0.9 {
		t.Errorf("%.1f%% of the allowed rate, want at least 90%%", 100*rate)
	}

	// The control: the same processes with a throttle each (the whole
	// budget per process, as one process alone would set it) meet 429s.
	fake = startFake(t, "FAKE_LIMIT="+strconv.Itoa(fleetLimit), "FAKE_WINDOW="+window.String())
	workers = startFleet(t, fleetProcs, "W_MODE=throttle", "W_URL="+fake.url,
		"W_LIMIT="+strconv.Itoa(fleetLimit), "W_WINDOW="+window.String(), "W_COUNT="+strconv.Itoa(fleetLimit),
		"W_GOROUTINES="+strconv.Itoa(fleetGoroutines), "W_RETRIES=0")
	results = workers.run()
	sum = fake.finish()
	rejected = countStatus(sum.Arrivals, http.StatusTooManyRequests)
	failed := 0
	for _, r := range results {
		failed += len(r.Errors)
	}
	t.Logf("control, a throttle per process: %d of %d requests refused with 429", rejected, len(sum.Arrivals))
	if rejected == 0 || failed != rejected {
		t.Errorf("control: %d 429s, %d failed calls: want 429s, each a failed call", rejected, failed)
	}
}

// TestFleet429HoldsEveryProcess: a 429 seen by one process holds the other
// processes until its reset.
func TestFleet429HoldsEveryProcess(t *testing.T) {
	srv := startRedis(t)
	fake := startFake(t, "FAKE_FIRST429=1")
	env := []string{"W_MODE=redis", "W_URL=" + fake.url, "W_REDIS=" + srv.addr, "W_NAME=hold",
		"W_LIMIT=1000", "W_WINDOW=10s", "W_GOROUTINES=1", "W_RETRIES=0", fleetTimeout}
	first := startFleet(t, 1, append(env, "W_COUNT=1")...)
	others := startFleet(t, 3, append(env, "W_COUNT=2")...)
	r := first.run()[0]
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0], "429") {
		t.Fatalf("the first process: %+v, want its one call refused with 429", r)
	}
	results := others.run()
	sum := fake.finish()
	for i, r := range results {
		if len(r.Errors) > 0 || r.Done != 2 {
			t.Errorf("process %d: %+v", i+2, r)
		}
	}
	reset := time.Unix(sum.Reset, 0)
	if len(sum.Arrivals) != 7 {
		t.Fatalf("%d requests, want 7", len(sum.Arrivals))
	}
	for _, a := range sum.Arrivals[1:] {
		if at := time.Unix(0, a.T); at.Before(reset) {
			t.Errorf("a request arrived at %s, before the reset at %s", at.Format(time.StampMilli), reset.Format(time.StampMilli))
		}
	}
	t.Logf("429 at %s with reset %s; the other processes' 6 requests arrived from %s",
		time.Unix(0, sum.Arrivals[0].T).Format(time.StampMilli), reset.Format(time.StampMilli),
		time.Unix(0, sum.Arrivals[1].T).Format(time.StampMilli))
}

// TestFleetSurvivesRedisKill: redis-server killed in the middle of a job:
// calls keep flowing under the local fallback, none fails, each process
// says so once, and the shared limit is back once Redis restarts.
func TestFleetSurvivesRedisKill(t *testing.T) {
	srv := startRedis(t)
	const windows = 8
	perWorker := fleetLimit * windows / fleetProcs
	fake := startFake(t, "FAKE_LIMIT="+strconv.Itoa(fleetLimit), "FAKE_WINDOW="+fleetWindow.String())
	workers := startFleet(t, fleetProcs, "W_MODE=redis", "W_URL="+fake.url, "W_REDIS="+srv.addr, "W_NAME=kill",
		"W_LIMIT="+strconv.Itoa(fleetLimit), "W_WINDOW="+fleetWindow.String(), "W_COUNT="+strconv.Itoa(perWorker),
		"W_GOROUTINES="+strconv.Itoa(fleetGoroutines), "W_SHARE=0.25", "W_RETRIES=3", fleetTimeout)
	for _, p := range workers {
		if _, err := io.WriteString(p.stdin, "go\n"); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(2 * fleetWindow)
	killed := time.Now()
	srv.kill()
	time.Sleep(2 * fleetWindow)
	restarted := time.Now()
	if err := srv.start(); err != nil {
		t.Fatal(err)
	}
	// The shared window fills again: the workers admit through Redis.
	rdb := srv.client(t)
	var sharedAgain bool
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if rdb.ZCard(context.Background(), "intercom:ratelimit:{kill}:window").Val() > 0 {
			sharedAgain = true
			break
		}
	}
	results := workers.results()
	sum := fake.finish()

	if !sharedAgain {
		t.Error("no request went through the restarted Redis")
	}
	for i, r := range results {
		if len(r.Errors) > 0 || r.Done != perWorker {
			t.Errorf("worker %d: %d done, errors %q", i+1, r.Done, r.Errors)
		}
		s := r.Stats
		if s.Fallbacks != 1 || s.InFallback || s.Local == 0 || s.Shared == 0 {
			t.Errorf("worker %d: stats %+v, want one fallback, over, with local and shared admissions", i+1, s)
		}
		if r.FallbackLogs != 1 || r.ResumeLogs != 1 {
			t.Errorf("worker %d: %d fallback and %d resume messages, want one each", i+1, r.FallbackLogs, r.ResumeLogs)
		}
	}
	var during, after, rejectedAfter int
	for _, a := range sum.Arrivals {
		at := time.Unix(0, a.T)
		switch {
		case a.Status == http.StatusTooManyRequests:
			if at.After(restarted) {
				rejectedAfter++
			}
		case at.After(killed) && at.Before(restarted):
			during++
		case at.After(restarted):
			after++
		}
	}
	counts, first, last := windowCounts(sum.Arrivals, fleetWindow, http.StatusOK)
	var perWindow []int
	for k := first; k <= last; k++ {
		perWindow = append(perWindow, counts[k])
	}
	rej, _, _ := windowCounts(sum.Arrivals, fleetWindow, http.StatusTooManyRequests)
	var rejPerWindow []int
	for k := first; k <= last; k++ {
		rejPerWindow = append(rejPerWindow, rej[k])
	}
	t.Logf("served per window %v, 429s per window %v (retried); Redis killed %s after the start of the first window, restarted %s later; %d served while it was down, %d after",
		perWindow, rejPerWindow, killed.Sub(time.Unix(0, first*int64(fleetWindow))).Round(time.Millisecond),
		restarted.Sub(killed).Round(time.Millisecond), during, after)
	if during == 0 {
		t.Error("no call went through while Redis was down")
	}
	if after == 0 {
		t.Error("no call after the restart: the job ended too soon to tell")
	}
	// Back on Redis, each process keeps to its fallback share (counted, as
	// the shared window is, from each response) until every process can
	// have noticed Redis is back and a window more has passed, so the
	// restarted (empty) Redis has seen every request that still counts:
	// with shares adding up to 1, no 429 by construction.
	// (Into the fallback, 429s are possible: the processes' shares of the
	// last window may have been uneven. They are retried, and no call
	// fails.)
	if rejectedAfter > 0 {
		t.Errorf("%d 429s after Redis restarted", rejectedAfter)
	}
}
