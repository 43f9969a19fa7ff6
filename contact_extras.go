package intercom

import (
	"context"
	"iter"
	"net/http"
)

// ContactGetByExternalIDOptions are the query parameters of fetching a
// contact by its external id.
type ContactGetByExternalIDOptions struct {
	// IncludeMergeHistory asks for the contacts merged into this one (users
	// only). API 2.16 and later.
	IncludeMergeHistory bool `url:"include_merge_history,omitempty" intercom:"since=2.16"`
}

// GetByExternalID returns the user whose external id (the user_id you gave
// it) is externalID; leads cannot be found this way. A contact merged into
// another answers 410 Gone. API 2.13 and later.
// GET /contacts/find_by_external_id/{external_id} (ShowContactByExternalId).
func (s *ContactsService) GetByExternalID(ctx context.Context, externalID string, opt *ContactGetByExternalIDOptions, opts ...Option) (*Contact, *Response, error) {
	return call[Contact](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/find_by_external_id/{external_id}", params: []string{externalID}, query: opt}, opts)
}

// ContactBlocked is the response of blocking a contact.
type ContactBlocked struct {
	// Type is "contact".
	Type string `json:"type,omitempty"`
	// ID is the blocked contact's id.
	ID ID `json:"id,omitempty"`
	// ExternalID is your identifier of the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Blocked is always true.
	Blocked bool `json:"blocked,omitempty"`
}

// Block blocks a contact; Intercom also archives its conversations. API 2.13
// and later. POST /contacts/{id}/block (BlockContact).
func (s *ContactsService) Block(ctx context.Context, id string, opts ...Option) (*ContactBlocked, *Response, error) {
	return call[ContactBlocked](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{id}/block", params: []string{id}}, opts)
}

// ContactMergeHistoryItem records a contact merged into another.
type ContactMergeHistoryItem struct {
	// Type is "merge_history".
	Type string `json:"type,omitempty"`
	// SourceContactID is the contact that was merged in.
	SourceContactID ID `json:"source_contact_id,omitempty"`
	// SourceContactRole is the role the merged contact had (user or lead).
	SourceContactRole ContactRole `json:"source_contact_role,omitempty"`
	// MergedAt is when the merge happened.
	MergedAt Timestamp `json:"merged_at,omitempty"`
}

// ContactMergeHistoryList is one page of the contacts merged into a contact.
type ContactMergeHistoryList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the merges of this page.
	Data []ContactMergeHistoryItem `json:"data"`
	// NextCursor is the cursor of the next page; empty on the last.
	NextCursor string `json:"next_cursor,omitempty"`
	// HasMore says whether there is a next page.
	HasMore bool `json:"has_more,omitempty"`
}

// ContactMergeHistoryOrder is the order of ListMergeHistory.
type ContactMergeHistoryOrder string

// Merge history orders.
const (
	ContactMergeHistoryOrderAsc  ContactMergeHistoryOrder = "asc"
	ContactMergeHistoryOrderDesc ContactMergeHistoryOrder = "desc"
)

// ContactListMergeHistoryOptions are the query parameters of listing a
// contact's merge history.
type ContactListMergeHistoryOptions struct {
	// Cursor is the cursor of the page to fetch, from the previous page's
	// NextCursor.
	Cursor string `url:"cursor,omitempty"`
	// PerPage is the page size, 1 to 150 (Intercom's default is 50).
	PerPage int `url:"per_page,omitempty"`
	// Order is the order of the merges (Intercom's default is descending).
	Order ContactMergeHistoryOrder `url:"order,omitempty"`
}

// ListMergeHistory returns one page of the contacts merged into a user (404
// for a lead). API 2.16 and later.
// GET /contacts/{id}/merge_history (ListContactMergeHistory).
func (s *ContactsService) ListMergeHistory(ctx context.Context, id string, opt *ContactListMergeHistoryOptions, opts ...Option) (*ContactMergeHistoryList, *Response, error) {
	return call[ContactMergeHistoryList](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{id}/merge_history", params: []string{id}, query: opt}, opts)
}

// ListMergeHistoryAll iterates over every contact merged into a user,
// following next_cursor and fetching pages as the loop needs them.
func (s *ContactsService) ListMergeHistoryAll(ctx context.Context, id string, opt *ContactListMergeHistoryOptions, opts ...Option) iter.Seq2[ContactMergeHistoryItem, error] {
	return walk(ctx, opt, func(o *ContactListMergeHistoryOptions, cursor string) {
		if cursor != "" {
			o.Cursor = cursor
		}
	}, func(ctx context.Context, o *ContactListMergeHistoryOptions) ([]ContactMergeHistoryItem, string, error) {
		page, _, err := s.ListMergeHistory(ctx, id, o, opts...)
		if err != nil {
			return nil, "", err
		}
		if !page.HasMore || len(page.Data) == 0 {
			return page.Data, "", nil
		}
		return page.Data, page.NextCursor, nil
	})
}

// BannerActionType is the kind of a banner's action. Unknown values decode
// as-is.
type BannerActionType string

// Banner action types.
const (
	BannerActionURL            BannerActionType = "url"
	BannerActionReaction       BannerActionType = "reaction"
	BannerActionEmailCollector BannerActionType = "email_collector"
	BannerActionProductTour    BannerActionType = "product_tour"
)

// BannerAction is what a contact can do with a banner. Which fields are set
// depends on Type.
type BannerAction struct {
	// Type is the kind of action: url, reaction, email_collector or
	// product_tour.
	Type BannerActionType `json:"type,omitempty"`
	// Label is the label of a url action's link or button.
	Label string `json:"label,omitempty"`
	// Target is the URL of a url action.
	Target string `json:"target,omitempty"`
	// ReactionSet are the reactions of a reaction action.
	ReactionSet []BannerReaction `json:"reaction_set,omitempty"`
	// TourID is the product tour of a product_tour action.
	TourID ID `json:"tour_id,omitempty"`
	// TourURL is the URL that launches the product tour.
	TourURL string `json:"tour_url,omitempty"`
}

// BannerReaction is one reaction a contact can choose on a banner.
type BannerReaction struct {
	// Index is the reaction's position in the set.
	Index int `json:"index,omitempty"`
	// UnicodeEmoticon is the reaction's emoji.
	UnicodeEmoticon string `json:"unicode_emoticon,omitempty"`
}

// Banner is a banner a contact currently matches, to show outside the
// Messenger.
type Banner struct {
	// Type is "banner".
	Type string `json:"type,omitempty"`
	// ID is the banner's id.
	ID ID `json:"id,omitempty"`
	// ViewID is the contact's view of the banner: what DismissBanner takes.
	ViewID ID `json:"view_id,omitempty"`
	// Title is the banner's title; empty when it has none.
	Title string `json:"title,omitempty"`
	// Body is the banner's content, as HTML.
	Body string `json:"body,omitempty"`
	// Style is how the banner is displayed (e.g. "inline").
	Style string `json:"style,omitempty"`
	// Position is where the banner is placed (e.g. "top").
	Position string `json:"position,omitempty"`
	// ShowDismissButton says whether to show a dismiss control.
	ShowDismissButton bool `json:"show_dismiss_button,omitempty"`
	// Action is what the contact can do with the banner; nil when nothing.
	Action *BannerAction `json:"action,omitempty"`
	// ClientTargeting is reserved by Intercom (always null so far).
	ClientTargeting []map[string]any `json:"client_targeting,omitempty"`
	// CreatedAt is when the contact's view of the banner was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
}

// BannerList lists the banners a contact matches.
type BannerList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the banners.
	Data []Banner `json:"data"`
}

// BannerDismissal is the response of dismissing a banner.
type BannerDismissal struct {
	// Type is "banner_dismiss".
	Type string `json:"type,omitempty"`
	// ViewID is the dismissed view.
	ViewID ID `json:"view_id,omitempty"`
	// Dismissed says whether the view is dismissed.
	Dismissed bool `json:"dismissed,omitempty"`
}

// ListBanners returns the banners a contact currently matches, to display
// outside the Messenger. Intercom records an impression of each banner
// returned: call it when about to show them. API 2.16 and later.
// GET /contacts/{id}/banners (listContactBanners).
func (s *ContactsService) ListBanners(ctx context.Context, id string, opts ...Option) (*BannerList, *Response, error) {
	return call[BannerList](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{id}/banners", params: []string{id}}, opts)
}

// DismissBanner records that a contact dismissed a banner (by the ViewID
// of ListBanners); the dismissal holds in the Messenger too. Dismissing
// twice succeeds. API 2.16 and later.
// POST /contacts/{id}/banners/{view_id}/dismiss (dismissContactBanner).
func (s *ContactsService) DismissBanner(ctx context.Context, id, viewID string, opts ...Option) (*BannerDismissal, *Response, error) {
	return call[BannerDismissal](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{id}/banners/{view_id}/dismiss", params: []string{id, viewID}}, opts)
}
