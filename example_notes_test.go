package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Leave a note on a contact as an admin, then list the contact's notes.
// The example runs against the in-process fake; with a real token, create
// the client with intercom.NewClient(token).
func ExampleContactsService_CreateNote() {
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
	note, _, err := client.Contacts.CreateNote(ctx, contact.ID, intercom.ContactCreateNoteRequest{
		Body:    "<p>Asked for an <b>annual</b> invoice.</p>",
		AdminID: intercomtest.AdminID,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("by:", note.Author.Name)

	for n, err := range client.Contacts.ListNotesAll(ctx, contact.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(n.Body)
	}
	// Output:
	// by: Ada Lovelace
	// <p>Asked for an <b>annual</b> invoice.</p>
}
