package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the ticket states of the workspace (API 2.12 and later), to find the
// ticket_state_id that moves a ticket: a category (submitted, in_progress,
// …) may have several states, with the labels teammates and customers see.
// The example runs against the in-process fake; with a real token, create
// the client with intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleTicketStatesService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	states, _, err := client.TicketStates.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range states.Data {
		fmt.Printf("%s %-19s %q (customers see %q), %d ticket type(s)\n",
			s.ID, s.Category, s.InternalLabel, s.ExternalLabel, len(s.TicketTypes.Data))
	}
	// Output:
	// 8601 submitted           "Submitted" (customers see "Submitted"), 3 ticket type(s)
	// 8602 in_progress         "In progress" (customers see "In progress"), 3 ticket type(s)
	// 8603 waiting_on_customer "Waiting on customer" (customers see "Waiting on customer"), 3 ticket type(s)
	// 8604 resolved            "Resolved" (customers see "Resolved"), 3 ticket type(s)
	// 8605 in_progress         "With Dev Team" (customers see "In progress"), 1 ticket type(s)
}
