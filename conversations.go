package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"strings"
)

// This file covers the Conversations endpoints of Intercom API 2.10.
//
// operationId → method:
//
//	listConversations              GET    /conversations                      ConversationsService.List, ListAll
//	createConversation             POST   /conversations                      ConversationsService.Create
//	retrieveConversation           GET    /conversations/{id}                 ConversationsService.Get
//	updateConversation             PUT    /conversations/{id}                 ConversationsService.Update
//	searchConversations            POST   /conversations/search               ConversationsService.Search, SearchAll
//	replyConversation              POST   /conversations/{id}/reply           ConversationsService.Reply
//	manageConversation             POST   /conversations/{id}/parts           ConversationsService.Manage, Close, Snooze, Open, Assign
//	autoAssignConversation         POST   /conversations/{id}/run_assignment_rules  ConversationsService.RunAssignmentRules
//	attachContactToConversation    POST   /conversations/{id}/customers       ConversationsService.AttachContact
//	detachContactFromConversation  DELETE /conversations/{conversation_id}/customers/{contact_id}  ConversationsService.DetachContact
//	redactConversation             POST   /conversations/redact               ConversationsService.Redact
//	convertConversationToTicket    POST   /conversations/{id}/convert         ConversationsService.ConvertToTicket
//	attachTagToConversation        POST   /conversations/{conversation_id}/tags  ConversationsService.AttachTag
//	detachTagFromConversation      DELETE /conversations/{conversation_id}/tags/{id}  ConversationsService.DetachTag
//
// The models and core methods are here; the parts, their authors and
// attachments in conversation_parts.go; Reply and Manage (with their
// shorthands) in conversation_replies.go; the other actions (contacts, tags,
// redact, convert) in conversation_actions.go.

// maxConversationAttachments is the most attachment URLs, and the most
// attachment files, one request may carry.
const maxConversationAttachments = 10

// maxConversationsPerPage is the largest per_page listConversations accepts.
const maxConversationsPerPage = 150

// ConversationState is the state of a conversation. Unknown values decode as-is.
type ConversationState string

// Conversation states.
const (
	// ConversationStateOpen is an open conversation.
	ConversationStateOpen ConversationState = "open"
	// ConversationStateClosed is a closed conversation.
	ConversationStateClosed ConversationState = "closed"
	// ConversationStateSnoozed is a conversation snoozed until a later time.
	ConversationStateSnoozed ConversationState = "snoozed"
)

// ConversationPriority says whether a conversation is prioritised.
type ConversationPriority string

// Conversation priorities.
const (
	// ConversationPrioritized marks a prioritised conversation ("priority").
	ConversationPrioritized ConversationPriority = "priority"
	// ConversationNotPrioritized marks an ordinary conversation ("not_priority").
	ConversationNotPrioritized ConversationPriority = "not_priority"
)

// ConversationSourceType is the channel a conversation started on.
type ConversationSourceType string

// Conversation source types.
const (
	ConversationSourceConversation ConversationSourceType = "conversation"
	ConversationSourceEmail        ConversationSourceType = "email"
	ConversationSourceFacebook     ConversationSourceType = "facebook"
	ConversationSourceInstagram    ConversationSourceType = "instagram"
	ConversationSourcePhoneCall    ConversationSourceType = "phone_call"
	ConversationSourcePhoneSwitch  ConversationSourceType = "phone_switch"
	ConversationSourcePush         ConversationSourceType = "push"
	ConversationSourceSMS          ConversationSourceType = "sms"
	ConversationSourceTwitter      ConversationSourceType = "twitter"
	ConversationSourceWhatsApp     ConversationSourceType = "whatsapp"
)

// SLAStatus is the status of the SLA applied to a conversation.
type SLAStatus string

// SLA statuses.
const (
	// SLAStatusHit: at least one hit event and no missed or cancelled ones.
	SLAStatusHit SLAStatus = "hit"
	// SLAStatusMissed: at least one missed event and no cancelled ones.
	SLAStatusMissed SLAStatus = "missed"
	// SLAStatusCancelled: the SLA was removed from the conversation.
	SLAStatusCancelled SLAStatus = "cancelled"
	// SLAStatusActive: applied but not yet fulfilled.
	SLAStatusActive SLAStatus = "active"
)

// Conversation is an Intercom conversation: the exchange of messages between
// contacts and teammates, with its state, assignment and metadata.
type Conversation struct {
	// Type is "conversation".
	Type string `json:"type,omitempty"`
	// ID is the conversation's id.
	ID ID `json:"id,omitempty"`
	// Title is the conversation's title, when it has one.
	Title string `json:"title,omitempty"`
	// CreatedAt is when the conversation was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the conversation was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// WaitingSince is since when the contact has been waiting for a reply (zero when not waiting).
	WaitingSince Timestamp `json:"waiting_since,omitempty"`
	// SnoozedUntil is when a snoozed conversation reopens (zero when not snoozed).
	SnoozedUntil Timestamp `json:"snoozed_until,omitempty"`
	// Open says whether the conversation is open (snoozed ones count as open).
	Open bool `json:"open,omitempty"`
	// State is open, closed or snoozed.
	State ConversationState `json:"state,omitempty"`
	// Read says whether the last contact message has been read by a teammate.
	Read bool `json:"read,omitempty"`
	// Priority says whether the conversation is prioritised.
	Priority ConversationPriority `json:"priority,omitempty"`
	// AdminAssigneeID is the admin the conversation is assigned to (empty when none).
	AdminAssigneeID ID `json:"admin_assignee_id,omitempty"`
	// TeamAssigneeID is the team the conversation is assigned to (empty when none).
	TeamAssigneeID ID `json:"team_assignee_id,omitempty"`
	// Tags are the tags applied to the conversation.
	Tags ConversationTags `json:"tags,omitzero"`
	// ConversationRating is the contact's rating of the conversation; nil when unrated.
	ConversationRating *ConversationRating `json:"conversation_rating,omitempty"`
	// Source is the message that started the conversation.
	Source ConversationSource `json:"source,omitzero"`
	// Contacts are the contacts taking part in the conversation.
	Contacts ConversationContacts `json:"contacts,omitzero"`
	// Teammates are the admins who took part in the conversation; nil when Intercom sends null.
	Teammates *ConversationTeammates `json:"teammates,omitempty"`
	// CustomAttributes are the conversation's custom data attributes.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// FirstContactReply is the contact's first reply; nil when there is none yet.
	FirstContactReply *ConversationFirstContactReply `json:"first_contact_reply,omitempty"`
	// SLAApplied is the SLA applied to the conversation; nil when none.
	SLAApplied *AppliedSLA `json:"sla_applied,omitempty"`
	// Statistics are the conversation's metrics; nil when Intercom sends none.
	Statistics *ConversationStatistics `json:"statistics,omitempty"`
	// ConversationParts are the messages and events of the conversation (at
	// most 500); only sent when a single conversation is returned.
	ConversationParts ConversationParts `json:"conversation_parts,omitzero"`
	// LinkedObjects are the tickets and conversations linked to this one.
	LinkedObjects LinkedObjectList `json:"linked_objects,omitzero"`
	// Topics are the topics the conversation was classified into. Intercom
	// sends it (often as {}) though the 2.10 schema does not declare it.
	Topics ConversationTopics `json:"topics,omitzero"`
	// Ticket is the ticket this conversation belongs to, if any. Intercom
	// sends it (often null) though the 2.10 schema does not declare it.
	Ticket *ConversationTicketRef `json:"ticket,omitempty"`
	// Customers lists the conversation's participants. The examples of
	// AttachContact and DetachContact answer with only this key (instead of
	// the conversation the schema announces).
	Customers []ContactReference `json:"customers,omitempty"`
	// AIAgentParticipated says whether the AI Agent (Fin) took part. API
	// 2.11 and later.
	AIAgentParticipated bool `json:"ai_agent_participated,omitempty"`
	// AIAgent is the AI Agent's involvement; nil when it took no part. API
	// 2.11 and later.
	AIAgent *ConversationAIAgent `json:"ai_agent,omitempty"`
	// Company is the company the conversation is about; nil when none. API
	// 2.15 and later.
	Company *Company `json:"company,omitempty"`
	// SalesAgentParticipated says whether the Sales Agent took part. API
	// 2.16 and later.
	SalesAgentParticipated bool `json:"sales_agent_participated,omitempty"`
	// SalesAgent is the Sales Agent's involvement; nil when it took no
	// part. API 2.16 and later.
	SalesAgent *ConversationSalesAgent `json:"sales_agent,omitempty"`
	// Channel is the conversation's initial and current channel. API 2.16
	// and later.
	Channel ConversationChannel `json:"channel,omitzero"`
	// ExternalReferences link the conversation to records in other
	// systems. API 2.16 and later.
	ExternalReferences []ConversationExternalReference `json:"external_references,omitempty"`
	// MonitorEvaluations are the QA monitors' results (searches with
	// IncludeMonitors). API 2.16 and later.
	MonitorEvaluations []ConversationMonitorEvaluation `json:"monitor_evaluations,omitempty"`
	// Scorecards are the QA scorecards' results (searches with
	// IncludeScorecards). API 2.16 and later.
	Scorecards []ConversationScorecard `json:"scorecards,omitempty"`
}

// ConversationTags is the list of tags applied to a conversation.
type ConversationTags struct {
	// Type is "tag.list".
	Type string `json:"type,omitempty"`
	// Tags are the applied tags.
	Tags []Tag `json:"tags,omitempty"`
}

// Reference points at an admin, team, contact or other object by type and id
// (Intercom's "reference", the assignee of a conversation or ticket part).
// The id may be empty, e.g. for "nobody_admin".
type Reference struct {
	// Type is the referenced object's type, such as "admin", "team" or "nobody_admin".
	Type string `json:"type,omitempty"`
	// ID is the referenced object's id; empty when Intercom sends null.
	ID ID `json:"id,omitempty"`
}

// ContactReference is a contact taking part in a conversation or that a
// ticket is about (Intercom's "contact_reference").
type ContactReference struct {
	// Type is "contact" (or "user" in participant lists).
	Type string `json:"type,omitempty"`
	// ID is the contact's Intercom id.
	ID ID `json:"id,omitempty"`
	// ExternalID is the id you gave the contact, when it has one.
	ExternalID string `json:"external_id,omitempty"`
}

// ConversationContacts lists the contacts of a conversation.
type ConversationContacts struct {
	// Type is "contact.list".
	Type string `json:"type,omitempty"`
	// Contacts are the contacts.
	Contacts []ContactReference `json:"contacts,omitempty"`
}

// ConversationTeammates lists the admins who took part in a conversation.
type ConversationTeammates struct {
	// Type is "admin.list".
	Type string `json:"type,omitempty"`
	// Teammates are references to the admins.
	Teammates []Reference `json:"teammates,omitempty"`
}

// UnmarshalJSON reads the list under "teammates", as the REST API sends it,
// or under "admins", as webhook notifications do.
func (t *ConversationTeammates) UnmarshalJSON(b []byte) error {
	var w struct {
		Type      string      `json:"type"`
		Teammates []Reference `json:"teammates"`
		Admins    []Reference `json:"admins"`
	}
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	t.Type, t.Teammates = w.Type, w.Teammates
	if t.Teammates == nil {
		t.Teammates = w.Admins
	}
	return nil
}

// ConversationFirstContactReply is the contact's first reply in a conversation.
type ConversationFirstContactReply struct {
	// CreatedAt is when the contact first replied.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// Type is the channel of the reply, such as "conversation" or "email".
	Type string `json:"type,omitempty"`
	// URL is the page the contact replied from, when known.
	URL string `json:"url,omitempty"`
}

// ConversationRating is a contact's rating of a conversation.
type ConversationRating struct {
	// Rating is the score given, 1 to 5.
	Rating int `json:"rating,omitempty"`
	// Remark is the contact's comment.
	Remark string `json:"remark,omitempty"`
	// CreatedAt is when the rating was given.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// Contact is the contact who rated.
	Contact ContactReference `json:"contact,omitzero"`
	// Teammate is the admin who was rated.
	Teammate Reference `json:"teammate,omitzero"`
	// UpdatedAt is when the rating was last changed. API 2.14 and later.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// AppliedSLA is the SLA applied to a conversation. Intercom sends a null
// SLAStatus when an SLA event was cancelled by hand.
type AppliedSLA struct {
	// Type is "conversation_sla_summary".
	Type string `json:"type,omitempty"`
	// SLAName is the SLA's name.
	SLAName string `json:"sla_name,omitempty"`
	// SLAStatus is hit, missed, cancelled or active.
	SLAStatus SLAStatus `json:"sla_status,omitempty"`
}

// ConversationStatistics are the metrics of a conversation. Durations are in
// seconds.
type ConversationStatistics struct {
	// Type is "conversation_statistics".
	Type string `json:"type,omitempty"`
	// TimeToAssignment is the time until the first assignment after the first contact message.
	TimeToAssignment int64 `json:"time_to_assignment,omitempty"`
	// TimeToAdminReply is the time until the first admin reply after assignment.
	TimeToAdminReply int64 `json:"time_to_admin_reply,omitempty"`
	// TimeToFirstClose is the time until the first close after the first contact message.
	TimeToFirstClose int64 `json:"time_to_first_close,omitempty"`
	// TimeToLastClose is the time until the last close after the first contact message.
	TimeToLastClose int64 `json:"time_to_last_close,omitempty"`
	// MedianTimeToReply is the median admin reply time.
	MedianTimeToReply int64 `json:"median_time_to_reply,omitempty"`
	// FirstContactReplyAt is when the contact first replied.
	FirstContactReplyAt Timestamp `json:"first_contact_reply_at,omitempty"`
	// FirstAssignmentAt is when the conversation was first assigned.
	FirstAssignmentAt Timestamp `json:"first_assignment_at,omitempty"`
	// FirstAdminReplyAt is when an admin first replied.
	FirstAdminReplyAt Timestamp `json:"first_admin_reply_at,omitempty"`
	// FirstCloseAt is when the conversation was first closed.
	FirstCloseAt Timestamp `json:"first_close_at,omitempty"`
	// LastAssignmentAt is when the conversation was last assigned.
	LastAssignmentAt Timestamp `json:"last_assignment_at,omitempty"`
	// LastAssignmentAdminReplyAt is when the last assigned admin first replied.
	LastAssignmentAdminReplyAt Timestamp `json:"last_assignment_admin_reply_at,omitempty"`
	// LastContactReplyAt is when the contact last replied.
	LastContactReplyAt Timestamp `json:"last_contact_reply_at,omitempty"`
	// LastAdminReplyAt is when an admin last replied.
	LastAdminReplyAt Timestamp `json:"last_admin_reply_at,omitempty"`
	// LastCloseAt is when the conversation was last closed.
	LastCloseAt Timestamp `json:"last_close_at,omitempty"`
	// LastClosedByID is the admin who last closed the conversation.
	LastClosedByID ID `json:"last_closed_by_id,omitempty"`
	// CountReopens is how many times the conversation was reopened.
	CountReopens int `json:"count_reopens,omitempty"`
	// CountAssignments is how many times the conversation was assigned.
	CountAssignments int `json:"count_assignments,omitempty"`
	// CountConversationParts is how many parts the conversation has.
	CountConversationParts int `json:"count_conversation_parts,omitempty"`
	// HandlingTime is the time teammates spent on the conversation, in
	// seconds. API 2.13 and later.
	HandlingTime int `json:"handling_time,omitempty"`
	// AdjustedHandlingTime is HandlingTime adjusted for idle time, in
	// seconds. API 2.13 and later.
	AdjustedHandlingTime int `json:"adjusted_handling_time,omitempty"`
	// AssignedTeamFirstResponseTime is each assigned team's first response
	// time. API 2.12 and later.
	AssignedTeamFirstResponseTime []TeamResponseTime `json:"assigned_team_first_response_time,omitempty"`
	// AssignedTeamFirstResponseTimeInOfficeHours is the same, counted in
	// office hours. API 2.13 and later.
	AssignedTeamFirstResponseTimeInOfficeHours []TeamResponseTime `json:"assigned_team_first_response_time_in_office_hours,omitempty"`
}

// ConversationSource is the message that started a conversation.
type ConversationSource struct {
	// Type is the channel: conversation, email, push, sms, …
	Type ConversationSourceType `json:"type,omitempty"`
	// ID is the source message's id.
	ID ID `json:"id,omitempty"`
	// DeliveredAs says how it was sent, such as "admin_initiated" or "customer_initiated".
	DeliveredAs string `json:"delivered_as,omitempty"`
	// Subject is the email subject, for email sources.
	Subject string `json:"subject,omitempty"`
	// Body is the message body, which may contain HTML.
	Body string `json:"body,omitempty"`
	// Author is who sent the message.
	Author PartAuthor `json:"author,omitzero"`
	// Attachments are the files attached to the message.
	Attachments []Attachment `json:"attachments,omitempty"`
	// URL is the page the message was sent from, when known.
	URL string `json:"url,omitempty"`
	// Redacted says whether the source was redacted.
	Redacted bool `json:"redacted,omitempty"`
	// EmailMessageMetadata are the headers of an email source; nil
	// otherwise. API 2.16 and later.
	EmailMessageMetadata *EmailMessageMetadata `json:"email_message_metadata,omitempty"`
	// Recipients are the addresses an email source was sent to. API 2.16
	// and later.
	Recipients []ConversationRecipient `json:"recipients,omitempty"`
	// ReplyTo are the addresses an email source asks replies to go to. API
	// 2.16 and later.
	ReplyTo []EmailAddress `json:"reply_to,omitempty"`
}

// ConversationRecipient is an address an email was sent to.
type ConversationRecipient struct {
	// Type is the header it was in: "to", "cc", …
	Type string `json:"type,omitempty"`
	// Email is the address.
	Email string `json:"email,omitempty"`
	// DropReason says why the address was dropped, if it was.
	DropReason string `json:"drop_reason,omitempty"`
}

// EmailAddress is an email address with its display name.
type EmailAddress struct {
	// Email is the address.
	Email string `json:"email,omitempty"`
	// Name is the display name, if any.
	Name string `json:"name,omitempty"`
}

// LinkedObject is a ticket or conversation linked to a conversation or a
// ticket (the linked_object schema).
type LinkedObject struct {
	// Type is "ticket" or "conversation".
	Type string `json:"type,omitempty"`
	// ID is the linked object's id.
	ID ID `json:"id,omitempty"`
	// Category is the linked ticket's category (Customer, Back-office,
	// Tracker); empty for conversations.
	Category TicketCategory `json:"category,omitempty"`
}

// LinkedObjectList lists the conversations and tickets linked to a
// conversation or a ticket (at most 1,000; the linked_object_list schema).
type LinkedObjectList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// TotalCount is the number of linked objects.
	TotalCount int `json:"total_count,omitempty"`
	// HasMore says whether there are more linked objects than listed.
	HasMore bool `json:"has_more,omitempty"`
	// Data are the linked objects.
	Data []LinkedObject `json:"data"`
}

// ConversationTopic is a topic a conversation was classified into.
type ConversationTopic struct {
	// Type is "topic".
	Type string `json:"type,omitempty"`
	// ID is the topic's id.
	ID ID `json:"id,omitempty"`
	// Name is the topic's name.
	Name string `json:"name,omitempty"`
}

// ConversationTopics is the list of a conversation's topics.
type ConversationTopics struct {
	// Type is "topic.list".
	Type string `json:"type,omitempty"`
	// Topics are the topics.
	Topics []ConversationTopic `json:"topics,omitempty"`
	// TotalCount is the number of topics.
	TotalCount int `json:"total_count,omitempty"`
}

// ConversationTicketRef is the ticket a conversation belongs to. The 2.10
// description does not declare it; the usual keys are typed and every other
// key Intercom sends is kept in Other.
type ConversationTicketRef struct {
	// Type is "ticket".
	Type string `json:"type,omitempty"`
	// ID is the ticket's id.
	ID ID `json:"id,omitempty"`
	// TicketID is the ticket's number as shown in the inbox.
	TicketID ID `json:"ticket_id,omitempty"`
	// URL is the ticket's URL.
	URL string `json:"url,omitempty"`
	// Category is Customer, Back-office or Tracker.
	Category string `json:"category,omitempty"`
	// Other holds the keys not named above.
	Other map[string]json.RawMessage `json:"-"`
}

type conversationTicketRefFields ConversationTicketRef

var conversationTicketRefKeys = map[string]bool{"type": true, "id": true, "ticket_id": true, "url": true, "category": true}

// UnmarshalJSON decodes the named fields and keeps the rest in Other.
func (r *ConversationTicketRef) UnmarshalJSON(b []byte) error {
	if err := unmarshalModel(b, (*conversationTicketRefFields)(r)); err != nil {
		return err
	}
	return decodeOther(b, conversationTicketRefKeys, &r.Other)
}

// MarshalJSON encodes the named fields and Other.
func (r ConversationTicketRef) MarshalJSON() ([]byte, error) {
	return encodeWithOther(conversationTicketRefFields(r), r.Other)
}

// ConversationList is one page of conversations, from List or Search.
type ConversationList struct {
	// Type is "conversation.list".
	Type string `json:"type,omitempty"`
	// Pages is the pagination block; Pages.Next.StartingAfter is the next cursor.
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of conversations in all pages.
	TotalCount int `json:"total_count,omitempty"`
	// Conversations are the conversations on this page (without their parts).
	Conversations []Conversation `json:"conversations"`
}

type conversationListFields ConversationList

// UnmarshalJSON decodes a page whose items are under "conversations" (what
// Intercom sends) or under "data" (what the 2.10 schema of listConversations,
// paginated_response, says).
func (l *ConversationList) UnmarshalJSON(b []byte) error {
	var aux struct {
		conversationListFields
		Data []Conversation `json:"data"`
	}
	if err := unmarshalModel(b, &aux); err != nil {
		return err
	}
	*l = ConversationList(aux.conversationListFields)
	if l.Conversations == nil && aux.Data != nil {
		l.Conversations = aux.Data
	}
	return nil
}

// MessageType is the channel of a Message as Intercom reports it. Note that
// responses say "inapp" where requests say "in_app".
type MessageType string

// Message types of responses.
const (
	MessageTypeEmail    MessageType = "email"
	MessageTypeInApp    MessageType = "inapp"
	MessageTypeFacebook MessageType = "facebook"
	MessageTypeTwitter  MessageType = "twitter"
)

// Message is a message sent to or by a contact (Intercom's "message"): what
// creating a conversation or a message returns. A contact's reply to it
// becomes a conversation, whose id is ConversationID.
type Message struct {
	// Type is "user_message" or "admin_message".
	Type string `json:"type,omitempty"`
	// ID is the message's id.
	ID ID `json:"id,omitempty"`
	// CreatedAt is when the message was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// Subject is the subject, for email messages.
	Subject string `json:"subject,omitempty"`
	// Body is the message body, which may contain HTML.
	Body string `json:"body,omitempty"`
	// MessageType is email, inapp, facebook or twitter.
	MessageType MessageType `json:"message_type,omitempty"`
	// ConversationID is the conversation the message started.
	ConversationID ID `json:"conversation_id,omitempty"`
	// Owner is the admin who sent the message, on admin messages (sent by
	// Intercom though not in the 2.10 schema).
	Owner *Admin `json:"owner,omitempty"`
}

// ConversationListOptions are the query parameters of listing conversations.
type ConversationListOptions struct {
	// PerPage is the page size, at most 150 (Intercom's default is 20).
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor of the page to fetch, from the previous
	// page's Pages.Next.StartingAfter.
	StartingAfter string `url:"starting_after,omitempty"`
}

// Validate checks PerPage.
func (o *ConversationListOptions) Validate() error {
	if o != nil && (o.PerPage < 0 || o.PerPage > maxConversationsPerPage) {
		return invalid("per_page", fmt.Sprintf("is %d; it must be between 1 and %d", o.PerPage, maxConversationsPerPage))
	}
	return nil
}

// ConversationDisplayAs selects how conversation message bodies are rendered.
type ConversationDisplayAs string

// DisplayAsPlaintext asks for message bodies in plain text instead of HTML.
const DisplayAsPlaintext ConversationDisplayAs = "plaintext"

// ConversationDisplayOptions are the query parameters of retrieving and
// updating a conversation.
type ConversationDisplayOptions struct {
	// DisplayAs set to DisplayAsPlaintext returns message bodies as plain text.
	DisplayAs ConversationDisplayAs `url:"display_as,omitempty"`
	// IncludeTranslations translates the conversation's parts into the
	// conversation's detected language. Get only, API 2.14 and later.
	IncludeTranslations bool `url:"include_translations,omitempty" intercom:"since=2.14"`
}

// ConversationFromType is the role of the contact who starts a conversation.
type ConversationFromType string

// Roles of the contact who starts a conversation.
const (
	ConversationFromUser    ConversationFromType = "user"
	ConversationFromLead    ConversationFromType = "lead"
	ConversationFromContact ConversationFromType = "contact"
)

// ConversationFrom is the contact a conversation is created on behalf of.
type ConversationFrom struct {
	// Type is the contact's role: user, lead or contact.
	Type ConversationFromType `json:"type"`
	// ID is the contact's Intercom id.
	ID string `json:"id"`
}

// ConversationCreateRequest creates a conversation started by a contact.
type ConversationCreateRequest struct {
	// From is the contact sending the message (required).
	From ConversationFrom `json:"from"`
	// Body is the message's content (required). HTML is not supported.
	Body string `json:"body"`
	// Subject is the email subject; only for email messages.
	Subject string `json:"subject,omitempty"`
	// AttachmentURLs are up to 10 image URLs added as attachments.
	AttachmentURLs []string `json:"attachment_urls,omitempty"`
	// CreatedAt backdates the conversation (for migrating past
	// conversations); Intercom uses the current time when it is zero. API
	// 2.11 and later.
	CreatedAt Timestamp `json:"created_at,omitempty" intercom:"since=2.11"`
	// BrandID is the brand to associate the conversation with. API 2.16
	// and later.
	BrandID string `json:"brand_id,omitempty" intercom:"since=2.16"`
}

// Validate checks the required fields and the attachment limit.
func (r ConversationCreateRequest) Validate() error {
	if r.From.Type == "" {
		return invalid("from.type", "is required (user, lead or contact)")
	}
	if strings.TrimSpace(r.From.ID) == "" {
		return invalid("from.id", "is required")
	}
	if r.Body == "" {
		return invalid("body", "is required")
	}
	return checkAttachments(len(r.AttachmentURLs), 0)
}

// ConversationUpdateRequest updates a conversation.
type ConversationUpdateRequest struct {
	// Read marks the conversation as read (Some(true)) or unread.
	Read Opt[bool] `json:"read,omitzero"`
	// CustomAttributes sets conversation data attributes; a nil value clears one.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// Title sets the conversation's title. API 2.13 and later.
	Title Opt[string] `json:"title,omitzero" intercom:"since=2.13"`
	// CompanyID associates the conversation with this company (Intercom's
	// id for it). API 2.14 and later.
	CompanyID string `json:"company_id,omitempty" intercom:"since=2.14"`
}

// checkAttachments enforces Intercom's limit of 10 attachment URLs and 10
// attachment files per request.
func checkAttachments(urls, files int) error {
	if urls > maxConversationAttachments {
		return invalid("attachment_urls", fmt.Sprintf("has %d URLs; Intercom accepts at most %d", urls, maxConversationAttachments))
	}
	if files > maxConversationAttachments {
		return invalid("attachment_files", fmt.Sprintf("has %d files; Intercom accepts at most %d", files, maxConversationAttachments))
	}
	return nil
}

// List returns one page of conversations, most recently updated first, and
// without their parts. opt may be nil.
// GET /conversations (listConversations).
func (s *ConversationsService) List(ctx context.Context, opt *ConversationListOptions, opts ...Option) (*ConversationList, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ConversationList](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations", query: opt}, opts)
}

// ListAll iterates over every conversation, fetching pages (of opt.PerPage)
// as the loop needs them and following pages.next.starting_after. opt may
// be nil; it is not modified.
func (s *ConversationsService) ListAll(ctx context.Context, opt *ConversationListOptions, opts ...Option) iter.Seq2[Conversation, error] {
	return walk(ctx, opt, func(o *ConversationListOptions, cursor string) {
		if cursor != "" {
			o.StartingAfter = cursor
		}
	}, func(ctx context.Context, o *ConversationListOptions) ([]Conversation, string, error) {
		page, _, err := s.List(ctx, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Conversations, nextStartingAfter(page.Pages, len(page.Conversations)), nil
	})
}

// Create starts a conversation on behalf of a contact (a user or a lead) and
// returns the message that opened it; its ConversationID is the new
// conversation. POST /conversations (createConversation).
func (s *ConversationsService) Create(ctx context.Context, req ConversationCreateRequest, opts ...Option) (*Message, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Message](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations", body: req}, opts)
}

// Get returns a conversation with up to 500 of its parts. opt may be nil.
// GET /conversations/{id} (retrieveConversation).
func (s *ConversationsService) Get(ctx context.Context, id string, opt *ConversationDisplayOptions, opts ...Option) (*Conversation, *Response, error) {
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations/{id}", params: []string{id}, query: opt}, opts)
}

// Update marks a conversation read or sets its custom attributes. opt may be
// nil. PUT /conversations/{id} (updateConversation).
func (s *ConversationsService) Update(ctx context.Context, id string, req ConversationUpdateRequest, opt *ConversationDisplayOptions, opts ...Option) (*Conversation, *Response, error) {
	if opt != nil && opt.IncludeTranslations {
		return nil, nil, invalid("include_translations", "applies only to Get")
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPut, path: "/conversations/{id}", params: []string{id}, query: opt, body: req}, opts)
}

// Search returns one page of the conversations matching req.Query. The query
// is validated before sending. POST /conversations/search (searchConversations).
func (s *ConversationsService) Search(ctx context.Context, req SearchRequest, opts ...Option) (*ConversationList, *Response, error) {
	return searchPage[ConversationList](ctx, s.client, "/conversations/search", req, opts)
}

// SearchAll iterates over every conversation matching req.Query, fetching
// pages as the loop needs them. req is copied, never modified.
func (s *ConversationsService) SearchAll(ctx context.Context, req SearchRequest, opts ...Option) iter.Seq2[Conversation, error] {
	return searchEach(ctx, s.client, "/conversations/search", req, opts, func(l *ConversationList) ([]Conversation, Pages) { return l.Conversations, l.Pages })
}

// TeamResponseTime is a team's response time in a conversation.
type TeamResponseTime struct {
	// TeamID is the team.
	TeamID ID `json:"team_id,omitempty"`
	// TeamName is the team's name.
	TeamName string `json:"team_name,omitempty"`
	// ResponseTime is the response time, in seconds.
	ResponseTime int `json:"response_time,omitempty"`
}
