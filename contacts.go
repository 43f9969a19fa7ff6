package intercom

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ContactRole is the role of a contact: a user (identified, signed-up) or a
// lead (anonymous or not yet signed up). Unknown values still decode.
type ContactRole string

// The roles of a contact.
const (
	// ContactRoleUser is a signed-up, identified user.
	ContactRoleUser ContactRole = "user"
	// ContactRoleLead is a lead: a visitor who gave contact details but has not signed up.
	ContactRoleLead ContactRole = "lead"
)

// Contact is a user or lead of the workspace.
type Contact struct {
	// Type is "contact".
	Type string `json:"type,omitempty"`
	// ID is the contact's id, given by Intercom.
	ID ID `json:"id,omitempty"`
	// WorkspaceID is the id of the workspace the contact belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// ExternalID is your own identifier of the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Role is user or lead.
	Role ContactRole `json:"role,omitempty"`
	// Email is the contact's email address.
	Email string `json:"email,omitempty"`
	// EmailDomain is the domain of the contact's email address.
	EmailDomain string `json:"email_domain,omitempty"`
	// Phone is the contact's phone number.
	Phone string `json:"phone,omitempty"`
	// Name is the contact's name.
	Name string `json:"name,omitempty"`
	// Avatar is the contact's avatar; zero when Intercom sends null.
	Avatar ContactAvatar `json:"avatar,omitzero"`
	// OwnerID is the id of the admin who owns the contact (sent as a number).
	OwnerID ID `json:"owner_id,omitempty"`
	// SocialProfiles are the contact's social network profiles.
	SocialProfiles ContactSocialProfiles `json:"social_profiles,omitzero"`
	// HasHardBounced says whether an email to the contact has hard bounced.
	HasHardBounced bool `json:"has_hard_bounced,omitempty"`
	// MarkedEmailAsSpam says whether the contact marked an email as spam.
	MarkedEmailAsSpam bool `json:"marked_email_as_spam,omitempty"`
	// UnsubscribedFromEmails says whether the contact unsubscribed from emails.
	UnsubscribedFromEmails bool `json:"unsubscribed_from_emails,omitempty"`
	// CreatedAt is when the contact was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the contact was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// SignedUpAt is when the contact signed up.
	SignedUpAt Timestamp `json:"signed_up_at,omitempty"`
	// LastSeenAt is when the contact was last seen.
	LastSeenAt Timestamp `json:"last_seen_at,omitempty"`
	// LastRepliedAt is when the contact last messaged in.
	LastRepliedAt Timestamp `json:"last_replied_at,omitempty"`
	// LastContactedAt is when the contact was last messaged.
	LastContactedAt Timestamp `json:"last_contacted_at,omitempty"`
	// LastEmailOpenedAt is when the contact last opened an email.
	LastEmailOpenedAt Timestamp `json:"last_email_opened_at,omitempty"`
	// LastEmailClickedAt is when the contact last clicked a link in an email.
	LastEmailClickedAt Timestamp `json:"last_email_clicked_at,omitempty"`
	// LanguageOverride is the contact's preferred Messenger language, such as "en".
	LanguageOverride string `json:"language_override,omitempty"`
	// Browser is the name of the contact's browser.
	Browser string `json:"browser,omitempty"`
	// BrowserVersion is the version of the contact's browser.
	BrowserVersion string `json:"browser_version,omitempty"`
	// BrowserLanguage is the language of the contact's browser, such as "en-US".
	BrowserLanguage string `json:"browser_language,omitempty"`
	// OS is the contact's operating system.
	OS string `json:"os,omitempty"`
	// Location is where the contact is.
	Location ContactLocation `json:"location,omitzero"`
	// AndroidAppName is the name of the Android app the contact uses.
	AndroidAppName string `json:"android_app_name,omitempty"`
	// AndroidAppVersion is the version of that Android app.
	AndroidAppVersion string `json:"android_app_version,omitempty"`
	// AndroidDevice is the contact's Android device.
	AndroidDevice string `json:"android_device,omitempty"`
	// AndroidOSVersion is the version of Android the contact runs.
	AndroidOSVersion string `json:"android_os_version,omitempty"`
	// AndroidSDKVersion is the version of the Intercom Android SDK.
	AndroidSDKVersion string `json:"android_sdk_version,omitempty"`
	// AndroidLastSeenAt is when the contact was last seen on Android.
	AndroidLastSeenAt Timestamp `json:"android_last_seen_at,omitempty"`
	// IOSAppName is the name of the iOS app the contact uses.
	IOSAppName string `json:"ios_app_name,omitempty"`
	// IOSAppVersion is the version of that iOS app.
	IOSAppVersion string `json:"ios_app_version,omitempty"`
	// IOSDevice is the contact's iOS device.
	IOSDevice string `json:"ios_device,omitempty"`
	// IOSOSVersion is the version of iOS the contact runs.
	IOSOSVersion string `json:"ios_os_version,omitempty"`
	// IOSSDKVersion is the version of the Intercom iOS SDK.
	IOSSDKVersion string `json:"ios_sdk_version,omitempty"`
	// IOSLastSeenAt is when the contact last used the iOS app.
	IOSLastSeenAt Timestamp `json:"ios_last_seen_at,omitempty"`
	// CustomAttributes are the workspace-defined attributes set on the contact.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// Tags are up to 10 of the contact's tags (see ListTags for all).
	Tags ContactAddressableList `json:"tags,omitzero"`
	// Notes are up to 10 of the contact's notes.
	Notes ContactAddressableList `json:"notes,omitzero"`
	// Companies are up to 10 of the contact's companies (see ListCompanies for all).
	Companies ContactAddressableList `json:"companies,omitzero"`
	// OptedOutSubscriptionTypes are the opt-out subscription types the contact opted out of.
	OptedOutSubscriptionTypes ContactAddressableList `json:"opted_out_subscription_types,omitzero"`
	// OptedInSubscriptionTypes are the opt-in subscription types the contact opted into.
	OptedInSubscriptionTypes ContactAddressableList `json:"opted_in_subscription_types,omitzero"`
	// UTMCampaign is the utm_campaign the contact arrived with.
	UTMCampaign string `json:"utm_campaign,omitempty"`
	// UTMContent is the utm_content the contact arrived with.
	UTMContent string `json:"utm_content,omitempty"`
	// UTMMedium is the utm_medium the contact arrived with.
	UTMMedium string `json:"utm_medium,omitempty"`
	// UTMSource is the utm_source the contact arrived with.
	UTMSource string `json:"utm_source,omitempty"`
	// UTMTerm is the utm_term the contact arrived with.
	UTMTerm string `json:"utm_term,omitempty"`
	// Referrer is the URL the contact came from.
	Referrer string `json:"referrer,omitempty"`
	// FormattedPhone is Phone in E.164 format. API 2.11 only.
	FormattedPhone string `json:"formatted_phone,omitempty"`
	// EnabledPushMessaging says whether the user has enabled push
	// messaging; nil when unknown. API 2.12 and later.
	EnabledPushMessaging *bool `json:"enabled_push_messaging,omitempty"`
	// MergeHistory are the contacts merged into this user, sent when a call
	// asks for them (IncludeMergeHistory). API 2.16 and later.
	MergeHistory []ContactMergeHistoryItem `json:"merge_history,omitempty"`
}

// ContactAvatar is a contact's avatar image.
type ContactAvatar struct {
	// Type is "avatar".
	Type string `json:"type,omitempty"`
	// ImageURL is the avatar image's URL.
	ImageURL string `json:"image_url,omitempty"`
}

// ContactLocation is where a contact is, as Intercom derived it.
type ContactLocation struct {
	// Type is "location".
	Type string `json:"type,omitempty"`
	// Country is the contact's country, such as "Ireland".
	Country string `json:"country,omitempty"`
	// Region is the contact's region, such as "Dublin".
	Region string `json:"region,omitempty"`
	// City is the contact's city.
	City string `json:"city,omitempty"`
	// CountryCode is the country's code, such as "IRL".
	CountryCode string `json:"country_code,omitempty"`
	// ContinentCode is the continent's code, such as "EU".
	ContinentCode string `json:"continent_code,omitempty"`
}

// ContactSocialProfiles lists a contact's social network profiles.
type ContactSocialProfiles struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the profiles.
	Data []ContactSocialProfile `json:"data,omitempty"`
}

// ContactSocialProfile is one social network profile of a contact.
type ContactSocialProfile struct {
	// Type is "social_profile".
	Type string `json:"type,omitempty"`
	// Name is the network's name, such as "Twitter".
	Name string `json:"name,omitempty"`
	// URL is the profile's URL.
	URL string `json:"url,omitempty"`
}

// ContactAddressableList is a partial list embedded in a contact (its tags,
// notes, companies and subscription types): at most 10 references, the total
// count, and the URL of the full list.
type ContactAddressableList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds up to 10 references.
	Data []ContactAddressable `json:"data,omitempty"`
	// URL is the relative URL of the full list, e.g. "/contacts/{id}/tags".
	URL string `json:"url,omitempty"`
	// TotalCount is the number of objects in the full list.
	TotalCount int `json:"total_count,omitempty"`
	// HasMore says whether the full list holds more than Data.
	HasMore bool `json:"has_more,omitempty"`
}

// ContactAddressable references an object attached to a contact.
type ContactAddressable struct {
	// Type is the object's type, such as "tag", "note" or "company".
	Type string `json:"type,omitempty"`
	// ID is the object's id.
	ID ID `json:"id,omitempty"`
	// URL is the object's relative URL.
	URL string `json:"url,omitempty"`
}

// ContactList is one page of contacts, from listing or searching.
type ContactList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the contacts of the page.
	Data []Contact `json:"data"`
	// TotalCount is the number of contacts in all pages.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block; Pages.Next.StartingAfter is the next cursor.
	Pages Pages `json:"pages,omitzero"`
}

// ContactDeleted is the response of deleting a contact.
type ContactDeleted struct {
	// Type is "contact".
	Type string `json:"type,omitempty"`
	// ID is the deleted contact's id.
	ID ID `json:"id,omitempty"`
	// ExternalID is your identifier of the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Deleted is true when the contact was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// ContactArchived is the response of archiving a contact.
type ContactArchived struct {
	// Type is "contact".
	Type string `json:"type,omitempty"`
	// ID is the contact's id.
	ID ID `json:"id,omitempty"`
	// ExternalID is your identifier of the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Archived is true when the contact is archived.
	Archived bool `json:"archived,omitempty"`
}

// ContactUnarchived is the response of unarchiving a contact.
type ContactUnarchived struct {
	// Type is "contact".
	Type string `json:"type,omitempty"`
	// ID is the contact's id.
	ID ID `json:"id,omitempty"`
	// ExternalID is your identifier of the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Archived is false once the contact is unarchived.
	Archived bool `json:"archived"`
}

// ContactListOptions are the query parameters of listing contacts. Intercom
// takes them though the description declares none.
type ContactListOptions struct {
	// PerPage is the page size (Intercom's default is 50, its maximum 150).
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor from the previous page's Pages.Next.StartingAfter.
	StartingAfter string `url:"starting_after,omitempty"`
	// IncludeMergeHistory adds each user's merge_history. API 2.16 and later.
	IncludeMergeHistory bool `url:"include_merge_history,omitempty" intercom:"since=2.16"`
}

// ContactListCompaniesOptions are the query parameters of listing a
// contact's companies. Intercom takes them though the description declares none.
type ContactListCompaniesOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// ContactCreateRequest creates a user or lead. At least one of Email,
// ExternalID and Role is required.
type ContactCreateRequest struct {
	// Role is user or lead.
	Role ContactRole `json:"role,omitempty"`
	// ExternalID is your own unique identifier of the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Email is the contact's email address.
	Email string `json:"email,omitempty"`
	// Phone is the contact's phone number.
	Phone Opt[string] `json:"phone,omitzero" intercom:"nullable"`
	// Name is the contact's name.
	Name Opt[string] `json:"name,omitzero" intercom:"nullable"`
	// Avatar is the URL of the contact's avatar image.
	Avatar Opt[string] `json:"avatar,omitzero" intercom:"nullable"`
	// SignedUpAt is when the contact signed up.
	SignedUpAt Opt[Timestamp] `json:"signed_up_at,omitzero" intercom:"nullable"`
	// LastSeenAt is when the contact was last seen.
	LastSeenAt Opt[Timestamp] `json:"last_seen_at,omitzero" intercom:"nullable"`
	// UnsubscribedFromEmails says whether the contact is unsubscribed from emails.
	UnsubscribedFromEmails Opt[bool] `json:"unsubscribed_from_emails,omitzero" intercom:"nullable"`
	// CustomAttributes sets custom attributes; a nil value in the map clears that attribute.
	CustomAttributes Opt[map[string]any] `json:"custom_attributes,omitzero" intercom:"nullable"`
	// EmailVerified marks the contact's email verified (Some(true)) or not.
	// API 2.16 and later.
	EmailVerified Opt[bool] `json:"email_verified,omitzero" intercom:"nullable,since=2.16"`
	// OwnerID is the id of the admin who owns the contact (an Admin.ID).
	// Versions up to 2.15 take it as a JSON number, 2.16 as a string: the
	// client sends the form the chosen version takes (it is the last field
	// so that both forms put it in the same place).
	OwnerID Opt[ID] `json:"owner_id,omitzero" intercom:"nullable"`
}

// Validate checks that the request has an email, an external id or a role.
func (r ContactCreateRequest) Validate() error {
	if strings.TrimSpace(r.Email) == "" && strings.TrimSpace(r.ExternalID) == "" && strings.TrimSpace(string(r.Role)) == "" {
		return invalid("email", "is required unless external_id or role is given")
	}
	return nil
}

// ContactUpdateRequest changes a contact. Only the fields set are sent; set
// an Opt field to Null to clear it (Null[string]() for the phone, etc.).
type ContactUpdateRequest struct {
	// Role is user or lead.
	Role ContactRole `json:"role,omitempty"`
	// ExternalID is your own unique identifier of the contact.
	ExternalID Opt[string] `json:"external_id,omitzero"`
	// Email is the contact's email address.
	Email Opt[string] `json:"email,omitzero"`
	// Phone is the contact's phone number.
	Phone Opt[string] `json:"phone,omitzero" intercom:"nullable"`
	// Name is the contact's name.
	Name Opt[string] `json:"name,omitzero" intercom:"nullable"`
	// Avatar is the URL of the contact's avatar image.
	Avatar Opt[string] `json:"avatar,omitzero" intercom:"nullable"`
	// SignedUpAt is when the contact signed up.
	SignedUpAt Opt[Timestamp] `json:"signed_up_at,omitzero" intercom:"nullable"`
	// LastSeenAt is when the contact was last seen.
	LastSeenAt Opt[Timestamp] `json:"last_seen_at,omitzero" intercom:"nullable"`
	// UnsubscribedFromEmails says whether the contact is unsubscribed from emails.
	UnsubscribedFromEmails Opt[bool] `json:"unsubscribed_from_emails,omitzero" intercom:"nullable"`
	// CustomAttributes sets custom attributes; a nil value in the map clears that attribute.
	CustomAttributes Opt[map[string]any] `json:"custom_attributes,omitzero" intercom:"nullable"`
	// EmailVerified marks the contact's email verified (Some(true)) or not.
	// API 2.16 and later.
	EmailVerified Opt[bool] `json:"email_verified,omitzero" intercom:"nullable,since=2.16"`
	// OwnerID is the id of the admin who owns the contact (an Admin.ID).
	// Versions up to 2.15 take it as a JSON number, 2.16 as a string: the
	// client sends the form the chosen version takes (it is the last field
	// so that both forms put it in the same place).
	OwnerID Opt[ID] `json:"owner_id,omitzero" intercom:"nullable"`

	// IncludeMergeHistory asks for the updated user's merge_history
	// (query parameter include_merge_history). API 2.16 and later.
	IncludeMergeHistory bool `json:"-"`
}

// bodyFor sends OwnerID as a number to versions before 2.16.
func (r ContactCreateRequest) bodyFor(version string) (any, error) {
	if takesShapeOf(version, from2_16) { // owner_id is a string from 2.16
		return r, nil
	}
	type plain ContactCreateRequest
	owner, err := intOwnerID(r.OwnerID)
	return struct {
		plain
		OwnerID Opt[intBodyID] `json:"owner_id,omitzero"`
	}{plain(r), owner}, err
}

// bodyFor sends OwnerID as a number to versions before 2.16.
func (r ContactUpdateRequest) bodyFor(version string) (any, error) {
	if takesShapeOf(version, from2_16) { // owner_id is a string from 2.16
		return r, nil
	}
	type plain ContactUpdateRequest
	owner, err := intOwnerID(r.OwnerID)
	return struct {
		plain
		OwnerID Opt[intBodyID] `json:"owner_id,omitzero"`
	}{plain(r), owner}, err
}

// intOwnerID is owner for the versions that take a number: it must be one.
func intOwnerID(owner Opt[ID]) (Opt[intBodyID], error) {
	v, ok := owner.Get()
	switch {
	case owner.IsNull():
		return Null[intBodyID](), nil
	case !ok:
		return Opt[intBodyID]{}, nil
	case !isDigits(v):
		return Opt[intBodyID]{}, invalid("owner_id", "must be a numeric admin id before API version 2.16, got "+v)
	}
	return Some(intBodyID(v)), nil
}

// ContactMergeRequest merges a lead into a user.
type ContactMergeRequest struct {
	// From is the id of the lead to merge away (required).
	From string `json:"from"`
	// Into is the id of the user to merge into (required).
	Into string `json:"into"`
	// SkipDuplicateValidation, Some(true), merges two contacts that are not
	// duplicates (they share no email or phone). API 2.16 and later.
	SkipDuplicateValidation Opt[bool] `json:"skip_duplicate_validation,omitzero" intercom:"since=2.16"`

	// IncludeMergeHistory asks for the resulting user's merge_history
	// (query parameter include_merge_history). API 2.16 and later.
	IncludeMergeHistory bool `json:"-"`
}

// mergeHistoryQuery is the include_merge_history query parameter of the
// contact endpoints that take it.
type mergeHistoryQuery struct {
	IncludeMergeHistory bool `url:"include_merge_history,omitempty" intercom:"since=2.16"`
}

// mergeHistoryEndpoint adds include_merge_history=true to e when include is set.
func mergeHistoryEndpoint(e endpoint, include bool) endpoint {
	if include {
		e.query = &mergeHistoryQuery{IncludeMergeHistory: true}
	}
	return e
}

// Validate checks that both contacts are named.
func (r ContactMergeRequest) Validate() error {
	if strings.TrimSpace(r.From) == "" {
		return invalid("from", "is required")
	}
	if strings.TrimSpace(r.Into) == "" {
		return invalid("into", "is required")
	}
	return nil
}

// ContactSegments lists the segments a contact belongs to (not paginated).
type ContactSegments struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the segments.
	Data []Segment `json:"data"`
}

// ContactAttachedCompanies is one page of the companies a contact belongs to.
type ContactAttachedCompanies struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the companies. Intercom sends them under "data" (the
	// description says "companies"; both are accepted).
	Data []Company `json:"data"`
	// TotalCount is the number of companies the contact belongs to.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block; Pages.Next.URL links the next page.
	Pages Pages `json:"pages,omitzero"`
}

type contactAttachedCompaniesFields ContactAttachedCompanies

// UnmarshalJSON decodes the list, taking the companies from "data" or,
// as the description has it, from "companies".
func (l *ContactAttachedCompanies) UnmarshalJSON(b []byte) error {
	var f struct {
		contactAttachedCompaniesFields
		Companies []Company `json:"companies"`
	}
	if err := unmarshalModel(b, &f); err != nil {
		return err
	}
	*l = ContactAttachedCompanies(f.contactAttachedCompaniesFields)
	if l.Data == nil && f.Companies != nil {
		l.Data = f.Companies
	}
	return nil
}

// List returns one page of the workspace's contacts (users and leads),
// 50 per page unless opt says otherwise; merged contacts are not listed.
// GET /contacts (ListContacts).
func (s *ContactsService) List(ctx context.Context, opt *ContactListOptions, opts ...Option) (*ContactList, *Response, error) {
	return call[ContactList](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts", query: opt}, opts)
}

// ListAll iterates over every contact of the workspace, fetching pages as
// the loop needs them and following the starting_after cursor. opt (may be
// nil) sets the page size and a cursor to start after; it is not modified.
func (s *ContactsService) ListAll(ctx context.Context, opt *ContactListOptions, opts ...Option) iter.Seq2[Contact, error] {
	return walk(ctx, opt, func(o *ContactListOptions, cursor string) {
		if cursor != "" {
			o.StartingAfter = cursor
		}
	}, func(ctx context.Context, o *ContactListOptions) ([]Contact, string, error) {
		page, _, err := s.List(ctx, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextStartingAfter(page.Pages, len(page.Data)), nil
	})
}

// Create creates a user or lead. The request needs an email, an external id
// or a role. POST /contacts (CreateContact).
func (s *ContactsService) Create(ctx context.Context, req ContactCreateRequest, opts ...Option) (*Contact, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Contact](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts", body: req}, opts)
}

// ContactGetOptions are the query parameters of fetching a contact.
type ContactGetOptions struct {
	// IncludeMergeHistory adds the user's merge_history (the contacts merged
	// into it). API 2.16 and later.
	IncludeMergeHistory bool `url:"include_merge_history,omitempty" intercom:"since=2.16"`
}

// Get returns a contact; opt may be nil. A contact merged into another one
// is not found: use the id of the contact it was merged into.
// GET /contacts/{id} (ShowContact).
func (s *ContactsService) Get(ctx context.Context, id string, opt *ContactGetOptions, opts ...Option) (*Contact, *Response, error) {
	return call[Contact](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{id}", params: []string{id}, query: opt}, opts)
}

// Update changes a contact's fields: only the fields set in req are sent,
// and Opt fields set to Null are cleared. PUT /contacts/{id} (UpdateContact).
func (s *ContactsService) Update(ctx context.Context, id string, req ContactUpdateRequest, opts ...Option) (*Contact, *Response, error) {
	return call[Contact](ctx, s.client, mergeHistoryEndpoint(endpoint{method: http.MethodPut, path: "/contacts/{id}", params: []string{id}, body: req}, req.IncludeMergeHistory), opts)
}

// Delete deletes a contact. DELETE /contacts/{id} (DeleteContact).
func (s *ContactsService) Delete(ctx context.Context, id string, opts ...Option) (*ContactDeleted, *Response, error) {
	return call[ContactDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/contacts/{id}", params: []string{id}}, opts)
}

// Merge merges a lead (req.From) into a user (req.Into) and returns the
// user. POST /contacts/merge (MergeContact).
func (s *ContactsService) Merge(ctx context.Context, req ContactMergeRequest, opts ...Option) (*Contact, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Contact](ctx, s.client, mergeHistoryEndpoint(endpoint{method: http.MethodPost, path: "/contacts/merge", body: req}, req.IncludeMergeHistory), opts)
}

// Search returns one page of the contacts matching req.Query. The query is
// validated against Intercom's documented limits before anything is sent.
// POST /contacts/search (SearchContacts).
func (s *ContactsService) Search(ctx context.Context, req SearchRequest, opts ...Option) (*ContactList, *Response, error) {
	return searchPage[ContactList](ctx, s.client, "/contacts/search", req, opts)
}

// SearchAll iterates over every contact matching req.Query, fetching pages
// as the loop needs them: each request carries the previous page's
// pages.next.starting_after as pagination.starting_after. req is not
// modified.
func (s *ContactsService) SearchAll(ctx context.Context, req SearchRequest, opts ...Option) iter.Seq2[Contact, error] {
	return searchEach(ctx, s.client, "/contacts/search", req, opts, func(l *ContactList) ([]Contact, Pages) { return l.Data, l.Pages })
}

// Archive archives a contact. POST /contacts/{id}/archive (ArchiveContact).
func (s *ContactsService) Archive(ctx context.Context, id string, opts ...Option) (*ContactArchived, *Response, error) {
	return call[ContactArchived](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{id}/archive", params: []string{id}}, opts)
}

// Unarchive restores an archived contact. POST /contacts/{id}/unarchive (UnarchiveContact).
func (s *ContactsService) Unarchive(ctx context.Context, id string, opts ...Option) (*ContactUnarchived, *Response, error) {
	return call[ContactUnarchived](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{id}/unarchive", params: []string{id}}, opts)
}

// ListSegments returns the segments a contact belongs to.
// GET /contacts/{contact_id}/segments (listSegmentsForAContact).
func (s *ContactsService) ListSegments(ctx context.Context, contactID string, opts ...Option) (*ContactSegments, *Response, error) {
	return call[ContactSegments](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{contact_id}/segments", params: []string{contactID}}, opts)
}

// ListSubscriptions returns the subscription types a contact has explicitly
// opted into or out of (types left in their default state are not listed).
// GET /contacts/{contact_id}/subscriptions (listSubscriptionsForAContact).
func (s *ContactsService) ListSubscriptions(ctx context.Context, contactID string, opts ...Option) (*SubscriptionTypeList, *Response, error) {
	return call[SubscriptionTypeList](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{contact_id}/subscriptions", params: []string{contactID}}, opts)
}

// contactCompaniesNextPage returns the number of the page after p, as a
// cursor for paginate, or "" at the end. Intercom sends the next page as a
// link (pages.next); only its page parameter is used, so the SDK never
// follows a link to another host. Without a link, page < total_pages still
// means there is more.
func contactCompaniesNextPage(p Pages, itemsOnPage int) string {
	if itemsOnPage == 0 {
		return ""
	}
	if p.Next.URL != "" {
		if u, err := url.Parse(p.Next.URL); err == nil {
			if n, err := strconv.Atoi(u.Query().Get("page")); err == nil && n > 0 {
				return strconv.Itoa(n)
			}
		}
	}
	if p.Next.Page > 0 {
		return strconv.Itoa(p.Next.Page)
	}
	if p.Page > 0 && p.Page < p.TotalPages {
		return strconv.Itoa(p.Page + 1)
	}
	return ""
}

// ListCompanies returns one page of the companies a contact belongs to.
// opt may be nil. GET /contacts/{id}/companies (listCompaniesForAContact).
func (s *ContactsService) ListCompanies(ctx context.Context, id string, opt *ContactListCompaniesOptions, opts ...Option) (*ContactAttachedCompanies, *Response, error) {
	return call[ContactAttachedCompanies](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{id}/companies", params: []string{id}, query: opt}, opts)
}

// ListCompaniesAll iterates over every company a contact belongs to,
// fetching pages as the loop needs them. The page number is read from the
// next-page link Intercom sends, and the same path is called again with it:
// the link itself is never followed. opt (may be nil) is not modified.
func (s *ContactsService) ListCompaniesAll(ctx context.Context, id string, opt *ContactListCompaniesOptions, opts ...Option) iter.Seq2[Company, error] {
	var base ContactListCompaniesOptions
	if opt != nil {
		base = *opt
	}
	return paginate(ctx, func(ctx context.Context, cursor string) ([]Company, string, error) {
		// A link back to this page or an earlier one would loop forever:
		// the page's companies are still yielded, then the walk ends with
		// ErrCursorStalled, carried by a cursor that is not a page number.
		if reason, ok := strings.CutPrefix(cursor, contactStalledCursor); ok {
			return nil, "", fmt.Errorf("%w: %s", ErrCursorStalled, reason)
		}
		o := base
		o.Page = atoiOr(cursor, base.Page)
		page, _, err := s.ListCompanies(ctx, id, &o, opts...)
		if err != nil {
			return nil, "", err
		}
		next := contactCompaniesNextPage(page.Pages, len(page.Data))
		if n, _ := strconv.Atoi(next); next != "" && n <= max(o.Page, 1) {
			return page.Data, fmt.Sprintf("%spage %d links to page %d", contactStalledCursor, max(o.Page, 1), n), nil
		}
		return page.Data, next, nil
	}, false)
}

// contactStalledCursor prefixes the pseudo-cursor ListCompaniesAll uses to
// end a walk whose next link does not move forward.
const contactStalledCursor = "stalled: "

// ListTags returns the tags applied to a contact.
// GET /contacts/{contact_id}/tags (listTagsForAContact).
func (s *ContactsService) ListTags(ctx context.Context, contactID string, opts ...Option) (*TagList, *Response, error) {
	return call[TagList](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{contact_id}/tags", params: []string{contactID}}, opts)
}
