package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Create a custom company attribute; custom attributes are then set under
// their full name (custom_attributes.<name>) in searches. The
// example runs against the in-process fake, which answers with the example
// of Intercom's API description; with a real token, create the client with
// intercom.NewClient(token).
func ExampleDataAttributesService_Create() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	attr, _, err := client.DataAttributes.Create(context.Background(), intercom.DataAttributeCreateRequest{
		Name:        "Mithril Shirt",
		Model:       intercom.DataAttributeModelCompany,
		DataType:    intercom.DataAttributeTypeString,
		Description: "The shirt the company wears",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(attr.ID, attr.Model, attr.DataType, attr.FullName, attr.Custom)
	// Output:
	// 53 company string custom_attributes.Mithril Shirt true
}
