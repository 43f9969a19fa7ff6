package intercomtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestTicketStates(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	c16 := srv.Client(intercom.WithAPIVersion("2.16"))
	var raw []byte
	states, _, err := c16.TicketStates.List(ctx, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, states)
	require.Equal(t, "list", states.Type)
	require.Len(t, states.Data, 5)
	byID := map[intercom.ID]intercom.TicketStateDetail{}
	for _, s := range states.Data {
		byID[s.ID] = s
	}
	sub := byID[intercomtest.SubmittedTicketStateID]
	require.Equal(t, intercom.TicketStateSubmitted, sub.Category)
	require.Equal(t, "Submitted", sub.InternalLabel)
	require.Len(t, sub.TicketTypes.Data, 3)
	dev := byID[intercomtest.WithDevTeamTicketStateID]
	require.Equal(t, intercom.TicketStateInProgress, dev.Category)
	require.Equal(t, "With Dev Team", dev.InternalLabel)
	require.Equal(t, "In progress", dev.ExternalLabel)
	require.Len(t, dev.TicketTypes.Data, 1)
	require.Equal(t, "Bug Report", dev.TicketTypes.Data[0].Name)

	// The SDK refuses the endpoint on 2.11; the server too.
	_, err = srv.Client(intercom.WithAPIVersion("2.11")).Do(ctx, http.MethodGet, "/ticket_states", nil, nil)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("intercom_version_invalid"))

	// Ticket types list their states from 2.12.
	var tt map[string]any
	_, err = c16.Do(ctx, http.MethodGet, "/ticket_types/"+intercomtest.FeatureRequestTicketTypeID, nil, &tt)
	require.NoError(t, err)
	require.Len(t, tt["ticket_states"].(map[string]any)["data"], 4)
	var tt10 map[string]any
	_, err = srv.Client().Do(ctx, http.MethodGet, "/ticket_types/"+intercomtest.FeatureRequestTicketTypeID, nil, &tt10)
	require.NoError(t, err)
	require.NotContains(t, tt10, "ticket_states")
}

// TestTicketStateByVersion: a ticket's state is a string (with its labels
// beside it) up to 2.11 and an object from 2.12; updates take each
// version's body and refuse the others'.
func TestTicketStateByVersion(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	_, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "states@example.com", ExternalID: "st"})
	require.NoError(t, err)
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
		TicketTypeID:     intercomtest.BugReportTicketTypeID,
		Contacts:         []intercom.TicketContactIdentifier{{ExternalID: "st"}},
		TicketAttributes: intercom.TicketAttributes{"_default_title_": "Crash"},
	})
	require.NoError(t, err)
	path := "/tickets/" + tk.ID
	do := func(version, method string, body any) (map[string]any, error) {
		t.Helper()
		var out map[string]any
		_, err := srv.Client(intercom.WithAPIVersion(version)).Do(ctx, method, path, body, &out)
		return out, err
	}
	stateOf := func(m map[string]any) map[string]any {
		t.Helper()
		s, ok := m["ticket_state"].(map[string]any)
		require.True(t, ok, "ticket_state is %T", m["ticket_state"])
		return s
	}

	got, err := do("2.12", http.MethodGet, nil)
	require.NoError(t, err)
	require.Equal(t, map[string]any{"type": "ticket_state", "id": intercomtest.SubmittedTicketStateID, "category": "submitted",
		"internal_label": "Submitted", "external_label": "Submitted"}, stateOf(got))
	require.NotContains(t, got, "ticket_state_internal_label")
	require.NotContains(t, got, "ticket_state_external_label")

	// 2.14: the state by id, the assignment at the top level.
	got, err = do("2.14", http.MethodPut, map[string]any{
		"ticket_state_id": intercomtest.WithDevTeamTicketStateID,
		"admin_id":        991267001, "assignee_id": intercomtest.SecondAdminID, "skip_notifications": true,
	})
	require.NoError(t, err)
	require.Equal(t, intercomtest.WithDevTeamTicketStateID, stateOf(got)["id"])
	require.Equal(t, "With Dev Team", stateOf(got)["internal_label"])
	require.Equal(t, intercomtest.SecondAdminID, got["admin_assignee_id"])
	parts := got["ticket_parts"].(map[string]any)["ticket_parts"].([]any)
	require.Len(t, parts, 3)
	require.Equal(t, "in_progress", parts[1].(map[string]any)["ticket_state"])
	require.Equal(t, "submitted", parts[1].(map[string]any)["previous_ticket_state"])
	require.Equal(t, intercomtest.AdminID, parts[1].(map[string]any)["author"].(map[string]any)["id"])
	require.Equal(t, "assignment", parts[2].(map[string]any)["part_type"])

	// 2.10 sees the category, with the state's labels.
	var raw []byte
	old, _, err := client.Tickets.Get(ctx, tk.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, old)
	require.Equal(t, intercom.TicketStateInProgress, old.TicketState.Category)
	require.Equal(t, "With Dev Team", old.TicketStateInternalLabel)
	require.Equal(t, "In progress", old.TicketStateExternalLabel)

	// 2.10 moves it by category: to the type's first state of it.
	old, _, err = client.Tickets.Update(ctx, tk.ID, intercom.TicketUpdateRequest{State: intercom.TicketStateResolved})
	require.NoError(t, err)
	require.Equal(t, intercom.TicketStateResolved, old.TicketState.Category)
	got, err = do("2.16", http.MethodGet, nil)
	require.NoError(t, err)
	require.Equal(t, intercomtest.ResolvedTicketStateID, stateOf(got)["id"])

	// 2.13: the state by id, the assignment as an object.
	got, err = do("2.13", http.MethodPut, map[string]any{
		"ticket_state_id": intercomtest.WaitingOnCustomerTicketStateID,
		"assignment":      map[string]any{"admin_id": intercomtest.AdminID, "assignee_id": intercomtest.SupportTeamID},
	})
	require.NoError(t, err)
	require.Equal(t, "waiting_on_customer", stateOf(got)["category"])
	require.Equal(t, intercomtest.SupportTeamID, got["team_assignee_id"])

	// Another version's fields are refused, naming the field.
	for _, tc := range []struct {
		version, field string
		body           map[string]any
	}{
		{"2.14", "state", map[string]any{"state": "resolved"}},
		{"2.12", "state", map[string]any{"state": "resolved"}},
		{"2.11", "ticket_state_id", map[string]any{"ticket_state_id": intercomtest.ResolvedTicketStateID}},
		{"2.14", "assignment", map[string]any{"assignment": map[string]any{"assignee_id": "0"}}},
		{"2.13", "assignee_id", map[string]any{"assignee_id": "0"}},
		{"2.16", "ticket_state_id", map[string]any{"ticket_state_id": "1"}},
		{"2.16", "ticket_state_id", map[string]any{"ticket_state_id": intercomtest.WithDevTeamTicketStateID, "unused": 1}},
	} {
		if tc.body["unused"] != nil {
			// A state of another ticket type.
			other, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
				TicketTypeID: intercomtest.FeatureRequestTicketTypeID,
				Contacts:     []intercom.TicketContactIdentifier{{ExternalID: "st"}},
			})
			require.NoError(t, err)
			_, err = srv.Client(intercom.WithAPIVersion(tc.version)).Do(ctx, http.MethodPut, "/tickets/"+other.ID,
				map[string]any{"ticket_state_id": intercomtest.WithDevTeamTicketStateID}, nil)
			requireFieldError(t, err, tc.field)
			continue
		}
		_, err := do(tc.version, http.MethodPut, tc.body)
		requireFieldError(t, err, tc.field)
	}

	// Searches see the version's shape: state is the category.
	var res map[string]any
	_, err = srv.Client(intercom.WithAPIVersion("2.16")).Do(ctx, http.MethodPost, "/tickets/search", intercom.SearchRequest{
		Query: intercom.And(
			intercom.Filter("state", intercom.OpEquals, intercom.StringValue("waiting_on_customer")),
			intercom.Filter("ticket_state_id", intercom.OpEquals, intercom.StringValue(intercomtest.WaitingOnCustomerTicketStateID)),
		),
	}, &res)
	require.NoError(t, err)
	require.Len(t, res["tickets"], 1)
	list, _, err := client.Tickets.Search(ctx, intercom.SearchRequest{
		Query: intercom.Filter("state", intercom.OpEquals, intercom.StringValue("waiting_on_customer")),
	})
	require.NoError(t, err)
	require.Len(t, list.Tickets, 1)
}

// requireFieldError checks that err is a 400 naming field.
func requireFieldError(t *testing.T, err error, field string) {
	t.Helper()
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode, "%v", err)
	require.NotEmpty(t, apiErr.Errors)
	require.Equal(t, field, apiErr.Errors[0].Field, "%v", err)
}

func TestTicketDeletion(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	_, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "del-ticket@example.com", ExternalID: "dt"})
	require.NoError(t, err)
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts: []intercom.TicketContactIdentifier{{ExternalID: "dt"}}})
	require.NoError(t, err)
	c13 := srv.Client(intercom.WithAPIVersion("2.13"))
	var raw []byte
	del, _, err := c13.Tickets.Delete(ctx, tk.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, del)
	require.Equal(t, intercom.TicketDeleted{ID: tk.ID, Object: "ticket", Deleted: true}, *del)
	_, _, err = client.Tickets.Get(ctx, tk.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = c13.Tickets.Delete(ctx, tk.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

// TestTicketCreateByVersion: created_at (2.11), an assignment and a
// conversation to link (2.14) on create; refused before.
func TestTicketCreateByVersion(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	ct, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "create@example.com"})
	require.NoError(t, err)
	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: ct.ID}, Body: "Broken"})
	require.NoError(t, err)
	body := map[string]any{
		"ticket_type_id": intercomtest.BackOfficeTicketTypeID, "contacts": []any{map[string]any{"id": ct.ID}},
		"created_at": 1700000000, "conversation_to_link_id": msg.ConversationID,
		"assignment": map[string]any{"admin_assignee_id": intercomtest.SecondAdminID, "team_assignee_id": intercomtest.SupportTeamID},
	}
	var tk map[string]any
	_, err = srv.Client(intercom.WithAPIVersion("2.14")).Do(ctx, http.MethodPost, "/tickets", body, &tk)
	require.NoError(t, err)
	require.EqualValues(t, 1700000000, tk["created_at"])
	require.Equal(t, intercomtest.SecondAdminID, tk["admin_assignee_id"])
	require.Equal(t, intercomtest.SupportTeamID, tk["team_assignee_id"])
	require.Equal(t, []any{map[string]any{"type": "conversation", "id": msg.ConversationID, "category": nil}},
		tk["linked_objects"].(map[string]any)["data"])
	conv, _, err := client.Conversations.Get(ctx, msg.ConversationID, nil)
	require.NoError(t, err)
	require.Equal(t, []intercom.LinkedObject{{Type: "ticket", ID: tk["id"].(string), Category: intercom.TicketCategoryBackOffice}}, conv.LinkedObjects.Data)

	_, err = srv.Client(intercom.WithAPIVersion("2.13")).Do(ctx, http.MethodPost, "/tickets", body, nil)
	requireFieldError(t, err, "assignment")
	delete(body, "created_at")
	_, err = srv.Client(intercom.WithAPIVersion("2.10")).Do(ctx, http.MethodPost, "/tickets",
		map[string]any{"ticket_type_id": intercomtest.BugReportTicketTypeID, "contacts": body["contacts"], "created_at": 1}, nil)
	requireFieldError(t, err, "created_at")
	_, err = srv.Client(intercom.WithAPIVersion("2.11")).Do(ctx, http.MethodPost, "/tickets",
		map[string]any{"ticket_type_id": intercomtest.BugReportTicketTypeID, "contacts": body["contacts"], "created_at": 1}, nil)
	require.NoError(t, err, "2.11 declares created_at")
}

func TestTicketChangeTypeAndLinks(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	ct, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "links@example.com"})
	require.NoError(t, err)
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts: []intercom.TicketContactIdentifier{{ID: ct.ID}}, TicketAttributes: intercom.TicketAttributes{"_default_title_": "Slow"}})
	require.NoError(t, err)
	c16 := srv.Client(intercom.WithAPIVersion("2.16"))

	// The Ticket model reads the state of 2.10: read 2.16's answer raw.
	var got map[string]any
	_, err = c16.Do(ctx, http.MethodPost, "/tickets/"+tk.ID+"/change_type", intercom.TicketChangeTypeRequest{
		TicketTypeID: intercomtest.FeatureRequestTicketTypeID, TicketStateID: intercomtest.InProgressTicketStateID,
		TicketAttributes: intercom.TicketAttributes{"_default_description_": "Pages load slowly"},
	}, &got)
	require.NoError(t, err)
	require.Equal(t, intercomtest.FeatureRequestTicketTypeID, got["ticket_type"].(map[string]any)["id"])
	require.Equal(t, intercomtest.InProgressTicketStateID, got["ticket_state"].(map[string]any)["id"])
	require.Equal(t, map[string]any{"_default_title_": "Slow", "_default_description_": "Pages load slowly"}, got["ticket_attributes"])
	for _, tc := range []struct {
		field string
		req   intercom.TicketChangeTypeRequest
	}{
		{"ticket_type_id", intercom.TicketChangeTypeRequest{TicketTypeID: intercomtest.BackOfficeTicketTypeID, TicketStateID: intercomtest.ResolvedTicketStateID}},
		{"ticket_state_id", intercom.TicketChangeTypeRequest{TicketTypeID: intercomtest.FeatureRequestTicketTypeID, TicketStateID: intercomtest.WithDevTeamTicketStateID}},
	} {
		_, err = c16.Do(ctx, http.MethodPost, "/tickets/"+tk.ID+"/change_type", tc.req, nil)
		requireFieldError(t, err, tc.field)
	}

	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: ct.ID}, Body: "Also slow for me"})
	require.NoError(t, err)
	var raw []byte
	conv, _, err := c16.Tickets.LinkConversation(ctx, tk.ID, intercom.TicketLinkConversationRequest{ConversationID: msg.ConversationID}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, conv)
	require.Equal(t, msg.ConversationID, conv.ID)
	require.Equal(t, []intercom.LinkedObject{{Type: "ticket", ID: tk.ID, Category: intercom.TicketCategoryCustomer}}, conv.LinkedObjects.Data)
	back, _, err := client.Tickets.Get(ctx, tk.ID)
	require.NoError(t, err)
	require.Equal(t, []intercom.LinkedObject{{Type: "conversation", ID: msg.ConversationID}}, back.LinkedObjects.Data)

	conv, _, err = c16.Tickets.UnlinkConversation(ctx, tk.ID, msg.ConversationID)
	require.NoError(t, err)
	require.Empty(t, conv.LinkedObjects.Data)
	back, _, err = client.Tickets.Get(ctx, tk.ID)
	require.NoError(t, err)
	require.Empty(t, back.LinkedObjects.Data)
	_, _, err = c16.Tickets.UnlinkConversation(ctx, tk.ID, msg.ConversationID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
}
