package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Send an email from an admin to a user. The example runs against the
// in-process fake; with a real token, create the client with
// intercom.NewClient(token).
func ExampleMessagesService_Create() {
	srv := intercomtest.NewServer()
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
	msg, _, err := client.Messages.Create(ctx, intercom.MessageCreateRequest{
		MessageType: intercom.MessageRequestEmail,
		Subject:     "Your invoice",
		Body:        "Hi Ada, your annual invoice is attached.",
		Template:    intercom.MessageTemplatePlain,
		From:        intercom.MessageSender{Type: "admin", ID: intercomtest.AdminID},
		To:          intercom.MessageRecipient{Type: "user", ID: contact.ID},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(msg.Type, msg.MessageType, msg.Subject)
	// Output:
	// admin_message email Your invoice
}
