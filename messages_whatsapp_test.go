package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessagesListStatuses(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "getWhatsAppMessageStatus", "Messages.ListStatuses", func() (*WhatsAppMessageStatusList, *Response, error) {
		return c.Messages.ListStatuses(ctx, MessageListStatusesOptions{RulesetID: "12345", PerPage: 50, StartingAfter: "x"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/messages/status")
	testQuery(t, rec, "per_page=50&ruleset_id=12345&starting_after=x")
	testNoBody(t, rec)
	require.Equal(t, ID("12345"), got.RulesetID)
	require.Equal(t, 125, got.TotalCount)
	require.Equal(t, "abc123", got.Pages.Next.StartingAfter)
	require.Len(t, got.Events, 2)
	ev := got.Events[0]
	require.Equal(t, WhatsAppMessageEvent{ID: "event_1", ConversationID: "conv_123", UserID: "user_123", Status: WhatsAppDelivered,
		Type: "broadcast_outbound", CreatedAt: 1734537980, UpdatedAt: 1734538000, WhatsAppMessageID: "wamid_123", TemplateName: "appointment_reminder"}, ev)

	srv.RespondFunc("getWhatsAppMessageStatus", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("starting_after") {
		case "":
			_, _ = fmt.Fprint(w, `{"type":"list","ruleset_id":"9","pages":{"type":"pages","per_page":2,"total_pages":2,"next":{"starting_after":"n2"}},"events":[{"id":"e1"},{"id":"e2"}]}`)
		case "n2":
			_, _ = fmt.Fprint(w, `{"type":"list","ruleset_id":"9","pages":{"type":"pages","per_page":2,"total_pages":2,"next":null},"events":[{"id":"e3"}]}`)
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	n := len(srv.Requests())
	opt := MessageListStatusesOptions{RulesetID: "9", PerPage: 2}
	var ids []ID
	for e, err := range c.Messages.ListStatusesAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, e.ID)
	}
	require.Equal(t, []ID{"e1", "e2", "e3"}, ids)
	reqs := srv.Requests()[n:]
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2&ruleset_id=9")
	testQuery(t, reqs[1], "per_page=2&ruleset_id=9&starting_after=n2")
}

func TestMessagesGetWhatsAppStatus(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "RetrieveWhatsAppMessageStatus", "Messages.GetWhatsAppStatus", func() (*WhatsAppMessageStatus, *Response, error) {
		return c.Messages.GetWhatsAppStatus(ctx, MessageGetWhatsAppStatusOptions{MessageID: "wamid_abc123"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/messages/whatsapp/status")
	testQuery(t, rec, "message_id=wamid_abc123")
	testNoBody(t, rec)
	require.Equal(t, WhatsAppDelivered, got.Status)
	require.Nil(t, got.Error)

	srv.Respond("RetrieveWhatsAppMessageStatus", 200, "Failed message with error")
	got, _, err := c.Messages.GetWhatsAppStatus(ctx, MessageGetWhatsAppStatusOptions{MessageID: "wamid_abc123"})
	require.NoError(t, err)
	assertLossless(t, "RetrieveWhatsAppMessageStatus", srv.Example("RetrieveWhatsAppMessageStatus", 200, "Failed message with error"), got)
	require.Equal(t, WhatsAppFailed, got.Status)
	require.Equal(t, &WhatsAppMessageError{Message: "Message delivery failed", Details: "Recipient phone number not on WhatsApp"}, got.Error)
}

func TestMessagesWhatsAppValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	_, _, err := c.Messages.ListStatuses(ctx, MessageListStatusesOptions{PerPage: 2})
	testInvalidNoIO(t, srv, err, "ruleset_id")
	_, err = Collect(c.Messages.ListStatusesAll(ctx, MessageListStatusesOptions{}))
	testInvalidNoIO(t, srv, err, "ruleset_id")
	_, _, err = c.Messages.GetWhatsAppStatus(ctx, MessageGetWhatsAppStatusOptions{})
	testInvalidNoIO(t, srv, err, "message_id")
}

func TestMessagesWhatsAppVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Messages.GetWhatsAppStatus(context.Background(), MessageGetWhatsAppStatusOptions{MessageID: "m"})
	requireVersionErr(t, err, "2.10", "GET", "/messages/whatsapp/status", "RetrieveWhatsAppMessageStatus", "", "2.16")
	_, _, err = c.Messages.ListStatuses(context.Background(), MessageListStatusesOptions{RulesetID: "r"})
	requireVersionErr(t, err, "2.10", "GET", "/messages/status", "getWhatsAppMessageStatus", "", "2.16")
	require.Empty(t, srv.Requests())
}
