package intercom

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestContentSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "searchContent", "Content.Search", func() (*ContentSearchResponse, *Response, error) {
		return c.Content.Search(ctx, &ContentSearchOptions{Query: "billing"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/content/search")
	testQuery(t, rec, "query=billing")
	testNoBody(t, rec)
	require.Equal(t, 5, got.TotalCount)
	require.Len(t, got.Data, 5)
	require.Equal(t, ContentItemContentSnippet, got.Data[0].Type)
	a := got.Data[4]
	require.Equal(t, ContentItemArticle, a.Type)
	require.Equal(t, []ContentSearchArticleContent{
		{Type: ContentItemArticleContent, ID: "678", Title: "Billing FAQ", Locale: "en"},
		{Type: ContentItemArticleContent, ID: "910", Title: "Facturation FAQ", Locale: "fr"},
	}, a.Contents)
	require.Equal(t, 1, got.Pages.TotalPages)

	// Every filter, lists comma-separated.
	_, rec = exercise(t, srv, "searchContent", "Content.Search", func() (*ContentSearchResponse, *Response, error) {
		return c.Content.Search(ctx, &ContentSearchOptions{Query: "a b", Page: 2, PerPage: 10,
			States: []ContentState{ContentStatePublished, ContentStateDraft}, Locales: []string{"en", "fr"},
			TagIDs: []string{"1", "2"}, TagOperator: ContentTagNotIn, AnyTagIDs: []string{"3"},
			FolderIDs: []string{"10", "20"}, FolderEntityType: "folder",
			ContentTypes: []ContentSearchType{ContentSearchArticle, ContentSearchSnippet},
			CopilotState: ContentOn, FinServiceState: ContentOff, FinSalesState: ContentOn,
			CreatedByIDs: []string{"991267464"}, LastUpdatedByIDs: []string{"991267465"},
			CreatedAtAfter: 1677253093, CreatedAtBefore: 1677861493, UpdatedAtAfter: 1677253094, UpdatedAtBefore: 1677861494})
	})
	testQuery(t, rec, "any_tag_ids=3&content_types=article%2Csnippet&copilot_state=on&created_at_after=1677253093&created_at_before=1677861493"+
		"&created_by_ids=991267464&fin_sales_state=on&fin_service_state=off&folder_entity_type=folder&folder_ids=10%2C20"+
		"&last_updated_by_ids=991267465&locales=en%2Cfr&page=2&per_page=10&query=a+b&states=published%2Cdraft&tag_ids=1%2C2&tag_operator=NIN"+
		"&updated_at_after=1677253094&updated_at_before=1677861494")

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.Content.Search(ctx, &ContentSearchOptions{FolderIDs: []string{"1"}})
	testInvalidNoIO(t, srv, err, "folder_entity_type")
	_, _, err = c.Content.Search(ctx, &ContentSearchOptions{TagIDs: []string{"1", "vip"}})
	testInvalidNoIO(t, srv, err, "tag_ids[1]")
	for _, err := range c.Content.SearchAll(ctx, &ContentSearchOptions{CreatedByIDs: []string{"me"}}) {
		testInvalidNoIO(t, srv, err, "created_by_ids[0]")
	}
}

func TestContentSearchAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	srv.RespondFunc("searchContent", func(w http.ResponseWriter, r *http.Request) {
		data, next, prev := `[{"type":"content_snippet","id":"1"},{"type":"internal_article","id":"2"}]`,
			`"https://api.intercom.io/content/search?query=billing&page=2&per_page=2"`, `null`
		page := 1
		if r.URL.Query().Get("page") == "2" {
			data, next, prev, page = `[{"type":"article","id":"3","contents":[]}]`, `null`, `"https://api.intercom.io/content/search?query=billing&page=1"`, 2
		}
		writeJSON(w, http.StatusOK, fmt.Sprintf(`{"type":"list","total_count":3,"pages":{"type":"pages","page":%d,"per_page":2,"total_pages":2,"next":%s,"prev":%s},"data":%s}`,
			page, next, prev, data))
	})
	opt := &ContentSearchOptions{Query: "billing", PerPage: 2, States: []ContentState{ContentStatePublished}}
	var ids []ID
	for r, err := range c.Content.SearchAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2&query=billing&states=published")
	testQuery(t, reqs[1], "page=2&per_page=2&query=billing&states=published")
}

func TestContentBulkAction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	ids := []ContentRef{{Type: ContentItemArticleContent, ID: "12345678"}}
	for _, tc := range []struct {
		req  ContentBulkActionRequest
		body string
	}{
		{ContentBulkActionRequest{Action: ContentBulkPublish, ContentIDs: []ContentRef{{Type: ContentItemArticleContent, ID: "12345678"}, {Type: ContentItemArticleContent, ID: "12345679"}}},
			`{"action":"publish","content_ids":[{"type":"article_content","id":"12345678"},{"type":"article_content","id":"12345679"}]}`},
		{ContentBulkActionRequest{Action: ContentBulkDelete, ContentIDs: []ContentRef{{Type: ContentItemInternalArticle, ID: "1"}, {Type: ContentItemContentSnippet, ID: "2"}}},
			`{"action":"delete","content_ids":[{"type":"internal_article","id":"1"},{"type":"content_snippet","id":"2"}]}`},
		{ContentBulkActionRequest{Action: ContentBulkSetAvailability, ContentIDs: ids, Availability: ContentBulkAvailability{AIAgent: Some(true), Copilot: Some(false)}},
			`{"action":"set_availability","content_ids":[{"type":"article_content","id":"12345678"}],"availability":{"ai_agent":true,"copilot":false}}`},
		{ContentBulkActionRequest{Action: ContentBulkSetAudience, ContentIDs: ids, Audience: ContentBulkAudience{AddSegmentIDs: []string{"100"}, RemoveSegmentIDs: []string{"200"}, RemoveAll: Some(false)}},
			`{"action":"set_audience","content_ids":[{"type":"article_content","id":"12345678"}],"audience":{"remove_all":false,"add_segment_ids":[100],"remove_segment_ids":[200]}}`},
		{ContentBulkActionRequest{Action: ContentBulkUpdateTags, ContentIDs: []ContentRef{{Type: ContentItemArticle, ID: "12345678"}}, Tags: ContentBulkTags{AddTagIDs: []string{"100"}, RemoveTagIDs: []string{"200"}}},
			`{"action":"update_tags","content_ids":[{"type":"article","id":"12345678"}],"tags":{"add_tag_ids":[100],"remove_tag_ids":[200]}}`},
	} {
		got, rec := exercise(t, srv, "bulkContentActions", "Content.BulkAction", func() (*ContentBulkActionResult, *Response, error) {
			return c.Content.BulkAction(ctx, tc.req)
		})
		testMethod(t, rec, http.MethodPost)
		testPath(t, rec, "/content/bulk_actions")
		testJSONBody(t, rec, tc.body)
		require.Equal(t, "queued", got.Status)
	}

	c, srv = newSpecClientAt(t, "2.16")
	many := make([]ContentRef, contentBulkMaxItems+1)
	for i := range many {
		many[i] = ContentRef{Type: ContentItemContentSnippet, ID: fmt.Sprint(i + 1)}
	}
	for field, r := range map[string]ContentBulkActionRequest{
		"action":                      {ContentIDs: ids},
		"content_ids":                 {Action: ContentBulkPublish},
		"content_ids[0].type":         {Action: ContentBulkPublish, ContentIDs: []ContentRef{{ID: "1"}}},
		"content_ids[1].id":           {Action: ContentBulkPublish, ContentIDs: []ContentRef{{Type: ContentItemArticle, ID: "1"}, {Type: ContentItemArticle}}},
		"availability":                {Action: ContentBulkSetAvailability, ContentIDs: ids},
		"audience":                    {Action: ContentBulkSetAudience, ContentIDs: ids},
		"tags":                        {Action: ContentBulkUpdateTags, ContentIDs: ids},
		"tags.remove_tag_ids[0]":      {Action: ContentBulkUpdateTags, ContentIDs: ids, Tags: ContentBulkTags{RemoveTagIDs: []string{"x"}}},
		"audience.add_segment_ids[0]": {Action: ContentBulkSetAudience, ContentIDs: ids, Audience: ContentBulkAudience{AddSegmentIDs: []string{"seg"}}},
	} {
		_, _, err := c.Content.BulkAction(ctx, r)
		testInvalidNoIO(t, srv, err, field)
	}
	_, _, err := c.Content.BulkAction(ctx, ContentBulkActionRequest{Action: ContentBulkDelete, ContentIDs: many})
	testInvalidNoIO(t, srv, err, "content_ids")
	require.True(t, strings.Contains(err.Error(), "1001"), err.Error())
}

func TestContentNotInAPI210(t *testing.T) {
	t.Parallel()
	c, srv := newVersionClient(t, "2.10")
	_, _, err := c.Content.Search(context.Background(), nil)
	requireVersionErr(t, err, "2.10", "GET", "/content/search", "searchContent", "", "2.16")
	require.Empty(t, srv.Requests())
}
