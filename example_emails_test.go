package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the sender email addresses of the workspace (API 2.15 and later). The
// example runs against the in-process fake, which answers with the example of
// API 2.16's description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleEmailsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	emails, _, err := client.Emails.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range emails.Data {
		fmt.Println(e.Email, "verified:", e.Verified)
	}
	// Output:
	// support@company.com verified: true
	// hello@company.com verified: true
}
