package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Turn a Messenger visitor who signed up into a user. The example runs
// against the in-process fake, which answers with the example of
// Intercom's API description; with a real token, create the client with
// intercom.NewClient(token).
func ExampleVisitorsService_Convert() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	contact, _, err := client.Visitors.Convert(context.Background(), intercom.VisitorConvertRequest{
		Type:    intercom.VisitorConvertToUser,
		User:    intercom.VisitorIdentifier{Email: "foo@bar.com"},
		Visitor: intercom.VisitorIdentifier{UserID: "3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(contact.Role, contact.Email)
	// Output:
	// user foo@bar.com
}
