package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// ContentItemType is the kind of a Knowledge Hub content item, as search
// results and bulk actions name it.
type ContentItemType string

// The kinds of Knowledge Hub content items.
const (
	// ContentItemArticle is a Help Center article (all its locales).
	ContentItemArticle ContentItemType = "article"
	// ContentItemArticleContent is one locale of a Help Center article.
	ContentItemArticleContent ContentItemType = "article_content"
	// ContentItemContentSnippet is a content snippet.
	ContentItemContentSnippet ContentItemType = "content_snippet"
	// ContentItemExternalContent is an external page.
	ContentItemExternalContent ContentItemType = "external_content"
	// ContentItemFileSourceContent is an uploaded file.
	ContentItemFileSourceContent ContentItemType = "file_source_content"
	// ContentItemInternalArticle is an internal article.
	ContentItemInternalArticle ContentItemType = "internal_article"
)

// ContentSearchType is a kind of content a search can be restricted to
// (ContentSearchOptions.ContentTypes); it names snippets otherwise than
// ContentItemType does.
type ContentSearchType string

// The kinds of content a search can be restricted to.
const (
	// ContentSearchSnippet is content snippets.
	ContentSearchSnippet ContentSearchType = "snippet"
	// ContentSearchExternalContent is external pages.
	ContentSearchExternalContent ContentSearchType = "external_content"
	// ContentSearchFileSourceContent is uploaded files.
	ContentSearchFileSourceContent ContentSearchType = "file_source_content"
	// ContentSearchInternalArticle is internal articles.
	ContentSearchInternalArticle ContentSearchType = "internal_article"
	// ContentSearchArticle is Help Center articles.
	ContentSearchArticle ContentSearchType = "article"
)

// ContentState is the publication state a content search filters on.
type ContentState string

// The publication states of content.
const (
	// ContentStatePublished is published content.
	ContentStatePublished ContentState = "published"
	// ContentStateDraft is draft content.
	ContentStateDraft ContentState = "draft"
)

// ContentToggle is "on" or "off": whether content is enabled for an AI
// agent, as a content search filters on it.
type ContentToggle string

// The two states of a ContentToggle.
const (
	// ContentOn is content enabled for the agent.
	ContentOn ContentToggle = "on"
	// ContentOff is content disabled for the agent.
	ContentOff ContentToggle = "off"
)

// ContentTagOperator is how a content search matches TagIDs.
type ContentTagOperator string

// The tag operators of a content search.
const (
	// ContentTagIn matches content with any of the tags.
	ContentTagIn ContentTagOperator = "IN"
	// ContentTagNotIn excludes content with any of the tags.
	ContentTagNotIn ContentTagOperator = "NIN"
)

// ContentSearchOptions are the query parameters of a Knowledge Hub content
// search. Ids are numeric, sent as integers; the lists are sent
// comma-separated.
type ContentSearchOptions struct {
	// Query is matched against the title and body of each item (at most
	// 500 characters); empty returns the most recent items.
	Query string `url:"query,omitempty"`
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (1 to 50; Intercom's default: 10).
	PerPage int `url:"per_page,omitempty"`
	// States filters on the publication state.
	States []ContentState `url:"states,omitempty,comma"`
	// Locales filters on locale codes (en, fr, …).
	Locales []string `url:"locales,omitempty,comma"`
	// TagIDs filters on tags, matched as TagOperator says.
	TagIDs []string `url:"tag_ids,omitempty,comma"`
	// TagOperator is how TagIDs match (IN, the default, or NIN).
	TagOperator ContentTagOperator `url:"tag_operator,omitempty"`
	// AnyTagIDs matches content with any of these tags.
	AnyTagIDs []string `url:"any_tag_ids,omitempty,comma"`
	// FolderIDs filters on folders; it requires FolderEntityType.
	FolderIDs []string `url:"folder_ids,omitempty,comma"`
	// FolderEntityType is what FolderIDs refer to: "folder".
	FolderEntityType string `url:"folder_entity_type,omitempty"`
	// ContentTypes replaces the default set of content types searched.
	ContentTypes []ContentSearchType `url:"content_types,omitempty,comma"`
	// CopilotState filters on whether Copilot uses the content.
	CopilotState ContentToggle `url:"copilot_state,omitempty"`
	// FinServiceState filters on whether the Fin AI Agent uses the content.
	FinServiceState ContentToggle `url:"fin_service_state,omitempty"`
	// FinSalesState filters on whether Fin Sales Agent uses the content.
	FinSalesState ContentToggle `url:"fin_sales_state,omitempty"`
	// CreatedByIDs filters on the admins who created the content.
	CreatedByIDs []string `url:"created_by_ids,omitempty,comma"`
	// LastUpdatedByIDs filters on the admins who last updated the content.
	LastUpdatedByIDs []string `url:"last_updated_by_ids,omitempty,comma"`
	// CreatedAtAfter keeps content created at or after this time.
	CreatedAtAfter Timestamp `url:"created_at_after,omitempty"`
	// CreatedAtBefore keeps content created at or before this time.
	CreatedAtBefore Timestamp `url:"created_at_before,omitempty"`
	// UpdatedAtAfter keeps content last updated at or after this time.
	UpdatedAtAfter Timestamp `url:"updated_at_after,omitempty"`
	// UpdatedAtBefore keeps content last updated at or before this time.
	UpdatedAtBefore Timestamp `url:"updated_at_before,omitempty"`
}

// Validate checks the ids and that folders come with their entity type.
func (o *ContentSearchOptions) Validate() error {
	if o == nil {
		return nil
	}
	for _, l := range []struct {
		field string
		ids   []string
	}{{"tag_ids", o.TagIDs}, {"any_tag_ids", o.AnyTagIDs}, {"folder_ids", o.FolderIDs},
		{"created_by_ids", o.CreatedByIDs}, {"last_updated_by_ids", o.LastUpdatedByIDs}} {
		if err := checkNumericIDs(l.field, l.ids); err != nil {
			return err
		}
	}
	if len(o.FolderIDs) > 0 && o.FolderEntityType == "" {
		return invalid("folder_entity_type", `is required with folder_ids ("folder")`)
	}
	return nil
}

// ContentSearchResult is one item found by a content search. Help Center
// articles carry one entry per locale in Contents; the other kinds only
// their type, id and title.
type ContentSearchResult struct {
	// Type is the kind of the item.
	Type ContentItemType `json:"type,omitempty"`
	// ID is the item's id.
	ID ID `json:"id,omitempty"`
	// Title is the item's title (an article's canonical title).
	Title string `json:"title,omitempty"`
	// Contents are the locales of an article.
	Contents []ContentSearchArticleContent `json:"contents,omitempty"`
}

// ContentSearchArticleContent is one locale of an article found by a
// content search.
type ContentSearchArticleContent struct {
	// Type is "article_content".
	Type ContentItemType `json:"type,omitempty"`
	// ID is the article content's id.
	ID ID `json:"id,omitempty"`
	// Title is the localized title.
	Title string `json:"title,omitempty"`
	// Locale is the locale of this content.
	Locale string `json:"locale,omitempty"`
}

// ContentSearchPages is the pagination block of a content search: Pages,
// whose Next is a link, and the link to the previous page.
type ContentSearchPages struct {
	// Pages holds the page numbers and the link to the next page.
	Pages
	// Prev is the link to the previous page; empty on the first.
	Prev string `json:"prev,omitempty"`
}

// ContentSearchResponse is one page of a content search.
type ContentSearchResponse struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// TotalCount is the number of matching items.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block.
	Pages ContentSearchPages `json:"pages,omitzero"`
	// Data holds the matching items of this page.
	Data []ContentSearchResult `json:"data"`
}

// ContentBulkActionType is the action a bulk action runs.
type ContentBulkActionType string

// The actions of a bulk action, with the item types each accepts (other
// items are dropped by Intercom).
const (
	// ContentBulkPublish publishes article contents.
	ContentBulkPublish ContentBulkActionType = "publish"
	// ContentBulkUnpublish unpublishes article contents.
	ContentBulkUnpublish ContentBulkActionType = "unpublish"
	// ContentBulkDelete deletes article contents, snippets, files and
	// internal articles for good (synced sources are skipped).
	ContentBulkDelete ContentBulkActionType = "delete"
	// ContentBulkSetAvailability toggles the AI agents' use of content
	// (Availability).
	ContentBulkSetAvailability ContentBulkActionType = "set_availability"
	// ContentBulkSetAudience changes the segments of content (Audience).
	ContentBulkSetAudience ContentBulkActionType = "set_audience"
	// ContentBulkUpdateTags applies and removes tags (Tags); articles are
	// named by their article id, not their article contents'.
	ContentBulkUpdateTags ContentBulkActionType = "update_tags"
)

// ContentRef names one Knowledge Hub content item.
type ContentRef struct {
	// Type is the item's kind (required).
	Type ContentItemType `json:"type"`
	// ID is the item's id (required).
	ID string `json:"id"`
}

// ContentBulkAvailability is what a set_availability action toggles: only
// the fields set change.
type ContentBulkAvailability struct {
	// AIAgent toggles the Fin AI Agent's use of the content.
	AIAgent Opt[bool] `json:"ai_agent,omitzero"`
	// Copilot toggles Copilot's use of the content.
	Copilot Opt[bool] `json:"copilot,omitzero"`
	// SalesAgent toggles the Sales Agent's use of the content.
	SalesAgent Opt[bool] `json:"sales_agent,omitzero"`
}

// ContentBulkAudience is what a set_audience action changes: segments
// (numeric ids, sent as integers) to add and remove, or all removed.
type ContentBulkAudience struct {
	// AddSegmentIDs are the segments to assign to the content.
	AddSegmentIDs []string `json:"add_segment_ids,omitempty"`
	// RemoveSegmentIDs are the segments to remove from the content.
	RemoveSegmentIDs []string `json:"remove_segment_ids,omitempty"`
	// RemoveAll removes every segment from the content.
	RemoveAll Opt[bool] `json:"remove_all,omitzero"`
}

// MarshalJSON encodes the segment ids as integers.
func (a ContentBulkAudience) MarshalJSON() ([]byte, error) {
	type fields ContentBulkAudience
	return json.Marshal(struct {
		fields
		AddSegmentIDs    numericIDList `json:"add_segment_ids,omitempty"`
		RemoveSegmentIDs numericIDList `json:"remove_segment_ids,omitempty"`
	}{fields(a), numericIDList(a.AddSegmentIDs), numericIDList(a.RemoveSegmentIDs)})
}

// ContentBulkTags is what an update_tags action changes: existing tags
// (numeric ids, sent as integers; at most 100 in all) to apply and remove.
type ContentBulkTags struct {
	// AddTagIDs are the tags to apply.
	AddTagIDs []string `json:"add_tag_ids,omitempty"`
	// RemoveTagIDs are the tags to remove.
	RemoveTagIDs []string `json:"remove_tag_ids,omitempty"`
}

// MarshalJSON encodes the tag ids as integers.
func (t ContentBulkTags) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		AddTagIDs    numericIDList `json:"add_tag_ids,omitempty"`
		RemoveTagIDs numericIDList `json:"remove_tag_ids,omitempty"`
	}{numericIDList(t.AddTagIDs), numericIDList(t.RemoveTagIDs)})
}

// ContentBulkActionRequest is the body of a bulk action over Knowledge Hub
// content: the action, the items (1 to 1,000), and the action's settings.
type ContentBulkActionRequest struct {
	// Action is the action to run (required).
	Action ContentBulkActionType `json:"action"`
	// ContentIDs are the items to run it on (required, at most 1,000).
	ContentIDs []ContentRef `json:"content_ids"`
	// Availability is required by set_availability.
	Availability ContentBulkAvailability `json:"availability,omitzero"`
	// Audience is required by set_audience.
	Audience ContentBulkAudience `json:"audience,omitzero"`
	// Tags is required by update_tags.
	Tags ContentBulkTags `json:"tags,omitzero"`
}

// contentBulkMaxItems is the most items one bulk action takes.
const contentBulkMaxItems = 1000

// Validate checks the action, the items and the settings the action needs.
func (r ContentBulkActionRequest) Validate() error {
	if r.Action == "" {
		return invalid("action", "is required")
	}
	if len(r.ContentIDs) == 0 {
		return invalid("content_ids", "needs at least one item")
	}
	if len(r.ContentIDs) > contentBulkMaxItems {
		return invalid("content_ids", "has "+itoa(int64(len(r.ContentIDs)))+" items; at most 1000 are allowed")
	}
	for i, c := range r.ContentIDs {
		switch {
		case c.Type == "":
			return invalid(fieldIndex("content_ids", i)+".type", "is required")
		case c.ID == "":
			return invalid(fieldIndex("content_ids", i)+".id", "is required")
		}
	}
	switch r.Action {
	case ContentBulkSetAvailability:
		if r.Availability.AIAgent.IsZero() && r.Availability.Copilot.IsZero() && r.Availability.SalesAgent.IsZero() {
			return invalid("availability", "is required by set_availability")
		}
	case ContentBulkSetAudience:
		a := r.Audience
		if len(a.AddSegmentIDs) == 0 && len(a.RemoveSegmentIDs) == 0 && a.RemoveAll.IsZero() {
			return invalid("audience", "is required by set_audience")
		}
	case ContentBulkUpdateTags:
		if len(r.Tags.AddTagIDs) == 0 && len(r.Tags.RemoveTagIDs) == 0 {
			return invalid("tags", "needs add_tag_ids or remove_tag_ids for update_tags")
		}
	}
	for _, l := range []struct {
		field string
		ids   []string
	}{{"audience.add_segment_ids", r.Audience.AddSegmentIDs}, {"audience.remove_segment_ids", r.Audience.RemoveSegmentIDs},
		{"tags.add_tag_ids", r.Tags.AddTagIDs}, {"tags.remove_tag_ids", r.Tags.RemoveTagIDs}} {
		if err := checkNumericIDs(l.field, l.ids); err != nil {
			return err
		}
	}
	return nil
}

// ContentBulkActionResult is Intercom's answer to a bulk action: the work
// is queued and runs in the background.
type ContentBulkActionResult struct {
	// Type is "content_bulk_action".
	Type string `json:"type,omitempty"`
	// Status is "queued".
	Status string `json:"status,omitempty"`
}

// Search returns one page of the Knowledge Hub content (articles,
// snippets, external pages, files and internal articles) matching the
// options. GET /content/search (searchContent).
func (s *ContentService) Search(ctx context.Context, opt *ContentSearchOptions, opts ...Option) (*ContentSearchResponse, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ContentSearchResponse](ctx, s.client, endpoint{method: http.MethodGet, path: "/content/search", query: opt}, opts)
}

// SearchAll iterates over every item matching the options, fetching pages
// as the loop needs them.
func (s *ContentService) SearchAll(ctx context.Context, opt *ContentSearchOptions, opts ...Option) iter.Seq2[ContentSearchResult, error] {
	if err := opt.Validate(); err != nil {
		return func(yield func(ContentSearchResult, error) bool) { yield(ContentSearchResult{}, err) }
	}
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/content/search"}, opt, opts,
		func(l *ContentSearchResponse) ([]ContentSearchResult, Pages) { return l.Data, l.Pages.Pages })
}

// BulkAction queues an action over up to 1,000 Knowledge Hub content
// items; Intercom answers 202 once the work is queued.
// POST /content/bulk_actions (bulkContentActions).
func (s *ContentService) BulkAction(ctx context.Context, req ContentBulkActionRequest, opts ...Option) (*ContentBulkActionResult, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ContentBulkActionResult](ctx, s.client, endpoint{method: http.MethodPost, path: "/content/bulk_actions", body: req}, opts)
}
