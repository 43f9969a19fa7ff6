package intercom

import (
	"context"
	"net/http"
)

// Brand is one of the brands of a workspace: the default brand (whose id is
// the workspace's) and any other brand it presents itself under.
type Brand struct {
	// Type is "brand".
	Type string `json:"type,omitempty"`
	// ID is the brand's id; the default brand's is the workspace id.
	ID ID `json:"id,omitempty"`
	// Name is the brand's display name.
	Name string `json:"name,omitempty"`
	// IsDefault says whether this is the workspace's default brand.
	IsDefault bool `json:"is_default,omitempty"`
	// CreatedAt is when the brand was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the brand was last changed.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// HelpCenterID is the brand's Help Center.
	HelpCenterID ID `json:"help_center_id,omitempty"`
	// DefaultAddressSettingsID is the brand's default sender email setting
	// (see EmailsService).
	DefaultAddressSettingsID ID `json:"default_address_settings_id,omitempty"`
}

// BrandList lists the brands of the workspace.
type BrandList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the brands, the default one included.
	Data []Brand `json:"data"`
}

// List returns every brand of the workspace, the default brand included. API
// 2.15 and later. GET /brands (listBrands).
func (s *BrandsService) List(ctx context.Context, opts ...Option) (*BrandList, *Response, error) {
	return call[BrandList](ctx, s.client, endpoint{method: http.MethodGet, path: "/brands"}, opts)
}

// Get returns a brand. API 2.15 and later. GET /brands/{id} (retrieveBrand).
func (s *BrandsService) Get(ctx context.Context, id string, opts ...Option) (*Brand, *Response, error) {
	return call[Brand](ctx, s.client, endpoint{method: http.MethodGet, path: "/brands/{id}", params: []string{id}}, opts)
}
