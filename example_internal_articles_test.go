package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Write an internal article, knowledge for teammates and Copilot that
// customers never see (API 2.13 and later; Markdown bodies from 2.16), then
// list the articles. The example runs against the in-process fake; with a
// real token, create the client with intercom.NewClient(token,
// intercom.WithAPIVersion("2.16")).
func ExampleInternalArticlesService_Create() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))
	ctx := context.Background()

	article, _, err := client.InternalArticles.Create(ctx, intercom.InternalArticleCreateRequest{
		Title:        "Refund policy",
		BodyMarkdown: "Refunds are granted within 30 days.\n\nAsk Billing for anything older.",
		AuthorID:     intercomtest.AdminID,
		OwnerID:      intercomtest.AdminID,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", article.Title)
	fmt.Println("body:", article.Body)

	for a, err := range client.InternalArticles.ListAll(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("listed:", a.ID == article.ID, a.Title, "by", a.AuthorID)
	}
	// Output:
	// created: Refund policy
	// body: <p>Refunds are granted within 30 days.</p><p>Ask Billing for anything older.</p>
	// listed: true Refund policy by 991267001
}
