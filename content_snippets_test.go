package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContentSnippetsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "listContentSnippets", "ContentSnippets.List", func() (*ContentSnippetList, *Response, error) {
		return c.ContentSnippets.List(context.Background(), &ContentSnippetListOptions{Page: 1, PerPage: 20})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/content_snippets")
	testQuery(t, rec, "page=1&per_page=20")
	testNoBody(t, rec)
	require.Len(t, got.Data, 1)
	s := got.Data[0]
	require.Equal(t, ID("123"), s.ID)
	require.Equal(t, "paragraph", s.JSONBlocks[0]["type"])
	require.Equal(t, 1, s.ChatbotAvailability)
	require.True(t, s.AISalesAgentAvailability)
	require.Equal(t, []ID{"1", "2"}, s.AudienceIDs)
	require.Equal(t, 1, got.TotalPages)
}

func TestContentSnippetsListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	srv.RespondFunc("listContentSnippets", knowledgePageHandler(t, []string{
		`[{"type":"content_snippet","id":"1"},{"type":"content_snippet","id":"2"}]`,
		`[{"type":"content_snippet","id":"3"}]`,
	}, topPages))
	var ids []ID
	for s, err := range c.ContentSnippets.ListAll(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, s.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "")
	testQuery(t, reqs[1], "page=2")
}

func TestContentSnippetsCreate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "createContentSnippet", "ContentSnippets.Create", func() (*ContentSnippet, *Response, error) {
		return c.ContentSnippets.Create(ctx, ContentSnippetCreateRequest{Title: "How to reset your password",
			JSONBlocks: []map[string]any{{"type": "paragraph", "text": "Navigate to Settings > Security > Reset password."}},
			Locale:     "en", AudienceIDs: Some([]string{"1", "2"})})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/content_snippets")
	testJSONBody(t, rec, `{"title":"How to reset your password","json_blocks":[{"text":"Navigate to Settings > Security > Reset password.","type":"paragraph"}],"locale":"en","audience_ids":[1,2]}`)
	require.Equal(t, ID("456"), got.ID)

	_, rec = exercise(t, srv, "createContentSnippet", "ContentSnippets.Create", func() (*ContentSnippet, *Response, error) {
		return c.ContentSnippets.Create(ctx, ContentSnippetCreateRequest{Title: "T", BodyMarkdown: "# Hello",
			AIChatbotAvailability: Some(true), AICopilotAvailability: Some(false), AISalesAgentAvailability: Some(false)})
	})
	testJSONBody(t, rec, `{"title":"T","body_markdown":"# Hello","ai_chatbot_availability":true,"ai_copilot_availability":false,"ai_sales_agent_availability":false}`)

	c, srv = newSpecClientAt(t, "2.16")
	blocks := []map[string]any{{"type": "paragraph", "text": "x"}}
	for field, r := range map[string]ContentSnippetCreateRequest{
		"title":           {BodyMarkdown: "m"},
		"json_blocks":     {Title: "T"},
		"body_markdown":   {Title: "T", BodyMarkdown: "m", JSONBlocks: blocks},
		"audience_ids[0]": {Title: "T", BodyMarkdown: "m", AudienceIDs: Some([]string{"vip"})},
	} {
		_, _, err := c.ContentSnippets.Create(ctx, r)
		testInvalidNoIO(t, srv, err, field)
	}
}

func TestContentSnippetsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "getContentSnippet", "ContentSnippets.Get", func() (*ContentSnippet, *Response, error) {
		return c.ContentSnippets.Get(context.Background(), "123")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/content_snippets/123")
	testNoBody(t, rec)
	require.Equal(t, ID("123"), got.ID)
	require.Equal(t, Timestamp(1663597223), got.CreatedAt)
}

func TestContentSnippetsUpdate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "updateContentSnippet", "ContentSnippets.Update", func() (*ContentSnippet, *Response, error) {
		return c.ContentSnippets.Update(ctx, "123", ContentSnippetUpdateRequest{Title: "How to reset your password (updated)", AudienceIDs: Null[[]string]()})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/content_snippets/123")
	testJSONBody(t, rec, `{"title":"How to reset your password (updated)","audience_ids":null}`)
	require.Equal(t, Timestamp(1663597300), got.UpdatedAt)

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.ContentSnippets.Update(ctx, "123", ContentSnippetUpdateRequest{BodyMarkdown: "m", JSONBlocks: []map[string]any{{"type": "paragraph"}}})
	testInvalidNoIO(t, srv, err, "body_markdown")
}

func TestContentSnippetsDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	_, rec := exercise(t, srv, "deleteContentSnippet", "ContentSnippets.Delete", func() (*struct{}, *Response, error) {
		return noResult(c.ContentSnippets.Delete(context.Background(), "123"))
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/content_snippets/123")
	testNoBody(t, rec)
}

func TestContentSnippetsAttachTag(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "attachTagToContentSnippet", "ContentSnippets.AttachTag", func() (*Tag, *Response, error) {
		return c.ContentSnippets.AttachTag(ctx, "123", ContentSnippetAttachTagRequest{ID: "7522907"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/content_snippets/123/tags")
	testJSONBody(t, rec, `{"id":"7522907"}`)
	require.Equal(t, Timestamp(1663597223), got.AppliedAt)

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.ContentSnippets.AttachTag(ctx, "123", ContentSnippetAttachTagRequest{AdminID: "1"})
	testInvalidNoIO(t, srv, err, "id")
}

func TestContentSnippetsDetachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "detachTagFromContentSnippet", "ContentSnippets.DetachTag", func() (*Tag, *Response, error) {
		return c.ContentSnippets.DetachTag(context.Background(), "123", "7522907")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/content_snippets/123/tags/7522907")
	testNoBody(t, rec)
	require.Equal(t, ID("7522907"), got.ID)
}

func TestContentSnippetsNotInAPI210(t *testing.T) {
	t.Parallel()
	c, srv := newVersionClient(t, "2.10")
	_, _, err := c.ContentSnippets.Get(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "GET", "/content_snippets/{id}", "getContentSnippet", "", "2.16")
	require.Empty(t, srv.Requests())
}
