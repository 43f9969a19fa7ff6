package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegionsReachTheirHosts sends a real request per region through the
// caller's own http.Client, intercepted by httpmock, proving both that the
// region's host is used and that WithHTTPClient's transport is honoured.
func TestRegionsReachTheirHosts(t *testing.T) {
	hc := &http.Client{}
	httpmock.ActivateNonDefault(hc)
	t.Cleanup(httpmock.DeactivateAndReset)

	for _, tc := range []struct {
		opt  Option
		host string
	}{
		{WithRegion(RegionUS), "https://api.intercom.io"},
		{WithRegion(RegionEU), "https://api.eu.intercom.io"},
		{WithRegion(RegionAU), "https://api.au.intercom.io"},
		{WithBaseURL("https://proxy.example.com/intercom"), "https://proxy.example.com/intercom"},
	} {
		var gotAuth, gotVersion string
		httpmock.RegisterResponder(http.MethodGet, tc.host+"/me", func(r *http.Request) (*http.Response, error) {
			gotAuth, gotVersion = r.Header.Get("Authorization"), r.Header.Get("Intercom-Version")
			return httpmock.NewStringResponse(200, `{"type":"admin","id":"1","app":{"region":"X"}}`), nil
		})
		c, err := NewClient("tok", tc.opt, WithHTTPClient(hc))
		require.NoError(t, err)
		me, _, err := c.Admins.Me(context.Background())
		require.NoError(t, err, tc.host)
		assert.Equal(t, ID("1"), me.ID)
		assert.Equal(t, "Bearer tok", gotAuth)
		assert.Equal(t, "2.10", gotVersion)
	}
	info := httpmock.GetCallCountInfo()
	assert.Equal(t, 1, info["GET https://api.eu.intercom.io/me"])
	assert.Equal(t, 1, info["GET https://proxy.example.com/intercom/me"])
	assert.Zero(t, hc.Timeout, "the caller's client keeps its own settings")
}
