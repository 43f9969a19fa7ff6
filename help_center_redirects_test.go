package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHelpCenterListRedirects(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "listHelpCenterRedirects", "HelpCenter.ListRedirects", func() (*HelpCenterRedirectList, *Response, error) {
		return c.HelpCenter.ListRedirects(context.Background(), "7", &HelpCenterListRedirectsOptions{Page: 1, PerPage: 50})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/help_center/help_centers/7/redirects")
	testQuery(t, rec, "page=1&per_page=50")
	testNoBody(t, rec)
	require.Len(t, got.Data, 1)
	r := got.Data[0]
	require.Equal(t, ID("26"), r.ID)
	require.Equal(t, ID("7"), r.HelpCenterID)
	require.Equal(t, HelpCenterRedirectToArticle, r.TargetType)
	require.Equal(t, ID("11"), r.TargetID)
	require.Equal(t, Timestamp(1781619405), r.CreatedAt)
}

func TestHelpCenterListRedirectsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	srv.RespondFunc("listHelpCenterRedirects", knowledgePageHandler(t, []string{
		`[{"id":"1","type":"help_center_redirect"},{"id":"2","type":"help_center_redirect"}]`,
		`[{"id":"3","type":"help_center_redirect"}]`,
	}, numberPages))
	var ids []ID
	for r, err := range c.HelpCenter.ListRedirectsAll(context.Background(), "7", &HelpCenterListRedirectsOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/help_center/help_centers/7/redirects")
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
}

func TestHelpCenterCreateRedirect(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	req := HelpCenterCreateRedirectRequest{FromURL: "http://help-center.test/lovelyhelpcenter/old-page", Locale: "en",
		TargetType: HelpCenterRedirectToArticle, TargetID: "11"}
	got, rec := exercise(t, srv, "createHelpCenterRedirect", "HelpCenter.CreateRedirect", func() (*HelpCenterRedirect, *Response, error) {
		return c.HelpCenter.CreateRedirect(ctx, "7", req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/help_center/help_centers/7/redirects")
	testJSONBody(t, rec, `{"from_url":"http://help-center.test/lovelyhelpcenter/old-page","locale":"en","target_type":"article","target_id":"11"}`)
	require.Equal(t, ID("26"), got.ID)

	c, srv = newSpecClientAt(t, "2.16")
	for field, r := range map[string]HelpCenterCreateRedirectRequest{
		"from_url":    {Locale: "en", TargetType: HelpCenterRedirectToCollection, TargetID: "1"},
		"locale":      {FromURL: "u", TargetType: HelpCenterRedirectToCollection, TargetID: "1"},
		"target_type": {FromURL: "u", Locale: "en", TargetID: "1"},
		"target_id":   {FromURL: "u", Locale: "en", TargetType: HelpCenterRedirectToCollection},
	} {
		_, _, err := c.HelpCenter.CreateRedirect(ctx, "7", r)
		testInvalidNoIO(t, srv, err, field)
	}
}

func TestHelpCenterGetRedirect(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "retrieveHelpCenterRedirect", "HelpCenter.GetRedirect", func() (*HelpCenterRedirect, *Response, error) {
		return c.HelpCenter.GetRedirect(context.Background(), "7", "26")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/help_center/help_centers/7/redirects/26")
	testNoBody(t, rec)
	require.Equal(t, "http://help-center.test/lovelyhelpcenter/old-page", got.FromURL)
}

func TestHelpCenterDeleteRedirect(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "deleteHelpCenterRedirect", "HelpCenter.DeleteRedirect", func() (*HelpCenterRedirectDeleted, *Response, error) {
		return c.HelpCenter.DeleteRedirect(context.Background(), "7", "26")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/help_center/help_centers/7/redirects/26")
	testNoBody(t, rec)
	require.True(t, got.Deleted)
	require.Equal(t, "help_center_redirect", got.Object)
}

func TestHelpCenterRedirectsNotInAPI210(t *testing.T) {
	t.Parallel()
	c, srv := newVersionClient(t, "2.10")
	_, _, err := c.HelpCenter.DeleteRedirect(context.Background(), "7", "26")
	requireVersionErr(t, err, "2.10", "DELETE", "/help_center/help_centers/{help_center_id}/redirects/{id}", "deleteHelpCenterRedirect", "", "2.16")
	require.Empty(t, srv.Requests())
}
