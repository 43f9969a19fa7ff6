package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestArticlesGetDraft(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "retrieveArticleDraft", "Articles.GetDraft", func() (*Article, *Response, error) {
		return c.Articles.GetDraft(context.Background(), "45")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/articles/45/draft")
	testNoBody(t, rec)
	require.Equal(t, ID("45"), got.ID)
	require.Equal(t, "This is the draft title", got.Title)
}

func TestArticlesStageDraft(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "stageArticleDraft", "Articles.StageDraft", func() (*Article, *Response, error) {
		return c.Articles.StageDraft(ctx, "48", ArticleStageDraftRequest{Title: "Christmas is here!", Body: "<p>New gifts in store for the jolly season</p>"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/articles/48/draft")
	testJSONBody(t, rec, `{"title":"Christmas is here!","body":"<p>New gifts in store for the jolly season</p>"}`)
	require.Equal(t, ID("48"), got.ID)

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.Articles.StageDraft(ctx, "48", ArticleStageDraftRequest{AuthorID: "me"})
	testInvalidNoIO(t, srv, err, "author_id")
}

func TestArticlesPublishDraft(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "publishArticleDraft", "Articles.PublishDraft", func() (*Article, *Response, error) {
		return c.Articles.PublishDraft(ctx, "48", ArticlePublishDraftRequest{})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/articles/48/draft/publish")
	testNoBody(t, rec)
	require.Equal(t, ID("48"), got.ID)

	_, rec = exercise(t, srv, "publishArticleDraft", "Articles.PublishDraft", func() (*Article, *Response, error) {
		return c.Articles.PublishDraft(ctx, "48", ArticlePublishDraftRequest{Locales: []string{"en", "fr"}})
	})
	testJSONBody(t, rec, `{"locales":["en","fr"]}`)
}

func TestArticlesListVersions(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "listArticleVersions", "Articles.ListVersions", func() (*ArticleVersionList, *Response, error) {
		return c.Articles.ListVersions(context.Background(), "123", &ArticleListVersionsOptions{Page: 1, PerPage: 25, Locale: "en"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/articles/123/versions")
	testQuery(t, rec, "locale=en&page=1&per_page=25")
	testNoBody(t, rec)
	require.Len(t, got.Data, 2)
	v := got.Data[0]
	require.Equal(t, ID("301"), v.ID)
	require.Equal(t, ID("123"), v.ArticleID)
	require.Equal(t, ID("300"), v.FromVersionID)
	require.Equal(t, ArticleStatePublished, v.State)
	require.Empty(t, got.Data[1].FromVersionID)
}

func TestArticlesListVersionsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	srv.RespondFunc("listArticleVersions", knowledgePageHandler(t, []string{
		`[{"type":"article_version","id":"3"},{"type":"article_version","id":"2"}]`,
		`[{"type":"article_version","id":"1"}]`,
	}, numberPages))
	opt := &ArticleListVersionsOptions{Locale: "fr"}
	var ids []ID
	for v, err := range c.Articles.ListVersionsAll(context.Background(), "123", opt) {
		require.NoError(t, err)
		ids = append(ids, v.ID)
	}
	require.Equal(t, []ID{"3", "2", "1"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/articles/123/versions")
	testQuery(t, reqs[0], "locale=fr")
	testQuery(t, reqs[1], "locale=fr&page=2")
	require.Equal(t, &ArticleListVersionsOptions{Locale: "fr"}, opt)
}

func TestArticlesGetVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "retrieveArticleVersion", "Articles.GetVersion", func() (*ArticleVersion, *Response, error) {
		return c.Articles.GetVersion(ctx, "123", "301", nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/articles/123/versions/301")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "Body of this version\n", got.BodyMarkdown)
	require.Equal(t, ID("5017691"), got.CreatedByID)

	_, rec = exercise(t, srv, "retrieveArticleVersion", "Articles.GetVersion", func() (*ArticleVersion, *Response, error) {
		return c.Articles.GetVersion(ctx, "123", "301", &ArticleGetVersionOptions{Locale: "fr"})
	})
	testQuery(t, rec, "locale=fr")
}

func TestArticlesAttachTag(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "attachTagToArticle", "Articles.AttachTag", func() (*Tag, *Response, error) {
		return c.Articles.AttachTag(ctx, "123", ArticleAttachTagRequest{ID: "7522907"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/articles/123/tags")
	testJSONBody(t, rec, `{"id":"7522907"}`)
	require.Equal(t, "Independent", got.Name)

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.Articles.AttachTag(ctx, "123", ArticleAttachTagRequest{})
	testInvalidNoIO(t, srv, err, "id")
}

func TestArticlesDetachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "detachTagFromArticle", "Articles.DetachTag", func() (*Tag, *Response, error) {
		return c.Articles.DetachTag(context.Background(), "123", "7522907")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/articles/123/tags/7522907")
	testNoBody(t, rec)
	require.Equal(t, ID("7522907"), got.ID)
}

// The article drafts, versions and tags are 2.16's: refused before any I/O
// by a 2.15 client.
func TestArticleVersionsNotInAPI215(t *testing.T) {
	t.Parallel()
	c, srv := newVersionClient(t, "2.15")
	_, _, err := c.Articles.GetDraft(context.Background(), "1")
	requireVersionErr(t, err, "2.15", "GET", "/articles/{id}/draft", "retrieveArticleDraft", "", "2.16")
	c10, srv10 := newVersionClient(t, "2.10")
	_, _, err = c10.Articles.ListVersions(context.Background(), "1", nil)
	requireVersionErr(t, err, "2.10", "GET", "/articles/{article_id}/versions", "listArticleVersions", "", "2.16")
	require.Empty(t, srv.Requests())
	require.Empty(t, srv10.Requests())
}
