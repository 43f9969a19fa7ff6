package intercom

import (
	"context"
	"net/http"
)

// PhoneSwitch is the result of deflecting a phone call to the Messenger:
// Intercom texted the caller a link to it.
type PhoneSwitch struct {
	// Type is "phone_call_redirect".
	Type string `json:"type,omitempty"`
	// URL is the Messenger link sent by SMS.
	URL string `json:"url,omitempty"`
	// Phone is the number that received the SMS, in E.164 format.
	Phone string `json:"phone,omitempty"`
}

// SwitchCreateRequest deflects a phone call to the Messenger.
type SwitchCreateRequest struct {
	// Phone is the number, in E.164 format, that receives the SMS with the
	// Messenger link (required).
	Phone string `json:"phone"`
	// CustomAttributes are added to the user's or lead's custom data.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// Validate checks the required fields.
func (r SwitchCreateRequest) Validate() error {
	if r.Phone == "" {
		return invalid("phone", "is required")
	}
	return nil
}

// Create sends an SMS with a link to the Messenger to a phone number, to
// continue a phone call there. Failures come back as an *APIError whose
// first entry's Code is Intercom's error_key (such as "invalid_phone_number"
// or "sms_failed"). POST /phone_call_redirects (createPhoneSwitch).
func (s *SwitchService) Create(ctx context.Context, req SwitchCreateRequest, opts ...Option) (*PhoneSwitch, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[PhoneSwitch](ctx, s.client, endpoint{method: http.MethodPost, path: "/phone_call_redirects", body: req}, opts)
}
