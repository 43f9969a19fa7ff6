package intercom

import (
	"context"
	"net/http"
)

// EmailSetting is a sender email address of the workspace and its settings.
type EmailSetting struct {
	// Type is "email_setting".
	Type string `json:"type,omitempty"`
	// ID is the email setting's id.
	ID ID `json:"id,omitempty"`
	// Email is the sender address.
	Email string `json:"email,omitempty"`
	// Verified says whether the address has been verified.
	Verified bool `json:"verified,omitempty"`
	// Domain is the domain of the address.
	Domain string `json:"domain,omitempty"`
	// BrandID is the brand the address belongs to.
	BrandID ID `json:"brand_id,omitempty"`
	// ForwardingEnabled says whether forwarding to Intercom is active.
	ForwardingEnabled bool `json:"forwarding_enabled,omitempty"`
	// ForwardedEmailLastReceivedAt is when a forwarded email last arrived;
	// zero when none ever did.
	ForwardedEmailLastReceivedAt Timestamp `json:"forwarded_email_last_received_at,omitempty"`
	// CreatedAt is when the setting was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the setting was last changed.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// EmailSettingList lists the sender email settings of the workspace.
type EmailSettingList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the email settings.
	Data []EmailSetting `json:"data"`
}

// List returns every sender email setting of the workspace. API 2.15 and
// later. GET /emails (listEmails).
func (s *EmailsService) List(ctx context.Context, opts ...Option) (*EmailSettingList, *Response, error) {
	return call[EmailSettingList](ctx, s.client, endpoint{method: http.MethodGet, path: "/emails"}, opts)
}

// Get returns a sender email setting. API 2.15 and later.
// GET /emails/{id} (retrieveEmail).
func (s *EmailsService) Get(ctx context.Context, id string, opts ...Option) (*EmailSetting, *Response, error) {
	return call[EmailSetting](ctx, s.client, endpoint{method: http.MethodGet, path: "/emails/{id}", params: []string{id}}, opts)
}
