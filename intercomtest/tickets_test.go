package intercomtest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestTicketTypes(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	var raw []byte
	types, _, err := client.TicketTypes.List(ctx, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, types)
	require.Len(t, types.Data, 3)
	require.Equal(t, intercom.ID(intercomtest.BugReportTicketTypeID), types.Data[0].ID)
	require.Equal(t, intercom.TicketCategoryBackOffice, types.Data[2].Category)
	require.Len(t, types.Data[0].TicketTypeAttributes.Data, 2)

	tt, _, err := client.TicketTypes.Get(ctx, intercomtest.FeatureRequestTicketTypeID)
	require.NoError(t, err)
	require.Equal(t, "Feature Request", tt.Name)
	_, _, err = client.TicketTypes.Get(ctx, "1")
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestTicketWorkflow(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "t@example.com", ExternalID: "ut"})
	require.NoError(t, err)

	var raw []byte
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
		TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts:     []intercom.TicketContactIdentifier{{ExternalID: "ut"}},
		TicketAttributes: intercom.TicketAttributes{
			"_default_title_": "Login fails", "_default_description_": "500 on submit", "severity": 2,
		},
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, tk)
	require.Equal(t, "ticket", tk.Type)
	require.Equal(t, intercom.ID("1"), tk.TicketID, "the first ticket of the inbox")
	require.Equal(t, intercom.TicketStateSubmitted, tk.TicketState.Category)
	require.Equal(t, "Submitted", tk.TicketStateExternalLabel)
	require.Equal(t, intercom.TicketCategoryCustomer, tk.Category)
	require.Equal(t, "Login fails", tk.TicketAttributes.Title())
	sev, ok := tk.TicketAttributes.Int("severity")
	require.True(t, ok)
	require.Equal(t, int64(2), sev)
	require.Equal(t, "Bug Report", tk.TicketType.Name)
	require.Len(t, tk.Contacts.Contacts, 1)
	require.Equal(t, c.ID, tk.Contacts.Contacts[0].ID)
	require.True(t, tk.Open)
	require.Equal(t, intercom.ID("0"), tk.AdminAssigneeID)
	id := tk.ID

	part, _, err := client.Tickets.Reply(ctx, id, intercom.TicketContactReply{Email: "t@example.com", Body: "Still broken"}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, part)
	require.Equal(t, "ticket_part", part.Type)
	require.Equal(t, intercom.TicketReplyComment, part.PartType)
	require.Equal(t, "<p>Still broken</p>", part.Body)
	require.Equal(t, "user", part.Author.Type)

	part, _, err = client.Tickets.Reply(ctx, id, intercom.TicketAdminReply{MessageType: intercom.TicketReplyQuickReply, AdminID: intercomtest.AdminID,
		ReplyOptions: []intercom.TicketReplyOption{{Text: "Yes", UUID: "u1"}, {Text: "No", UUID: "u2"}}})
	require.NoError(t, err)
	require.Equal(t, intercom.TicketReplyQuickReply, part.PartType)
	require.Empty(t, part.Body)

	tk, _, err = client.Tickets.Update(ctx, id, intercom.TicketUpdateRequest{
		State:            intercom.TicketStateInProgress,
		Assignment:       intercom.TicketAssignment{AdminID: intercomtest.AdminID, AssigneeID: intercomtest.SecondAdminID},
		TicketAttributes: intercom.TicketAttributes{"_default_description_": "500 on submit, Safari only"},
		IsShared:         intercom.Some(true),
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, tk)
	require.Equal(t, intercom.TicketStateInProgress, tk.TicketState.Category)
	require.Equal(t, "In progress", tk.TicketStateInternalLabel)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), tk.AdminAssigneeID)
	require.Equal(t, "500 on submit, Safari only", tk.TicketAttributes.Description())
	require.Equal(t, "Login fails", tk.TicketAttributes.Title(), "attributes not sent are kept")
	require.True(t, tk.IsShared)
	parts := tk.TicketParts.TicketParts
	require.Len(t, parts, 5)
	require.Equal(t, "ticket_state_updated_by_admin", parts[3].PartType)
	require.Equal(t, intercom.TicketStateSubmitted, parts[3].PreviousTicketState)
	require.Equal(t, intercom.TicketStateInProgress, parts[3].TicketState)
	require.Equal(t, "assignment", parts[4].PartType)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), parts[4].AssignedTo.ID)

	tk, _, err = client.Tickets.Update(ctx, id, intercom.TicketUpdateRequest{Assignment: intercom.TicketAssignment{AssigneeID: intercomtest.SupportTeamID}})
	require.NoError(t, err)
	require.Equal(t, intercom.ID(intercomtest.SupportTeamID), tk.TeamAssigneeID)

	tk, _, err = client.Tickets.Update(ctx, id, intercom.TicketUpdateRequest{State: intercom.TicketStateResolved, Open: intercom.Some(false)})
	require.NoError(t, err)
	require.Equal(t, intercom.TicketStateResolved, tk.TicketState.Category)
	require.False(t, tk.Open)

	got, _, err := client.Tickets.Get(ctx, id)
	require.NoError(t, err)
	require.Equal(t, tk, got)

	// Errors.
	var apiErr *intercom.APIError
	_, _, err = client.Tickets.Get(ctx, "424242")
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("ticket_not_found"))
	_, _, err = client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: "1", Contacts: []intercom.TicketContactIdentifier{{ID: c.ID}}})
	require.ErrorIs(t, err, intercom.ErrValidation)
	_, _, err = client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts: []intercom.TicketContactIdentifier{{ID: "missing"}}})
	require.ErrorIs(t, err, intercom.ErrNotFound)
	other, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "other@example.com"})
	require.NoError(t, err)
	_, _, err = client.Tickets.Reply(ctx, id, intercom.TicketContactReply{IntercomUserID: other.ID, Body: "hi"})
	require.ErrorIs(t, err, intercom.ErrNotFound, "only the ticket's contacts may reply")
}

func TestTicketForAnUnknownEmailCreatesTheContact(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: intercomtest.BackOfficeTicketTypeID,
		Contacts: []intercom.TicketContactIdentifier{{Email: "new@example.com"}}})
	require.NoError(t, err)
	require.Equal(t, intercom.TicketCategoryBackOffice, tk.Category)
	c, _, err := client.Contacts.Get(ctx, string(tk.Contacts.Contacts[0].ID), nil)
	require.NoError(t, err)
	require.Equal(t, "new@example.com", c.Email)
}

func TestSearchTickets(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	a, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "a@example.com"})
	require.NoError(t, err)
	b, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "b@example.com"})
	require.NoError(t, err)
	create := func(typeID string, who *intercom.Contact, title string) string {
		tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: typeID,
			Contacts: []intercom.TicketContactIdentifier{{ID: who.ID}}, TicketAttributes: intercom.TicketAttributes{"_default_title_": title}})
		require.NoError(t, err)
		return tk.ID
	}
	t1 := create(intercomtest.BugReportTicketTypeID, a, "Crash on start")
	t2 := create(intercomtest.FeatureRequestTicketTypeID, a, "Dark mode")
	t3 := create(intercomtest.BackOfficeTicketTypeID, b, "Refund order 42")
	_, _, err = client.Tickets.Update(ctx, t2, intercom.TicketUpdateRequest{State: intercom.TicketStateWaitingOnCustomer})
	require.NoError(t, err)
	_, _, err = client.Tickets.Update(ctx, t3, intercom.TicketUpdateRequest{State: intercom.TicketStateResolved,
		Assignment: intercom.TicketAssignment{AssigneeID: intercomtest.AwayAdminID}})
	require.NoError(t, err)

	ids := func(q intercom.SearchFilter) []string {
		t.Helper()
		all, err := intercom.Collect(client.Tickets.SearchAll(ctx, intercom.SearchRequest{Query: q, Pagination: intercom.SearchPagination{PerPage: 2}}))
		require.NoError(t, err)
		out := []string{}
		for _, tk := range all {
			out = append(out, tk.ID)
		}
		return out
	}
	S, F := intercom.StringValue, intercom.Filter
	require.Equal(t, []string{t1}, ids(F("state", intercom.OpEquals, S("submitted"))))
	require.Equal(t, []string{t2, t3}, ids(F("state", intercom.OpNotEquals, S("submitted"))))
	require.Equal(t, []string{t1, t2}, ids(F("state", intercom.OpIn, intercom.StringsValue("submitted", "waiting_on_customer"))))
	require.Equal(t, []string{t3}, ids(F("category", intercom.OpEquals, S("Back-office"))))
	require.Equal(t, []string{t2}, ids(F("ticket_type_id", intercom.OpEquals, S(intercomtest.FeatureRequestTicketTypeID))))
	require.Equal(t, []string{t1, t2}, ids(F("contact_ids", intercom.OpEquals, S(a.ID))))
	require.Equal(t, []string{t3}, ids(F("admin_assignee_id", intercom.OpEquals, S(intercomtest.AwayAdminID))))
	require.Equal(t, []string{t1}, ids(F("title", intercom.OpContains, S("crash"))))
	require.Equal(t, []string{t3}, ids(F("_default_title_", intercom.OpStartsWith, S("Refund"))))
	require.Equal(t, []string{t2}, ids(F("ticket_attributes._default_title_", intercom.OpEndsWith, S("mode"))))
	require.Equal(t, []string{t1, t3}, ids(intercom.Or(
		F("state", intercom.OpEquals, S("resolved")),
		intercom.And(F("category", intercom.OpEquals, S("Customer")), F("title", intercom.OpNotContains, S("dark"))),
	)))

	var raw []byte
	res, _, err := client.Tickets.Search(ctx, intercom.SearchRequest{Query: F("open", intercom.OpEquals, intercom.BoolValue(true))}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, res)
	require.Equal(t, "ticket.list", res.Type)
	require.Equal(t, 3, res.TotalCount)
}

func TestTicketTags(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "a@example.com"})
	require.NoError(t, err)
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts: []intercom.TicketContactIdentifier{{ID: c.ID}}})
	require.NoError(t, err)
	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "p1"})
	require.NoError(t, err)
	applied, _, err := client.Tickets.AttachTag(ctx, tk.ID, intercom.TicketAttachTagRequest{ID: tag.ID, AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	require.Equal(t, "p1", applied.Name)
	removed, _, err := client.Tickets.DetachTag(ctx, tk.ID, tag.ID, intercom.TicketDetachTagRequest{AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	require.Equal(t, tag.ID, removed.ID)
	_, _, err = client.Tickets.AttachTag(ctx, "nope", intercom.TicketAttachTagRequest{ID: tag.ID, AdminID: intercomtest.AdminID})
	require.ErrorIs(t, err, intercom.ErrNotFound)
}
