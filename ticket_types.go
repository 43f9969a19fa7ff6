package intercom

import (
	"context"
	"net/http"
)

// TicketType defines a kind of ticket and the attributes its tickets capture.
type TicketType struct {
	// Type is "ticket_type".
	Type string `json:"type,omitempty"`
	// ID is the ticket type's id.
	ID ID `json:"id,omitempty"`
	// Category is the category of its tickets.
	Category TicketCategory `json:"category,omitempty"`
	// Name is the ticket type's name.
	Name string `json:"name,omitempty"`
	// Description describes the ticket type.
	Description string `json:"description,omitempty"`
	// Icon is the ticket type's emoji.
	Icon string `json:"icon,omitempty"`
	// WorkspaceID is the workspace the ticket type belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// TicketTypeAttributes are the attributes its tickets capture.
	TicketTypeAttributes TicketTypeAttributeList `json:"ticket_type_attributes,omitzero"`
	// TicketStates are the ticket states tickets of this type can be in.
	// API 2.12 and later.
	TicketStates TicketTypeStates `json:"ticket_states,omitzero"`
	// Archived says whether the ticket type is archived.
	Archived bool `json:"archived,omitempty"`
	// IsInternal says whether its tickets are for internal use only.
	IsInternal bool `json:"is_internal,omitempty"`
	// CreatedAt is when the ticket type was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the ticket type was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// TicketTypeStates lists the ticket states of a ticket type.
type TicketTypeStates struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the states.
	Data []TicketStateInfo `json:"data"`
}

// TicketTypeList lists the ticket types of the workspace. Intercom sends the
// items under "data" (the spec's schema says "ticket_types"; both decode).
type TicketTypeList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the ticket types.
	Data []TicketType `json:"data"`
}

// UnmarshalJSON decodes the list from "data" or, failing that, from the
// schema's "ticket_types".
func (l *TicketTypeList) UnmarshalJSON(b []byte) error {
	var w struct {
		Type        string       `json:"type"`
		Data        []TicketType `json:"data"`
		TicketTypes []TicketType `json:"ticket_types"`
	}
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	l.Type, l.Data = w.Type, w.Data
	if l.Data == nil {
		l.Data = w.TicketTypes
	}
	return nil
}

// TicketTypeCreateRequest creates a ticket type.
type TicketTypeCreateRequest struct {
	// Name is the ticket type's name (required).
	Name string `json:"name"`
	// Description describes the ticket type.
	Description string `json:"description,omitempty"`
	// Category is the category of its tickets.
	Category TicketCategory `json:"category,omitempty"`
	// Icon is an emoji; Intercom defaults to 🎟️.
	Icon string `json:"icon,omitempty"`
	// IsInternal makes its tickets internal only (a limited attribute).
	IsInternal Opt[bool] `json:"is_internal,omitzero"`
}

// Validate checks that the name is set.
func (r TicketTypeCreateRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	return nil
}

// TicketTypeUpdateRequest updates a ticket type; unset fields are left unchanged.
type TicketTypeUpdateRequest struct {
	// Name is the new name.
	Name string `json:"name,omitempty"`
	// Description is the new description.
	Description Opt[string] `json:"description,omitzero"`
	// Category is the new category.
	Category TicketCategory `json:"category,omitempty"`
	// Icon is the new emoji.
	Icon string `json:"icon,omitempty"`
	// Archived archives (Some(true)) or unarchives (Some(false)) the ticket type.
	Archived Opt[bool] `json:"archived,omitzero"`
	// IsInternal makes its tickets internal only, or not.
	IsInternal Opt[bool] `json:"is_internal,omitzero"`
}

// List returns every ticket type of the workspace (the list is not paginated).
// GET /ticket_types (listTicketTypes).
func (s *TicketTypesService) List(ctx context.Context, opts ...Option) (*TicketTypeList, *Response, error) {
	return call[TicketTypeList](ctx, s.client, endpoint{method: http.MethodGet, path: "/ticket_types"}, opts)
}

// Create creates a ticket type, with the default title and description
// attributes. POST /ticket_types (createTicketType).
func (s *TicketTypesService) Create(ctx context.Context, req TicketTypeCreateRequest, opts ...Option) (*TicketType, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[TicketType](ctx, s.client, endpoint{method: http.MethodPost, path: "/ticket_types", body: req}, opts)
}

// Get returns a ticket type with its attributes. GET /ticket_types/{id} (getTicketType).
func (s *TicketTypesService) Get(ctx context.Context, id string, opts ...Option) (*TicketType, *Response, error) {
	return call[TicketType](ctx, s.client, endpoint{method: http.MethodGet, path: "/ticket_types/{id}", params: []string{id}}, opts)
}

// Update changes a ticket type, or archives it. PUT /ticket_types/{id} (updateTicketType).
func (s *TicketTypesService) Update(ctx context.Context, id string, req TicketTypeUpdateRequest, opts ...Option) (*TicketType, *Response, error) {
	return call[TicketType](ctx, s.client, endpoint{method: http.MethodPut, path: "/ticket_types/{id}", params: []string{id}, body: req}, opts)
}
