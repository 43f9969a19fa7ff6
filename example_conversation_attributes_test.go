package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the conversation data attributes (API 2.16 and later). The example runs
// against the in-process fake, which answers with the example of API 2.16's
// description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleConversationAttributesService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	attrs, _, err := client.ConversationAttributes.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range attrs.Data {
		fmt.Printf("%s %q %s\n", a.ID, a.Name, a.DataType)
	}
	// Output:
	// 3 "test 2" string
	// 2 "test list" list
	// 6 "Ref to Test" relationship
}
