package intercom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-intercom/intercom/internal/http2"
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

// The resource services, one per area of Intercom's API; each is reached
// through the Client field of the same name (client.Contacts, client.Tickets, …).
type (
	// AdminsService covers the workspace's teammates (admins): the admin the
	// token belongs to (Me), listing and fetching admins, setting one away, and
	// the workspace's admin activity logs.
	AdminsService service
	// ArticlesService covers Help Center articles: creating, updating,
	// publishing, listing, deleting and searching them.
	ArticlesService service
	// HelpCenterService covers the Help Centers of a workspace and the
	// collections that group their articles.
	HelpCenterService service
	// CompaniesService covers companies: creating or updating one by its
	// company_id, fetching, listing (by page, sorted or by scroll), deleting,
	// and attaching contacts to them.
	CompaniesService service
	// ContactsService covers contacts, Intercom's users and leads: creating,
	// updating, searching, listing, merging, archiving and deleting them, and
	// listing their companies, segments, subscriptions and tags.
	ContactsService service
	// ConversationsService covers conversations: starting them, replying as
	// an admin or a contact, assigning, snoozing, opening and closing them,
	// adding participants, redacting parts, listing and searching them, and
	// converting them to tickets.
	ConversationsService service
	// DataAttributesService covers data attributes, the standard and custom
	// fields of contacts, companies and conversations: listing them and
	// creating or updating custom ones.
	DataAttributesService service
	// DataEventsService covers data events, the activity a workspace records
	// against its users: submitting events, listing a user's events and
	// sending event summaries.
	DataEventsService service
	// DataExportService covers message data exports: starting an export job
	// for a date range, following or cancelling it, and downloading its
	// gzipped CSV.
	DataExportService service
	// MessagesService covers outbound messages: an in-app or email message
	// sent by an admin to a contact.
	MessagesService service
	// NewsService covers News: news items (drafting, publishing, updating,
	// deleting them) and the newsfeeds they appear in.
	NewsService service
	// NotesService covers the notes admins leave on a contact: adding,
	// listing and fetching them.
	NotesService service
	// SegmentsService covers segments, the saved filters of contacts defined
	// in Intercom's UI: listing and fetching them.
	SegmentsService service
	// SubscriptionTypesService covers subscription types, the kinds of
	// messages contacts can opt in to or out of: listing them and subscribing
	// or unsubscribing a contact.
	SubscriptionTypesService service
	// SwitchService covers Switch: moving a phone caller to a Messenger
	// conversation by sending them a link by SMS.
	SwitchService service
	// TagsService covers tags: creating, renaming, listing and deleting them,
	// and tagging or untagging contacts, companies, conversations and tickets.
	TagsService service
	// TeamsService covers the workspace's teams of admins: listing and
	// fetching them.
	TeamsService service
	// TicketTypeAttributesService covers the attributes of a ticket type, the
	// fields its tickets carry: creating and updating them.
	TicketTypeAttributesService service
	// TicketTypesService covers ticket types, the kinds of tickets a workspace
	// defines: creating, updating, listing and fetching them.
	TicketTypesService service
	// TicketsService covers tickets: creating them for contacts, fetching,
	// updating (state, assignment, attributes), replying to and searching
	// them.
	TicketsService service
	// VisitorsService covers visitors, the anonymous people of the Messenger:
	// fetching and updating them, and converting one to a user or lead.
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
// so the caller's client is never modified. A caller's transport is wrapped
// so that the SDK cannot close its idle connections (go-retryablehttp does so
// after a failed call, which would drop the caller's connections to other
// hosts too); the SDK's own transport is used as it is.
func httpClientFor(cfg settings) *http.Client {
	hc := *cfg.httpClient
	if cfg.timeoutSet || hc.Timeout == 0 {
		hc.Timeout = cfg.timeout
	}
	if cfg.callerHTTPClient {
		hc.Transport = callerTransport(hc.Transport)
	}
	hc.CheckRedirect = redirectPolicy(cfg.httpClient.CheckRedirect)
	return &hc
}

// callerTransport wraps a transport the SDK does not own so that it exposes
// only RoundTrip: http.Client.CloseIdleConnections then leaves it alone. An
// *http.Transport goes in http2.Transport, which keeps http.Client's cheap
// context-deadline path for timeouts (see that package).
func callerTransport(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	if t, ok := rt.(*http.Transport); ok {
		return http2.Wrap(t)
	}
	return roundTripOnly{rt}
}

// roundTripOnly exposes only RoundTrip of the transport it holds.
type roundTripOnly struct{ rt http.RoundTripper }

// RoundTrip sends the request on the held transport.
func (t roundTripOnly) RoundTrip(r *http.Request) (*http.Response, error) { return t.rt.RoundTrip(r) }

// redirectHeaders are the only request headers kept on a redirect to
// another origin: the token, the caller's WithHeader values and the Referer
// (which names the original URL, query included) stay behind.
var redirectHeaders = [...]string{"Accept", "User-Agent", "Intercom-Version"}

// redirectPolicy wraps a redirect policy with the SDK's rules:
//
//   - Only GET and HEAD requests are redirected. Following a redirect of a
//     write would either turn it into a GET (301, 302, 303: the answer to
//     the GET would come back as if it were the write's result) or resend
//     its body to wherever Location says (307, 308). The redirect response
//     is returned instead, and the call fails with a *RedirectError.
//   - Never from https to http: the request (its headers, its query) would
//     cross the network in clear text.
//   - On a redirect to another origin (scheme, host or port), only the
//     headers in redirectHeaders go along. net/http itself keeps
//     Authorization on a redirect to the same host name on another port,
//     and custom headers everywhere.
//   - Never a Referer.
func redirectPolicy(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first, prev := via[0], via[len(via)-1]
		if first.Method != http.MethodGet && first.Method != http.MethodHead {
			return http.ErrUseLastResponse
		}
		if strings.EqualFold(prev.URL.Scheme, "https") && !strings.EqualFold(req.URL.Scheme, "https") {
			return http.ErrUseLastResponse
		}
		req.Header.Del("Referer")
		if !strings.EqualFold(req.URL.Scheme, first.URL.Scheme) || !strings.EqualFold(req.URL.Host, first.URL.Host) {
			h := make(http.Header, len(redirectHeaders))
			for _, k := range redirectHeaders {
				if v := req.Header[k]; len(v) > 0 {
					h[k] = v
				}
			}
			req.Header = h
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

// newResponse wraps r for the caller, with tok (the call's token) replaced
// wherever the server echoed it: in the request id and in the headers. The
// request it exposes is a copy whose Authorization header is redacted: a
// Response may be logged or dumped, and the original header values are
// shared, read-only, by the client's calls. Every Response (success, API
// error, download) is made here.
func newResponse(r *http.Response, tok secret) *Response {
	rr := redactedResponse(r)
	if tok.inHeader(r.Header) {
		if rr == r {
			cp := *r
			rr = &cp
		}
		rr.Header = tok.redactHeader(r.Header)
	}
	return &Response{Response: rr, RequestID: headerValue(rr.Header, hdrRequestID), Rate: parseRate(rr.Header)}
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
	// literalPath marks a path given whole (Client.Do's), not a template.
	literalPath bool
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
		if p == "." || p == ".." {
			// Escaping leaves dots alone, and a front end that normalises
			// paths would turn /contacts/../tags/42 into /tags/42.
			return invalid(name, "must not be a dot segment (path parameter of "+tmpl+")")
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

// maxInitialBuffer bounds the buffer allocated up front for a body from its
// Content-Length: the header is the server's word, not bytes that arrived,
// so a larger body grows the buffer as it actually comes in.
const maxInitialBuffer = 1 << 20

// readBody reads all of r into b[:0], growing it as needed, and stops with
// ErrResponseTooLarge once more than limit bytes arrived (at once when the
// announced size is over limit). sizeHint is the Content-Length (or -1). The
// buffer at most doubles per growth and never grows past limit+1, so reading
// up to the limit costs about twice the limit in allocations, whatever the
// body claims or inflates to. It reads straight into the buffer: no
// io.Reader wrapper is allocated per call.
func readBody(b []byte, r io.Reader, sizeHint, limit int64) ([]byte, error) {
	b = b[:0]
	if sizeHint > limit {
		return b, ErrResponseTooLarge
	}
	if sizeHint > 0 && int64(cap(b)) < sizeHint+1 {
		b = make([]byte, 0, min(sizeHint+1, maxInitialBuffer)) // +1 to see EOF without growing
	}
	if cap(b) == 0 {
		b = make([]byte, 0, min(4096, limit+1))
	}
	for {
		if len(b) == cap(b) {
			if int64(len(b)) > limit {
				return b, ErrResponseTooLarge
			}
			n := int64(cap(b)) * 2
			if sizeHint > int64(cap(b)) && sizeHint+1 < n {
				n = sizeHint + 1 // the announced size, now that bytes back it up
			}
			if n >= limit {
				n = limit + 1 // the last growth: one byte past the limit tells it was passed
			}
			grown := make([]byte, len(b), n)
			copy(grown, b)
			b = grown
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

// exchange is what roundTrip hands back: the raw response (2xx, body open),
// the Response made for the caller, the call's settings and its token (to
// redact from whatever else is built from the response).
type exchange struct {
	resp *http.Response
	r    *Response
	cfg  settings
	tok  secret
}

// send performs a JSON call and decodes a 2xx body into out (when non-nil).
func (c *Client) send(ctx context.Context, e endpoint, out any, opts []Option) (*Response, error) {
	if ctx == nil {
		return nil, invalid("ctx", "is nil")
	}
	cfg, hc, err := c.callSettings(opts)
	if err != nil {
		return nil, err
	}
	obs := cfg.watchers()
	if len(obs) == 0 {
		return c.exchange(ctx, cfg, hc, e, out, nil)
	}
	w := startCall(ctx, obs, &cfg, e, "")
	r, err := c.exchange(w.ctx, cfg, hc, e, out, w)
	w.done(r, err)
	return r, err
}

// exchange is send once the call's settings are known: the round trip,
// then reading and decoding the body. w, when non-nil, is told of each
// attempt.
func (c *Client) exchange(ctx context.Context, cfg settings, hc *http.Client, e endpoint, out any, w *callWatch) (*Response, error) {
	x, err := c.roundTrip(ctx, cfg, hc, e, w)
	if err != nil {
		// An API error still gives the caller a Response (status, request id,
		// rate-limit state), as a success does.
		return x.r, err
	}
	resp, r := x.resp, x.r
	defer resp.Body.Close()
	bp := c.getBuffer()
	body, readErr := readBody(*bp, resp.Body, resp.ContentLength, cfg.maxResponseBytes)
	defer c.putBuffer(bp, body)
	decodeErr := func(snip []byte, err error) error {
		return &DecodeError{StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), RequestID: r.RequestID,
			Snippet: x.tok.snippet(snip), Err: err}
	}
	if readErr == ErrResponseTooLarge {
		// Read a little further, so that a body just over the limit does
		// not cost the connection.
		_, _ = io.CopyN(io.Discard, resp.Body, maxDrain)
		return r, decodeErr(nil, fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, cfg.maxResponseBytes))
	}
	if readErr != nil {
		return r, decodeErr(body, fmt.Errorf("reading body: %w", readErr))
	}
	if cfg.responseBody != nil {
		*cfg.responseBody = append((*cfg.responseBody)[:0], body...)
	}
	trimmed := bytes.TrimSpace(body)
	if out == nil || len(trimmed) == 0 {
		if out != nil && resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusAccepted {
			return r, decodeErr(nil, io.ErrUnexpectedEOF)
		}
		return r, nil
	}
	if err := checkJSONKind(out, trimmed[0]); err != nil {
		// null where an object is due would otherwise decode to an empty
		// model and no error (so would a string or an array, into a model
		// with a lenient decoder of its own).
		return r, decodeErr(body, err)
	}
	if err := decodeJSON(body, out); err != nil {
		return r, decodeErr(body, err)
	}
	return r, nil
}

// checkJSONKind returns a *json.UnmarshalTypeError when a JSON value
// starting with first cannot be what *out is: anything but an object for a
// struct or map, anything but an array for a slice (raw bytes excepted).
// Bytes that start no JSON value are left to the decoder's syntax error.
func checkJSONKind(out any, first byte) error {
	t := reflect.TypeOf(out)
	if t == nil || t.Kind() != reflect.Pointer {
		return nil
	}
	var want byte
	switch t = t.Elem(); t.Kind() {
	case reflect.Struct, reflect.Map:
		want = '{'
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil // json.RawMessage and friends take anything
		}
		want = '['
	default:
		return nil
	}
	if first == want {
		return nil
	}
	var got string
	switch {
	case first == '{':
		got = "object"
	case first == '[':
		got = "array"
	case first == '"':
		got = "string"
	case first == 'n':
		got = "null"
	case first == 't', first == 'f':
		got = "bool"
	case first == '-', first >= '0' && first <= '9':
		got = "number"
	default:
		return nil
	}
	return &json.UnmarshalTypeError{Value: got, Type: t}
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

	// For observed calls only: the watch, the call's token (to redact
	// request ids), and the current attempt's number, start and throttle wait.
	watch        *callWatch
	tok          secret
	n            int
	start        time.Time
	throttleWait time.Duration
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
	retry, checkErr := a.st.checkRetry(ctx, resp, err)
	if a.watch != nil {
		a.n++
		at := Attempt{N: a.n, Start: a.start, Duration: time.Since(a.start), ThrottleWait: a.throttleWait, Retry: retry}
		at.StatusCode, at.RequestID, at.Rate = attemptOutcome(resp, a.tok)
		if err != nil {
			at.Err = scrubURLError(err)
		}
		if retry {
			at.Wait, at.Reason = a.st.nextWait, a.st.reason
		}
		a.watch.attemptDone(at)
	}
	return retry, checkErr
}

// backoff returns the wait checkRetry chose.
func (a *attempt) backoff(lo, hi time.Duration, n int, resp *http.Response) time.Duration {
	return a.st.backoffFor(lo, hi, n, resp)
}

// prepareRetry holds each retry for the limiter, as the first attempt is.
func (a *attempt) prepareRetry(req *http.Request) error {
	var start time.Time
	if a.watch != nil {
		start = time.Now()
	}
	if a.throttle != nil {
		var err error
		if a.ticket, err = a.throttle.Admit(req.Context()); err != nil {
			return err
		}
	}
	if a.watch != nil {
		a.start = time.Now()
		if a.throttle != nil {
			a.throttleWait = a.start.Sub(start)
		}
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
	a.watch, a.tok, a.n, a.start, a.throttleWait = nil, "", 0, time.Time{}, 0
	attemptPool.Put(a)
}

// roundTrip sends the request with retries. On a 2xx it returns the
// response with its body open; otherwise an error (an *APIError for other
// statuses, a *RedirectError for a redirect not followed), with x.r set
// whenever a response arrived.
func (c *Client) roundTrip(ctx context.Context, cfg settings, hc *http.Client, e endpoint, w *callWatch) (x exchange, err error) {
	x.cfg = cfg
	if err := checkVersion(cfg.apiVersion, e); err != nil {
		return x, err // the version lacks the endpoint or a field the call sets
	}
	target, pathEnd, err := requestURL(cfg.base, e)
	if err != nil {
		return x, err
	}
	path := target[len(cfg.base):pathEnd] // no query: it can carry personal data
	var body []byte
	if e.body != nil {
		if err := checkNulls(e.body); err != nil {
			return x, err
		}
		if body, err = encodeBody(e.body); err != nil {
			return x, fmt.Errorf("intercom: encoding request body: %w", err)
		}
	}
	var ticket Permit
	throttleStart := time.Now()
	if cfg.limiter != nil {
		if ticket, err = cfg.limiter.Admit(ctx); err != nil {
			return x, err
		}
	}
	auth, err := c.authHeader(ctx, cfg)
	if err != nil {
		return x, err
	}
	x.tok = secretOf(auth[0])

	a := attemptPool.Get().(*attempt)
	defer a.release()
	a.throttle, a.ticket = cfg.limiter, ticket
	if w != nil {
		a.watch, a.tok, a.start = w, x.tok, time.Now()
		if cfg.limiter != nil {
			a.throttleWait = a.start.Sub(throttleStart)
		}
	}
	hreq, err := http.NewRequestWithContext(ctx, e.method, target, nil)
	if err != nil {
		return x, fmt.Errorf("intercom: building request: %w", err)
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
			return x, fmt.Errorf("intercom: building request: %w", err)
		}
	}
	idempotent := e.readOnly || cfg.retryUnsafe || idempotentMethod(e.method)
	a.st = retryState{
		policy:     cfg.retry,
		idempotent: idempotent,
		now:        time.Now,
	}
	a.rc.HTTPClient = hc
	a.rc.RetryMax = cfg.retry.MaxRetries
	resp, err := a.rc.Do(&a.req)
	st := &a.st
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			if st.unsafeFailure {
				// The caller's deadline cut off a write that may have arrived.
				return x, &ConnectionError{Method: e.method, Path: path, Attempts: max(st.attempts, 1), MayHaveSucceeded: true, Err: ctxErr}
			}
			return x, ctxErr
		}
		return x, &ConnectionError{Method: e.method, Path: path, Attempts: max(st.attempts, 1), MayHaveSucceeded: st.unsafeFailure, Err: scrubURLError(err)}
	}
	x.r = newResponse(resp, x.tok)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody)) // let the connection be reused
		if loc := resp.Header.Get("Location"); loc != "" && resp.StatusCode >= 300 && resp.StatusCode <= 399 {
			return x, &RedirectError{Method: e.method, Path: path, StatusCode: resp.StatusCode, Location: x.tok.redact(loc),
				RequestID: x.r.RequestID, MayHaveSucceeded: !idempotent && writeRedirectMayHaveSucceeded(resp.StatusCode)}
		}
		return x, newAPIError(x.r, b, x.tok)
	}
	st.policy.Budget.refund(successRefund)
	x.resp = resp
	return x, nil
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
	e := endpoint{method: method, path: path, body: body, literalPath: true}
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
	for seg := range strings.SplitSeq(e.path, "/") {
		if seg == "." || seg == ".." {
			return nil, invalid("path", "must not contain a dot segment")
		}
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
	// MarshalJSON methods (Opt's, the request types' own) encode with
	// json.Marshal, which escapes HTML whatever the outer encoder says.
	return unescapeHTML(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// unescapeHTML turns the \u003c, \u003e and \u0026 escapes of a JSON text
// back into <, > and &, in place; every other escape is left as it is.
func unescapeHTML(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u00`)) {
		return b
	}
	out := b[:0] // never longer than b, and written behind the reading
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+5 < len(b) && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' {
			var r byte
			switch string(b[i+4 : i+6]) {
			case "3c":
				r = '<'
			case "3e":
				r = '>'
			case "26":
				r = '&'
			}
			if r != 0 {
				out = append(out, r)
				i += 5
				continue
			}
		}
		out = append(out, c) // the backslash and the character it escapes
		if i+1 < len(b) {
			i++
			out = append(out, b[i])
		}
	}
	return out
}
