package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Add a text attribute to a ticket type. The example runs against the
// in-process fake, which answers with the example of Intercom's API
// description whatever is sent (so the request here is that example's, and
// the fake's ticket type does not gain the attribute); with a real token,
// create the client with intercom.NewClient(token) and use one of your
// workspace's ticket type ids.
func ExampleTicketTypesService_CreateAttribute() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	attr, _, err := client.TicketTypes.CreateAttribute(context.Background(), intercomtest.BugReportTicketTypeID,
		intercom.TicketTypeCreateAttributeRequest{
			Name:             "Attribute Title",
			Description:      "Attribute Description",
			DataType:         intercom.TicketDataTypeString,
			RequiredToCreate: intercom.Some(false),
		})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(attr.ID, attr.Name, "/", attr.DataType)
	fmt.Println("required:", attr.RequiredToCreate, "visible to contacts:", attr.VisibleToContacts)
	// Output:
	// 253 Attribute Title / string
	// required: false visible to contacts: true
}
