// Package webhooks receives Intercom webhook notifications.
//
// Intercom POSTs a notification to your endpoint for every event of the
// topics you subscribe to, signed with your app's client secret. This
// package verifies the signature (VerifySignature, ParseSignature; Sign
// makes one, for tests), decodes the envelope (ParseNotification,
// Notification) and its item by topic into the models of package intercom
// (Notification.Conversation, .Contact, .Ticket, …), and puts it all
// together in an http.Handler (NewHandler):
//
//	h, err := webhooks.NewHandler(os.Getenv("INTERCOM_CLIENT_SECRET"),
//		func(ctx context.Context, n *webhooks.Notification) error {
//			switch n.Topic.Family() {
//			case "conversation":
//				conv, err := n.Conversation() // an *intercom.Conversation
//				if err != nil {
//					return err // answered 500: Intercom retries
//				}
//				log.Println(n.Topic, conv.ID, conv.State)
//			}
//			return nil // answered 200
//		})
//	if err != nil {
//		return err // an empty secret
//	}
//	http.Handle("/intercom/webhooks", h)
//
// Some webhook items are shaped differently from the REST API's objects
// (an admin's avatar as an object); the accessors and
// Notification.DecodeItem adapt them to the API's models. (A ticket's
// ticket_state object needs no adapting: intercom.Ticket reads it as API
// 2.12 and later send it.)
// A topic the package does not model is not an error: its item stays in
// Notification.Data.Item.
package webhooks
