package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Search the Knowledge Hub: articles, snippets, internal articles, external
// pages and files (API 2.16 and later). The example runs against the
// in-process fake, which answers with the example of API 2.16's description;
// with a real token, create the client with intercom.NewClient(token,
// intercom.WithAPIVersion("2.16")).
func ExampleContentService_Search() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	res, _, err := client.Content.Search(context.Background(), &intercom.ContentSearchOptions{Query: "billing"})
	if err != nil {
		log.Fatal(err)
	}
	for _, item := range res.Data {
		fmt.Printf("%s %s %q\n", item.Type, item.ID, item.Title)
	}
	// Output:
	// content_snippet 123 "Billing FAQ"
	// external_content 456 "How to reset your password"
	// file_source_content 789 "billing-guide.pdf"
	// internal_article 012 "Internal SOP: Refunds"
	// article 345 "Billing FAQ"
}
