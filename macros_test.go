package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMacrosList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listMacros", "Macros.List", func() (*MacroList, *Response, error) {
		return c.Macros.List(ctx, &MacroListOptions{PerPage: 50, StartingAfter: "WzE3MTk0OTM3NTcuMCwgIjEyMyJd", UpdatedSince: 1719400000})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/macros")
	testQuery(t, rec, "per_page=50&starting_after=WzE3MTk0OTM3NTcuMCwgIjEyMyJd&updated_since=1719400000")
	testNoBody(t, rec)
	require.Len(t, got.Data, 2)
	m := got.Data[1]
	require.Equal(t, ID("456"), m.ID)
	require.Equal(t, MacroVisibleToSpecificTeams, m.VisibleTo)
	require.Equal(t, []ID{"789", "101"}, m.VisibleToTeamIDs)
	require.Equal(t, []MacroAvailability{MacroAvailableOnInbox}, m.AvailableOn)
	require.Equal(t, "2025-07-21T14:44:35.000Z", m.CreatedAt)
	require.Equal(t, "WzE3MTk0OTM3NTcuMCwgIjEyMyJd", got.Pages.Next.StartingAfter)

	_, _, err := c.Macros.List(ctx, nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Macros.List(ctx, nil)
	requireEndpointGated(t, srv10, err, "listMacros")
}

func TestMacrosListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	srv.RespondFunc("listMacros", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("starting_after") {
		case "":
			_, _ = fmt.Fprint(w, `{"type":"list","data":[{"type":"macro","id":"3"},{"type":"macro","id":"2"}],"pages":{"type":"pages","per_page":2,"next":{"starting_after":"c2"}}}`)
		case "c2":
			_, _ = fmt.Fprint(w, `{"type":"list","data":[{"type":"macro","id":"1"}],"pages":{"type":"pages","per_page":2,"next":null}}`)
		default:
			assert.Failf(t, "unexpected cursor", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &MacroListOptions{PerPage: 2}
	var ids []ID
	for m, err := range c.Macros.ListAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, m.ID)
	}
	require.Equal(t, []ID{"3", "2", "1"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "per_page=2&starting_after=c2")
	require.Empty(t, opt.StartingAfter, "options must not be modified")

	srv.Respond("listMacros", 403, "")
	_, err := Collect(c.Macros.ListAll(ctx, nil))
	require.ErrorIs(t, err, ErrForbidden)
}

func TestMacrosGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "getMacro", "Macros.Get", func() (*Macro, *Response, error) {
		return c.Macros.Get(ctx, "789")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/macros/789")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("789"), got.ID)
	require.Equal(t, "Refund Process Explanation", got.Name)
	require.Equal(t, []MacroAvailability{MacroAvailableOnInbox, MacroAvailableOnMessenger}, got.AvailableOn)

	srv.Respond("getMacro", 404, "")
	_, _, err := c.Macros.Get(ctx, "1")
	require.ErrorIs(t, err, ErrNotFound)
}
