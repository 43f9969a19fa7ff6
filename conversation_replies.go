package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// This file covers replying to and managing a conversation: the reply and
// manage request types and ConversationsService's Reply, Manage, Close,
// Snooze, Open, Assign and RunAssignmentRules.

// ConversationReplyMessageType is the kind of a reply to a conversation: a comment
// visible to the contact or an internal note.
type ConversationReplyMessageType string

// Reply kinds.
const (
	// ConversationReplyComment is a reply the contact sees.
	ConversationReplyComment ConversationReplyMessageType = "comment"
	// ConversationReplyNote is an internal note only teammates see (admins only).
	ConversationReplyNote ConversationReplyMessageType = "note"
	// ConversationReplyQuickReply offers the contact ReplyOptions to pick
	// from (admins only). API 2.14 and later.
	ConversationReplyQuickReply ConversationReplyMessageType = "quick_reply"
)

// ConversationReplyOption is an option of a quick reply: one an admin
// offers, or the one a contact picks.
type ConversationReplyOption = TicketReplyOption

// ConversationReplyRequest is the body of a reply to a conversation: a
// *ConversationContactReply or a *ConversationAdminReply (or their values).
// The interface is sealed.
type ConversationReplyRequest interface {
	// Validate checks the reply before it is sent.
	Validate() error
	isReplyRequest()
}

// ConversationContactReply is a reply on behalf of a contact, identified by exactly one
// of IntercomUserID, Email or UserID. It is always a comment.
type ConversationContactReply struct {
	// IntercomUserID is the contact's Intercom id.
	IntercomUserID string
	// Email is the contact's email.
	Email string
	// UserID is the external id you gave the contact.
	UserID string
	// Body is the text of the reply (required).
	Body string
	// CreatedAt backdates the reply; zero means now. API 2.11 and later.
	CreatedAt Timestamp `json:"created_at,omitempty" intercom:"since=2.11"`
	// AttachmentURLs are up to 10 image URLs added as attachments.
	AttachmentURLs []string
	// AttachmentFiles are up to 10 files added as attachments.
	AttachmentFiles []ConversationAttachmentFile
	// ReplyOptions is the quick reply option the contact picks, of those an
	// admin's quick reply offered. API 2.14 and later.
	ReplyOptions []ConversationReplyOption `json:"reply_options,omitempty" intercom:"since=2.14"`
}

func (ConversationContactReply) isReplyRequest() {}

// Validate checks that exactly one identifier and a body are set, and the
// attachment limits.
func (r ConversationContactReply) Validate() error {
	n := 0
	for _, v := range []string{r.IntercomUserID, r.Email, r.UserID} {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	switch {
	case n == 0:
		return invalid("intercom_user_id", "a contact reply needs one of intercom_user_id, email or user_id")
	case n > 1:
		return invalid("intercom_user_id", "a contact reply takes only one of intercom_user_id, email or user_id")
	}
	if r.Body == "" {
		return invalid("body", "is required")
	}
	if err := checkReplyOptions(r.ReplyOptions); err != nil {
		return err
	}
	return checkAttachments(len(r.AttachmentURLs), len(r.AttachmentFiles))
}

// checkReplyOptions checks that each quick reply option has a text and a uuid.
func checkReplyOptions(opts []TicketReplyOption) error {
	for i, o := range opts {
		if o.Text == "" {
			return invalid(fieldIndex("reply_options", i)+".text", "is required")
		}
		if o.UUID == "" {
			return invalid(fieldIndex("reply_options", i)+".uuid", "is required")
		}
	}
	return nil
}

type contactReplyWire struct {
	MessageType     ConversationReplyMessageType `json:"message_type"`
	Type            string                       `json:"type"`
	IntercomUserID  string                       `json:"intercom_user_id,omitempty"`
	Email           string                       `json:"email,omitempty"`
	UserID          string                       `json:"user_id,omitempty"`
	Body            string                       `json:"body"`
	CreatedAt       Timestamp                    `json:"created_at,omitempty"`
	AttachmentURLs  []string                     `json:"attachment_urls,omitempty"`
	AttachmentFiles []ConversationAttachmentFile `json:"attachment_files,omitempty"`
	ReplyOptions    []ConversationReplyOption    `json:"reply_options,omitempty"`
}

// MarshalJSON encodes the reply with "type":"user" and "message_type":"comment".
func (r ConversationContactReply) MarshalJSON() ([]byte, error) {
	return json.Marshal(contactReplyWire{
		MessageType: ConversationReplyComment, Type: "user",
		IntercomUserID: r.IntercomUserID, Email: r.Email, UserID: r.UserID,
		Body: r.Body, CreatedAt: r.CreatedAt, AttachmentURLs: r.AttachmentURLs, AttachmentFiles: r.AttachmentFiles,
		ReplyOptions: r.ReplyOptions,
	})
}

// ConversationAdminReply is a reply on behalf of an admin: a comment the contact sees or
// an internal note.
type ConversationAdminReply struct {
	// AdminID is the admin authoring the reply (required).
	AdminID string
	// MessageType is ConversationReplyComment, ConversationReplyNote or
	// (API 2.14 and later) ConversationReplyQuickReply; empty means
	// ConversationReplyComment.
	MessageType ConversationReplyMessageType
	// Body is the text of the reply (required for comments and notes);
	// notes accept some HTML.
	Body string
	// CreatedAt backdates the reply; zero means now.
	CreatedAt Timestamp
	// AttachmentURLs are up to 10 image URLs added as attachments.
	AttachmentURLs []string
	// AttachmentFiles are up to 10 files added as attachments.
	AttachmentFiles []ConversationAttachmentFile
	// ReplyOptions are the options a quick reply offers (required for
	// ConversationReplyQuickReply). API 2.14 and later.
	ReplyOptions []ConversationReplyOption `json:"reply_options,omitempty" intercom:"since=2.14"`
	// SkipNotifications replies without notifying anyone (Some(true)). API
	// 2.15 and later.
	SkipNotifications Opt[bool] `json:"skip_notifications,omitzero" intercom:"since=2.15"`
}

func (ConversationAdminReply) isReplyRequest() {}

// Validate checks the admin id, the message type, the body and the
// attachment limits.
func (r ConversationAdminReply) Validate() error {
	if strings.TrimSpace(r.AdminID) == "" {
		return invalid("admin_id", "is required for an admin reply")
	}
	switch r.MessageType {
	case "", ConversationReplyComment, ConversationReplyNote:
		if r.Body == "" {
			return invalid("body", "is required for comments and notes")
		}
		if len(r.ReplyOptions) > 0 {
			return invalid("reply_options", "apply only to quick_reply")
		}
	case ConversationReplyQuickReply:
		if len(r.ReplyOptions) == 0 {
			return invalid("reply_options", "are required for a quick_reply")
		}
	default:
		return invalid("message_type", fmt.Sprintf("is %q; an admin reply to a conversation is a comment, a note or a quick_reply", r.MessageType))
	}
	if err := checkReplyOptions(r.ReplyOptions); err != nil {
		return err
	}
	return checkAttachments(len(r.AttachmentURLs), len(r.AttachmentFiles))
}

type adminReplyWire struct {
	MessageType       ConversationReplyMessageType `json:"message_type"`
	Type              string                       `json:"type"`
	AdminID           string                       `json:"admin_id"`
	Body              string                       `json:"body,omitempty"`
	CreatedAt         Timestamp                    `json:"created_at,omitempty"`
	AttachmentURLs    []string                     `json:"attachment_urls,omitempty"`
	AttachmentFiles   []ConversationAttachmentFile `json:"attachment_files,omitempty"`
	ReplyOptions      []ConversationReplyOption    `json:"reply_options,omitempty"`
	SkipNotifications Opt[bool]                    `json:"skip_notifications,omitzero"`
}

// MarshalJSON encodes the reply with "type":"admin".
func (r ConversationAdminReply) MarshalJSON() ([]byte, error) {
	mt := r.MessageType
	if mt == "" {
		mt = ConversationReplyComment
	}
	return json.Marshal(adminReplyWire{
		MessageType: mt, Type: "admin", AdminID: r.AdminID, Body: r.Body, CreatedAt: r.CreatedAt,
		AttachmentURLs: r.AttachmentURLs, AttachmentFiles: r.AttachmentFiles,
		ReplyOptions: r.ReplyOptions, SkipNotifications: r.SkipNotifications,
	})
}

// ManageMessageType is the action of a manage-conversation request.
type ManageMessageType string

// Manage actions.
const (
	ManageClose      ManageMessageType = "close"
	ManageSnoozed    ManageMessageType = "snoozed"
	ManageOpen       ManageMessageType = "open"
	ManageAssignment ManageMessageType = "assignment"
)

// ConversationManageRequest is the body of a manage-conversation request: a
// ConversationCloseRequest, ConversationSnoozeRequest,
// ConversationOpenRequest or ConversationAssignRequest. The interface is
// sealed.
type ConversationManageRequest interface {
	// Validate checks the request before it is sent.
	Validate() error
	// Action is the message_type the request sends.
	Action() ManageMessageType
	isManageRequest()
}

// ConversationCloseRequest closes a conversation.
type ConversationCloseRequest struct {
	// AdminID is the admin closing the conversation (required).
	AdminID string
	// Body is an optional message left in the conversation.
	Body string
}

// ConversationSnoozeRequest snoozes a conversation until a time.
type ConversationSnoozeRequest struct {
	// AdminID is the admin snoozing the conversation (required).
	AdminID string
	// SnoozedUntil is when the conversation reopens (required).
	SnoozedUntil Timestamp
}

// ConversationOpenRequest opens (or unsnoozes) a conversation.
type ConversationOpenRequest struct {
	// AdminID is the admin opening the conversation (required).
	AdminID string
}

// AssigneeType is whether a conversation is assigned to an admin or a team.
type AssigneeType string

// Assignee types.
const (
	AssigneeAdmin AssigneeType = "admin"
	AssigneeTeam  AssigneeType = "team"
)

// ConversationAssignRequest assigns a conversation to an admin or a team.
type ConversationAssignRequest struct {
	// AdminID is the admin performing the assignment (required).
	AdminID string
	// AssigneeID is the admin or team to assign to (required); "0" unassigns.
	AssigneeID string
	// Type says whether AssigneeID is an admin or a team (required).
	Type AssigneeType
	// Body is an optional message sent with the assignment.
	Body string
}

func (ConversationCloseRequest) isManageRequest()  {}
func (ConversationSnoozeRequest) isManageRequest() {}
func (ConversationOpenRequest) isManageRequest()   {}
func (ConversationAssignRequest) isManageRequest() {}

// Action returns ManageClose.
func (ConversationCloseRequest) Action() ManageMessageType { return ManageClose }

// Action returns ManageSnoozed.
func (ConversationSnoozeRequest) Action() ManageMessageType { return ManageSnoozed }

// Action returns ManageOpen.
func (ConversationOpenRequest) Action() ManageMessageType { return ManageOpen }

// Action returns ManageAssignment.
func (ConversationAssignRequest) Action() ManageMessageType { return ManageAssignment }

func requireAdminID(id string) error {
	if strings.TrimSpace(id) == "" {
		return invalid("admin_id", "is required (the admin performing the action)")
	}
	return nil
}

// Validate checks the admin id.
func (r ConversationCloseRequest) Validate() error { return requireAdminID(r.AdminID) }

// Validate checks the admin id and the snooze time.
func (r ConversationSnoozeRequest) Validate() error {
	if err := requireAdminID(r.AdminID); err != nil {
		return err
	}
	if r.SnoozedUntil <= 0 {
		return invalid("snoozed_until", "is required (when the conversation reopens)")
	}
	return nil
}

// Validate checks the admin id.
func (r ConversationOpenRequest) Validate() error { return requireAdminID(r.AdminID) }

// Validate checks the admin id, the assignee and its type.
func (r ConversationAssignRequest) Validate() error {
	if err := requireAdminID(r.AdminID); err != nil {
		return err
	}
	if strings.TrimSpace(r.AssigneeID) == "" {
		return invalid("assignee_id", `is required (an admin or team id, or "0" to unassign)`)
	}
	switch r.Type {
	case AssigneeAdmin, AssigneeTeam:
	case "":
		return invalid("type", "is required (AssigneeAdmin or AssigneeTeam)")
	default:
		return invalid("type", fmt.Sprintf("is %q; want admin or team", r.Type))
	}
	return nil
}

// MarshalJSON encodes {"message_type":"close","type":"admin",…}.
func (r ConversationCloseRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MessageType ManageMessageType `json:"message_type"`
		Type        string            `json:"type"`
		AdminID     string            `json:"admin_id"`
		Body        string            `json:"body,omitempty"`
	}{ManageClose, "admin", r.AdminID, r.Body})
}

// MarshalJSON encodes {"message_type":"snoozed",…}.
func (r ConversationSnoozeRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MessageType  ManageMessageType `json:"message_type"`
		AdminID      string            `json:"admin_id"`
		SnoozedUntil Timestamp         `json:"snoozed_until"`
	}{ManageSnoozed, r.AdminID, r.SnoozedUntil})
}

// MarshalJSON encodes {"message_type":"open",…}.
func (r ConversationOpenRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MessageType ManageMessageType `json:"message_type"`
		AdminID     string            `json:"admin_id"`
	}{ManageOpen, r.AdminID})
}

// MarshalJSON encodes {"message_type":"assignment",…}.
func (r ConversationAssignRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MessageType ManageMessageType `json:"message_type"`
		Type        AssigneeType      `json:"type"`
		AdminID     string            `json:"admin_id"`
		AssigneeID  string            `json:"assignee_id"`
		Body        string            `json:"body,omitempty"`
	}{ManageAssignment, r.Type, r.AdminID, r.AssigneeID, r.Body})
}

// Reply adds a reply to a conversation, as a contact (ConversationContactReply) or as an
// admin (ConversationAdminReply, a comment or a note). id may be "last" to reply to the
// contact's last conversation. POST /conversations/{id}/reply (replyConversation).
func (s *ConversationsService) Reply(ctx context.Context, id string, req ConversationReplyRequest, opts ...Option) (*Conversation, *Response, error) {
	if req == nil {
		return nil, nil, invalid("body", "a ConversationContactReply or ConversationAdminReply is required")
	}
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{id}/reply", params: []string{id}, body: req}, opts)
}

// Manage closes, snoozes, opens or assigns a conversation, depending on the
// type of req (ConversationCloseRequest, ConversationSnoozeRequest,
// ConversationOpenRequest, ConversationAssignRequest). Close, Snooze, Open and Assign are shorthands for it.
// POST /conversations/{id}/parts (manageConversation).
func (s *ConversationsService) Manage(ctx context.Context, id string, req ConversationManageRequest, opts ...Option) (*Conversation, *Response, error) {
	if req == nil {
		return nil, nil, invalid("body", "a ConversationCloseRequest, ConversationSnoozeRequest, ConversationOpenRequest or ConversationAssignRequest is required")
	}
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{id}/parts", params: []string{id}, body: req}, opts)
}

// Close closes a conversation, optionally leaving a message.
// POST /conversations/{id}/parts (manageConversation, message_type close).
func (s *ConversationsService) Close(ctx context.Context, id string, req ConversationCloseRequest, opts ...Option) (*Conversation, *Response, error) {
	return s.Manage(ctx, id, req, opts...)
}

// Snooze snoozes a conversation until req.SnoozedUntil.
// POST /conversations/{id}/parts (manageConversation, message_type snoozed).
func (s *ConversationsService) Snooze(ctx context.Context, id string, req ConversationSnoozeRequest, opts ...Option) (*Conversation, *Response, error) {
	return s.Manage(ctx, id, req, opts...)
}

// Open opens a closed or snoozed conversation.
// POST /conversations/{id}/parts (manageConversation, message_type open).
func (s *ConversationsService) Open(ctx context.Context, id string, req ConversationOpenRequest, opts ...Option) (*Conversation, *Response, error) {
	return s.Manage(ctx, id, req, opts...)
}

// Assign assigns a conversation to an admin or a team (AssigneeID "0"
// unassigns it).
// POST /conversations/{id}/parts (manageConversation, message_type assignment).
func (s *ConversationsService) Assign(ctx context.Context, id string, req ConversationAssignRequest, opts ...Option) (*Conversation, *Response, error) {
	return s.Manage(ctx, id, req, opts...)
}

// RunAssignmentRules assigns a conversation with the workspace's assignment
// rules (only conversations with a single contact reply qualify).
//
// Intercom deprecates this endpoint in API versions after 2.10 and plans to
// remove it at the end of 2026; prefer Assign or workflows for new code. It
// remains part of API 2.10.
// POST /conversations/{id}/run_assignment_rules (autoAssignConversation).
func (s *ConversationsService) RunAssignmentRules(ctx context.Context, id string, opts ...Option) (*Conversation, *Response, error) {
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{id}/run_assignment_rules", params: []string{id}}, opts)
}
