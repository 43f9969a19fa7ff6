package intercom

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMessagesCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "createMessage", "Messages.Create", func() (*Message, *Response, error) {
		return c.Messages.Create(context.Background(), MessageCreateRequest{
			MessageType: MessageRequestInApp,
			Body:        "heyy",
			From:        MessageSender{ID: "991268111"},
			To:          MessageRecipient{Type: "user", ID: "6657ad246abd0166b52ae2db"},
		})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/messages")
	testQuery(t, rec, "")
	// The admin id travels as an integer, as the schema declares.
	testJSONBody(t, rec, `{"message_type":"in_app","body":"heyy","from":{"type":"admin","id":991268111},"to":{"type":"user","id":"6657ad246abd0166b52ae2db"}}`)
	require.Equal(t, ID("403918383"), got.ID)
	require.Equal(t, "user_message", got.Type)
	require.Equal(t, MessageTypeInApp, got.MessageType, "responses say inapp")
	require.Equal(t, ID("596"), got.ConversationID)
	require.Equal(t, Timestamp(1717021986), got.CreatedAt)
}

func TestMessagesCreateEmail(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.Respond("createMessage", 200, "admin message created")
	got, _, err := c.Messages.Create(context.Background(), MessageCreateRequest{
		MessageType:                           MessageRequestEmail,
		Subject:                               "heyy",
		Body:                                  "heyy",
		Template:                              MessageTemplatePlain,
		From:                                  MessageSender{Type: "admin", ID: "991268111"},
		To:                                    MessageRecipient{Type: "lead", ID: "6657ad246abd0166b52ae2db"},
		CreateConversationWithoutContactReply: Some(true),
	})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"email","subject":"heyy","body":"heyy","template":"plain","from":{"type":"admin","id":991268111},"to":{"type":"lead","id":"6657ad246abd0166b52ae2db"},"create_conversation_without_contact_reply":true}`)
	require.Equal(t, "admin_message", got.Type)
	require.NotNil(t, got.Owner)
	require.Equal(t, ID("991268111"), got.Owner.ID)
	assertLossless(t, "createMessage", srv.Example("createMessage", 200, "admin message created"), got)
}

func TestMessagesSenderEncoding(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   MessageSender
		want string
	}{
		{MessageSender{ID: "394051"}, `{"type":"admin","id":394051}`},
		{MessageSender{Type: "admin", ID: "abc"}, `{"type":"admin","id":"abc"}`},
		{MessageSender{Type: "admin", ID: "12345678901234567890"}, `{"type":"admin","id":"12345678901234567890"}`},
		{MessageSender{Type: "user", ID: "6657ad226abd0166b52ae2d9"}, `{"type":"user","id":"6657ad226abd0166b52ae2d9"}`},
		{MessageSender{Type: "lead", ID: "123"}, `{"type":"lead","id":"123"}`},
	} {
		b, err := json.Marshal(tc.in)
		require.NoError(t, err)
		require.Equal(t, tc.want, string(b))
	}
}

func TestMessagesCreateValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	admin := MessageSender{ID: "1"}
	to := MessageRecipient{Type: "user", ID: "u"}
	for _, tc := range []struct {
		req   MessageCreateRequest
		field string
	}{
		{MessageCreateRequest{MessageType: MessageRequestInApp, From: admin, To: to}, "body"},
		{MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", To: to}, "from.id"},
		{MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", From: MessageSender{Type: "bot", ID: "1"}, To: to}, "from.type"},
		{MessageCreateRequest{Body: "b", From: admin, To: to}, "message_type"},
		{MessageCreateRequest{MessageType: "inapp", Body: "b", From: admin, To: to}, "message_type"},
		{MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", From: admin}, "to"},
		{MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", From: admin, To: MessageRecipient{ID: "u"}}, "to.type"},
		{MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", From: admin, To: MessageRecipient{Type: "user"}}, "to.id"},
		{MessageCreateRequest{MessageType: MessageRequestEmail, Body: "b", From: admin, To: to, Template: "plain"}, "subject"},
		{MessageCreateRequest{MessageType: MessageRequestEmail, Body: "b", From: admin, To: to, Subject: "s"}, "template"},
	} {
		_, _, err := c.Messages.Create(context.Background(), tc.req)
		require.ErrorIs(t, err, ErrInvalidRequest)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field, "%+v", tc.req)
	}
	require.Empty(t, srv.Requests())

	// A message from a contact needs only from and body (the spec's
	// "user message created" example, which its schema does not allow).
	require.NoError(t, MessageCreateRequest{Body: "heyy", From: MessageSender{Type: "user", ID: "6657ad226abd0166b52ae2d9"}}.Validate())
	// An in-app message needs no subject or template.
	require.NoError(t, MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", From: admin, To: MessageRecipient{Type: "user", Email: "a@b.c"}}.Validate())

	srv.Respond("createMessage", 422, "No subject supplied for email message")
	_, _, err := c.Messages.Create(context.Background(), MessageCreateRequest{MessageType: MessageRequestEmail, Subject: "s", Template: "plain", Body: "b", From: admin, To: to})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("parameter_not_found"))

	srv.Respond("createMessage", 403, "API plan restricted")
	_, _, err = c.Messages.Create(context.Background(), MessageCreateRequest{MessageType: MessageRequestInApp, Body: "b", From: admin, To: to})
	require.ErrorIs(t, err, ErrForbidden)
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("api_plan_restricted"))
}

// TestMessagesCreateLaterVersions: 2.11 adds created_at; 2.14 takes a list
// of recipients in to, and cc and bcc; earlier versions refuse them.
func TestMessagesCreateLaterVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	base := MessageCreateRequest{MessageType: MessageRequestEmail, Subject: "Hi", Body: "Hello", Template: MessageTemplatePlain,
		From: MessageSender{ID: "394051"}, To: MessageRecipient{Type: "user", ID: "536e564f316c83104c000020"}}

	c11, srv11 := newSpecClientAt(t, "2.11")
	req := base
	req.CreatedAt = 1590000000
	_, rec := exercise(t, srv11, "createMessage", "Messages.Create", func() (*Message, *Response, error) {
		return c11.Messages.Create(ctx, req)
	})
	testJSONBody(t, rec, `{"message_type":"email","subject":"Hi","body":"Hello","template":"plain","from":{"type":"admin","id":394051},`+
		`"to":{"type":"user","id":"536e564f316c83104c000020"},"created_at":1590000000}`)
	for field, r := range map[string]MessageCreateRequest{
		"to": {MoreTo: []MessageRecipient{{Type: "lead", ID: "l"}}},
		"cc": {Cc: []MessageRecipient{{Type: "lead", ID: "l"}}}, "bcc": {Bcc: []MessageRecipient{{Type: "lead", ID: "l"}}},
	} {
		full := base
		full.MoreTo, full.Cc, full.Bcc = r.MoreTo, r.Cc, r.Bcc
		n := len(srv11.Requests())
		_, _, err := c11.Messages.Create(ctx, full)
		requireVersionErr(t, err, "2.11", "POST", "/messages", "createMessage", field, "2.14", "2.15", "2.16")
		require.Len(t, srv11.Requests(), n, "nothing is sent")
	}
	c10, srv10 := newSpecClient(t)
	_, _, err := c10.Messages.Create(ctx, req)
	requireVersionErr(t, err, "2.10", "POST", "/messages", "createMessage", "created_at", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16")
	require.Empty(t, srv10.Requests())

	for _, v := range []string{"2.14", "2.16"} {
		c, srv := newSpecClientAt(t, v)
		req := base
		req.MoreTo = []MessageRecipient{{Type: "lead", ID: "536e564f316c83104c000021"}}
		req.Cc = []MessageRecipient{{Type: "user", ID: "536e564f316c83104c000023"}}
		req.Bcc = []MessageRecipient{{Type: "user", ID: "536e564f316c83104c000022"}}
		_, rec := exercise(t, srv, "createMessage", "Messages.Create", func() (*Message, *Response, error) {
			return c.Messages.Create(ctx, req)
		})
		testJSONBody(t, rec, `{"message_type":"email","subject":"Hi","body":"Hello","template":"plain","from":{"type":"admin","id":394051},`+
			`"cc":[{"type":"user","id":"536e564f316c83104c000023"}],"bcc":[{"type":"user","id":"536e564f316c83104c000022"}],`+
			`"to":[{"type":"user","id":"536e564f316c83104c000020"},{"type":"lead","id":"536e564f316c83104c000021"}]}`)
		// One recipient is still sent as an object.
		_, _, err := c.Messages.Create(ctx, base)
		require.NoError(t, err)
		testJSONBody(t, srv.LastRequest(), `{"message_type":"email","subject":"Hi","body":"Hello","template":"plain","from":{"type":"admin","id":394051},"to":{"type":"user","id":"536e564f316c83104c000020"}}`)
		n := len(srv.Requests())
		bad := base
		bad.Cc = []MessageRecipient{{Type: "user"}}
		_, _, err = c.Messages.Create(ctx, bad)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, "cc[0].id", ie.Field)
		bad = base
		bad.MoreTo = []MessageRecipient{{Type: "admin", ID: "1"}}
		_, _, err = c.Messages.Create(ctx, bad)
		require.ErrorAs(t, err, &ie)
		require.Equal(t, "to[1].type", ie.Field)
		require.Len(t, srv.Requests(), n, "nothing is sent")
	}
}
