package webhooks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/go-intercom/intercom"
)

// DefaultMaxBodyBytes is the largest notification body a Handler reads
// unless WithMaxBodyBytes says otherwise (1 MiB). Conversations with many
// long parts can exceed it; raise it if you subscribe to them.
const DefaultMaxBodyBytes int64 = 1 << 20

// Option configures a Handler (see NewHandler).
type Option func(*settings)

type settings struct {
	maxBodyBytes int64
	logger       *slog.Logger
}

// WithMaxBodyBytes sets the largest body the Handler accepts; larger
// requests are answered 413. n <= 0 restores DefaultMaxBodyBytes.
func WithMaxBodyBytes(n int64) Option {
	return func(s *settings) {
		if n <= 0 {
			n = DefaultMaxBodyBytes
		}
		s.maxBodyBytes = n
	}
}

// WithLogger logs every request the Handler answers: rejections at Warn,
// handler errors at Error, accepted notifications at Debug. Only the
// status, the reason, the topic and the notification id are logged; never
// the secret, the signature or the body.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) { s.logger = l }
}

// Handler is an http.Handler receiving Intercom webhook notifications: it
// verifies each one's signature, decodes it and hands it to a function.
// Create one with NewHandler; a Handler not made by NewHandler (such as the
// zero value) answers every request with 500.
type Handler struct {
	secret string
	fn     func(context.Context, *Notification) error
	cfg    settings
}

// NewHandler returns a Handler receiving Intercom webhook notifications.
// secret is the app's client secret (Developer Hub, Basic Info); fn is
// called with each notification whose signature is valid. nil options are
// ignored.
//
// The Handler answers:
//   - 200 to a POST when fn returns nil, and to HEAD (Intercom validates the
//     endpoint URL with a HEAD request when you set it up);
//   - 405, with an Allow header, to other methods;
//   - 413 to a body larger than the limit (DefaultMaxBodyBytes, or
//     WithMaxBodyBytes);
//   - 400 when the body cannot be read or is not a notification;
//   - 401 when the X-Hub-Signature header is missing, malformed, repeated, or
//     not the body's signature (fn is not called);
//   - 500 when fn returns an error; Intercom then retries the notification.
//
// Intercom waits 5 seconds for an answer and then counts the delivery as
// failed: do slow work after returning (queue it), and deduplicate by
// Notification.ID, as deliveries can repeat. fn gets the request's context.
//
// An empty secret or a nil fn is an *intercom.InvalidRequestError (matching
// intercom.ErrInvalidRequest) naming "secret" or "fn".
func NewHandler(secret string, fn func(ctx context.Context, n *Notification) error, opts ...Option) (*Handler, error) {
	if secret == "" {
		return nil, errEmptySecret()
	}
	if fn == nil {
		return nil, &intercom.InvalidRequestError{Field: "fn", Reason: "is nil (the function called with each notification)"}
	}
	h := &Handler{secret: secret, fn: fn, cfg: settings{maxBodyBytes: DefaultMaxBodyBytes}}
	for _, o := range opts {
		if o != nil {
			o(&h.cfg)
		}
	}
	return h, nil
}

// ServeHTTP answers one request as NewHandler documents.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h == nil || h.fn == nil || h.secret == "" {
		h.log(r.Context(), slog.LevelError, http.StatusInternalServerError, errors.New("webhooks.Handler not made by NewHandler"), nil)
		http.Error(w, "webhook handler not configured", http.StatusInternalServerError)
		return
	}
	switch r.Method {
	case http.MethodPost:
	case http.MethodHead:
		h.log(r.Context(), slog.LevelDebug, http.StatusOK, nil, nil)
		w.WriteHeader(http.StatusOK)
		return
	default:
		w.Header().Set("Allow", "POST, HEAD")
		h.fail(w, r, http.StatusMethodNotAllowed, fmt.Errorf("method %s not allowed", r.Method), nil)
		return
	}

	limit := h.cfg.maxBodyBytes
	if r.ContentLength > limit {
		h.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("body of %d bytes is over the %d-byte limit", r.ContentLength, limit), nil)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("body is over the %d-byte limit", limit), nil)
			return
		}
		h.fail(w, r, http.StatusBadRequest, fmt.Errorf("reading body: %w", err), nil)
		return
	}

	var sigErr error
	if vals := r.Header.Values(SignatureHeader); len(vals) > 1 {
		sigErr = newSignatureError(ErrSignatureMalformed, fmt.Sprintf("%d %s headers", len(vals), SignatureHeader))
	} else {
		sigErr = VerifySignature(body, r.Header.Get(SignatureHeader), h.secret)
	}
	if sigErr != nil {
		h.fail(w, r, http.StatusUnauthorized, sigErr, nil)
		return
	}

	n, err := ParseNotification(body)
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err, nil)
		return
	}
	if err := h.fn(r.Context(), n); err != nil {
		h.log(r.Context(), slog.LevelError, http.StatusInternalServerError, err, n)
		http.Error(w, "notification not processed", http.StatusInternalServerError)
		return
	}
	h.log(r.Context(), slog.LevelDebug, http.StatusOK, nil, n)
	w.WriteHeader(http.StatusOK)
}

// fail logs a rejected request and answers it with the status text.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, status int, err error, n *Notification) {
	h.log(r.Context(), slog.LevelWarn, status, err, n)
	http.Error(w, http.StatusText(status), status)
}

func (h *Handler) log(ctx context.Context, level slog.Level, status int, err error, n *Notification) {
	if h == nil {
		return
	}
	l := h.cfg.logger
	if l == nil || !l.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{slog.Int("status", status)}
	if n != nil {
		attrs = append(attrs, slog.String("topic", string(n.Topic)))
		if n.ID != "" {
			attrs = append(attrs, slog.String("notification_id", n.ID))
		}
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.LogAttrs(ctx, level, "intercom webhook", attrs...)
}
