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
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
	hdr  clientHeaders
	// spare is a body buffer kept across garbage collections (which empty
	// bufPool), so that a client used from one goroutine at a time, such as
	// a pagination loop, always reads into the same buffer.
	spare atomic.Pointer[[]byte]

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
	cfg := settings{
		base:             BaseURLUS,
		httpClient:       &http.Client{Transport: newTransport()},
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
	c.hdr = headersFor(cfg)
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

// newTransport returns the transport of a client created without
// WithHTTPClient: its own copy of http.DefaultTransport, so that closing idle
// connections after a failed call (go-retryablehttp does) touches only this
// client's connections, with room for concurrent callers to keep theirs.
func newTransport() http.RoundTripper {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	t = t.Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}

// BaseURL returns the base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.cfg.base }

// clientHeaders are the header values every call of a client sends, built
// once. Requests share these slices (transports only read request headers),
// so a call allocates no header values of its own.
type clientHeaders struct {
	token     string   // the static token auth was built for, if any
	auth      []string // "Bearer " + token
	version   string
	versionHd []string
	userAgent string
	uaHd      []string
}

// The values of the headers that do not depend on settings.
var (
	acceptJSON      = []string{"application/json"}
	contentTypeJSON = []string{"application/json"}
)

// headersFor builds the header values of a client's settings.
func headersFor(cfg settings) clientHeaders {
	h := clientHeaders{version: cfg.apiVersion, versionHd: []string{cfg.apiVersion},
		userAgent: cfg.userAgent, uaHd: []string{userAgentFor(cfg.userAgent)}}
	if st, ok := cfg.tokens.(StaticToken); ok {
		h.token, h.auth = string(st), []string{"Bearer " + string(st)}
	}
	return h
}

// userAgentFor is the SDK's user agent followed by the caller's product token.
func userAgentFor(extra string) string {
	if extra == "" {
		return userAgentBase
	}
	return userAgentBase + " " + extra
}

// httpClientFor copies the configured HTTP client and applies the timeout,
// so the caller's client is never modified.
func httpClientFor(cfg settings) *http.Client {
	hc := *cfg.httpClient
	if cfg.timeoutSet || hc.Timeout == 0 {
		hc.Timeout = cfg.timeout
	}
	hc.CheckRedirect = sameOriginRedirects(cfg.httpClient.CheckRedirect)
	return &hc
}

// sameOriginRedirects wraps a redirect policy so that the token is dropped
// whenever a redirect changes scheme, host or port: net/http itself keeps
// Authorization on a redirect to the same host name on another port, and
// from https to http.
func sameOriginRedirects(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first := via[0].URL
		if !strings.EqualFold(req.URL.Scheme, first.Scheme) || !strings.EqualFold(req.URL.Host, first.Host) {
			req.Header.Del("Authorization")
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
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

// The rate-limit headers in canonical form, so that reading them does not
// canonicalize (and allocate) on every response.
const (
	hdrRateLimit     = "X-Ratelimit-Limit"
	hdrRateRemaining = "X-Ratelimit-Remaining"
	hdrRateReset     = "X-Ratelimit-Reset"
	hdrRequestID     = "X-Request-Id"
)

// headerValue is h.Get for a key already in canonical form.
func headerValue(h http.Header, canonicalKey string) string {
	if v := h[canonicalKey]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func parseRate(h http.Header) Rate {
	var r Rate
	if v := headerValue(h, hdrRateLimit); v != "" {
		r.Limit, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, hdrRateRemaining); v != "" {
		r.Remaining, _ = strconv.Atoi(v)
	}
	if v := headerValue(h, hdrRateReset); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			r.Reset = time.Unix(sec, 0)
		}
	}
	return r
}

// Response wraps the HTTP response of a call. Its body has been read and
// closed, except for streaming downloads. It is returned for API errors too
// (non-2xx statuses), and is nil only when no response arrived or the call
// failed before sending.
type Response struct {
	*http.Response
	// RequestID is Intercom's X-Request-Id, when sent.
	RequestID string
	// Rate is the rate-limit state reported with the response.
	Rate Rate
}

// newResponse wraps r for the caller. The request it exposes is a copy whose
// Authorization header is redacted: a Response may be logged or dumped, and
// the original header values are shared, read-only, by the client's calls.
func newResponse(r *http.Response) *Response {
	token := sentToken(r.Request)
	return &Response{Response: redactedResponse(r), RequestID: redact(headerValue(r.Header, hdrRequestID), token), Rate: parseRate(r.Header)}
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

// writePath writes tmpl to b with its placeholders filled by escaped params.
func writePath(b *strings.Builder, tmpl string, params []string) error {
	rest := tmpl
	for _, p := range params {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			return fmt.Errorf("intercom: path %s has fewer parameters than given", tmpl)
		}
		name := rest[i+1 : j]
		if strings.TrimSpace(p) == "" {
			return invalid(name, "is required (path parameter of "+tmpl+")")
		}
		b.WriteString(rest[:i])
		b.WriteString(url.PathEscape(p))
		rest = rest[j+1:]
	}
	b.WriteString(rest)
	return nil
}

// requestURL builds base + the expanded path + the encoded query in one
// allocation (plus the query's own encoding). It returns the URL and the
// length of its base+path part, for logs and errors that must not show the
// query.
func requestURL(base string, e endpoint) (target string, pathEnd int, err error) {
	var b strings.Builder
	n := len(base) + len(e.path)
	for _, p := range e.params {
		n += len(p)
	}
	if e.query != nil {
		n += 64 // room for a typical query; a longer one grows the builder
	}
	b.Grow(n)
	b.WriteString(base)
	if err := writePath(&b, e.path, e.params); err != nil {
		return "", 0, err
	}
	pathEnd = b.Len()
	var q string
	switch v := e.query.(type) {
	case nil:
	case url.Values:
		q = v.Encode()
	default:
		vals, err := query.Values(v)
		if err != nil {
			return "", 0, fmt.Errorf("intercom: encoding query: %w", err)
		}
		q = vals.Encode()
	}
	if q != "" {
		b.WriteByte('?')
		b.WriteString(q)
	}
	return b.String(), pathEnd, nil
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
var bufPool = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer is the largest body buffer kept for reuse, and
// maxSpareBuffer the largest a client keeps as its spare.
const (
	maxPooledBuffer = 4 << 20
	maxSpareBuffer  = 1 << 20
)

// getBuffer returns the client's spare body buffer, or one from the pool.
func (c *Client) getBuffer() *[]byte {
	if bp := c.spare.Swap(nil); bp != nil {
		return bp
	}
	return bufPool.Get().(*[]byte)
}

// putBuffer keeps b (the buffer of bp, maybe regrown) for the next call.
func (c *Client) putBuffer(bp *[]byte, b []byte) {
	if cap(b) > maxPooledBuffer {
		return
	}
	*bp = b[:0]
	if cap(b) <= maxSpareBuffer && c.spare.CompareAndSwap(nil, bp) {
		return
	}
	bufPool.Put(bp)
}

// maxDrain is how much of an unwanted body is read (and discarded) so that
// its connection can be reused; beyond it the connection is dropped.
const maxDrain = 256 << 10

// readBody reads all of r into b[:0], growing it as needed, and stops with
// ErrResponseTooLarge once more than limit bytes arrived. sizeHint is the
// Content-Length (or -1). It reads straight into the buffer: no io.Reader
// wrapper is allocated per call.
func readBody(b []byte, r io.Reader, sizeHint, limit int64) ([]byte, error) {
	b = b[:0]
	if sizeHint > 0 && sizeHint <= limit && int64(cap(b)) < sizeHint+1 {
		b = make([]byte, 0, sizeHint+1) // +1 to see EOF without growing
	}
	if cap(b) == 0 {
		b = make([]byte, 0, 4096)
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return b, ErrResponseTooLarge
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// send performs a JSON call and decodes a 2xx body into out (when non-nil).
func (c *Client) send(ctx context.Context, e endpoint, out any, opts []Option) (*Response, error) {
	resp, cfg, err := c.roundTrip(ctx, e, opts)
	if err != nil {
		// An API error still gives the caller a Response (status, request id,
		// rate-limit state), as a success does.
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.Response != nil {
			return newResponse(apiErr.Response), err
		}
		return nil, err
	}
	defer resp.Body.Close()
	r := newResponse(resp)
	bp := c.getBuffer()
	body, readErr := readBody(*bp, resp.Body, resp.ContentLength, cfg.maxResponseBytes)
	defer c.putBuffer(bp, body)
	if readErr == ErrResponseTooLarge {
		// Read a little further, so that a body just over the limit does
		// not cost the connection.
		_, _ = io.CopyN(io.Discard, resp.Body, maxDrain)
		return r, &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
			Err: fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, cfg.maxResponseBytes)}
	}
	if readErr != nil {
		return r, &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
			Snippet: redactedSnippet(body, sentToken(resp.Request)), Err: fmt.Errorf("reading body: %w", readErr)}
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
			Snippet: redactedSnippet(body, sentToken(resp.Request)), Err: err}
	}
	return r, nil
}

// attempt carries one call through retryablehttp: the retrying client, the
// request and the retry state. They are pooled, and the hooks handed to
// retryablehttp are bound to the attempt once, when it is created, so a
// call allocates none of them.
type attempt struct {
	rc       retryablehttp.Client
	req      retryablehttp.Request
	st       retryState
	throttle Limiter
	ticket   Permit // the limiter's ticket of the current attempt
}

var attemptPool = sync.Pool{New: func() any {
	a := new(attempt)
	a.rc.CheckRetry = a.checkRetry
	a.rc.Backoff = a.backoff
	a.rc.PrepareRetry = a.prepareRetry
	a.rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	return a
}}

// checkRetry runs after every attempt: it tells the limiter that the
// attempt is over and what the response said, then applies the retry policy.
func (a *attempt) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if a.throttle != nil {
		a.throttle.Done(a.ticket, feedbackFor(resp))
		a.ticket = 0
	}
	return a.st.checkRetry(ctx, resp, err)
}

// backoff returns the wait checkRetry chose.
func (a *attempt) backoff(lo, hi time.Duration, n int, resp *http.Response) time.Duration {
	return a.st.backoffFor(lo, hi, n, resp)
}

// prepareRetry holds each retry for the limiter, as the first attempt is.
func (a *attempt) prepareRetry(req *http.Request) error {
	if a.throttle != nil {
		var err error
		a.ticket, err = a.throttle.Admit(req.Context())
		return err
	}
	return nil
}

// release returns the attempt to the pool without keeping the call's
// request, client or policy alive.
func (a *attempt) release() {
	a.req = retryablehttp.Request{}
	a.st = retryState{}
	a.rc.HTTPClient = nil
	a.throttle = nil
	a.ticket = 0
	attemptPool.Put(a)
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
	target, pathEnd, err := requestURL(cfg.base, e)
	if err != nil {
		return nil, cfg, err
	}
	path := target[len(cfg.base):pathEnd] // no query: it can carry personal data
	var body []byte
	if e.body != nil {
		if body, err = encodeBody(e.body); err != nil {
			return nil, cfg, fmt.Errorf("intercom: encoding request body: %w", err)
		}
	}
	start := time.Now()
	var ticket Permit
	if cfg.limiter != nil {
		if ticket, err = cfg.limiter.Admit(ctx); err != nil {
			return nil, cfg, err
		}
	}
	auth, err := c.authHeader(ctx, cfg)
	if err != nil {
		return nil, cfg, err
	}

	a := attemptPool.Get().(*attempt)
	defer a.release()
	a.throttle, a.ticket = cfg.limiter, ticket
	hreq, err := http.NewRequestWithContext(ctx, e.method, target, nil)
	if err != nil {
		return nil, cfg, fmt.Errorf("intercom: building request: %w", err)
	}
	h := hreq.Header
	for k, vs := range cfg.header {
		h[k] = vs[:len(vs):len(vs)] // shared read-only; an append by a transport copies
	}
	h["Authorization"] = auth
	if cfg.apiVersion == c.hdr.version {
		h["Intercom-Version"] = c.hdr.versionHd
	} else {
		h["Intercom-Version"] = []string{cfg.apiVersion}
	}
	if e.accept == "" {
		h["Accept"] = acceptJSON
	} else {
		h["Accept"] = []string{e.accept}
	}
	if body != nil {
		h["Content-Type"] = contentTypeJSON
	}
	if cfg.userAgent == c.hdr.userAgent {
		h["User-Agent"] = c.hdr.uaHd
	} else {
		h["User-Agent"] = []string{userAgentFor(cfg.userAgent)}
	}

	a.req.Request = hreq
	if body != nil {
		if err := a.req.SetBody(body); err != nil {
			return nil, cfg, fmt.Errorf("intercom: building request: %w", err)
		}
	}
	a.st = retryState{
		policy:     cfg.retry,
		idempotent: e.readOnly || cfg.retryUnsafe || idempotentMethod(e.method),
		now:        time.Now,
	}
	a.rc.HTTPClient = hc
	a.rc.RetryMax = cfg.retry.MaxRetries
	resp, err := a.rc.Do(&a.req)
	st := &a.st
	c.log(ctx, cfg.logger, e.method, path, resp, err, st.attempts, time.Since(start))
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			if st.unsafeFailure {
				// The caller's deadline cut off a write that may have arrived.
				return nil, cfg, &ConnectionError{Method: e.method, Path: path, Attempts: max(st.attempts, 1), MayHaveSucceeded: true, Err: ctxErr}
			}
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

// authHeader returns the Authorization value for a call: the client's
// prebuilt one for its static token, else one built from the token source.
func (c *Client) authHeader(ctx context.Context, cfg settings) ([]string, error) {
	if st, ok := cfg.tokens.(StaticToken); ok && c.hdr.auth != nil && string(st) == c.hdr.token {
		return c.hdr.auth, nil
	}
	token, err := cfg.tokens.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("intercom: token source: %w", err)
	}
	if token == "" {
		return nil, ErrMissingToken
	}
	return []string{"Bearer " + token}, nil
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
		if id := headerValue(resp.Header, hdrRequestID); id != "" {
			attrs = append(attrs, slog.String("request_id", redact(id, sentToken(resp.Request))))
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

// encodeBody encodes a request body as compact JSON without HTML escaping,
// so "<", ">" and "&" (search operators, HTML message bodies) go on the wire
// as written instead of as \u003c escapes.
func encodeBody(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
