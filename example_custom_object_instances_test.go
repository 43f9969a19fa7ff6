package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Mirror a record of your system (an order) into Intercom as an instance
// of a custom object type, keyed by your own id: calling CreateOrUpdate
// again with the same external id updates it (API 2.13 and later). The
// example runs against the in-process fake; with a real token, create the
// client with intercom.NewClient(token, intercom.WithAPIVersion("2.16")),
// for a custom object type defined in Intercom's settings.
func ExampleCustomObjectInstancesService_CreateOrUpdate() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))
	ctx := context.Background()

	order, _, err := client.CustomObjectInstances.CreateOrUpdate(ctx, "Order", intercom.CustomObjectInstanceCreateOrUpdateRequest{
		ExternalID:       "order-1001",
		CustomAttributes: map[string]any{"status": "paid", "total": 42.5},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", order.Type, order.ExternalID, order.CustomAttributes["status"])

	_, _, err = client.CustomObjectInstances.CreateOrUpdate(ctx, "Order", intercom.CustomObjectInstanceCreateOrUpdateRequest{
		ExternalID:       "order-1001",
		CustomAttributes: map[string]any{"status": "shipped"},
	})
	if err != nil {
		log.Fatal(err)
	}
	got, _, err := client.CustomObjectInstances.GetByExternalID(ctx, "Order", intercom.CustomObjectInstanceGetByExternalIDOptions{ExternalID: "order-1001"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("updated:", got.ID == order.ID, got.CustomAttributes["status"], got.CustomAttributes["total"])
	// Output:
	// created: Order order-1001 paid
	// updated: true shipped 42.5
}
