package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCallsFinVoice(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()

	reg, rec := exercise(t, srv, "registerFinVoiceCall", "Calls.RegisterFinVoiceCall", func() (*FinVoiceCall, *Response, error) {
		return c.Calls.RegisterFinVoiceCall(ctx, CallRegisterFinVoiceCallRequest{PhoneNumber: "+1234567890", CallID: "call-123-abc",
			Source: FinVoiceFive9, Data: Some(map[string]any{"key": "value"})})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/fin_voice/register")
	testJSONBody(t, rec, `{"phone_number":"+1234567890","call_id":"call-123-abc","source":"five9","data":{"key":"value"}}`)
	require.Equal(t, ID("12345"), reg.ID)
	require.Equal(t, "call-123-abc", reg.ExternalCallID)
	_, _, err := c.Calls.RegisterFinVoiceCall(ctx, CallRegisterFinVoiceCallRequest{PhoneNumber: "+1", CallID: "c", Data: Null[map[string]any]()})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"phone_number":"+1","call_id":"c","data":null}`)

	got, rec := exercise(t, srv, "collectFinVoiceCallById", "Calls.GetFinVoiceCall", func() (*FinVoiceCall, *Response, error) {
		return c.Calls.GetFinVoiceCall(ctx, "12345")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/fin_voice/collect/12345")
	testNoBody(t, rec)
	require.Equal(t, "+1234567890", got.UserPhoneNumber)
	require.Equal(t, ID("5678"), got.IntercomConversationID)

	list, rec := exercise(t, srv, "collectFinVoiceCallsByConversationId", "Calls.ListFinVoiceCalls", func() (*FinVoiceCallList, *Response, error) {
		return c.Calls.ListFinVoiceCalls(ctx, "5678")
	})
	testPath(t, rec, "/fin_voice/conversation/5678")
	testNoBody(t, rec)
	require.NotEmpty(t, *list)
	require.Equal(t, "registered", (*list)[0].Status)

	_, rec = exercise(t, srv, "collectFinVoiceCallByExternalId", "Calls.GetFinVoiceCallByExternalID", func() (*FinVoiceCall, *Response, error) {
		return c.Calls.GetFinVoiceCallByExternalID(ctx, "call-123-abc")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/fin_voice/external_id/call-123-abc")

	_, rec = exercise(t, srv, "collectFinVoiceCallByPhoneNumber", "Calls.GetFinVoiceCallByPhoneNumber", func() (*FinVoiceCall, *Response, error) {
		return c.Calls.GetFinVoiceCallByPhoneNumber(ctx, "+1234567890")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/fin_voice/phone_number/+1234567890")
	testNoBody(t, rec)
}

func TestCallsFinVoiceValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.15")
	_, _, err := c.Calls.RegisterFinVoiceCall(ctx, CallRegisterFinVoiceCallRequest{CallID: "c"})
	testInvalidNoIO(t, srv, err, "phone_number")
	_, _, err = c.Calls.RegisterFinVoiceCall(ctx, CallRegisterFinVoiceCallRequest{PhoneNumber: "+1"})
	testInvalidNoIO(t, srv, err, "call_id")
	_, _, err = c.Calls.GetFinVoiceCall(ctx, "abc")
	testInvalidNoIO(t, srv, err, "id")
}
