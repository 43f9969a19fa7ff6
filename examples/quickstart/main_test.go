package main

import (
	"bytes"
	"context"
	"strings"
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
		`(?m)^authenticated as Ada Lovelace \(admin ` + intercomtest.AdminID + `\) in workspace "intercomtest"$`,
		`(?m)^created contact [0-9a-f]{24}: Ada Lovelace <quickstart-\d+-1@example\.com>$`,
		`(?m)^created contact [0-9a-f]{24}: Katherine Johnson <quickstart-\d+-3@example\.com>$`,
		`(?m)^search \(email \^ "quickstart-\d+-" AND role = user, 2 per page\) found 3 contacts: Ada Lovelace, Grace Hopper, Katherine Johnson$`,
		`(?m)^Ada Lovelace started conversation (\d+) with message \d+$`,
		`(?m)^admin replied: conversation \d+ is open with 1 part\(s\)$`,
		`(?m)^contact replied: conversation \d+ is open with 2 part\(s\)$`,
		`(?m)^snoozed: conversation \d+ is snoozed until \d{4}-\d\d-\d\dT`,
		`(?m)^closed: conversation \d+ is closed \(open=false\); parts: comment, comment, snoozed, close$`,
		`(?m)^listed 3 contacts in the workspace, 3 of them created by this run$`,
		`(?m)^cleanup: deleted 3 of 3 contacts created by this run$`,
	} {
		require.Regexp(t, re, got)
	}

	// The workspace is left as the output says.
	ctx := context.Background()
	contacts, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, contacts.Data, "the contacts were deleted")
	convs, _, err := client.Conversations.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, convs.Conversations, 1)
	require.Equal(t, intercom.ConversationStateClosed, convs.Conversations[0].State)
}

func TestRunReportsFailures(t *testing.T) {
	t.Parallel()
	srv := intercomtest.New(t)
	err := run(context.Background(), srv.Client(intercom.WithToken("wrong")), &bytes.Buffer{})
	require.ErrorIs(t, err, intercom.ErrUnauthorized)
	require.Contains(t, err.Error(), "identifying the admin")
}

func TestNewClientWithoutATokenUsesTheFake(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	client, done, err := newClient(func(string) string { return "" }, &stderr)
	require.NoError(t, err)
	defer done()
	require.Contains(t, stderr.String(), "INTERCOM_TOKEN is not set: running against the in-process fake Intercom at http://127.0.0.1:")
	require.True(t, strings.HasPrefix(client.BaseURL(), "http://127.0.0.1:"), client.BaseURL())
	me, _, err := client.Admins.Me(context.Background())
	require.NoError(t, err)
	require.Equal(t, intercomtest.AdminID, me.ID)
}

func TestNewClientWithATokenUsesTheRegion(t *testing.T) {
	t.Parallel()
	env := map[string]string{"INTERCOM_TOKEN": "tok", "INTERCOM_REGION": "eu"}
	var stderr bytes.Buffer
	client, done, err := newClient(func(k string) string { return env[k] }, &stderr)
	require.NoError(t, err)
	defer done()
	require.Equal(t, intercom.BaseURLEU, client.BaseURL())
	require.Empty(t, stderr.String())

	env["INTERCOM_REGION"] = ""
	client, _, err = newClient(func(k string) string { return env[k] }, &stderr)
	require.NoError(t, err)
	require.Equal(t, intercom.BaseURLUS, client.BaseURL())

	env["INTERCOM_REGION"] = "mars"
	_, _, err = newClient(func(k string) string { return env[k] }, &stderr)
	require.ErrorContains(t, err, "unknown region")
}
