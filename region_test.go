package intercom

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRegionsReachTheirHosts sends a real request per region through the
// caller's own http.Client, whose transport answers in place of Intercom,
// proving both that the region's host is used and that WithHTTPClient's
// transport is honoured.
func TestRegionsReachTheirHosts(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var calls, auths, versions []string
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		calls = append(calls, r.Method+" "+r.URL.String())
		auths = append(auths, r.Header.Get("Authorization"))
		versions = append(versions, r.Header.Get("Intercom-Version"))
		mu.Unlock()
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Request: r,
			Body: io.NopCloser(strings.NewReader(`{"type":"admin","id":"1","app":{"region":"X"}}`))}, nil
	})}
	for _, opt := range []Option{WithRegion(RegionUS), WithRegion(RegionEU), WithRegion(RegionAU), WithBaseURL("https://proxy.example.com/intercom")} {
		c, err := NewClient("tok", opt, WithHTTPClient(hc))
		require.NoError(t, err)
		me, _, err := c.Admins.Me(context.Background())
		require.NoError(t, err)
		require.Equal(t, ID("1"), me.ID)
	}
	require.Equal(t, []string{
		"GET https://api.intercom.io/me",
		"GET https://api.eu.intercom.io/me",
		"GET https://api.au.intercom.io/me",
		"GET https://proxy.example.com/intercom/me",
	}, calls)
	require.Equal(t, []string{"Bearer tok", "Bearer tok", "Bearer tok", "Bearer tok"}, auths)
	require.Equal(t, []string{"2.10", "2.10", "2.10", "2.10"}, versions)
	require.Zero(t, hc.Timeout, "the caller's client keeps its own settings")
}
