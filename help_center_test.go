package intercom

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHelpCenterListCollections(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listAllCollections", "HelpCenter.ListCollections", func() (*CollectionList, *Response, error) {
		return c.HelpCenter.ListCollections(context.Background(), &HelpCenterListCollectionsOptions{Page: 3})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/help_center/collections")
	testQuery(t, rec, "page=3")
	require.Equal(t, 2, got.TotalCount)
	require.Len(t, got.Data, 2)
	require.Equal(t, ID("233"), got.Data[0].ID)
	require.Equal(t, ID("125"), got.Data[0].HelpCenterID)
	require.Equal(t, ID(""), got.Data[0].ParentID)
	require.Equal(t, 17, got.Data[0].Order)
	require.Equal(t, ID("233"), got.Data[1].ParentID)
	require.Equal(t, ID(""), got.Data[1].HelpCenterID)
	require.Equal(t, "", got.Data[1].Description)
	require.Equal(t, "bookmark", got.Data[1].Icon)
}

func TestHelpCenterListCollectionsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listAllCollections", articlesPageHandler(t, []string{
		`[{"id":"10","name":"a"},{"id":"11","name":"b"}]`,
		`[{"id":"12","name":"c"}]`,
	}))
	var names []string
	for col, err := range c.HelpCenter.ListCollectionsAll(context.Background(), nil) {
		require.NoError(t, err)
		names = append(names, col.Name)
	}
	require.Equal(t, []string{"a", "b", "c"}, names)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "")
	testQuery(t, reqs[1], "page=2")

	for range c.HelpCenter.ListCollectionsAll(context.Background(), &HelpCenterListCollectionsOptions{PerPage: 2}) {
		break
	}
	reqs = srv.Requests()
	require.Len(t, reqs, 3)
	testQuery(t, reqs[2], "per_page=2")

	// An error ends the walk with that error.
	srv.Respond("listAllCollections", http.StatusUnauthorized, "")
	n := 0
	for _, err := range c.HelpCenter.ListCollectionsAll(context.Background(), nil) {
		require.ErrorIs(t, err, ErrUnauthorized)
		n++
	}
	require.Equal(t, 1, n)
}

func TestHelpCenterCreateCollection(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "createCollection", "HelpCenter.CreateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.CreateCollection(ctx, HelpCenterCreateCollectionRequest{Name: "Thanks for everything"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/help_center/collections")
	testJSONBody(t, rec, `{"name":"Thanks for everything"}`)
	require.Equal(t, ID("239"), got.ID)
	require.Equal(t, ID("127"), got.HelpCenterID)
	require.Equal(t, "book-bookmark", got.Icon)

	_, rec = exercise(t, srv, "createCollection", "HelpCenter.CreateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.CreateCollection(ctx, HelpCenterCreateCollectionRequest{
			Name: "Section", Description: "d", ParentID: Some("233"), HelpCenterID: "125",
			TranslatedContent: Some(GroupTranslatedContent{Locales: map[string]GroupContent{"fr": {Name: "Rubrique"}}}),
		})
	})
	testJSONBody(t, rec, `{"name":"Section","description":"d","translated_content":{"fr":{"name":"Rubrique"}},"parent_id":"233","help_center_id":125}`)

	_, rec = exercise(t, srv, "createCollection", "HelpCenter.CreateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.CreateCollection(ctx, HelpCenterCreateCollectionRequest{Name: "Top", ParentID: Null[string]()})
	})
	testJSONBody(t, rec, `{"name":"Top","parent_id":null}`)

	for _, req := range []HelpCenterCreateCollectionRequest{{}, {Description: "no name"}, {Name: "x", HelpCenterID: "hc"}} {
		_, _, err := c.HelpCenter.CreateCollection(ctx, req)
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), 3)
}

func TestHelpCenterGetCollection(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveCollection", "HelpCenter.GetCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.GetCollection(context.Background(), "244")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/help_center/collections/244")
	require.Equal(t, ID("244"), got.ID)
	require.Equal(t, "English collection title", got.Name)
	require.Equal(t, Timestamp(1717021731), got.CreatedAt)

	srv.Respond("retrieveCollection", http.StatusNotFound, "")
	_, _, err := c.HelpCenter.GetCollection(context.Background(), "1")
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr))
	require.Equal(t, "275aad22-b9bc-430e-8341-9209539a386d", apiErr.RequestID)
	require.True(t, apiErr.HasCode("not_found"))

	n := len(srv.Requests())
	_, _, err = c.HelpCenter.GetCollection(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.HelpCenter.UpdateCollection(context.Background(), "", HelpCenterUpdateCollectionRequest{Name: "x"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.HelpCenter.DeleteCollection(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.HelpCenter.GetHelpCenter(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestHelpCenterUpdateCollection(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateCollection", "HelpCenter.UpdateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.UpdateCollection(ctx, "250", HelpCenterUpdateCollectionRequest{Name: "Update collection name"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/help_center/collections/250")
	testJSONBody(t, rec, `{"name":"Update collection name"}`)
	require.Equal(t, "Update collection name", got.Name)
	require.Equal(t, "folder", got.Icon)

	// parent_id and translated_content: null clears them.
	_, rec = exercise(t, srv, "updateCollection", "HelpCenter.UpdateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.UpdateCollection(ctx, "250", HelpCenterUpdateCollectionRequest{ParentID: Null[string](), TranslatedContent: Null[GroupTranslatedContent]()})
	})
	testJSONBody(t, rec, `{"translated_content":null,"parent_id":null}`)

	_, rec = exercise(t, srv, "updateCollection", "HelpCenter.UpdateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.UpdateCollection(ctx, "250", HelpCenterUpdateCollectionRequest{ParentID: Some("6871118"),
			TranslatedContent: Some(GroupTranslatedContent{Locales: map[string]GroupContent{"en": {Name: "n", Description: "d"}}})})
	})
	testJSONBody(t, rec, `{"translated_content":{"en":{"name":"n","description":"d"}},"parent_id":"6871118"}`)
}

func TestHelpCenterDeleteCollection(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "deleteCollection", "HelpCenter.DeleteCollection", func() (*CollectionDeleted, *Response, error) {
		return c.HelpCenter.DeleteCollection(context.Background(), "256")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/help_center/collections/256")
	testNoBody(t, rec)
	require.Equal(t, &CollectionDeleted{ID: "256", Object: "collection", Deleted: true}, got)
}

func TestHelpCenterGetHelpCenter(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveHelpCenter", "HelpCenter.GetHelpCenter", func() (*HelpCenter, *Response, error) {
		return c.HelpCenter.GetHelpCenter(context.Background(), "139")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/help_center/help_centers/139")
	testQuery(t, rec, "")
	require.Equal(t, ID("139"), got.ID)
	require.Equal(t, "help-center-1", got.Identifier)
	require.False(t, got.WebsiteTurnedOn)
	require.Equal(t, "help.mycompany.com", got.CustomDomain)
	require.Equal(t, "Intercom Help Center", got.DisplayName)
}

func TestHelpCenterListHelpCenters(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listHelpCenters", "HelpCenter.ListHelpCenters", func() (*HelpCenterList, *Response, error) {
		return c.HelpCenter.ListHelpCenters(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/help_center/help_centers")
	testQuery(t, rec, "")
	require.Equal(t, "list", got.Type)
	require.Empty(t, got.Data)

	body := `{"type":"list","data":[{"id":"1","workspace_id":"w","identifier":"hc","website_turned_on":true,"display_name":"Docs","url":"https://docs.example.com","custom_domain":null,"created_at":1,"updated_at":2}]}`
	srv.RespondJSON("listHelpCenters", http.StatusOK, body)
	got, _, err := c.HelpCenter.ListHelpCenters(context.Background())
	require.NoError(t, err)
	require.Len(t, got.Data, 1)
	require.True(t, got.Data[0].WebsiteTurnedOn)
	require.Equal(t, "", got.Data[0].CustomDomain)
	assertLossless(t, "listHelpCenters", []byte(body), got)
}

func TestGroupTranslatedContent(t *testing.T) {
	t.Parallel()
	in := `{"id":"5","translated_content":{"type":"group_translated_content","en":{"type":"group_content","name":"Billing","description":"All about bills"},"fr":{"type":"group_content","name":"Facturation"},"zh-TW":null},"default_locale":"en"}`
	var col Collection
	require.NoError(t, json.Unmarshal([]byte(in), &col))
	require.Equal(t, "group_translated_content", col.TranslatedContent.Type)
	require.Equal(t, map[string]GroupContent{
		"en": {Type: "group_content", Name: "Billing", Description: "All about bills"},
		"fr": {Type: "group_content", Name: "Facturation"},
	}, col.TranslatedContent.Locales)
	out, err := json.Marshal(col)
	require.NoError(t, err)
	require.Equal(t, `{"id":"5","default_locale":"en","translated_content":{"type":"group_translated_content",`+
		`"en":{"type":"group_content","name":"Billing","description":"All about bills"},"fr":{"type":"group_content","name":"Facturation"}}}`, string(out))
}
