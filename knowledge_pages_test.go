package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// knowledgePageHandler serves the lists of pages (each the JSON of a data
// array) by the page query parameter (from 1), wrapping each with the
// pagination block wrap writes for page n of total (the rest of the
// object's keys, without braces).
func knowledgePageHandler(t *testing.T, pages []string, wrap func(n, total int) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := atoiOr(r.URL.Query().Get("page"), 1)
		if n > len(pages) {
			assert.Failf(t, "page out of range", "page %d requested, only %d served", n, len(pages))
			n = len(pages)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"type":"list",%s,"data":%s}`, wrap(n, len(pages)), pages[n-1])
	}
}

// linkPages is a pages block whose next is a link to the following page.
func linkPages(path string) func(n, total int) string {
	return func(n, total int) string {
		next := "null"
		if n < total {
			next = fmt.Sprintf(`"https://api.intercom.io%s?page=%d&per_page=2"`, path, n+1)
		}
		return fmt.Sprintf(`"total_count":3,"pages":{"type":"pages","page":%d,"per_page":2,"total_pages":%d,"next":%s}`, n, total, next)
	}
}

// numberPages is a cursor_pages block with page numbers and no next.
func numberPages(n, total int) string {
	return fmt.Sprintf(`"total_count":3,"pages":{"type":"pages","page":%d,"per_page":2,"total_pages":%d}`, n, total)
}

// topPages is the page, per_page and total_pages of a list that carries
// them beside data.
func topPages(n, total int) string {
	return fmt.Sprintf(`"total_count":3,"page":%d,"per_page":2,"total_pages":%d`, n, total)
}

func TestKnowledgeNextQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		pages Pages
		items int
		want  string
	}{
		{"link", Pages{Page: 1, TotalPages: 3, Next: PageNext{URL: "https://api.intercom.io/content/search?query=a+b&page=2"}}, 2, "page=2&query=a+b"},
		{"cursor", Pages{Page: 1, TotalPages: 3, Next: PageNext{StartingAfter: "abc"}}, 2, "starting_after=abc"},
		{"page object", Pages{Page: 1, TotalPages: 3, Next: PageNext{Page: 2, PerPage: 5}}, 2, "page=2&per_page=5"},
		{"page numbers only", Pages{Page: 2, TotalPages: 3}, 2, "page=3"},
		{"last page", Pages{Page: 3, TotalPages: 3}, 2, ""},
		{"no pages", Pages{}, 2, ""},
		{"empty page", Pages{Page: 1, TotalPages: 3, Next: PageNext{StartingAfter: "abc"}}, 0, ""},
	} {
		require.Equal(t, tc.want, knowledgeNextQuery(tc.pages, tc.items), tc.name)
	}
}

func TestAudienceIDsOpt(t *testing.T) {
	t.Parallel()
	require.True(t, audienceIDsOpt(Opt[[]string]{}).IsZero())
	require.True(t, audienceIDsOpt(Null[[]string]()).IsNull())
	b, err := audienceIDsOpt(Some([]string{"1", "22"})).MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `[1,22]`, string(b))
	b, err = audienceIDsOpt(Some[[]string](nil)).MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `[]`, string(b), "an empty list clears, so it is sent")
	require.NoError(t, checkAudienceIDs("audience_ids", Some([]string{"1"})))
	err = checkAudienceIDs("audience_ids", Some([]string{"1", "x"}))
	var ire *InvalidRequestError
	require.ErrorAs(t, err, &ire)
	require.Equal(t, "audience_ids[1]", ire.Field)
}

// A server that ignores the page number ends the walk with
// ErrCursorStalled before the repeated items reach the loop, and an error
// ends it with that error.
func TestKnowledgeWalkStallsAndErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	srv.RespondFunc("listAudiences", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, `{"type":"list","data":[{"id":"1"},{"id":"2"}],"page":1,"per_page":2,"total_pages":3}`)
	})
	var ids []ID
	var last error
	for a, err := range c.Audiences.ListAll(ctx, nil) {
		if err != nil {
			last = err
			break
		}
		ids = append(ids, a.ID)
	}
	require.ErrorIs(t, last, ErrCursorStalled)
	require.Equal(t, []ID{"1", "2"}, ids)
	require.Len(t, srv.Requests(), 2)

	srv.Respond("listAudiences", http.StatusUnauthorized, "")
	n := 0
	for _, err := range c.Audiences.ListAll(ctx, nil) {
		require.ErrorIs(t, err, ErrUnauthorized)
		n++
	}
	require.Equal(t, 1, n)
}
