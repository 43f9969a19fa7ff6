package intercomtest_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestAdminsTeamsAndMe(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	var raw []byte
	me, _, err := client.Admins.Me(ctx, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, me)
	require.Equal(t, intercom.ID(intercomtest.AdminID), me.ID)
	require.True(t, me.EmailVerified)
	require.NotNil(t, me.App)
	require.Equal(t, intercomtest.WorkspaceID, me.App.IDCode)

	admins, _, err := client.Admins.List(ctx, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, admins)
	require.Len(t, admins.Admins, 3)
	require.Equal(t, []intercom.ID{intercomtest.SupportTeamID}, admins.Admins[0].TeamIDs)
	require.True(t, admins.Admins[2].AwayModeEnabled)

	away, _, err := client.Admins.SetAway(ctx, intercomtest.SecondAdminID, intercom.AdminSetAwayRequest{AwayModeEnabled: true, AwayModeReassign: true})
	require.NoError(t, err)
	require.True(t, away.AwayModeEnabled)
	got, _, err := client.Admins.Get(ctx, intercomtest.SecondAdminID)
	require.NoError(t, err)
	require.True(t, got.AwayModeReassign)
	_, _, err = client.Admins.Get(ctx, "1")
	require.ErrorIs(t, err, intercom.ErrNotFound)

	teams, _, err := client.Teams.List(ctx, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, teams)
	require.Len(t, teams.Teams, 2)
	team, _, err := client.Teams.Get(ctx, intercomtest.SupportTeamID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, team)
	require.Equal(t, []intercom.ID{intercomtest.AdminID, intercomtest.SecondAdminID}, team.AdminIDs)
}

func TestCompanies(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	var raw []byte
	co, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{
		CompanyID: "acme", Name: "Acme", Plan: "enterprise", Size: intercom.Some(120), Industry: "Anvils", MonthlySpend: intercom.Some(900),
		CustomAttributes: map[string]any{"tier": "gold"}, RemoteCreatedAt: 1600000000,
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, co)
	require.Len(t, co.ID, 24)
	require.Equal(t, "enterprise", co.Plan.Name)
	require.Equal(t, 120, co.Size)

	again, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{CompanyID: "acme", Website: "https://acme.example"})
	require.NoError(t, err)
	require.Equal(t, co.ID, again.ID, "the same company_id updates")
	require.Equal(t, "Acme", again.Name)
	require.Equal(t, "https://acme.example", again.Website)

	for i := range 4 {
		_, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{CompanyID: fmt.Sprint("c", i), Name: fmt.Sprint("Company ", i)})
		require.NoError(t, err)
	}
	page, _, err := client.Companies.List(ctx, &intercom.CompanyListOptions{PerPage: 2, Page: 2}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, page)
	require.Equal(t, 5, page.TotalCount)
	require.Equal(t, 3, page.Pages.TotalPages)
	require.Len(t, page.Data, 2)
	all, err := intercom.Collect(client.Companies.ListAll(ctx, &intercom.CompanyListOptions{PerPage: 2}))
	require.NoError(t, err)
	require.Len(t, all, 5)

	byID, _, err := client.Companies.List(ctx, &intercom.CompanyListOptions{CompanyID: "acme"})
	require.NoError(t, err)
	require.Len(t, byID.Data, 1, "a lookup answers the one company")
	require.Equal(t, co.ID, byID.Data[0].ID)
	_, _, err = client.Companies.List(ctx, &intercom.CompanyListOptions{Name: "Nope Inc"})
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("company_not_found"))

	up, _, err := client.Companies.Update(ctx, co.ID, intercom.CompanyUpdateRequest{Name: intercom.Some("Acme Corp"), CustomAttributes: map[string]any{"tier": nil}})
	require.NoError(t, err)
	require.Equal(t, "Acme Corp", up.Name)
	require.Empty(t, up.CustomAttributes)

	// Contacts.
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "emp@acme.example"})
	require.NoError(t, err)
	attached, _, err := client.Contacts.AttachCompany(ctx, c.ID, intercom.ContactAttachCompanyRequest{ID: co.ID})
	require.NoError(t, err)
	require.Equal(t, 1, attached.UserCount)
	members, _, err := client.Companies.ListContacts(ctx, co.ID, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, members)
	require.Len(t, members.Data, 1)
	require.Equal(t, c.ID, members.Data[0].ID)
	got, _, err := client.Contacts.Get(ctx, c.ID, nil)
	require.NoError(t, err)
	require.Equal(t, 1, got.Companies.TotalCount)
	require.Equal(t, co.ID, got.Companies.Data[0].ID)

	for i := range 3 {
		other, _, err := client.Companies.List(ctx, &intercom.CompanyListOptions{CompanyID: fmt.Sprint("c", i)})
		require.NoError(t, err)
		_, _, err = client.Contacts.AttachCompany(ctx, c.ID, intercom.ContactAttachCompanyRequest{ID: string(other.Data[0].ID)})
		require.NoError(t, err)
	}
	cp, _, err := client.Contacts.ListCompanies(ctx, c.ID, &intercom.ContactListCompaniesOptions{PerPage: 3}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, cp)
	require.Equal(t, 4, cp.TotalCount)
	require.Contains(t, cp.Pages.Next.URL, "/contacts/"+c.ID+"/companies?page=2")
	theirs, err := intercom.Collect(client.Contacts.ListCompaniesAll(ctx, c.ID, &intercom.ContactListCompaniesOptions{PerPage: 3}))
	require.NoError(t, err)
	require.Len(t, theirs, 4)

	detached, _, err := client.Contacts.DetachCompany(ctx, c.ID, co.ID)
	require.NoError(t, err)
	require.Equal(t, 0, detached.UserCount)
	_, _, err = client.Contacts.DetachCompany(ctx, c.ID, co.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = client.Contacts.AttachCompany(ctx, c.ID, intercom.ContactAttachCompanyRequest{ID: "nope"})
	require.ErrorIs(t, err, intercom.ErrNotFound)

	sorted, _, err := client.Companies.ListSorted(ctx, &intercom.CompanyListSortedOptions{PerPage: 10, Order: intercom.CompanyOrderAsc})
	require.NoError(t, err)
	require.Len(t, sorted.Data, 5)
	segs, _, err := client.Companies.ListSegments(ctx, co.ID)
	require.NoError(t, err)
	require.Empty(t, segs.Data)

	del, _, err := client.Companies.Delete(ctx, co.ID)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	_, _, err = client.Companies.Get(ctx, co.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestCompanyScroll(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	for i := range 20 {
		_, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{CompanyID: fmt.Sprint("s", i)})
		require.NoError(t, err)
	}
	first, _, err := client.Companies.Scroll(ctx, nil)
	require.NoError(t, err)
	require.Len(t, first.Data, 15)
	require.NotEmpty(t, first.ScrollParam)
	_, _, err = client.Companies.Scroll(ctx, nil)
	require.ErrorIs(t, err, intercom.ErrScrollExists, "one scroll at a time")
	second, _, err := client.Companies.Scroll(ctx, &intercom.CompanyScrollOptions{ScrollParam: first.ScrollParam})
	require.NoError(t, err)
	require.Len(t, second.Data, 5)
	end, _, err := client.Companies.Scroll(ctx, &intercom.CompanyScrollOptions{ScrollParam: first.ScrollParam})
	require.NoError(t, err)
	require.Empty(t, end.Data, "an empty page ends the scroll")
	_, _, err = client.Companies.Scroll(ctx, &intercom.CompanyScrollOptions{ScrollParam: first.ScrollParam})
	require.ErrorIs(t, err, intercom.ErrNotFound, "and its parameter expires")

	all, err := intercom.Collect(client.Companies.ScrollAll(ctx))
	require.NoError(t, err)
	require.Len(t, all, 20)
}

func TestTags(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	var raw []byte
	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "Beta"}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, tag)
	same, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "beta"})
	require.NoError(t, err)
	require.Equal(t, tag.ID, same.ID, "names are case-insensitive")
	renamed, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{ID: tag.ID, Name: "Beta testers"})
	require.NoError(t, err)
	require.Equal(t, "Beta testers", renamed.Name)
	got, _, err := client.Tags.Get(ctx, tag.ID)
	require.NoError(t, err)
	require.Equal(t, "Beta testers", got.Name)

	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "t@example.com"})
	require.NoError(t, err)
	applied, _, err := client.Contacts.AttachTag(ctx, c.ID, intercom.ContactAttachTagRequest{ID: tag.ID}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, applied)
	require.Equal(t, intercom.ID(intercomtest.AdminID), applied.AppliedBy.ID)
	ctags, _, err := client.Contacts.ListTags(ctx, c.ID)
	require.NoError(t, err)
	require.Len(t, ctags.Data, 1)

	other, _, err := client.Tags.TagUsers(ctx, intercom.TagUsersRequest{Name: "Newsletter", Users: []intercom.TagUser{{ID: c.ID}}})
	require.NoError(t, err)
	cc, _, err := client.Contacts.Get(ctx, c.ID, nil)
	require.NoError(t, err)
	require.Equal(t, 2, cc.Tags.TotalCount)

	co, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{CompanyID: "acme", Name: "Acme"})
	require.NoError(t, err)
	_, _, err = client.Tags.TagCompanies(ctx, intercom.TagCompaniesRequest{Name: "Enterprise", Companies: []intercom.TagCompany{{CompanyID: "acme"}}})
	require.NoError(t, err)
	got2, _, err := client.Companies.Get(ctx, co.ID)
	require.NoError(t, err)
	require.Len(t, got2.Tags.Tags, 1)
	require.Equal(t, "Enterprise", got2.Tags.Tags[0].Name)
	tagged, _, err := client.Companies.List(ctx, &intercom.CompanyListOptions{TagID: string(got2.Tags.Tags[0].ID)})
	require.NoError(t, err)
	require.Len(t, tagged.Data, 1)
	_, _, err = client.Tags.UntagCompanies(ctx, intercom.TagUntagCompaniesRequest{Name: "Enterprise", Companies: []intercom.TagCompany{{ID: co.ID}}})
	require.NoError(t, err)
	got2, _, err = client.Companies.Get(ctx, co.ID)
	require.NoError(t, err)
	require.Empty(t, got2.Tags.Tags)
	_, _, err = client.Tags.TagCompanies(ctx, intercom.TagCompaniesRequest{Name: "Enterprise", Companies: []intercom.TagCompany{{CompanyID: "nope"}}})
	require.ErrorIs(t, err, intercom.ErrNotFound)

	list, _, err := client.Tags.List(ctx)
	require.NoError(t, err)
	require.Len(t, list.Data, 3)

	_, err = client.Tags.Delete(ctx, other.ID)
	require.NoError(t, err)
	cc, _, err = client.Contacts.Get(ctx, c.ID, nil)
	require.NoError(t, err)
	require.Equal(t, 1, cc.Tags.TotalCount, "a deleted tag is removed everywhere")
	_, _, err = client.Contacts.DetachTag(ctx, c.ID, tag.ID)
	require.NoError(t, err)
	cc, _, err = client.Contacts.Get(ctx, c.ID, nil)
	require.NoError(t, err)
	require.Zero(t, cc.Tags.TotalCount)
	_, _, err = client.Tags.Get(ctx, other.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestNotes(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "n@example.com"})
	require.NoError(t, err)
	var raw []byte
	var ids []intercom.ID
	for i := range 3 {
		n, _, err := client.Contacts.CreateNote(ctx, c.ID, intercom.ContactCreateNoteRequest{Body: fmt.Sprint("Note ", i), AdminID: intercomtest.SecondAdminID},
			intercom.WithResponseBody(&raw))
		require.NoError(t, err)
		assertLossless(t, raw, n)
		require.Equal(t, fmt.Sprintf("<p>Note %d</p>", i), n.Body)
		require.Equal(t, "Grace Hopper", n.Author.Name)
		ids = append(ids, n.ID)
	}
	page, _, err := client.Contacts.ListNotes(ctx, c.ID, &intercom.ContactListNotesOptions{PerPage: 2}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, page)
	require.Equal(t, 3, page.TotalCount)
	require.Equal(t, ids[2], page.Data[0].ID, "newest first")
	all, err := intercom.Collect(client.Contacts.ListNotesAll(ctx, c.ID, &intercom.ContactListNotesOptions{PerPage: 2}))
	require.NoError(t, err)
	require.Len(t, all, 3)
	n, _, err := client.Notes.Get(ctx, string(ids[0]))
	require.NoError(t, err)
	require.Equal(t, c.ID, n.Contact.ID)
	cc, _, err := client.Contacts.Get(ctx, c.ID, nil)
	require.NoError(t, err)
	require.Equal(t, 3, cc.Notes.TotalCount)

	n, _, err = client.Contacts.CreateNote(ctx, c.ID, intercom.ContactCreateNoteRequest{Body: "by the token's admin"})
	require.NoError(t, err)
	require.Equal(t, intercom.ID(intercomtest.AdminID), n.Author.ID)
	_, _, err = client.Contacts.CreateNote(ctx, "missing", intercom.ContactCreateNoteRequest{Body: "x"})
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = client.Notes.Get(ctx, "1")
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestDataEvents(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "e@example.com", ExternalID: "ue"})
	require.NoError(t, err)
	base := time.Now().Add(-time.Hour)
	for i := range 5 {
		name := "invited-friend"
		if i%2 == 1 {
			name = "placed-order"
		}
		resp, err := client.DataEvents.Create(ctx, intercom.DataEventCreateRequest{EventName: name, UserID: "ue",
			CreatedAt: intercom.UnixTime(base.Add(time.Duration(i) * time.Minute)), Metadata: map[string]any{"n": i}})
		require.NoError(t, err)
		require.Equal(t, http.StatusAccepted, resp.StatusCode)
	}
	_, err = client.DataEvents.Create(ctx, intercom.DataEventCreateRequest{EventName: "x", Email: "nobody@example.com", CreatedAt: 1})
	require.ErrorIs(t, err, intercom.ErrNotFound)

	var raw []byte
	list, _, err := client.DataEvents.List(ctx, intercom.DataEventListOptions{UserID: "ue", PerPage: 2}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, list)
	require.Equal(t, "event.list", list.Type)
	require.Len(t, list.Events, 2)
	require.Equal(t, "invited-friend", list.Events[0].EventName, "newest first")
	require.Equal(t, float64(4), list.Events[0].Metadata["n"])
	require.Equal(t, c.ID, list.Events[0].IntercomUserID)
	require.NotEmpty(t, list.Pages.Next)

	all, err := intercom.Collect(client.DataEvents.ListAll(ctx, intercom.DataEventListOptions{Email: "e@example.com", PerPage: 2}))
	require.NoError(t, err)
	require.Len(t, all, 5)
	require.Equal(t, intercom.UnixTime(base), all[4].CreatedAt)

	_, err = client.DataEvents.Summaries(ctx, intercom.DataEventSummariesRequest{UserID: "ue",
		EventSummaries: intercom.DataEventSummaryEntry{EventName: "logged-in", Count: 7, First: 1700000000, Last: 1700003600}})
	require.NoError(t, err)
	sum, _, err := client.DataEvents.List(ctx, intercom.DataEventListOptions{IntercomUserID: c.ID, Summary: true}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, sum)
	require.Equal(t, intercom.DataEventTypeSummary, sum.Type)
	counts := map[string]int{}
	for _, s := range sum.Summaries {
		counts[s.Name] = s.Count
		_, err := s.FirstTime()
		require.NoError(t, err)
	}
	require.Equal(t, map[string]int{"invited-friend": 3, "placed-order": 2, "logged-in": 7}, counts)
}

func TestDataExport(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "r@example.com", Name: intercom.Some("Reader")})
	require.NoError(t, err)
	for i := range 2 {
		_, _, err = client.Messages.Create(ctx, intercom.MessageCreateRequest{MessageType: intercom.MessageRequestInApp, Body: fmt.Sprint("m", i),
			From: intercom.MessageSender{ID: intercomtest.AdminID}, To: intercom.MessageRecipient{Type: "user", ID: c.ID}})
		require.NoError(t, err)
	}
	now := time.Now()
	var raw []byte
	job, _, err := client.DataExport.Create(ctx, intercom.DataExportCreateRequest{
		CreatedAtAfter: intercom.UnixTime(now.Add(-time.Hour)), CreatedAtBefore: intercom.UnixTime(now)}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, job)
	require.Regexp(t, `^[a-z0-9]{16}$`, job.JobIdentifier)
	require.Equal(t, intercom.DataExportPending, job.Status)

	_, _, err = client.DataExport.Download(ctx, job.JobIdentifier)
	require.ErrorIs(t, err, intercom.ErrNotFound, "nothing to download before completion")

	var seen []intercom.DataExportStatus
	for range 3 {
		j, _, err := client.DataExport.Get(ctx, job.JobIdentifier)
		require.NoError(t, err)
		seen = append(seen, j.Status)
		job = j
	}
	require.Equal(t, []intercom.DataExportStatus{"in_progress", "completed", "completed"}, seen)
	require.Equal(t, srv.URL()+"/download/content/data/"+job.JobIdentifier, job.DownloadURL)
	exp, ok := job.ExpiresAt()
	require.True(t, ok)
	require.WithinDuration(t, now.Add(48*time.Hour), exp, time.Minute)

	body, _, err := client.DataExport.Download(ctx, job.JobIdentifier)
	require.NoError(t, err)
	rows, err := csv.NewReader(body).ReadAll()
	require.NoError(t, err)
	require.NoError(t, body.Close())
	require.Len(t, rows, 3)
	require.Len(t, rows[0], 26)
	require.Equal(t, "user_id", rows[0][0])
	require.Equal(t, c.ID, rows[1][0])
	require.Equal(t, "r@example.com", rows[1][3])
	require.Equal(t, "-1", rows[1][2], "no company")

	// On the wire it is a gzipped CSV, for Accept: application/octet-stream only.
	req := mustRequest(t, srv, http.MethodGet, "/download/content/data/"+job.JobIdentifier)
	req.Header.Set("Accept", "application/octet-stream")
	res, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	gz, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, "application/octet-stream", res.Header.Get("Content-Type"))
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(plain), "user_id,user_external_id,company_id,email,"))
	req.Header.Set("Accept", "application/json")
	res, err = srv.HTTPClient().Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusNotAcceptable, res.StatusCode)

	// Cancel, no data, unknown jobs.
	j2, _, err := client.DataExport.Create(ctx, intercom.DataExportCreateRequest{CreatedAtAfter: 1000, CreatedAtBefore: 2000})
	require.NoError(t, err)
	canceled, _, err := client.DataExport.Cancel(ctx, j2.JobIdentifier)
	require.NoError(t, err)
	require.Equal(t, intercom.DataExportCanceled, canceled.Status)
	j3, _, err := client.DataExport.Create(ctx, intercom.DataExportCreateRequest{CreatedAtAfter: 1000, CreatedAtBefore: 2000})
	require.NoError(t, err)
	done, err := client.DataExport.WaitForCompletion(ctx, j3.JobIdentifier, time.Millisecond)
	require.NoError(t, err)
	require.Equal(t, intercom.DataExportNoData, done.Status)
	_, _, err = client.DataExport.Get(ctx, "nosuchjob")
	require.ErrorIs(t, err, intercom.ErrNotFound)
}
