package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Deflect a phone call to the Messenger: Intercom texts the caller a link
// to it. The example runs against the in-process fake, which answers with
// the example of Intercom's API description; with a real token, create the
// client with intercom.NewClient(token). A refused number comes back as an
// *intercom.APIError whose Code is Intercom's error_key, such as
// "invalid_phone_number".
func ExampleSwitchService_Create() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	redirect, _, err := client.Switch.Create(context.Background(), intercom.SwitchCreateRequest{
		Phone:            "+353832345678",
		CustomAttributes: map[string]any{"issue_type": "Billing"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(redirect.Type)
	fmt.Println(redirect.URL)
	// Output:
	// phone_call_redirect
	// http://via.intercom.io/msgr/e7de2e61-94a6-4fc9-8e70-12e4ab66f215
}
