package webhooks

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/go-intercom/intercom"
)

// whRequest builds a POST of body, signed with sig unless sig is "-".
func whRequest(method, body, sig string) *http.Request {
	r := httptest.NewRequest(method, "/hooks/intercom", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("User-Agent", "intercom-parrot-service-client/1.0")
	if sig != "-" {
		r.Header.Set(SignatureHeader, sig)
	}
	return r
}

func TestHandler(t *testing.T) {
	t.Parallel()
	signed := func(body string) string { return whHMAC(body, whSecret) }
	huge := `{"type": "notification_event", "topic": "ping", "pad": "` + strings.Repeat("x", int(DefaultMaxBodyBytes)) + `"}`

	tests := []struct {
		name      string
		req       *http.Request
		chunked   bool
		status    int
		wantCall  bool
		fnErr     error
		checkResp func(t *testing.T, rec *httptest.ResponseRecorder)
	}{
		{name: "ping", req: whRequest("POST", whPing, signed(whPing)), status: 200, wantCall: true},
		{name: "conversation", req: whRequest("POST", whConversationUserCreated, signed(whConversationUserCreated)), status: 200, wantCall: true},
		{name: "unknown topic", req: whRequest("POST", whArticleCreated, signed(whArticleCreated)), status: 200, wantCall: true},
		{name: "wrong secret", req: whRequest("POST", whPing, whHMAC(whPing, "other-secret")), status: 401},
		{name: "tampered body", req: whRequest("POST", strings.Replace(whPing, "interzen", "intruder", 1), signed(whPing)), status: 401},
		{name: "missing header", req: whRequest("POST", whPing, "-"), status: 401},
		{name: "empty header", req: whRequest("POST", whPing, ""), status: 401},
		{name: "malformed header", req: whRequest("POST", whPing, "sha1=not-hex"), status: 401},
		{name: "sha256 header", req: whRequest("POST", whPing, "sha256="+strings.Repeat("0", 64)), status: 401},
		{name: "two headers", req: func() *http.Request {
			r := whRequest("POST", whPing, signed(whPing))
			r.Header.Add(SignatureHeader, signed(whPing))
			return r
		}(), status: 401},
		{name: "GET", req: whRequest("GET", "", "-"), status: 405, checkResp: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if got := rec.Header().Get("Allow"); got != "POST, HEAD" {
				t.Errorf("Allow = %q", got)
			}
		}},
		{name: "PUT", req: whRequest("PUT", whPing, signed(whPing)), status: 405},
		{name: "HEAD (URL validation)", req: whRequest("HEAD", "", "-"), status: 200},
		{name: "oversized with length", req: whRequest("POST", huge, signed(huge)), status: 413},
		{name: "oversized chunked", req: whRequest("POST", huge, signed(huge)), chunked: true, status: 413},
		{name: "signed but not JSON", req: whRequest("POST", "topic=ping", signed("topic=ping")), status: 400},
		{name: "signed JSON without topic", req: whRequest("POST", `{"type":"notification_event"}`, signed(`{"type":"notification_event"}`)), status: 400},
		{name: "fn error", req: whRequest("POST", whTicketCreated, signed(whTicketCreated)), status: 500, wantCall: true, fnErr: errors.New("database down")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var called atomic.Int32
			var got *Notification
			h := mustHandler(t, whSecret, func(ctx context.Context, n *Notification) error {
				called.Add(1)
				got = n
				if ctx == nil {
					t.Error("nil context")
				}
				return tc.fnErr
			})
			if tc.chunked {
				tc.req.ContentLength = -1
				tc.req.Body = io.NopCloser(tc.req.Body) // hide the length
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, tc.req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d (body %q)", rec.Code, tc.status, rec.Body.String())
			}
			if c := called.Load(); (c == 1) != tc.wantCall || c > 1 {
				t.Fatalf("fn called %d times, want call %v", c, tc.wantCall)
			}
			if tc.wantCall && (got == nil || got.Topic == "") {
				t.Fatalf("fn got %+v", got)
			}
			if tc.status == 500 && strings.Contains(rec.Body.String(), "database down") {
				t.Fatal("the handler's error leaked into the response")
			}
			if tc.checkResp != nil {
				tc.checkResp(t, rec)
			}
		})
	}
}

func TestHandlerDecodesForFn(t *testing.T) {
	t.Parallel()
	var topic Topic
	var conv *intercom.Conversation
	h := mustHandler(t, whSecret, func(ctx context.Context, n *Notification) error {
		topic = n.Topic
		var err error
		conv, err = n.Conversation()
		return err
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(whConversationAdminReplied))
	req.Header.Set(SignatureHeader, whHMAC(whConversationAdminReplied, whSecret))
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || topic != TopicConversationAdminReplied || conv == nil || conv.ID != "147" {
		t.Fatalf("status %d topic %q conversation %+v", resp.StatusCode, topic, conv)
	}
}

func TestHandlerMaxBodyOption(t *testing.T) {
	t.Parallel()
	h := mustHandler(t, whSecret, func(context.Context, *Notification) error { return nil }, WithMaxBodyBytes(64))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, whRequest("POST", whPing, whHMAC(whPing, whSecret)))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", rec.Code)
	}
	small := `{"topic":"ping","data":{"item":{"type":"ping"}}}`
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, whRequest("POST", small, whHMAC(small, whSecret)))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", rec.Code)
	}

	// Larger limits accept larger bodies; n <= 0 restores the default.
	big := `{"topic":"ping","pad":"` + strings.Repeat("y", 2<<20) + `"}`
	for _, tc := range []struct {
		opt  Option
		want int
	}{{WithMaxBodyBytes(4 << 20), 200}, {WithMaxBodyBytes(0), 413}, {nil, 413}} {
		h := mustHandler(t, whSecret, func(context.Context, *Notification) error { return nil }, tc.opt)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, whRequest("POST", big, whHMAC(big, whSecret)))
		if rec.Code != tc.want {
			t.Fatalf("status %d, want %d", rec.Code, tc.want)
		}
	}
}

func TestHandlerLogging(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := mustHandler(t, whSecret, func(_ context.Context, n *Notification) error {
		if n.Topic == TopicTicketCreated {
			return errors.New("queue full")
		}
		return nil
	}, WithLogger(logger))
	good := whHMAC(whConversationUserCreated, whSecret)
	for _, r := range []*http.Request{
		whRequest("POST", whConversationUserCreated, good),
		whRequest("POST", whConversationUserCreated, whHMAC(whConversationUserCreated, "wrong")),
		whRequest("POST", whPing, "-"),
		whRequest("POST", whTicketCreated, whHMAC(whTicketCreated, whSecret)),
		whRequest("GET", "", "-"),
	} {
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	out := buf.String()
	for _, want := range []string{
		"level=DEBUG", "topic=conversation.user.created", "notification_id=notif_2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
		"level=WARN", "status=401", "does not match", "missing",
		"level=ERROR", "status=500", "queue full", "status=405",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, secretish := range []string{whSecret, strings.TrimPrefix(good, "sha1="), "Ada Lovelace", "can't log in"} {
		if strings.Contains(out, secretish) {
			t.Errorf("log contains %q:\n%s", secretish, out)
		}
	}
}

func TestNewHandlerRejectsMisconfiguration(t *testing.T) {
	t.Parallel()
	fn := func(context.Context, *Notification) error { return nil }
	for _, tc := range []struct {
		name, secret, field string
		fn                  func(context.Context, *Notification) error
	}{
		{"empty secret", "", "secret", fn},
		{"nil fn", whSecret, "fn", nil},
		{"both", "", "secret", nil},
	} {
		h, err := NewHandler(tc.secret, tc.fn, WithMaxBodyBytes(64))
		var ire *intercom.InvalidRequestError
		if h != nil || !errors.Is(err, intercom.ErrInvalidRequest) || !errors.As(err, &ire) || ire.Field != tc.field {
			t.Errorf("%s: NewHandler = %v, %v; want an *InvalidRequestError naming %q", tc.name, h, err, tc.field)
		}
	}
}

func TestZeroHandlerAnswers500(t *testing.T) {
	t.Parallel()
	for _, h := range []*Handler{{}, nil} {
		for _, r := range []*http.Request{
			whRequest("POST", whPing, whHMAC(whPing, whSecret)),
			whRequest("POST", whPing, Sign([]byte(whPing), "")),
			whRequest("HEAD", "", "-"),
			whRequest("GET", "", "-"),
		} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code != http.StatusInternalServerError {
				t.Errorf("%s to a Handler not made by NewHandler (%v): status %d, want 500", r.Method, h, rec.Code)
			}
		}
	}
}

// mustHandler is NewHandler for arguments that are valid.
func mustHandler(t *testing.T, secret string, fn func(context.Context, *Notification) error, opts ...Option) *Handler {
	t.Helper()
	h, err := NewHandler(secret, fn, opts...)
	if err != nil {
		t.Fatalf("NewHandler: %v", err)
	}
	return h
}
