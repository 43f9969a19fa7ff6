package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// This file covers replying to a ticket: the reply request types and
// TicketsService.Reply.

// TicketReplyMessageType is the kind of reply to a ticket.
type TicketReplyMessageType string

// Kinds of ticket reply.
const (
	TicketReplyComment    TicketReplyMessageType = "comment"
	TicketReplyNote       TicketReplyMessageType = "note"
	TicketReplyQuickReply TicketReplyMessageType = "quick_reply"
)

// maxTicketReplyAttachments is how many attachment URLs a reply may carry.
const maxTicketReplyAttachments = 10

// TicketReplyRequest is a reply to a ticket: a TicketContactReply or a
// TicketAdminReply.
type TicketReplyRequest interface {
	// Validate checks the reply before it is sent.
	Validate() error
	isTicketReply()
}

// TicketContactReply is a comment on a ticket on behalf of a contact, who is
// named by exactly one of IntercomUserID, UserID or Email.
type TicketContactReply struct {
	// IntercomUserID is the id Intercom gave the contact.
	IntercomUserID string
	// UserID is the id you gave the contact (its external_id).
	UserID string
	// Email is the contact's email.
	Email string
	// Body is the comment's text (required).
	Body string
	// AttachmentURLs are image URLs to attach (at most 10).
	AttachmentURLs []string
	// CreatedAt backdates the reply; zero means now. API 2.11 and later.
	CreatedAt Timestamp `json:"created_at,omitempty" intercom:"since=2.11"`
	// ReplyOptions is the quick reply option the contact picks, of those an
	// admin's quick reply offered. API 2.14 and later.
	ReplyOptions []TicketReplyOption `json:"reply_options,omitempty" intercom:"since=2.14"`
	// SkipNotifications replies without notifying anyone (Some(true)). API
	// 2.13 and later.
	SkipNotifications Opt[bool] `json:"skip_notifications,omitzero" intercom:"since=2.13"`
}

func (TicketContactReply) isTicketReply() {}

// Validate checks that the contact is named once, the body is set and there
// are at most 10 attachments.
func (r TicketContactReply) Validate() error {
	n := 0
	for _, s := range []string{r.IntercomUserID, r.UserID, r.Email} {
		if s != "" {
			n++
		}
	}
	switch {
	case n == 0:
		return invalid("intercom_user_id", "is required: name the contact by intercom_user_id, user_id or email")
	case n > 1:
		return invalid("intercom_user_id", "name the contact by exactly one of intercom_user_id, user_id and email")
	}
	if r.Body == "" {
		return invalid("body", "is required")
	}
	if err := checkReplyOptions(r.ReplyOptions); err != nil {
		return err
	}
	return checkTicketAttachments(r.AttachmentURLs)
}

// MarshalJSON encodes the reply with type "user" and message_type "comment".
func (r TicketContactReply) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MessageType       TicketReplyMessageType `json:"message_type"`
		Type              string                 `json:"type"`
		IntercomUserID    string                 `json:"intercom_user_id,omitempty"`
		UserID            string                 `json:"user_id,omitempty"`
		Email             string                 `json:"email,omitempty"`
		Body              string                 `json:"body"`
		AttachmentURLs    []string               `json:"attachment_urls,omitempty"`
		CreatedAt         Timestamp              `json:"created_at,omitempty"`
		ReplyOptions      []TicketReplyOption    `json:"reply_options,omitempty"`
		SkipNotifications Opt[bool]              `json:"skip_notifications,omitzero"`
	}{TicketReplyComment, "user", r.IntercomUserID, r.UserID, r.Email, r.Body, r.AttachmentURLs, r.CreatedAt, r.ReplyOptions, r.SkipNotifications})
}

// TicketReplyOption is one option of a quick reply.
type TicketReplyOption struct {
	// Text is the option's label.
	Text string `json:"text"`
	// UUID identifies the option; it is in the metadata of the comment
	// created when a user picks it.
	UUID string `json:"uuid"`
}

// TicketAdminReply is a comment, note or quick reply on a ticket on behalf of
// an admin.
type TicketAdminReply struct {
	// MessageType is comment, note or quick_reply (required).
	MessageType TicketReplyMessageType
	// AdminID is the admin writing the reply (required).
	AdminID string
	// Body is the text; required for comments and notes (notes accept some HTML).
	Body string
	// ReplyOptions are the options of a quick reply (required for quick_reply).
	ReplyOptions []TicketReplyOption
	// AttachmentURLs are image URLs to attach (at most 10).
	AttachmentURLs []string
	// CrossPost posts a note to every linked conversation too (notes on
	// back-office tickets only).
	CrossPost bool
	// CreatedAt backdates the reply; zero means now. API 2.11 and later.
	CreatedAt Timestamp `json:"created_at,omitempty" intercom:"since=2.11"`
	// AttachmentFiles are files to attach (at most 10), uploaded with the
	// reply. API 2.16 and later.
	AttachmentFiles []ConversationAttachmentFile `json:"attachment_files,omitempty" intercom:"since=2.16"`
	// SkipNotifications replies without notifying anyone (Some(true)). API
	// 2.13 and later.
	SkipNotifications Opt[bool] `json:"skip_notifications,omitzero" intercom:"since=2.13"`
}

func (TicketAdminReply) isTicketReply() {}

// Validate checks the message type, the admin, the body or reply options the
// type needs, cross-posting, and that there are at most 10 attachments.
func (r TicketAdminReply) Validate() error {
	switch r.MessageType {
	case TicketReplyComment, TicketReplyNote, TicketReplyQuickReply:
	case "":
		return invalid("message_type", "is required (comment, note or quick_reply)")
	default:
		return invalid("message_type", fmt.Sprintf("is %q; want comment, note or quick_reply", r.MessageType))
	}
	if r.AdminID == "" {
		return invalid("admin_id", "is required")
	}
	if r.MessageType == TicketReplyQuickReply {
		if len(r.ReplyOptions) == 0 {
			return invalid("reply_options", "are required for a quick_reply")
		}
		for i, o := range r.ReplyOptions {
			if o.Text == "" {
				return invalid(fieldIndex("reply_options", i)+".text", "is required")
			}
			if o.UUID == "" {
				return invalid(fieldIndex("reply_options", i)+".uuid", "is required")
			}
		}
	} else {
		if r.Body == "" {
			return invalid("body", "is required for a "+string(r.MessageType))
		}
		if len(r.ReplyOptions) > 0 {
			return invalid("reply_options", "apply only to quick_reply")
		}
	}
	if r.CrossPost && r.MessageType != TicketReplyNote {
		return invalid("cross_post", "applies only to notes")
	}
	if len(r.AttachmentFiles) > maxTicketReplyAttachments {
		return invalid("attachment_files", fmt.Sprintf("has %d files; at most %d are allowed", len(r.AttachmentFiles), maxTicketReplyAttachments))
	}
	return checkTicketAttachments(r.AttachmentURLs)
}

// MarshalJSON encodes the reply with type "admin".
func (r TicketAdminReply) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MessageType       TicketReplyMessageType       `json:"message_type"`
		Type              string                       `json:"type"`
		AdminID           string                       `json:"admin_id"`
		Body              string                       `json:"body,omitempty"`
		ReplyOptions      []TicketReplyOption          `json:"reply_options,omitempty"`
		AttachmentURLs    []string                     `json:"attachment_urls,omitempty"`
		CrossPost         bool                         `json:"cross_post,omitempty"`
		CreatedAt         Timestamp                    `json:"created_at,omitempty"`
		AttachmentFiles   []ConversationAttachmentFile `json:"attachment_files,omitempty"`
		SkipNotifications Opt[bool]                    `json:"skip_notifications,omitzero"`
	}{r.MessageType, "admin", r.AdminID, r.Body, r.ReplyOptions, r.AttachmentURLs, r.CrossPost, r.CreatedAt, r.AttachmentFiles, r.SkipNotifications})
}

func checkTicketAttachments(urls []string) error {
	if len(urls) > maxTicketReplyAttachments {
		return invalid("attachment_urls", fmt.Sprintf("has %d URLs; at most %d are allowed", len(urls), maxTicketReplyAttachments))
	}
	for i, u := range urls {
		if u == "" {
			return invalid(fieldIndex("attachment_urls", i), "is empty")
		}
	}
	return nil
}

// Reply adds a reply to a ticket: a TicketContactReply or a TicketAdminReply
// (comment, note or quick reply). POST /tickets/{id}/reply (replyTicket).
func (s *TicketsService) Reply(ctx context.Context, id string, req TicketReplyRequest, opts ...Option) (*TicketReply, *Response, error) {
	if req == nil {
		return nil, nil, invalid("reply", "is required (a TicketContactReply or a TicketAdminReply)")
	}
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[TicketReply](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets/{id}/reply", params: []string{id}, body: req}, opts)
}
