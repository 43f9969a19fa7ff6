package intercom

import (
	"context"
	"iter"
	"net/http"
	"time"
)

// DataConnectorState is the state of a data connector.
type DataConnectorState string

// The states of a data connector.
const (
	DataConnectorDraft DataConnectorState = "draft"
	DataConnectorLive  DataConnectorState = "live"
)

// DataConnectorHTTPMethod is the HTTP method a data connector calls its
// external API with.
type DataConnectorHTTPMethod string

// The HTTP methods of a data connector.
const (
	DataConnectorGet    DataConnectorHTTPMethod = "get"
	DataConnectorPost   DataConnectorHTTPMethod = "post"
	DataConnectorPut    DataConnectorHTTPMethod = "put"
	DataConnectorDelete DataConnectorHTTPMethod = "delete"
	DataConnectorPatch  DataConnectorHTTPMethod = "patch"
)

// DataConnectorAudience is a kind of contact a data connector is available
// for.
type DataConnectorAudience string

// The audiences of a data connector.
const (
	DataConnectorUsers    DataConnectorAudience = "users"
	DataConnectorLeads    DataConnectorAudience = "leads"
	DataConnectorVisitors DataConnectorAudience = "visitors"
)

// DataConnector is an HTTP request to an external API that Intercom
// workflows and AI agents can make. List returns the summary fields; Get,
// Create and Update the full detail (configuration, inputs, response fields,
// object mappings).
type DataConnector struct {
	// Type is "data_connector".
	Type string `json:"type,omitempty"`
	// ID is the connector's id.
	ID ID `json:"id,omitempty"`
	// Name is the connector's name.
	Name string `json:"name,omitempty"`
	// Description says what the connector does; empty when Intercom sends
	// null.
	Description string `json:"description,omitempty"`
	// State is draft or live.
	State DataConnectorState `json:"state,omitempty"`
	// URL is the external endpoint; it may hold template variables such as
	// {{order_id}}.
	URL string `json:"url,omitempty"`
	// Body is the request body template.
	Body string `json:"body,omitempty"`
	// Headers are the request's headers; their values are always "****" in
	// responses.
	Headers []DataConnectorHeader `json:"headers,omitempty"`
	// HTTPMethod is the method the connector calls its endpoint with.
	HTTPMethod DataConnectorHTTPMethod `json:"http_method,omitempty"`
	// DirectFinUsage is true when Fin uses the connector directly.
	DirectFinUsage bool `json:"direct_fin_usage,omitempty"`
	// Audiences are the kinds of contacts the connector targets.
	Audiences []DataConnectorAudience `json:"audiences,omitempty"`
	// ExecutionType is server_side or client_side.
	ExecutionType string `json:"execution_type,omitempty"`
	// ConfigurationResponseType is test_response_type or
	// mock_response_type.
	ConfigurationResponseType string `json:"configuration_response_type,omitempty"`
	// DataTransformationType is full_access, redacted_access or
	// code_block_transformation.
	DataTransformationType string `json:"data_transformation_type,omitempty"`
	// ClientFunctionName is the client-side function, if any.
	ClientFunctionName string `json:"client_function_name,omitempty"`
	// ClientFunctionTimeoutMS is the client function's timeout in
	// milliseconds, if any.
	ClientFunctionTimeoutMS int `json:"client_function_timeout_ms,omitempty"`
	// DataInputs are the connector's input parameters.
	DataInputs []DataConnectorInput `json:"data_inputs,omitempty"`
	// ResponseFields are the fields of the connector's response.
	ResponseFields []DataConnectorResponseField `json:"response_fields,omitempty"`
	// ObjectMappings map response objects to Intercom objects.
	ObjectMappings []DataConnectorObjectMapping `json:"object_mappings,omitempty"`
	// TokenIDs are the authentication tokens attached to the connector.
	TokenIDs []string `json:"token_ids,omitempty"`
	// CustomerAuthentication is true when OTP authentication is enabled.
	CustomerAuthentication bool `json:"customer_authentication,omitempty"`
	// BypassAuthentication is true when authentication is bypassed.
	BypassAuthentication bool `json:"bypass_authentication,omitempty"`
	// ValidateMissingAttributes is true when missing attributes are
	// checked before execution.
	ValidateMissingAttributes bool `json:"validate_missing_attributes,omitempty"`
	// CreatedByAdminID is the admin who created the connector.
	CreatedByAdminID ID `json:"created_by_admin_id,omitempty"`
	// UpdatedByAdminID is the admin who last updated the connector.
	UpdatedByAdminID ID `json:"updated_by_admin_id,omitempty"`
	// CreatedAt is when the connector was created (Intercom sends an
	// ISO-8601 time here, not Unix seconds).
	CreatedAt time.Time `json:"created_at,omitzero"`
	// UpdatedAt is when the connector was last updated.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// ExecutionResultsURL is the API path of the connector's execution
	// results.
	ExecutionResultsURL string `json:"execution_results_url,omitempty"`
}

// DataConnectorHeader is a header of a data connector's request.
type DataConnectorHeader struct {
	// Name is the header's name.
	Name string `json:"name"`
	// Value is the header's value (template variables allowed); "****" in
	// responses.
	Value string `json:"value"`
}

// DataConnectorInput is an input parameter of a data connector.
type DataConnectorInput struct {
	// Name is the parameter's name.
	Name string `json:"name"`
	// Type is string, integer, decimal or boolean.
	Type string `json:"type,omitempty"`
	// Description describes the parameter (required on updates).
	Description string `json:"description,omitempty"`
	// Required is true when the parameter must have a value.
	Required bool `json:"required,omitempty"`
	// DefaultValue is the parameter's default value.
	DefaultValue string `json:"default_value,omitempty"`
}

// DataConnectorResponseField is a field of a data connector's response.
type DataConnectorResponseField struct {
	// Path is the field's JSON path.
	Path string `json:"path,omitempty"`
	// Type is unknown, string, integer, decimal, datetime or boolean.
	Type string `json:"type,omitempty"`
	// ExampleValue is an example of the field's value, of any JSON type.
	ExampleValue any `json:"example_value,omitempty"`
	// Redacted is true when the field is redacted in logs.
	Redacted bool `json:"redacted,omitempty"`
}

// DataConnectorObjectMapping maps an object of a data connector's response
// to an Intercom object.
type DataConnectorObjectMapping struct {
	// ResponseObjectPath is the object's path in the response.
	ResponseObjectPath string `json:"response_object_path,omitempty"`
	// IntercomObjectType is conversation or user.
	IntercomObjectType string `json:"intercom_object_type,omitempty"`
	// AttributeMappings map response attributes to Intercom attributes.
	AttributeMappings []DataConnectorAttributeMapping `json:"attribute_mappings,omitempty"`
	// ReferenceMappings reference Intercom objects.
	ReferenceMappings []DataConnectorReferenceMapping `json:"reference_mappings,omitempty"`
}

// DataConnectorAttributeMapping maps a response attribute to an Intercom
// attribute.
type DataConnectorAttributeMapping struct {
	// ResponseAttributePath is the attribute's path in the response.
	ResponseAttributePath string `json:"response_attribute_path,omitempty"`
	// IntercomAttributeIdentifier is the Intercom attribute.
	IntercomAttributeIdentifier string `json:"intercom_attribute_identifier,omitempty"`
	// MappingType is primitive_mapping or context_mapping.
	MappingType string `json:"mapping_type,omitempty"`
}

// DataConnectorReferenceMapping references an Intercom object by one of its
// attributes.
type DataConnectorReferenceMapping struct {
	// IntercomObjectType is conversation or user.
	IntercomObjectType string `json:"intercom_object_type,omitempty"`
	// IntercomAttributeIdentifier is the Intercom attribute.
	IntercomAttributeIdentifier string `json:"intercom_attribute_identifier,omitempty"`
}

// DataConnectorList is one page of data connectors, most recently updated
// first.
type DataConnectorList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the connectors on this page.
	Data []DataConnector `json:"data"`
	// Pages is the pagination block (pages.next.starting_after).
	Pages Pages `json:"pages,omitzero"`
}

// DataConnectorDeleted is the response of deleting a data connector.
type DataConnectorDeleted struct {
	// ID is the id of the deleted connector.
	ID ID `json:"id,omitempty"`
	// Object is "data_connector".
	Object string `json:"object,omitempty"`
	// Deleted is true when the connector was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// DataConnectorExecutionResult is the log of one execution of a data
// connector.
type DataConnectorExecutionResult struct {
	// Type is "data_connector.execution".
	Type string `json:"type,omitempty"`
	// ID is the execution result's id.
	ID ID `json:"id,omitempty"`
	// DataConnectorID is the connector that ran.
	DataConnectorID ID `json:"data_connector_id,omitempty"`
	// Success is true when the execution succeeded.
	Success bool `json:"success,omitempty"`
	// HTTPStatus is the external API's status; 0 when there was none.
	HTTPStatus int `json:"http_status,omitempty"`
	// HTTPMethod is the request's method.
	HTTPMethod DataConnectorHTTPMethod `json:"http_method,omitempty"`
	// ErrorType is the kind of error, if any.
	ErrorType DataConnectorErrorType `json:"error_type,omitempty"`
	// ErrorMessage describes the error, if any (URLs redacted).
	ErrorMessage string `json:"error_message,omitempty"`
	// ExecutionTimeMS is how long the execution took, in milliseconds.
	ExecutionTimeMS int `json:"execution_time_ms,omitempty"`
	// SourceType is what triggered the execution (workflow, fin, inbox, …).
	SourceType string `json:"source_type,omitempty"`
	// SourceID is the id of what triggered the execution.
	SourceID ID `json:"source_id,omitempty"`
	// ConversationID is the conversation of the execution, if any.
	ConversationID ID `json:"conversation_id,omitempty"`
	// CreatedAt is when the execution happened (an ISO-8601 time).
	CreatedAt time.Time `json:"created_at,omitzero"`
	// RequestURL is the request's URL (query, userinfo and fragment
	// redacted).
	RequestURL string `json:"request_url,omitempty"`
	// RequestBody is the body sent (GetExecutionResult, or
	// ListExecutionResults with IncludeBodies).
	RequestBody string `json:"request_body,omitempty"`
	// ResponseBody is the mapped response body.
	ResponseBody string `json:"response_body,omitempty"`
	// RawResponseBody is the response body as received.
	RawResponseBody string `json:"raw_response_body,omitempty"`
}

// DataConnectorErrorType is the kind of error of a failed execution.
type DataConnectorErrorType string

// The kinds of execution errors.
const (
	DataConnectorRequestConfigurationError                       DataConnectorErrorType = "request_configuration_error"
	DataConnectorFaradayError                                    DataConnectorErrorType = "faraday_error"
	DataConnectorThirdPartyError                                 DataConnectorErrorType = "3rd_party_error"
	DataConnectorResponseMappingError                            DataConnectorErrorType = "response_mapping_error"
	DataConnectorTokenRefreshError                               DataConnectorErrorType = "token_refresh_error"
	DataConnectorFinActionResponseFormattingError                DataConnectorErrorType = "fin_action_response_formatting_error"
	DataConnectorFinActionIdentityVerificationError              DataConnectorErrorType = "fin_action_identity_verification_error"
	DataConnectorEmailVerificationError                          DataConnectorErrorType = "email_verification_error"
	DataConnectorNonFinStandaloneActionIdentityVerificationError DataConnectorErrorType = "non_fin_standalone_action_identity_verification_error"
	DataConnectorRequestValidationError                          DataConnectorErrorType = "request_validation_error"
	DataConnectorClientSideActionError                           DataConnectorErrorType = "client_side_action_error"
)

// DataConnectorExecutionResultList is one page of a connector's execution
// results.
type DataConnectorExecutionResultList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the results on this page, newest first.
	Data []DataConnectorExecutionResult `json:"data"`
	// Pages is the pagination block (pages.next.starting_after).
	Pages Pages `json:"pages,omitzero"`
}

// DataConnectorListOptions selects a page of data connectors.
type DataConnectorListOptions struct {
	// PerPage is the page size (1 to 50; Intercom's default is 20).
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor of the page (pages.next.starting_after
	// of the previous one).
	StartingAfter string `url:"starting_after,omitempty"`
}

// DataConnectorGetOptions selects which version of a data connector Get
// returns.
type DataConnectorGetOptions struct {
	// StateVersion is draft or live (Intercom's default).
	StateVersion DataConnectorState `url:"state_version,omitempty"`
}

// DataConnectorListExecutionResultsOptions selects a page of a connector's
// execution results. Without StartTS and EndTS, the last hour's.
type DataConnectorListExecutionResultsOptions struct {
	// PerPage is the page size (1 to 30; Intercom's default is 10).
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor of the page.
	StartingAfter string `url:"starting_after,omitempty"`
	// Success keeps only the successful (true) or failed (false) results.
	Success Opt[bool] `url:"success,omitempty"`
	// ErrorType keeps only the results with this error.
	ErrorType DataConnectorErrorType `url:"error_type,omitempty"`
	// StartTS is the start of the time range (default: an hour ago).
	StartTS Timestamp `url:"start_ts,omitempty"`
	// EndTS is the end of the time range (default: now).
	EndTS Timestamp `url:"end_ts,omitempty"`
	// IncludeBodies asks for the request and response bodies.
	IncludeBodies Opt[bool] `url:"include_bodies,omitempty"`
}

// DataConnectorCreateRequest is the body of creating a data connector,
// which starts in the draft state. Only Name is required.
type DataConnectorCreateRequest struct {
	// Name is the connector's name.
	Name string `json:"name"`
	// Description says what the connector does.
	Description string `json:"description,omitempty"`
	// HTTPMethod is the method the connector calls its endpoint with.
	HTTPMethod DataConnectorHTTPMethod `json:"http_method,omitempty"`
	// URL is the external endpoint; template variables such as
	// {{order_id}} are allowed.
	URL string `json:"url,omitempty"`
	// Body is the request body template.
	Body string `json:"body,omitempty"`
	// DirectFinUsage makes Fin use the connector directly (default false).
	DirectFinUsage Opt[bool] `json:"direct_fin_usage,omitzero"`
	// Audiences are the kinds of contacts the connector is available for.
	Audiences []DataConnectorAudience `json:"audiences,omitempty"`
	// Headers are the request's headers.
	Headers []DataConnectorHeader `json:"headers,omitempty"`
	// DataInputs are the connector's input parameters.
	DataInputs []DataConnectorInput `json:"data_inputs,omitempty"`
	// CustomerAuthentication requires customer authentication (default
	// false).
	CustomerAuthentication Opt[bool] `json:"customer_authentication,omitzero"`
	// BypassAuthentication bypasses authentication (default false).
	BypassAuthentication Opt[bool] `json:"bypass_authentication,omitzero"`
	// ValidateMissingAttributes checks that required inputs have values
	// before executing.
	ValidateMissingAttributes Opt[bool] `json:"validate_missing_attributes,omitzero"`
	// MockResponse is a sample response of the external API, from which
	// Intercom derives the response fields.
	MockResponse map[string]any `json:"mock_response,omitempty"`
	// TokenIDs are the authentication tokens to attach.
	TokenIDs []string `json:"token_ids,omitempty"`
}

// Validate checks that the connector has a name.
func (r DataConnectorCreateRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	return nil
}

// DataConnectorUpdateRequest is the body of updating a data connector: only
// the fields set are changed. Set State to go live or back to draft.
type DataConnectorUpdateRequest struct {
	// Name is the new name.
	Name string `json:"name,omitempty"`
	// Description is the new description; Some("") clears it.
	Description Opt[string] `json:"description,omitzero"`
	// State is draft or live.
	State DataConnectorState `json:"state,omitempty"`
	// HTTPMethod is the new method.
	HTTPMethod DataConnectorHTTPMethod `json:"http_method,omitempty"`
	// URL is the new endpoint.
	URL string `json:"url,omitempty"`
	// Body is the new body template; Some("") clears it.
	Body Opt[string] `json:"body,omitzero"`
	// DirectFinUsage makes Fin use the connector directly, or not.
	DirectFinUsage Opt[bool] `json:"direct_fin_usage,omitzero"`
	// Audiences replaces the audiences.
	Audiences Opt[[]DataConnectorAudience] `json:"audiences,omitzero"`
	// Headers replaces the headers; Some of an empty slice removes them.
	Headers Opt[[]DataConnectorHeader] `json:"headers,omitzero"`
	// DataInputs replaces all the input parameters (each needs a
	// description).
	DataInputs Opt[[]DataConnectorInput] `json:"data_inputs,omitzero"`
	// CustomerAuthentication turns OTP authentication on or off.
	CustomerAuthentication Opt[bool] `json:"customer_authentication,omitzero"`
	// BypassAuthentication turns authentication bypass on or off.
	BypassAuthentication Opt[bool] `json:"bypass_authentication,omitzero"`
	// ValidateMissingAttributes turns the check of missing attributes on or
	// off.
	ValidateMissingAttributes Opt[bool] `json:"validate_missing_attributes,omitzero"`
	// MockResponse is a new sample response.
	MockResponse map[string]any `json:"mock_response,omitempty"`
	// TokenIDs replaces the attached tokens; Some of an empty slice removes
	// them all.
	TokenIDs Opt[[]string] `json:"token_ids,omitzero"`
}

// List returns one page of the workspace's data connectors. opt may be nil.
// GET /data_connectors (listDataConnectors).
func (s *DataConnectorsService) List(ctx context.Context, opt *DataConnectorListOptions, opts ...Option) (*DataConnectorList, *Response, error) {
	return call[DataConnectorList](ctx, s.client, endpoint{method: http.MethodGet, path: "/data_connectors", query: opt}, opts)
}

// ListAll iterates over every data connector, following
// pages.next.starting_after. opt may be nil; it is not modified.
func (s *DataConnectorsService) ListAll(ctx context.Context, opt *DataConnectorListOptions, opts ...Option) iter.Seq2[DataConnector, error] {
	return walk(ctx, opt, func(o *DataConnectorListOptions, cursor string) {
		if cursor != "" {
			o.StartingAfter = cursor
		}
	}, func(ctx context.Context, o *DataConnectorListOptions) ([]DataConnector, string, error) {
		page, _, err := s.List(ctx, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextStartingAfter(page.Pages, len(page.Data)), nil
	})
}

// Create creates a data connector in the draft state.
// POST /data_connectors (createDataConnector).
func (s *DataConnectorsService) Create(ctx context.Context, req DataConnectorCreateRequest, opts ...Option) (*DataConnector, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[DataConnector](ctx, s.client, endpoint{method: http.MethodPost, path: "/data_connectors", body: req}, opts)
}

// Get returns the full detail of a data connector. opt may be nil (the
// live version).
// GET /data_connectors/{id} (RetrieveDataConnector).
func (s *DataConnectorsService) Get(ctx context.Context, id string, opt *DataConnectorGetOptions, opts ...Option) (*DataConnector, *Response, error) {
	return call[DataConnector](ctx, s.client, endpoint{method: http.MethodGet, path: "/data_connectors/{id}", params: []string{id}, query: opt}, opts)
}

// Update changes a data connector and returns it.
// PATCH /data_connectors/{id} (updateDataConnector).
func (s *DataConnectorsService) Update(ctx context.Context, id string, req DataConnectorUpdateRequest, opts ...Option) (*DataConnector, *Response, error) {
	return call[DataConnector](ctx, s.client, endpoint{method: http.MethodPatch, path: "/data_connectors/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes a data connector, which must be a draft used by no
// workflow or AI agent.
// DELETE /data_connectors/{id} (deleteDataConnector).
func (s *DataConnectorsService) Delete(ctx context.Context, id string, opts ...Option) (*DataConnectorDeleted, *Response, error) {
	return call[DataConnectorDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/data_connectors/{id}", params: []string{id}}, opts)
}

// ListExecutionResults returns one page of a data connector's execution
// logs. opt may be nil (the last hour's, without bodies).
// GET /data_connectors/{data_connector_id}/execution_results (listDataConnectorExecutionResults).
func (s *DataConnectorsService) ListExecutionResults(ctx context.Context, connectorID string, opt *DataConnectorListExecutionResultsOptions, opts ...Option) (*DataConnectorExecutionResultList, *Response, error) {
	return call[DataConnectorExecutionResultList](ctx, s.client, endpoint{method: http.MethodGet,
		path: "/data_connectors/{data_connector_id}/execution_results", params: []string{connectorID}, query: opt}, opts)
}

// ListExecutionResultsAll iterates over every execution result of a data
// connector that opt selects, following pages.next.starting_after. opt may
// be nil; it is not modified.
func (s *DataConnectorsService) ListExecutionResultsAll(ctx context.Context, connectorID string, opt *DataConnectorListExecutionResultsOptions, opts ...Option) iter.Seq2[DataConnectorExecutionResult, error] {
	return walk(ctx, opt, func(o *DataConnectorListExecutionResultsOptions, cursor string) {
		if cursor != "" {
			o.StartingAfter = cursor
		}
	}, func(ctx context.Context, o *DataConnectorListExecutionResultsOptions) ([]DataConnectorExecutionResult, string, error) {
		page, _, err := s.ListExecutionResults(ctx, connectorID, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextStartingAfter(page.Pages, len(page.Data)), nil
	})
}

// GetExecutionResult returns one execution result of a data connector,
// with its request and response bodies.
// GET /data_connectors/{data_connector_id}/execution_results/{id} (showDataConnectorExecutionResult).
func (s *DataConnectorsService) GetExecutionResult(ctx context.Context, connectorID, id string, opts ...Option) (*DataConnectorExecutionResult, *Response, error) {
	return call[DataConnectorExecutionResult](ctx, s.client, endpoint{method: http.MethodGet,
		path: "/data_connectors/{data_connector_id}/execution_results/{id}", params: []string{connectorID, id}}, opts)
}
