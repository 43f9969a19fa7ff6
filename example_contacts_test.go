package intercom_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/go-intercom/intercom"
)

// Create a user identified by email, with a name and custom attributes.
func ExampleContactsService_Create() {
	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:       intercom.ContactRoleUser,
		Email:      "ada@example.com",
		ExternalID: "user-1815",
		Name:       intercom.Some("Ada Lovelace"),
		SignedUpAt: intercom.Some(intercom.UnixTime(time.Now())),
		CustomAttributes: intercom.Some(map[string]any{
			"plan":          "pro",
			"monthly_spend": 155.5,
		}),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", contact.ID)
}

// Fetch a contact, telling "not found" apart from other failures.
func ExampleContactsService_Get() {
	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"), intercom.WithRegion(intercom.RegionEU))
	if err != nil {
		log.Fatal(err)
	}
	contact, resp, err := client.Contacts.Get(context.Background(), "63a07ddf05a32042dffac965", nil)
	switch {
	case errors.Is(err, intercom.ErrNotFound):
		fmt.Println("no such contact (or it was merged into another one)")
		return
	case err != nil:
		log.Fatal(err)
	}
	fmt.Println(contact.Name, contact.Email, contact.Location.City)
	fmt.Println("tags:", contact.Tags.TotalCount, "requests left:", resp.Rate.Remaining)
}

// Update a contact: set the name, clear the phone number with Null, and
// leave every other field untouched by not setting it.
func ExampleContactsService_Update() {
	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	contact, _, err := client.Contacts.Update(context.Background(), "63a07ddf05a32042dffac965", intercom.ContactUpdateRequest{
		Name:  intercom.Some("Ada King"),
		Phone: intercom.Null[string](), // sent as "phone": null, which clears it
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(contact.Name, contact.Phone == "")
}

// Walk every user with an example.com address created since 2024, page by
// page; pages are fetched only as the loop needs them.
func ExampleContactsService_SearchAll() {
	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	req := intercom.SearchRequest{
		Query: intercom.And(
			intercom.Filter("role", intercom.OpEquals, intercom.StringValue("user")),
			intercom.Filter("email", intercom.OpEndsWith, intercom.StringValue("@example.com")),
			intercom.Filter("created_at", intercom.OpGreaterThan, intercom.StringValue("1704067200")),
		),
		Pagination: intercom.SearchPagination{PerPage: 150},
	}
	for contact, err := range client.Contacts.SearchAll(context.Background(), req) {
		if err != nil {
			log.Fatal(err) // an invalid query fails here before anything is sent
		}
		fmt.Println(contact.ID, contact.Email)
	}
}

// List every contact of the workspace; break out of the loop to stop
// fetching.
func ExampleContactsService_ListAll() {
	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	n := 0
	for contact, err := range client.Contacts.ListAll(context.Background(), &intercom.ContactListOptions{PerPage: 150}) {
		if err != nil {
			log.Fatal(err)
		}
		if contact.Role == intercom.ContactRoleLead {
			n++
		}
		if n == 1000 {
			break // no further page is requested
		}
	}
	fmt.Println("leads seen:", n)
}

// List every company a contact belongs to.
func ExampleContactsService_ListCompaniesAll() {
	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	companies, err := intercom.Collect(client.Contacts.ListCompaniesAll(context.Background(), "63a07ddf05a32042dffac965", nil))
	if err != nil {
		log.Fatal(err)
	}
	for _, co := range companies {
		fmt.Println(co.CompanyID, co.Name)
	}
}
