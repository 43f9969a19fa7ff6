package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the reasons a teammate can give for being away (API 2.14 and later).
// The example runs against the in-process fake, which answers with the example
// of API 2.16's description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleAwayStatusReasonsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	reasons, _, err := client.AwayStatusReasons.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range reasons.Data {
		fmt.Println(r.Emoji, r.Label)
	}
	// Output:
	// ☕ On a break
}
