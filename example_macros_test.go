package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the macros (saved replies) teammates can use (API 2.16 and later). The
// example runs against the in-process fake, which answers with the example of
// API 2.16's description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleMacrosService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	macros, _, err := client.Macros.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range macros.Data {
		fmt.Println(m.ID, m.Name, "/", m.VisibleTo)
	}
	// Output:
	// 123 Order Status Update / everyone
	// 456 Welcome Message / specific_teams
}
