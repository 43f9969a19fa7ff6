package intercom

import (
	"context"
	"encoding/json"
	"net/http"
)

// DataAttributeModel is the object a data attribute describes.
type DataAttributeModel string

// The models data attributes belong to. Conversation attributes can be
// listed but not created through the API.
const (
	DataAttributeModelContact      DataAttributeModel = "contact"
	DataAttributeModelCompany      DataAttributeModel = "company"
	DataAttributeModelConversation DataAttributeModel = "conversation"
)

// DataAttributeType is the data type of a data attribute's values.
type DataAttributeType string

// The data types of data attributes. DataAttributeTypeDatetime is accepted
// when creating an attribute.
const (
	DataAttributeTypeString   DataAttributeType = "string"
	DataAttributeTypeInteger  DataAttributeType = "integer"
	DataAttributeTypeFloat    DataAttributeType = "float"
	DataAttributeTypeBoolean  DataAttributeType = "boolean"
	DataAttributeTypeDate     DataAttributeType = "date"
	DataAttributeTypeDatetime DataAttributeType = "datetime"
	// DataAttributeTypeOptions is the data type of a list attribute in API
	// 2.14 and later; earlier versions make list attributes of type string.
	// DataAttributeCreateRequest sends the one the chosen version takes.
	DataAttributeTypeOptions DataAttributeType = "options"
)

// DataAttribute describes a standard or custom attribute of contacts,
// companies or conversations.
type DataAttribute struct {
	// Type is "data_attribute".
	Type string `json:"type,omitempty"`
	// ID is the attribute's id; only custom attributes have one.
	ID ID `json:"id,omitempty"`
	// Model is the object the attribute belongs to.
	Model DataAttributeModel `json:"model,omitempty"`
	// Name is the attribute's name.
	Name string `json:"name,omitempty"`
	// FullName is the attribute's path, such as "custom_attributes.paid_subscriber"
	// or "plan.name" (split on "." to reach nested values).
	FullName string `json:"full_name,omitempty"`
	// Label is the name shown in Intercom's UI.
	Label string `json:"label,omitempty"`
	// Description is the attribute's readable description.
	Description string `json:"description,omitempty"`
	// DataType is the type of the attribute's values.
	DataType DataAttributeType `json:"data_type,omitempty"`
	// Options are the allowed values of a list attribute.
	Options []string `json:"options,omitempty"`
	// APIWritable says whether the attribute can be set through the API.
	APIWritable bool `json:"api_writable,omitempty"`
	// MessengerWritable says whether the Messenger can set the attribute.
	MessengerWritable bool `json:"messenger_writable,omitempty"`
	// UIWritable says whether the attribute can be set in Intercom's UI.
	UIWritable bool `json:"ui_writable,omitempty"`
	// Custom is true for custom data attributes.
	Custom bool `json:"custom,omitempty"`
	// Archived is true for archived custom attributes.
	Archived bool `json:"archived,omitempty"`
	// CreatedAt is when the attribute was created (custom attributes).
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the attribute was last updated (custom attributes).
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// AdminID is the teammate who created the attribute (custom attributes).
	AdminID ID `json:"admin_id,omitempty"`
}

// DataAttributeList is the response of listing data attributes (not paginated).
type DataAttributeList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the attributes.
	Data []DataAttribute `json:"data"`
}

// DataAttributeListOptions filters the data attributes listed.
type DataAttributeListOptions struct {
	// Model restricts the list to one model (contact, company or
	// conversation). API 2.16 takes contact or company only (its
	// conversation attributes are ConversationAttributes.List's).
	Model DataAttributeModel `url:"model,omitempty"`
	// IncludeArchived adds archived attributes, which are left out by default.
	IncludeArchived bool `url:"include_archived,omitempty"`
}

// valuesIn refuses model=conversation in API 2.16, whose description
// takes contact or company only.
func (o *DataAttributeListOptions) valuesIn(bit versionSet) (string, versionSet) {
	if o != nil && o.Model == DataAttributeModelConversation && bit&from2_16 != 0 {
		return "model", allVersions &^ from2_16
	}
	return "", 0
}

// DataAttributeCreateRequest creates a custom data attribute.
type DataAttributeCreateRequest struct {
	// Name is the attribute's name (required).
	Name string `json:"name"`
	// Model is contact or company (required).
	Model DataAttributeModel `json:"model"`
	// DataType is the type of the attribute's values (required).
	DataType DataAttributeType `json:"data_type"`
	// Description is the description shown in Intercom's UI.
	Description string `json:"description,omitempty"`
	// Options makes a list attribute with these values (DataType string or
	// options). Versions up to 2.13 take them as a list of strings with
	// data_type string, 2.14 and later as [{"value": …}] with data_type
	// options: the client sends the form the chosen version takes.
	Options []string `json:"options,omitempty"`
	// MessengerWritable lets the Messenger set the attribute.
	MessengerWritable Opt[bool] `json:"messenger_writable,omitzero"`
}

// bodyFor sends a list attribute's options and data type in the form of
// the version: strings and "string" before 2.14, {"value"} objects and
// "options" from it.
func (r DataAttributeCreateRequest) bodyFor(version string) (any, error) {
	if len(r.Options) == 0 {
		return r, nil
	}
	type fields DataAttributeCreateRequest
	f := fields(r)
	if !takesShapeOf(version, from2_14) {
		f.DataType = DataAttributeTypeString
		return f, nil
	}
	f.DataType = DataAttributeTypeOptions
	return struct {
		fields
		Options DataAttributeOptions `json:"options,omitempty"`
	}{f, DataAttributeOptions(r.Options)}, nil
}

// Validate checks the required fields.
func (r DataAttributeCreateRequest) Validate() error {
	switch {
	case r.Name == "":
		return invalid("name", "is required")
	case r.Model == "":
		return invalid("model", "is required (contact or company)")
	case r.DataType == "":
		return invalid("data_type", "is required")
	case len(r.Options) > 0 && r.DataType != DataAttributeTypeString && r.DataType != DataAttributeTypeOptions:
		return invalid("options", "require data_type string or options")
	case len(r.Options) == 0 && r.DataType == DataAttributeTypeOptions:
		return invalid("options", "are required for data_type options")
	}
	return nil
}

// DataAttributeUpdateRequest changes a custom data attribute. Only the set
// fields are sent.
type DataAttributeUpdateRequest struct {
	// Archived archives (true) or unarchives (false) the attribute.
	Archived Opt[bool] `json:"archived,omitzero"`
	// Description replaces the description.
	Description Opt[string] `json:"description,omitzero"`
	// Options replaces the values of a list attribute (data_type string).
	// Intercom takes them as [{"value": …}] on update; see DataAttributeOptions.
	Options DataAttributeOptions `json:"options,omitempty"`
	// MessengerWritable sets whether the Messenger can set the attribute.
	MessengerWritable Opt[bool] `json:"messenger_writable,omitzero"`
}

// DataAttributeOptions are the values of a list attribute in an update. The
// update endpoint takes them as a list of {"value": …} objects, as its
// examples and prose say (the 2.10 schema's list of strings is wrong there);
// both forms decode.
type DataAttributeOptions []string

type dataAttributeOption struct {
	Value string `json:"value"`
}

// MarshalJSON encodes the options as [{"value": …}, …].
func (o DataAttributeOptions) MarshalJSON() ([]byte, error) {
	if o == nil {
		return []byte("null"), nil
	}
	items := make([]dataAttributeOption, len(o))
	for i, v := range o {
		items[i] = dataAttributeOption{Value: v}
	}
	return json.Marshal(items)
}

// UnmarshalJSON accepts a list of {"value": …} objects or of strings.
func (o *DataAttributeOptions) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := unmarshalModel(b, &raw); err != nil {
		return err
	}
	if raw == nil {
		*o = nil
		return nil
	}
	out := make(DataAttributeOptions, len(raw))
	for i, r := range raw {
		var s string
		if err := unmarshalModel(r, &s); err == nil {
			out[i] = s
			continue
		}
		var item dataAttributeOption
		if err := unmarshalModel(r, &item); err != nil {
			return err
		}
		out[i] = item.Value
	}
	*o = out
	return nil
}

// List returns the data attributes of the workspace (the list is not
// paginated). opt may be nil. GET /data_attributes (lisDataAttributes).
func (s *DataAttributesService) List(ctx context.Context, opt *DataAttributeListOptions, opts ...Option) (*DataAttributeList, *Response, error) {
	return call[DataAttributeList](ctx, s.client, endpoint{method: http.MethodGet, path: "/data_attributes", query: opt}, opts)
}

// Create creates a custom data attribute for contacts or companies.
// POST /data_attributes (createDataAttribute).
func (s *DataAttributesService) Create(ctx context.Context, req DataAttributeCreateRequest, opts ...Option) (*DataAttribute, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[DataAttribute](ctx, s.client, endpoint{method: http.MethodPost, path: "/data_attributes", body: req}, opts)
}

// Update changes a custom data attribute: its description, list options,
// Messenger writability, or archived state. Standard attributes cannot be
// updated. PUT /data_attributes/{id} (updateDataAttribute).
func (s *DataAttributesService) Update(ctx context.Context, id string, req DataAttributeUpdateRequest, opts ...Option) (*DataAttribute, *Response, error) {
	return call[DataAttribute](ctx, s.client, endpoint{method: http.MethodPut, path: "/data_attributes/{id}", params: []string{id}, body: req}, opts)
}
