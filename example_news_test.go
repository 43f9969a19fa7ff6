package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Publish a news item in a newsfeed. The example runs against the
// in-process fake, which answers with the example of Intercom's API
// description; with a real token, create the client with
// intercom.NewClient(token).
func ExampleNewsService_CreateItem() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	item, _, err := client.News.CreateItem(context.Background(), intercom.NewsCreateItemRequest{
		Title:           "Halloween is here!",
		Body:            "<p>New costumes in store for this spooky season</p>",
		SenderID:        "991267834",
		State:           intercom.NewsItemStateLive,
		DeliverSilently: intercom.Some(true),
		Labels:          []string{"Product", "Update", "New"},
		Reactions:       []string{"😆", "😅"},
		NewsfeedAssignments: []intercom.NewsfeedAssignment{
			{NewsfeedID: "53", PublishedAt: 1664638214},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(item.ID, item.Title, item.State)
	// Output:
	// 47 Halloween is here! live
}
