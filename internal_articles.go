package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// InternalArticle is an article only teammates see (API 2.13 and later).
type InternalArticle struct {
	// Type is "internal_article".
	Type string `json:"type,omitempty"`
	// ID is the article's id.
	ID ID `json:"id,omitempty"`
	// Title is the article's title.
	Title string `json:"title,omitempty"`
	// Body is the article's body, as HTML.
	Body string `json:"body,omitempty"`
	// BodyMarkdown is the article's body, as Markdown (API 2.16 and later).
	BodyMarkdown string `json:"body_markdown,omitempty"`
	// OwnerID is the admin who owns the article.
	OwnerID ID `json:"owner_id,omitempty"`
	// AuthorID is the admin who wrote the article.
	AuthorID ID `json:"author_id,omitempty"`
	// CreatedAt is when the article was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the article was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// Locale is the article's default locale.
	Locale string `json:"locale,omitempty"`
	// AudienceIDs are the audiences Fin targets the article to (API 2.16
	// and later).
	AudienceIDs []ID `json:"audience_ids,omitempty"`
	// AIChatbotAvailability is whether Fin uses the article (API 2.16 and
	// later).
	AIChatbotAvailability bool `json:"ai_chatbot_availability,omitempty"`
	// AICopilotAvailability is whether Copilot uses the article (API 2.16
	// and later).
	AICopilotAvailability bool `json:"ai_copilot_availability,omitempty"`
	// AISalesAgentAvailability is whether the AI Sales Agent uses the
	// article (API 2.16 and later).
	AISalesAgentAvailability bool `json:"ai_sales_agent_availability,omitempty"`
}

// InternalArticleList is one page of the workspace's internal articles.
type InternalArticleList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of internal articles.
	TotalCount int `json:"total_count,omitempty"`
	// Data holds the internal articles of this page.
	Data []InternalArticle `json:"data"`
}

// InternalArticleSearchResponse is one page of an internal article search.
type InternalArticleSearchResponse struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// TotalCount is the number of matching internal articles.
	TotalCount int `json:"total_count,omitempty"`
	// Data holds the matches.
	Data InternalArticleSearchData `json:"data,omitzero"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
}

// InternalArticleSearchData holds the internal articles of a search page.
type InternalArticleSearchData struct {
	// InternalArticles are the matching internal articles.
	InternalArticles []InternalArticle `json:"internal_articles"`
}

// InternalArticleDeleted is Intercom's answer to deleting an internal
// article.
type InternalArticleDeleted struct {
	// ID is the deleted article's id.
	ID ID `json:"id,omitempty"`
	// Object is "internal_article".
	Object string `json:"object,omitempty"`
	// Deleted reports whether the article was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// InternalArticleListOptions selects a page of internal articles. The
// description declares no parameters; Intercom's lists take page and
// per_page.
type InternalArticleListOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// InternalArticleSearchOptions are the query parameters of an internal
// article search.
type InternalArticleSearchOptions struct {
	// FolderID limits the search to a folder.
	FolderID string `url:"folder_id,omitempty"`
}

// InternalArticleCreateRequest is the body of creating an internal article.
// Body and BodyMarkdown are alternatives: set at most one.
type InternalArticleCreateRequest struct {
	// Title is the article's title (required).
	Title string `json:"title"`
	// Body is the article's body, as HTML.
	Body string `json:"body,omitempty"`
	// BodyMarkdown is the article's body, as Markdown (API 2.16 and later).
	BodyMarkdown string `json:"body_markdown,omitempty" intercom:"since=2.16"`
	// AuthorID is the admin who wrote the article, a numeric id sent as an
	// integer (required).
	AuthorID string `json:"author_id"`
	// OwnerID is the admin who owns the article, a numeric id sent as an
	// integer (required).
	OwnerID string `json:"owner_id"`
	// Locale is the article's locale; the description's examples send it
	// though its schema does not declare it.
	Locale string `json:"locale,omitempty"`
	// AudienceIDs are the audiences Fin targets the article to, numeric ids
	// sent as integers (API 2.16 and later).
	AudienceIDs Opt[[]string] `json:"audience_ids,omitzero" intercom:"nullable,since=2.16"`
	// AIChatbotAvailability makes the article available to Fin (Intercom's
	// default: false; API 2.16 and later).
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero" intercom:"since=2.16"`
	// AICopilotAvailability makes the article available to Copilot
	// (Intercom's default: false; API 2.16 and later).
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero" intercom:"since=2.16"`
	// AISalesAgentAvailability makes the article available to the AI Sales
	// Agent (Intercom's default: false; API 2.16 and later).
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero" intercom:"since=2.16"`
}

// MarshalJSON encodes the request with the admin and audience ids as
// integers.
func (r InternalArticleCreateRequest) MarshalJSON() ([]byte, error) {
	type fields InternalArticleCreateRequest
	return json.Marshal(struct {
		fields
		AuthorID    intBodyID          `json:"author_id"`
		OwnerID     intBodyID          `json:"owner_id"`
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), intBodyID(r.AuthorID), intBodyID(r.OwnerID), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks the required fields, the ids and that one body is given.
func (r InternalArticleCreateRequest) Validate() error {
	switch {
	case r.Title == "":
		return invalid("title", "is required")
	case r.AuthorID == "":
		return invalid("author_id", "is required")
	case r.OwnerID == "":
		return invalid("owner_id", "is required")
	case r.Body != "" && r.BodyMarkdown != "":
		return invalid("body_markdown", "excludes body; set one of them")
	}
	if err := checkIntID("author_id", r.AuthorID); err != nil {
		return err
	}
	if err := checkIntID("owner_id", r.OwnerID); err != nil {
		return err
	}
	return checkAudienceIDs("audience_ids", r.AudienceIDs)
}

// InternalArticleUpdateRequest is the body of updating an internal article:
// only the fields set change. Body and BodyMarkdown are alternatives: set
// at most one.
type InternalArticleUpdateRequest struct {
	// Title is the new title.
	Title string `json:"title,omitempty"`
	// Body is the new body, as HTML.
	Body Opt[string] `json:"body,omitzero"`
	// BodyMarkdown is the new body, as Markdown (API 2.16 and later).
	BodyMarkdown Opt[string] `json:"body_markdown,omitzero" intercom:"since=2.16"`
	// AuthorID is the new author, a numeric id sent as an integer.
	AuthorID string `json:"author_id,omitempty"`
	// OwnerID is the new owner, a numeric id sent as an integer.
	OwnerID string `json:"owner_id,omitempty"`
	// AudienceIDs replaces the audiences Fin targets the article to; Null
	// or an empty list clears them (API 2.16 and later).
	AudienceIDs Opt[[]string] `json:"audience_ids,omitzero" intercom:"nullable,since=2.16"`
	// AIChatbotAvailability makes the article available to Fin or not (API
	// 2.16 and later).
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero" intercom:"since=2.16"`
	// AICopilotAvailability makes the article available to Copilot or not
	// (API 2.16 and later).
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero" intercom:"since=2.16"`
	// AISalesAgentAvailability makes the article available to the AI Sales
	// Agent or not (API 2.16 and later).
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero" intercom:"since=2.16"`
}

// MarshalJSON encodes the request with the admin and audience ids as
// integers.
func (r InternalArticleUpdateRequest) MarshalJSON() ([]byte, error) {
	type fields InternalArticleUpdateRequest
	return json.Marshal(struct {
		fields
		AuthorID    intBodyID          `json:"author_id,omitempty"`
		OwnerID     intBodyID          `json:"owner_id,omitempty"`
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), intBodyID(r.AuthorID), intBodyID(r.OwnerID), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks the ids and that at most one body is given.
func (r InternalArticleUpdateRequest) Validate() error {
	if !r.Body.IsZero() && !r.BodyMarkdown.IsZero() {
		return invalid("body_markdown", "excludes body; set one of them")
	}
	if err := checkIntID("author_id", r.AuthorID); err != nil {
		return err
	}
	if err := checkIntID("owner_id", r.OwnerID); err != nil {
		return err
	}
	return checkAudienceIDs("audience_ids", r.AudienceIDs)
}

// InternalArticleAttachTagRequest is the body of tagging an internal
// article.
type InternalArticleAttachTagRequest struct {
	// ID is the tag's id (required); the tag must exist.
	ID string `json:"id"`
	// AdminID is the admin the tagging is attributed to; Intercom's default
	// is the token's admin.
	AdminID string `json:"admin_id,omitempty"`
}

// Validate checks that the tag is named.
func (r InternalArticleAttachTagRequest) Validate() error {
	if r.ID == "" {
		return invalid("id", "is required (the tag's id)")
	}
	return nil
}

// List returns one page of the workspace's internal articles.
// GET /internal_articles (listInternalArticles).
func (s *InternalArticlesService) List(ctx context.Context, opt *InternalArticleListOptions, opts ...Option) (*InternalArticleList, *Response, error) {
	return call[InternalArticleList](ctx, s.client, endpoint{method: http.MethodGet, path: "/internal_articles", query: opt}, opts)
}

// ListAll iterates over every internal article, fetching pages as the loop
// needs them.
func (s *InternalArticlesService) ListAll(ctx context.Context, opt *InternalArticleListOptions, opts ...Option) iter.Seq2[InternalArticle, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/internal_articles"}, opt, opts,
		func(l *InternalArticleList) ([]InternalArticle, Pages) { return l.Data, l.Pages })
}

// Create creates an internal article. POST /internal_articles (createInternalArticle).
func (s *InternalArticlesService) Create(ctx context.Context, req InternalArticleCreateRequest, opts ...Option) (*InternalArticle, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[InternalArticle](ctx, s.client, endpoint{method: http.MethodPost, path: "/internal_articles", body: req}, opts)
}

// Search returns one page of the internal articles matching the options.
// GET /internal_articles/search (searchInternalArticles).
func (s *InternalArticlesService) Search(ctx context.Context, opt *InternalArticleSearchOptions, opts ...Option) (*InternalArticleSearchResponse, *Response, error) {
	return call[InternalArticleSearchResponse](ctx, s.client, endpoint{method: http.MethodGet, path: "/internal_articles/search", query: opt}, opts)
}

// SearchAll iterates over every internal article matching the options,
// fetching pages as the loop needs them: later pages are asked for with
// what Intercom's pages block hands back.
func (s *InternalArticlesService) SearchAll(ctx context.Context, opt *InternalArticleSearchOptions, opts ...Option) iter.Seq2[InternalArticle, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/internal_articles/search"}, opt, opts,
		func(l *InternalArticleSearchResponse) ([]InternalArticle, Pages) {
			return l.Data.InternalArticles, l.Pages
		})
}

// Get returns an internal article.
// GET /internal_articles/{id} (retrieveInternalArticle).
func (s *InternalArticlesService) Get(ctx context.Context, id string, opts ...Option) (*InternalArticle, *Response, error) {
	return call[InternalArticle](ctx, s.client, endpoint{method: http.MethodGet, path: "/internal_articles/{id}", params: []string{id}}, opts)
}

// Update changes an internal article.
// PUT /internal_articles/{id} (updateInternalArticle).
func (s *InternalArticlesService) Update(ctx context.Context, id string, req InternalArticleUpdateRequest, opts ...Option) (*InternalArticle, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[InternalArticle](ctx, s.client, endpoint{method: http.MethodPut, path: "/internal_articles/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes an internal article.
// DELETE /internal_articles/{id} (deleteInternalArticle).
func (s *InternalArticlesService) Delete(ctx context.Context, id string, opts ...Option) (*InternalArticleDeleted, *Response, error) {
	return call[InternalArticleDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/internal_articles/{id}", params: []string{id}}, opts)
}

// AttachTag applies an existing tag to an internal article and returns the
// tag. POST /internal_articles/{internal_article_id}/tags (attachTagToInternalArticle).
func (s *InternalArticlesService) AttachTag(ctx context.Context, internalArticleID string, req InternalArticleAttachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/internal_articles/{internal_article_id}/tags",
		params: []string{internalArticleID}, body: req}, opts)
}

// DetachTag removes the tag tagID from an internal article and returns the
// tag. DELETE /internal_articles/{internal_article_id}/tags/{id} (detachTagFromInternalArticle).
func (s *InternalArticlesService) DetachTag(ctx context.Context, internalArticleID, tagID string, opts ...Option) (*Tag, *Response, error) {
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/internal_articles/{internal_article_id}/tags/{id}",
		params: []string{internalArticleID, tagID}}, opts)
}
