package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAIContentListContentImportSources(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "listContentImportSources", "AIContent.ListContentImportSources", func() (*ContentImportSourceList, *Response, error) {
		return c.AIContent.ListContentImportSources(context.Background(), nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ai/content_import_sources")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Len(t, got.Data, 3)
	require.Equal(t, ID("1"), got.Data[0].ID)
	require.Equal(t, ContentImportSyncAutomatic, got.Data[0].SyncBehavior)
	require.Equal(t, ContentImportSourceActive, got.Data[0].Status)
	require.Equal(t, Timestamp(1736201403), got.Data[0].LastSyncedAt)
	require.Equal(t, 3, got.TotalCount)
	require.Equal(t, 1, got.Pages.TotalPages)

	_, rec = exercise(t, srv, "listContentImportSources", "AIContent.ListContentImportSources", func() (*ContentImportSourceList, *Response, error) {
		return c.AIContent.ListContentImportSources(context.Background(), &AIContentListContentImportSourcesOptions{Page: 2, PerPage: 10})
	})
	testQuery(t, rec, "page=2&per_page=10")
}

func TestAIContentListContentImportSourcesAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	srv.RespondFunc("listContentImportSources", knowledgePageHandler(t, []string{
		`[{"id":1,"type":"content_import_source"},{"id":2,"type":"content_import_source"}]`,
		`[{"id":3,"type":"content_import_source"}]`,
	}, linkPages("/ai/content_import_sources")))
	opt := &AIContentListContentImportSourcesOptions{PerPage: 2}
	var ids []ID
	for s, err := range c.AIContent.ListContentImportSourcesAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, s.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, &AIContentListContentImportSourcesOptions{PerPage: 2}, opt, "the caller's options must not change")
}

func TestAIContentCreateContentImportSource(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "createContentImportSource", "AIContent.CreateContentImportSource", func() (*ContentImportSource, *Response, error) {
		return c.AIContent.CreateContentImportSource(ctx, AIContentCreateContentImportSourceRequest{SyncBehavior: ContentImportSyncAPI, URL: "https://www.example.com"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/ai/content_import_sources")
	testJSONBody(t, rec, `{"sync_behavior":"api","url":"https://www.example.com"}`)
	require.Equal(t, ID("4"), got.ID)
	require.Equal(t, ContentImportSyncAPI, got.SyncBehavior)
}

func TestAIContentContentImportSourceValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	_, _, err := c.AIContent.CreateContentImportSource(ctx, AIContentCreateContentImportSourceRequest{URL: "u"})
	testInvalidNoIO(t, srv, err, "sync_behavior")
	_, _, err = c.AIContent.CreateContentImportSource(ctx, AIContentCreateContentImportSourceRequest{SyncBehavior: ContentImportSyncAPI})
	testInvalidNoIO(t, srv, err, "url")
	_, _, err = c.AIContent.CreateContentImportSource(ctx, AIContentCreateContentImportSourceRequest{SyncBehavior: ContentImportSyncAPI, URL: "u", AudienceIDs: Some([]string{"x"})})
	testInvalidNoIO(t, srv, err, "audience_ids[0]")
	_, _, err = c.AIContent.UpdateContentImportSource(ctx, "1", AIContentUpdateContentImportSourceRequest{URL: "u"})
	testInvalidNoIO(t, srv, err, "sync_behavior")
	_, _, err = c.AIContent.UpdateContentImportSource(ctx, "1", AIContentUpdateContentImportSourceRequest{SyncBehavior: ContentImportSyncAPI})
	testInvalidNoIO(t, srv, err, "url")
}

// The audience fields are 2.16's: sent on 2.16, refused before any I/O on
// the versions before.
func TestAIContentAudienceFieldsSince216(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	_, rec := exercise(t, srv, "createContentImportSource", "AIContent.CreateContentImportSource", func() (*ContentImportSource, *Response, error) {
		return c.AIContent.CreateContentImportSource(ctx, AIContentCreateContentImportSourceRequest{
			SyncBehavior: ContentImportSyncAPI, Status: ContentImportSourceActive, URL: "https://www.example.com", AudienceIDs: Some([]string{"5678"})})
	})
	testJSONBody(t, rec, `{"sync_behavior":"api","status":"active","url":"https://www.example.com","audience_ids":[5678]}`)
	_, rec = exercise(t, srv, "updateContentImportSource", "AIContent.UpdateContentImportSource", func() (*ContentImportSource, *Response, error) {
		return c.AIContent.UpdateContentImportSource(ctx, "39", AIContentUpdateContentImportSourceRequest{
			SyncBehavior: ContentImportSyncAPI, URL: "https://www.example.com", AudienceIDs: Null[[]string](), ApplyAudienceToExistingContent: Some(false)})
	})
	testJSONBody(t, rec, `{"sync_behavior":"api","url":"https://www.example.com","apply_audience_to_existing_content":false,"audience_ids":null}`)
	testPath(t, rec, "/ai/content_import_sources/39")

	c12, srv12 := newVersionClient(t, "2.12")
	_, _, err := c12.AIContent.CreateContentImportSource(ctx, AIContentCreateContentImportSourceRequest{
		SyncBehavior: ContentImportSyncAPI, URL: "u", AudienceIDs: Some([]string{"1"})})
	requireVersionErr(t, err, "2.12", "POST", "/ai/content_import_sources", "createContentImportSource", "audience_ids", "2.16")
	_, _, err = c12.AIContent.UpdateContentImportSource(ctx, "1", AIContentUpdateContentImportSourceRequest{
		SyncBehavior: ContentImportSyncAPI, URL: "u", ApplyAudienceToExistingContent: Some(true)})
	requireVersionErr(t, err, "2.12", "PUT", "/ai/content_import_sources/{id}", "updateContentImportSource", "apply_audience_to_existing_content", "2.16")
	require.Empty(t, srv12.Requests())
}

func TestAIContentGetContentImportSource(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "getContentImportSource", "AIContent.GetContentImportSource", func() (*ContentImportSource, *Response, error) {
		return c.AIContent.GetContentImportSource(context.Background(), "6")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ai/content_import_sources/6")
	testNoBody(t, rec)
	require.Equal(t, ID("6"), got.ID)
	require.Equal(t, "https://support.example.com/us/5", got.URL)
}

func TestAIContentUpdateContentImportSource(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "updateContentImportSource", "AIContent.UpdateContentImportSource", func() (*ContentImportSource, *Response, error) {
		return c.AIContent.UpdateContentImportSource(context.Background(), "7", AIContentUpdateContentImportSourceRequest{
			SyncBehavior: ContentImportSyncAPI, Status: ContentImportSourceDeactivated, URL: "https://www.example.com"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/ai/content_import_sources/7")
	testJSONBody(t, rec, `{"sync_behavior":"api","status":"deactivated","url":"https://www.example.com"}`)
	require.Equal(t, ID("7"), got.ID)
}

func TestAIContentDeleteContentImportSource(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	_, rec := exercise(t, srv, "deleteContentImportSource", "AIContent.DeleteContentImportSource", func() (*struct{}, *Response, error) {
		return noResult(c.AIContent.DeleteContentImportSource(context.Background(), "6"))
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/ai/content_import_sources/6")
	testNoBody(t, rec)
}

func TestAIContentListExternalPages(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "listExternalPages", "AIContent.ListExternalPages", func() (*ExternalPageList, *Response, error) {
		return c.AIContent.ListExternalPages(context.Background(), nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ai/external_pages")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Len(t, got.Data, 3)
	p := got.Data[0]
	require.Equal(t, ID("3"), p.ID)
	require.Equal(t, ID("10"), p.SourceID)
	require.Equal(t, "3", p.ExternalID)
	require.Equal(t, ExternalPageLocaleEnglish, p.Locale)
	require.True(t, p.AIAgentAvailability)
}

func TestAIContentListExternalPagesAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	srv.RespondFunc("listExternalPages", knowledgePageHandler(t, []string{
		`[{"id":"1","type":"external_page"},{"id":"2","type":"external_page"}]`,
		`[{"id":"3","type":"external_page"}]`,
	}, linkPages("/ai/external_pages")))
	var ids []ID
	for p, err := range c.AIContent.ListExternalPagesAll(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, p.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "")
	testQuery(t, reqs[1], "page=2&per_page=2")
}

func TestAIContentCreateExternalPage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.12")
	req := AIContentCreateExternalPageRequest{Title: "Test", HTML: "<html><body><h1>Test</h1></body></html>",
		URL: "https://www.example.com", SourceID: "12", ExternalID: "abc1234"}
	got, rec := exercise(t, srv, "createExternalPage", "AIContent.CreateExternalPage", func() (*ExternalPage, *Response, error) {
		return c.AIContent.CreateExternalPage(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/ai/external_pages")
	testJSONBody(t, rec, `{"title":"Test","html":"<html><body><h1>Test</h1></body></html>","url":"https://www.example.com","locale":"en","external_id":"abc1234","source_id":12}`)
	require.Empty(t, req.Locale, "the caller's request must not change")
	require.Equal(t, ID("5"), got.ID)
	require.Equal(t, ID("12"), got.SourceID)

	_, rec = exercise(t, srv, "createExternalPage", "AIContent.CreateExternalPage", func() (*ExternalPage, *Response, error) {
		return c.AIContent.CreateExternalPage(ctx, AIContentCreateExternalPageRequest{Title: "T", HTML: "h", SourceID: "1", ExternalID: "e",
			AIAgentAvailability: Some(true), AICopilotAvailability: Some(false), Locale: ExternalPageLocaleEnglish})
	})
	testJSONBody(t, rec, `{"title":"T","html":"h","ai_agent_availability":true,"ai_copilot_availability":false,"locale":"en","external_id":"e","source_id":1}`)

	c, srv = newSpecClientAt(t, "2.12")
	for field, r := range map[string]AIContentCreateExternalPageRequest{
		"title":       {HTML: "h", SourceID: "1", ExternalID: "e"},
		"html":        {Title: "T", SourceID: "1", ExternalID: "e"},
		"source_id":   {Title: "T", HTML: "h", ExternalID: "e"},
		"external_id": {Title: "T", HTML: "h", SourceID: "1"},
	} {
		_, _, err := c.AIContent.CreateExternalPage(ctx, r)
		testInvalidNoIO(t, srv, err, field)
	}
	_, _, err := c.AIContent.CreateExternalPage(ctx, AIContentCreateExternalPageRequest{Title: "T", HTML: "h", SourceID: "x1", ExternalID: "e"})
	testInvalidNoIO(t, srv, err, "source_id")
}

func TestAIContentGetExternalPage(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "getExternalPage", "AIContent.GetExternalPage", func() (*ExternalPage, *Response, error) {
		return c.AIContent.GetExternalPage(context.Background(), "7")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ai/external_pages/7")
	testNoBody(t, rec)
	require.NotEmpty(t, got.ID)
	require.NotZero(t, got.LastIngestedAt)
}

func TestAIContentUpdateExternalPage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "updateExternalPage", "AIContent.UpdateExternalPage", func() (*ExternalPage, *Response, error) {
		return c.AIContent.UpdateExternalPage(ctx, "8", AIContentUpdateExternalPageRequest{Title: "Test", HTML: "<p>x</p>",
			URL: "https://www.example.com", FinAvailability: Some(false), SourceID: "47", ExternalID: "5678"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/ai/external_pages/8")
	testJSONBody(t, rec, `{"title":"Test","html":"<p>x</p>","url":"https://www.example.com","fin_availability":false,"locale":"en","external_id":"5678","source_id":47}`)
	require.NotEmpty(t, got.ID)

	c, srv = newSpecClientAt(t, "2.12")
	for field, r := range map[string]AIContentUpdateExternalPageRequest{
		"title":     {HTML: "h", URL: "u", SourceID: "1"},
		"html":      {Title: "T", URL: "u", SourceID: "1"},
		"url":       {Title: "T", HTML: "h", SourceID: "1"},
		"source_id": {Title: "T", HTML: "h", URL: "u"},
	} {
		_, _, err := c.AIContent.UpdateExternalPage(ctx, "8", r)
		testInvalidNoIO(t, srv, err, field)
	}
}

func TestAIContentDeleteExternalPage(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv, "deleteExternalPage", "AIContent.DeleteExternalPage", func() (*ExternalPage, *Response, error) {
		return c.AIContent.DeleteExternalPage(context.Background(), "6")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/ai/external_pages/6")
	testNoBody(t, rec)
	require.Equal(t, ID("6"), got.ID)
	require.Empty(t, got.HTML)
}

// Every AI Content method is refused before any I/O by a 2.10 client.
func TestAIContentNotInAPI210(t *testing.T) {
	t.Parallel()
	c, srv := newVersionClient(t, "2.10")
	_, _, err := c.AIContent.ListExternalPages(context.Background(), nil)
	requireVersionErr(t, err, "2.10", "GET", "/ai/external_pages", "listExternalPages", "", "2.12", "2.13", "2.14", "2.15", "2.16")
	_, err = c.AIContent.DeleteContentImportSource(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "DELETE", "/ai/content_import_sources/{id}", "deleteContentImportSource", "", "2.12", "2.13", "2.14", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
