package intercom

import (
	"context"
	"net/http"
)

// SubscriptionTypeState is the state of a subscription type.
type SubscriptionTypeState string

// The states of a subscription type.
const (
	SubscriptionTypeStateLive     SubscriptionTypeState = "live"
	SubscriptionTypeStateDraft    SubscriptionTypeState = "draft"
	SubscriptionTypeStateArchived SubscriptionTypeState = "archived"
)

// SubscriptionConsentType is the kind of consent a subscription type asks for.
type SubscriptionConsentType string

// The consent types of a subscription type.
const (
	// SubscriptionConsentOptOut: contacts receive the messages unless they opt out.
	SubscriptionConsentOptOut SubscriptionConsentType = "opt_out"
	// SubscriptionConsentOptIn: contacts receive the messages only once they opt in.
	SubscriptionConsentOptIn SubscriptionConsentType = "opt_in"
)

// SubscriptionContentType is a kind of message a subscription type covers.
type SubscriptionContentType string

// The message kinds a subscription type can cover.
const (
	SubscriptionContentEmail      SubscriptionContentType = "email"
	SubscriptionContentSMSMessage SubscriptionContentType = "sms_message"
)

// SubscriptionType lets contacts opt out of (or into) a category of
// non-essential messages.
type SubscriptionType struct {
	// Type is "subscription".
	Type string `json:"type,omitempty"`
	// ID is the subscription type's id.
	ID ID `json:"id,omitempty"`
	// State is live, draft or archived.
	State SubscriptionTypeState `json:"state,omitempty"`
	// ConsentType is opt_out or opt_in.
	ConsentType SubscriptionConsentType `json:"consent_type,omitempty"`
	// DefaultTranslation is the name and description in the default locale.
	DefaultTranslation SubscriptionTypeTranslation `json:"default_translation,omitzero"`
	// Translations holds the name and description in every configured locale.
	Translations []SubscriptionTypeTranslation `json:"translations,omitempty"`
	// ContentTypes are the message kinds the subscription type covers.
	ContentTypes []SubscriptionContentType `json:"content_types,omitempty"`
}

// SubscriptionTypeTranslation is the localised name and description of a
// subscription type.
type SubscriptionTypeTranslation struct {
	// Name is the localised name.
	Name string `json:"name,omitempty"`
	// Description is the localised description.
	Description string `json:"description,omitempty"`
	// Locale is the two-letter language code, such as "en".
	Locale string `json:"locale,omitempty"`
}

// SubscriptionTypeList is a list of subscription types (not paginated).
type SubscriptionTypeList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the subscription types.
	Data []SubscriptionType `json:"data"`
}

// List returns every subscription type of the workspace (the list is not
// paginated). GET /subscription_types (listSubscriptionTypes).
func (s *SubscriptionTypesService) List(ctx context.Context, opts ...Option) (*SubscriptionTypeList, *Response, error) {
	return call[SubscriptionTypeList](ctx, s.client, endpoint{method: http.MethodGet, path: "/subscription_types"}, opts)
}
