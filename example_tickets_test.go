package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Open a bug report for a customer identified by email, then fetch it back.
// The example runs against the in-process fake; with a real token, create
// the client with intercom.NewClient(token) and use one of your workspace's
// ticket type ids.
func ExampleTicketsService_Create() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	ticket, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
		TicketTypeID: intercomtest.BugReportTicketTypeID,
		Contacts:     []intercom.TicketContactIdentifier{{Email: "ada@example.com"}},
		TicketAttributes: intercom.TicketAttributes{
			"_default_title_":       "Export button does nothing",
			"_default_description_": "Clicking Export on the reports page shows no file.",
		},
	})
	if err != nil {
		log.Fatal(err)
	}

	got, _, err := client.Tickets.Get(ctx, ticket.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.TicketType.Name, "/", got.Category)
	fmt.Println(got.TicketAttributes["_default_title_"])
	fmt.Println("state:", got.TicketState, "open:", got.Open)
	fmt.Println("contact:", got.Contacts.Contacts[0].ID != "")
	// Output:
	// Bug Report / Customer
	// Export button does nothing
	// state: submitted open: true
	// contact: true
}
