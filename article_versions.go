package intercom

import (
	"context"
	"iter"
	"net/http"
)

// An article's drafts, version history and tags (API 2.16 and later).

// ArticleVersion is a version of an article. The versions of a list carry
// no body; GetVersion returns one with its content.
type ArticleVersion struct {
	// Type is "article_version".
	Type string `json:"type,omitempty"`
	// ID is the version's id.
	ID ID `json:"id,omitempty"`
	// ArticleID is the article the version belongs to.
	ArticleID ID `json:"article_id,omitempty"`
	// Title is the article's title at this version.
	Title string `json:"title,omitempty"`
	// Description is the article's description at this version.
	Description string `json:"description,omitempty"`
	// Body is the article's body at this version, as HTML.
	Body string `json:"body,omitempty"`
	// BodyMarkdown is the article's body at this version, as Markdown.
	BodyMarkdown string `json:"body_markdown,omitempty"`
	// AuthorID is the admin named as the article's author at this version.
	AuthorID ID `json:"author_id,omitempty"`
	// CreatedByID is the admin who created this version.
	CreatedByID ID `json:"created_by_id,omitempty"`
	// CreatedVia is how the version was created ("web", "api", …).
	CreatedVia string `json:"created_via,omitempty"`
	// FromVersionID is the version this one was made from; empty for the
	// first version.
	FromVersionID ID `json:"from_version_id,omitempty"`
	// State is published for the live version, draft for the others.
	State ArticleState `json:"state,omitempty"`
	// CreatedAt is when the version was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the version was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// ArticleVersionList is one page of an article's versions, newest first.
type ArticleVersionList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of versions.
	TotalCount int `json:"total_count,omitempty"`
	// Data holds the versions of this page, without their bodies.
	Data []ArticleVersion `json:"data"`
}

// ArticleListVersionsOptions selects a page of an article's versions.
type ArticleListVersionsOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
	// Locale keeps the versions of one locale (en, fr, …); a locale the
	// workspace lacks is a 400.
	Locale string `url:"locale,omitempty"`
}

// ArticleGetVersionOptions selects the locale of a version's content.
type ArticleGetVersionOptions struct {
	// Locale is the locale whose content to return; a locale the workspace
	// lacks is a 400.
	Locale string `url:"locale,omitempty"`
}

// ArticleStageDraftRequest is the body of staging a draft of a published
// article: the fields of an update. Only versioned text (title,
// description, body, …) is staged; State and the AI availability fields
// are ignored.
type ArticleStageDraftRequest = ArticleUpdateRequest

// ArticlePublishDraftRequest is the body of publishing an article's staged
// draft. A single-language workspace needs none (the zero request sends no
// body); a multilingual one must list the locales to publish.
type ArticlePublishDraftRequest struct {
	// Locales are the locales whose drafts to publish; each must have a
	// pending draft.
	Locales []string `json:"locales,omitempty"`
}

// ArticleAttachTagRequest is the body of tagging an article.
type ArticleAttachTagRequest struct {
	// ID is the tag's id (required); the tag must exist.
	ID string `json:"id"`
	// AdminID is the admin the tagging is attributed to; Intercom's default
	// is the token's admin.
	AdminID string `json:"admin_id,omitempty"`
}

// Validate checks that the tag is named.
func (r ArticleAttachTagRequest) Validate() error {
	if r.ID == "" {
		return invalid("id", "is required (the tag's id)")
	}
	return nil
}

// GetDraft returns a published article rendered with its staged draft (the
// live article is unchanged); a 404 when it has no draft.
// GET /articles/{id}/draft (retrieveArticleDraft).
func (s *ArticlesService) GetDraft(ctx context.Context, id string, opts ...Option) (*Article, *Response, error) {
	return call[Article](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/{id}/draft", params: []string{id}}, opts)
}

// StageDraft stages changes to a published article as a draft, leaving the
// live article unchanged until PublishDraft; a 422 when the article was
// never published. PUT /articles/{id}/draft (stageArticleDraft).
func (s *ArticlesService) StageDraft(ctx context.Context, id string, req ArticleStageDraftRequest, opts ...Option) (*Article, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Article](ctx, s.client, endpoint{method: http.MethodPut, path: "/articles/{id}/draft", params: []string{id}, body: req}, opts)
}

// PublishDraft makes an article's staged draft live.
// POST /articles/{id}/draft/publish (publishArticleDraft).
func (s *ArticlesService) PublishDraft(ctx context.Context, id string, req ArticlePublishDraftRequest, opts ...Option) (*Article, *Response, error) {
	e := endpoint{method: http.MethodPost, path: "/articles/{id}/draft/publish", params: []string{id}}
	if len(req.Locales) > 0 {
		e.body = req
	}
	return call[Article](ctx, s.client, e, opts)
}

// ListVersions returns one page of an article's versions, newest first,
// without their content. GET /articles/{article_id}/versions (listArticleVersions).
func (s *ArticlesService) ListVersions(ctx context.Context, articleID string, opt *ArticleListVersionsOptions, opts ...Option) (*ArticleVersionList, *Response, error) {
	return call[ArticleVersionList](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/{article_id}/versions",
		params: []string{articleID}, query: opt}, opts)
}

// ListVersionsAll iterates over every version of an article, fetching
// pages as the loop needs them.
func (s *ArticlesService) ListVersionsAll(ctx context.Context, articleID string, opt *ArticleListVersionsOptions, opts ...Option) iter.Seq2[ArticleVersion, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/{article_id}/versions", params: []string{articleID}}, opt, opts,
		func(l *ArticleVersionList) ([]ArticleVersion, Pages) { return l.Data, l.Pages })
}

// GetVersion returns a version of an article with its content.
// GET /articles/{article_id}/versions/{id} (retrieveArticleVersion).
func (s *ArticlesService) GetVersion(ctx context.Context, articleID, versionID string, opt *ArticleGetVersionOptions, opts ...Option) (*ArticleVersion, *Response, error) {
	return call[ArticleVersion](ctx, s.client, endpoint{method: http.MethodGet, path: "/articles/{article_id}/versions/{id}",
		params: []string{articleID, versionID}, query: opt}, opts)
}

// AttachTag applies an existing tag to an article and returns the tag.
// POST /articles/{article_id}/tags (attachTagToArticle).
func (s *ArticlesService) AttachTag(ctx context.Context, articleID string, req ArticleAttachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/articles/{article_id}/tags",
		params: []string{articleID}, body: req}, opts)
}

// DetachTag removes the tag tagID from an article and returns the tag.
// DELETE /articles/{article_id}/tags/{id} (detachTagFromArticle).
func (s *ArticlesService) DetachTag(ctx context.Context, articleID, tagID string, opts ...Option) (*Tag, *Response, error) {
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/articles/{article_id}/tags/{id}",
		params: []string{articleID, tagID}}, opts)
}
