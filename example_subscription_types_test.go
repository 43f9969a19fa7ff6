package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom/intercomtest"
)

// List the workspace's subscription types. The example runs against the
// in-process fake, which answers with the example of Intercom's API
// description; with a real token, create the client with
// intercom.NewClient(token).
func ExampleSubscriptionTypesService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	types, _, err := client.SubscriptionTypes.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range types.Data {
		fmt.Println(st.ID, st.DefaultTranslation.Name, st.State, st.ConsentType, st.ContentTypes)
	}
	// Output:
	// 183 Newsletters live opt_out [email]
}
