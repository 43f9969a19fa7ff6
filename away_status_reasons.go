package intercom

import (
	"context"
	"net/http"
)

// AwayStatusReason is a reason an admin can give for being away, such as
// "On a break".
type AwayStatusReason struct {
	// Type is "away_status_reason".
	Type string `json:"type,omitempty"`
	// ID is the reason's id.
	ID ID `json:"id,omitempty"`
	// Label is the text shown for the reason.
	Label string `json:"label,omitempty"`
	// Emoji is the emoji shown with the reason.
	Emoji string `json:"emoji,omitempty"`
	// Order is the reason's position in the list shown to admins.
	Order int `json:"order,omitempty"`
	// Deleted says whether the reason was deleted (deleted reasons are listed
	// too).
	Deleted bool `json:"deleted,omitempty"`
	// CreatedAt is when the reason was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the reason was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// AwayStatusReasonList lists the away status reasons of the workspace.
type AwayStatusReasonList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the reasons, deleted ones included.
	Data []AwayStatusReason `json:"data"`
}

// List returns every away status reason of the workspace, deleted ones
// included. API 2.14 and later. GET /away_status_reasons (listAwayStatusReasons).
func (s *AwayStatusReasonsService) List(ctx context.Context, opts ...Option) (*AwayStatusReasonList, *Response, error) {
	return call[AwayStatusReasonList](ctx, s.client, endpoint{method: http.MethodGet, path: "/away_status_reasons"}, opts)
}
