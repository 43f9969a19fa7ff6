package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom/intercomtest"
)

// List the ticket types a workspace defines, to find the id a new ticket
// needs. The example runs against the in-process fake; with a real token,
// create the client with intercom.NewClient(token).
func ExampleTicketTypesService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	types, _, err := client.TicketTypes.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, tt := range types.Data {
		if tt.Archived {
			continue
		}
		fmt.Println(tt.ID, tt.Name, "/", tt.Category)
	}
	// Output:
	// 87 Bug Report / Customer
	// 88 Feature Request / Customer
	// 89 Refund Approval / Back-office
}
