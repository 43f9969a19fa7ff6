package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// NewsItemState says whether a news item is visible in its newsfeeds.
type NewsItemState string

// News item states.
const (
	NewsItemStateDraft NewsItemState = "draft"
	NewsItemStateLive  NewsItemState = "live"
)

// NewsItem is an announcement shown in Messenger newsfeeds.
type NewsItem struct {
	// Type is "news-item".
	Type string `json:"type,omitempty"`
	// ID is the news item's id.
	ID ID `json:"id,omitempty"`
	// WorkspaceID is the id of the workspace the news item belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// Title is the title.
	Title string `json:"title,omitempty"`
	// Body is the body, which may contain HTML.
	Body string `json:"body,omitempty"`
	// SenderID is the admin shown as the sender.
	SenderID ID `json:"sender_id,omitempty"`
	// State is draft or live.
	State NewsItemState `json:"state,omitempty"`
	// NewsfeedAssignments are the newsfeeds the item is published in.
	NewsfeedAssignments []NewsfeedAssignment `json:"newsfeed_assignments,omitempty"`
	// Labels are the label names shown to users.
	Labels []string `json:"labels,omitempty"`
	// CoverImageURL is the URL of the cover image, if any.
	CoverImageURL string `json:"cover_image_url,omitempty"`
	// Reactions are the emoji reactions offered, in order; Intercom sends null
	// for unset slots, which decode as "". Empty means reactions are disabled.
	Reactions []string `json:"reactions,omitempty"`
	// DeliverSilently says whether the item appears without a notification badge.
	DeliverSilently bool `json:"deliver_silently,omitempty"`
	// CreatedAt is when the item was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the item was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// NewsfeedAssignment places a news item in a newsfeed.
type NewsfeedAssignment struct {
	// NewsfeedID is the newsfeed (a numeric id, sent as an integer).
	NewsfeedID ID `json:"newsfeed_id,omitempty"`
	// PublishedAt is the publish date in the feed; it can only be in the past,
	// and it is ignored while the item is a draft.
	PublishedAt Timestamp `json:"published_at,omitempty"`
}

type newsfeedAssignmentFields NewsfeedAssignment

// MarshalJSON encodes the assignment with newsfeed_id as an integer.
func (a NewsfeedAssignment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		newsfeedAssignmentFields
		NewsfeedID intBodyID `json:"newsfeed_id,omitempty"`
	}{newsfeedAssignmentFields(a), intBodyID(a.NewsfeedID)})
}

// Newsfeed is a collection of news items targeted at an audience. Newsfeeds
// cannot be changed through the API.
type Newsfeed struct {
	// ID is the newsfeed's id.
	ID ID `json:"id,omitempty"`
	// Type is "newsfeed".
	Type string `json:"type,omitempty"`
	// Name is the newsfeed's name (never shown to users).
	Name string `json:"name,omitempty"`
	// CreatedAt is when the newsfeed was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the newsfeed was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// NewsItemList is one page of news items.
type NewsItemList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of news items in all pages.
	TotalCount int `json:"total_count,omitempty"`
	// Data are the news items on this page.
	Data []NewsItem `json:"data"`
}

// NewsfeedList is one page of newsfeeds.
type NewsfeedList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of newsfeeds in all pages.
	TotalCount int `json:"total_count,omitempty"`
	// Data are the newsfeeds on this page.
	Data []Newsfeed `json:"data"`
}

// NewsItemDeleted is the response of deleting a news item.
type NewsItemDeleted struct {
	// ID is the id of the deleted news item.
	ID ID `json:"id,omitempty"`
	// Object is "news-item".
	Object string `json:"object,omitempty"`
	// Deleted is true when the news item was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// NewsListOptions selects a page of news items or newsfeeds. Intercom
// accepts these parameters though the spec does not declare them.
type NewsListOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// NewsCreateItemRequest creates a news item (and, as NewsUpdateItemRequest,
// updates one: the two share the spec's news_item_request schema). The spec
// requires Title and SenderID on both create and update.
//
// Labels, Reactions and NewsfeedAssignments are left out when nil and sent
// when non-nil, so an empty non-nil slice clears them (an empty Reactions
// disables reactions).
type NewsCreateItemRequest struct {
	// Title is the title; required.
	Title string `json:"title"`
	// Body is the body, which may contain HTML.
	Body string `json:"body,omitempty"`
	// SenderID is the admin shown as the sender (a numeric id, sent as an integer); required.
	SenderID string `json:"sender_id"`
	// State is draft or live.
	State NewsItemState `json:"state,omitempty"`
	// DeliverSilently hides the notification badge; Some(false) turns it off.
	DeliverSilently Opt[bool] `json:"deliver_silently,omitzero"`
	// Labels are the label names shown to users.
	Labels []string `json:"labels,omitzero"`
	// Reactions are the emoji reactions offered, in order.
	Reactions []string `json:"reactions,omitzero"`
	// NewsfeedAssignments are the newsfeeds to publish the item in.
	NewsfeedAssignments []NewsfeedAssignment `json:"newsfeed_assignments,omitzero"`
}

// NewsUpdateItemRequest is the body of NewsService.UpdateItem: the same
// fields, and the same rules, as NewsCreateItemRequest.
type NewsUpdateItemRequest = NewsCreateItemRequest

// MarshalJSON encodes the request with sender_id as an integer.
func (r NewsCreateItemRequest) MarshalJSON() ([]byte, error) {
	type fields NewsCreateItemRequest
	return json.Marshal(struct {
		fields
		SenderID intBodyID `json:"sender_id"`
	}{fields(r), intBodyID(r.SenderID)})
}

// Validate checks the required title and sender and that ids are numeric.
func (r NewsCreateItemRequest) Validate() error {
	if r.Title == "" {
		return invalid("title", "is required")
	}
	if r.SenderID == "" {
		return invalid("sender_id", "is required")
	}
	if err := checkIntID("sender_id", r.SenderID); err != nil {
		return err
	}
	for i, a := range r.NewsfeedAssignments {
		if err := checkIntID("newsfeed_assignments["+itoa(int64(i))+"].newsfeed_id", a.NewsfeedID); err != nil {
			return err
		}
	}
	return nil
}

// ListItems returns one page of the workspace's news items.
// GET /news/news_items (listNewsItems).
func (s *NewsService) ListItems(ctx context.Context, opt *NewsListOptions, opts ...Option) (*NewsItemList, *Response, error) {
	return call[NewsItemList](ctx, s.client, endpoint{method: http.MethodGet, path: "/news/news_items", query: opt}, opts)
}

// ListItemsAll iterates over every news item, fetching pages as the loop
// needs them (starting at opt.Page, if set).
func (s *NewsService) ListItemsAll(ctx context.Context, opt *NewsListOptions, opts ...Option) iter.Seq2[NewsItem, error] {
	return walk(ctx, opt, newsPage, func(ctx context.Context, o *NewsListOptions) ([]NewsItem, string, error) {
		page, _, err := s.ListItems(ctx, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
	})
}

// CreateItem creates a news item. POST /news/news_items (createNewsItem).
func (s *NewsService) CreateItem(ctx context.Context, req NewsCreateItemRequest, opts ...Option) (*NewsItem, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[NewsItem](ctx, s.client, endpoint{method: http.MethodPost, path: "/news/news_items", body: req}, opts)
}

// GetItem returns a news item. GET /news/news_items/{id} (retrieveNewsItem).
func (s *NewsService) GetItem(ctx context.Context, id string, opts ...Option) (*NewsItem, *Response, error) {
	return call[NewsItem](ctx, s.client, endpoint{method: http.MethodGet, path: "/news/news_items/{id}", params: []string{id}}, opts)
}

// UpdateItem changes a news item. PUT /news/news_items/{id} (updateNewsItem).
func (s *NewsService) UpdateItem(ctx context.Context, id string, req NewsUpdateItemRequest, opts ...Option) (*NewsItem, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[NewsItem](ctx, s.client, endpoint{method: http.MethodPut, path: "/news/news_items/{id}", params: []string{id}, body: req}, opts)
}

// DeleteItem deletes a news item. DELETE /news/news_items/{id} (deleteNewsItem).
func (s *NewsService) DeleteItem(ctx context.Context, id string, opts ...Option) (*NewsItemDeleted, *Response, error) {
	return call[NewsItemDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/news/news_items/{id}", params: []string{id}}, opts)
}

// ListLiveItems returns one page of the live news items of a newsfeed.
// GET /news/newsfeeds/{id}/items (listLiveNewsfeedItems).
func (s *NewsService) ListLiveItems(ctx context.Context, newsfeedID string, opt *NewsListOptions, opts ...Option) (*NewsItemList, *Response, error) {
	return call[NewsItemList](ctx, s.client, endpoint{method: http.MethodGet, path: "/news/newsfeeds/{id}/items", params: []string{newsfeedID}, query: opt}, opts)
}

// ListLiveItemsAll iterates over every live news item of a newsfeed,
// fetching pages as the loop needs them (starting at opt.Page, if set).
func (s *NewsService) ListLiveItemsAll(ctx context.Context, newsfeedID string, opt *NewsListOptions, opts ...Option) iter.Seq2[NewsItem, error] {
	return walk(ctx, opt, newsPage, func(ctx context.Context, o *NewsListOptions) ([]NewsItem, string, error) {
		page, _, err := s.ListLiveItems(ctx, newsfeedID, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
	})
}

// ListNewsfeeds returns one page of the workspace's newsfeeds.
// GET /news/newsfeeds (listNewsfeeds).
func (s *NewsService) ListNewsfeeds(ctx context.Context, opt *NewsListOptions, opts ...Option) (*NewsfeedList, *Response, error) {
	return call[NewsfeedList](ctx, s.client, endpoint{method: http.MethodGet, path: "/news/newsfeeds", query: opt}, opts)
}

// ListNewsfeedsAll iterates over every newsfeed, fetching pages as the loop
// needs them (starting at opt.Page, if set).
func (s *NewsService) ListNewsfeedsAll(ctx context.Context, opt *NewsListOptions, opts ...Option) iter.Seq2[Newsfeed, error] {
	return walk(ctx, opt, newsPage, func(ctx context.Context, o *NewsListOptions) ([]Newsfeed, string, error) {
		page, _, err := s.ListNewsfeeds(ctx, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
	})
}

// GetNewsfeed returns a newsfeed. GET /news/newsfeeds/{id} (retrieveNewsfeed).
func (s *NewsService) GetNewsfeed(ctx context.Context, id string, opts ...Option) (*Newsfeed, *Response, error) {
	return call[Newsfeed](ctx, s.client, endpoint{method: http.MethodGet, path: "/news/newsfeeds/{id}", params: []string{id}}, opts)
}

// newsPage is walk's cursor setter for the page-numbered news lists.
func newsPage(o *NewsListOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) }
