// Package intercom is a typed client for the Intercom REST API, version 2.10.
//
// Create a Client with an access token, then call the service of each
// resource:
//
//	client, err := intercom.NewClient(token, intercom.WithRegion(intercom.RegionEU))
//	contact, _, err := client.Contacts.Get(ctx, "63a07ddf05a32042dffac965")
//
// Every method takes a context first and returns the typed model, a *Response
// carrying the request id and rate-limit state, and an error that is an
// *APIError for non-2xx responses (see errors.go for the sentinels).
package intercom

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/hashicorp/go-retryablehttp"
)

// Version is the SDK version, sent in the User-Agent.
const Version = "0.1.0"

const userAgentBase = "intercom-go/" + Version

// Client talks to one Intercom workspace. It is safe for concurrent use;
// create one and share it.
type Client struct {
	cfg  settings
	http *http.Client // a copy of the configured client with the timeout applied

	common service

	// Services, one per resource of the API.
	Admins               *AdminsService
	Articles             *ArticlesService
	HelpCenter           *HelpCenterService
	Companies            *CompaniesService
	Contacts             *ContactsService
	Conversations        *ConversationsService
	DataAttributes       *DataAttributesService
	DataEvents           *DataEventsService
	DataExport           *DataExportService
	Messages             *MessagesService
	News                 *NewsService
	Notes                *NotesService
	Segments             *SegmentsService
	SubscriptionTypes    *SubscriptionTypesService
	Switch               *SwitchService
	Tags                 *TagsService
	Teams                *TeamsService
	TicketTypeAttributes *TicketTypeAttributesService
	TicketTypes          *TicketTypesService
	Tickets              *TicketsService
	Visitors             *VisitorsService
}

// service is the shared shape of every resource service.
type service struct{ client *Client }

// The resource services. Their methods live in the file of each resource.
type (
	// AdminsService covers the Admins endpoints (admins.go).
	AdminsService service
	// ArticlesService covers the Articles endpoints (articles.go).
	ArticlesService service
	// HelpCenterService covers help centers and collections (help_center.go).
	HelpCenterService service
	// CompaniesService covers the Companies endpoints (companies.go).
	CompaniesService service
	// ContactsService covers the Contacts endpoints (contacts.go).
	ContactsService service
	// ConversationsService covers the Conversations endpoints (conversations.go).
	ConversationsService service
	// DataAttributesService covers the Data Attributes endpoints (data_attributes.go).
	DataAttributesService service
	// DataEventsService covers the Data Events endpoints (data_events.go).
	DataEventsService service
	// DataExportService covers the Data Export endpoints (data_export.go).
	DataExportService service
	// MessagesService covers the Messages endpoint (messages.go).
	MessagesService service
	// NewsService covers news items and newsfeeds (news.go).
	NewsService service
	// NotesService covers the Notes endpoints (notes.go).
	NotesService service
	// SegmentsService covers the Segments endpoints (segments.go).
	SegmentsService service
	// SubscriptionTypesService covers the Subscription Types endpoints (subscription_types.go).
	SubscriptionTypesService service
	// SwitchService covers phone call redirects (switch.go).
	SwitchService service
	// TagsService covers the Tags endpoints (tags.go).
	TagsService service
	// TeamsService covers the Teams endpoints (teams.go).
	TeamsService service
	// TicketTypeAttributesService covers ticket type attributes (ticket_type_attributes.go).
	TicketTypeAttributesService service
	// TicketTypesService covers the Ticket Types endpoints (ticket_types.go).
	TicketTypesService service
	// TicketsService covers the Tickets endpoints (tickets.go).
	TicketsService service
	// VisitorsService covers the Visitors endpoints (visitors.go).
	VisitorsService service
)

// NewClient returns a client for the workspace the token belongs to. A
// token (or WithTokenSource) is required. The defaults are the US region,
// API version 2.10, a 60s timeout per attempt and DefaultRetryPolicy.
func NewClient(token string, opts ...Option) (*Client, error) {
	us, _ := url.Parse(BaseURLUS)
	cfg := settings{
		baseURL:          us,
		httpClient:       http.DefaultClient,
		timeout:          DefaultTimeout,
		apiVersion:       DefaultAPIVersion,
		retry:            DefaultRetryPolicy(),
		maxResponseBytes: DefaultMaxResponseBytes,
	}
	if token != "" {
		cfg.tokens = StaticToken(token)
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.tokens == nil {
		return nil, ErrMissingToken
	}
	if st, ok := cfg.tokens.(StaticToken); ok && strings.TrimSpace(string(st)) == "" {
		return nil, ErrMissingToken
	}
	c := &Client{cfg: cfg}
	c.http = httpClientFor(cfg)
	c.common.client = c
	c.Admins = (*AdminsService)(&c.common)
	c.Articles = (*ArticlesService)(&c.common)
	c.HelpCenter = (*HelpCenterService)(&c.common)
	c.Companies = (*CompaniesService)(&c.common)
	c.Contacts = (*ContactsService)(&c.common)
	c.Conversations = (*ConversationsService)(&c.common)
	c.DataAttributes = (*DataAttributesService)(&c.common)
	c.DataEvents = (*DataEventsService)(&c.common)
	c.DataExport = (*DataExportService)(&c.common)
	c.Messages = (*MessagesService)(&c.common)
	c.News = (*NewsService)(&c.common)
	c.Notes = (*NotesService)(&c.common)
	c.Segments = (*SegmentsService)(&c.common)
	c.SubscriptionTypes = (*SubscriptionTypesService)(&c.common)
	c.Switch = (*SwitchService)(&c.common)
	c.Tags = (*TagsService)(&c.common)
	c.Teams = (*TeamsService)(&c.common)
	c.TicketTypeAttributes = (*TicketTypeAttributesService)(&c.common)
	c.TicketTypes = (*TicketTypesService)(&c.common)
	c.Tickets = (*TicketsService)(&c.common)
	c.Visitors = (*VisitorsService)(&c.common)
	return c, nil
}

// BaseURL returns the base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.cfg.baseURL.String() }

// httpClientFor copies the configured HTTP client and applies the timeout,
// so the caller's client is never modified.
func httpClientFor(cfg settings) *http.Client {
	hc := *cfg.httpClient
	if cfg.timeoutSet || hc.Timeout == 0 {
		hc.Timeout = cfg.timeout
	}
	return &hc
}

// Rate is Intercom's rate-limit state, from the X-RateLimit-* headers.
type Rate struct {
	// Limit is the number of requests allowed per window.
	Limit int
	// Remaining is how many are left in the current window.
	Remaining int
	// Reset is when the window resets.
	Reset time.Time
}

func parseRate(h http.Header) Rate {
	var r Rate
	r.Limit, _ = strconv.Atoi(h.Get("X-RateLimit-Limit"))
	r.Remaining, _ = strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	if sec, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil {
		r.Reset = time.Unix(sec, 0)
	}
	return r
}

// Response wraps the HTTP response of a call. Its body has been read and
// closed, except for streaming downloads.
type Response struct {
	*http.Response
	// RequestID is Intercom's X-Request-Id, when sent.
	RequestID string
	// Rate is the rate-limit state reported with the response.
	Rate Rate
}

func newResponse(r *http.Response) *Response {
	return &Response{Response: r, RequestID: r.Header.Get("X-Request-Id"), Rate: parseRate(r.Header)}
}

// endpoint describes one API call for send.
type endpoint struct {
	method string
	// path is the spec's path template, e.g. "/contacts/{contact_id}/tags/{id}".
	path string
	// params fill the template's placeholders, in order.
	params []string
	// query is encoded with go-querystring (url tags), or is a url.Values.
	query any
	// body is encoded as JSON when non-nil.
	body any
	// readOnly marks a POST that changes nothing (a search), so it is retried
	// like a GET.
	readOnly bool
	// accept overrides the Accept header.
	accept string
}

// expandPath fills the placeholders of tmpl with escaped params, naming the
// first missing one.
func expandPath(tmpl string, params []string) (string, error) {
	if len(params) == 0 {
		return tmpl, nil
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	rest := tmpl
	for _, p := range params {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			return "", fmt.Errorf("intercom: path %s has fewer parameters than given", tmpl)
		}
		name := rest[i+1 : j]
		if strings.TrimSpace(p) == "" {
			return "", invalid(name, "is required (path parameter of "+tmpl+")")
		}
		b.WriteString(rest[:i])
		b.WriteString(url.PathEscape(p))
		rest = rest[j+1:]
	}
	b.WriteString(rest)
	return b.String(), nil
}

// callSettings applies per-call options on a copy of the client's settings.
func (c *Client) callSettings(opts []Option) (settings, *http.Client, error) {
	if len(opts) == 0 {
		return c.cfg, c.http, nil
	}
	cfg := c.cfg
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return cfg, nil, err
		}
	}
	hc := c.http
	if cfg.httpClient != c.cfg.httpClient || cfg.timeoutSet != c.cfg.timeoutSet || cfg.timeout != c.cfg.timeout {
		hc = httpClientFor(cfg)
	}
	return cfg, hc, nil
}

// bufPool holds buffers for reading response bodies; decoded values never
// alias them (encoding/json copies strings and raw messages).
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// send performs a JSON call and decodes a 2xx body into out (when non-nil).
func (c *Client) send(ctx context.Context, e endpoint, out any, opts []Option) (*Response, error) {
	resp, cfg, err := c.roundTrip(ctx, e, opts)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := newResponse(resp)
	buf := bufPool.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 4<<20 {
			buf.Reset()
			bufPool.Put(buf)
		}
	}()
	buf.Reset()
	if resp.ContentLength > 0 && resp.ContentLength <= cfg.maxResponseBytes {
		buf.Grow(int(resp.ContentLength) + 1)
	}
	n, readErr := buf.ReadFrom(io.LimitReader(resp.Body, cfg.maxResponseBytes+1))
	if n > cfg.maxResponseBytes {
		return r, &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
			Err: fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, cfg.maxResponseBytes)}
	}
	body := buf.Bytes()
	if readErr != nil {
		return r, &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
			Snippet: snippet(body), Err: fmt.Errorf("reading body: %w", readErr)}
	}
	if cfg.responseBody != nil {
		*cfg.responseBody = append((*cfg.responseBody)[:0], body...)
	}
	if out == nil || len(bytes.TrimSpace(body)) == 0 {
		if out != nil && resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusAccepted {
			return r, &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
				Err: io.ErrUnexpectedEOF}
		}
		return r, nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return r, &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
			Snippet: snippet(body), Err: err}
	}
	return r, nil
}

// roundTrip sends the request with retries and returns a 2xx response with
// its body open, or an error (an *APIError for other statuses).
func (c *Client) roundTrip(ctx context.Context, e endpoint, opts []Option) (*http.Response, settings, error) {
	if ctx == nil {
		return nil, c.cfg, invalid("ctx", "is nil")
	}
	cfg, hc, err := c.callSettings(opts)
	if err != nil {
		return nil, cfg, err
	}
	path, err := expandPath(e.path, e.params)
	if err != nil {
		return nil, cfg, err
	}
	target := cfg.baseURL.String() + path
	switch q := e.query.(type) {
	case nil:
	case url.Values:
		if len(q) > 0 {
			target += "?" + q.Encode()
		}
	default:
		vals, err := query.Values(q)
		if err != nil {
			return nil, cfg, fmt.Errorf("intercom: encoding query: %w", err)
		}
		if len(vals) > 0 {
			target += "?" + vals.Encode()
		}
	}
	var body []byte
	if e.body != nil {
		if body, err = json.Marshal(e.body); err != nil {
			return nil, cfg, fmt.Errorf("intercom: encoding request body: %w", err)
		}
	}
	token, err := cfg.tokens.Token(ctx)
	if err != nil {
		return nil, cfg, fmt.Errorf("intercom: token source: %w", err)
	}
	if token == "" {
		return nil, cfg, ErrMissingToken
	}

	var rawBody any
	if body != nil {
		rawBody = body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, e.method, target, rawBody)
	if err != nil {
		return nil, cfg, fmt.Errorf("intercom: building request: %w", err)
	}
	h := req.Header
	for k, vs := range cfg.header {
		h[k] = append([]string(nil), vs...)
	}
	h.Set("Authorization", "Bearer "+token)
	h.Set("Intercom-Version", cfg.apiVersion)
	accept := e.accept
	if accept == "" {
		accept = "application/json"
	}
	h.Set("Accept", accept)
	if body != nil {
		h.Set("Content-Type", "application/json")
	}
	ua := userAgentBase
	if cfg.userAgent != "" {
		ua += " " + cfg.userAgent
	}
	h.Set("User-Agent", ua)

	st := &retryState{
		policy:     cfg.retry,
		idempotent: e.readOnly || cfg.retryUnsafe || idempotentMethod(e.method),
		now:        time.Now,
	}
	rc := &retryablehttp.Client{
		HTTPClient:   hc,
		RetryMax:     cfg.retry.MaxRetries,
		CheckRetry:   st.checkRetry,
		Backoff:      st.backoffFor,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	start := time.Now()
	resp, err := rc.Do(req)
	c.log(ctx, cfg.logger, e.method, path, resp, err, st.attempts, time.Since(start))
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, cfg, ctxErr
		}
		return nil, cfg, &ConnectionError{Method: e.method, Path: path, Attempts: max(st.attempts, 1), MayHaveSucceeded: st.unsafeFailure, Err: scrubURLError(err)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody)) // let the connection be reused
		return nil, cfg, newAPIError(resp, b, parseRate(resp.Header))
	}
	st.policy.Budget.refund(successRefund)
	return resp, cfg, nil
}

// idempotentMethod reports whether repeating a request with this method is safe.
func idempotentMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// scrubURLError drops the query string from a *url.Error's URL: queries can
// carry emails and other personal data.
func scrubURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		if u, perr := url.Parse(ue.URL); perr == nil {
			u.RawQuery = ""
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}

func (c *Client) log(ctx context.Context, l *slog.Logger, method, path string, resp *http.Response, err error, attempts int, d time.Duration) {
	if l == nil {
		return
	}
	attrs := []slog.Attr{slog.String("method", method), slog.String("path", path), slog.Int("attempts", max(attempts, 1)), slog.Duration("duration", d)}
	if resp != nil {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
		if id := resp.Header.Get("X-Request-Id"); id != "" {
			attrs = append(attrs, slog.String("request_id", id))
		}
	}
	level := slog.LevelDebug
	if err != nil {
		level = slog.LevelWarn
		attrs = append(attrs, slog.String("error", scrubURLError(err).Error()))
	} else if resp != nil && resp.StatusCode >= 400 {
		level = slog.LevelInfo
	}
	l.LogAttrs(ctx, level, "intercom request", attrs...)
}

// Do sends a request to any endpoint with the client's auth, version,
// retries and error handling: the escape hatch for endpoints or fields the
// SDK does not model. path is relative to the base URL ("/contacts/123") and
// may carry a query string; body, when non-nil, is encoded as JSON; a 2xx
// body is decoded into out when out is non-nil (use *json.RawMessage to keep
// it raw). POSTs are treated as non-idempotent unless WithRetryNonIdempotent is given.
func (c *Client) Do(ctx context.Context, method, path string, body, out any, opts ...Option) (*Response, error) {
	if method == "" {
		return nil, invalid("method", "is required")
	}
	if !strings.HasPrefix(path, "/") {
		return nil, invalid("path", "must start with /")
	}
	e := endpoint{method: method, path: path, body: body}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		q, err := url.ParseQuery(path[i+1:])
		if err != nil {
			return nil, invalid("path", "has a malformed query: "+err.Error())
		}
		e.path, e.query = path[:i], q
	}
	if strings.ContainsAny(e.path, "{}") {
		return nil, invalid("path", "must not contain { or }")
	}
	return c.send(ctx, e, out, opts)
}

// call is the one-line body of most service methods: it sends e and decodes
// the response into a new T.
func call[T any](ctx context.Context, c *Client, e endpoint, opts []Option) (*T, *Response, error) {
	out := new(T)
	resp, err := c.send(ctx, e, out, opts)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}
