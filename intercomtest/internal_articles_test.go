package intercomtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestInternalArticles(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	client := srv.Client(intercom.WithAPIVersion("2.16"))
	ia := client.InternalArticles

	var raw []byte
	a, _, err := ia.Create(ctx, intercom.InternalArticleCreateRequest{
		Title: "Refund policy", BodyMarkdown: "Refunds within 30 days.\n\nAsk Billing.",
		AuthorID: intercomtest.AdminID, OwnerID: intercomtest.SecondAdminID,
		AudienceIDs:           intercom.Some([]string{"12", "13"}),
		AIChatbotAvailability: intercom.Some(false),
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, a)
	require.Equal(t, "internal_article", a.Type)
	require.Equal(t, "Refund policy", a.Title)
	require.Equal(t, "<p>Refunds within 30 days.</p><p>Ask Billing.</p>", a.Body)
	require.Equal(t, "Refunds within 30 days.\n\nAsk Billing.", a.BodyMarkdown)
	require.Equal(t, intercom.ID(intercomtest.AdminID), a.AuthorID)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), a.OwnerID)
	require.Equal(t, []intercom.ID{"12", "13"}, a.AudienceIDs)
	require.False(t, a.AIChatbotAvailability)
	require.True(t, a.AICopilotAvailability)
	require.Equal(t, "en", a.Locale)
	require.NotZero(t, a.CreatedAt)

	b, _, err := ia.Create(ctx, intercom.InternalArticleCreateRequest{Title: "Escalations", Body: "<p>Page the on-call.</p>",
		AuthorID: intercomtest.AdminID, OwnerID: intercomtest.AdminID})
	require.NoError(t, err)

	got, _, err := ia.Get(ctx, a.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, got)
	require.Equal(t, a, got)
	// 2.13 does not know the fields of 2.16.
	var old map[string]any
	_, err = srv.Client(intercom.WithAPIVersion("2.13")).Do(ctx, http.MethodGet, "/internal_articles/"+a.ID, nil, &old)
	require.NoError(t, err)
	require.NotContains(t, old, "body_markdown")
	require.NotContains(t, old, "audience_ids")

	up, _, err := ia.Update(ctx, a.ID, intercom.InternalArticleUpdateRequest{Title: "Refunds", Body: intercom.Some("<p>30 days.</p>"),
		AudienceIDs: intercom.Null[[]string]()}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, up)
	require.Equal(t, "Refunds", up.Title)
	require.Equal(t, "<p>30 days.</p>", up.Body)
	require.Empty(t, up.BodyMarkdown)
	require.Empty(t, up.AudienceIDs)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), up.OwnerID, "unchanged")

	list, _, err := ia.List(ctx, &intercom.InternalArticleListOptions{PerPage: 1}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, list)
	require.Equal(t, 2, list.TotalCount)
	require.Len(t, list.Data, 1)
	var titles []string
	for art, err := range ia.ListAll(ctx, &intercom.InternalArticleListOptions{PerPage: 1}) {
		require.NoError(t, err)
		titles = append(titles, art.Title)
	}
	require.Equal(t, []string{"Refunds", "Escalations"}, titles)

	found, _, err := ia.Search(ctx, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, found)
	require.Equal(t, 2, found.TotalCount)
	require.Len(t, found.Data.InternalArticles, 2)

	del, _, err := ia.Delete(ctx, b.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, del)
	require.Equal(t, intercom.InternalArticleDeleted{ID: b.ID, Object: "internal_article", Deleted: true}, *del)
	_, _, err = ia.Get(ctx, b.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)

	// Validation: the author must be an admin, a title is required.
	_, err = client.Do(ctx, http.MethodPost, "/internal_articles", map[string]any{"title": "x", "author_id": 1, "owner_id": 1}, nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, err = client.Do(ctx, http.MethodPost, "/internal_articles", map[string]any{"author_id": 991267001, "owner_id": 991267001}, nil)
	requireFieldError(t, err, "title")
}
