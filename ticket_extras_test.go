package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTicketsEnqueue(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	req := TicketEnqueueRequest{TicketCreateRequest: TicketCreateRequest{TicketTypeID: "88", Contacts: []TicketContactIdentifier{{ID: "6762f2d81bb69f9f2193bc54"}},
		TicketAttributes: TicketAttributes{"_default_title_": "example", "_default_description_": "there is a problem"}}, SkipNotifications: Some(true)}
	got, rec := exercise(t, srv, "enqueueCreateTicket", "Tickets.Enqueue", func() (*Job, *Response, error) {
		return c.Tickets.Enqueue(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets/enqueue")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"ticket_type_id":"88","contacts":[{"id":"6762f2d81bb69f9f2193bc54"}],"ticket_attributes":{"_default_description_":"there is a problem","_default_title_":"example"},"skip_notifications":true}`)
	require.Equal(t, &Job{Type: "job", ID: "20", Status: JobPending, URL: "https://api.intercom.io/jobs/status/20", ResourceType: "ticket"}, got)

	// Some(false) is sent; unset is omitted.
	req.SkipNotifications = Some(false)
	_, _, err := c.Tickets.Enqueue(ctx, req)
	require.NoError(t, err)
	require.Contains(t, string(srv.LastRequest().Body), `"skip_notifications":false`)

	srv.Respond("enqueueCreateTicket", 400, "")
	_, _, err = c.Tickets.Enqueue(ctx, req)
	require.ErrorIs(t, err, ErrValidation)

	// The creation's rules apply.
	c2, srv2 := newSpecClientAt(t, "2.14")
	_, _, err = c2.Tickets.Enqueue(ctx, TicketEnqueueRequest{TicketCreateRequest: TicketCreateRequest{TicketTypeID: "88"}})
	testInvalidNoIO(t, srv2, err, "contacts")

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Tickets.Enqueue(ctx, req)
	requireEndpointGated(t, srv10, err, "enqueueCreateTicket")
}

func TestTicketsDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "deleteTicket", "Tickets.Delete", func() (*TicketDeleted, *Response, error) {
		return c.Tickets.Delete(ctx, "632")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/tickets/632")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &TicketDeleted{ID: "632", Object: "ticket", Deleted: true}, got)

	srv.Respond("deleteTicket", 404, "")
	_, _, err := c.Tickets.Delete(ctx, "1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("ticket_not_found"))
}

func TestTicketsChangeType(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "changeTicketType", "Tickets.ChangeType", func() (*Ticket, *Response, error) {
		return c.Tickets.ChangeType(ctx, "494", TicketChangeTypeRequest{TicketTypeID: "1234", TicketStateID: "5678"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets/494/change_type")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"ticket_type_id":"1234","ticket_state_id":"5678"}`)
	require.Equal(t, ID("494"), got.ID)
	require.Equal(t, ID("1234"), got.TicketType.ID)

	_, _, err := c.Tickets.ChangeType(ctx, "494", TicketChangeTypeRequest{TicketTypeID: "1", TicketStateID: "2", TicketAttributes: TicketAttributes{"size": 3}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"ticket_type_id":"1","ticket_state_id":"2","ticket_attributes":{"size":3}}`)

	c2, srv2 := newSpecClientAt(t, "2.16")
	_, _, err = c2.Tickets.ChangeType(ctx, "494", TicketChangeTypeRequest{TicketStateID: "2"})
	testInvalidNoIO(t, srv2, err, "ticket_type_id")
	_, _, err = c2.Tickets.ChangeType(ctx, "494", TicketChangeTypeRequest{TicketTypeID: "1"})
	testInvalidNoIO(t, srv2, err, "ticket_state_id")
}

func TestTicketsLinkConversation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "linkConversationToTicket", "Tickets.LinkConversation", func() (*Conversation, *Response, error) {
		return c.Tickets.LinkConversation(ctx, "207", TicketLinkConversationRequest{ConversationID: "204"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets/207/linked_conversations")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"conversation_id":"204"}`)
	require.Equal(t, ID("204"), got.ID)
	require.Equal(t, 1, got.LinkedObjects.TotalCount)

	c2, srv2 := newSpecClientAt(t, "2.16")
	_, _, err := c2.Tickets.LinkConversation(ctx, "207", TicketLinkConversationRequest{})
	testInvalidNoIO(t, srv2, err, "conversation_id")
}

func TestTicketsUnlinkConversation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "unlinkConversationFromTicket", "Tickets.UnlinkConversation", func() (*Conversation, *Response, error) {
		return c.Tickets.UnlinkConversation(ctx, "207", "204")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/tickets/207/linked_conversations/204")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("204"), got.ID)

	c10, srv10 := newSpecClient(t)
	_, _, err := c10.Tickets.UnlinkConversation(ctx, "207", "204")
	requireEndpointGated(t, srv10, err, "unlinkConversationFromTicket")
}
