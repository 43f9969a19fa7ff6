package intercom_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"log"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Export the data of the messages sent in a date range: create the job,
// wait for it to complete, and stream its CSV (un-gzipped on the fly). The
// example runs against the in-process fake, whose jobs complete after two
// status checks and whose CSV has a row per message sent; with a real
// token, create the client with intercom.NewClient(token) and poll every
// minute or so (an interval of 0 means DefaultDataExportPollInterval).
func ExampleDataExportService_Create() {
	srv := intercomtest.NewServer(intercomtest.WithClock(func() time.Time {
		return time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)
	}))
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:  intercom.ContactRoleUser,
		Email: "ada@example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.Messages.Create(ctx, intercom.MessageCreateRequest{
		MessageType: intercom.MessageRequestInApp,
		Body:        "Welcome aboard!",
		From:        intercom.MessageSender{ID: intercomtest.AdminID},
		To:          intercom.MessageRecipient{Type: "user", ID: contact.ID},
	}); err != nil {
		log.Fatal(err)
	}

	job, _, err := client.DataExport.Create(ctx, intercom.DataExportCreateRequest{
		CreatedAtAfter:  intercom.UnixTime(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)),
		CreatedAtBefore: intercom.UnixTime(time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", job.Status)

	job, err = client.DataExport.WaitForCompletion(ctx, job.JobIdentifier, time.Millisecond)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("finished:", job.Status)
	if job.Status != intercom.DataExportCompleted {
		return // failed, canceled or no_data: nothing to download
	}

	body, _, err := client.DataExport.Download(ctx, job.JobIdentifier)
	if err != nil {
		log.Fatal(err)
	}
	defer body.Close()
	rows, err := csv.NewReader(body).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("columns:", rows[0][:3])
	fmt.Println("messages:", len(rows)-1)
	// Output:
	// created: pending
	// finished: completed
	// columns: [user_id user_external_id company_id]
	// messages: 1
}
