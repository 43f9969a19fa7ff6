package intercom

import (
	"context"
	"iter"
	"net/http"
)

// HelpCenterRedirectTarget is the kind of content a help center redirect
// points at.
type HelpCenterRedirectTarget string

// The targets of a help center redirect.
const (
	// HelpCenterRedirectToArticle points at an article.
	HelpCenterRedirectToArticle HelpCenterRedirectTarget = "article"
	// HelpCenterRedirectToCollection points at a collection.
	HelpCenterRedirectToCollection HelpCenterRedirectTarget = "collection"
)

// HelpCenterRedirect maps a URL of a help center (an old or external link)
// to an article or collection of it (API 2.16 and later).
type HelpCenterRedirect struct {
	// ID is the redirect's id.
	ID ID `json:"id,omitempty"`
	// Type is "help_center_redirect".
	Type string `json:"type,omitempty"`
	// FromURL is the URL redirected, within the help center's URL space.
	FromURL string `json:"from_url,omitempty"`
	// Locale is the locale of the target (for an article, the translation
	// it is bound to).
	Locale string `json:"locale,omitempty"`
	// HelpCenterID is the help center the redirect belongs to.
	HelpCenterID ID `json:"help_center_id,omitempty"`
	// TargetType is the kind of the target.
	TargetType HelpCenterRedirectTarget `json:"target_type,omitempty"`
	// TargetID is the target article or collection.
	TargetID ID `json:"target_id,omitempty"`
	// CreatedAt is when the redirect was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the redirect was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// HelpCenterRedirectList is one page of a help center's redirects, the
// most recently updated first.
type HelpCenterRedirectList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the redirects of this page.
	Data []HelpCenterRedirect `json:"data"`
	// TotalCount is the number of redirects.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
}

// HelpCenterRedirectDeleted is Intercom's answer to deleting a redirect.
type HelpCenterRedirectDeleted struct {
	// ID is the deleted redirect's id.
	ID ID `json:"id,omitempty"`
	// Object is "help_center_redirect".
	Object string `json:"object,omitempty"`
	// Deleted reports whether the redirect was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// HelpCenterListRedirectsOptions selects a page of a help center's
// redirects.
type HelpCenterListRedirectsOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (Intercom's default 50, at most 250).
	PerPage int `url:"per_page,omitempty"`
}

// HelpCenterCreateRedirectRequest is the body of creating a redirect; every
// field is required.
type HelpCenterCreateRedirectRequest struct {
	// FromURL is the absolute URL to redirect, within the help center's URL
	// space.
	FromURL string `json:"from_url"`
	// Locale is the locale of the target (for an article, the translation
	// to point at).
	Locale string `json:"locale"`
	// TargetType is the kind of the target.
	TargetType HelpCenterRedirectTarget `json:"target_type"`
	// TargetID is the article or collection to point at, a member of the
	// help center.
	TargetID string `json:"target_id"`
}

// Validate checks that every field is set.
func (r HelpCenterCreateRedirectRequest) Validate() error {
	switch {
	case r.FromURL == "":
		return invalid("from_url", "is required")
	case r.Locale == "":
		return invalid("locale", "is required")
	case r.TargetType == "":
		return invalid("target_type", "is required")
	case r.TargetID == "":
		return invalid("target_id", "is required")
	}
	return nil
}

// ListRedirects returns one page of a help center's redirects.
// GET /help_center/help_centers/{help_center_id}/redirects (listHelpCenterRedirects).
func (s *HelpCenterService) ListRedirects(ctx context.Context, helpCenterID string, opt *HelpCenterListRedirectsOptions, opts ...Option) (*HelpCenterRedirectList, *Response, error) {
	return call[HelpCenterRedirectList](ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/help_centers/{help_center_id}/redirects",
		params: []string{helpCenterID}, query: opt}, opts)
}

// ListRedirectsAll iterates over every redirect of a help center, fetching
// pages as the loop needs them.
func (s *HelpCenterService) ListRedirectsAll(ctx context.Context, helpCenterID string, opt *HelpCenterListRedirectsOptions, opts ...Option) iter.Seq2[HelpCenterRedirect, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/help_centers/{help_center_id}/redirects",
		params: []string{helpCenterID}}, opt, opts,
		func(l *HelpCenterRedirectList) ([]HelpCenterRedirect, Pages) { return l.Data, l.Pages })
}

// CreateRedirect creates a redirect in a help center.
// POST /help_center/help_centers/{help_center_id}/redirects (createHelpCenterRedirect).
func (s *HelpCenterService) CreateRedirect(ctx context.Context, helpCenterID string, req HelpCenterCreateRedirectRequest, opts ...Option) (*HelpCenterRedirect, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[HelpCenterRedirect](ctx, s.client, endpoint{method: http.MethodPost, path: "/help_center/help_centers/{help_center_id}/redirects",
		params: []string{helpCenterID}, body: req}, opts)
}

// GetRedirect returns a redirect of a help center.
// GET /help_center/help_centers/{help_center_id}/redirects/{id} (retrieveHelpCenterRedirect).
func (s *HelpCenterService) GetRedirect(ctx context.Context, helpCenterID, redirectID string, opts ...Option) (*HelpCenterRedirect, *Response, error) {
	return call[HelpCenterRedirect](ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/help_centers/{help_center_id}/redirects/{id}",
		params: []string{helpCenterID, redirectID}}, opts)
}

// DeleteRedirect deletes a redirect of a help center.
// DELETE /help_center/help_centers/{help_center_id}/redirects/{id} (deleteHelpCenterRedirect).
func (s *HelpCenterService) DeleteRedirect(ctx context.Context, helpCenterID, redirectID string, opts ...Option) (*HelpCenterRedirectDeleted, *Response, error) {
	return call[HelpCenterRedirectDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/help_center/help_centers/{help_center_id}/redirects/{id}",
		params: []string{helpCenterID, redirectID}}, opts)
}
