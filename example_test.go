package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// The quickstart flow, run against the in-process fake Intercom: create a
// contact, find it with a search, start a conversation, reply as an admin,
// snooze it and close it. With a real token, create the client with
// intercom.NewClient(token) instead.
func Example() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:  intercom.ContactRoleUser,
		Email: "ada@example.com",
		Name:  intercom.Some("Ada Lovelace"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", contact.Name, contact.Role)

	query := intercom.Filter("email", intercom.OpEquals, intercom.StringValue("ada@example.com"))
	for c, err := range client.Contacts.SearchAll(ctx, intercom.SearchRequest{Query: query}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("found:", c.Email, c.ID == contact.ID)
	}

	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: contact.ID},
		Body: "Hello, I need help with my invoice",
	})
	if err != nil {
		log.Fatal(err)
	}
	id := msg.ConversationID

	conv, _, err := client.Conversations.Reply(ctx, id, intercom.ConversationAdminReply{AdminID: intercomtest.AdminID, Body: "Happy to help!"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("replied:", conv.State, len(conv.ConversationParts.ConversationParts), "part(s)")

	conv, _, err = client.Conversations.Snooze(ctx, id, intercom.ConversationSnoozeRequest{AdminID: intercomtest.AdminID, SnoozedUntil: 1924992000})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("snoozed:", conv.State, conv.SnoozedUntil.Time().Format("2006-01-02"))

	conv, _, err = client.Conversations.Close(ctx, id, intercom.ConversationCloseRequest{AdminID: intercomtest.AdminID, Body: "Solved."})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("closed:", conv.State, conv.Open)
	// Output:
	// created: Ada Lovelace user
	// found: ada@example.com true
	// replied: open 1 part(s)
	// snoozed: snoozed 2031-01-01
	// closed: closed false
}
