package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the workspace's phone calls (API 2.14 and later), one page at a time.
// The fake answers with the example of API 2.14's description, an empty
// first page; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.14")).
func ExampleCallsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.14"))

	calls, _, err := client.Calls.List(context.Background(), &intercom.CallListOptions{PerPage: 25})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d call(s), page %d of %d\n", calls.TotalCount, calls.Pages.Page, calls.Pages.TotalPages)
	for _, c := range calls.Data {
		fmt.Println(c.ID, c.State, c.Direction, c.InitiatedAt)
	}
	// Output:
	// 0 call(s), page 1 of 0
}

// Fetch a Fin Voice call by its numeric id (API 2.15 and later): the
// phone number, the external platform's call id and the Intercom
// conversation it was linked to. The example runs against the in-process
// fake; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.15")).
func ExampleCallsService_GetFinVoiceCall() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.15"))

	call, _, err := client.Calls.GetFinVoiceCall(context.Background(), "123")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(call.ID, call.UserPhoneNumber, call.Status, call.ExternalCallID, call.IntercomConversationID)
	// Output:
	// 12345 +1234567890 registered call-123-abc 5678
}
