package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestRunAgainstTheFake(t *testing.T) {
	t.Parallel()
	srv := intercomtest.New(t)
	client := srv.Client(intercom.WithAPIVersion(apiVersion))
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), client, intercomtest.OrderCustomObjectType, &out))
	got := out.String()
	t.Log("\n" + got)

	for _, re := range []string{
		`(?m)^acting as Ada Lovelace \(admin ` + intercomtest.AdminID + `\), API 2\.16$`,
		`(?m)^using ticket type ` + intercomtest.BugReportTicketTypeID + ` "Bug Report"$`,
		`(?m)^states to go through: ` + intercomtest.InProgressTicketStateID + ` "In progress", ` + intercomtest.WithDevTeamTicketStateID +
			` "With Dev Team", ` + intercomtest.WaitingOnCustomerTicketStateID + ` "Waiting on customer", ` + intercomtest.ResolvedTicketStateID + ` "Resolved"$`,
		`(?m)^created contact [0-9a-f]{24} <customobjects-\d+@example\.com>$`,
		`(?m)^created Order order-\d+-1 \(Intercom id \d+\): status delivered, total 42\.5$`,
		`(?m)^created Order order-\d+-2 \(Intercom id \d+\): status delivered, total 17$`,
		`(?m)^created ticket (\d+) \(#1\): state submitted "Submitted"$`,
		`(?m)^linked Order order-\d+-1 to ticket \d+$`,
		`(?m)^ticket moved to in_progress "In progress" \(customers see "In progress"\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^ticket moved to in_progress "With Dev Team" \(customers see "In progress"\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^ticket moved to waiting_on_customer "Waiting on customer" \(customers see "Waiting on customer"\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^ticket moved to resolved "Resolved" \(customers see "Resolved"\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^Order order-\d+-1: status refunded, total 42\.5, ticket \d+$`,
		`(?m)^Order order-\d+-2: status refunded, total 17, ticket \d+$`,
		`(?m)^ticket \d+ has 6 parts: ticket_state_updated_by_admin, ticket_state_updated_by_admin, assignment, ticket_state_updated_by_admin, ticket_state_updated_by_admin, ticket_state_updated_by_admin$`,
		`(?m)^cleanup: deleted Order order-\d+-1$`,
		`(?m)^cleanup: deleted Order order-\d+-2$`,
		`(?m)^cleanup: deleted contact [0-9a-f]{24}$`,
	} {
		require.Regexp(t, re, got)
	}

	// What the run left: the ticket, resolved, and no orders.
	list, _, err := client.CustomObjectInstances.List(context.Background(), intercomtest.OrderCustomObjectType, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data)
	var found map[string]any
	_, err = client.Do(context.Background(), "POST", "/tickets/search", intercom.SearchRequest{
		Query: intercom.Filter("ticket_state_id", intercom.OpEquals, intercom.StringValue(intercomtest.ResolvedTicketStateID))}, &found)
	require.NoError(t, err)
	require.Len(t, found["tickets"], 1)
}

func TestRunNeedsAVersionWithCustomObjects(t *testing.T) {
	t.Parallel()
	srv := intercomtest.New(t)
	err := run(context.Background(), srv.Client(intercom.WithAPIVersion("2.12")), intercomtest.OrderCustomObjectType, &bytes.Buffer{})
	require.ErrorIs(t, err, intercom.ErrUnsupportedByVersion)
}

func TestNewClientWithoutATokenUsesTheFake(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	client, done, err := newClient(func(string) string { return "" }, &stderr)
	require.NoError(t, err)
	defer done()
	require.Contains(t, stderr.String(), "running against the in-process fake Intercom")
	states, _, err := client.TicketStates.List(context.Background())
	require.NoError(t, err, "a client of API %s", apiVersion)
	require.NotEmpty(t, states.Data)
}

func TestNewClientWithATokenUsesTheRegion(t *testing.T) {
	t.Parallel()
	env := map[string]string{"INTERCOM_TOKEN": "tok", "INTERCOM_REGION": "eu"}
	client, done, err := newClient(func(k string) string { return env[k] }, &bytes.Buffer{})
	require.NoError(t, err)
	defer done()
	require.Equal(t, intercom.BaseURLEU, client.BaseURL())
}
