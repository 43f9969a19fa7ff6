package intercom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// articlesPageHandler serves page-numbered list pages: pages[i] is the JSON of the data
// array of page i+1. It answers with the page the request's "page" query asks
// for (1 when absent).
func articlesPageHandler(t *testing.T, pages []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := atoiOr(r.URL.Query().Get("page"), 1)
		if n > len(pages) {
			assert.Failf(t, "page out of range", "page %d requested, only %d served", n, len(pages))
			n = len(pages)
		}
		fmt.Fprintf(w, `{"type":"list","pages":{"type":"pages","page":%d,"per_page":2,"total_pages":%d},"total_count":3,"data":%s}`,
			n, len(pages), pages[n-1])
	}
}

func TestArticlesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listArticles", "Articles.List", func() (*ArticleList, *Response, error) {
		return c.Articles.List(context.Background(), &ArticleListOptions{Page: 2, PerPage: 5})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/articles")
	testQuery(t, rec, "page=2&per_page=5")
	testNoBody(t, rec)
	require.Equal(t, 1, got.TotalCount)
	require.Equal(t, 1, got.Pages.TotalPages)
	require.Len(t, got.Data, 1)
	a := got.Data[0]
	require.Equal(t, ID("52"), a.ID)
	require.Equal(t, ID("217"), a.ParentID)
	require.Equal(t, ID("991267797"), a.AuthorID)
	require.Equal(t, ArticleStatePublished, a.State)
	require.Equal(t, Timestamp(1717021715), a.CreatedAt)
	require.Equal(t, "collection", a.ParentType)

	// No options: no query string.
	_, rec = exercise(t, srv, "listArticles", "Articles.List", func() (*ArticleList, *Response, error) {
		return c.Articles.List(context.Background(), nil)
	})
	testQuery(t, rec, "")
}

func TestArticlesListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listArticles", articlesPageHandler(t, []string{
		`[{"id":"1","type":"article","title":"a"},{"id":"2","type":"article","title":"b"}]`,
		`[{"id":"3","type":"article","title":"c"}]`,
	}))
	opt := &ArticleListOptions{PerPage: 2}
	var ids []ID
	for a, err := range c.Articles.ListAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, &ArticleListOptions{PerPage: 2}, opt, "the caller's options must not change")

	// Breaking after the first item sends no further request.
	for range c.Articles.ListAll(context.Background(), nil) {
		break
	}
	require.Len(t, srv.Requests(), 3)
}

func TestArticlesCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	req := ArticleCreateRequest{
		Title:       "Thanks for everything",
		Description: "Description of the Article",
		Body:        "Body of the Article",
		AuthorID:    "991267802",
		State:       ArticleStatePublished,
		ParentID:    "219",
		ParentType:  "collection",
		TranslatedContent: ArticleTranslatedContent{Locales: map[string]ArticleContent{
			"fr": {Title: "Merci pour tout", Description: "Description de l'article", Body: "Corps de l'article", AuthorID: "991267802", State: ArticleStatePublished},
		}},
	}
	got, rec := exercise(t, srv, "createArticle", "Articles.Create", func() (*Article, *Response, error) {
		return c.Articles.Create(context.Background(), req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/articles")
	testQuery(t, rec, "")
	// The spec's request example, with integer ids.
	require.JSONEq(t, `{"title":"Thanks for everything","description":"Description of the Article","body":"Body of the Article",
		"author_id":991267802,"state":"published","parent_id":219,"parent_type":"collection",
		"translated_content":{"fr":{"title":"Merci pour tout","description":"Description de l'article","body":"Corps de l'article","author_id":991267802,"state":"published"}}}`, string(rec.Body))
	require.Equal(t, ID("55"), got.ID)
	require.Equal(t, "<p class=\"no-margin\">Body of the Article</p>", got.Body)
	require.NotNil(t, got.Statistics)
	require.Equal(t, "article_statistics", got.Statistics.Type)

	// Minimal request: exact bytes, ids as bare integers, nothing optional sent.
	_, rec = exercise(t, srv, "createArticle", "Articles.Create", func() (*Article, *Response, error) {
		return c.Articles.Create(context.Background(), ArticleCreateRequest{Title: "T", AuthorID: "7"})
	})
	testJSONBody(t, rec, `{"title":"T","author_id":7}`)
}

func TestArticlesCreateValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	cases := map[string]ArticleCreateRequest{
		"title":      {AuthorID: "1"},
		"author_id":  {Title: "T"},
		"numeric":    {Title: "T", AuthorID: "bob"},
		"parent_id":  {Title: "T", AuthorID: "1", ParentID: "x1"},
		"tc.author":  {Title: "T", AuthorID: "1", TranslatedContent: ArticleTranslatedContent{Locales: map[string]ArticleContent{"fr": {AuthorID: "x"}}}},
		"empty body": {},
	}
	for name, req := range cases {
		_, resp, err := c.Articles.Create(ctx, req)
		require.ErrorIs(t, err, ErrInvalidRequest, name)
		require.Nil(t, resp, name)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie, name)
		require.NotEmpty(t, ie.Field, name)
	}
	require.Empty(t, srv.Requests())

	// Title and author given only in the default locale's content are enough,
	// and author_id is then left out of the top level.
	r := ArticleCreateRequest{TranslatedContent: ArticleTranslatedContent{Locales: map[string]ArticleContent{
		"en": {Title: "Hi", AuthorID: "12"},
	}}}
	require.NoError(t, r.Validate())
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.Equal(t, `{"translated_content":{"en":{"title":"Hi","author_id":12}}}`, string(b))
}

func TestArticlesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveArticle", "Articles.Get", func() (*Article, *Response, error) {
		return c.Articles.Get(context.Background(), "58")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/articles/58")
	testQuery(t, rec, "")
	require.Equal(t, ID("58"), got.ID)
	require.Equal(t, "This is the article title", got.Title)
	require.Equal(t, ID("222"), got.ParentID)
	require.Equal(t, &ArticleStatistics{Type: "article_statistics"}, got.Statistics)
	require.Equal(t, "http://help-center.test/myapp-43/en/articles/58-this-is-the-article-title", got.URL)
}

func TestArticlesGetErrors(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Articles.Get(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Articles.Update(context.Background(), " ", ArticleUpdateRequest{Title: "x"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Articles.Delete(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Empty(t, srv.Requests())

	srv.Respond("retrieveArticle", http.StatusNotFound, "")
	got, _, err := c.Articles.Get(context.Background(), "123")
	require.Nil(t, got)
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr))
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	require.Equal(t, "error.list", apiErr.Type)
	require.Equal(t, "60fd8253-58a0-4fd1-a67c-20aa2c2c87bb", apiErr.RequestID)
	require.True(t, apiErr.HasCode("not_found"))
	require.Equal(t, "Resource Not Found", apiErr.Errors[0].Message)
}

func TestArticlesUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateArticle", "Articles.Update", func() (*Article, *Response, error) {
		return c.Articles.Update(ctx, "61", ArticleUpdateRequest{Title: "Christmas is here!", Body: "<p>New gifts in store for the jolly season</p>"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/articles/61")
	require.JSONEq(t, `{"title":"Christmas is here!","body":"<p>New gifts in store for the jolly season</p>"}`, string(rec.Body))
	require.Equal(t, ID("61"), got.ID)
	require.Equal(t, "Christmas is here!", got.Title)
	require.Equal(t, ID("991267813"), got.AuthorID)

	// translated_content: omitted, null, value.
	_, rec = exercise(t, srv, "updateArticle", "Articles.Update", func() (*Article, *Response, error) {
		return c.Articles.Update(ctx, "61", ArticleUpdateRequest{State: ArticleStateDraft})
	})
	testJSONBody(t, rec, `{"state":"draft"}`)
	_, rec = exercise(t, srv, "updateArticle", "Articles.Update", func() (*Article, *Response, error) {
		return c.Articles.Update(ctx, "61", ArticleUpdateRequest{TranslatedContent: Null[ArticleTranslatedContent]()})
	})
	testJSONBody(t, rec, `{"translated_content":null}`)
	_, rec = exercise(t, srv, "updateArticle", "Articles.Update", func() (*Article, *Response, error) {
		return c.Articles.Update(ctx, "61", ArticleUpdateRequest{
			AuthorID: "5", ParentID: "18",
			TranslatedContent: Some(ArticleTranslatedContent{Locales: map[string]ArticleContent{
				"fr": {Title: "Noël", State: ArticleStateDraft},
				"de": {Title: "Weihnachten", AuthorID: "5"},
			}}),
		})
	})
	testJSONBody(t, rec, `{"parent_id":"18","translated_content":{"de":{"title":"Weihnachten","author_id":5},"fr":{"title":"Noël","state":"draft"}},"author_id":5}`)

	_, _, err := c.Articles.Update(ctx, "61", ArticleUpdateRequest{AuthorID: "me"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), 4)
}

func TestArticlesDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "deleteArticle", "Articles.Delete", func() (*ArticleDeleted, *Response, error) {
		return c.Articles.Delete(context.Background(), "64")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/articles/64")
	testNoBody(t, rec)
	require.Equal(t, &ArticleDeleted{ID: "64", Object: "article", Deleted: true}, got)
}

func TestArticlesSearch(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "searchArticles", "Articles.Search", func() (*ArticleSearchResponse, *Response, error) {
		return c.Articles.Search(context.Background(), &ArticleSearchOptions{
			Phrase: "Getting started", State: ArticleStateAll, HelpCenterID: "123", Highlight: true,
		})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/articles/search")
	testQuery(t, rec, "help_center_id=123&highlight=true&phrase=Getting+started&state=all")
	require.Equal(t, 1, got.TotalCount)
	require.Len(t, got.Data.Articles, 1)
	a := got.Data.Articles[0]
	require.Equal(t, ID("68"), a.ID)
	require.Equal(t, ArticleStateDraft, a.State)
	require.Equal(t, ID(""), a.ParentID, "null parent_id")
	require.Equal(t, "", a.URL, "null url")
	require.Nil(t, a.Statistics)
	require.Empty(t, got.Data.Highlights)
	require.Equal(t, 10, got.Pages.PerPage)

	_, _, err := c.Articles.Search(context.Background(), &ArticleSearchOptions{HelpCenterID: "main"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), 1)
}

func TestArticlesSearchHighlights(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	body := `{"type":"list","total_count":1,"data":{"articles":[{"id":"9","type":"article","title":"my query"}],
		"highlights":[{"article_id":"9","highlighted_title":[{"type":"highlight","text":"my query"}],
		"highlighted_summary":[[{"type":"plain","text":"How to "},{"type":"highlight","text":"my query"}]]}]},
		"pages":{"type":"pages","page":1,"total_pages":1,"per_page":10}}`
	srv.RespondJSON("searchArticles", http.StatusOK, body)
	got, _, err := c.Articles.Search(context.Background(), &ArticleSearchOptions{Phrase: "my query", Highlight: true})
	require.NoError(t, err)
	require.Len(t, got.Data.Highlights, 1)
	h := got.Data.Highlights[0]
	require.Equal(t, ID("9"), h.ArticleID)
	require.Equal(t, []ArticleHighlightText{{Type: "highlight", Text: "my query"}}, h.HighlightedTitle)
	require.Equal(t, [][]ArticleHighlightText{{{Type: "plain", Text: "How to "}, {Type: "highlight", Text: "my query"}}}, h.HighlightedSummary)
	assertLossless(t, "searchArticles", []byte(body), got)
}

func TestArticleTranslatedContentRoundTrip(t *testing.T) {
	t.Parallel()
	in := `{"id":"1","type":"article","default_locale":"en","translated_content":{"type":"article_translated_content",
		"en":{"type":"article_content","title":"Hi","author_id":42,"state":"published","created_at":1663597223,"url":"http://x/en"},
		"pt-BR":{"type":"article_content","title":"Oi","state":"draft"},"de":null},"statistics":null}`
	var a Article
	require.NoError(t, json.Unmarshal([]byte(in), &a))
	require.Equal(t, "article_translated_content", a.TranslatedContent.Type)
	require.Len(t, a.TranslatedContent.Locales, 2)
	require.Equal(t, ArticleContent{Type: "article_content", Title: "Hi", AuthorID: "42", State: ArticleStatePublished, CreatedAt: 1663597223, URL: "http://x/en"}, a.TranslatedContent.Locales["en"])
	require.Equal(t, "Oi", a.TranslatedContent.Locales["pt-BR"].Title)
	require.Nil(t, a.Statistics)
	out, err := json.Marshal(a)
	require.NoError(t, err)
	require.Equal(t, `{"type":"article","id":"1","default_locale":"en","translated_content":{"type":"article_translated_content",`+
		`"en":{"type":"article_content","title":"Hi","state":"published","created_at":1663597223,"url":"http://x/en","author_id":42},`+
		`"pt-BR":{"type":"article_content","title":"Oi","state":"draft"}}}`, string(out))

	// null decodes to the zero value, which is then left out.
	var b ArticleListItem
	require.NoError(t, json.Unmarshal([]byte(`{"id":"2","translated_content":null}`), &b))
	require.True(t, b.TranslatedContent.IsZero())
	out, err = json.Marshal(b)
	require.NoError(t, err)
	require.Equal(t, `{"id":"2"}`, string(out))
	require.Error(t, json.Unmarshal([]byte(`{"translated_content":{"en":"x"}}`), &b))
}

func TestArticlesSearchAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	pages := []string{
		`[{"id":"1","type":"article","title":"a"},{"id":"2","type":"article","title":"b"}]`,
		`[{"id":"3","type":"article","title":"c"}]`,
	}
	// As Intercom does: page 1 links to page 2; the link's host is never followed.
	srv.RespondFunc("searchArticles", func(w http.ResponseWriter, r *http.Request) {
		page := atoiOr(r.URL.Query().Get("page"), 1)
		next := `"https://elsewhere.example/articles/search?phrase=getting+started&per_page=2&page=2"`
		if page == 2 {
			next = "null"
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"type":"list","total_count":3,"data":{"articles":%s,"highlights":[]},"pages":{"type":"pages","page":%d,"per_page":2,"total_pages":2,"next":%s}}`, pages[page-1], page, next)
	})
	opt := &ArticleSearchOptions{Phrase: "getting started", State: ArticleStatePublished}
	var ids []ID
	for a, err := range c.Articles.SearchAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "phrase=getting+started&state=published", "only the declared parameters on the first page")
	testQuery(t, reqs[1], "page=2&per_page=2&phrase=getting+started&state=published", "what Intercom's next link hands back")
	require.Equal(t, &ArticleSearchOptions{Phrase: "getting started", State: ArticleStatePublished}, opt, "the caller's options must not change")

	for range c.Articles.SearchAll(context.Background(), opt) {
		break
	}
	require.Len(t, srv.Requests(), 3, "breaking after the first item fetches no second page")
}

// TestArticlesSearchAllIgnoredPage: Intercom's article search answers page 1
// to the page 2 its own next link asks for (intercom-node #496). The repeat
// never reaches the caller: the walk ends with ErrCursorStalled instead.
func TestArticlesSearchAllIgnoredPage(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondJSON("searchArticles", 200, `{"type":"list","total_count":4,"data":{"articles":[{"id":"1","type":"article"},{"id":"2","type":"article"}],"highlights":[]},`+
		`"pages":{"type":"pages","page":1,"per_page":2,"total_pages":2,"next":"https://api.intercom.io/articles/search?phrase=x&per_page=2&page=2"}}`)
	var ids []ID
	var last error
	for a, err := range c.Articles.SearchAll(context.Background(), &ArticleSearchOptions{Phrase: "x"}) {
		if err != nil {
			last = err
			continue
		}
		ids = append(ids, a.ID)
	}
	require.ErrorIs(t, last, ErrCursorStalled)
	require.Equal(t, []ID{"1", "2"}, ids, "the repeated page is not yielded")
	require.Len(t, srv.Requests(), 2)
}
