package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConversationsDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "deleteConversation", "Conversations.Delete", func() (*ConversationDeleted, *Response, error) {
		return c.Conversations.Delete(ctx, "512", nil)
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/conversations/512")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &ConversationDeleted{ID: "512", Object: "conversation", Deleted: true}, got)

	// retain_metrics is 2.16's: refused on 2.13 before any I/O; on 2.16
	// Some(false) is sent.
	_, _, err := c.Conversations.Delete(ctx, "512", &ConversationDeleteOptions{RetainMetrics: Some(false)})
	require.ErrorIs(t, err, ErrUnsupportedByVersion)
	require.Len(t, srv.Requests(), 1)
	c16, srv16 := newSpecClientAt(t, "2.16")
	_, _, err = c16.Conversations.Delete(ctx, "512", &ConversationDeleteOptions{RetainMetrics: Some(false)})
	require.NoError(t, err)
	testQuery(t, srv16.LastRequest(), "retain_metrics=false")
	_, _, err = c16.Conversations.Delete(ctx, "512", &ConversationDeleteOptions{})
	require.NoError(t, err)
	testQuery(t, srv16.LastRequest(), "")

	srv.Respond("deleteConversation", 403, "")
	_, _, err = c.Conversations.Delete(ctx, "512", nil)
	require.ErrorIs(t, err, ErrForbidden)

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Conversations.Delete(ctx, "512", nil)
	requireEndpointGated(t, srv10, err, "deleteConversation")
}

func TestConversationsListDeleted(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listDeletedConversationIds", "Conversations.ListDeleted", func() (*DeletedConversationList, *Response, error) {
		return c.Conversations.ListDeleted(ctx, &ConversationListDeletedOptions{Page: 1, PerPage: 2, Order: ConversationDeletedOrderDesc})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations/deleted")
	testQuery(t, rec, "order=desc&page=1&per_page=2")
	testNoBody(t, rec)
	require.Equal(t, 4, got.TotalCount)
	require.Equal(t, []DeletedConversation{
		{Type: "conversation", ID: "512", DeletedAt: 1734537460},
		{Type: "conversation", ID: "513", MetricsRetained: true, DeletedAt: 1734537400},
	}, got.Conversations)
	require.True(t, got.Pages.HasMore())
	require.Equal(t, "https://api.intercom.io/conversations/deleted?per_page=2&order=desc&page=2", got.Pages.Next.URL)
}

func TestConversationsListDeletedAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	page := func(n int, next string, ids ...string) string {
		items := make([]map[string]any, len(ids))
		for i, id := range ids {
			items[i] = map[string]any{"type": "conversation", "id": id, "deleted_at": 1}
		}
		var nx any
		if next != "" {
			nx = next
		}
		b, _ := json.Marshal(map[string]any{"type": "conversations.list", "total_count": 3, "conversations": items,
			"pages": map[string]any{"type": "pages", "next": nx, "page": n, "per_page": 2, "total_pages": 2}})
		return string(b)
	}
	srv.RespondFunc("listDeletedConversationIds", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			_, _ = fmt.Fprint(w, page(1, "https://api.intercom.io/conversations/deleted?per_page=2&page=2", "1", "2"))
		case "2":
			_, _ = fmt.Fprint(w, page(2, "", "3"))
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &ConversationListDeletedOptions{PerPage: 2, Order: ConversationDeletedOrderAsc}
	var ids []ID
	for d, err := range c.Conversations.ListDeletedAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, d.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "order=asc&per_page=2")
	testQuery(t, reqs[1], "order=asc&page=2&per_page=2")
	require.Equal(t, 0, opt.Page, "options must not be modified")
}

func TestConversationsListHandlingEvents(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listHandlingEvents", "Conversations.ListHandlingEvents", func() (*HandlingEventList, *Response, error) {
		return c.Conversations.ListHandlingEvents(ctx, "123")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations/123/handling_events")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, []HandlingEvent{
		{Teammate: TeammateReference{Type: TeammateAdmin, ID: "123", Name: "Jane Example", Email: "jane@example.com"}, Type: HandlingEventPaused, Timestamp: "2026-01-09T09:00:00Z", Reason: "Paused"},
		{Teammate: TeammateReference{Type: TeammateAdmin, ID: "123", Name: "Jane Example", Email: "jane@example.com"}, Type: HandlingEventResumed, Timestamp: "2026-01-09T09:10:00Z"},
	}, got.HandlingEvents)

	c10, srv10 := newSpecClient(t)
	_, _, err := c10.Conversations.ListHandlingEvents(ctx, "123")
	requireEndpointGated(t, srv10, err, "listHandlingEvents")
}

func TestConversationsMerge(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "mergeConversation", "Conversations.Merge", func() (*Conversation, *Response, error) {
		return c.Conversations.Merge(ctx, "123", ConversationMergeRequest{MergeIntoConversationID: "456"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/123/merge")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"merge_into_conversation_id":456}`)
	require.Equal(t, ID("456"), got.ID)
	require.Equal(t, ConversationStateOpen, got.State)

	srv.Respond("mergeConversation", 422, "Self-merge")
	_, _, err := c.Conversations.Merge(ctx, "456", ConversationMergeRequest{MergeIntoConversationID: "456"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("merge_failed"))

	c2, srv2 := newSpecClientAt(t, "2.16")
	_, _, err = c2.Conversations.Merge(ctx, "1", ConversationMergeRequest{})
	testInvalidNoIO(t, srv2, err, "merge_into_conversation_id")
	_, _, err = c2.Conversations.Merge(ctx, "1", ConversationMergeRequest{MergeIntoConversationID: "abc"})
	testInvalidNoIO(t, srv2, err, "merge_into_conversation_id")
}

func TestConversationsListSideConversations(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listSideConversations", "Conversations.ListSideConversations", func() (*SideConversationList, *Response, error) {
		return c.Conversations.ListSideConversations(ctx, "123", &ConversationListSideConversationsOptions{Page: 1, PerPage: 25})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations/123/side_conversations")
	testQuery(t, rec, "page=1&per_page=25")
	testNoBody(t, rec)
	require.Equal(t, 1, got.TotalCount)
	require.Len(t, got.SideConversations, 1)
	sc := got.SideConversations[0]
	require.Equal(t, ID("456"), sc.SideConversationID)
	require.Equal(t, 1, sc.TotalCount)
	require.Equal(t, ID("789"), sc.ConversationParts[0].ID)
	require.False(t, got.Pages.HasMore())
}

func TestConversationsListSideConversationsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	srv.RespondFunc("listSideConversations", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			_, _ = fmt.Fprint(w, `{"type":"side_conversation.list","side_conversations":[{"side_conversation_id":"1"},{"side_conversation_id":"2"}],"total_count":3,"pages":{"type":"pages","page":1,"per_page":2,"total_pages":2}}`)
		case "2":
			_, _ = fmt.Fprint(w, `{"type":"side_conversation.list","side_conversations":[{"side_conversation_id":"3"}],"total_count":3,"pages":{"type":"pages","page":2,"per_page":2,"total_pages":2}}`)
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	var ids []ID
	for sc, err := range c.Conversations.ListSideConversationsAll(ctx, "9", &ConversationListSideConversationsOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, sc.SideConversationID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/conversations/9/side_conversations")
	testQuery(t, reqs[1], "page=2&per_page=2")
}
