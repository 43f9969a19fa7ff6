package intercom

import (
	"context"
	"net/http"
)

// TicketDataType is the data type of a ticket type attribute. Unknown values
// decode as-is.
type TicketDataType string

// Data types of ticket type attributes.
const (
	TicketDataTypeString   TicketDataType = "string"
	TicketDataTypeList     TicketDataType = "list"
	TicketDataTypeInteger  TicketDataType = "integer"
	TicketDataTypeDecimal  TicketDataType = "decimal"
	TicketDataTypeBoolean  TicketDataType = "boolean"
	TicketDataTypeDatetime TicketDataType = "datetime"
	TicketDataTypeFiles    TicketDataType = "files"
)

// TicketTypeAttribute is a data field the tickets of a ticket type capture.
type TicketTypeAttribute struct {
	// Type is "ticket_type_attribute".
	Type string `json:"type,omitempty"`
	// ID is the attribute's id.
	ID ID `json:"id,omitempty"`
	// WorkspaceID is the workspace the attribute belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// Name is the attribute's name ("_default_title_" and
	// "_default_description_" for the built-in ones).
	Name string `json:"name,omitempty"`
	// Description describes the attribute.
	Description string `json:"description,omitempty"`
	// DataType is the attribute's data type.
	DataType TicketDataType `json:"data_type,omitempty"`
	// InputOptions are the input options, such as {"multiline": true}.
	InputOptions map[string]any `json:"input_options,omitempty"`
	// Order is the attribute's position among the others.
	Order int `json:"order,omitempty"`
	// RequiredToCreate says whether teammates must fill it in.
	RequiredToCreate bool `json:"required_to_create,omitempty"`
	// RequiredToCreateForContacts says whether contacts must fill it in.
	RequiredToCreateForContacts bool `json:"required_to_create_for_contacts,omitempty"`
	// VisibleOnCreate says whether teammates see it when creating a ticket.
	VisibleOnCreate bool `json:"visible_on_create,omitempty"`
	// VisibleToContacts says whether contacts see it.
	VisibleToContacts bool `json:"visible_to_contacts,omitempty"`
	// Default says whether the attribute is built in.
	Default bool `json:"default,omitempty"`
	// TicketTypeID is the ticket type the attribute belongs to.
	TicketTypeID ID `json:"ticket_type_id,omitempty"`
	// Archived says whether the attribute is archived.
	Archived bool `json:"archived,omitempty"`
	// CreatedAt is when the attribute was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the attribute was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// TicketTypeAttributeList lists the attributes of a ticket type. Intercom
// sends the items under "data" (the spec's schema says
// "ticket_type_attributes"; both decode).
type TicketTypeAttributeList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the attributes.
	Data []TicketTypeAttribute `json:"data"`
}

// UnmarshalJSON decodes the list from "data" or, failing that, from the
// schema's "ticket_type_attributes".
func (l *TicketTypeAttributeList) UnmarshalJSON(b []byte) error {
	var w struct {
		Type                 string                `json:"type"`
		Data                 []TicketTypeAttribute `json:"data"`
		TicketTypeAttributes []TicketTypeAttribute `json:"ticket_type_attributes"`
	}
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	l.Type, l.Data = w.Type, w.Data
	if l.Data == nil {
		l.Data = w.TicketTypeAttributes
	}
	return nil
}

// TicketTypeCreateAttributeRequest adds an attribute to a ticket type.
type TicketTypeCreateAttributeRequest struct {
	// Name is the attribute's name (required).
	Name string `json:"name"`
	// Description is shown to teammates and contacts (required).
	Description string `json:"description"`
	// DataType is the attribute's data type (required).
	DataType TicketDataType `json:"data_type"`
	// RequiredToCreate makes teammates fill it in (Intercom's default: false).
	RequiredToCreate Opt[bool] `json:"required_to_create,omitzero"`
	// RequiredToCreateForContacts makes contacts fill it in (default: false).
	RequiredToCreateForContacts Opt[bool] `json:"required_to_create_for_contacts,omitzero"`
	// VisibleOnCreate shows it to teammates creating a ticket (default: true).
	VisibleOnCreate Opt[bool] `json:"visible_on_create,omitzero"`
	// VisibleToContacts shows it to contacts (default: true).
	VisibleToContacts Opt[bool] `json:"visible_to_contacts,omitzero"`
	// Multiline allows several lines of text (string attributes only).
	Multiline Opt[bool] `json:"multiline,omitzero"`
	// ListItems are the comma-separated items of a list attribute.
	ListItems string `json:"list_items,omitempty"`
	// AllowMultipleValues allows several files (files attributes only).
	AllowMultipleValues Opt[bool] `json:"allow_multiple_values,omitzero"`
}

// Validate checks the required fields and the data type.
func (r TicketTypeCreateAttributeRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	if r.Description == "" {
		return invalid("description", "is required")
	}
	switch r.DataType {
	case TicketDataTypeString, TicketDataTypeList, TicketDataTypeInteger, TicketDataTypeDecimal,
		TicketDataTypeBoolean, TicketDataTypeDatetime, TicketDataTypeFiles:
	case "":
		return invalid("data_type", "is required")
	default:
		return invalid("data_type", "is "+string(r.DataType)+"; want string, list, integer, decimal, boolean, datetime or files")
	}
	if r.DataType == TicketDataTypeList && r.ListItems == "" {
		return invalid("list_items", "is required for a list attribute")
	}
	return nil
}

// TicketTypeUpdateAttributeRequest changes an attribute of a ticket type;
// unset fields are left unchanged.
type TicketTypeUpdateAttributeRequest struct {
	// Name is the new name.
	Name string `json:"name,omitempty"`
	// Description is the new description.
	Description Opt[string] `json:"description,omitzero"`
	// RequiredToCreate makes teammates fill it in, or not.
	RequiredToCreate Opt[bool] `json:"required_to_create,omitzero"`
	// RequiredToCreateForContacts makes contacts fill it in, or not.
	RequiredToCreateForContacts Opt[bool] `json:"required_to_create_for_contacts,omitzero"`
	// VisibleOnCreate shows it to teammates creating a ticket, or not.
	VisibleOnCreate Opt[bool] `json:"visible_on_create,omitzero"`
	// VisibleToContacts shows it to contacts, or not.
	VisibleToContacts Opt[bool] `json:"visible_to_contacts,omitzero"`
	// Multiline allows several lines of text (string attributes only).
	Multiline Opt[bool] `json:"multiline,omitzero"`
	// ListItems are the comma-separated items of a list attribute.
	ListItems string `json:"list_items,omitempty"`
	// AllowMultipleValues allows several files (files attributes only).
	AllowMultipleValues Opt[bool] `json:"allow_multiple_values,omitzero"`
	// Archived hides the attribute when creating tickets (it stays on existing ones).
	Archived Opt[bool] `json:"archived,omitzero"`
}

// CreateAttribute adds an attribute to a ticket type.
// POST /ticket_types/{ticket_type_id}/attributes (createTicketTypeAttribute).
func (s *TicketTypesService) CreateAttribute(ctx context.Context, ticketTypeID string, req TicketTypeCreateAttributeRequest, opts ...Option) (*TicketTypeAttribute, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[TicketTypeAttribute](ctx, s.client, endpoint{method: http.MethodPost, path: "/ticket_types/{ticket_type_id}/attributes",
		params: []string{ticketTypeID}, body: req}, opts)
}

// UpdateAttribute changes an attribute of a ticket type, or archives it.
// PUT /ticket_types/{ticket_type_id}/attributes/{id} (updateTicketTypeAttribute).
func (s *TicketTypesService) UpdateAttribute(ctx context.Context, ticketTypeID, id string, req TicketTypeUpdateAttributeRequest, opts ...Option) (*TicketTypeAttribute, *Response, error) {
	return call[TicketTypeAttribute](ctx, s.client, endpoint{method: http.MethodPut, path: "/ticket_types/{ticket_type_id}/attributes/{id}",
		params: []string{ticketTypeID, id}, body: req}, opts)
}
