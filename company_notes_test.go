package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompaniesListNotes(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listCompanyNotes", "Companies.ListNotes", func() (*NoteList, *Response, error) {
		return c.Companies.ListNotes(ctx, "5f4d3c1c-7b1b-4d7d-a97e-6095715c6632", &CompanyListNotesOptions{Page: 1, PerPage: 50})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/companies/5f4d3c1c-7b1b-4d7d-a97e-6095715c6632/notes")
	testQuery(t, rec, "page=1&per_page=50")
	testNoBody(t, rec)
	require.Equal(t, 1, got.TotalCount)
	require.Len(t, got.Data, 1)
	n := got.Data[0]
	require.Equal(t, ID("26"), n.ID)
	require.Equal(t, Timestamp(1733932587), n.CreatedAt)
	require.Nil(t, n.Contact)
	require.Equal(t, ID("991267581"), n.Author.ID)
	require.Equal(t, "<p>This is a note.</p>", n.Body)
	require.False(t, got.Pages.HasMore())

	_, _, err := c.Companies.ListNotes(ctx, "co", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	srv.Respond("listCompanyNotes", 404, "")
	_, _, err = c.Companies.ListNotes(ctx, "gone", nil)
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("company_not_found"))

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Companies.ListNotes(ctx, "co", nil)
	requireEndpointGated(t, srv10, err, "listCompanyNotes")
}

func TestCompaniesListNotesAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	page := func(n int, ids ...string) string {
		data := make([]map[string]any, len(ids))
		for i, id := range ids {
			data[i] = map[string]any{"type": "note", "id": id, "body": "<p>" + id + "</p>"}
		}
		b, _ := json.Marshal(map[string]any{"type": "list", "data": data, "total_count": 3,
			"pages": map[string]any{"type": "pages", "next": nil, "page": n, "per_page": 2, "total_pages": 2}})
		return string(b)
	}
	srv.RespondFunc("listCompanyNotes", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "", "1":
			_, _ = fmt.Fprint(w, page(1, "3", "2"))
		case "2":
			_, _ = fmt.Fprint(w, page(2, "1"))
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &CompanyListNotesOptions{PerPage: 2}
	var ids []ID
	for n, err := range c.Companies.ListNotesAll(ctx, "co1", opt) {
		require.NoError(t, err)
		ids = append(ids, n.ID)
	}
	require.Equal(t, []ID{"3", "2", "1"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/companies/co1/notes")
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, 0, opt.Page, "options must not be modified")
}

func TestCompaniesCreateNote(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "createCompanyNote", "Companies.CreateNote", func() (*Note, *Response, error) {
		return c.Companies.CreateNote(ctx, "5f4d3c1c-7b1b-4d7d-a97e-6095715c6632", CompanyCreateNoteRequest{Body: "Hello", AdminID: "991267583"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/companies/5f4d3c1c-7b1b-4d7d-a97e-6095715c6632/notes")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"body":"Hello","admin_id":"991267583"}`)
	require.Equal(t, ID("31"), got.ID)
	require.Equal(t, "<p>Hello</p>", got.Body)
	require.Equal(t, "Ciaran124 Lee", got.Author.Name)

	_, _, err := c.Companies.CreateNote(ctx, "co", CompanyCreateNoteRequest{Body: "Hi"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"body":"Hi"}`)

	srv.Respond("createCompanyNote", 404, "Company not found")
	_, _, err = c.Companies.CreateNote(ctx, "gone", CompanyCreateNoteRequest{Body: "Hi"})
	require.ErrorIs(t, err, ErrNotFound)

	c2, srv2 := newSpecClientAt(t, "2.16")
	_, _, err = c2.Companies.CreateNote(ctx, "co", CompanyCreateNoteRequest{AdminID: "1"})
	testInvalidNoIO(t, srv2, err, "body")
	require.NoError(t, CompanyCreateNoteRequest{Body: "x"}.Validate())

	// 2.15 has the list but not the creation.
	c15, srv15 := newSpecClientAt(t, "2.15")
	_, _, err = c15.Companies.CreateNote(ctx, "co", CompanyCreateNoteRequest{Body: "x"})
	requireEndpointGated(t, srv15, err, "createCompanyNote")
}
