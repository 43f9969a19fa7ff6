package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Record an event for a user, then list the user's events. The example runs
// against the in-process fake; with a real token, create the client with
// intercom.NewClient(token). Intercom processes events asynchronously (Create
// is answered 202 with no body), so on a real workspace an event may take a
// moment to be listed; the fake lists it at once.
func ExampleDataEventsService_Create() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	if _, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:       intercom.ContactRoleUser,
		ExternalID: "user-42",
		Email:      "ada@example.com",
	}); err != nil {
		log.Fatal(err)
	}

	if _, err := client.DataEvents.Create(ctx, intercom.DataEventCreateRequest{
		EventName: "ordered-item",
		CreatedAt: intercom.Timestamp(1717000000),
		UserID:    "user-42",
		Metadata:  map[string]any{"order_number": "3434-3434", "items": 2},
	}); err != nil {
		log.Fatal(err)
	}

	events, _, err := client.DataEvents.List(ctx, intercom.DataEventListOptions{UserID: "user-42"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range events.Events {
		fmt.Println(e.EventName, e.CreatedAt.Time().UTC().Format("2006-01-02"), e.Email)
		fmt.Println(e.Metadata["order_number"], e.Metadata["items"])
	}
	// Output:
	// ordered-item 2024-05-29 ada@example.com
	// 3434-3434 2
}
