package intercom

// This file holds the parts of a conversation (ConversationsService's models):
// the part kinds, and PartAuthor and Attachment, which ticket parts share.

// ConversationPartType is the kind of a conversation part, such as
// "comment", "note" or "assignment". Intercom has many more kinds
// ("language_detection_details", "conversation_attribute_updated_by_admin", …);
// unknown values decode as-is.
type ConversationPartType string

// Common conversation part types.
const (
	ConversationPartComment         ConversationPartType = "comment"
	ConversationPartNote            ConversationPartType = "note"
	ConversationPartOpen            ConversationPartType = "open"
	ConversationPartClose           ConversationPartType = "close"
	ConversationPartSnoozed         ConversationPartType = "snoozed"
	ConversationPartAssignment      ConversationPartType = "assignment"
	ConversationPartAssignAndReopen ConversationPartType = "assign_and_reopen"
	ConversationPartAwayModeAssign  ConversationPartType = "away_mode_assignment"
	ConversationPartDefaultAssign   ConversationPartType = "default_assignment"
	ConversationPartQuickReply      ConversationPartType = "quick_reply"
)

// PartAuthor is who wrote or triggered a part of a conversation or a ticket,
// or the source message of a conversation: an admin, bot, team or user (the
// conversation_part_author and ticket_part_author schemas).
type PartAuthor struct {
	// Type is admin, bot, team, user, lead, …
	Type string `json:"type,omitempty"`
	// ID is the author's id.
	ID ID `json:"id,omitempty"`
	// Name is the author's name.
	Name string `json:"name,omitempty"`
	// Email is the author's email address.
	Email string `json:"email,omitempty"`
	// FromAIAgent says whether the part was written by the AI Agent (Fin).
	// API 2.14 and later.
	FromAIAgent bool `json:"from_ai_agent,omitempty"`
	// IsAIAnswer says whether the part is an AI answer. API 2.14 and later.
	IsAIAnswer bool `json:"is_ai_answer,omitempty"`
}

// Attachment is a file: attached to a part of a conversation or a ticket, or
// to the source message of a conversation (the part_attachment schema), or
// the value of a ticket attribute of data type "files" (the file_attribute
// schema, read with TicketAttributes.File and Files).
type Attachment struct {
	// Type is the kind of attachment, such as "upload".
	Type string `json:"type,omitempty"`
	// Name is the file name.
	Name string `json:"name,omitempty"`
	// URL is where the file can be downloaded. For a ticket attribute's
	// file, it is temporary: it expires after 30 minutes.
	URL string `json:"url,omitempty"`
	// ContentType is the file's MIME type.
	ContentType string `json:"content_type,omitempty"`
	// Filesize is the file's size in bytes.
	Filesize int64 `json:"filesize,omitempty"`
	// Width is the image width in pixels, for images.
	Width int `json:"width,omitempty"`
	// Height is the image height in pixels, for images.
	Height int `json:"height,omitempty"`
}

// ConversationAttachmentFile is a file uploaded with a reply, its content
// base64-encoded.
type ConversationAttachmentFile struct {
	// ContentType is the file's MIME type, such as "application/json".
	ContentType string `json:"content_type"`
	// Data is the base64-encoded content.
	Data string `json:"data"`
	// Name is the file name.
	Name string `json:"name"`
}

// ConversationPart is one message or event of a conversation: a comment, a
// note, an assignment, a state change, …
type ConversationPart struct {
	// Type is "conversation_part".
	Type string `json:"type,omitempty"`
	// ID is the part's id.
	ID ID `json:"id,omitempty"`
	// PartType is the kind of part.
	PartType ConversationPartType `json:"part_type,omitempty"`
	// Body is the message body, which may contain HTML; empty for most events.
	Body string `json:"body,omitempty"`
	// CreatedAt is when the part was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the part was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// NotifiedAt is when the contact was notified of the part.
	NotifiedAt Timestamp `json:"notified_at,omitempty"`
	// AssignedTo is whom this part assigned the conversation to; nil when
	// the part did not change the assignment.
	AssignedTo *Reference `json:"assigned_to,omitempty"`
	// Author is who wrote or triggered the part.
	Author PartAuthor `json:"author,omitzero"`
	// Attachments are the files attached to the part.
	Attachments []Attachment `json:"attachments,omitempty"`
	// ExternalID is the part's external id, when it has one.
	ExternalID string `json:"external_id,omitempty"`
	// Redacted says whether the part was redacted.
	Redacted bool `json:"redacted,omitempty"`
	// Metadata holds the part's quick reply options (quick_reply_options)
	// or the option a user clicked (quick_reply_uuid). API 2.13 and later.
	Metadata map[string]any `json:"metadata,omitempty"`
	// State is the conversation's state after the part. API 2.13 and later.
	State ConversationState `json:"state,omitempty"`
	// Tags are the tags applied to the part. API 2.13 and later.
	Tags []Tag `json:"tags,omitempty"`
	// EventDetails describes the event a workflow, custom action or
	// attribute change part records (its shape depends on the event: an
	// "action", an "attribute" and its "value", …). API 2.13 and later.
	EventDetails map[string]any `json:"event_details,omitempty"`
	// AppPackageCode is the code of the app (integration) that created the
	// part, if any. API 2.13 and later.
	AppPackageCode string `json:"app_package_code,omitempty"`
	// EmailMessageMetadata are the email headers of a part that came by
	// email; nil otherwise. API 2.13 and later.
	EmailMessageMetadata *EmailMessageMetadata `json:"email_message_metadata,omitempty"`
}

// EmailMessageMetadata are the headers of an email message.
type EmailMessageMetadata struct {
	// Subject is the email's subject.
	Subject string `json:"subject,omitempty"`
	// MessageID is the email's Message-ID.
	MessageID string `json:"message_id,omitempty"`
	// EmailAddressHeaders are its address headers (from, to, cc, …).
	EmailAddressHeaders []EmailAddressHeader `json:"email_address_headers,omitempty"`
	// History is the quoted history of the email thread (a conversation's
	// source only). API 2.16 and later.
	History string `json:"history,omitempty"`
}

// EmailAddressHeader is one address of an email header.
type EmailAddressHeader struct {
	// Type is the header: "from", "to", "cc", "bcc" or "reply_to".
	Type string `json:"type,omitempty"`
	// EmailAddress is the address.
	EmailAddress string `json:"email_address,omitempty"`
	// Name is the display name, if any.
	Name string `json:"name,omitempty"`
}

// ConversationParts is the embedded list of a conversation's parts (at most 500).
type ConversationParts struct {
	// Type is "conversation_part.list".
	Type string `json:"type,omitempty"`
	// ConversationParts are the parts, oldest first.
	ConversationParts []ConversationPart `json:"conversation_parts,omitempty"`
	// TotalCount is the number of parts.
	TotalCount int `json:"total_count,omitempty"`
}
