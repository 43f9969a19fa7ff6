package intercom

import (
	"context"
	"iter"
	"net/http"
)

// Audience is a group of contacts, defined by predicates, that Fin's
// content can be targeted to (API 2.16 and later).
type Audience struct {
	// Type is "audience".
	Type string `json:"type,omitempty"`
	// ID is the audience's id.
	ID ID `json:"id,omitempty"`
	// Name is the audience's name.
	Name string `json:"name,omitempty"`
	// Predicates are the conditions contacts must meet to belong to the
	// audience.
	Predicates []AudiencePredicate `json:"predicates,omitempty"`
	// RolePredicates narrow the audience by the contacts' role.
	RolePredicates []AudiencePredicate `json:"role_predicates,omitempty"`
	// CreatedAt is when the audience was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the audience was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// AudiencePredicate is one condition of an audience: an attribute of the
// contact compared with a value.
type AudiencePredicate struct {
	// Attribute is the attribute compared ("company.name",
	// "custom_attributes.plan", "role", …).
	Attribute string `json:"attribute,omitempty"`
	// Type is the attribute's type ("string", "role", …).
	Type string `json:"type,omitempty"`
	// Comparison is the operator ("eq", "contains", …).
	Comparison string `json:"comparison,omitempty"`
	// Value is the value compared with.
	Value string `json:"value,omitempty"`
}

// AudienceList is one page of the workspace's audiences.
type AudienceList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the audiences of this page.
	Data []Audience `json:"data"`
	// TotalCount is the number of audiences.
	TotalCount int `json:"total_count,omitempty"`
	// Page is the number of this page, from 1.
	Page int `json:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `json:"per_page,omitempty"`
	// TotalPages is the number of pages.
	TotalPages int `json:"total_pages,omitempty"`
}

// AudienceListOptions selects a page of audiences.
type AudienceListOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (at most 50, Intercom's default).
	PerPage int `url:"per_page,omitempty"`
}

// AudienceCreateRequest is the body of creating an audience.
type AudienceCreateRequest struct {
	// Name is the audience's name (required).
	Name string `json:"name"`
	// Predicates are the conditions contacts must meet.
	Predicates []AudiencePredicate `json:"predicates,omitempty"`
	// RolePredicates narrow the audience by the contacts' role.
	RolePredicates []AudiencePredicate `json:"role_predicates,omitempty"`
}

// Validate checks that the audience is named.
func (r AudienceCreateRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	return nil
}

// AudienceUpdateRequest is the body of updating an audience: only the
// fields set change, and a list set replaces the audience's list.
type AudienceUpdateRequest struct {
	// Name is the new name.
	Name string `json:"name,omitempty"`
	// Predicates replace the audience's predicates.
	Predicates []AudiencePredicate `json:"predicates,omitempty"`
	// RolePredicates replace the audience's role predicates.
	RolePredicates []AudiencePredicate `json:"role_predicates,omitempty"`
}

// List returns one page of the workspace's audiences.
// GET /audiences (listAudiences).
func (s *AudiencesService) List(ctx context.Context, opt *AudienceListOptions, opts ...Option) (*AudienceList, *Response, error) {
	return call[AudienceList](ctx, s.client, endpoint{method: http.MethodGet, path: "/audiences", query: opt}, opts)
}

// ListAll iterates over every audience, fetching pages as the loop needs
// them.
func (s *AudiencesService) ListAll(ctx context.Context, opt *AudienceListOptions, opts ...Option) iter.Seq2[Audience, error] {
	return knowledgeWalk(ctx, s.client, endpoint{method: http.MethodGet, path: "/audiences"}, opt, opts,
		func(l *AudienceList) ([]Audience, Pages) {
			return l.Data, topLevelPages(l.Page, l.PerPage, l.TotalPages)
		})
}

// Create creates an audience. POST /audiences (createAudience).
func (s *AudiencesService) Create(ctx context.Context, req AudienceCreateRequest, opts ...Option) (*Audience, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Audience](ctx, s.client, endpoint{method: http.MethodPost, path: "/audiences", body: req}, opts)
}

// Get returns an audience. GET /audiences/{id} (retrieveAudience).
func (s *AudiencesService) Get(ctx context.Context, id string, opts ...Option) (*Audience, *Response, error) {
	return call[Audience](ctx, s.client, endpoint{method: http.MethodGet, path: "/audiences/{id}", params: []string{id}}, opts)
}

// Update changes an audience. PUT /audiences/{id} (updateAudience).
func (s *AudiencesService) Update(ctx context.Context, id string, req AudienceUpdateRequest, opts ...Option) (*Audience, *Response, error) {
	return call[Audience](ctx, s.client, endpoint{method: http.MethodPut, path: "/audiences/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes an audience; Intercom answers 204 without a body.
// DELETE /audiences/{id} (deleteAudience).
func (s *AudiencesService) Delete(ctx context.Context, id string, opts ...Option) (*Response, error) {
	return s.client.send(ctx, endpoint{method: http.MethodDelete, path: "/audiences/{id}", params: []string{id}}, nil, opts)
}
