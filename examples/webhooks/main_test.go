package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/webhooks"
)

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func wantLines(t *testing.T, out string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(out, l) {
			t.Errorf("output lacks %q:\n%s", l, out)
		}
	}
}

func TestRunSelfTestWithoutSecret(t *testing.T) {
	t.Setenv("INTERCOM_CLIENT_SECRET", "")
	var out syncBuffer
	if err := run(context.Background(), &out, nil); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	wantLines(t, out.String(),
		"INTERCOM_CLIENT_SECRET is not set: self-test with a throwaway secret",
		"listening on http://127.0.0.1:",
		"sending signed ping",
		`received ping (none): ping "hello from the self-test"`,
		"sending signed conversation.user.created",
		"received conversation.user.created (notif_selftest-1): conversation 147, open, 0 part(s), assigned to admin none",
		"sending unsigned conversation.user.created",
		"level=WARN", "status=401", "webhook signature missing",
		"answered 401 Unauthorized (as expected)",
		"self-test passed",
	)
	if got := strings.Count(out.String(), "answered 200 OK (as expected)"); got != 2 {
		t.Errorf("%d signed notifications accepted, want 2:\n%s", got, out.String())
	}
}

func TestRunSelfTestFlagKeepsSecretOutOfOutput(t *testing.T) {
	const secret = "f00dfacecafe1234f00dfacecafe1234"
	t.Setenv("INTERCOM_CLIENT_SECRET", secret)
	var out syncBuffer
	if err := run(context.Background(), &out, []string{"-selftest", "-path", "/hooks"}); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	wantLines(t, out.String(), "listening on http://127.0.0.1:", "/hooks\n", "self-test passed")
	if strings.Contains(out.String(), secret) || strings.Contains(out.String(), "throwaway") {
		t.Fatalf("output mentions the secret:\n%s", out.String())
	}
}

func TestRunSelfTestFailsWhenReceiverRejects(t *testing.T) {
	t.Setenv("INTERCOM_CLIENT_SECRET", "")
	var out syncBuffer
	err := run(context.Background(), &out, []string{"-selftest", "-max-body", "64"})
	if err == nil || !strings.Contains(err.Error(), "self-test failed: signed ping, signed conversation.user.created") {
		t.Fatalf("run = %v\n%s", err, out.String())
	}
	wantLines(t, out.String(), "answered 413 Request Entity Too Large (want 200)")
}

func TestRunServes(t *testing.T) {
	const secret = "0123456789abcdef0123456789abcdef"
	t.Setenv("INTERCOM_CLIENT_SECRET", secret)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, &out, []string{"-addr", "127.0.0.1:0"}) }()

	listening := regexp.MustCompile(`listening on (http://\S+)`)
	var url string
	for deadline := time.Now().Add(5 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := listening.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		}
	}
	if url == "" {
		t.Fatalf("receiver did not start:\n%s", out.String())
	}
	if !strings.HasSuffix(url, defaultPath) {
		t.Fatalf("listening on %s, want path %s", url, defaultPath)
	}

	ticket := `{"type":"notification_event","app_id":"a86dr8yl","data":{"type":"notification_event_data","item":{` +
		`"type":"ticket","id":"215472629311235","ticket_id":"22","ticket_attributes":{"_default_title_":"Login broken"},` +
		`"ticket_state":{"type":"ticket_state","id":"4517893","category":"submitted","internal_label":"Submitted","external_label":"Submitted"},` +
		`"open":true,"created_at":1718000600}},"links":{},"id":"notif_t1","topic":"ticket.created","delivery_status":"pending",` +
		`"delivery_attempts":1,"delivered_at":0,"first_sent_at":1718000651,"created_at":1718000651,"self":null}`
	post := func(body, sig string) int {
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
		if sig != "" {
			req.Header.Set(webhooks.SignatureHeader, sig)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post(ticket, webhooks.Sign([]byte(ticket), secret)); got != http.StatusOK {
		t.Fatalf("signed ticket: status %d\n%s", got, out.String())
	}
	if got := post(ticket, webhooks.Sign([]byte(ticket), "wrong")); got != http.StatusUnauthorized {
		t.Fatalf("wrongly signed ticket: status %d", got)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET: status %d", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancel")
	}
	wantLines(t, out.String(),
		`received ticket.created (notif_t1): ticket 215472629311235, submitted: "Login broken"`,
		"status=401", "does not match",
	)
	if strings.Contains(out.String(), secret) {
		t.Fatal("output mentions the secret")
	}
}

func TestRunRejectsBadArguments(t *testing.T) {
	t.Setenv("INTERCOM_CLIENT_SECRET", "x")
	for _, args := range [][]string{{"-nope"}, {"extra"}, {"-path", "hooks"}, {"-addr", "256.0.0.1:99999"}} {
		var out syncBuffer
		if err := run(context.Background(), &out, args); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
	var out syncBuffer
	if err := run(context.Background(), &out, []string{"-h"}); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out.String(), "-selftest") {
		t.Errorf("run(-h) = %v, usage %q", err, out.String())
	}
}

func TestDescribe(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ body, want string }{
		{`{"topic":"contact.user.tag.created","data":{"item":{"type":"contact_tag","tag":{"id":"1","name":"VIP"},"contact":{"type":"contact","id":"c1"}}}}`, `tag "VIP" on contact c1`},
		{`{"topic":"contact.lead.created","data":{"item":{"type":"contact","id":"c2","role":"lead","created_at":"2024-06-10T06:15:00Z"}}}`, "lead c2"},
		{`{"topic":"conversation.contact.attached","data":{"item":{"conversation":{},"contact":{"type":"contact","id":"c3","role":"user"}}}}`, "user c3"},
		{`{"topic":"company.created","data":{"item":{"type":"company","id":"co1","name":"Acme"}}}`, "company co1 (Acme)"},
		{`{"topic":"visitor.signed_up","data":{"item":{"type":"user","user_id":"v1"}}}`, "visitor v1 signed up"},
		{`{"topic":"admin.away_mode_updated","data":{"item":{"type":"admin","id":7,"name":"Grace","avatar":{"type":"avatar","image_url":null}}}}`, "admin 7 (Grace)"},
		{`{"topic":"admin.activity_log_event.created","data":{"item":{"type":"activity_log","id":"a1"}}}`, `an item of type "activity_log", not handled here`},
		{`{"topic":"content_stat.email","data":{"item":{"type":"content_stat.email"}}}`, `an item of type "content_stat.email", not handled here`},
	} {
		n, err := webhooks.ParseNotification([]byte(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		got, err := describe(n)
		if err != nil || got != tc.want {
			t.Errorf("describe(%s) = %q, %v; want %q", n.Topic, got, err, tc.want)
		}
	}
	// A broken item is an error, which the handler answers 500.
	n, _ := webhooks.ParseNotification([]byte(`{"topic":"ticket.created","data":{"item":{"type":"ticket","open":"yes"}}}`))
	if _, err := describe(n); err == nil {
		t.Error("describe of a broken ticket = nil error")
	}
}
