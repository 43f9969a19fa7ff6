package intercomtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// reply is what a handler answers.
type reply struct {
	status      int
	body        any      // encoded as JSON; nil sends no body
	err         *wireErr // an error.list body, with the request's id
	raw         []byte   // sent as-is with contentType when non-nil
	contentType string
	// location is the Location of a redirect, a path from the server's root.
	location string
	// rateLimited marks a 429 injected by FailNext: its rate-limit headers
	// say the window is spent and resets within a second or two.
	rateLimited bool
}

// wireErr is one entry of an error.list.
type wireErr struct{ code, message, field string }

func ok(body any) reply { return reply{status: http.StatusOK, body: body} }

func errReply(status int, code, message string) reply {
	return reply{status: status, err: &wireErr{code: code, message: message}}
}

func fieldErr(status int, code, field, message string) reply {
	return reply{status: status, err: &wireErr{code: code, message: message, field: field}}
}

func notFound(code, message string) reply { return errReply(http.StatusNotFound, code, message) }

func badRequest(field, message string) reply {
	return fieldErr(http.StatusBadRequest, "parameter_invalid", field, message)
}

// errorFor is the error answered by FailNext for a status.
func errorFor(status int) reply {
	code := map[int]string{
		400: "bad_request", 401: "unauthorized", 403: "api_plan_restricted", 404: "not_found",
		409: "conflict", 422: "parameter_invalid", 429: "rate_limit_exceeded",
		500: "server_error", 502: "bad_gateway", 503: "service_unavailable", 504: "gateway_timeout",
	}[status]
	if code == "" {
		code = "error"
	}
	msg := http.StatusText(status)
	if msg == "" {
		msg = "Error " + strconv.Itoa(status)
	}
	rp := errReply(status, code, msg)
	rp.rateLimited = status == http.StatusTooManyRequests
	return rp
}

// call is one request as a handler sees it.
type call struct {
	srv    *Server
	st     *state
	r      *http.Request
	path   string
	params map[string]string
	query  url.Values
	raw    []byte
	now    int64
	// version is the request's Intercom-Version.
	version string

	body    map[string]any
	decoded bool
}

// param returns a path parameter.
func (c *call) param(name string) string { return c.params[name] }

// json decodes the body as a JSON object (numbers as json.Number); an empty
// body is an empty object. A body that is not an object is a 400.
func (c *call) json() (map[string]any, *reply) {
	if c.decoded {
		return c.body, nil
	}
	c.decoded = true
	c.body = map[string]any{}
	trimmed := bytes.TrimSpace(c.raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		return c.body, nil
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		rp := errReply(http.StatusBadRequest, "bad_request", "The request body is not a JSON object: "+err.Error())
		return nil, &rp
	}
	if m != nil {
		c.body = m
	}
	return c.body, nil
}

// handler answers a request; the server's lock is held.
type handler func(c *call) reply

// route is a method and path template with its handler or fixture, or
// neither for an endpoint of a later API version the server does not model.
type route struct {
	method   string
	template string
	segs     []string
	literals int
	h        handler
	fixture  *fixture
	// versions are the API versions that have the endpoint (nil: unknown);
	// operationID is its operationId in the newest of them.
	versions    map[string]bool
	operationID string
}

// router matches requests to routes by the spec's path templates.
type router struct {
	routes []*route
}

func newRouter() *router {
	rt := &router{}
	registerRoutes(rt)
	for _, f := range loadFixtures() {
		rt.addFixture(f)
	}
	rt.addEndpoints(loadEndpoints())
	return rt
}

// addEndpoints tells each route which API versions have its endpoint, and
// adds a route without an answer for each endpoint of a later version that
// no handler or fixture serves, so that a request for one matches it
// rather than a 2.10 route with a placeholder where its literal is
// (GET /conversations/deleted is not GET /conversations/{id}).
func (rt *router) addEndpoints(eps []fixtureEndpoint) {
	for _, e := range eps {
		versions := make(map[string]bool, len(e.Versions))
		for _, v := range e.Versions {
			versions[v] = true
		}
		var found *route
		for _, r := range rt.routes {
			if r.method == e.Method && r.template == e.Path {
				found = r
				break
			}
		}
		if found == nil {
			found = newRoute(e.Method, e.Path, nil, nil)
			rt.routes = append(rt.routes, found)
		}
		found.versions, found.operationID = versions, e.OperationID
	}
}

func splitPath(p string) []string { return strings.Split(strings.Trim(p, "/"), "/") }

// add registers a stateful handler.
func (rt *router) add(method, template string, h handler) {
	rt.routes = append(rt.routes, newRoute(method, template, h, nil))
}

// addFixture registers a replayed example unless a handler has the route.
func (rt *router) addFixture(f *fixture) {
	for _, r := range rt.routes {
		if r.method == f.method && r.template == f.template {
			return
		}
	}
	rt.routes = append(rt.routes, newRoute(f.method, f.template, nil, f))
}

func newRoute(method, template string, h handler, f *fixture) *route {
	r := &route{method: method, template: template, segs: splitPath(template), h: h, fixture: f}
	for _, s := range r.segs {
		if !isParam(s) {
			r.literals++
		}
	}
	return r
}

// rank orders routes that fit a path equally well: a handler, then a
// fixture, then a route the server does not answer.
func (r *route) rank() int {
	switch {
	case r.h != nil:
		return 2
	case r.fixture != nil:
		return 1
	}
	return 0
}

func isParam(seg string) bool { return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") }

// match finds the route of method and the escaped path: among the
// templates the path fits, the one with the most literal segments wins
// (/companies/scroll before /companies/{id}), then the one with a handler. pathKnown reports whether
// some route fits the path with another method.
func (rt *router) match(method, path string) (best *route, params map[string]string, pathKnown bool) {
	segs := splitPath(path)
	for _, r := range rt.routes {
		if len(r.segs) != len(segs) {
			continue
		}
		fits := true
		for i, s := range r.segs {
			if !isParam(s) && s != segs[i] {
				fits = false
				break
			}
		}
		if !fits {
			continue
		}
		if r.method != method {
			pathKnown = true
			continue
		}
		if best == nil || r.literals > best.literals || (r.literals == best.literals && r.rank() > best.rank()) {
			best = r
		}
	}
	if best == nil {
		return nil, nil, pathKnown
	}
	params = map[string]string{}
	for i, s := range best.segs {
		if isParam(s) {
			v, err := url.PathUnescape(segs[i])
			if err != nil {
				v = segs[i]
			}
			params[strings.Trim(s, "{}")] = v
		}
	}
	return best, params, pathKnown
}

// registerRoutes registers every stateful operation.
func registerRoutes(rt *router) {
	registerWorkspace(rt)
	registerContacts(rt)
	registerCompanies(rt)
	registerConversations(rt)
	registerTickets(rt)
	registerTicketStates(rt)
	registerCustomObjects(rt)
	registerInternalArticles(rt)
	registerConversationExtras(rt)
	registerContactExtras(rt)
	registerTicketLinks(rt)
	registerTags(rt)
	registerNotes(rt)
	registerEvents(rt)
	registerExports(rt)
}
