package intercom

import (
	"context"
	"iter"
	"net/http"
)

// WhatsAppMessageState is the delivery state of a WhatsApp message.
type WhatsAppMessageState string

// The delivery states of a WhatsApp message.
const (
	WhatsAppSent      WhatsAppMessageState = "sent"
	WhatsAppDelivered WhatsAppMessageState = "delivered"
	WhatsAppRead      WhatsAppMessageState = "read"
	WhatsAppFailed    WhatsAppMessageState = "failed"
)

// WhatsAppMessageEvent is the status of one WhatsApp message sent by an
// Outbound ruleset.
type WhatsAppMessageEvent struct {
	// ID is the event's id.
	ID ID `json:"id,omitempty"`
	// ConversationID is the message's conversation.
	ConversationID ID `json:"conversation_id,omitempty"`
	// UserID is the recipient's id (Intercom sends it though the spec does
	// not declare it).
	UserID ID `json:"user_id,omitempty"`
	// Status is sent, delivered, read or failed.
	Status WhatsAppMessageState `json:"status,omitempty"`
	// Type is "broadcast_outbound".
	Type string `json:"type,omitempty"`
	// CreatedAt is when the event was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the event was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// WhatsAppMessageID is WhatsApp's id of the message.
	WhatsAppMessageID string `json:"whatsapp_message_id,omitempty"`
	// TemplateName is the WhatsApp template used.
	TemplateName string `json:"template_name,omitempty"`
}

// WhatsAppMessageStatusList is one page of the statuses of the messages of
// an Outbound ruleset.
type WhatsAppMessageStatusList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// RulesetID is the ruleset asked about.
	RulesetID ID `json:"ruleset_id,omitempty"`
	// Pages is the pagination block (pages.next.starting_after).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of events.
	TotalCount int `json:"total_count,omitempty"`
	// Events are the statuses on this page.
	Events []WhatsAppMessageEvent `json:"events"`
}

// WhatsAppMessageStatus is the delivery status of one WhatsApp message.
type WhatsAppMessageStatus struct {
	// ConversationID is the message's conversation.
	ConversationID ID `json:"conversation_id,omitempty"`
	// Status is sent, delivered, read or failed.
	Status WhatsAppMessageState `json:"status,omitempty"`
	// Type is "broadcast_outbound".
	Type string `json:"type,omitempty"`
	// CreatedAt is when the status was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the status was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// TemplateName is the WhatsApp template used.
	TemplateName string `json:"template_name,omitempty"`
	// MessageID is WhatsApp's id of the message.
	MessageID string `json:"message_id,omitempty"`
	// Error says why delivery failed; nil unless Status is failed.
	Error *WhatsAppMessageError `json:"error,omitempty"`
}

// WhatsAppMessageError is why a WhatsApp message was not delivered.
type WhatsAppMessageError struct {
	// Message is the error message.
	Message string `json:"message,omitempty"`
	// Details is the detailed reason.
	Details string `json:"details,omitempty"`
}

// MessageListStatusesOptions selects a page of the statuses of an Outbound
// ruleset's messages. RulesetID is required.
type MessageListStatusesOptions struct {
	// RulesetID is the Outbound ruleset whose messages to report.
	RulesetID string `url:"ruleset_id"`
	// PerPage is the page size (up to 100; Intercom's default is 50).
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor of the page.
	StartingAfter string `url:"starting_after,omitempty"`
}

// Validate checks that the ruleset is set.
func (o MessageListStatusesOptions) Validate() error {
	if o.RulesetID == "" {
		return invalid("ruleset_id", "is required")
	}
	return nil
}

// MessageGetWhatsAppStatusOptions names the WhatsApp message whose status
// to return. MessageID is required.
type MessageGetWhatsAppStatusOptions struct {
	// MessageID is WhatsApp's id of the message.
	MessageID string `url:"message_id"`
}

// Validate checks that the message is set.
func (o MessageGetWhatsAppStatusOptions) Validate() error {
	if o.MessageID == "" {
		return invalid("message_id", "is required")
	}
	return nil
}

// ListStatuses returns one page of the delivery statuses of the messages an
// Outbound ruleset sent (only WhatsApp messages are supported).
// GET /messages/status (getWhatsAppMessageStatus).
func (s *MessagesService) ListStatuses(ctx context.Context, opt MessageListStatusesOptions, opts ...Option) (*WhatsAppMessageStatusList, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[WhatsAppMessageStatusList](ctx, s.client, endpoint{method: http.MethodGet, path: "/messages/status", query: opt}, opts)
}

// ListStatusesAll iterates over every status of the ruleset's messages,
// following pages.next.starting_after. opt is not modified.
func (s *MessagesService) ListStatusesAll(ctx context.Context, opt MessageListStatusesOptions, opts ...Option) iter.Seq2[WhatsAppMessageEvent, error] {
	return walk(ctx, &opt, func(o *MessageListStatusesOptions, cursor string) {
		if cursor != "" {
			o.StartingAfter = cursor
		}
	}, func(ctx context.Context, o *MessageListStatusesOptions) ([]WhatsAppMessageEvent, string, error) {
		page, _, err := s.ListStatuses(ctx, *o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Events, nextStartingAfter(page.Pages, len(page.Events)), nil
	})
}

// GetWhatsAppStatus returns the delivery status of a WhatsApp message, with
// the error when it failed.
// GET /messages/whatsapp/status (RetrieveWhatsAppMessageStatus).
func (s *MessagesService) GetWhatsAppStatus(ctx context.Context, opt MessageGetWhatsAppStatusOptions, opts ...Option) (*WhatsAppMessageStatus, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[WhatsAppMessageStatus](ctx, s.client, endpoint{method: http.MethodGet, path: "/messages/whatsapp/status", query: opt}, opts)
}
