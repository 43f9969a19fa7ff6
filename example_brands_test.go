package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the brands of the workspace (API 2.15 and later). The example runs
// against the in-process fake, which answers with the example of API 2.16's
// description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleBrandsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	brands, _, err := client.Brands.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range brands.Data {
		fmt.Println(b.ID, b.Name, "default:", b.IsDefault)
	}
	// Output:
	// tlkp1d91 Default Brand default: true
	// 3 Premium Brand default: false
}
