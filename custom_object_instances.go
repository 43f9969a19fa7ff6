package intercom

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// CustomObjectInstance is an instance of a custom object type (an Order, a
// Booking, …), identified by Intercom's id and by the external id you gave
// it.
type CustomObjectInstance struct {
	// ID is Intercom's id of the instance.
	ID ID `json:"id,omitempty"`
	// ExternalID is your id of the instance.
	ExternalID string `json:"external_id,omitempty"`
	// ExternalCreatedAt is when the instance was created in your system;
	// zero when unknown.
	ExternalCreatedAt Timestamp `json:"external_created_at,omitempty"`
	// ExternalUpdatedAt is when the instance was last updated in your
	// system; zero when unknown.
	ExternalUpdatedAt Timestamp `json:"external_updated_at,omitempty"`
	// CreatedAt is when the instance was created in Intercom.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the instance was last updated in Intercom.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// Type is the custom object type's identifier, such as "Order".
	Type string `json:"type,omitempty"`
	// CustomAttributes are the instance's attribute values by name.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// CustomObjectInstanceList is one page of the instances of a custom object
// type.
type CustomObjectInstanceList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block (page numbers and a next link).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of instances.
	TotalCount int `json:"total_count,omitempty"`
	// Data are the instances of this page.
	Data []CustomObjectInstance `json:"data"`
}

// CustomObjectInstanceDeleted is the response of deleting a custom object
// instance.
type CustomObjectInstanceDeleted struct {
	// Object is the custom object type's identifier.
	Object string `json:"object,omitempty"`
	// ID is Intercom's id of the deleted instance.
	ID ID `json:"id,omitempty"`
	// Deleted says whether the instance was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// CustomObjectInstanceCreateOrUpdateRequest creates an instance, or updates
// the one with the same external id.
type CustomObjectInstanceCreateOrUpdateRequest struct {
	// ExternalID is your id of the instance (required): it decides between
	// creating and updating.
	ExternalID string `json:"external_id"`
	// ExternalCreatedAt is when the instance was created in your system.
	ExternalCreatedAt Opt[Timestamp] `json:"external_created_at,omitzero" intercom:"nullable"`
	// ExternalUpdatedAt is when the instance was last updated in your
	// system.
	ExternalUpdatedAt Opt[Timestamp] `json:"external_updated_at,omitzero" intercom:"nullable"`
	// CustomAttributes are the attribute values to set, by name.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// Validate checks the external id.
func (r CustomObjectInstanceCreateOrUpdateRequest) Validate() error {
	if r.ExternalID == "" {
		return invalid("external_id", "is required")
	}
	return nil
}

// CustomObjectInstanceListOptions are the query parameters of listing the
// instances of a custom object type (API 2.16 and later).
type CustomObjectInstanceListOptions struct {
	// ReferencesContactID keeps the instances associated with this contact.
	ReferencesContactID string `url:"references_contact_id,omitempty" intercom:"since=2.16"`
	// ReferencesConversationID keeps the instances associated with this
	// conversation.
	ReferencesConversationID string `url:"references_conversation_id,omitempty" intercom:"since=2.16"`
	// Page is the page number, from 1.
	Page int `url:"page,omitempty" intercom:"since=2.16"`
	// PerPage is the page size, at most 150.
	PerPage int `url:"per_page,omitempty" intercom:"since=2.16"`
}

// CustomObjectInstanceGetByExternalIDOptions selects an instance by your id.
type CustomObjectInstanceGetByExternalIDOptions struct {
	// ExternalID is your id of the instance (required).
	ExternalID string `url:"external_id"`
}

// Validate checks the external id.
func (o CustomObjectInstanceGetByExternalIDOptions) Validate() error {
	if o.ExternalID == "" {
		return invalid("external_id", "is required")
	}
	return nil
}

// CustomObjectInstanceDeleteByExternalIDOptions selects the instance to
// delete by your id.
type CustomObjectInstanceDeleteByExternalIDOptions struct {
	// ExternalID is your id of the instance (required).
	ExternalID string `url:"external_id"`
}

// Validate checks the external id.
func (o CustomObjectInstanceDeleteByExternalIDOptions) Validate() error {
	if o.ExternalID == "" {
		return invalid("external_id", "is required")
	}
	return nil
}

// CreateOrUpdate creates an instance of the custom object type
// typeIdentifier, or updates the one with the same external id. API 2.13
// and later.
// POST /custom_object_instances/{custom_object_type_identifier} (createCustomObjectInstances).
func (s *CustomObjectInstancesService) CreateOrUpdate(ctx context.Context, typeIdentifier string, req CustomObjectInstanceCreateOrUpdateRequest, opts ...Option) (*CustomObjectInstance, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[CustomObjectInstance](ctx, s.client, endpoint{method: http.MethodPost, path: "/custom_object_instances/{custom_object_type_identifier}", params: []string{typeIdentifier}, body: req}, opts)
}

// Get returns an instance of the custom object type typeIdentifier by
// Intercom's id (Intercom also accepts the external id here). API 2.13 and
// later.
// GET /custom_object_instances/{custom_object_type_identifier}/{id} (getCustomObjectInstancesById).
func (s *CustomObjectInstancesService) Get(ctx context.Context, typeIdentifier, id string, opts ...Option) (*CustomObjectInstance, *Response, error) {
	return call[CustomObjectInstance](ctx, s.client, endpoint{method: http.MethodGet, path: "/custom_object_instances/{custom_object_type_identifier}/{id}", params: []string{typeIdentifier, id}}, opts)
}

// GetByExternalID returns the instance of the custom object type
// typeIdentifier that has your external id. API 2.13 and later; the
// operation is getCustomObjectInstancesByExternalId up to 2.15, which
// answers the instance, and a mode of listCustomObjectInstances from 2.16,
// which answers a list of it: there the method returns the list's instance,
// or an error matching ErrNotFound when the list is empty.
// GET /custom_object_instances/{custom_object_type_identifier} (getCustomObjectInstancesByExternalId).
func (s *CustomObjectInstancesService) GetByExternalID(ctx context.Context, typeIdentifier string, opt CustomObjectInstanceGetByExternalIDOptions, opts ...Option) (*CustomObjectInstance, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	e := endpoint{method: http.MethodGet, path: "/custom_object_instances/{custom_object_type_identifier}", params: []string{typeIdentifier}, query: opt}
	cfg, _, err := s.client.callSettings(opts)
	if err != nil || !takesShapeOf(cfg.apiVersion, from2_16) { // a list from 2.16
		return call[CustomObjectInstance](ctx, s.client, e, opts)
	}
	list, resp, err := call[CustomObjectInstanceList](ctx, s.client, e, opts)
	if err != nil {
		return nil, resp, err
	}
	if len(list.Data) == 0 {
		return nil, resp, fmt.Errorf("intercom: no %s instance has external_id %q: %w", typeIdentifier, opt.ExternalID, ErrNotFound)
	}
	return &list.Data[0], resp, nil
}

// List returns one page of the instances of the custom object type
// typeIdentifier, all of them or those of a contact or a conversation. API
// 2.16 and later (the versions before take only an external id: use
// GetByExternalID).
// GET /custom_object_instances/{custom_object_type_identifier} (listCustomObjectInstances).
func (s *CustomObjectInstancesService) List(ctx context.Context, typeIdentifier string, opt *CustomObjectInstanceListOptions, opts ...Option) (*CustomObjectInstanceList, *Response, error) {
	return call[CustomObjectInstanceList](ctx, s.client, endpoint{method: http.MethodGet, path: "/custom_object_instances/{custom_object_type_identifier}", params: []string{typeIdentifier}, query: opt}, opts)
}

// ListAll iterates over the instances List selects, fetching pages (by page
// number) as the loop needs them.
func (s *CustomObjectInstancesService) ListAll(ctx context.Context, typeIdentifier string, opt *CustomObjectInstanceListOptions, opts ...Option) iter.Seq2[CustomObjectInstance, error] {
	return walk(ctx, opt, func(o *CustomObjectInstanceListOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *CustomObjectInstanceListOptions) ([]CustomObjectInstance, string, error) {
			page, _, err := s.List(ctx, typeIdentifier, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// Delete deletes an instance of the custom object type typeIdentifier by
// Intercom's id. API 2.13 and later.
// DELETE /custom_object_instances/{custom_object_type_identifier}/{id} (deleteCustomObjectInstancesByExternalId).
func (s *CustomObjectInstancesService) Delete(ctx context.Context, typeIdentifier, id string, opts ...Option) (*CustomObjectInstanceDeleted, *Response, error) {
	return call[CustomObjectInstanceDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/custom_object_instances/{custom_object_type_identifier}/{id}", params: []string{typeIdentifier, id}}, opts)
}

// DeleteByExternalID deletes the instance of the custom object type
// typeIdentifier that has your external id. API 2.13 and later.
// DELETE /custom_object_instances/{custom_object_type_identifier} (deleteCustomObjectInstancesById).
func (s *CustomObjectInstancesService) DeleteByExternalID(ctx context.Context, typeIdentifier string, opt CustomObjectInstanceDeleteByExternalIDOptions, opts ...Option) (*CustomObjectInstanceDeleted, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[CustomObjectInstanceDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/custom_object_instances/{custom_object_type_identifier}", params: []string{typeIdentifier}, query: opt}, opts)
}
