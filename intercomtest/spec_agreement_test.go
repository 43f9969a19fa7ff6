package intercomtest_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

// TestFakeAndSpecHarnessAgree drives the fake through the stateful
// workflows, then replays every request it received against the spec
// harness: each request the fake accepted must be valid against the
// OpenAPI description and route to an operation; and requests the harness
// rejects for auth or version, the fake rejects the same way.
func TestFakeAndSpecHarnessAgree(t *testing.T) {
	t.Parallel()
	fake := intercomtest.New(t)
	client := fake.Client()
	ctx := context.Background()

	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Role: intercom.ContactRoleUser, Email: "agree@example.com", Name: intercom.Some("Agree")})
	require.NoError(t, err)
	cid := contact.ID
	_, _, err = client.Contacts.Get(ctx, cid, nil)
	require.NoError(t, err)
	_, _, err = client.Contacts.Update(ctx, cid, intercom.ContactUpdateRequest{Phone: intercom.Null[string](), Name: intercom.Some("Agreed")})
	require.NoError(t, err)
	for _, err := range client.Contacts.SearchAll(ctx, intercom.SearchRequest{
		Query:      intercom.And(intercom.Filter("email", intercom.OpStartsWith, intercom.StringValue("agree")), intercom.Filter("role", intercom.OpEquals, intercom.StringValue("user"))),
		Pagination: intercom.SearchPagination{PerPage: 5},
	}) {
		require.NoError(t, err)
	}
	for _, err := range client.Contacts.ListAll(ctx, &intercom.ContactListOptions{PerPage: 2}) {
		require.NoError(t, err)
	}

	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: cid}, Body: "Help"})
	require.NoError(t, err)
	conv := msg.ConversationID
	_, _, err = client.Conversations.Reply(ctx, conv, intercom.ConversationAdminReply{AdminID: intercomtest.AdminID, Body: "Hi"})
	require.NoError(t, err)
	_, _, err = client.Conversations.Snooze(ctx, conv, intercom.ConversationSnoozeRequest{AdminID: intercomtest.AdminID, SnoozedUntil: intercom.UnixTime(time.Now().Add(time.Hour))})
	require.NoError(t, err)
	_, _, err = client.Conversations.Close(ctx, conv, intercom.ConversationCloseRequest{AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	_, _, err = client.Conversations.Get(ctx, conv, nil)
	require.NoError(t, err)

	ticket, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
		TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts:     []intercom.TicketContactIdentifier{{ID: cid}},
		TicketAttributes: intercom.TicketAttributes{
			"_default_title_":       "Broken",
			"_default_description_": "It broke",
		},
	})
	require.NoError(t, err)
	_, _, err = client.Tickets.Update(ctx, ticket.ID, intercom.TicketUpdateRequest{State: intercom.TicketStateInProgress})
	require.NoError(t, err)
	_, _, err = client.Tickets.Get(ctx, ticket.ID)
	require.NoError(t, err)

	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "vip"})
	require.NoError(t, err)
	_, _, err = client.Contacts.AttachTag(ctx, cid, intercom.ContactAttachTagRequest{ID: tag.ID})
	require.NoError(t, err)
	_, _, err = client.Contacts.CreateNote(ctx, cid, intercom.ContactCreateNoteRequest{Body: "Called", AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	_, _, err = client.Admins.Me(ctx)
	require.NoError(t, err)
	_, _, err = client.Teams.List(ctx)
	require.NoError(t, err)

	received := fake.Requests()
	require.Greater(t, len(received), 15, "the workflows above send many requests")
	harness := spectest.NewServer(t)
	harness.Strict(false) // violations are collected and asserted below
	replayed := 0
	for _, r := range received {
		if r.Status < 200 || r.Status > 299 {
			continue
		}
		replayed++
		resp := replay(t, harness.URL(), r.Method, r.Path, r.RawQuery, r.Header, r.Body)
		rec := harness.LastRequest()
		require.NotNil(t, rec)
		require.NotEmpty(t, rec.OperationID, "%s %s matches no operation of the spec", r.Method, r.Path)
		require.Empty(t, rec.Violations, "%s %s was accepted by the fake but violates the spec", r.Method, r.Path)
		require.Less(t, resp, 300, "%s %s: the harness answered %d", r.Method, r.Path, resp)
	}

	require.Equal(t, len(received), replayed, "every request of the workflows succeeded on the fake")

	// The other way round: what the spec harness refuses for auth and
	// version, the fake refuses with the same status.
	for _, tc := range []struct {
		name   string
		header http.Header
	}{
		{"wrong token", http.Header{"Authorization": {"Bearer nope"}, "Intercom-Version": {"2.10"}, "Accept": {"application/json"}, "User-Agent": {"intercom-go/test"}}},
		{"no token", http.Header{"Intercom-Version": {"2.10"}, "Accept": {"application/json"}, "User-Agent": {"intercom-go/test"}}},
	} {
		want := replay(t, harness.URL(), http.MethodGet, "/me", "", tc.header, nil)
		got := replay(t, fake.URL(), http.MethodGet, "/me", "", tc.header, nil)
		require.Equal(t, want, got, tc.name)
		require.Equal(t, http.StatusUnauthorized, got, tc.name)
	}
}

// replay sends one recorded request to base and returns the status.
func replay(t *testing.T, base, method, path, rawQuery string, header http.Header, body []byte) int {
	t.Helper()
	target := base + path
	if rawQuery != "" {
		target += "?" + rawQuery
	}
	req, err := http.NewRequest(method, target, bytes.NewReader(body))
	require.NoError(t, err)
	for k, vs := range header {
		if k == "Authorization" {
			continue
		}
		req.Header[k] = vs
	}
	if auth := header.Get("Authorization"); auth != "" {
		if auth == "Bearer "+intercomtest.DefaultToken {
			auth = "Bearer " + spectest.TestToken
		}
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}
