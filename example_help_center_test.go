package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom/intercomtest"
)

// List the first page of help center collections; a section is a
// collection with a parent. The example runs against the in-process fake,
// which answers with the example of Intercom's API description; with a real
// token, create the client with intercom.NewClient(token). ListCollectionsAll
// walks every page.
func ExampleHelpCenterService_ListCollections() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	collections, _, err := client.HelpCenter.ListCollections(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("total:", collections.TotalCount)
	for _, c := range collections.Data {
		if c.ParentID != "" {
			fmt.Printf("%s %q (section of %s)\n", c.ID, c.Name, c.ParentID)
			continue
		}
		fmt.Printf("%s %q in help center %s\n", c.ID, c.Name, c.HelpCenterID)
	}
	// Output:
	// total: 2
	// 233 "English collection title" in help center 125
	// 234 "English section title" (section of 233)
}
