package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Create a tag (or get the existing one of that name) and put it on a
// contact. The example runs against the in-process fake; with a real token,
// create the client with intercom.NewClient(token).
func ExampleContactsService_AttachTag() {
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
	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "VIP"})
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.Contacts.AttachTag(ctx, contact.ID, intercom.ContactAttachTagRequest{ID: tag.ID}); err != nil {
		log.Fatal(err)
	}

	tags, _, err := client.Contacts.ListTags(ctx, contact.ID)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range tags.Data {
		fmt.Println(t.Name, t.ID == tag.ID)
	}
	// Output:
	// VIP true
}
