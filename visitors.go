package intercom

import (
	"context"
	"encoding/json"
	"net/http"
)

// Visitor is an anonymous person, usually a website visitor, not yet
// identified as a user or lead. Visitors are not shown in Intercom's UI.
type Visitor struct {
	// Type is "visitor".
	Type string `json:"type,omitempty"`
	// ID is Intercom's id for the visitor.
	ID ID `json:"id,omitempty"`
	// UserID is the identifier Intercom generated for the visitor.
	UserID string `json:"user_id,omitempty"`
	// Anonymous says whether the visitor is anonymous.
	Anonymous bool `json:"anonymous,omitempty"`
	// Email is the visitor's email address.
	Email string `json:"email,omitempty"`
	// Phone is the visitor's phone number.
	Phone string `json:"phone,omitempty"`
	// Name is the visitor's name.
	Name string `json:"name,omitempty"`
	// Pseudonym is the name Intercom made up for the visitor, such as "Grey Shark".
	Pseudonym string `json:"pseudonym,omitempty"`
	// Avatar is the visitor's avatar.
	Avatar VisitorAvatar `json:"avatar,omitzero"`
	// AppID is the workspace's id.
	AppID string `json:"app_id,omitempty"`
	// Companies are the companies the visitor belongs to.
	Companies VisitorCompanies `json:"companies,omitzero"`
	// LocationData is where the visitor is, from their IP address.
	LocationData VisitorLocation `json:"location_data,omitzero"`
	// LastRequestAt is when the visitor was last seen (the spec's schema
	// misspells it las_request_at; Intercom sends last_request_at).
	LastRequestAt Timestamp `json:"last_request_at,omitempty"`
	// CreatedAt is when the visitor was added to Intercom.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// RemoteCreatedAt is when the visitor was added, as reported by you.
	RemoteCreatedAt Timestamp `json:"remote_created_at,omitempty"`
	// SignedUpAt is when the visitor signed up for your product.
	SignedUpAt Timestamp `json:"signed_up_at,omitempty"`
	// UpdatedAt is when the visitor was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// SessionCount is the number of sessions the visitor had.
	SessionCount int `json:"session_count,omitempty"`
	// SocialProfiles are the visitor's social network profiles.
	SocialProfiles VisitorSocialProfiles `json:"social_profiles,omitzero"`
	// OwnerID is the admin who owns the visitor.
	OwnerID ID `json:"owner_id,omitempty"`
	// UnsubscribedFromEmails says whether the visitor unsubscribed from emails.
	UnsubscribedFromEmails bool `json:"unsubscribed_from_emails,omitempty"`
	// MarkedEmailAsSpam says whether the visitor marked an email as spam.
	MarkedEmailAsSpam bool `json:"marked_email_as_spam,omitempty"`
	// HasHardBounced says whether an email to the visitor hard-bounced.
	HasHardBounced bool `json:"has_hard_bounced,omitempty"`
	// Tags are the visitor's tags.
	Tags VisitorTags `json:"tags,omitzero"`
	// Segments are the segments the visitor is in.
	Segments VisitorSegments `json:"segments,omitzero"`
	// CustomAttributes are the visitor's custom attributes.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// Referrer is the page the visitor came from.
	Referrer string `json:"referrer,omitempty"`
	// UTMCampaign, UTMContent, UTMMedium, UTMSource and UTMTerm are the UTM
	// parameters of the visitor's first visit.
	UTMCampaign string `json:"utm_campaign,omitempty"`
	UTMContent  string `json:"utm_content,omitempty"`
	UTMMedium   string `json:"utm_medium,omitempty"`
	UTMSource   string `json:"utm_source,omitempty"`
	UTMTerm     string `json:"utm_term,omitempty"`
	// DoNotTrack says whether the visitor has do-not-track enabled; nil when unknown.
	DoNotTrack *bool `json:"do_not_track,omitempty"`
}

// VisitorAvatar is a visitor's avatar image.
type VisitorAvatar struct {
	// Type is "avatar".
	Type string `json:"type,omitempty"`
	// ImageURL is the image's URL.
	ImageURL string `json:"image_url,omitempty"`
}

// VisitorCompanies lists the companies of a visitor.
type VisitorCompanies struct {
	// Type is "company.list".
	Type string `json:"type,omitempty"`
	// Companies are the companies.
	Companies []Company `json:"companies,omitempty"`
}

// VisitorLocation is where a visitor is, from their IP address.
type VisitorLocation struct {
	// Type is "location_data".
	Type string `json:"type,omitempty"`
	// CityName is the city, such as "Dublin".
	CityName string `json:"city_name,omitempty"`
	// ContinentCode is the continent's code, such as "EU".
	ContinentCode string `json:"continent_code,omitempty"`
	// CountryCode is the country's code, such as "IRL".
	CountryCode string `json:"country_code,omitempty"`
	// CountryName is the country, such as "Ireland".
	CountryName string `json:"country_name,omitempty"`
	// PostalCode is the postal code.
	PostalCode string `json:"postal_code,omitempty"`
	// RegionName is the region, such as "Leinster".
	RegionName string `json:"region_name,omitempty"`
	// Timezone is the time zone, such as "Europe/Dublin".
	Timezone string `json:"timezone,omitempty"`
}

// VisitorSocialProfiles lists a visitor's social network profiles. The spec
// types the items as strings; a string item decodes as a profile's Name.
type VisitorSocialProfiles struct {
	// Type is "social_profile.list".
	Type string `json:"type,omitempty"`
	// SocialProfiles are the profiles.
	SocialProfiles []ContactSocialProfile `json:"social_profiles,omitempty"`
}

// UnmarshalJSON accepts profile objects or strings.
func (l *VisitorSocialProfiles) UnmarshalJSON(b []byte) error {
	var w struct {
		Type           string            `json:"type"`
		SocialProfiles []json.RawMessage `json:"social_profiles"`
	}
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	items, err := visitorLenientItems(w.SocialProfiles, func(s string) ContactSocialProfile { return ContactSocialProfile{Name: s} })
	*l = VisitorSocialProfiles{Type: w.Type, SocialProfiles: items}
	return err
}

// VisitorTags lists a visitor's tags.
type VisitorTags struct {
	// Type is "tag.list".
	Type string `json:"type,omitempty"`
	// Tags are the tags.
	Tags []Tag `json:"tags,omitempty"`
}

// VisitorSegments lists the segments a visitor is in. The spec types the
// items as strings; a string item decodes as a segment's ID.
type VisitorSegments struct {
	// Type is "segment.list".
	Type string `json:"type,omitempty"`
	// Segments are the segments.
	Segments []Segment `json:"segments,omitempty"`
}

// UnmarshalJSON accepts segment objects or id strings.
func (l *VisitorSegments) UnmarshalJSON(b []byte) error {
	var w struct {
		Type     string            `json:"type"`
		Segments []json.RawMessage `json:"segments"`
	}
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	items, err := visitorLenientItems(w.Segments, func(s string) Segment { return Segment{ID: ID(s)} })
	*l = VisitorSegments{Type: w.Type, Segments: items}
	return err
}

// visitorLenientItems decodes objects into T and strings with fromString.
func visitorLenientItems[T any](raw []json.RawMessage, fromString func(string) T) ([]T, error) {
	if raw == nil {
		return nil, nil
	}
	out := make([]T, len(raw))
	for i, r := range raw {
		if len(r) > 0 && r[0] == '"' {
			var s string
			if err := unmarshalModel(r, &s); err != nil {
				return nil, err
			}
			out[i] = fromString(s)
			continue
		}
		if err := unmarshalModel(r, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// VisitorUpdateRequest changes a visitor, identified by ID or UserID.
type VisitorUpdateRequest struct {
	// ID is Intercom's id for the visitor.
	ID string `json:"id,omitempty"`
	// UserID is the visitor's user_id.
	UserID string `json:"user_id,omitempty"`
	// Name sets the visitor's name.
	Name Opt[string] `json:"name,omitzero"`
	// CustomAttributes are set on the visitor (a nil value clears one).
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// Validate checks that the visitor is identified.
func (r VisitorUpdateRequest) Validate() error {
	if r.ID == "" && r.UserID == "" {
		return invalid("id|user_id", "at least one is required")
	}
	return nil
}

// VisitorConvertType is the role a visitor is converted to.
type VisitorConvertType string

// The roles a visitor can be converted to.
const (
	VisitorConvertToUser VisitorConvertType = "user"
	VisitorConvertToLead VisitorConvertType = "lead"
)

// VisitorIdentifier identifies a visitor or a contact by one (or more) of
// Intercom's id, your user_id and the email address.
type VisitorIdentifier struct {
	// ID is Intercom's id.
	ID string `json:"id,omitempty"`
	// UserID is the user_id (a contact's external_id).
	UserID string `json:"user_id,omitempty"`
	// Email is the email address.
	Email string `json:"email,omitempty"`
}

func (v VisitorIdentifier) empty() bool { return v.ID == "" && v.UserID == "" && v.Email == "" }

// VisitorConvertRequest converts a visitor into a user or lead: a new
// contact, or, when User identifies an existing contact, a merge into it.
type VisitorConvertRequest struct {
	// Type is the role of the resulting contact, user or lead (required).
	Type VisitorConvertType `json:"type"`
	// User identifies the contact to create or merge into (required).
	User VisitorIdentifier `json:"user"`
	// Visitor identifies the visitor to convert (required).
	Visitor VisitorIdentifier `json:"visitor"`
}

// Validate checks the type and that both sides are identified.
func (r VisitorConvertRequest) Validate() error {
	switch {
	case r.Type != VisitorConvertToUser && r.Type != VisitorConvertToLead:
		return invalid("type", "must be user or lead")
	case r.User.empty():
		return invalid("user", "needs an id, user_id or email")
	case r.Visitor.empty():
		return invalid("visitor", "needs an id, user_id or email")
	}
	return nil
}

// VisitorGetOptions names the visitor to fetch.
type VisitorGetOptions struct {
	// UserID is the visitor's user_id (required).
	UserID string `url:"user_id"`
}

// Get returns the visitor with the user_id opt.UserID.
// GET /visitors?user_id= (retrieveVisitorWithUserId).
func (s *VisitorsService) Get(ctx context.Context, opt VisitorGetOptions, opts ...Option) (*Visitor, *Response, error) {
	if opt.UserID == "" {
		return nil, nil, invalid("user_id", "is required")
	}
	return call[Visitor](ctx, s.client, endpoint{method: http.MethodGet, path: "/visitors", query: opt}, opts)
}

// Update changes a visitor's name or custom attributes.
// PUT /visitors (updateVisitor).
func (s *VisitorsService) Update(ctx context.Context, req VisitorUpdateRequest, opts ...Option) (*Visitor, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Visitor](ctx, s.client, endpoint{method: http.MethodPut, path: "/visitors", body: req}, opts)
}

// Convert turns a visitor into a user or lead and returns the contact.
// POST /visitors/convert (convertVisitor).
func (s *VisitorsService) Convert(ctx context.Context, req VisitorConvertRequest, opts ...Option) (*Contact, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Contact](ctx, s.client, endpoint{method: http.MethodPost, path: "/visitors/convert", body: req}, opts)
}
