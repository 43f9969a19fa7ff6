package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// ContentSnippet is a reusable piece of content for Fin and Copilot (API
// 2.16 and later).
type ContentSnippet struct {
	// Type is "content_snippet".
	Type string `json:"type,omitempty"`
	// ID is the snippet's id.
	ID ID `json:"id,omitempty"`
	// Title is the snippet's title.
	Title string `json:"title,omitempty"`
	// Locale is the snippet's locale.
	Locale string `json:"locale,omitempty"`
	// JSONBlocks are the content blocks of the snippet's body, free-form
	// objects ({"type": "paragraph", "text": …}, …).
	JSONBlocks []map[string]any `json:"json_blocks,omitempty"`
	// BodyMarkdown is the snippet's body, as Markdown.
	BodyMarkdown string `json:"body_markdown,omitempty"`
	// ChatbotAvailability is 1 when Fin uses the snippet, 0 otherwise
	// (deprecated for AIChatbotAvailability).
	ChatbotAvailability int `json:"chatbot_availability,omitempty"`
	// CopilotAvailability is 1 when Copilot uses the snippet, 0 otherwise
	// (deprecated for AICopilotAvailability).
	CopilotAvailability int `json:"copilot_availability,omitempty"`
	// AIChatbotAvailability is whether Fin uses the snippet.
	AIChatbotAvailability bool `json:"ai_chatbot_availability,omitempty"`
	// AICopilotAvailability is whether Copilot uses the snippet.
	AICopilotAvailability bool `json:"ai_copilot_availability,omitempty"`
	// AISalesAgentAvailability is whether the AI Sales Agent uses the
	// snippet.
	AISalesAgentAvailability bool `json:"ai_sales_agent_availability,omitempty"`
	// CreatedAt is when the snippet was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the snippet was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// AudienceIDs are the audiences Fin targets the snippet to.
	AudienceIDs []ID `json:"audience_ids,omitempty"`
}

// ContentSnippetList is one page of the workspace's content snippets.
type ContentSnippetList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the snippets of this page.
	Data []ContentSnippet `json:"data"`
	// TotalCount is the number of snippets.
	TotalCount int `json:"total_count,omitempty"`
	// Page is the number of this page, from 1.
	Page int `json:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `json:"per_page,omitempty"`
	// TotalPages is the number of pages.
	TotalPages int `json:"total_pages,omitempty"`
}

// ContentSnippetListOptions selects a page of content snippets.
type ContentSnippetListOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (at most 50).
	PerPage int `url:"per_page,omitempty"`
}

// ContentSnippetCreateRequest is the body of creating a content snippet:
// give its body as JSONBlocks or as BodyMarkdown, not both.
type ContentSnippetCreateRequest struct {
	// Title is the snippet's title (required, at most 255 characters).
	Title string `json:"title"`
	// JSONBlocks are the content blocks of the body.
	JSONBlocks []map[string]any `json:"json_blocks,omitempty"`
	// BodyMarkdown is the body, as Markdown.
	BodyMarkdown string `json:"body_markdown,omitempty"`
	// Locale is the snippet's locale (Intercom's default: en).
	Locale string `json:"locale,omitempty"`
	// AudienceIDs are the audiences Fin targets the snippet to, numeric ids
	// sent as integers.
	AudienceIDs Opt[[]string] `json:"audience_ids,omitzero" intercom:"nullable"`
	// AIChatbotAvailability makes the snippet available to Fin (Intercom's
	// default: false).
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero"`
	// AICopilotAvailability makes the snippet available to Copilot
	// (Intercom's default: false).
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero"`
	// AISalesAgentAvailability makes the snippet available to the AI Sales
	// Agent (Intercom's default: false).
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero"`
}

// MarshalJSON encodes the request with the audience ids as integers.
func (r ContentSnippetCreateRequest) MarshalJSON() ([]byte, error) {
	type fields ContentSnippetCreateRequest
	return json.Marshal(struct {
		fields
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks the title, that one body is given and the audience ids.
func (r ContentSnippetCreateRequest) Validate() error {
	switch {
	case r.Title == "":
		return invalid("title", "is required")
	case len(r.JSONBlocks) == 0 && r.BodyMarkdown == "":
		return invalid("json_blocks", "or body_markdown is required")
	case len(r.JSONBlocks) > 0 && r.BodyMarkdown != "":
		return invalid("body_markdown", "excludes json_blocks; set one of them")
	}
	return checkAudienceIDs("audience_ids", r.AudienceIDs)
}

// ContentSnippetUpdateRequest is the body of updating a content snippet:
// only the fields set change. JSONBlocks and BodyMarkdown are
// alternatives: set at most one.
type ContentSnippetUpdateRequest struct {
	// Title is the new title (at most 255 characters).
	Title string `json:"title,omitempty"`
	// JSONBlocks replace the content blocks of the body.
	JSONBlocks []map[string]any `json:"json_blocks,omitempty"`
	// BodyMarkdown replaces the body, as Markdown.
	BodyMarkdown string `json:"body_markdown,omitempty"`
	// Locale is the new locale.
	Locale string `json:"locale,omitempty"`
	// AudienceIDs replaces the audiences Fin targets the snippet to; Null
	// or an empty list clears them.
	AudienceIDs Opt[[]string] `json:"audience_ids,omitzero" intercom:"nullable"`
	// AIChatbotAvailability makes the snippet available to Fin or not.
	AIChatbotAvailability Opt[bool] `json:"ai_chatbot_availability,omitzero"`
	// AICopilotAvailability makes the snippet available to Copilot or not.
	AICopilotAvailability Opt[bool] `json:"ai_copilot_availability,omitzero"`
	// AISalesAgentAvailability makes the snippet available to the AI Sales
	// Agent or not.
	AISalesAgentAvailability Opt[bool] `json:"ai_sales_agent_availability,omitzero"`
}

// MarshalJSON encodes the request with the audience ids as integers.
func (r ContentSnippetUpdateRequest) MarshalJSON() ([]byte, error) {
	type fields ContentSnippetUpdateRequest
	return json.Marshal(struct {
		fields
		AudienceIDs Opt[numericIDList] `json:"audience_ids,omitzero"`
	}{fields(r), audienceIDsOpt(r.AudienceIDs)})
}

// Validate checks that at most one body is given and the audience ids.
func (r ContentSnippetUpdateRequest) Validate() error {
	if len(r.JSONBlocks) > 0 && r.BodyMarkdown != "" {
		return invalid("body_markdown", "excludes json_blocks; set one of them")
	}
	return checkAudienceIDs("audience_ids", r.AudienceIDs)
}

// ContentSnippetAttachTagRequest is the body of tagging a content snippet.
type ContentSnippetAttachTagRequest struct {
	// ID is the tag's id (required); the tag must exist.
	ID string `json:"id"`
	// AdminID is the admin the tagging is attributed to; Intercom's default
	// is the token's admin.
	AdminID string `json:"admin_id,omitempty"`
}

// Validate checks that the tag is named.
func (r ContentSnippetAttachTagRequest) Validate() error {
	if r.ID == "" {
		return invalid("id", "is required (the tag's id)")
	}
	return nil
}

// List returns one page of the workspace's content snippets.
// GET /content_snippets (listContentSnippets).
func (s *ContentSnippetsService) List(ctx context.Context, opt *ContentSnippetListOptions, opts ...Option) (*ContentSnippetList, *Response, error) {
	return call[ContentSnippetList](ctx, s.client, endpoint{method: http.MethodGet, path: "/content_snippets", query: opt}, opts)
}

// ListAll iterates over every content snippet, fetching pages as the loop
// needs them.
func (s *ContentSnippetsService) ListAll(ctx context.Context, opt *ContentSnippetListOptions, opts ...Option) iter.Seq2[ContentSnippet, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/content_snippets"}, opt, opts,
		func(l *ContentSnippetList) ([]ContentSnippet, Pages) {
			return l.Data, topLevelPages(l.Page, l.PerPage, l.TotalPages)
		})
}

// Create creates a content snippet. POST /content_snippets (createContentSnippet).
func (s *ContentSnippetsService) Create(ctx context.Context, req ContentSnippetCreateRequest, opts ...Option) (*ContentSnippet, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ContentSnippet](ctx, s.client, endpoint{method: http.MethodPost, path: "/content_snippets", body: req}, opts)
}

// Get returns a content snippet. GET /content_snippets/{id} (getContentSnippet).
func (s *ContentSnippetsService) Get(ctx context.Context, id string, opts ...Option) (*ContentSnippet, *Response, error) {
	return call[ContentSnippet](ctx, s.client, endpoint{method: http.MethodGet, path: "/content_snippets/{id}", params: []string{id}}, opts)
}

// Update changes a content snippet. PUT /content_snippets/{id} (updateContentSnippet).
func (s *ContentSnippetsService) Update(ctx context.Context, id string, req ContentSnippetUpdateRequest, opts ...Option) (*ContentSnippet, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ContentSnippet](ctx, s.client, endpoint{method: http.MethodPut, path: "/content_snippets/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes a content snippet; Intercom answers 204 without a body.
// DELETE /content_snippets/{id} (deleteContentSnippet).
func (s *ContentSnippetsService) Delete(ctx context.Context, id string, opts ...Option) (*Response, error) {
	return s.client.send(ctx, endpoint{method: http.MethodDelete, path: "/content_snippets/{id}", params: []string{id}}, nil, opts)
}

// AttachTag applies an existing tag to a content snippet and returns the
// tag. POST /content_snippets/{content_snippet_id}/tags (attachTagToContentSnippet).
func (s *ContentSnippetsService) AttachTag(ctx context.Context, contentSnippetID string, req ContentSnippetAttachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/content_snippets/{content_snippet_id}/tags",
		params: []string{contentSnippetID}, body: req}, opts)
}

// DetachTag removes the tag tagID from a content snippet and returns the
// tag. DELETE /content_snippets/{content_snippet_id}/tags/{id} (detachTagFromContentSnippet).
func (s *ContentSnippetsService) DetachTag(ctx context.Context, contentSnippetID, tagID string, opts ...Option) (*Tag, *Response, error) {
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/content_snippets/{content_snippet_id}/tags/{id}",
		params: []string{contentSnippetID, tagID}}, opts)
}
