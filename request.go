package intercom

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"

	"github.com/google/go-querystring/query"
)

// This file holds the one request path every method goes through: endpoint
// (what a method sends), send and call (encode, exchange, decode) and Do.

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
