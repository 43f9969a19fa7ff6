package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSubscriptionTypesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listSubscriptionTypes", "SubscriptionTypes.List", func() (*SubscriptionTypeList, *Response, error) {
		return c.SubscriptionTypes.List(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/subscription_types")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Len(t, got.Data, 1)
	st := got.Data[0]
	require.Equal(t, ID("183"), st.ID)
	require.Equal(t, SubscriptionTypeStateLive, st.State)
	require.Equal(t, SubscriptionConsentOptOut, st.ConsentType)
	require.Equal(t, "Newsletters", st.DefaultTranslation.Name)
	require.Equal(t, "en", st.Translations[0].Locale)
	require.Equal(t, []SubscriptionContentType{SubscriptionContentEmail}, st.ContentTypes)
}

func TestContactsAttachSubscription(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "attachSubscriptionTypeToContact", "Contacts.AttachSubscription", func() (*SubscriptionType, *Response, error) {
		return c.Contacts.AttachSubscription(context.Background(), "63a07ddf05a32042dffac965",
			ContactAttachSubscriptionRequest{ID: "154", ConsentType: SubscriptionConsentOptIn})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/63a07ddf05a32042dffac965/subscriptions")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"id":"154","consent_type":"opt_in"}`)
	require.Equal(t, "application/json", rec.Header.Get("Content-Type"))
	require.Equal(t, ID("154"), got.ID)
	require.Equal(t, SubscriptionConsentOptIn, got.ConsentType)
	require.Equal(t, []SubscriptionContentType{SubscriptionContentSMSMessage}, got.ContentTypes)
}

func TestSubscriptionTypesAttachValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	for _, tc := range []struct {
		contact string
		req     ContactAttachSubscriptionRequest
		field   string
	}{
		{"c1", ContactAttachSubscriptionRequest{ConsentType: SubscriptionConsentOptIn}, "id"},
		{"c1", ContactAttachSubscriptionRequest{ID: "1"}, "consent_type"},
		{"", ContactAttachSubscriptionRequest{ID: "1", ConsentType: SubscriptionConsentOptOut}, "contact_id"},
	} {
		_, _, err := c.Contacts.AttachSubscription(ctx, tc.contact, tc.req)
		require.ErrorIs(t, err, ErrInvalidRequest)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field)
	}
	require.Empty(t, srv.Requests())

	srv.Respond("attachSubscriptionTypeToContact", 404, "Contact not found")
	_, _, err := c.Contacts.AttachSubscription(ctx, "nope", ContactAttachSubscriptionRequest{ID: "158", ConsentType: SubscriptionConsentOptIn})
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "not_found", apiErr.Errors[0].Code)
	require.Equal(t, "User Not Found", apiErr.Errors[0].Message)
	require.Equal(t, "2e951deb-d41f-4644-b723-c783b91eafba", apiErr.RequestID)
}

func TestContactsDetachSubscription(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "detachSubscriptionTypeToContact", "Contacts.DetachSubscription", func() (*SubscriptionType, *Response, error) {
		return c.Contacts.DetachSubscription(context.Background(), "63a07ddf05a32042dffac965", "170")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/contacts/63a07ddf05a32042dffac965/subscriptions/170")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("170"), got.ID)
	require.Equal(t, SubscriptionTypeStateLive, got.State)

	n := len(srv.Requests())
	_, _, err := c.Contacts.DetachSubscription(context.Background(), "63a07ddf05a32042dffac965", " ")
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Contacts.DetachSubscription(context.Background(), "", "170")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)

	srv.Respond("detachSubscriptionTypeToContact", 404, "Resource not found")
	_, _, err = c.Contacts.DetachSubscription(context.Background(), "63a07ddf05a32042dffac965", "invalid_id")
	require.ErrorIs(t, err, ErrNotFound)
}
