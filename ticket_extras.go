package intercom

import (
	"context"
	"net/http"
)

// TicketEnqueueRequest is the body of enqueueing the creation of a ticket:
// a ticket creation, and whether to skip its notifications.
type TicketEnqueueRequest struct {
	TicketCreateRequest
	// SkipNotifications disables the notifications of the ticket's
	// creation.
	SkipNotifications Opt[bool] `json:"skip_notifications,omitzero"`
}

// Enqueue queues the creation of a ticket and returns the job that will
// create it; Intercom checks the input as best it can first. API 2.14 and
// later. POST /tickets/enqueue (enqueueCreateTicket).
func (s *TicketsService) Enqueue(ctx context.Context, req TicketEnqueueRequest, opts ...Option) (*Job, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Job](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets/enqueue", body: req}, opts)
}

// TicketDeleted is the response of deleting a ticket.
type TicketDeleted struct {
	// ID is the deleted ticket's id.
	ID ID `json:"id,omitempty"`
	// Object is "ticket".
	Object string `json:"object,omitempty"`
	// Deleted says whether the ticket was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// Delete deletes a ticket (by its id, not the ticket_id the Inbox shows),
// permanently, with its replies, attributes and uploads. API 2.13 and
// later. DELETE /tickets/{id} (deleteTicket).
func (s *TicketsService) Delete(ctx context.Context, id string, opts ...Option) (*TicketDeleted, *Response, error) {
	return call[TicketDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/tickets/{id}", params: []string{id}}, opts)
}

// TicketChangeTypeRequest is the body of changing the type of a ticket.
type TicketChangeTypeRequest struct {
	// TicketTypeID is the new type, of the same category as the current
	// one (required).
	TicketTypeID string `json:"ticket_type_id"`
	// TicketStateID is a state of the new type (required).
	TicketStateID string `json:"ticket_state_id"`
	// TicketAttributes are attribute values for the new type; attributes
	// of the same name and type are carried over from the old one, and
	// these override them.
	TicketAttributes TicketAttributes `json:"ticket_attributes,omitempty"`
}

// Validate checks the required ids.
func (r TicketChangeTypeRequest) Validate() error {
	if r.TicketTypeID == "" {
		return invalid("ticket_type_id", "is required")
	}
	if r.TicketStateID == "" {
		return invalid("ticket_state_id", "is required")
	}
	return nil
}

// ChangeType changes the type of a ticket to another of the same category.
// API 2.16 and later. POST /tickets/{ticket_id}/change_type (changeTicketType).
func (s *TicketsService) ChangeType(ctx context.Context, ticketID string, req TicketChangeTypeRequest, opts ...Option) (*Ticket, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Ticket](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets/{ticket_id}/change_type", params: []string{ticketID}, body: req}, opts)
}

// TicketLinkConversationRequest is the body of linking a conversation to a
// tracker ticket.
type TicketLinkConversationRequest struct {
	// ConversationID is the conversation (or customer ticket) to link
	// (required).
	ConversationID string `json:"conversation_id"`
}

// Validate checks the conversation id.
func (r TicketLinkConversationRequest) Validate() error {
	if r.ConversationID == "" {
		return invalid("conversation_id", "is required")
	}
	return nil
}

// LinkConversation links a conversation, or a customer ticket, to the
// tracker ticket ticketID (at most 2,500) and returns the conversation. API
// 2.16 and later.
// POST /tickets/{ticket_id}/linked_conversations (linkConversationToTicket).
func (s *TicketsService) LinkConversation(ctx context.Context, ticketID string, req TicketLinkConversationRequest, opts ...Option) (*Conversation, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets/{ticket_id}/linked_conversations", params: []string{ticketID}, body: req}, opts)
}

// UnlinkConversation unlinks the conversation (or customer ticket) id from
// the tracker ticket ticketID and returns the conversation. API 2.16 and
// later.
// DELETE /tickets/{ticket_id}/linked_conversations/{id} (unlinkConversationFromTicket).
func (s *TicketsService) UnlinkConversation(ctx context.Context, ticketID, id string, opts ...Option) (*Conversation, *Response, error) {
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodDelete, path: "/tickets/{ticket_id}/linked_conversations/{id}", params: []string{ticketID, id}}, opts)
}
