// Command webhooks receives Intercom webhook notifications with
// webhooks.NewHandler and prints what each one reports.
//
// Run it with your app's client secret (Developer Hub → your app → Basic
// Info) and point the app's webhook endpoint URL (Configure → Webhooks) at
// https://<your host>/intercom/webhooks:
//
//	INTERCOM_CLIENT_SECRET=… go run ./examples/webhooks -addr :8080
//
// The listen address comes from -addr, else INTERCOM_WEBHOOK_ADDR, else
// ":8080". With -selftest, or when INTERCOM_CLIENT_SECRET is not set, it
// starts on loopback instead (with a throwaway secret when none is set),
// sends itself a signed ping, a signed conversation notification and an
// unsigned one, prints what happened and exits: non-zero if the receiver
// did not answer 200, 200 and 401.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/go-intercom/intercom/webhooks"
)

const defaultPath = "/intercom/webhooks"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Stdout, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "webhooks:", err)
		os.Exit(1)
	}
}

// run parses args, then serves until ctx is done or runs the self-test.
func run(ctx context.Context, out io.Writer, args []string) error {
	fs := flag.NewFlagSet("webhooks", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", envOr("INTERCOM_WEBHOOK_ADDR", ":8080"), "address to listen on (default from INTERCOM_WEBHOOK_ADDR)")
	path := fs.String("path", defaultPath, "URL path of the webhook endpoint")
	maxBody := fs.Int64("max-body", webhooks.DefaultMaxBodyBytes, "largest notification body accepted, in bytes")
	selftest := fs.Bool("selftest", false, "send test notifications to a loopback receiver, print the outcome and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if !strings.HasPrefix(*path, "/") {
		return fmt.Errorf("-path %q must start with /", *path)
	}
	out = &lockedWriter{w: out} // the handler prints from the server's goroutines

	secret := os.Getenv("INTERCOM_CLIENT_SECRET")
	if *selftest || secret == "" {
		if secret == "" {
			fmt.Fprintln(out, "INTERCOM_CLIENT_SECRET is not set: self-test with a throwaway secret")
			secret = throwawaySecret()
		}
		return selfTest(ctx, out, *path, secret, *maxBody)
	}

	h, err := receiver(out, secret, *maxBody)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "listening on http://%s%s\n", ln.Addr(), *path)
	return serve(ctx, ln, *path, h)
}

// receiver is the webhook endpoint: it verifies, decodes and prints.
func receiver(out io.Writer, secret string, maxBody int64) (http.Handler, error) {
	logger := slog.New(slog.NewTextHandler(out, &slog.HandlerOptions{
		Level: slog.LevelInfo, // rejections and failures; accepted notifications are printed below
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	h, err := webhooks.NewHandler(secret, func(ctx context.Context, n *webhooks.Notification) error {
		what, err := describe(n)
		if err != nil {
			return err // answered 500: Intercom will retry
		}
		fmt.Fprintf(out, "  received %s (%s): %s\n", n.Topic, orNone(n.ID), what)
		return nil
	}, webhooks.WithMaxBodyBytes(maxBody), webhooks.WithLogger(logger))
	if err != nil {
		return nil, err // an empty secret
	}
	return h, nil
}

// describe summarises a notification with the accessor of its topic.
func describe(n *webhooks.Notification) (string, error) {
	switch n.Topic.Family() {
	case "ping":
		p, err := n.Ping()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("ping %q", p.Message), nil
	case "conversation", "conversation_part":
		c, err := n.Conversation()
		if errors.Is(err, webhooks.ErrTopicMismatch) { // conversation.contact.*: only the contact is modelled
			return describeContact(n)
		}
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("conversation %s, %s, %d part(s), assigned to admin %s", c.ID, c.State,
			len(c.ConversationParts.ConversationParts), orNone(c.AdminAssigneeID)), nil
	case "contact":
		ct, err := n.ContactTag()
		if errors.Is(err, webhooks.ErrTopicMismatch) {
			return describeContact(n)
		}
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("tag %q on contact %s", ct.Tag.Name, ct.Contact.ID), nil
	case "company":
		co, err := n.Company()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("company %s (%s)", co.ID, orNone(co.Name)), nil
	case "ticket":
		t, err := n.Ticket()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("ticket %s, %s: %q", t.ID, t.TicketState, t.TicketAttributes.Title()), nil
	case "visitor":
		v, err := n.Visitor()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("visitor %s signed up", v.UserID), nil
	case "admin":
		a, err := n.Admin()
		if errors.Is(err, webhooks.ErrTopicMismatch) {
			break // the activity log topic
		}
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("admin %s (%s)", a.ID, a.Name), nil
	}
	return fmt.Sprintf("an item of type %q, not handled here", n.ItemType()), nil
}

func describeContact(n *webhooks.Notification) (string, error) {
	c, err := n.Contact()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %s", orNone(string(c.Role)), c.ID), nil
}

// serve runs handler at path on ln until ctx is done, then shuts down.
func serve(ctx context.Context, ln net.Listener, path string, handler http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle(path, handler)
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// The self-test notifications, shaped like Intercom's.
const (
	selfTestPing = `{"type":"notification_event","app_id":"selftest","data":{"type":"notification_event_data",` +
		`"item":{"type":"ping","message":"hello from the self-test"}},"links":{},"id":null,"topic":"ping",` +
		`"delivery_status":null,"delivery_attempts":1,"delivered_at":0,"first_sent_at":1718000000,"created_at":1718000000,"self":null}`
	selfTestConversation = `{"type":"notification_event","app_id":"selftest","data":{"type":"notification_event_data",` +
		`"item":{"type":"conversation","id":"147","created_at":1718000100,"updated_at":1718000100,"open":true,"state":"open",` +
		`"admin_assignee_id":null,"source":{"type":"conversation","id":"403918330","delivered_as":"customer_initiated",` +
		`"body":"<p>Hi, I can't log in</p>","author":{"type":"user","id":"667d6079a0a9e2d0e1b4f1a1"}},` +
		`"contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"667d6079a0a9e2d0e1b4f1a1"}]},` +
		`"conversation_parts":{"type":"conversation_part.list","conversation_parts":[],"total_count":0}}},` +
		`"links":{},"id":"notif_selftest-1","topic":"conversation.user.created","delivery_status":"pending",` +
		`"delivery_attempts":1,"delivered_at":0,"first_sent_at":1718000101,"created_at":1718000100,"self":null}`
)

// selfTest starts the receiver on loopback and sends it notifications.
func selfTest(ctx context.Context, out io.Writer, path, secret string, maxBody int64) error {
	h, err := receiver(out, secret, maxBody)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + path
	fmt.Fprintf(out, "listening on %s\n", url)
	srvCtx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- serve(srvCtx, ln, path, h) }()
	defer func() {
		stop()
		<-served
	}()

	client := &http.Client{Timeout: 10 * time.Second}
	cases := []struct {
		label, body string
		signed      bool
		want        int
	}{
		{"signed ping", selfTestPing, true, http.StatusOK},
		{"signed conversation.user.created", selfTestConversation, true, http.StatusOK},
		{"unsigned conversation.user.created", selfTestConversation, false, http.StatusUnauthorized},
	}
	var failed []string
	for _, c := range cases {
		fmt.Fprintf(out, "sending %s\n", c.label)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(c.body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		if c.signed {
			req.Header.Set(webhooks.SignatureHeader, webhooks.Sign([]byte(c.body), secret))
		}
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("%s: %w", c.label, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		verdict := "as expected"
		if resp.StatusCode != c.want {
			verdict = fmt.Sprintf("want %d", c.want)
			failed = append(failed, c.label)
		}
		fmt.Fprintf(out, "  answered %s (%s)\n", resp.Status, verdict)
	}
	if len(failed) > 0 {
		return fmt.Errorf("self-test failed: %s", strings.Join(failed, ", "))
	}
	fmt.Fprintln(out, "self-test passed")
	return nil
}

func throwawaySecret() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail
	return hex.EncodeToString(b)
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// lockedWriter serialises writes from concurrent requests.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p to the underlying writer, one call at a time.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
