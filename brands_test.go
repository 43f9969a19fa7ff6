package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBrandsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listBrands", "Brands.List", func() (*BrandList, *Response, error) {
		return c.Brands.List(ctx)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/brands")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Len(t, got.Data, 2)
	require.Equal(t, Brand{Type: "brand", ID: "tlkp1d91", Name: "Default Brand", IsDefault: true, CreatedAt: 1673778600,
		UpdatedAt: 1711031100, HelpCenterID: "11", DefaultAddressSettingsID: "13"}, got.Data[0])
	require.False(t, got.Data[1].IsDefault)

	c10, srv10 := newSpecClient(t)
	_, _, err := c10.Brands.List(ctx)
	requireEndpointGated(t, srv10, err, "listBrands")
}

func TestBrandsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "retrieveBrand", "Brands.Get", func() (*Brand, *Response, error) {
		return c.Brands.Get(ctx, "15")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/brands/15")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("15"), got.ID)
	require.Equal(t, "Premium Brand", got.Name)
	require.Equal(t, ID("20"), got.HelpCenterID)

	srv.Respond("retrieveBrand", 404, "")
	_, _, err := c.Brands.Get(ctx, "nope")
	require.ErrorIs(t, err, ErrNotFound)

	_, _, err = c.Brands.Get(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
}
