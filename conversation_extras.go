package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// ConversationDeleted is the response of deleting a conversation.
type ConversationDeleted struct {
	// ID is the deleted conversation's id.
	ID ID `json:"id,omitempty"`
	// Object is "conversation".
	Object string `json:"object,omitempty"`
	// Deleted says whether the conversation was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// ConversationDeleteOptions are the query parameters of deleting a
// conversation.
type ConversationDeleteOptions struct {
	// RetainMetrics set to false deletes the conversation's reporting data
	// too (Intercom's default, true, keeps it); false needs the
	// delete_conversations_and_metrics scope. API 2.16 and later.
	RetainMetrics Opt[bool] `url:"retain_metrics,omitzero" intercom:"since=2.16"`
}

// Delete deletes a conversation, permanently. API 2.13 and later.
// DELETE /conversations/{id} (deleteConversation).
func (s *ConversationsService) Delete(ctx context.Context, id string, opt *ConversationDeleteOptions, opts ...Option) (*ConversationDeleted, *Response, error) {
	return call[ConversationDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/conversations/{id}", params: []string{id}, query: opt}, opts)
}

// DeletedConversation is the id of a deleted conversation.
type DeletedConversation struct {
	// Type is "conversation".
	Type string `json:"type,omitempty"`
	// ID is the deleted conversation's id.
	ID ID `json:"id,omitempty"`
	// MetricsRetained says whether its reporting data was kept.
	MetricsRetained bool `json:"metrics_retained,omitempty"`
	// DeletedAt is when the conversation was deleted.
	DeletedAt Timestamp `json:"deleted_at,omitempty"`
}

// DeletedConversationList is one page of the ids of deleted conversations.
type DeletedConversationList struct {
	// Type is "conversations.list".
	Type string `json:"type,omitempty"`
	// Conversations are the deleted conversations of this page.
	Conversations []DeletedConversation `json:"conversations"`
	// TotalCount is the number of deleted conversations.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block (page numbers and a next link).
	Pages Pages `json:"pages,omitzero"`
}

// ConversationDeletedOrder is the order of ListDeleted.
type ConversationDeletedOrder string

// Deleted conversation orders.
const (
	ConversationDeletedOrderAsc  ConversationDeletedOrder = "asc"
	ConversationDeletedOrderDesc ConversationDeletedOrder = "desc"
)

// ConversationListDeletedOptions are the query parameters of listing the
// deleted conversations.
type ConversationListDeletedOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size, at most 60 (Intercom's default is 20).
	PerPage int `url:"per_page,omitempty"`
	// Order is asc or desc (Intercom's default is desc).
	Order ConversationDeletedOrder `url:"order,omitempty"`
}

// ListDeleted returns one page of the ids of deleted conversations. API 2.16
// and later. GET /conversations/deleted (listDeletedConversationIds).
func (s *ConversationsService) ListDeleted(ctx context.Context, opt *ConversationListDeletedOptions, opts ...Option) (*DeletedConversationList, *Response, error) {
	return call[DeletedConversationList](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations/deleted", query: opt}, opts)
}

// ListDeletedAll iterates over the ids of every deleted conversation,
// fetching pages (by page number) as the loop needs them.
func (s *ConversationsService) ListDeletedAll(ctx context.Context, opt *ConversationListDeletedOptions, opts ...Option) iter.Seq2[DeletedConversation, error] {
	return walk(ctx, opt, func(o *ConversationListDeletedOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *ConversationListDeletedOptions) ([]DeletedConversation, string, error) {
			page, _, err := s.ListDeleted(ctx, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Conversations, nextPageNumber(page.Pages, len(page.Conversations)), nil
		})
}

// TeammateType is the kind of teammate of a TeammateReference. Unknown
// values decode as-is.
type TeammateType string

// Teammate types.
const (
	TeammateAdmin TeammateType = "admin"
	TeammateTeam  TeammateType = "team"
	TeammateBot   TeammateType = "bot"
)

// TeammateReference names the admin, team or bot behind an event.
type TeammateReference struct {
	// Type is admin, team or bot.
	Type TeammateType `json:"type,omitempty"`
	// ID is the teammate's id.
	ID ID `json:"id,omitempty"`
	// Name is the teammate's display name.
	Name string `json:"name,omitempty"`
	// Email is the teammate's email, where there is one.
	Email string `json:"email,omitempty"`
}

// HandlingEventType is the kind of a handling event. Unknown values decode
// as-is.
type HandlingEventType string

// Handling event types.
const (
	HandlingEventPaused  HandlingEventType = "paused"
	HandlingEventResumed HandlingEventType = "resumed"
)

// HandlingEvent records a teammate pausing or resuming the handling of a
// conversation.
type HandlingEvent struct {
	// Teammate is who paused or resumed.
	Teammate TeammateReference `json:"teammate,omitzero"`
	// Type is paused or resumed.
	Type HandlingEventType `json:"type,omitempty"`
	// Timestamp is when it happened, in ISO 8601 (a string, not Unix
	// seconds).
	Timestamp string `json:"timestamp,omitempty"`
	// Reason is the reason given, such as "Away"; may be empty.
	Reason string `json:"reason,omitempty"`
}

// HandlingEventList lists the handling events of a conversation.
type HandlingEventList struct {
	// HandlingEvents are the events, oldest first.
	HandlingEvents []HandlingEvent `json:"handling_events"`
}

// ListHandlingEvents returns the pause and resume events of a conversation.
// API 2.15 and later.
// GET /conversations/{id}/handling_events (listHandlingEvents).
func (s *ConversationsService) ListHandlingEvents(ctx context.Context, id string, opts ...Option) (*HandlingEventList, *Response, error) {
	return call[HandlingEventList](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations/{id}/handling_events", params: []string{id}}, opts)
}

// ConversationMergeRequest is the body of merging a conversation into
// another.
type ConversationMergeRequest struct {
	// MergeIntoConversationID is the primary conversation, the one that
	// survives (required): a numeric id, sent as an integer.
	MergeIntoConversationID string `json:"merge_into_conversation_id"`
}

// Validate checks that the target is given, as a numeric id.
func (r ConversationMergeRequest) Validate() error {
	if r.MergeIntoConversationID == "" {
		return invalid("merge_into_conversation_id", "is required")
	}
	return checkIntID("merge_into_conversation_id", r.MergeIntoConversationID)
}

// MarshalJSON sends the target id as the integer Intercom expects.
func (r ConversationMergeRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		MergeIntoConversationID intBodyID `json:"merge_into_conversation_id"`
	}{intBodyID(r.MergeIntoConversationID)})
}

// Merge merges the conversation id (the secondary) into another (the
// primary): the secondary is closed and linked to the primary, which is
// returned. API 2.16 and later.
// POST /conversations/{id}/merge (mergeConversation).
func (s *ConversationsService) Merge(ctx context.Context, id string, req ConversationMergeRequest, opts ...Option) (*Conversation, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Conversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/conversations/{id}/merge", params: []string{id}, body: req}, opts)
}

// SideConversation is an internal thread teammates started from a
// conversation, with its parts.
type SideConversation struct {
	// SideConversationID is the side conversation's id.
	SideConversationID ID `json:"side_conversation_id,omitempty"`
	// ConversationParts are its messages.
	ConversationParts []ConversationPart `json:"conversation_parts,omitempty"`
	// TotalCount is the number of its parts.
	TotalCount int `json:"total_count,omitempty"`
}

// SideConversationList is one page of the side conversations of a
// conversation.
type SideConversationList struct {
	// Type is "side_conversation.list".
	Type string `json:"type,omitempty"`
	// SideConversations are the side conversations of this page.
	SideConversations []SideConversation `json:"side_conversations"`
	// TotalCount is the number of side conversations.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
}

// ConversationListSideConversationsOptions are the query parameters of
// listing the side conversations of a conversation.
type ConversationListSideConversationsOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size, at most 50 (Intercom's default is 25).
	PerPage int `url:"per_page,omitempty"`
}

// ListSideConversations returns one page of the side conversations of a
// conversation, each with its parts. API 2.16 and later.
// GET /conversations/{id}/side_conversations (listSideConversations).
func (s *ConversationsService) ListSideConversations(ctx context.Context, id string, opt *ConversationListSideConversationsOptions, opts ...Option) (*SideConversationList, *Response, error) {
	return call[SideConversationList](ctx, s.client, endpoint{method: http.MethodGet, path: "/conversations/{id}/side_conversations", params: []string{id}, query: opt}, opts)
}

// ListSideConversationsAll iterates over every side conversation of a
// conversation, fetching pages (by page number) as the loop needs them.
func (s *ConversationsService) ListSideConversationsAll(ctx context.Context, id string, opt *ConversationListSideConversationsOptions, opts ...Option) iter.Seq2[SideConversation, error] {
	return walk(ctx, opt, func(o *ConversationListSideConversationsOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *ConversationListSideConversationsOptions) ([]SideConversation, string, error) {
			page, _, err := s.ListSideConversations(ctx, id, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.SideConversations, nextPageNumber(page.Pages, len(page.SideConversations)), nil
		})
}
