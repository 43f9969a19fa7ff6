package intercomtest_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/internal/spectest"
)

// TestFakeAndSpecHarnessAgreeOnLaterVersions drives the endpoints of 2.12
// to 2.16 the fake keeps state for, as clients of several versions, and
// replays every request it accepted against the spec harness of the
// request's version: each must be valid against that version's
// description.
func TestFakeAndSpecHarnessAgreeOnLaterVersions(t *testing.T) {
	t.Parallel()
	fake := intercomtest.New(t)
	ctx := context.Background()
	at := func(v string) *intercom.Client { return fake.Client(intercom.WithAPIVersion(v)) }
	must := func(_ any, _ *intercom.Response, err error) {
		t.Helper()
		require.NoError(t, err)
	}

	c10 := fake.Client()
	contact, _, err := c10.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "later@example.com", ExternalID: "later-user"})
	require.NoError(t, err)
	var convIDs []string
	for range 3 {
		msg, _, err := c10.Conversations.Create(ctx, intercom.ConversationCreateRequest{
			From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: contact.ID}, Body: "Hi"})
		require.NoError(t, err)
		convIDs = append(convIDs, msg.ConversationID)
	}
	tk, _, err := c10.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts: []intercom.TicketContactIdentifier{{ID: contact.ID}}})
	require.NoError(t, err)
	co, _, err := c10.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{CompanyID: "later", Name: "Later"})
	require.NoError(t, err)
	fake.ResetRequests() // the 2.10 requests are the other test's

	// Ticket states and tickets.
	must(at("2.12").TicketStates.List(ctx))
	_, err = at("2.12").Do(ctx, http.MethodGet, "/tickets/"+tk.ID, nil, nil)
	require.NoError(t, err)
	_, err = at("2.13").Do(ctx, http.MethodPut, "/tickets/"+tk.ID, map[string]any{
		"ticket_state_id": intercomtest.InProgressTicketStateID, "skip_notifications": true,
		"assignment": map[string]any{"admin_id": intercomtest.AdminID, "assignee_id": intercomtest.AdminID}}, nil)
	require.NoError(t, err)
	_, err = at("2.14").Do(ctx, http.MethodPut, "/tickets/"+tk.ID, map[string]any{
		"ticket_state_id": intercomtest.ResolvedTicketStateID, "admin_id": 991267001, "assignee_id": intercomtest.SecondAdminID}, nil)
	require.NoError(t, err)

	// Custom object instances.
	objs13, objs16 := at("2.13").CustomObjectInstances, at("2.16").CustomObjectInstances
	inst, _, err := objs13.CreateOrUpdate(ctx, "Order", intercom.CustomObjectInstanceCreateOrUpdateRequest{
		ExternalID: "o-1", ExternalCreatedAt: intercom.Some(intercom.Timestamp(1700000000)), CustomAttributes: map[string]any{"total": 3}})
	require.NoError(t, err)
	must(objs16.CreateOrUpdate(ctx, "Order", intercom.CustomObjectInstanceCreateOrUpdateRequest{ExternalID: "o-2"}))
	must(objs13.Get(ctx, "Order", inst.ID))
	must(objs13.GetByExternalID(ctx, "Order", intercom.CustomObjectInstanceGetByExternalIDOptions{ExternalID: "o-1"}))
	must(objs16.List(ctx, "Order", &intercom.CustomObjectInstanceListOptions{PerPage: 1, Page: 2}))
	must(objs16.GetByExternalID(ctx, "Order", intercom.CustomObjectInstanceGetByExternalIDOptions{ExternalID: "o-2"}))
	must(objs13.Delete(ctx, "Order", inst.ID))
	must(objs16.DeleteByExternalID(ctx, "Order", intercom.CustomObjectInstanceDeleteByExternalIDOptions{ExternalID: "o-2"}))

	// Internal articles.
	ia13, ia16 := at("2.13").InternalArticles, at("2.16").InternalArticles
	art, _, err := ia13.Create(ctx, intercom.InternalArticleCreateRequest{Title: "T", Body: "<p>B</p>", AuthorID: intercomtest.AdminID, OwnerID: intercomtest.AdminID})
	require.NoError(t, err)
	must(ia16.Create(ctx, intercom.InternalArticleCreateRequest{Title: "M", BodyMarkdown: "m", AuthorID: intercomtest.AdminID, OwnerID: intercomtest.AdminID,
		AudienceIDs: intercom.Some([]string{"1"}), AICopilotAvailability: intercom.Some(true)}))
	must(ia13.Get(ctx, art.ID))
	must(ia16.Update(ctx, art.ID, intercom.InternalArticleUpdateRequest{Title: "T2", BodyMarkdown: intercom.Some("b")}))
	must(ia13.List(ctx, &intercom.InternalArticleListOptions{Page: 1, PerPage: 1}))
	must(ia16.Search(ctx, &intercom.InternalArticleSearchOptions{FolderID: "7"}))
	must(ia13.Delete(ctx, art.ID))

	// Conversations and company notes.
	must(at("2.13").Conversations.Delete(ctx, convIDs[0], nil))
	must(at("2.16").Conversations.Delete(ctx, convIDs[1], &intercom.ConversationDeleteOptions{RetainMetrics: intercom.Some(false)}))
	must(at("2.16").Conversations.ListDeleted(ctx, &intercom.ConversationListDeletedOptions{PerPage: 1, Order: intercom.ConversationDeletedOrderAsc}))
	msg, _, err := c10.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: contact.ID}, Body: "Again"})
	require.NoError(t, err)
	must(at("2.16").Conversations.Merge(ctx, msg.ConversationID, intercom.ConversationMergeRequest{MergeIntoConversationID: convIDs[2]}))
	must(at("2.16").Companies.CreateNote(ctx, co.ID, intercom.CompanyCreateNoteRequest{Body: "Note", AdminID: intercomtest.AdminID}))
	must(at("2.15").Companies.ListNotes(ctx, co.ID, &intercom.CompanyListNotesOptions{PerPage: 5}))

	// Contacts and tickets.
	must(at("2.13").Contacts.GetByExternalID(ctx, "later-user", nil))
	must(at("2.13").Contacts.Block(ctx, contact.ID))
	_, err = at("2.16").Do(ctx, http.MethodPost, "/tickets/"+tk.ID+"/change_type", intercom.TicketChangeTypeRequest{
		TicketTypeID: intercomtest.FeatureRequestTicketTypeID, TicketStateID: intercomtest.SubmittedTicketStateID}, nil)
	require.NoError(t, err)
	must(at("2.16").Tickets.LinkConversation(ctx, tk.ID, intercom.TicketLinkConversationRequest{ConversationID: convIDs[2]}))
	must(at("2.16").Tickets.UnlinkConversation(ctx, tk.ID, convIDs[2]))
	must(at("2.13").Tickets.Delete(ctx, tk.ID))

	harnesses := map[string]*spectest.Server{}
	replayed := 0
	for _, r := range fake.Requests() {
		v := r.Header.Get("Intercom-Version")
		if v == "2.10" {
			continue // setup between the calls above
		}
		require.Less(t, r.Status, 300, "%s %s on %s", r.Method, r.Path, v)
		h := harnesses[v]
		if h == nil {
			h = spectest.NewServer(t, spectest.Version(v))
			h.Strict(false)
			harnesses[v] = h
		}
		replayed++
		status := replay(t, h.URL(), r.Method, r.Path, r.RawQuery, r.Header, r.Body)
		rec := h.LastRequest()
		require.NotNil(t, rec)
		require.NotEmpty(t, rec.OperationID, "%s %s matches no operation of %s", r.Method, r.Path, v)
		require.Empty(t, rec.Violations, "%s %s was accepted by the fake but violates the description of %s", r.Method, r.Path, v)
		require.Less(t, status, 300, "%s %s: the %s harness answered %d", r.Method, r.Path, v, status)
	}
	require.Equal(t, 31, replayed, "every call above")
}
