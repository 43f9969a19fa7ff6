package intercomtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// assertLosesOnlyCompany checks that a note keeps every value but its
// company, which the Note model does not have yet (the SDK's own tests
// list the same loss in knownLosses).
func assertLosesOnlyCompany(t *testing.T, raw []byte, v any) {
	t.Helper()
	for _, l := range lostValues(t, raw, v) {
		require.Regexp(t, `^\$(\.data\[\d+\])?\.company\.(id|type): `, l)
	}
}

func TestCompanyNotes(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	client := srv.Client(intercom.WithAPIVersion("2.16"))
	co, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{CompanyID: "acme", Name: "Acme"})
	require.NoError(t, err)

	var raw []byte
	n1, _, err := client.Companies.CreateNote(ctx, co.ID, intercom.CompanyCreateNoteRequest{Body: "Renewal in May"}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLosesOnlyCompany(t, raw, n1)
	require.Contains(t, string(raw), `"company":{"id":"`+co.ID+`","type":"company"}`)
	require.Equal(t, "<p>Renewal in May</p>", n1.Body)
	require.Equal(t, intercom.ID(intercomtest.AdminID), n1.Author.ID)
	n2, _, err := client.Companies.CreateNote(ctx, co.ID, intercom.CompanyCreateNoteRequest{Body: "Asked for SSO", AdminID: intercomtest.SecondAdminID})
	require.NoError(t, err)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), n2.Author.ID)
	_, _, err = client.Companies.CreateNote(ctx, "nope", intercom.CompanyCreateNoteRequest{Body: "x"})
	require.ErrorIs(t, err, intercom.ErrNotFound)

	// Listed newest first, from 2.15.
	c15 := srv.Client(intercom.WithAPIVersion("2.15"))
	list, _, err := c15.Companies.ListNotes(ctx, co.ID, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLosesOnlyCompany(t, raw, list)
	require.Equal(t, 2, list.TotalCount)
	require.Equal(t, []intercom.ID{n2.ID, n1.ID}, []intercom.ID{list.Data[0].ID, list.Data[1].ID})
	var bodies []string
	for n, err := range c15.Companies.ListNotesAll(ctx, co.ID, &intercom.CompanyListNotesOptions{PerPage: 1}) {
		require.NoError(t, err)
		bodies = append(bodies, n.Body)
	}
	require.Equal(t, []string{"<p>Asked for SSO</p>", "<p>Renewal in May</p>"}, bodies)

	// A company's notes are not a contact's, and GET /notes/{id} finds them.
	got, _, err := client.Notes.Get(ctx, n1.ID)
	require.NoError(t, err)
	require.Equal(t, n1.Body, got.Body)
	require.Nil(t, got.Contact)

	// Adding a note needs 2.16.
	_, err = c15.Do(ctx, http.MethodPost, "/companies/"+co.ID+"/notes", map[string]any{"body": "x"}, nil)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("intercom_version_invalid"))
}
