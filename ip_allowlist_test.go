package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestIPAllowlist(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()

	got, rec := exercise(t, srv, "getIpAllowlist", "IPAllowlist.Get", func() (*IPAllowlist, *Response, error) {
		return c.IPAllowlist.Get(ctx)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ip_allowlist")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &IPAllowlist{Type: "ip_allowlist", Enabled: true, IPAllowlist: []string{"192.168.1.0/24", "10.0.0.1"}}, got)

	upd, rec := exercise(t, srv, "updateIpAllowlist", "IPAllowlist.Update", func() (*IPAllowlist, *Response, error) {
		return c.IPAllowlist.Update(ctx, IPAllowlistUpdateRequest{Enabled: Some(true), IPAllowlist: Some([]string{"192.168.1.0/24", "10.0.0.1"})})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/ip_allowlist")
	testJSONBody(t, rec, `{"enabled":true,"ip_allowlist":["192.168.1.0/24","10.0.0.1"]}`)
	require.True(t, upd.Enabled)

	// Disabling and emptying are distinct from leaving alone.
	_, _, err := c.IPAllowlist.Update(ctx, IPAllowlistUpdateRequest{Enabled: Some(false), IPAllowlist: Some([]string{})})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"enabled":false,"ip_allowlist":[]}`)
	_, _, err = c.IPAllowlist.Update(ctx, IPAllowlistUpdateRequest{Enabled: Some(false)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"enabled":false}`)

	n := len(srv.Requests())
	_, _, err = c.IPAllowlist.Update(ctx, IPAllowlistUpdateRequest{IPAllowlist: Null[[]string]()})
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestIPAllowlistVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.IPAllowlist.Get(context.Background())
	requireVersionErr(t, err, "2.10", "GET", "/ip_allowlist", "getIpAllowlist", "", "2.14", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
