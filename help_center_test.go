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
		return c.HelpCenter.ListCollections(context.Background(), &ListCollectionsOptions{Page: 3})
	})
	require.Equal(t, http.MethodGet, rec.Method)
	require.Equal(t, "/help_center/collections", rec.Path)
	require.Equal(t, "page=3", rec.RawQuery)
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

func TestHelpCenterListAllCollections(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listAllCollections", articlesPageHandler(t, []string{
		`[{"id":"10","name":"a"},{"id":"11","name":"b"}]`,
		`[{"id":"12","name":"c"}]`,
	}))
	var names []string
	for col, err := range c.HelpCenter.ListAllCollections(context.Background(), nil) {
		require.NoError(t, err)
		names = append(names, col.Name)
	}
	require.Equal(t, []string{"a", "b", "c"}, names)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	require.Equal(t, "", reqs[0].RawQuery)
	require.Equal(t, "page=2", reqs[1].RawQuery)

	for range c.HelpCenter.ListAllCollections(context.Background(), &ListCollectionsOptions{PerPage: 2}) {
		break
	}
	reqs = srv.Requests()
	require.Len(t, reqs, 3)
	require.Equal(t, "per_page=2", reqs[2].RawQuery)

	// An error ends the walk with that error.
	srv.Respond("listAllCollections", http.StatusUnauthorized, "")
	n := 0
	for _, err := range c.HelpCenter.ListAllCollections(context.Background(), nil) {
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
		return c.HelpCenter.CreateCollection(ctx, CreateCollectionRequest{Name: "Thanks for everything"})
	})
	require.Equal(t, http.MethodPost, rec.Method)
	require.Equal(t, "/help_center/collections", rec.Path)
	require.Equal(t, `{"name":"Thanks for everything"}`, string(rec.Body))
	require.Equal(t, ID("239"), got.ID)
	require.Equal(t, ID("127"), got.HelpCenterID)
	require.Equal(t, "book-bookmark", got.Icon)

	_, rec = exercise(t, srv, "createCollection", "HelpCenter.CreateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.CreateCollection(ctx, CreateCollectionRequest{
			Name: "Section", Description: "d", ParentID: Some("233"), HelpCenterID: "125",
			TranslatedContent: Some(GroupTranslatedContent{Locales: map[string]GroupContent{"fr": {Name: "Rubrique"}}}),
		})
	})
	require.Equal(t, `{"name":"Section","description":"d","translated_content":{"fr":{"name":"Rubrique"}},"parent_id":"233","help_center_id":125}`, string(rec.Body))

	_, rec = exercise(t, srv, "createCollection", "HelpCenter.CreateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.CreateCollection(ctx, CreateCollectionRequest{Name: "Top", ParentID: Null[string]()})
	})
	require.Equal(t, `{"name":"Top","parent_id":null}`, string(rec.Body))

	for _, req := range []CreateCollectionRequest{{}, {Description: "no name"}, {Name: "x", HelpCenterID: "hc"}} {
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
	require.Equal(t, http.MethodGet, rec.Method)
	require.Equal(t, "/help_center/collections/244", rec.Path)
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
	_, _, err = c.HelpCenter.UpdateCollection(context.Background(), "", UpdateCollectionRequest{Name: "x"})
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
		return c.HelpCenter.UpdateCollection(ctx, "250", UpdateCollectionRequest{Name: "Update collection name"})
	})
	require.Equal(t, http.MethodPut, rec.Method)
	require.Equal(t, "/help_center/collections/250", rec.Path)
	require.Equal(t, `{"name":"Update collection name"}`, string(rec.Body))
	require.Equal(t, "Update collection name", got.Name)
	require.Equal(t, "folder", got.Icon)

	// parent_id and translated_content: null clears them.
	_, rec = exercise(t, srv, "updateCollection", "HelpCenter.UpdateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.UpdateCollection(ctx, "250", UpdateCollectionRequest{ParentID: Null[string](), TranslatedContent: Null[GroupTranslatedContent]()})
	})
	require.Equal(t, `{"translated_content":null,"parent_id":null}`, string(rec.Body))

	_, rec = exercise(t, srv, "updateCollection", "HelpCenter.UpdateCollection", func() (*Collection, *Response, error) {
		return c.HelpCenter.UpdateCollection(ctx, "250", UpdateCollectionRequest{ParentID: Some("6871118"),
			TranslatedContent: Some(GroupTranslatedContent{Locales: map[string]GroupContent{"en": {Name: "n", Description: "d"}}})})
	})
	require.Equal(t, `{"translated_content":{"en":{"name":"n","description":"d"}},"parent_id":"6871118"}`, string(rec.Body))
}

func TestHelpCenterDeleteCollection(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "deleteCollection", "HelpCenter.DeleteCollection", func() (*CollectionDeleted, *Response, error) {
		return c.HelpCenter.DeleteCollection(context.Background(), "256")
	})
	require.Equal(t, http.MethodDelete, rec.Method)
	require.Equal(t, "/help_center/collections/256", rec.Path)
	require.Empty(t, rec.Body)
	require.Equal(t, &CollectionDeleted{ID: "256", Object: "collection", Deleted: true}, got)
}

func TestHelpCenterGetHelpCenter(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveHelpCenter", "HelpCenter.GetHelpCenter", func() (*HelpCenter, *Response, error) {
		return c.HelpCenter.GetHelpCenter(context.Background(), "139")
	})
	require.Equal(t, http.MethodGet, rec.Method)
	require.Equal(t, "/help_center/help_centers/139", rec.Path)
	require.Equal(t, "", rec.RawQuery)
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
	require.Equal(t, http.MethodGet, rec.Method)
	require.Equal(t, "/help_center/help_centers", rec.Path)
	require.Equal(t, "", rec.RawQuery)
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
