package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContactsGetByExternalID(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "ShowContactByExternalId", "Contacts.GetByExternalID", func() (*Contact, *Response, error) {
		return c.Contacts.GetByExternalID(ctx, "70", nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/find_by_external_id/70")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("6762f0df1bb69f9f2193bb84"), got.ID)
	require.Equal(t, "70", got.ExternalID)
	require.Equal(t, ContactRoleUser, got.Role)

	// include_merge_history is 2.16's: refused before I/O on 2.13, sent on 2.16.
	_, _, err := c.Contacts.GetByExternalID(ctx, "70", &ContactGetByExternalIDOptions{IncludeMergeHistory: true})
	require.ErrorIs(t, err, ErrUnsupportedByVersion)
	var ve *VersionError
	require.ErrorAs(t, err, &ve)
	require.Equal(t, "include_merge_history", ve.Field)
	require.Len(t, srv.Requests(), 1)

	c16, srv16 := newSpecClientAt(t, "2.16")
	_, _, err = c16.Contacts.GetByExternalID(ctx, "a/b", &ContactGetByExternalIDOptions{IncludeMergeHistory: true})
	require.NoError(t, err)
	testPath(t, srv16.LastRequest(), "/contacts/find_by_external_id/a%2Fb")
	testQuery(t, srv16.LastRequest(), "include_merge_history=true")

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Contacts.GetByExternalID(ctx, "70", nil)
	requireEndpointGated(t, srv10, err, "ShowContactByExternalId")
}

func TestContactsBlock(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "BlockContact", "Contacts.Block", func() (*ContactBlocked, *Response, error) {
		return c.Contacts.Block(ctx, "5ba682d23d7cf92bef87bfd4")
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/5ba682d23d7cf92bef87bfd4/block")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("5ba682d23d7cf92bef87bfd4"), got.ID)

	srv.RespondJSON("BlockContact", 200, `{"type":"contact","id":"6762f0df1bb69f9f2193bb84","external_id":"70","blocked":true}`)
	got, _, err := c.Contacts.Block(ctx, "6762f0df1bb69f9f2193bb84")
	require.NoError(t, err)
	require.Equal(t, &ContactBlocked{Type: "contact", ID: "6762f0df1bb69f9f2193bb84", ExternalID: "70", Blocked: true}, got)
}

func TestContactsListMergeHistory(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "ListContactMergeHistory", "Contacts.ListMergeHistory", func() (*ContactMergeHistoryList, *Response, error) {
		return c.Contacts.ListMergeHistory(ctx, "5ba682d23d7cf92bef87bfd4", &ContactListMergeHistoryOptions{Cursor: "abc", PerPage: 10, Order: ContactMergeHistoryOrderAsc})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/5ba682d23d7cf92bef87bfd4/merge_history")
	testQuery(t, rec, "cursor=abc&order=asc&per_page=10")
	testNoBody(t, rec)
	require.Equal(t, []ContactMergeHistoryItem{{Type: "merge_history", SourceContactID: "5ba682d23d7cf92bef87bfd3", SourceContactRole: ContactRoleLead, MergedAt: 1571672154}}, got.Data)
	require.Equal(t, "eyJpZCI6IjYyMzQ1NiJ9", got.NextCursor)
	require.True(t, got.HasMore)

	srv.Respond("ListContactMergeHistory", 404, "")
	_, _, err := c.Contacts.ListMergeHistory(ctx, "lead", nil)
	require.ErrorIs(t, err, ErrNotFound)
}

func TestContactsListMergeHistoryAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	srv.RespondFunc("ListContactMergeHistory", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("cursor") {
		case "":
			_, _ = fmt.Fprint(w, `{"type":"list","data":[{"type":"merge_history","source_contact_id":"a"},{"type":"merge_history","source_contact_id":"b"}],"next_cursor":"n2","has_more":true}`)
		case "n2":
			// A cursor with has_more false ends the walk.
			_, _ = fmt.Fprint(w, `{"type":"list","data":[{"type":"merge_history","source_contact_id":"c"}],"next_cursor":"n3","has_more":false}`)
		default:
			assert.Failf(t, "unexpected cursor", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &ContactListMergeHistoryOptions{PerPage: 2}
	var ids []ID
	for m, err := range c.Contacts.ListMergeHistoryAll(ctx, "ct", opt) {
		require.NoError(t, err)
		ids = append(ids, m.SourceContactID)
	}
	require.Equal(t, []ID{"a", "b", "c"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "cursor=n2&per_page=2")
	require.Empty(t, opt.Cursor, "options must not be modified")
}

func TestContactsListBanners(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listContactBanners", "Contacts.ListBanners", func() (*BannerList, *Response, error) {
		return c.Contacts.ListBanners(ctx, "6762f0df1bb69f9f2193bb84")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/6762f0df1bb69f9f2193bb84/banners")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Len(t, got.Data, 1)
	b := got.Data[0]
	require.Equal(t, ID("645719311"), b.ViewID)
	require.Equal(t, "Hi there", b.Title)
	require.True(t, b.ShowDismissButton)
	require.Nil(t, b.Action)
	require.Equal(t, Timestamp(1780580493), b.CreatedAt)

	srv.RespondJSON("listContactBanners", 200, `{"type":"list","data":[{"type":"banner","id":"1","view_id":"2","title":null,"action":{"type":"reaction","label":null,"reaction_set":[{"index":0,"unicode_emoticon":"👍"}]}}]}`)
	got, _, err := c.Contacts.ListBanners(ctx, "ct")
	require.NoError(t, err)
	require.Equal(t, &BannerAction{Type: BannerActionReaction, ReactionSet: []BannerReaction{{Index: 0, UnicodeEmoticon: "👍"}}}, got.Data[0].Action)

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Contacts.ListBanners(ctx, "ct")
	requireEndpointGated(t, srv10, err, "listContactBanners")
}

func TestContactsDismissBanner(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "dismissContactBanner", "Contacts.DismissBanner", func() (*BannerDismissal, *Response, error) {
		return c.Contacts.DismissBanner(ctx, "6762f0df1bb69f9f2193bb84", "645719311")
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/6762f0df1bb69f9f2193bb84/banners/645719311/dismiss")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &BannerDismissal{Type: "banner_dismiss", ViewID: "645719311", Dismissed: true}, got)

	_, _, err := c.Contacts.DismissBanner(ctx, "ct", "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	var ire *InvalidRequestError
	require.ErrorAs(t, err, &ire)
	require.Equal(t, "view_id", ire.Field)
}
