package webhooks_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/go-intercom/intercom/webhooks"
)

// Receive webhook notifications: the handler verifies the X-Hub-Signature
// of each one with the app's client secret and hands the decoded
// notification to the function, which picks the accessor by topic. In a
// real program, read the secret from the environment and mount the handler
// on your server's mux (http.Handle("/intercom/webhooks", h)).
func ExampleNewHandler() {
	const secret = "client-secret-from-the-developer-hub"

	h, err := webhooks.NewHandler(secret, func(ctx context.Context, n *webhooks.Notification) error {
		switch n.Topic.Family() {
		case "ping":
			p, err := n.Ping()
			if err != nil {
				return err
			}
			fmt.Println("ping:", p.Message)
		case "conversation":
			c, err := n.Conversation()
			if err != nil {
				return err // answered 500: Intercom retries the notification
			}
			fmt.Printf("%s: conversation %s is %s\n", n.Topic, c.ID, c.State)
		default:
			fmt.Println("ignoring", n.Topic)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err) // an empty secret or a nil function
		return
	}
	srv := httptest.NewServer(h) // stands in for your server
	defer srv.Close()

	// What Intercom sends.
	send := func(body string, sign bool) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		if sign {
			req.Header.Set(webhooks.SignatureHeader, webhooks.Sign([]byte(body), secret))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		fmt.Println("->", resp.Status)
	}
	send(`{"type":"notification_event","topic":"ping","id":null,"app_id":"a86dr8yl",
		"data":{"type":"notification_event_data","item":{"type":"ping","message":"hello"}}}`, true)
	send(`{"type":"notification_event","topic":"conversation.admin.closed","id":"notif_1","app_id":"a86dr8yl",
		"data":{"type":"notification_event_data","item":{"type":"conversation","id":"147","state":"closed","open":false}}}`, true)
	send(`{"type":"notification_event","topic":"conversation.admin.closed","id":"notif_2",
		"data":{"type":"notification_event_data","item":{"type":"conversation","id":"666","state":"closed"}}}`, false)

	// Output:
	// ping: hello
	// -> 200 OK
	// conversation.admin.closed: conversation 147 is closed
	// -> 200 OK
	// -> 401 Unauthorized
}

// Verify and decode a notification yourself, for example in a framework
// that is not net/http: verify the raw body before decoding it.
func ExampleVerifySignature() {
	const secret = "client-secret-from-the-developer-hub"
	body := []byte(`{"type":"notification_event","topic":"contact.user.tag.created","id":"notif_3",
		"data":{"type":"notification_event_data","item":{"type":"contact_tag","created_at":1718000500,
		"tag":{"type":"tag","id":"12934044","name":"VIP"},
		"contact":{"type":"contact","id":"667d6079a0a9e2d0e1b4f1a1","role":"user","created_at":"2024-06-10T06:15:00Z"}}}}`)
	header := webhooks.Sign(body, secret) // the request's X-Hub-Signature

	if err := webhooks.VerifySignature(body, header, secret); err != nil {
		fmt.Println("reject with 401:", err)
		return
	}
	n, err := webhooks.ParseNotification(body)
	if err != nil {
		fmt.Println("reject with 400:", err)
		return
	}
	ct, err := n.ContactTag()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("tag %s added to %s %s (created %s)\n", ct.Tag.Name, ct.Contact.Role, ct.Contact.ID, ct.Contact.CreatedAt)

	// The wrong accessor says so, naming the topic.
	_, err = n.Ticket()
	fmt.Println(errors.Is(err, webhooks.ErrTopicMismatch), err)

	// A forged or altered body does not verify.
	err = webhooks.VerifySignature(append(body, ' '), header, secret)
	fmt.Println(errors.Is(err, webhooks.ErrSignatureMismatch))

	// Output:
	// tag VIP added to user 667d6079a0a9e2d0e1b4f1a1 (created 2024-06-10T06:15:00Z)
	// true intercom: notification topic "contact.user.tag.created" carries contact_tag, contact, tag, not ticket
	// true
}
