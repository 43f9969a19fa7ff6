package intercom

import (
	"context"
	"net/http"
)

// TicketStateDetail is one of the ticket states of the workspace, with the
// ticket types that use it. Its Category is one of the TicketState values.
type TicketStateDetail struct {
	// Type is "ticket_state".
	Type string `json:"type,omitempty"`
	// ID is the ticket state's id (what Tickets.ChangeType and ticket updates
	// take as ticket_state_id).
	ID ID `json:"id,omitempty"`
	// Category is the state's category: submitted, in_progress,
	// waiting_on_customer or resolved.
	Category TicketState `json:"category,omitempty"`
	// InternalLabel is the state as teammates see it.
	InternalLabel string `json:"internal_label,omitempty"`
	// ExternalLabel is the state as customers see it.
	ExternalLabel string `json:"external_label,omitempty"`
	// Archived says whether the state is archived.
	Archived bool `json:"archived,omitempty"`
	// TicketTypes are the ticket types that use the state.
	TicketTypes TicketTypeList `json:"ticket_types,omitzero"`
}

// TicketStateList lists the ticket states of the workspace.
type TicketStateList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the ticket states.
	Data []TicketStateDetail `json:"data"`
}

// List returns every ticket state of the workspace. API 2.12 and later.
// GET /ticket_states (listTicketStates).
func (s *TicketStatesService) List(ctx context.Context, opts ...Option) (*TicketStateList, *Response, error) {
	return call[TicketStateList](ctx, s.client, endpoint{method: http.MethodGet, path: "/ticket_states"}, opts)
}
