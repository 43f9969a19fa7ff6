package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the content snippets Fin and Copilot answer from (API 2.16 and later).
// The example runs against the in-process fake, which answers with the example
// of API 2.16's description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleContentSnippetsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	snippets, _, err := client.ContentSnippets.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range snippets.Data {
		fmt.Println(s.ID, s.Title, s.Locale)
	}
	// Output:
	// 123 How to reset your password en
}
