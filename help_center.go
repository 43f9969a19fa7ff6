package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// Collection is a help center collection, or a section inside one (a
// collection with a ParentID).
type Collection struct {
	// ID is the collection's id.
	ID ID `json:"id,omitempty"`
	// WorkspaceID is the id of the workspace the collection belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// Name is the name (of the default locale, for multilingual help centers).
	Name string `json:"name,omitempty"`
	// Description is the description (of the default locale).
	Description string `json:"description,omitempty"`
	// CreatedAt is when the collection was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the collection was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// URL is the collection's public URL.
	URL string `json:"url,omitempty"`
	// Icon is the name of the collection's icon, such as "bookmark".
	Icon string `json:"icon,omitempty"`
	// Order is the position among its siblings, from 0.
	Order int `json:"order,omitempty"`
	// DefaultLocale is the help center's default locale (multilingual help centers only).
	DefaultLocale string `json:"default_locale,omitempty"`
	// TranslatedContent holds the name and description per locale.
	TranslatedContent GroupTranslatedContent `json:"translated_content,omitzero"`
	// ParentID is the parent collection; empty for a first-level collection.
	ParentID ID `json:"parent_id,omitempty"`
	// HelpCenterID is the help center the collection is in; may be empty for sections.
	HelpCenterID ID `json:"help_center_id,omitempty"`
}

// GroupContent is the content of a collection or section in one locale.
type GroupContent struct {
	// Type is "group_content".
	Type string `json:"type,omitempty"`
	// Name is the name in this locale.
	Name string `json:"name,omitempty"`
	// Description is the description in this locale (collections only).
	Description string `json:"description,omitempty"`
}

// GroupTranslatedContent is a collection's content per locale ("en", "fr",
// "pt-BR", …). On the wire it is one object with a key per locale beside a
// "type" key.
type GroupTranslatedContent struct {
	// Type is "group_translated_content"; leave it empty in requests.
	Type string
	// Locales maps a locale code to the content in that locale.
	Locales map[string]GroupContent `intercom:"inline"`
}

// IsZero reports whether there is no type and no locale.
func (c GroupTranslatedContent) IsZero() bool { return c.Type == "" && len(c.Locales) == 0 }

// MarshalJSON encodes the locales as keys beside "type".
func (c GroupTranslatedContent) MarshalJSON() ([]byte, error) {
	return marshalTranslated(c.Type, c.Locales)
}

// UnmarshalJSON decodes the "type" key and every locale; null decodes to the zero value.
func (c *GroupTranslatedContent) UnmarshalJSON(b []byte) error {
	return unmarshalTranslated(b, &c.Type, &c.Locales)
}

// CollectionList is one page of collections.
type CollectionList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of collections in all pages.
	TotalCount int `json:"total_count,omitempty"`
	// Data are the collections on this page.
	Data []Collection `json:"data"`
}

// CollectionDeleted is the response of deleting a collection.
type CollectionDeleted struct {
	// ID is the id of the deleted collection.
	ID ID `json:"id,omitempty"`
	// Object is "collection".
	Object string `json:"object,omitempty"`
	// Deleted is true when the collection was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// HelpCenter is one of the workspace's help centers.
type HelpCenter struct {
	// ID is the help center's id.
	ID ID `json:"id,omitempty"`
	// WorkspaceID is the id of the workspace the help center belongs to.
	WorkspaceID string `json:"workspace_id,omitempty"`
	// CreatedAt is when the help center was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the help center was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// Identifier is the help center's identifier, used in its URL.
	Identifier string `json:"identifier,omitempty"`
	// WebsiteTurnedOn says whether the help center site is on.
	WebsiteTurnedOn bool `json:"website_turned_on,omitempty"`
	// DisplayName is the name teammates see.
	DisplayName string `json:"display_name,omitempty"`
	// URL is the help center's URL (on the custom domain, if any).
	URL string `json:"url,omitempty"`
	// CustomDomain is the custom domain, if one is configured.
	CustomDomain string `json:"custom_domain,omitempty"`
	// Default says whether this is the workspace's default help center. API
	// 2.16 and later.
	Default bool `json:"default,omitempty"`
	// Locales are the languages the help center is available in. API 2.16
	// and later.
	Locales []string `json:"locales,omitempty"`
}

// HelpCenterList is the list of the workspace's help centers (not paginated).
type HelpCenterList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the help centers.
	Data []HelpCenter `json:"data"`
}

// HelpCenterListCollectionsOptions selects a page of collections. Intercom accepts
// these parameters though the spec does not declare them.
type HelpCenterListCollectionsOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// HelpCenterCreateCollectionRequest creates a collection, or a section when ParentID is set.
type HelpCenterCreateCollectionRequest struct {
	// Name is the name (of the default locale); required.
	Name string `json:"name"`
	// Description is the description (of the default locale).
	Description string `json:"description,omitempty"`
	// TranslatedContent is the content of other locales.
	TranslatedContent Opt[GroupTranslatedContent] `json:"translated_content,omitzero" intercom:"nullable"`
	// ParentID is the parent collection; omitted or null creates a first-level collection.
	ParentID Opt[string] `json:"parent_id,omitzero" intercom:"nullable"`
	// HelpCenterID is the help center to create the collection in (a numeric
	// id, sent as an integer); empty means the default help center.
	HelpCenterID string `json:"help_center_id,omitempty"`
}

// MarshalJSON encodes the request with help_center_id as an integer.
func (r HelpCenterCreateCollectionRequest) MarshalJSON() ([]byte, error) {
	type fields HelpCenterCreateCollectionRequest
	return json.Marshal(struct {
		fields
		HelpCenterID intBodyID `json:"help_center_id,omitempty"`
	}{fields(r), intBodyID(r.HelpCenterID)})
}

// Validate checks that a name is given and the help center id is numeric.
func (r HelpCenterCreateCollectionRequest) Validate() error {
	if r.Name == "" {
		return invalid("name", "is required")
	}
	return checkIntID("help_center_id", r.HelpCenterID)
}

// HelpCenterUpdateCollectionRequest changes a collection; omitted fields are left unchanged.
type HelpCenterUpdateCollectionRequest struct {
	// Name is the new name (of the default locale).
	Name string `json:"name,omitempty"`
	// Description is the new description (of the default locale).
	Description Opt[string] `json:"description,omitzero"`
	// TranslatedContent replaces the content of other locales; Null clears it.
	TranslatedContent Opt[GroupTranslatedContent] `json:"translated_content,omitzero" intercom:"nullable"`
	// ParentID moves the collection under another one; Null makes it a
	// first-level collection.
	ParentID Opt[string] `json:"parent_id,omitzero" intercom:"nullable"`
}

// ListCollections returns one page of the help center collections and sections.
// GET /help_center/collections (listAllCollections).
func (s *HelpCenterService) ListCollections(ctx context.Context, opt *HelpCenterListCollectionsOptions, opts ...Option) (*CollectionList, *Response, error) {
	return call[CollectionList](ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/collections", query: opt}, opts)
}

// ListCollectionsAll iterates over every collection and section, fetching
// pages as the loop needs them (starting at opt.Page, if set).
func (s *HelpCenterService) ListCollectionsAll(ctx context.Context, opt *HelpCenterListCollectionsOptions, opts ...Option) iter.Seq2[Collection, error] {
	return walk(ctx, opt, func(o *HelpCenterListCollectionsOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *HelpCenterListCollectionsOptions) ([]Collection, string, error) {
			page, _, err := s.ListCollections(ctx, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// CreateCollection creates a collection (or a section, with a parent).
// POST /help_center/collections (createCollection).
func (s *HelpCenterService) CreateCollection(ctx context.Context, req HelpCenterCreateCollectionRequest, opts ...Option) (*Collection, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Collection](ctx, s.client, endpoint{method: http.MethodPost, path: "/help_center/collections", body: req}, opts)
}

// GetCollection returns a collection.
// GET /help_center/collections/{id} (retrieveCollection).
func (s *HelpCenterService) GetCollection(ctx context.Context, id string, opts ...Option) (*Collection, *Response, error) {
	return call[Collection](ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/collections/{id}", params: []string{id}}, opts)
}

// UpdateCollection changes a collection.
// PUT /help_center/collections/{id} (updateCollection).
func (s *HelpCenterService) UpdateCollection(ctx context.Context, id string, req HelpCenterUpdateCollectionRequest, opts ...Option) (*Collection, *Response, error) {
	return call[Collection](ctx, s.client, endpoint{method: http.MethodPut, path: "/help_center/collections/{id}", params: []string{id}, body: req}, opts)
}

// DeleteCollection deletes a collection.
// DELETE /help_center/collections/{id} (deleteCollection).
func (s *HelpCenterService) DeleteCollection(ctx context.Context, id string, opts ...Option) (*CollectionDeleted, *Response, error) {
	return call[CollectionDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/help_center/collections/{id}", params: []string{id}}, opts)
}

// GetHelpCenter returns a help center.
// GET /help_center/help_centers/{id} (retrieveHelpCenter).
func (s *HelpCenterService) GetHelpCenter(ctx context.Context, id string, opts ...Option) (*HelpCenter, *Response, error) {
	return call[HelpCenter](ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/help_centers/{id}", params: []string{id}}, opts)
}

// ListHelpCenters returns all the workspace's help centers (not paginated).
// GET /help_center/help_centers (listHelpCenters).
func (s *HelpCenterService) ListHelpCenters(ctx context.Context, opts ...Option) (*HelpCenterList, *Response, error) {
	return call[HelpCenterList](ctx, s.client, endpoint{method: http.MethodGet, path: "/help_center/help_centers"}, opts)
}
