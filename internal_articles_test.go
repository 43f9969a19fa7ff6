package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestInternalArticlesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	got, rec := exercise(t, srv, "listInternalArticles", "InternalArticles.List", func() (*InternalArticleList, *Response, error) {
		return c.InternalArticles.List(context.Background(), &InternalArticleListOptions{Page: 2, PerPage: 25})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/internal_articles")
	testQuery(t, rec, "page=2&per_page=25")
	testNoBody(t, rec)
	require.Len(t, got.Data, 1)
	a := got.Data[0]
	require.Equal(t, ID("39"), a.ID)
	require.Equal(t, ID("991266252"), a.OwnerID)
	require.Equal(t, ID("991266252"), a.AuthorID)
	require.Equal(t, 25, got.Pages.PerPage)
}

func TestInternalArticlesListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	srv.RespondFunc("listInternalArticles", knowledgePageHandler(t, []string{
		`[{"id":"1","title":"a"},{"id":"2","title":"b"}]`,
		`[{"id":"3","title":"c"}]`,
	}, numberPages))
	opt := &InternalArticleListOptions{PerPage: 2}
	var ids []ID
	for a, err := range c.InternalArticles.ListAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, &InternalArticleListOptions{PerPage: 2}, opt, "the caller's options must not change")
}

func TestInternalArticlesCreate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.13")
	got, rec := exercise(t, srv, "createInternalArticle", "InternalArticles.Create", func() (*InternalArticle, *Response, error) {
		return c.InternalArticles.Create(ctx, InternalArticleCreateRequest{Title: "Thanks for everything", Body: "Body of the Article",
			OwnerID: "991266252", AuthorID: "991266252", Locale: "en"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/internal_articles")
	testJSONBody(t, rec, `{"title":"Thanks for everything","body":"Body of the Article","locale":"en","author_id":991266252,"owner_id":991266252}`)
	require.Equal(t, ID("42"), got.ID)
	require.Equal(t, "en", got.Locale)

	c, srv = newSpecClientAt(t, "2.13")
	for field, r := range map[string]InternalArticleCreateRequest{
		"title":         {AuthorID: "1", OwnerID: "1"},
		"author_id":     {Title: "T", OwnerID: "1"},
		"owner_id":      {Title: "T", AuthorID: "1"},
		"body_markdown": {Title: "T", AuthorID: "1", OwnerID: "1", Body: "b", BodyMarkdown: "m"},
		"audience_ids":  {Title: "T", AuthorID: "1", OwnerID: "1", AudienceIDs: Some([]string{"a"})},
	} {
		_, _, err := c.InternalArticles.Create(ctx, r)
		if field == "audience_ids" {
			field = "audience_ids[0]"
		}
		testInvalidNoIO(t, srv, err, field)
	}
	_, _, err := c.InternalArticles.Create(ctx, InternalArticleCreateRequest{Title: "T", AuthorID: "x", OwnerID: "1"})
	testInvalidNoIO(t, srv, err, "author_id")
	_, _, err = c.InternalArticles.Create(ctx, InternalArticleCreateRequest{Title: "T", AuthorID: "1", OwnerID: "x"})
	testInvalidNoIO(t, srv, err, "owner_id")
}

// The 2.16 fields of internal articles: sent on 2.16, refused before any
// I/O on 2.13.
func TestInternalArticlesFieldsSince216(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	_, rec := exercise(t, srv, "createInternalArticle", "InternalArticles.Create", func() (*InternalArticle, *Response, error) {
		return c.InternalArticles.Create(ctx, InternalArticleCreateRequest{Title: "T", BodyMarkdown: "# Guide", OwnerID: "1", AuthorID: "2",
			AudienceIDs: Some([]string{"1", "2"}), AIChatbotAvailability: Some(true), AICopilotAvailability: Some(false), AISalesAgentAvailability: Some(true)})
	})
	testJSONBody(t, rec, `{"title":"T","body_markdown":"# Guide","ai_chatbot_availability":true,"ai_copilot_availability":false,"ai_sales_agent_availability":true,"author_id":2,"owner_id":1,"audience_ids":[1,2]}`)
	_, rec = exercise(t, srv, "updateInternalArticle", "InternalArticles.Update", func() (*InternalArticle, *Response, error) {
		return c.InternalArticles.Update(ctx, "48", InternalArticleUpdateRequest{BodyMarkdown: Some(""), AudienceIDs: Some([]string{})})
	})
	testJSONBody(t, rec, `{"body_markdown":"","audience_ids":[]}`)

	c13, srv13 := newVersionClient(t, "2.13")
	_, _, err := c13.InternalArticles.Create(ctx, InternalArticleCreateRequest{Title: "T", BodyMarkdown: "m", OwnerID: "1", AuthorID: "2"})
	requireVersionErr(t, err, "2.13", "POST", "/internal_articles", "createInternalArticle", "body_markdown", "2.16")
	_, _, err = c13.InternalArticles.Update(ctx, "1", InternalArticleUpdateRequest{AudienceIDs: Null[[]string]()})
	requireVersionErr(t, err, "2.13", "PUT", "/internal_articles/{id}", "updateInternalArticle", "audience_ids", "2.16")
	require.Empty(t, srv13.Requests())
}

func TestInternalArticlesSearch(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	got, rec := exercise(t, srv, "searchInternalArticles", "InternalArticles.Search", func() (*InternalArticleSearchResponse, *Response, error) {
		return c.InternalArticles.Search(context.Background(), &InternalArticleSearchOptions{FolderID: "123"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/internal_articles/search")
	testQuery(t, rec, "folder_id=123")
	testNoBody(t, rec)
	require.Equal(t, 1, got.TotalCount)
	require.Len(t, got.Data.InternalArticles, 1)
	require.Equal(t, ID("55"), got.Data.InternalArticles[0].ID)
}

func TestInternalArticlesSearchAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	srv.RespondFunc("searchInternalArticles", func(w http.ResponseWriter, r *http.Request) {
		data, next := `[{"id":"1"},{"id":"2"}]`, `{"per_page":2,"starting_after":"c2"}`
		if r.URL.Query().Get("starting_after") == "c2" {
			data, next = `[{"id":"3"}]`, `null`
		}
		writeJSON(w, http.StatusOK, fmt.Sprintf(`{"type":"list","total_count":3,"data":{"internal_articles":%s},"pages":{"type":"pages","per_page":2,"next":%s}}`, data, next))
	})
	opt := &InternalArticleSearchOptions{FolderID: "9"}
	var ids []ID
	for a, err := range c.InternalArticles.SearchAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "folder_id=9")
	testQuery(t, reqs[1], "folder_id=9&starting_after=c2")
	require.Equal(t, &InternalArticleSearchOptions{FolderID: "9"}, opt)
}

func TestInternalArticlesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	got, rec := exercise(t, srv, "retrieveInternalArticle", "InternalArticles.Get", func() (*InternalArticle, *Response, error) {
		return c.InternalArticles.Get(context.Background(), "45")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/internal_articles/45")
	testNoBody(t, rec)
	require.Equal(t, ID("45"), got.ID)
	require.Equal(t, "Body of the Article", got.Body)
}

func TestInternalArticlesUpdate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.13")
	got, rec := exercise(t, srv, "updateInternalArticle", "InternalArticles.Update", func() (*InternalArticle, *Response, error) {
		return c.InternalArticles.Update(ctx, "48", InternalArticleUpdateRequest{Title: "Christmas is here!",
			Body: Some("<p>New gifts in store for the jolly season</p>"), AuthorID: "1295", OwnerID: "1296"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/internal_articles/48")
	testJSONBody(t, rec, `{"title":"Christmas is here!","body":"<p>New gifts in store for the jolly season</p>","author_id":1295,"owner_id":1296}`)
	require.Equal(t, ID("48"), got.ID)

	c, srv = newSpecClientAt(t, "2.13")
	_, _, err := c.InternalArticles.Update(ctx, "48", InternalArticleUpdateRequest{Body: Some("b"), BodyMarkdown: Some("m")})
	testInvalidNoIO(t, srv, err, "body_markdown")
	_, _, err = c.InternalArticles.Update(ctx, "48", InternalArticleUpdateRequest{OwnerID: "me"})
	testInvalidNoIO(t, srv, err, "owner_id")
	_, _, err = c.InternalArticles.Update(ctx, "48", InternalArticleUpdateRequest{Body: Null[string]()})
	testInvalidNoIO(t, srv, err, "body")
}

func TestInternalArticlesDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	got, rec := exercise(t, srv, "deleteInternalArticle", "InternalArticles.Delete", func() (*InternalArticleDeleted, *Response, error) {
		return c.InternalArticles.Delete(context.Background(), "51")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/internal_articles/51")
	testNoBody(t, rec)
	require.Equal(t, ID("51"), got.ID)
	require.True(t, got.Deleted)
}

func TestInternalArticlesAttachTag(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "attachTagToInternalArticle", "InternalArticles.AttachTag", func() (*Tag, *Response, error) {
		return c.InternalArticles.AttachTag(ctx, "123", InternalArticleAttachTagRequest{ID: "7522907", AdminID: "1234"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/internal_articles/123/tags")
	testJSONBody(t, rec, `{"id":"7522907","admin_id":"1234"}`)
	require.Equal(t, ID("7522907"), got.ID)
	require.Equal(t, ID("1234"), got.AppliedBy.ID)

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.InternalArticles.AttachTag(ctx, "123", InternalArticleAttachTagRequest{})
	testInvalidNoIO(t, srv, err, "id")
}

func TestInternalArticlesDetachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "detachTagFromInternalArticle", "InternalArticles.DetachTag", func() (*Tag, *Response, error) {
		return c.InternalArticles.DetachTag(context.Background(), "123", "7522907")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/internal_articles/123/tags/7522907")
	testNoBody(t, rec)
	require.Equal(t, "Independent", got.Name)
	require.Zero(t, got.AppliedAt)
}

// Internal articles are refused before any I/O by a 2.10 client, and their
// tags by a 2.13 one.
func TestInternalArticlesNotInAPI210(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newVersionClient(t, "2.10")
	_, _, err := c.InternalArticles.Get(ctx, "1")
	requireVersionErr(t, err, "2.10", "GET", "/internal_articles/{id}", "retrieveInternalArticle", "", "2.13", "2.14", "2.15", "2.16")
	c13, srv13 := newVersionClient(t, "2.13")
	_, _, err = c13.InternalArticles.DetachTag(ctx, "1", "2")
	requireVersionErr(t, err, "2.13", "DELETE", "/internal_articles/{internal_article_id}/tags/{id}", "detachTagFromInternalArticle", "", "2.16")
	require.Empty(t, srv.Requests())
	require.Empty(t, srv13.Requests())
}
