package intercom

import (
	"context"
	"net/http"
)

// ConversationAttributeDataType is the data type of a conversation
// attribute. Unknown values decode as-is.
type ConversationAttributeDataType string

// Conversation attribute data types.
const (
	ConversationAttributeTypeString       ConversationAttributeDataType = "string"
	ConversationAttributeTypeInteger      ConversationAttributeDataType = "integer"
	ConversationAttributeTypeList         ConversationAttributeDataType = "list"
	ConversationAttributeTypeDecimal      ConversationAttributeDataType = "decimal"
	ConversationAttributeTypeBoolean      ConversationAttributeDataType = "boolean"
	ConversationAttributeTypeDatetime     ConversationAttributeDataType = "datetime"
	ConversationAttributeTypeRelationship ConversationAttributeDataType = "relationship"
	ConversationAttributeTypeFiles        ConversationAttributeDataType = "files"
)

// ConversationAttributeCardinality says whether a relationship attribute
// refers to one object or many. Unknown values decode as-is.
type ConversationAttributeCardinality string

// Relationship cardinalities.
const (
	ConversationAttributeOne  ConversationAttributeCardinality = "one"
	ConversationAttributeMany ConversationAttributeCardinality = "many"
)

// ConversationAttributeReference is what a relationship attribute refers
// to.
type ConversationAttributeReference struct {
	// Type is the cardinality: one or many (required when sent).
	Type ConversationAttributeCardinality `json:"type"`
	// ObjectTypeID is the custom object type referred to.
	ObjectTypeID string `json:"object_type_id,omitempty"`
}

// ConversationAttributeOption is an option of a list attribute.
type ConversationAttributeOption struct {
	// ID is the option's UUID, what UpdateOption and DeleteOption take.
	ID string `json:"id,omitempty"`
	// Label is the option's label.
	Label string `json:"label,omitempty"`
	// Archived says whether the option is archived.
	Archived bool `json:"archived,omitempty"`
}

// ConversationAttribute is an attribute conversations carry. Multiline is
// set on string attributes only, Options on list attributes, Reference on
// relationship attributes.
type ConversationAttribute struct {
	// Type is "conversation_attribute".
	Type string `json:"type,omitempty"`
	// ID is the attribute's id.
	ID ID `json:"id,omitempty"`
	// Name is the attribute's name.
	Name string `json:"name,omitempty"`
	// Description describes the attribute.
	Description string `json:"description,omitempty"`
	// DataType is the attribute's data type.
	DataType ConversationAttributeDataType `json:"data_type,omitempty"`
	// Required says whether the attribute must be filled in.
	Required bool `json:"required,omitempty"`
	// VisibleToTeamIDs are the teams that see the attribute; empty means
	// every team.
	VisibleToTeamIDs []ID `json:"visible_to_team_ids,omitempty"`
	// Archived says whether the attribute is archived.
	Archived bool `json:"archived,omitempty"`
	// CreatedAt is when the attribute was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the attribute was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// AdminID is the admin who created the attribute.
	AdminID ID `json:"admin_id,omitempty"`
	// Multiline says whether a string attribute takes several lines.
	Multiline bool `json:"multiline,omitempty"`
	// Options are the options of a list attribute.
	Options []ConversationAttributeOption `json:"options,omitempty"`
	// Reference is what a relationship attribute refers to.
	Reference ConversationAttributeReference `json:"reference,omitzero"`
}

// ConversationAttributeList lists the conversation attributes of the
// workspace.
type ConversationAttributeList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the attributes.
	Data []ConversationAttribute `json:"data"`
}

// ConversationAttributeListOptions are the query parameters of listing
// conversation attributes.
type ConversationAttributeListOptions struct {
	// IncludeArchived lists archived attributes too.
	IncludeArchived bool `url:"include_archived,omitempty"`
}

// ConversationAttributeOptionRequest is an option of a new list attribute.
type ConversationAttributeOptionRequest struct {
	// Label is the option's label (required).
	Label string `json:"label"`
}

// ConversationAttributeCreateRequest creates a conversation attribute.
// Multiline applies to string attributes only, Options to list attributes
// only, Reference to relationship attributes only.
type ConversationAttributeCreateRequest struct {
	// Name is the attribute's name (required).
	Name string `json:"name"`
	// Description describes the attribute.
	Description string `json:"description,omitempty"`
	// DataType is the attribute's data type (required).
	DataType ConversationAttributeDataType `json:"data_type"`
	// Required makes the attribute mandatory.
	Required Opt[bool] `json:"required,omitzero"`
	// VisibleToTeamIDs are the teams that see the attribute; none means
	// every team.
	VisibleToTeamIDs []string `json:"visible_to_team_ids,omitempty"`
	// Multiline lets a string attribute take several lines.
	Multiline Opt[bool] `json:"multiline,omitzero"`
	// Options are the options of a list attribute.
	Options []ConversationAttributeOptionRequest `json:"options,omitempty"`
	// Reference is what a relationship attribute refers to.
	Reference ConversationAttributeReference `json:"reference,omitzero"`
}

// Validate checks the required fields and that the fields of one data type
// are not set on another.
func (r ConversationAttributeCreateRequest) Validate() error {
	switch {
	case r.Name == "":
		return invalid("name", "is required")
	case r.DataType == "":
		return invalid("data_type", "is required")
	case !r.Multiline.IsZero() && r.DataType != ConversationAttributeTypeString:
		return invalid("multiline", "applies to string attributes only")
	case len(r.Options) > 0 && r.DataType != ConversationAttributeTypeList:
		return invalid("options", "apply to list attributes only")
	case r.Reference != (ConversationAttributeReference{}) && r.DataType != ConversationAttributeTypeRelationship:
		return invalid("reference", "applies to relationship attributes only")
	case r.Reference.ObjectTypeID != "" && r.Reference.Type == "":
		return invalid("reference.type", "is required")
	}
	for i, o := range r.Options {
		if o.Label == "" {
			return invalid(fieldIndex("options", i)+".label", "is required")
		}
	}
	return nil
}

// ConversationAttributeUpdateRequest changes a conversation attribute; unset
// fields are left as they are. Its data type cannot change.
type ConversationAttributeUpdateRequest struct {
	// Name is the new name.
	Name string `json:"name,omitempty"`
	// Description is the new description; Some("") clears it.
	Description Opt[string] `json:"description,omitzero"`
	// Multiline changes whether a string attribute takes several lines.
	Multiline Opt[bool] `json:"multiline,omitzero"`
	// Required changes whether the attribute is mandatory.
	Required Opt[bool] `json:"required,omitzero"`
	// VisibleToTeamIDs are the teams that see the attribute;
	// Some([]string{}) makes it visible to every team.
	VisibleToTeamIDs Opt[[]string] `json:"visible_to_team_ids,omitzero"`
	// Reference changes what a relationship attribute refers to.
	Reference ConversationAttributeReference `json:"reference,omitzero"`
}

// Validate checks that a reference has its type.
func (r ConversationAttributeUpdateRequest) Validate() error {
	if r.Reference.ObjectTypeID != "" && r.Reference.Type == "" {
		return invalid("reference.type", "is required")
	}
	return nil
}

// ConversationAttributeCreateOptionRequest adds an option to a list
// attribute.
type ConversationAttributeCreateOptionRequest struct {
	// Label is the option's label (required).
	Label string `json:"label"`
}

// Validate checks the label.
func (r ConversationAttributeCreateOptionRequest) Validate() error {
	if r.Label == "" {
		return invalid("label", "is required")
	}
	return nil
}

// ConversationAttributeUpdateOptionRequest renames an option of a list
// attribute.
type ConversationAttributeUpdateOptionRequest struct {
	// Label is the option's new label (required).
	Label string `json:"label"`
}

// Validate checks the label.
func (r ConversationAttributeUpdateOptionRequest) Validate() error {
	if r.Label == "" {
		return invalid("label", "is required")
	}
	return nil
}

// List returns the conversation attributes of the workspace. API 2.16 and
// later. GET /conversations/attributes (listConversationAttributes).
func (s *ConversationAttributesService) List(ctx context.Context, opt *ConversationAttributeListOptions, opts ...Option) (*ConversationAttributeList, *Response, error) {
	return call[ConversationAttributeList](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations/attributes", query: opt}, opts)
}

// Create creates a conversation attribute. API 2.16 and later.
// POST /conversations/attributes (createConversationAttribute).
func (s *ConversationAttributesService) Create(ctx context.Context, req ConversationAttributeCreateRequest, opts ...Option) (*ConversationAttribute, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/attributes", body: req}, opts)
}

// Get returns a conversation attribute. API 2.16 and later.
// GET /conversations/attributes/{id} (getConversationAttribute).
func (s *ConversationAttributesService) Get(ctx context.Context, id string, opts ...Option) (*ConversationAttribute, *Response, error) {
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations/attributes/{id}", params: []string{id}}, opts)
}

// Update changes a conversation attribute. API 2.16 and later.
// PUT /conversations/attributes/{id} (updateConversationAttribute).
func (s *ConversationAttributesService) Update(ctx context.Context, id string, req ConversationAttributeUpdateRequest, opts ...Option) (*ConversationAttribute, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodPut, path: "/conversations/attributes/{id}", params: []string{id}, body: req}, opts)
}

// Delete archives a conversation attribute and returns it. API 2.16 and
// later. DELETE /conversations/attributes/{id} (deleteConversationAttribute).
func (s *ConversationAttributesService) Delete(ctx context.Context, id string, opts ...Option) (*ConversationAttribute, *Response, error) {
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodDelete, path: "/conversations/attributes/{id}", params: []string{id}}, opts)
}

// CreateOption adds an option to a list attribute and returns the
// attribute. API 2.16 and later.
// POST /conversations/attributes/{id}/options (createConversationAttributeOption).
func (s *ConversationAttributesService) CreateOption(ctx context.Context, id string, req ConversationAttributeCreateOptionRequest, opts ...Option) (*ConversationAttribute, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/attributes/{id}/options", params: []string{id}, body: req}, opts)
}

// UpdateOption renames an option of a list attribute (by the option's
// UUID) and returns the attribute. API 2.16 and later.
// PUT /conversations/attributes/{id}/options/{option_id} (updateConversationAttributeOption).
func (s *ConversationAttributesService) UpdateOption(ctx context.Context, id, optionID string, req ConversationAttributeUpdateOptionRequest, opts ...Option) (*ConversationAttribute, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodPut, path: "/conversations/attributes/{id}/options/{option_id}", params: []string{id, optionID}, body: req}, opts)
}

// DeleteOption archives an option of a list attribute (a list attribute
// keeps at least two active options) and returns the attribute. API 2.16
// and later.
// DELETE /conversations/attributes/{id}/options/{option_id} (deleteConversationAttributeOption).
func (s *ConversationAttributesService) DeleteOption(ctx context.Context, id, optionID string, opts ...Option) (*ConversationAttribute, *Response, error) {
	return call[ConversationAttribute](ctx, s.client, endpoint{method: http.MethodDelete, path: "/conversations/attributes/{id}/options/{option_id}", params: []string{id, optionID}}, opts)
}
