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

// CreateOrUpdateTagRequest creates a tag, or renames the tag with ID.
type CreateOrUpdateTagRequest struct {
	// Name is the tag's name (required): the tag is created if no tag has this
	// name (names are case insensitive), or it is the new name when ID is set.
	Name string `json:"name"`
	// ID is the tag to rename; empty creates a tag (or returns the existing
	// tag with this name).
	ID string `json:"id,omitempty"`
}

// Validate checks that the name is set.
func (r CreateOrUpdateTagRequest) Validate() error {
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

// tagCompaniesBody is the body of tagging companies.
type tagCompaniesBody struct {
	Name      string       `json:"name"`
	Companies []TagCompany `json:"companies"`
}

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

// tagUsersBody is the body of tagging contacts.
type tagUsersBody struct {
	Name  string    `json:"name"`
	Users []TagUser `json:"users"`
}

// tagRefBody is the body of attaching a tag to a contact.
type tagRefBody struct {
	ID string `json:"id"`
}

// tagAdminRefBody is the body of attaching a tag to a conversation or ticket.
type tagAdminRefBody struct {
	ID      string `json:"id"`
	AdminID string `json:"admin_id"`
}

// tagAdminBody is the body of detaching a tag from a conversation or ticket.
type tagAdminBody struct {
	AdminID string `json:"admin_id"`
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
func (s *TagsService) CreateOrUpdate(ctx context.Context, req CreateOrUpdateTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags", body: req}, opts)
}

// TagCompanies applies the tag named name to companies, creating the tag if
// no tag has this name. POST /tags (createTag, tag companies).
func (s *TagsService) TagCompanies(ctx context.Context, name string, companies []TagCompany, opts ...Option) (*Tag, *Response, error) {
	if err := validateTagCompanies(name, companies); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags",
		body: tagCompaniesBody{Name: name, Companies: companies}}, opts)
}

// UntagCompanies removes the tag named name from companies.
// POST /tags (createTag, untag companies).
func (s *TagsService) UntagCompanies(ctx context.Context, name string, companies []TagCompany, opts ...Option) (*Tag, *Response, error) {
	if err := validateTagCompanies(name, companies); err != nil {
		return nil, nil, err
	}
	body := untagCompaniesBody{Name: name, Companies: make([]untagCompany, len(companies))}
	for i, c := range companies {
		body.Companies[i] = untagCompany{ID: c.ID, CompanyID: c.CompanyID, Untag: true}
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags", body: body}, opts)
}

// TagUsers applies the tag named name to contacts, creating the tag if no tag
// has this name. POST /tags (createTag, tag users).
func (s *TagsService) TagUsers(ctx context.Context, name string, users []TagUser, opts ...Option) (*Tag, *Response, error) {
	if name == "" {
		return nil, nil, invalid("name", "is required")
	}
	if len(users) == 0 {
		return nil, nil, invalid("users", "needs at least one user")
	}
	for i, u := range users {
		if u.ID == "" {
			return nil, nil, invalid(fieldIndex("users", i)+".id", "is required")
		}
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tags",
		body: tagUsersBody{Name: name, Users: users}}, opts)
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

// AttachToContact tags a contact with the tag tagID.
// POST /contacts/{contact_id}/tags (attachTagToContact).
func (s *TagsService) AttachToContact(ctx context.Context, contactID, tagID string, opts ...Option) (*Tag, *Response, error) {
	if tagID == "" {
		return nil, nil, invalid("id", "is required (the tag's id)")
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{contact_id}/tags",
		params: []string{contactID}, body: tagRefBody{ID: tagID}}, opts)
}

// DetachFromContact removes the tag tagID from a contact.
// DELETE /contacts/{contact_id}/tags/{id} (detachTagFromContact).
func (s *TagsService) DetachFromContact(ctx context.Context, contactID, tagID string, opts ...Option) (*Tag, *Response, error) {
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/contacts/{contact_id}/tags/{id}",
		params: []string{contactID, tagID}}, opts)
}

// AttachToConversation tags a conversation with the tag tagID, on behalf of
// the admin adminID. POST /conversations/{conversation_id}/tags (attachTagToConversation).
func (s *TagsService) AttachToConversation(ctx context.Context, conversationID, tagID, adminID string, opts ...Option) (*Tag, *Response, error) {
	if err := checkTagAdmin(tagID, adminID, true); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{conversation_id}/tags",
		params: []string{conversationID}, body: tagAdminRefBody{ID: tagID, AdminID: adminID}}, opts)
}

// DetachFromConversation removes the tag tagID from a conversation, on behalf
// of the admin adminID (sent as a JSON body on the DELETE).
// DELETE /conversations/{conversation_id}/tags/{id} (detachTagFromConversation).
func (s *TagsService) DetachFromConversation(ctx context.Context, conversationID, tagID, adminID string, opts ...Option) (*Tag, *Response, error) {
	if err := checkTagAdmin(tagID, adminID, false); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/conversations/{conversation_id}/tags/{id}",
		params: []string{conversationID, tagID}, body: tagAdminBody{AdminID: adminID}}, opts)
}

// AttachToTicket tags a ticket with the tag tagID, on behalf of the admin
// adminID. POST /tickets/{ticket_id}/tags (attachTagToTicket).
func (s *TagsService) AttachToTicket(ctx context.Context, ticketID, tagID, adminID string, opts ...Option) (*Tag, *Response, error) {
	if err := checkTagAdmin(tagID, adminID, true); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets/{ticket_id}/tags",
		params: []string{ticketID}, body: tagAdminRefBody{ID: tagID, AdminID: adminID}}, opts)
}

// DetachFromTicket removes the tag tagID from a ticket, on behalf of the
// admin adminID (sent as a JSON body on the DELETE).
// DELETE /tickets/{ticket_id}/tags/{id} (detachTagFromTicket).
func (s *TagsService) DetachFromTicket(ctx context.Context, ticketID, tagID, adminID string, opts ...Option) (*Tag, *Response, error) {
	if err := checkTagAdmin(tagID, adminID, false); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/tickets/{ticket_id}/tags/{id}",
		params: []string{ticketID, tagID}, body: tagAdminBody{AdminID: adminID}}, opts)
}

// checkTagAdmin validates the body fields of the conversation and ticket
// tagging calls; a tag id in the path is checked by the path expansion.
func checkTagAdmin(tagID, adminID string, tagInBody bool) error {
	if tagInBody && tagID == "" {
		return invalid("id", "is required (the tag's id)")
	}
	if adminID == "" {
		return invalid("admin_id", "is required")
	}
	return nil
}
