package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEmailsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listEmails", "Emails.List", func() (*EmailSettingList, *Response, error) {
		return c.Emails.List(ctx)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/emails")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Len(t, got.Data, 2)
	require.Equal(t, EmailSetting{Type: "email_setting", ID: "1", Email: "support@company.com", Verified: true, Domain: "company.com",
		BrandID: "9", ForwardingEnabled: true, ForwardedEmailLastReceivedAt: 1710498600, CreatedAt: 1692530400, UpdatedAt: 1710498600}, got.Data[0])
	require.Zero(t, got.Data[1].ForwardedEmailLastReceivedAt, "null is zero")

	c10, srv10 := newSpecClient(t)
	_, _, err := c10.Emails.List(ctx)
	requireEndpointGated(t, srv10, err, "listEmails")
}

func TestEmailsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "retrieveEmail", "Emails.Get", func() (*EmailSetting, *Response, error) {
		return c.Emails.Get(ctx, "10")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/emails/10")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("10"), got.ID)
	require.Equal(t, ID("15"), got.BrandID)

	srv.Respond("retrieveEmail", 404, "")
	_, _, err := c.Emails.Get(ctx, "nope")
	require.ErrorIs(t, err, ErrNotFound)
}
