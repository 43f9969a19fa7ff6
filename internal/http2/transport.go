// Package http2 holds Transport, a RoundTripper that hides the
// CloseIdleConnections method of the transport it wraps. It is named http2
// for net/http's sake: http.Client applies its Timeout to a transport it
// does not know with a timer, a cancel channel and a goroutine per request,
// but to one whose type reads "*http2.Transport" (the x/net/http2
// transport) with a context deadline, as it does for *http.Transport. The
// SDK wraps only transports that honour request contexts in it.
package http2

import "net/http"

// Transport sends requests on an *http.Transport without exposing its
// CloseIdleConnections.
type Transport struct{ t *http.Transport }

// Wrap returns a Transport sending on t.
func Wrap(t *http.Transport) *Transport { return &Transport{t: t} }

// RoundTrip sends the request on the wrapped transport.
func (t *Transport) RoundTrip(r *http.Request) (*http.Response, error) { return t.t.RoundTrip(r) }
