package intercomtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
)

// newConversations creates a contact and n conversations it started.
func newConversations(t *testing.T, client *intercom.Client, email string, n int) (intercom.ID, []string) {
	t.Helper()
	ctx := t.Context()
	ct, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: email})
	require.NoError(t, err)
	var ids []string
	for range n {
		msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
			From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: ct.ID}, Body: "Hello"})
		require.NoError(t, err)
		ids = append(ids, msg.ConversationID)
	}
	return ct.ID, ids
}

func TestConversationDeletion(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	c13 := srv.Client(intercom.WithAPIVersion("2.13"))
	c16 := srv.Client(intercom.WithAPIVersion("2.16"))
	_, ids := newConversations(t, c13, "del@example.com", 3)

	var raw []byte
	del, _, err := c13.Conversations.Delete(ctx, ids[0], nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, del)
	require.Equal(t, intercom.ConversationDeleted{ID: ids[0], Object: "conversation", Deleted: true}, *del)
	_, _, err = c13.Conversations.Get(ctx, ids[0], nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = c13.Conversations.Delete(ctx, ids[0], nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = c16.Conversations.Delete(ctx, ids[1], &intercom.ConversationDeleteOptions{RetainMetrics: intercom.Some(false)})
	require.NoError(t, err)
	list, _, err := c16.Conversations.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Conversations, 1, "deleted conversations are gone from lists")

	// The deleted ids (2.16): newest first by default, by page.
	page, _, err := c16.Conversations.ListDeleted(ctx, &intercom.ConversationListDeletedOptions{PerPage: 1}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, page)
	require.Equal(t, "conversations.list", page.Type)
	require.Equal(t, 2, page.TotalCount)
	require.Len(t, page.Conversations, 1)
	require.Equal(t, ids[1], page.Conversations[0].ID)
	require.False(t, page.Conversations[0].MetricsRetained)
	require.Contains(t, page.Pages.Next.URL, "/conversations/deleted?order=desc&page=2&per_page=1")
	var got []intercom.ID
	var retained []bool
	for d, err := range c16.Conversations.ListDeletedAll(ctx, &intercom.ConversationListDeletedOptions{PerPage: 1, Order: intercom.ConversationDeletedOrderAsc}) {
		require.NoError(t, err)
		got = append(got, d.ID)
		retained = append(retained, d.MetricsRetained)
	}
	require.Equal(t, []intercom.ID{ids[0], ids[1]}, got)
	require.Equal(t, []bool{true, false}, retained)

	// 2.12 has no deletion; 2.15 no list of deleted ids.
	for _, tc := range []struct{ version, method, path string }{
		{"2.12", http.MethodDelete, "/conversations/" + ids[2]},
		{"2.15", http.MethodGet, "/conversations/deleted"},
	} {
		_, err := srv.Client(intercom.WithAPIVersion(tc.version)).Do(ctx, tc.method, tc.path, nil, nil)
		var apiErr *intercom.APIError
		require.ErrorAs(t, err, &apiErr)
		require.True(t, apiErr.HasCode("intercom_version_invalid"), "%s %s on %s", tc.method, tc.path, tc.version)
	}
}

func TestConversationMerge(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	client := srv.Client(intercom.WithAPIVersion("2.16"))
	first, ids := newConversations(t, client, "merge1@example.com", 1)
	second, more := newConversations(t, client, "merge2@example.com", 1)
	primary, secondary := ids[0], more[0]

	var raw []byte
	conv, _, err := client.Conversations.Merge(ctx, secondary, intercom.ConversationMergeRequest{MergeIntoConversationID: primary}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, conv)
	require.Equal(t, primary, conv.ID)
	require.True(t, conv.Open)
	parts := conv.ConversationParts.ConversationParts
	require.Equal(t, intercom.ConversationPartType("merged_primary_conversation"), parts[len(parts)-1].PartType)
	require.Equal(t, "bot", parts[len(parts)-1].Author.Type)
	var contacts []intercom.ID
	for _, c := range conv.Contacts.Contacts {
		contacts = append(contacts, c.ID)
	}
	require.Equal(t, []intercom.ID{first, second}, contacts)
	require.Equal(t, []intercom.LinkedObject{{Type: "conversation", ID: secondary}}, conv.LinkedObjects.Data)

	sec, _, err := client.Conversations.Get(ctx, secondary, nil)
	require.NoError(t, err)
	require.False(t, sec.Open)
	require.Equal(t, intercom.ConversationStateClosed, sec.State)
	require.Equal(t, []intercom.LinkedObject{{Type: "conversation", ID: primary}}, sec.LinkedObjects.Data)

	_, _, err = client.Conversations.Merge(ctx, primary, intercom.ConversationMergeRequest{MergeIntoConversationID: primary})
	requireFieldError(t, err, "merge_into_conversation_id")
	_, _, err = client.Conversations.Merge(ctx, primary, intercom.ConversationMergeRequest{MergeIntoConversationID: "999999"})
	require.ErrorIs(t, err, intercom.ErrNotFound)
}
