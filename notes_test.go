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

func TestContactsListNotes(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "listNotes", "Contacts.ListNotes", func() (*NoteList, *Response, error) {
		return c.Contacts.ListNotes(ctx, "6657ac4a6abd0166b52ae225", &ContactListNotesOptions{Page: 1, PerPage: 50})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/6657ac4a6abd0166b52ae225/notes")
	testQuery(t, rec, "page=1&per_page=50")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Equal(t, 3, got.TotalCount)
	require.Len(t, got.Data, 3)
	n := got.Data[0]
	require.Equal(t, ID("42"), n.ID)
	require.Equal(t, Timestamp(1716416971), n.CreatedAt)
	require.Equal(t, &NoteContact{Type: "contact", ID: "6657ac4a6abd0166b52ae225"}, n.Contact)
	require.Equal(t, ID("991267886"), n.Author.ID)
	require.Equal(t, "admin101@email.com", n.Author.Email)
	require.Equal(t, "<p>This is a note.</p>", n.Body)
	require.Equal(t, 1, got.Pages.TotalPages)
	require.False(t, got.Pages.HasMore())

	_, _, err := c.Contacts.ListNotes(ctx, "abc", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")
}

func TestContactsListNotesAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	page := func(n, total int, ids ...string) string {
		data := make([]map[string]any, len(ids))
		for i, id := range ids {
			data[i] = map[string]any{"type": "note", "id": id, "body": "<p>" + id + "</p>", "contact": nil}
		}
		b, _ := json.Marshal(map[string]any{"type": "list", "data": data, "total_count": 3,
			"pages": map[string]any{"type": "pages", "next": nil, "page": n, "per_page": 2, "total_pages": total}})
		return string(b)
	}
	srv.RespondFunc("listNotes", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "", "1":
			_, _ = fmt.Fprint(w, page(1, 2, "3", "2"))
		case "2":
			_, _ = fmt.Fprint(w, page(2, 2, "1"))
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &ContactListNotesOptions{PerPage: 2}
	var ids []ID
	for n, err := range c.Contacts.ListNotesAll(ctx, "ct1", opt) {
		require.NoError(t, err)
		require.Nil(t, n.Contact, "a null contact stays nil")
		ids = append(ids, n.ID)
	}
	require.Equal(t, []ID{"3", "2", "1"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[0], "/contacts/ct1/notes")
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, 0, opt.Page, "options must not be modified")

	// Breaking after the first item sends no further request.
	for range c.Contacts.ListNotesAll(ctx, "ct1", nil) {
		break
	}
	require.Len(t, srv.Requests(), 3)

	// A 404 ends the walk with the error.
	srv.Respond("listNotes", 404, "Contact not found")
	_, err := Collect(c.Contacts.ListNotesAll(ctx, "gone", nil))
	require.ErrorIs(t, err, ErrNotFound)
}

func TestContactsCreateNote(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := ContactCreateNoteRequest{Body: "Hello", AdminID: "991267888"}
	got, rec := exercise(t, srv, "createNote", "Contacts.CreateNote", func() (*Note, *Response, error) {
		return c.Contacts.CreateNote(ctx, "6657ac4c6abd0166b52ae227", req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/6657ac4c6abd0166b52ae227/notes")
	testQuery(t, rec, "")
	// contact_id is filled from the path; admin_id is sent as the string the schema declares.
	testJSONBody(t, rec, `{"body":"Hello","contact_id":"6657ac4c6abd0166b52ae227","admin_id":"991267888"}`)
	require.Empty(t, req.ContactID, "the request must not be modified")
	require.Equal(t, ID("47"), got.ID)
	require.Equal(t, "<p>Hello</p>", got.Body)
	require.Equal(t, ID("6657ac4c6abd0166b52ae227"), got.Contact.ID)
	require.Equal(t, "Ciaran103 Lee", got.Author.Name)

	// Only the body is required; an explicit contact_id is kept.
	_, _, err := c.Contacts.CreateNote(ctx, "ct1", ContactCreateNoteRequest{Body: "Hi", ContactID: "other"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"body":"Hi","contact_id":"other"}`)

	srv.Respond("createNote", 404, "Admin not found")
	_, _, err = c.Contacts.CreateNote(ctx, "ct1", ContactCreateNoteRequest{Body: "Hi", AdminID: "123"})
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "838a782b-2785-4ffe-bb1a-3033015a754f", apiErr.RequestID)
	require.Equal(t, "Resource Not Found", apiErr.Errors[0].Message)
}

func TestNotesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "retrieveNote", "Notes.Get", func() (*Note, *Response, error) {
		return c.Notes.Get(ctx, "50")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/notes/50")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("50"), got.ID)
	require.Equal(t, Timestamp(1716330806), got.CreatedAt)
	require.Equal(t, ID("6657ad366abd0166b52ae2e1"), got.Contact.ID)
	require.Equal(t, ID("991268159"), got.Author.ID)

	srv.Respond("retrieveNote", 404, "Note not found")
	_, _, err := c.Notes.Get(ctx, "999")
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "d017c00f-98c7-49f3-b84a-219d5fba46de", apiErr.RequestID)
	require.True(t, apiErr.HasCode("not_found"))
}

func TestNotesValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	cases := []struct {
		name, field string
		call        func() error
	}{
		{"List", "id", func() error { _, _, err := c.Contacts.ListNotes(ctx, "", nil); return err }},
		{"Create no contact", "id", func() error {
			_, _, err := c.Contacts.CreateNote(ctx, "", ContactCreateNoteRequest{Body: "x"})
			return err
		}},
		{"Create no body", "body", func() error {
			_, _, err := c.Contacts.CreateNote(ctx, "ct", ContactCreateNoteRequest{AdminID: "1"})
			return err
		}},
		{"Get", "id", func() error { _, _, err := c.Notes.Get(ctx, ""); return err }},
		{"ListAll", "id", func() error { _, err := Collect(c.Contacts.ListNotesAll(ctx, "", nil)); return err }},
	}
	for _, tc := range cases {
		err := tc.call()
		require.ErrorIs(t, err, ErrInvalidRequest, tc.name)
		var ire *InvalidRequestError
		require.ErrorAs(t, err, &ire, tc.name)
		require.Equal(t, tc.field, ire.Field, tc.name)
	}
	require.Empty(t, srv.Requests(), "validation errors must not send requests")
	require.NoError(t, ContactCreateNoteRequest{Body: "x"}.Validate())
}
