package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the audiences content can be targeted to (API 2.16 and later). The
// example runs against the in-process fake, which answers with the example of
// API 2.16's description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleAudiencesService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	audiences, _, err := client.Audiences.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range audiences.Data {
		fmt.Println(a.ID, a.Name)
	}
	// Output:
	// 123 VIP Customers
	// 456 Enterprise Accounts
}
