// Command dataexport exports the message delivery data of the last 24
// hours: it starts a data export job, waits for it to finish (printing each
// status change), then streams the gzipped CSV and counts its rows.
//
// With INTERCOM_TOKEN set it talks to that workspace (INTERCOM_REGION picks
// us, eu or au; us by default). Without it, it runs against the in-process
// fake of package intercomtest, first sending a few messages there so that
// there is something to export, and says so on stderr:
//
//	go run ./examples/dataexport
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/examples/internal/exampleenv"
)

func main() {
	exampleenv.Main("dataexport", func(ctx context.Context, client *intercom.Client, fake bool) error {
		if fake {
			if err := seedFake(ctx, client, os.Stderr); err != nil {
				return err
			}
		}
		return run(ctx, client, os.Stdout)
	})
}

// newClient returns the client main runs with, and whether it is of the
// fake: see exampleenv.Client.
func newClient(getenv func(string) string, stderr io.Writer) (client *intercom.Client, fake bool, done func(), err error) {
	return exampleenv.Client("dataexport", getenv, stderr)
}

// seedFake gives an empty fake workspace something to export: three
// contacts, each sent an in-app message by the admin of the token.
func seedFake(ctx context.Context, client *intercom.Client, log io.Writer) error {
	me, _, err := client.Admins.Me(ctx)
	if err != nil {
		return err
	}
	for i, name := range []string{"Ada Lovelace", "Grace Hopper", "Alan Turing"} {
		c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
			Role:  intercom.ContactRoleUser,
			Email: fmt.Sprintf("reader%d@example.com", i+1),
			Name:  intercom.Some(name),
		})
		if err != nil {
			return fmt.Errorf("seeding contacts: %w", err)
		}
		if _, _, err := client.Messages.Create(ctx, intercom.MessageCreateRequest{
			MessageType: intercom.MessageRequestInApp,
			Body:        "Our spring release is out: have a look!",
			From:        intercom.MessageSender{Type: "admin", ID: me.ID},
			To:          intercom.MessageRecipient{Type: "user", ID: c.ID},
		}); err != nil {
			return fmt.Errorf("seeding messages: %w", err)
		}
	}
	fmt.Fprintln(log, "seeded the fake workspace: 3 contacts, each sent an in-app message")
	return nil
}

// run exports the last 24 hours. It writes what happens to out.
func run(ctx context.Context, client *intercom.Client, out io.Writer) error {
	now := time.Now()
	job, _, err := client.DataExport.Create(ctx, intercom.DataExportCreateRequest{
		CreatedAtAfter:  intercom.UnixTime(now.Add(-24 * time.Hour)),
		CreatedAtBefore: intercom.UnixTime(now),
	})
	if err != nil {
		return fmt.Errorf("starting the export: %w", err)
	}
	fmt.Fprintf(out, "started export job %s: %s\n", job.JobIdentifier, job.Status)

	// Poll with a growing interval: quick for small exports, gentle for big
	// ones. (DataExport.WaitForCompletion polls at a fixed interval.)
	wait := 100 * time.Millisecond
	for !job.Status.Done() {
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		wait = min(wait*2, 10*time.Second)
		prev := job.Status
		job, _, err = client.DataExport.Get(ctx, job.JobIdentifier)
		if err != nil {
			return fmt.Errorf("checking the export: %w", err)
		}
		if job.Status != prev {
			fmt.Fprintf(out, "export job %s: %s → %s\n", job.JobIdentifier, prev, job.Status)
		}
	}
	switch job.Status {
	case intercom.DataExportCompleted:
	case intercom.DataExportNoData:
		fmt.Fprintln(out, "no messages were sent in the last 24 hours: nothing to download")
		return nil
	default:
		return fmt.Errorf("export job %s ended %s", job.JobIdentifier, job.Status)
	}
	if exp, ok := job.ExpiresAt(); ok {
		fmt.Fprintf(out, "download available until %s\n", exp.Format(time.RFC3339))
	}

	body, _, err := client.DataExport.Download(ctx, job.JobIdentifier)
	if err != nil {
		return fmt.Errorf("downloading the export: %w", err)
	}
	defer body.Close()
	r := csv.NewReader(body)
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("reading the CSV header: %w", err)
	}
	col := map[string]int{}
	for i, name := range header {
		col[name] = i
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	rows := 0
	types := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("reading CSV row %d: %w", rows+1, err)
		}
		rows++
		types[field(rec, "content_type")]++
		if rows <= 3 {
			fmt.Fprintf(out, "row %d: %s received %s %s at %s\n", rows, field(rec, "email"),
				field(rec, "content_type"), field(rec, "content_id"), field(rec, "received_at"))
		}
	}
	var byType []string
	for t, n := range types {
		byType = append(byType, fmt.Sprintf("%s %d", t, n))
	}
	fmt.Fprintf(out, "downloaded %d rows of %d columns (%s)\n", rows, len(header), strings.Join(byType, ", "))
	return nil
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
