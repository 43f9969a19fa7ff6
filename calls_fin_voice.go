package intercom

import (
	"context"
	"net/http"
)

// FinVoiceSource is the telephony platform a Fin Voice call comes from.
type FinVoiceSource string

// The platforms of Fin Voice calls.
const (
	FinVoiceAWSConnect FinVoiceSource = "aws_connect"
	FinVoiceFive9      FinVoiceSource = "five9"
	FinVoiceZoomPhone  FinVoiceSource = "zoom_phone"
)

// FinVoiceCall is a call handled by Fin Voice, Intercom's AI phone agent,
// with what Fin collected from it.
type FinVoiceCall struct {
	// ID is the Fin Voice call's id (Intercom sends a number).
	ID ID `json:"id,omitempty"`
	// AppID is the workspace's id (a number).
	AppID ID `json:"app_id,omitempty"`
	// UserPhoneNumber is the caller's number.
	UserPhoneNumber string `json:"user_phone_number,omitempty"`
	// Status is the call's status, such as "registered".
	Status string `json:"status,omitempty"`
	// IntercomCallID is the Intercom call, if any.
	IntercomCallID ID `json:"intercom_call_id,omitempty"`
	// ExternalCallID is the platform's id of the call.
	ExternalCallID string `json:"external_call_id,omitempty"`
	// IntercomConversationID is the Intercom conversation, if any.
	IntercomConversationID ID `json:"intercom_conversation_id,omitempty"`
	// CallTranscript holds the transcript's entries.
	CallTranscript []map[string]any `json:"call_transcript,omitempty"`
	// CallSummary is Fin's summary of the call.
	CallSummary string `json:"call_summary,omitempty"`
	// Intent holds the intents Fin detected.
	Intent []map[string]any `json:"intent,omitempty"`
}

// FinVoiceCallList is the list of the Fin Voice calls of a conversation (a
// JSON array, not paginated).
type FinVoiceCallList []FinVoiceCall

// CallRegisterFinVoiceCallRequest is the body of registering a Fin Voice
// call. PhoneNumber and CallID are required.
type CallRegisterFinVoiceCallRequest struct {
	// PhoneNumber is the caller's number.
	PhoneNumber string `json:"phone_number"`
	// CallID is the platform's id of the call.
	CallID string `json:"call_id"`
	// Source is the platform (Intercom's default is aws_connect).
	Source FinVoiceSource `json:"source,omitempty"`
	// Data is free-form data about the call.
	Data Opt[map[string]any] `json:"data,omitzero" intercom:"nullable"`
}

// Validate checks that the phone number and the call id are set.
func (r CallRegisterFinVoiceCallRequest) Validate() error {
	switch {
	case r.PhoneNumber == "":
		return invalid("phone_number", "is required")
	case r.CallID == "":
		return invalid("call_id", "is required")
	}
	return nil
}

// RegisterFinVoiceCall links a call of an external platform (AWS Connect,
// Five9, Zoom Phone) to an Intercom call and conversation, for Fin Voice.
// POST /fin_voice/register (registerFinVoiceCall).
func (s *CallsService) RegisterFinVoiceCall(ctx context.Context, req CallRegisterFinVoiceCallRequest, opts ...Option) (*FinVoiceCall, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[FinVoiceCall](ctx, s.client, endpoint{method: http.MethodPost, path: "/fin_voice/register", body: req}, opts)
}

// GetFinVoiceCall returns a Fin Voice call by its (numeric) id.
// GET /fin_voice/collect/{id} (collectFinVoiceCallById).
func (s *CallsService) GetFinVoiceCall(ctx context.Context, id string, opts ...Option) (*FinVoiceCall, *Response, error) {
	if err := checkIntID("id", id); err != nil {
		return nil, nil, err
	}
	return call[FinVoiceCall](ctx, s.client, endpoint{method: http.MethodGet, path: "/fin_voice/collect/{id}", params: []string{id}}, opts)
}

// ListFinVoiceCalls returns the Fin Voice calls of a conversation (a
// conversation may have several).
// GET /fin_voice/conversation/{conversation_id} (collectFinVoiceCallsByConversationId).
func (s *CallsService) ListFinVoiceCalls(ctx context.Context, conversationID string, opts ...Option) (*FinVoiceCallList, *Response, error) {
	return call[FinVoiceCallList](ctx, s.client, endpoint{method: http.MethodGet, path: "/fin_voice/conversation/{conversation_id}", params: []string{conversationID}}, opts)
}

// GetFinVoiceCallByExternalID returns a Fin Voice call by the platform's id
// of the call.
// GET /fin_voice/external_id/{external_id} (collectFinVoiceCallByExternalId).
func (s *CallsService) GetFinVoiceCallByExternalID(ctx context.Context, externalID string, opts ...Option) (*FinVoiceCall, *Response, error) {
	return call[FinVoiceCall](ctx, s.client, endpoint{method: http.MethodGet, path: "/fin_voice/external_id/{external_id}", params: []string{externalID}}, opts)
}

// GetFinVoiceCallByPhoneNumber returns the most recent Fin Voice call from a
// phone number.
// GET /fin_voice/phone_number/{phone_number} (collectFinVoiceCallByPhoneNumber).
func (s *CallsService) GetFinVoiceCallByPhoneNumber(ctx context.Context, phoneNumber string, opts ...Option) (*FinVoiceCall, *Response, error) {
	return call[FinVoiceCall](ctx, s.client, endpoint{method: http.MethodGet, path: "/fin_voice/phone_number/{phone_number}", params: []string{phoneNumber}}, opts)
}
