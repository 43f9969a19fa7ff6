package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// ContentImportSyncBehavior is how a content import source is kept in sync.
type ContentImportSyncBehavior string

// The sync behaviors of a content import source.
const (
	// ContentImportSyncAPI is a source whose external pages are created and
	// updated through the API; the only behavior a source can be created
	// with.
	ContentImportSyncAPI ContentImportSyncBehavior = "api"
	// ContentImportSyncAutomatic is a source Intercom crawls by itself.
	ContentImportSyncAutomatic ContentImportSyncBehavior = "automatic"
	// ContentImportSyncManual is a source synced on request in Intercom.
	ContentImportSyncManual ContentImportSyncBehavior = "manual"
)

// ContentImportSourceStatus is whether a content import source is in use.
type ContentImportSourceStatus string

// The statuses of a content import source.
const (
	// ContentImportSourceActive is a source in use (the default).
	ContentImportSourceActive ContentImportSourceStatus = "active"
	// ContentImportSourceDeactivated is a source no longer in use.
	ContentImportSourceDeactivated ContentImportSourceStatus = "deactivated"
)

// ContentImportSource is an external source of the external pages of Fin's
// content library.
type ContentImportSource struct {
	// Type is "content_import_source".
	Type string `json:"type,omitempty"`
	// ID is the source's id.
	ID ID `json:"id,omitempty"`
	// LastSyncedAt is when the source was last synced.
	LastSyncedAt Timestamp `json:"last_synced_at,omitempty"`
	// SyncBehavior is how the source is kept in sync.
	SyncBehavior ContentImportSyncBehavior `json:"sync_behavior,omitempty"`
	// Status is whether the source is active.
	Status ContentImportSourceStatus `json:"status,omitempty"`
	// URL is the root URL of the source.
	URL string `json:"url,omitempty"`
	// CreatedAt is when the source was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the source was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// AudienceIDs are the audiences the source is targeted to (API 2.16 and
	// later).
	AudienceIDs []ID `json:"audience_ids,omitempty"`
}

// ContentImportSourceList is one page of the workspace's content import
// sources.
type ContentImportSourceList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the sources of this page.
	Data []ContentImportSource `json:"data"`
	// TotalCount is the number of sources.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block (its Next is a link).
	Pages Pages `json:"pages,omitzero"`
}

// AIContentListContentImportSourcesOptions selects a page of content import
// sources. The description declares no parameters; Intercom's lists take
// page and per_page.
type AIContentListContentImportSourcesOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// AIContentCreateContentImportSourceRequest is the body of creating a
// content import source.
type AIContentCreateContentImportSourceRequest struct {
	// SyncBehavior must be ContentImportSyncAPI (required).
	SyncBehavior ContentImportSyncBehavior `json:"sync_behavior"`
	// Status is the source's status; Intercom's default is active.
	Status ContentImportSourceStatus `json:"status,omitempty"`
	// URL is the URL of the source (required).
	URL string `json:"url"`
	// AudienceIDs are the audiences to target the source to, numeric ids
	// sent as integers (API 2.16 and later).
	AudienceIDs Opt[[]string] `json:"audience_ids,omitzero" intercom:"nullable,since=2.16"`
}

// MarshalJSON encodes the request with the audience ids as integers.
func (r AIContentCreateContentImportSourceRequest) MarshalJSON() ([]byte, error) {
	type fields AIContentCreateContentImportSourceRequest
	return json.Marshal(struct {
		fields
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks the required fields and the audience ids.
func (r AIContentCreateContentImportSourceRequest) Validate() error {
	if r.SyncBehavior == "" {
		return invalid("sync_behavior", "is required")
	}
	if r.URL == "" {
		return invalid("url", "is required")
	}
	return checkAudienceIDs("audience_ids", r.AudienceIDs)
}

// AIContentUpdateContentImportSourceRequest is the body of updating a
// content import source. Intercom requires the sync behavior and the URL
// on every update; the URL may change only on a source synced by API, and
// the behavior cannot change to or from api. (The description's enum for
// this request spells the crawled behavior "automated".)
type AIContentUpdateContentImportSourceRequest struct {
	// SyncBehavior is the source's sync behavior (required).
	SyncBehavior ContentImportSyncBehavior `json:"sync_behavior"`
	// Status is the source's new status.
	Status ContentImportSourceStatus `json:"status,omitempty"`
	// URL is the URL of the source (required).
	URL string `json:"url"`
	// AudienceIDs replaces the audiences the source is targeted to; Null or
	// an empty list removes them all (API 2.16 and later).
	AudienceIDs Opt[[]string] `json:"audience_ids,omitzero" intercom:"nullable,since=2.16"`
	// ApplyAudienceToExistingContent applies the audience to the source's
	// existing external pages too (API 2.16 and later).
	ApplyAudienceToExistingContent Opt[bool] `json:"apply_audience_to_existing_content,omitzero" intercom:"since=2.16"`
}

// MarshalJSON encodes the request with the audience ids as integers.
func (r AIContentUpdateContentImportSourceRequest) MarshalJSON() ([]byte, error) {
	type fields AIContentUpdateContentImportSourceRequest
	return json.Marshal(struct {
		fields
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks the required fields and the audience ids.
func (r AIContentUpdateContentImportSourceRequest) Validate() error {
	if r.SyncBehavior == "" {
		return invalid("sync_behavior", "is required")
	}
	if r.URL == "" {
		return invalid("url", "is required")
	}
	return checkAudienceIDs("audience_ids", r.AudienceIDs)
}

// ListContentImportSources returns one page of the workspace's content
// import sources. GET /ai/content_import_sources (listContentImportSources).
func (s *AIContentService) ListContentImportSources(ctx context.Context, opt *AIContentListContentImportSourcesOptions, opts ...Option) (*ContentImportSourceList, *Response, error) {
	return call[ContentImportSourceList](ctx, s.client, endpoint{method: http.MethodGet, path: "/ai/content_import_sources", query: opt}, opts)
}

// ListContentImportSourcesAll iterates over every content import source,
// fetching pages as the loop needs them.
func (s *AIContentService) ListContentImportSourcesAll(ctx context.Context, opt *AIContentListContentImportSourcesOptions, opts ...Option) iter.Seq2[ContentImportSource, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/ai/content_import_sources"}, opt, opts,
		func(l *ContentImportSourceList) ([]ContentImportSource, Pages) { return l.Data, l.Pages })
}

// CreateContentImportSource adds a content import source to Fin's content
// library. POST /ai/content_import_sources (createContentImportSource).
func (s *AIContentService) CreateContentImportSource(ctx context.Context, req AIContentCreateContentImportSourceRequest, opts ...Option) (*ContentImportSource, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ContentImportSource](ctx, s.client, endpoint{method: http.MethodPost, path: "/ai/content_import_sources", body: req}, opts)
}

// GetContentImportSource returns a content import source.
// GET /ai/content_import_sources/{id} (getContentImportSource).
func (s *AIContentService) GetContentImportSource(ctx context.Context, id string, opts ...Option) (*ContentImportSource, *Response, error) {
	return call[ContentImportSource](ctx, s.client, endpoint{method: http.MethodGet, path: "/ai/content_import_sources/{id}", params: []string{id}}, opts)
}

// UpdateContentImportSource changes a content import source.
// PUT /ai/content_import_sources/{id} (updateContentImportSource).
func (s *AIContentService) UpdateContentImportSource(ctx context.Context, id string, req AIContentUpdateContentImportSourceRequest, opts ...Option) (*ContentImportSource, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ContentImportSource](ctx, s.client, endpoint{method: http.MethodPut, path: "/ai/content_import_sources/{id}", params: []string{id}, body: req}, opts)
}

// DeleteContentImportSource deletes a content import source and every
// external page imported from it. Intercom answers 204 without a body.
// DELETE /ai/content_import_sources/{id} (deleteContentImportSource).
func (s *AIContentService) DeleteContentImportSource(ctx context.Context, id string, opts ...Option) (*Response, error) {
	return s.client.send(ctx, endpoint{method: http.MethodDelete, path: "/ai/content_import_sources/{id}", params: []string{id}}, nil, opts)
}

// ExternalPageLocale is the locale of an external page; Intercom only
// accepts English.
type ExternalPageLocale string

// ExternalPageLocaleEnglish is "en", the only locale of external pages.
const ExternalPageLocaleEnglish ExternalPageLocale = "en"

// ExternalPage is a page of an external source in Fin's content library.
type ExternalPage struct {
	// Type is "external_page".
	Type string `json:"type,omitempty"`
	// ID is the page's id.
	ID ID `json:"id,omitempty"`
	// Title is the page's title.
	Title string `json:"title,omitempty"`
	// HTML is the page's body, as HTML.
	HTML string `json:"html,omitempty"`
	// URL is the page's URL, to which Fin links the answers it bases on it.
	URL string `json:"url,omitempty"`
	// AIAgentAvailability is whether the AI Agent uses the page.
	AIAgentAvailability bool `json:"ai_agent_availability,omitempty"`
	// AICopilotAvailability is whether Copilot uses the page.
	AICopilotAvailability bool `json:"ai_copilot_availability,omitempty"`
	// AISalesAgentAvailability is whether the AI Sales Agent uses the page.
	AISalesAgentAvailability bool `json:"ai_sales_agent_availability,omitempty"`
	// FinAvailability is whether Fin uses the page (deprecated for the two
	// fields above).
	FinAvailability bool `json:"fin_availability,omitempty"`
	// Locale is the page's locale, always en.
	Locale ExternalPageLocale `json:"locale,omitempty"`
	// SourceID is the content import source the page belongs to.
	SourceID ID `json:"source_id,omitempty"`
	// ExternalID is the page's id in its source.
	ExternalID string `json:"external_id,omitempty"`
	// CreatedAt is when the page was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the page was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// LastIngestedAt is when the page was last ingested.
	LastIngestedAt Timestamp `json:"last_ingested_at,omitempty"`
}

// ExternalPageList is one page of the workspace's external pages.
type ExternalPageList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the external pages of this page.
	Data []ExternalPage `json:"data"`
	// TotalCount is the number of external pages.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block (its Next is a link).
	Pages Pages `json:"pages,omitzero"`
}

// AIContentListExternalPagesOptions selects a page of external pages. The
// description declares no parameters; Intercom's lists take page and
// per_page.
type AIContentListExternalPagesOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// AIContentCreateExternalPageRequest is the body of creating an external
// page, or of updating the page of the source with the same ExternalID.
type AIContentCreateExternalPageRequest struct {
	// Title is the page's title (required).
	Title string `json:"title"`
	// HTML is the page's body, as HTML (required).
	HTML string `json:"html"`
	// URL is the page's URL; without it Fin does not reference the page.
	URL string `json:"url,omitempty"`
	// AIAgentAvailability makes the page available to the AI Agent
	// (Intercom's default for a new page: false).
	AIAgentAvailability Opt[bool] `json:"ai_agent_availability,omitzero"`
	// AICopilotAvailability makes the page available to Copilot (Intercom's
	// default for a new page: false).
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero"`
	// Locale is the page's locale; CreateExternalPage sends
	// ExternalPageLocaleEnglish, the only one, when it is empty.
	Locale ExternalPageLocale `json:"locale"`
	// SourceID is the content import source of the page, a numeric id sent
	// as an integer (required).
	SourceID string `json:"source_id"`
	// ExternalID is the page's id in its source, unique in the source
	// (required).
	ExternalID string `json:"external_id"`
}

// MarshalJSON encodes the request with source_id as an integer.
func (r AIContentCreateExternalPageRequest) MarshalJSON() ([]byte, error) {
	type fields AIContentCreateExternalPageRequest
	return json.Marshal(struct {
		fields
		SourceID intBodyID `json:"source_id"`
	}{fields(r), intBodyID(r.SourceID)})
}

// Validate checks the required fields.
func (r AIContentCreateExternalPageRequest) Validate() error {
	switch {
	case r.Title == "":
		return invalid("title", "is required")
	case r.HTML == "":
		return invalid("html", "is required")
	case r.SourceID == "":
		return invalid("source_id", "is required")
	case r.ExternalID == "":
		return invalid("external_id", "is required")
	}
	return checkIntID("source_id", r.SourceID)
}

// AIContentUpdateExternalPageRequest is the body of updating an external
// page created through the API. Intercom requires the title, body, URL,
// locale and source on every update.
type AIContentUpdateExternalPageRequest struct {
	// Title is the page's title (required).
	Title string `json:"title"`
	// HTML is the page's body, as HTML (required).
	HTML string `json:"html"`
	// URL is the page's URL (required).
	URL string `json:"url"`
	// FinAvailability is whether Fin uses the page.
	FinAvailability Opt[bool] `json:"fin_availability,omitzero"`
	// Locale is the page's locale; UpdateExternalPage sends
	// ExternalPageLocaleEnglish, the only one, when it is empty.
	Locale ExternalPageLocale `json:"locale"`
	// SourceID is the content import source of the page, a numeric id sent
	// as an integer (required).
	SourceID string `json:"source_id"`
	// ExternalID is the page's id in its source.
	ExternalID string `json:"external_id,omitempty"`
}

// MarshalJSON encodes the request with source_id as an integer.
func (r AIContentUpdateExternalPageRequest) MarshalJSON() ([]byte, error) {
	type fields AIContentUpdateExternalPageRequest
	return json.Marshal(struct {
		fields
		SourceID intBodyID `json:"source_id"`
	}{fields(r), intBodyID(r.SourceID)})
}

// Validate checks the required fields.
func (r AIContentUpdateExternalPageRequest) Validate() error {
	switch {
	case r.Title == "":
		return invalid("title", "is required")
	case r.HTML == "":
		return invalid("html", "is required")
	case r.URL == "":
		return invalid("url", "is required")
	case r.SourceID == "":
		return invalid("source_id", "is required")
	}
	return checkIntID("source_id", r.SourceID)
}

// ListExternalPages returns one page of the workspace's external pages.
// GET /ai/external_pages (listExternalPages).
func (s *AIContentService) ListExternalPages(ctx context.Context, opt *AIContentListExternalPagesOptions, opts ...Option) (*ExternalPageList, *Response, error) {
	return call[ExternalPageList](ctx, s.client, endpoint{method: http.MethodGet, path: "/ai/external_pages", query: opt}, opts)
}

// ListExternalPagesAll iterates over every external page, fetching pages as
// the loop needs them.
func (s *AIContentService) ListExternalPagesAll(ctx context.Context, opt *AIContentListExternalPagesOptions, opts ...Option) iter.Seq2[ExternalPage, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/ai/external_pages"}, opt, opts,
		func(l *ExternalPageList) ([]ExternalPage, Pages) { return l.Data, l.Pages })
}

// CreateExternalPage adds an external page to Fin's content library, or
// updates the page of the source that has the same external id.
// POST /ai/external_pages (createExternalPage).
func (s *AIContentService) CreateExternalPage(ctx context.Context, req AIContentCreateExternalPageRequest, opts ...Option) (*ExternalPage, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	if req.Locale == "" {
		req.Locale = ExternalPageLocaleEnglish // req is a copy
	}
	return call[ExternalPage](ctx, s.client, endpoint{method: http.MethodPost, path: "/ai/external_pages", body: req}, opts)
}

// GetExternalPage returns an external page.
// GET /ai/external_pages/{id} (getExternalPage).
func (s *AIContentService) GetExternalPage(ctx context.Context, id string, opts ...Option) (*ExternalPage, *Response, error) {
	return call[ExternalPage](ctx, s.client, endpoint{method: http.MethodGet, path: "/ai/external_pages/{id}", params: []string{id}}, opts)
}

// UpdateExternalPage changes an external page created through the API.
// PUT /ai/external_pages/{id} (updateExternalPage).
func (s *AIContentService) UpdateExternalPage(ctx context.Context, id string, req AIContentUpdateExternalPageRequest, opts ...Option) (*ExternalPage, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	if req.Locale == "" {
		req.Locale = ExternalPageLocaleEnglish // req is a copy
	}
	return call[ExternalPage](ctx, s.client, endpoint{method: http.MethodPut, path: "/ai/external_pages/{id}", params: []string{id}, body: req}, opts)
}

// DeleteExternalPage removes an external page from the content library and
// from Fin's answers, and returns it.
// DELETE /ai/external_pages/{id} (deleteExternalPage).
func (s *AIContentService) DeleteExternalPage(ctx context.Context, id string, opts ...Option) (*ExternalPage, *Response, error) {
	return call[ExternalPage](ctx, s.client, endpoint{method: http.MethodDelete, path: "/ai/external_pages/{id}", params: []string{id}}, opts)
}
