package intercom

import (
	"context"
	"net/http"
)

// IPAllowlist is the workspace's IP allowlist: when enabled, the API
// accepts requests only from these addresses.
type IPAllowlist struct {
	// Type is "ip_allowlist".
	Type string `json:"type,omitempty"`
	// Enabled is true when the allowlist is enforced.
	Enabled bool `json:"enabled,omitempty"`
	// IPAllowlist holds the allowed addresses and CIDR ranges, such as
	// "10.0.0.1" and "192.168.1.0/24".
	IPAllowlist []string `json:"ip_allowlist"`
}

// IPAllowlistUpdateRequest is the body of updating the IP allowlist. The
// API refuses an update that would lock out the caller's own address.
type IPAllowlistUpdateRequest struct {
	// Enabled turns the allowlist on or off.
	Enabled Opt[bool] `json:"enabled,omitzero"`
	// IPAllowlist replaces the allowed addresses and CIDR ranges; Some of
	// an empty slice empties the list.
	IPAllowlist Opt[[]string] `json:"ip_allowlist,omitzero"`
}

// Get returns the workspace's IP allowlist.
// GET /ip_allowlist (getIpAllowlist).
func (s *IPAllowlistService) Get(ctx context.Context, opts ...Option) (*IPAllowlist, *Response, error) {
	return call[IPAllowlist](ctx, s.client, endpoint{method: http.MethodGet, path: "/ip_allowlist"}, opts)
}

// Update changes the workspace's IP allowlist and returns it.
// PUT /ip_allowlist (updateIpAllowlist).
func (s *IPAllowlistService) Update(ctx context.Context, req IPAllowlistUpdateRequest, opts ...Option) (*IPAllowlist, *Response, error) {
	return call[IPAllowlist](ctx, s.client, endpoint{method: http.MethodPut, path: "/ip_allowlist", body: req}, opts)
}
