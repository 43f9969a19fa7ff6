package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestRunAgainstTheSeededFake(t *testing.T) {
	t.Parallel()
	srv := intercomtest.New(t)
	client := srv.Client()
	ctx := context.Background()
	var log, out bytes.Buffer
	require.NoError(t, seedFake(ctx, client, &log))
	require.Equal(t, "seeded the fake workspace: 3 contacts, each sent an in-app message\n", log.String())

	require.NoError(t, run(ctx, client, &out))
	got := out.String()
	t.Log("\n" + got)
	for _, re := range []string{
		`(?m)^started export job ([a-z0-9]{16}): pending$`,
		`(?m)^export job [a-z0-9]{16}: pending → in_progress$`,
		`(?m)^export job [a-z0-9]{16}: in_progress → completed$`,
		`(?m)^download available until \d{4}-`,
		`(?m)^row 1: reader1@example\.com received Chat \d+ at \d+$`,
		`(?m)^row 3: reader3@example\.com received Chat \d+ at \d+$`,
		`(?m)^downloaded 3 rows of 26 columns \(Chat 3\)$`,
	} {
		require.Regexp(t, re, got)
	}

	// The download was asked for as Intercom requires.
	var sawDownload bool
	for _, r := range srv.Requests() {
		if r.Method == "GET" && len(r.Path) > 22 && r.Path[:22] == "/download/content/data" {
			sawDownload = true
			require.Equal(t, "application/octet-stream", r.Header.Get("Accept"))
		}
	}
	require.True(t, sawDownload)
}

func TestRunWithNothingToExport(t *testing.T) {
	t.Parallel()
	srv := intercomtest.New(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), srv.Client(), &out))
	require.Regexp(t, `(?m)^export job [a-z0-9]{16}: in_progress → no_data$`, out.String())
	require.Contains(t, out.String(), "no messages were sent in the last 24 hours: nothing to download\n")
	require.NotContains(t, out.String(), "downloaded")
}

func TestNewClient(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	client, fake, done, err := newClient(func(string) string { return "" }, &stderr)
	require.NoError(t, err)
	defer done()
	require.True(t, fake)
	require.Contains(t, stderr.String(), "running against the in-process fake Intercom")
	_, _, err = client.Admins.Me(context.Background())
	require.NoError(t, err)

	env := map[string]string{"INTERCOM_TOKEN": "tok", "INTERCOM_REGION": "EU"}
	client, fake, _, err = newClient(func(k string) string { return env[k] }, &stderr)
	require.NoError(t, err)
	require.False(t, fake)
	require.Equal(t, intercom.BaseURLEU, client.BaseURL())
}
