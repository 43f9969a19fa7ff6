package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom/intercomtest"
)

// List the segments of a workspace.
// The example runs against the in-process fake, which answers with the
// example of Intercom's API description; with a real token, create the
// client with intercom.NewClient(token).
func ExampleSegmentsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	segments, _, err := client.Segments.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range segments.Segments {
		fmt.Println(s.ID, s.Name, s.PersonType)
	}
	// Output:
	// 6657ad386abd0166b52ae2e4 John segment user
	// 6657ad386abd0166b52ae2e5 Jane segment user
}
