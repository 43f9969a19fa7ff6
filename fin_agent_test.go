package intercom

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestFinAgentStart(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	at := time.Date(2025, 1, 24, 10, 1, 20, 0, time.UTC)
	req := FinAgentStartRequest{
		ConversationID: "ext-123",
		Message:        FinAgentMessage{Author: FinAuthorUser, Body: "How can I see my account details?", Timestamp: at},
		User:           FinAgentUser{ID: "123456", Name: "John Doe", Email: "john.doe@example.com", Attributes: map[string]any{"plan_type": "Pro"}},
		Attachments:    []FinAgentAttachment{{Type: "url", URL: "https://example.com/document.pdf"}, {Type: "file", Name: "a.png", ContentType: "image/png", Data: []byte("png")}},
		ConversationMetadata: FinAgentConversationMetadata{
			History:    []FinAgentMessage{{Author: FinAuthorAgent, Body: "What do you need help with?", Timestamp: at.Add(-time.Minute)}},
			Attributes: map[string]any{"priority_level": "high"},
		},
	}
	got, rec := exercise(t, srv, "startFinConversation", "FinAgent.Start", func() (*FinAgentConversation, *Response, error) {
		return c.FinAgent.Start(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/fin/start")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"conversation_id":"ext-123","message":{"author":"user","body":"How can I see my account details?","timestamp":"2025-01-24T10:01:20Z"},`+
		`"user":{"id":"123456","name":"John Doe","email":"john.doe@example.com","attributes":{"plan_type":"Pro"}},`+
		`"attachments":[{"type":"url","url":"https://example.com/document.pdf"},{"type":"file","name":"a.png","content_type":"image/png","data":"cG5n"}],`+
		`"conversation_metadata":{"history":[{"author":"agent","body":"What do you need help with?","timestamp":"2025-01-24T10:00:20Z"}],"attributes":{"priority_level":"high"}}}`)
	require.Equal(t, "ext-123", got.ConversationID)
	require.Equal(t, FinThinking, got.Status)
	require.Equal(t, time.Date(2025, 1, 24, 10, 0, 0, 123e6, time.UTC), got.CreatedAtMS.UTC())
	require.True(t, strings.HasPrefix(got.SSESubscriptionURL, "https://primary-realtime.intercom-messenger.com/"))

	// The example with attribute errors decodes too.
	srv.Respond("startFinConversation", 200, "Response with attribute errors")
	got, _, err := c.FinAgent.Start(ctx, FinAgentStartRequest{ConversationID: "ext-123", Message: req.Message, User: FinAgentUser{ID: "1"}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"conversation_id":"ext-123","message":{"author":"user","body":"How can I see my account details?","timestamp":"2025-01-24T10:01:20Z"},"user":{"id":"1"}}`)
	assertLossless(t, "startFinConversation", srv.Example("startFinConversation", 200, "Response with attribute errors"), got)
	require.Equal(t, map[string]string{"invalid_attr": "User attribute 'invalid_attr' does not exist"}, got.Errors.User.Attributes)
	require.Equal(t, map[string]string{"bad_attr": "Conversation attribute 'bad_attr' does not exist"}, got.Errors.Conversation.Attributes)
}

func TestFinAgentReply(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	got, rec := exercise(t, srv, "replyToFin", "FinAgent.Reply", func() (*FinAgentConversation, *Response, error) {
		return c.FinAgent.Reply(ctx, FinAgentReplyRequest{ConversationID: "123456",
			Message: FinAgentMessage{Author: FinAuthorUser, Body: "Here's the information you requested.", Timestamp: time.Date(2025, 1, 24, 9, 1, 0, 5e6, time.UTC)},
			User:    FinAgentUser{ID: "123456"}})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/fin/reply")
	testJSONBody(t, rec, `{"conversation_id":"123456","message":{"author":"user","body":"Here's the information you requested.","timestamp":"2025-01-24T09:01:00.005Z"},"user":{"id":"123456"}}`)
	require.Equal(t, "user-456", got.UserID)

	srv.Respond("replyToFin", 200, "Response with attribute errors")
	got, _, err := c.FinAgent.Reply(ctx, FinAgentReplyRequest{ConversationID: "1", Message: FinAgentMessage{Author: FinAuthorUser, Body: "b", Timestamp: time.Unix(1, 0)}, User: FinAgentUser{ID: "u"}})
	require.NoError(t, err)
	assertLossless(t, "replyToFin", srv.Example("replyToFin", 200, "Response with attribute errors"), got)
	require.Len(t, got.Errors.User.Attributes, 1)
}

func TestFinAgentSubmitCSAT(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	got, rec := exercise(t, srv, "submitFinCsat", "FinAgent.SubmitCSAT", func() (*FinCSAT, *Response, error) {
		return c.FinAgent.SubmitCSAT(ctx, FinAgentSubmitCSATRequest{ConversationID: "ext-123", Rating: FinCSATAmazing, Remark: "Fin solved my problem in seconds."})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/fin/csat")
	testJSONBody(t, rec, `{"conversation_id":"ext-123","rating":"amazing","remark":"Fin solved my problem in seconds."}`)
	require.Equal(t, &FinCSAT{ConversationID: "ext-123", Rating: FinCSATAmazing, Status: "rated"}, got)
}

func TestFinAgentValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	msg := FinAgentMessage{Author: FinAuthorUser, Body: "hi", Timestamp: time.Unix(1737712880, 0)}
	user := FinAgentUser{ID: "u1"}
	many := make([]FinAgentAttachment, 11)
	for i := range many {
		many[i] = FinAgentAttachment{Type: "url", URL: "https://example.com"}
	}
	history := make([]FinAgentMessage, 11)
	for i := range history {
		history[i] = msg
	}
	cases := []struct {
		field string
		call  func(c *Client) error
	}{
		{"conversation_id", func(c *Client) error {
			_, _, err := c.FinAgent.Start(ctx, FinAgentStartRequest{Message: msg, User: user})
			return err
		}},
		{"message.author", func(c *Client) error {
			_, _, err := c.FinAgent.Start(ctx, FinAgentStartRequest{ConversationID: "c", Message: FinAgentMessage{Body: "b", Timestamp: msg.Timestamp}, User: user})
			return err
		}},
		{"message.body", func(c *Client) error {
			_, _, err := c.FinAgent.Reply(ctx, FinAgentReplyRequest{ConversationID: "c", Message: FinAgentMessage{Author: FinAuthorUser, Timestamp: msg.Timestamp}, User: user})
			return err
		}},
		{"message.timestamp", func(c *Client) error {
			_, _, err := c.FinAgent.Reply(ctx, FinAgentReplyRequest{ConversationID: "c", Message: FinAgentMessage{Author: FinAuthorUser, Body: "b"}, User: user})
			return err
		}},
		{"user.id", func(c *Client) error {
			_, _, err := c.FinAgent.Reply(ctx, FinAgentReplyRequest{ConversationID: "c", Message: msg})
			return err
		}},
		{"attachments", func(c *Client) error {
			_, _, err := c.FinAgent.Reply(ctx, FinAgentReplyRequest{ConversationID: "c", Message: msg, User: user, Attachments: many})
			return err
		}},
		{"attachments[1].type", func(c *Client) error {
			_, _, err := c.FinAgent.Start(ctx, FinAgentStartRequest{ConversationID: "c", Message: msg, User: user, Attachments: []FinAgentAttachment{{Type: "url"}, {URL: "x"}}})
			return err
		}},
		{"conversation_metadata.history", func(c *Client) error {
			_, _, err := c.FinAgent.Start(ctx, FinAgentStartRequest{ConversationID: "c", Message: msg, User: user, ConversationMetadata: FinAgentConversationMetadata{History: history}})
			return err
		}},
		{"conversation_metadata.history[0].body", func(c *Client) error {
			_, _, err := c.FinAgent.Start(ctx, FinAgentStartRequest{ConversationID: "c", Message: msg, User: user,
				ConversationMetadata: FinAgentConversationMetadata{History: []FinAgentMessage{{Author: FinAuthorFin, Timestamp: msg.Timestamp}}}})
			return err
		}},
		{"conversation_id", func(c *Client) error {
			_, _, err := c.FinAgent.SubmitCSAT(ctx, FinAgentSubmitCSATRequest{Rating: FinCSATOK})
			return err
		}},
		{"rating", func(c *Client) error {
			_, _, err := c.FinAgent.SubmitCSAT(ctx, FinAgentSubmitCSATRequest{ConversationID: "c"})
			return err
		}},
	}
	for _, tc := range cases {
		c, srv := newSpecClientAt(t, "2.14")
		testInvalidNoIO(t, srv, tc.call(c), tc.field)
	}
}

func TestFinAgentVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.FinAgent.SubmitCSAT(context.Background(), FinAgentSubmitCSATRequest{ConversationID: "c", Rating: FinCSATOK})
	requireVersionErr(t, err, "2.10", "POST", "/fin/csat", "submitFinCsat", "", "2.14", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
