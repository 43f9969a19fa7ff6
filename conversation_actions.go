package intercom

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// This file covers the other conversation actions: attaching and detaching
// contacts, redacting and converting to a ticket.

// ConversationCustomer identifies a contact to add to a conversation by
// exactly one of its Intercom id, external user id or email.
type ConversationCustomer struct {
	// IntercomUserID is the contact's Intercom id.
	IntercomUserID string `json:"intercom_user_id,omitempty"`
	// UserID is the external id you gave the contact.
	UserID string `json:"user_id,omitempty"`
	// Email is the contact's email.
	Email string `json:"email,omitempty"`
}

// Validate checks that exactly one identifier is set.
func (c ConversationCustomer) Validate() error {
	n := 0
	for _, v := range []string{c.IntercomUserID, c.UserID, c.Email} {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	switch {
	case n == 0:
		return invalid("customer", "needs one of intercom_user_id, user_id or email")
	case n > 1:
		return invalid("customer", "takes only one of intercom_user_id, user_id or email")
	}
	return nil
}

// ConversationAttachContactRequest adds a contact to a conversation as a participant.
type ConversationAttachContactRequest struct {
	// AdminID is the admin adding the participant (required).
	AdminID string `json:"admin_id"`
	// Customer identifies the contact (required).
	Customer ConversationCustomer `json:"customer"`
}

// Validate checks the admin id and the contact identifier.
func (r ConversationAttachContactRequest) Validate() error {
	if err := requireAdminID(r.AdminID); err != nil {
		return err
	}
	return r.Customer.Validate()
}

// ConversationDetachContactRequest removes a contact from a group conversation.
type ConversationDetachContactRequest struct {
	// AdminID is the admin removing the participant (required).
	AdminID string `json:"admin_id"`
}

// ConversationRedactType is what a redaction removes.
type ConversationRedactType string

// Redaction targets.
const (
	// RedactConversationPart redacts one conversation part.
	RedactConversationPart ConversationRedactType = "conversation_part"
	// RedactConversationSource redacts the message that started the conversation.
	RedactConversationSource ConversationRedactType = "source"
)

// ConversationRedactRequest redacts a conversation part or a conversation's
// source message. Build one with RedactPart or RedactSource.
type ConversationRedactRequest struct {
	// Type is RedactConversationPart or RedactConversationSource.
	Type ConversationRedactType `json:"type"`
	// ConversationID is the conversation (required).
	ConversationID string `json:"conversation_id"`
	// ConversationPartID is the part to redact, for RedactConversationPart.
	ConversationPartID string `json:"conversation_part_id,omitempty"`
	// SourceID is the source to redact, for RedactConversationSource.
	SourceID string `json:"source_id,omitempty"`
}

// RedactPart returns a request redacting one part of a conversation.
func RedactPart(conversationID, partID string) ConversationRedactRequest {
	return ConversationRedactRequest{Type: RedactConversationPart, ConversationID: conversationID, ConversationPartID: partID}
}

// RedactSource returns a request redacting the source message of a conversation.
func RedactSource(conversationID, sourceID string) ConversationRedactRequest {
	return ConversationRedactRequest{Type: RedactConversationSource, ConversationID: conversationID, SourceID: sourceID}
}

// Validate checks that the ids the redaction type needs are set, and only those.
func (r ConversationRedactRequest) Validate() error {
	if strings.TrimSpace(r.ConversationID) == "" {
		return invalid("conversation_id", "is required")
	}
	switch r.Type {
	case RedactConversationPart:
		if strings.TrimSpace(r.ConversationPartID) == "" {
			return invalid("conversation_part_id", "is required to redact a conversation part")
		}
		if r.SourceID != "" {
			return invalid("source_id", "must be empty when redacting a conversation part")
		}
	case RedactConversationSource:
		if strings.TrimSpace(r.SourceID) == "" {
			return invalid("source_id", "is required to redact a conversation source")
		}
		if r.ConversationPartID != "" {
			return invalid("conversation_part_id", "must be empty when redacting a conversation source")
		}
	case "":
		return invalid("type", "is required (conversation_part or source)")
	default:
		return invalid("type", fmt.Sprintf("is %q; want conversation_part or source", r.Type))
	}
	return nil
}

// ConversationConvertToTicketRequest turns a conversation into a ticket.
type ConversationConvertToTicketRequest struct {
	// TicketTypeID is the ticket type of the new ticket (required).
	TicketTypeID string `json:"ticket_type_id"`
	// Attributes sets ticket attributes; use "_default_title_" and
	// "_default_description_" for the default ones.
	Attributes map[string]any `json:"attributes,omitempty"`
	// TicketStateID is the ticket state the new ticket starts in (one of
	// its ticket type's TicketStates). API 2.16 and later.
	TicketStateID string `json:"ticket_state_id,omitempty" intercom:"since=2.16"`
}

// Validate checks the ticket type id.
func (r ConversationConvertToTicketRequest) Validate() error {
	if strings.TrimSpace(r.TicketTypeID) == "" {
		return invalid("ticket_type_id", "is required")
	}
	return nil
}

// AttachContact adds a contact to a conversation as a participant (up to 10
// may be added). Intercom answers with the participants in
// Conversation.Customers. POST /conversations/{id}/customers (attachContactToConversation).
func (s *ConversationsService) AttachContact(ctx context.Context, id string, req ConversationAttachContactRequest, opts ...Option) (*Conversation, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{id}/customers", params: []string{id}, body: req}, opts)
}

// DetachContact removes a contact from a group conversation (the last
// contact cannot be removed). Intercom answers with the remaining
// participants in Conversation.Customers. The request is a DELETE with a
// JSON body.
// DELETE /conversations/{conversation_id}/customers/{contact_id} (detachContactFromConversation).
func (s *ConversationsService) DetachContact(ctx context.Context, conversationID, contactID string, req ConversationDetachContactRequest, opts ...Option) (*Conversation, *Response, error) {
	if err := requireAdminID(req.AdminID); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodDelete, path: "/conversations/{conversation_id}/customers/{contact_id}",
		params: []string{conversationID, contactID}, body: req}, opts)
}

// Redact redacts a conversation part or the source message of a
// conversation; build req with RedactPart or RedactSource.
// POST /conversations/redact (redactConversation).
func (s *ConversationsService) Redact(ctx context.Context, req ConversationRedactRequest, opts ...Option) (*Conversation, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/redact", body: req}, opts)
}

// ConvertToTicket turns a conversation into a ticket of the given type and
// returns the ticket. POST /conversations/{id}/convert (convertConversationToTicket).
func (s *ConversationsService) ConvertToTicket(ctx context.Context, id string, req ConversationConvertToTicketRequest, opts ...Option) (*Ticket, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Ticket](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{id}/convert", params: []string{id}, body: req}, opts)
}

// ConversationAttachTagRequest is the body of tagging a conversation.
type ConversationAttachTagRequest struct {
	// ID is the tag's id (required).
	ID string `json:"id"`
	// AdminID is the admin who applies the tag (required).
	AdminID string `json:"admin_id"`
}

// Validate checks the required fields.
func (r ConversationAttachTagRequest) Validate() error { return checkTagAdmin(r.ID, r.AdminID, true) }

// ConversationDetachTagRequest is the body of removing a tag from a
// conversation (sent on the DELETE).
type ConversationDetachTagRequest struct {
	// AdminID is the admin who removes the tag (required).
	AdminID string `json:"admin_id"`
}

// Validate checks the required fields.
func (r ConversationDetachTagRequest) Validate() error { return checkTagAdmin("", r.AdminID, false) }

// AttachTag tags a conversation with the tag req.ID, on behalf of the admin
// req.AdminID, and returns the tag.
// POST /conversations/{conversation_id}/tags (attachTagToConversation).
func (s *ConversationsService) AttachTag(ctx context.Context, conversationID string, req ConversationAttachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{conversation_id}/tags",
		params: []string{conversationID}, body: req}, opts)
}

// DetachTag removes the tag tagID from a conversation, on behalf of the admin
// req.AdminID (sent as a JSON body on the DELETE), and returns the tag.
// DELETE /conversations/{conversation_id}/tags/{id} (detachTagFromConversation).
func (s *ConversationsService) DetachTag(ctx context.Context, conversationID, tagID string, req ConversationDetachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/conversations/{conversation_id}/tags/{id}",
		params: []string{conversationID, tagID}, body: req}, opts)
}

// checkTagAdmin validates the body fields of the conversation and ticket
// tagging calls; a tag id in the path is checked by the path expansion.
func checkTagAdmin(tagID, adminID string, tagInBody bool) error {
	if tagInBody && tagID == "" {
		return invalid("id", "is required (the tag's id)")
	}
	if adminID == "" {
		return invalid("admin_id", "is required")
	}
	return nil
}
