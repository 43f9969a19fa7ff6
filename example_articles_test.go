package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Publish a Help Center article written by an admin. The example runs
// against the in-process fake, which answers article calls with the
// examples of Intercom's API description; with a real token, create the
// client with intercom.NewClient(token).
func ExampleArticlesService_Create() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	article, _, err := client.Articles.Create(context.Background(), intercom.ArticleCreateRequest{
		Title:       "Thanks for everything",
		Description: "Description of the Article",
		Body:        "<p>Body of the Article</p>",
		AuthorID:    "991267407",
		State:       intercom.ArticleStatePublished,
		ParentID:    "145",
		ParentType:  "collection",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(article.ID, article.Title, article.State)
	// Output:
	// 55 Thanks for everything published
}

// List every article of the workspace, page by page as the loop needs
// them. The example runs against the in-process fake; with a real token,
// create the client with intercom.NewClient(token).
func ExampleArticlesService_ListAll() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	for a, err := range client.Articles.ListAll(context.Background(), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.ID, a.Title, a.State)
	}
	// Output:
	// 52 This is the article title published
}
