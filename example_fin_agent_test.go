package intercom_test

import (
	"context"
	"fmt"
	"log"
	"net/url"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Start a conversation with Fin on your own channel (API 2.14 and later):
// pass the user's first message, then follow Fin's answer on the returned
// Server-Sent Events URL. The example runs against the in-process fake;
// with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.14")).
func ExampleFinAgentService_Start() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.14"))

	conv, _, err := client.FinAgent.Start(context.Background(), intercom.FinAgentStartRequest{
		ConversationID: "ext-123",
		Message: intercom.FinAgentMessage{
			Author:    intercom.FinAuthorUser,
			Body:      "How can I see my account details?",
			Timestamp: time.Date(2025, 1, 24, 10, 1, 20, 0, time.UTC),
		},
		User: intercom.FinAgentUser{ID: "123456", Name: "John Doe", Email: "john.doe@example.com"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(conv.ConversationID, conv.Status, conv.CreatedAtMS.Format(time.RFC3339Nano))
	events, err := url.Parse(conv.SSESubscriptionURL)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("events at", events.Host)
	// Output:
	// ext-123 thinking 2025-01-24T10:00:00.123Z
	// events at primary-realtime.intercom-messenger.com
}
