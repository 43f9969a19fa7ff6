package intercom

import (
	"context"
	"net/http"
)

// Tag labels contacts, companies, conversations and tickets.
type Tag struct {
	// Type is "tag".
	Type string `json:"type,omitempty"`
	// ID is the tag's id.
	ID ID `json:"id,omitempty"`
	// Name is the tag's name.
	Name string `json:"name,omitempty"`
	// AppliedAt is when the tag was applied; set only when the tag is returned
	// by tagging a contact, conversation or ticket.
	AppliedAt Timestamp `json:"applied_at,omitempty"`
	// AppliedBy is the admin who applied the tag; set only when the tag is
	// returned by tagging a contact, conversation or ticket.
	AppliedBy TagAppliedBy `json:"applied_by,omitzero"`
	// Users are the users that tagging (or untagging) users through
	// POST /tags changed. API 2.16 and later.
	Users []TagTarget `json:"users,omitempty"`
	// Companies are the companies that tagging (or untagging) companies
	// through POST /tags changed. API 2.16 and later.
	Companies []TagTarget `json:"companies,omitempty"`
}

// TagTarget is a user or company that POST /tags tagged or untagged.
type TagTarget struct {
	// ID is the user's or company's id.
	ID ID `json:"id,omitempty"`
	// Tagged says whether it now has the tag.
	Tagged bool `json:"tagged,omitempty"`
}

// TagAppliedBy references the admin who applied a tag.
type TagAppliedBy struct {
	// Type is "admin".
	Type string `json:"type,omitempty"`
	// ID is the admin's id.
	ID ID `json:"id,omitempty"`
}

// TagList is a list of tags: the workspace's tags, or those of a contact or
// company.
type TagList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the tags.
	Data []Tag `json:"data"`
}

// TagCreateOrUpdateRequest creates a tag, or renames the tag with ID.
type TagCreateOrUpdateRequest struct {
	// Name is the tag's name (required): the tag is created if no tag has this
	// name (names are case insensitive), or it is the new name when ID is set.
	Name string `json:"name"`
	// ID is the tag to rename; empty creates a tag (or returns the existing
	// tag with this name).
	ID string `json:"id,omitempty"`
}

// Validate checks that the name is set.
func (r TagCreateOrUpdateRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	return nil
}

// TagCompany identifies a company to tag or untag: set exactly one of ID
// (Intercom's id) or CompanyID (the id you gave the company).
type TagCompany struct {
	// ID is the id Intercom gave the company.
	ID string `json:"id,omitempty"`
	// CompanyID is the id you gave the company.
	CompanyID string `json:"company_id,omitempty"`
}

// TagUser identifies a contact to tag by the id Intercom gave it.
type TagUser struct {
	// ID is the id Intercom gave the contact.
	ID string `json:"id"`
}

// TagCompaniesRequest applies the tag Name to Companies, creating the tag if
// no tag has this name.
type TagCompaniesRequest struct {
	// Name is the tag's name (required).
	Name string `json:"name"`
	// Companies are the companies to tag (at least one).
	Companies []TagCompany `json:"companies"`
}

// Validate checks the name and that each company is identified once.
func (r TagCompaniesRequest) Validate() error { return validateTagCompanies(r.Name, r.Companies) }

// TagUntagCompaniesRequest removes the tag Name from Companies.
type TagUntagCompaniesRequest struct {
	// Name is the tag's name (required).
	Name string `json:"name"`
	// Companies are the companies to untag (at least one).
	Companies []TagCompany `json:"companies"`
}

// Validate checks the name and that each company is identified once.
func (r TagUntagCompaniesRequest) Validate() error { return validateTagCompanies(r.Name, r.Companies) }

// untagCompany is one company of an untag request.
type untagCompany struct {
	ID        string `json:"id,omitempty"`
	CompanyID string `json:"company_id,omitempty"`
	Untag     bool   `json:"untag"`
}

// untagCompaniesBody is the body of untagging companies.
type untagCompaniesBody struct {
	Name      string         `json:"name"`
	Companies []untagCompany `json:"companies"`
}

// TagUsersRequest applies the tag Name to contacts, creating the tag if no
// tag has this name.
type TagUsersRequest struct {
	// Name is the tag's name (required).
	Name string `json:"name"`
	// Users are the contacts to tag (at least one).
	Users []TagUser `json:"users"`
}

// Validate checks the name and the contacts' ids.
func (r TagUsersRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	if len(r.Users) == 0 {
		return invalid("users", "needs at least one user")
	}
	for i, u := range r.Users {
		if u.ID == "" {
			return invalid(fieldIndex("users", i)+".id", "is required")
		}
	}
	return nil
}

func validateTagCompanies(name string, companies []TagCompany) error {
	if name == "" {
		return invalid("name", "is required")
	}
	if len(companies) == 0 {
		return invalid("companies", "needs at least one company")
	}
	for i, c := range companies {
		switch {
		case c.ID == "" && c.CompanyID == "":
			return invalid(fieldIndex("companies", i), "needs an id or a company_id")
		case c.ID != "" && c.CompanyID != "":
			return invalid(fieldIndex("companies", i), "has both an id and a company_id; set one")
		}
	}
	return nil
}

// fieldIndex names element i of a list field, e.g. "companies[2]".
func fieldIndex(field string, i int) string { return field + "[" + itoa(int64(i)) + "]" }

// List returns every tag of the workspace (the list is not paginated).
// GET /tags (listTags).
func (s *TagsService) List(ctx context.Context, opts ...Option) (*TagList, *Response, error) {
	return call[TagList](ctx, s.client, endpoint{method: http.MethodGet, path: "/tags"}, opts)
}

// CreateOrUpdate creates a tag with the request's name, or renames the tag
// with the request's ID. POST /tags (createTag).
func (s *TagsService) CreateOrUpdate(ctx context.Context, req TagCreateOrUpdateRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags", body: req}, opts)
}

// TagCompanies applies the tag req.Name to req.Companies, creating the tag
// if no tag has this name. POST /tags (createTag, tag companies).
func (s *TagsService) TagCompanies(ctx context.Context, req TagCompaniesRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags", body: req}, opts)
}

// UntagCompanies removes the tag req.Name from req.Companies.
// POST /tags (createTag, untag companies).
func (s *TagsService) UntagCompanies(ctx context.Context, req TagUntagCompaniesRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	body := untagCompaniesBody{Name: req.Name, Companies: make([]untagCompany, len(req.Companies))}
	for i, c := range req.Companies {
		body.Companies[i] = untagCompany{ID: c.ID, CompanyID: c.CompanyID, Untag: true}
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags", body: body}, opts)
}

// TagUsers applies the tag req.Name to req.Users (contacts), creating the
// tag if no tag has this name. POST /tags (createTag, tag users).
func (s *TagsService) TagUsers(ctx context.Context, req TagUsersRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags", body: req}, opts)
}

// Get returns a tag. GET /tags/{id} (findTag).
func (s *TagsService) Get(ctx context.Context, id string, opts ...Option) (*Tag, *Response, error) {
	return call[Tag](ctx, s.client, endpoint{method: http.MethodGet, path: "/tags/{id}", params: []string{id}}, opts)
}

// Delete deletes a tag. Intercom refuses (400, tag_has_dependent_objects)
// while segments use it. DELETE /tags/{id} (deleteTag).
func (s *TagsService) Delete(ctx context.Context, id string, opts ...Option) (*Response, error) {
	return s.client.send(ctx, endpoint{method: http.MethodDelete, path: "/tags/{id}", params: []string{id}}, nil, opts)
}
