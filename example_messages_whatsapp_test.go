package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Get the delivery status of a WhatsApp message by WhatsApp's message id
// (API 2.16 and later); a failed message carries the error. The example
// runs against the in-process fake; with a real token, create the client
// with intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleMessagesService_GetWhatsAppStatus() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	st, _, err := client.Messages.GetWhatsAppStatus(context.Background(), intercom.MessageGetWhatsAppStatusOptions{MessageID: "wamid_abc123"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.MessageID, st.Status, st.TemplateName, "conversation", st.ConversationID)
	if st.Error != nil {
		fmt.Println("error:", st.Error.Message, "-", st.Error.Details)
	}
	// Output:
	// wamid_abc123 delivered appointment_reminder conversation 123456789
}
