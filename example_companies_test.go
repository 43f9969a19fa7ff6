package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Create a company keyed by your own id, then update it by sending the same
// CompanyID again: Intercom keeps one company per CompanyID. The example
// runs against the in-process fake; with a real token, create the client
// with intercom.NewClient(token).
func ExampleCompaniesService_CreateOrUpdate() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()

	created, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{
		CompanyID: "acme-42",
		Name:      "Acme",
		Plan:      "starter",
		Size:      intercom.Some(12),
	})
	if err != nil {
		log.Fatal(err)
	}
	updated, _, err := client.Companies.CreateOrUpdate(ctx, intercom.CompanyCreateOrUpdateRequest{
		CompanyID:        "acme-42",
		Plan:             "pro",
		MonthlySpend:     intercom.Some(490),
		CustomAttributes: map[string]any{"region": "EMEA"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(updated.Name, updated.Plan.Name, updated.Size, updated.MonthlySpend)
	fmt.Println("same company:", updated.ID == created.ID)
	fmt.Println("region:", updated.CustomAttributes["region"])
	// Output:
	// Acme pro 12 490
	// same company: true
	// region: EMEA
}
