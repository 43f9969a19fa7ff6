package intercom

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNewsListItems(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listNewsItems", "News.ListItems", func() (*NewsItemList, *Response, error) {
		return c.News.ListItems(context.Background(), &NewsListOptions{PerPage: 10})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/news/news_items")
	testQuery(t, rec, "per_page=10")
	require.Equal(t, 2, got.TotalCount)
	require.Len(t, got.Data, 2)
	it := got.Data[0]
	require.Equal(t, ID("43"), it.ID)
	require.Equal(t, "news-item", it.Type)
	require.Equal(t, ID("991268120"), it.SenderID)
	require.Equal(t, NewsItemStateDraft, it.State)
	require.Equal(t, []string{"", "", "", ""}, it.Reactions, "null reaction slots decode as empty strings")
	require.Equal(t, "", it.CoverImageURL)
	require.Equal(t, ID("44"), got.Data[1].ID)
}

func TestNewsListItemsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listNewsItems", articlesPageHandler(t, []string{
		`[{"id":"1","type":"news-item"},{"id":"2","type":"news-item"}]`,
		`[{"id":"3","type":"news-item"}]`,
	}))
	items, err := Collect(c.News.ListItemsAll(context.Background(), nil))
	require.NoError(t, err)
	require.Len(t, items, 3)
	require.Equal(t, ID("3"), items[2].ID)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[1], "page=2")

	for range c.News.ListItemsAll(context.Background(), nil) {
		break
	}
	require.Len(t, srv.Requests(), 3)
}

func TestNewsCreateItem(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := NewsCreateItemRequest{
		Title:               "Halloween is here!",
		Body:                "<p>New costumes in store for this spooky season</p>",
		Labels:              []string{"Product", "Update", "New"},
		SenderID:            "991268129",
		DeliverSilently:     Some(true),
		Reactions:           []string{"😆", "😅"},
		State:               NewsItemStateLive,
		NewsfeedAssignments: []NewsfeedAssignment{{NewsfeedID: "78", PublishedAt: 1664638214}},
	}
	got, rec := exercise(t, srv, "createNewsItem", "News.CreateItem", func() (*NewsItem, *Response, error) {
		return c.News.CreateItem(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/news/news_items")
	require.JSONEq(t, `{"title":"Halloween is here!","body":"<p>New costumes in store for this spooky season</p>",
		"labels":["Product","Update","New"],"sender_id":991268129,"deliver_silently":true,"reactions":["😆","😅"],
		"state":"live","newsfeed_assignments":[{"newsfeed_id":78,"published_at":1664638214}]}`, string(rec.Body))
	require.Equal(t, ID("47"), got.ID)
	require.Equal(t, NewsItemStateLive, got.State)
	require.True(t, got.DeliverSilently)
	require.Equal(t, []NewsfeedAssignment{{NewsfeedID: "78", PublishedAt: 1664638214}}, got.NewsfeedAssignments)
	require.Equal(t, []string{"New", "Product", "Update"}, got.Labels)

	for _, bad := range []NewsCreateItemRequest{
		{SenderID: "1"},
		{Title: "t"},
		{Title: "t", SenderID: "me"},
		{Title: "t", SenderID: "1", NewsfeedAssignments: []NewsfeedAssignment{{NewsfeedID: "feed"}}},
	} {
		_, _, err := c.News.CreateItem(ctx, bad)
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), 1)
}

func TestNewsGetItem(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveNewsItem", "News.GetItem", func() (*NewsItem, *Response, error) {
		return c.News.GetItem(context.Background(), "48")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/news/news_items/48")
	require.Equal(t, ID("48"), got.ID)
	require.Equal(t, "We have news", got.Title)
	require.Equal(t, ID("80"), got.NewsfeedAssignments[0].NewsfeedID)
	require.Equal(t, Timestamp(1717021996), got.NewsfeedAssignments[0].PublishedAt)

	srv.Respond("retrieveNewsItem", http.StatusNotFound, "")
	_, _, err := c.News.GetItem(context.Background(), "48")
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr))
	require.Equal(t, "44c6e566-06f3-4ed9-8752-4db6362c202d", apiErr.RequestID)

	n := len(srv.Requests())
	for _, f := range []func() error{
		func() error { _, _, err := c.News.GetItem(context.Background(), ""); return err },
		func() error {
			_, _, err := c.News.UpdateItem(context.Background(), "", NewsUpdateItemRequest{Title: "t", SenderID: "1"})
			return err
		},
		func() error { _, _, err := c.News.DeleteItem(context.Background(), ""); return err },
		func() error { _, _, err := c.News.GetNewsfeed(context.Background(), ""); return err },
		func() error { _, _, err := c.News.ListLiveItems(context.Background(), "", nil); return err },
	} {
		require.ErrorIs(t, f(), ErrInvalidRequest)
	}
	for _, err := range c.News.ListLiveItemsAll(context.Background(), "", nil) {
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), n)
}

func TestNewsUpdateItem(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateNewsItem", "News.UpdateItem", func() (*NewsItem, *Response, error) {
		return c.News.UpdateItem(ctx, "51", NewsUpdateItemRequest{
			Title: "Christmas is here!", Body: "<p>New gifts in store for the jolly season</p>",
			SenderID: "991268140", Reactions: []string{"😝", "😂"},
		})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/news/news_items/51")
	require.JSONEq(t, `{"title":"Christmas is here!","body":"<p>New gifts in store for the jolly season</p>","sender_id":991268140,"reactions":["😝","😂"]}`, string(rec.Body))
	require.Equal(t, ID("51"), got.ID)
	require.Equal(t, []string{"😝", "😂"}, got.Reactions)

	// nil slices are left out, empty ones clear; Some(false) is sent.
	_, rec = exercise(t, srv, "updateNewsItem", "News.UpdateItem", func() (*NewsItem, *Response, error) {
		return c.News.UpdateItem(ctx, "51", NewsUpdateItemRequest{Title: "T", SenderID: "2", Reactions: []string{}, DeliverSilently: Some(false)})
	})
	testJSONBody(t, rec, `{"title":"T","deliver_silently":false,"reactions":[],"sender_id":2}`)
}

func TestNewsDeleteItem(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "deleteNewsItem", "News.DeleteItem", func() (*NewsItemDeleted, *Response, error) {
		return c.News.DeleteItem(context.Background(), "54")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/news/news_items/54")
	testNoBody(t, rec)
	require.Equal(t, &NewsItemDeleted{ID: "54", Object: "news-item", Deleted: true}, got)
}

func TestNewsListLiveItems(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listLiveNewsfeedItems", "News.ListLiveItems", func() (*NewsItemList, *Response, error) {
		return c.News.ListLiveItems(context.Background(), "123", nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/news/newsfeeds/123/items")
	testQuery(t, rec, "")
	require.Empty(t, got.Data)
	require.Equal(t, 20, got.Pages.PerPage)

	// The empty example page ends the iterator at once.
	items, err := Collect(c.News.ListLiveItemsAll(context.Background(), "123", nil))
	require.NoError(t, err)
	require.Empty(t, items)
	require.Len(t, srv.Requests(), 2)
}

func TestNewsListLiveItemsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listLiveNewsfeedItems", articlesPageHandler(t, []string{
		`[{"id":"1","type":"news-item","state":"live"},{"id":"2","type":"news-item","state":"live"}]`,
		`[{"id":"3","type":"news-item","state":"live"}]`,
	}))
	var ids []ID
	for it, err := range c.News.ListLiveItemsAll(context.Background(), "7", &NewsListOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, it.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/news/newsfeeds/7/items")
	testQuery(t, reqs[1], "page=2&per_page=2")

	for range c.News.ListLiveItemsAll(context.Background(), "7", nil) {
		break
	}
	require.Len(t, srv.Requests(), 3)
}

func TestNewsListNewsfeeds(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listNewsfeeds", "News.ListNewsfeeds", func() (*NewsfeedList, *Response, error) {
		return c.News.ListNewsfeeds(context.Background(), nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/news/newsfeeds")
	testQuery(t, rec, "")
	require.Len(t, got.Data, 2)
	require.Equal(t, Newsfeed{ID: "93", Type: "newsfeed", Name: "Visitor Feed", CreatedAt: 1717022004, UpdatedAt: 1717022004}, got.Data[0])
}

func TestNewsListNewsfeedsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listNewsfeeds", articlesPageHandler(t, []string{
		`[{"id":"1","type":"newsfeed","name":"a"},{"id":"2","type":"newsfeed","name":"b"}]`,
		`[{"id":"3","type":"newsfeed","name":"c"}]`,
	}))
	var names []string
	for f, err := range c.News.ListNewsfeedsAll(context.Background(), &NewsListOptions{Page: 1}) {
		require.NoError(t, err)
		names = append(names, f.Name)
	}
	require.Equal(t, []string{"a", "b", "c"}, names)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "page=1")
	testQuery(t, reqs[1], "page=2")

	for range c.News.ListNewsfeedsAll(context.Background(), nil) {
		break
	}
	require.Len(t, srv.Requests(), 3)
}

func TestNewsGetNewsfeed(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveNewsfeed", "News.GetNewsfeed", func() (*Newsfeed, *Response, error) {
		return c.News.GetNewsfeed(context.Background(), "97")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/news/newsfeeds/97")
	require.Equal(t, &Newsfeed{ID: "97", Type: "newsfeed", Name: "Visitor Feed", CreatedAt: 1717022005, UpdatedAt: 1717022005}, got)
}
