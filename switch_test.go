package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSwitchCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "createPhoneSwitch", "Switch.Create", func() (*PhoneSwitch, *Response, error) {
		return c.Switch.Create(context.Background(), SwitchCreateRequest{
			Phone:            "+353832345678",
			CustomAttributes: map[string]any{"issue_type": "Billing", "priority": "High"},
		})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/phone_call_redirects")
	testJSONBody(t, rec, `{"phone":"+353832345678","custom_attributes":{"issue_type":"Billing","priority":"High"}}`)
	require.Equal(t, "phone_call_redirect", got.Type)
	require.Equal(t, "http://via.intercom.io/msgr/e7de2e61-94a6-4fc9-8e70-12e4ab66f215", got.URL)

	_, _, err := c.Switch.Create(context.Background(), SwitchCreateRequest{Phone: "+40241100100"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"phone":"+40241100100"}`)
}

func TestSwitchCreateErrors(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()

	_, _, err := c.Switch.Create(ctx, SwitchCreateRequest{CustomAttributes: map[string]any{"a": "b"}})
	require.ErrorIs(t, err, ErrInvalidRequest)
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "phone", ie.Field)
	require.Empty(t, srv.Requests())

	// The {error_key, message} shape of this endpoint becomes an error entry.
	srv.RespondJSON("createPhoneSwitch", 422, `{"error_key":"some_error","message":"Something went wrong"}`)
	_, _, err = c.Switch.Create(ctx, SwitchCreateRequest{Phone: "+40241100100"})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 422, apiErr.StatusCode)
	require.Len(t, apiErr.Errors, 1)
	require.Equal(t, "some_error", apiErr.Errors[0].Code)
	require.Equal(t, "Something went wrong", apiErr.Errors[0].Message)

	srv.Respond("createPhoneSwitch", 400, "bad request - invalid number")
	_, _, err = c.Switch.Create(ctx, SwitchCreateRequest{Phone: "+353832345678"})
	require.ErrorIs(t, err, ErrValidation)
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("invalid_phone_number"))
	require.Equal(t, "Invalid phone number", apiErr.Errors[0].Message)
}
