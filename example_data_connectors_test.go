package intercom_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the workspace's data connectors, the requests to external APIs that
// workflows and AI agents can make (API 2.16 and later). The example runs
// against the in-process fake; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleDataConnectorsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	connectors, _, err := client.DataConnectors.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, dc := range connectors.Data {
		fmt.Println(dc.ID, dc.Name, dc.State, dc.HTTPMethod, dc.UpdatedAt.Format(time.RFC3339))
	}
	fmt.Println("next page after:", connectors.Pages.Next.StartingAfter)
	// Output:
	// 12345 Order Status Service live post 2026-01-20T14:22:15Z
	// next page after: WzE3MDc1OTQ3MTUuMCwxMjM0NV0=
}
