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
	client := srv.Client()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), client, &out))
	got := out.String()
	t.Log("\n" + got)

	for _, re := range []string{
		`(?m)^acting as Ada Lovelace \(admin ` + intercomtest.AdminID + `\)$`,
		`(?m)^using ticket type ` + intercomtest.BugReportTicketTypeID + ` "Bug Report" \(Customer\)$`,
		`(?m)^created contact [0-9a-f]{24} <tickets-\d+@example\.com>$`,
		`(?m)^created ticket \d+ \(#1\) "Invoice PDF is blank \(\d+\)": state submitted$`,
		`(?m)^contact replied: part \d+ \(comment\)$`,
		`(?m)^admin added a note: part \d+ \(note\)$`,
		`(?m)^assigned to Ada Lovelace and started: state in_progress \(In progress\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^waiting on the customer: state waiting_on_customer \(Waiting on customer\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^admin replied: part \d+ \(comment\)$`,
		`(?m)^resolved: state resolved \(Resolved\), admin assignee ` + intercomtest.AdminID + `$`,
		`(?m)^search \(state = resolved AND created_at > yesterday\): 1 ticket\(s\), ours included: true$`,
		`(?m)^ticket \d+ has 8 parts: ticket_state_updated_by_admin, comment, note, ticket_state_updated_by_admin, assignment, ticket_state_updated_by_admin, comment, ticket_state_updated_by_admin$`,
		`(?m)^cleanup: deleted contact [0-9a-f]{24}$`,
	} {
		require.Regexp(t, re, got)
	}

	res, _, err := client.Tickets.Search(context.Background(), intercom.SearchRequest{
		Query: intercom.Filter("state", intercom.OpEquals, intercom.StringValue("resolved"))})
	require.NoError(t, err)
	require.Len(t, res.Tickets, 1)
	require.Equal(t, intercomtest.AdminID, res.Tickets[0].AdminAssigneeID)
}

func TestRunReportsFailures(t *testing.T) {
	t.Parallel()
	srv := intercomtest.New(t)
	err := run(context.Background(), srv.Client(intercom.WithAPIVersion("3.0")), &bytes.Buffer{})
	require.ErrorIs(t, err, intercom.ErrValidation)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("intercom_version_invalid"), apiErr.Error())
}

func TestNewClientWithoutATokenUsesTheFake(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	client, done, err := newClient(func(string) string { return "" }, &stderr)
	require.NoError(t, err)
	defer done()
	require.Contains(t, stderr.String(), "running against the in-process fake Intercom")
	types, _, err := client.TicketTypes.List(context.Background())
	require.NoError(t, err)
	require.NotEmpty(t, types.Data)
}

func TestNewClientWithATokenUsesTheRegion(t *testing.T) {
	t.Parallel()
	env := map[string]string{"INTERCOM_TOKEN": "tok", "INTERCOM_REGION": "au"}
	client, done, err := newClient(func(k string) string { return env[k] }, &bytes.Buffer{})
	require.NoError(t, err)
	defer done()
	require.Equal(t, intercom.BaseURLAU, client.BaseURL())
}
