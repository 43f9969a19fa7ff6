package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTicketsCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := TicketCreateRequest{
		TicketTypeID:     "108",
		Contacts:         []TicketContactIdentifier{{ID: "6657ad746abd0166b52ae316"}},
		TicketAttributes: TicketAttributes{"_default_title_": "example", "_default_description_": "there is a problem"},
	}
	got, rec := exercise(t, srv, "createTicket", "Tickets.Create", func() (*Ticket, *Response, error) {
		return c.Tickets.Create(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"ticket_type_id":"108","contacts":[{"id":"6657ad746abd0166b52ae316"}],`+
		`"ticket_attributes":{"_default_description_":"there is a problem","_default_title_":"example"}}`)

	require.Equal(t, "ticket", got.Type)
	require.Equal(t, ID("609"), got.ID)
	require.Equal(t, ID("18"), got.TicketID)
	require.Equal(t, TicketCategoryBackOffice, got.Category)
	require.Equal(t, TicketStateSubmitted, got.TicketState.Category)
	require.Equal(t, "Submitted", got.TicketStateExternalLabel)
	require.Equal(t, "example", got.TicketAttributes.Title())
	require.Equal(t, "there is a problem", got.TicketAttributes.Description())
	require.Equal(t, ID("108"), got.TicketType.ID)
	require.Equal(t, "my-ticket-type-15", got.TicketType.Name)
	require.Len(t, got.TicketType.TicketTypeAttributes.Data, 2)
	attr := got.TicketType.TicketTypeAttributes.Data[0]
	require.Equal(t, ID("295"), attr.ID)
	require.Equal(t, ID("108"), attr.TicketTypeID, "a numeric ticket_type_id decodes")
	require.Equal(t, TicketDataTypeString, attr.DataType)
	require.True(t, attr.RequiredToCreate)
	require.Nil(t, attr.InputOptions)
	require.Equal(t, []ContactReference{{Type: "contact", ID: "6657ad746abd0166b52ae316", ExternalID: "70"}}, got.Contacts.Contacts)
	require.Equal(t, ID("0"), got.AdminAssigneeID)
	require.Equal(t, Timestamp(1717022068), got.CreatedAt)
	require.True(t, got.Open)
	require.False(t, got.IsShared)
	require.Equal(t, 1, got.TicketParts.TotalCount)
	part := got.TicketParts.TicketParts[0]
	require.Equal(t, "ticket_state_updated_by_admin", part.PartType)
	require.Equal(t, TicketStateSubmitted, part.PreviousTicketState)
	require.Equal(t, PartAuthor{Type: "bot", ID: "991268266", Name: "Operator",
		Email: "operator+this_is_an_id648_that_should_be_at_least_@intercom.io"}, part.Author)
	require.Equal(t, "list", got.LinkedObjects.Type)
	require.Empty(t, got.LinkedObjects.Data)

	// The other identifiers and the optional company.
	_, _, err := c.Tickets.Create(ctx, TicketCreateRequest{TicketTypeID: "108",
		Contacts: []TicketContactIdentifier{{ExternalID: "ext-1"}, {Email: "a@b.test"}}, CompanyID: "1234"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"ticket_type_id":"108","contacts":[{"external_id":"ext-1"},{"email":"a@b.test"}],"company_id":"1234"}`)
}

func TestTicketsCreateValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ok := []TicketContactIdentifier{{ID: "1"}}
	for _, tc := range []struct {
		req   TicketCreateRequest
		field string
	}{
		{TicketCreateRequest{Contacts: ok}, "ticket_type_id"},
		{TicketCreateRequest{TicketTypeID: "1"}, "contacts"},
		{TicketCreateRequest{TicketTypeID: "1", Contacts: []TicketContactIdentifier{{ID: "1"}, {}}}, "contacts[1]"},
		{TicketCreateRequest{TicketTypeID: "1", Contacts: []TicketContactIdentifier{{ID: "1", Email: "a@b.test"}}}, "contacts[0]"},
		{TicketCreateRequest{TicketTypeID: "1", Contacts: []TicketContactIdentifier{{ExternalID: "x", Email: "a@b.test"}}}, "contacts[0]"},
	} {
		_, _, err := c.Tickets.Create(context.Background(), tc.req)
		require.ErrorIs(t, err, ErrInvalidRequest)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field)
	}
	require.Empty(t, srv.Requests(), "nothing is sent")
}

func TestTicketsUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := TicketUpdateRequest{
		TicketAttributes: TicketAttributes{"_default_title_": "example", "_default_description_": "there is a problem"},
		State:            TicketStateInProgress,
		Assignment:       TicketAssignment{AdminID: "991268278", AssigneeID: "991268280"},
		Open:             Some(true),
		SnoozedUntil:     1673609604,
	}
	got, rec := exercise(t, srv, "updateTicket", "Tickets.Update", func() (*Ticket, *Response, error) {
		return c.Tickets.Update(ctx, "610", req)
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/tickets/610")
	testJSONBody(t, rec, `{"ticket_attributes":{"_default_description_":"there is a problem","_default_title_":"example"},`+
		`"state":"in_progress","open":true,"snoozed_until":1673609604,"assignment":{"admin_id":"991268278","assignee_id":"991268280"}}`)

	require.Equal(t, ID("610"), got.ID)
	require.Equal(t, TicketStateInProgress, got.TicketState.Category)
	require.Equal(t, ID("991268280"), got.AdminAssigneeID)
	require.Equal(t, Timestamp(1717084800), got.SnoozedUntil)
	require.Equal(t, 6, got.TicketParts.TotalCount)
	require.Len(t, got.TicketParts.TicketParts, 6)
	assign := got.TicketParts.TicketParts[4]
	require.Equal(t, "assignment", assign.PartType)
	require.Equal(t, Reference{Type: "admin", ID: "991268280"}, assign.AssignedTo)
	require.Zero(t, got.TicketParts.TicketParts[0].AssignedTo)

	// Omitted, false and true are three different bodies.
	_, _, err := c.Tickets.Update(ctx, "610", TicketUpdateRequest{})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{}`)
	_, _, err = c.Tickets.Update(ctx, "610", TicketUpdateRequest{Open: Some(false), IsShared: Some(false)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"open":false,"is_shared":false}`)
	_, _, err = c.Tickets.Update(ctx, "610", TicketUpdateRequest{IsShared: Some(true), Assignment: TicketAssignment{AssigneeID: "0"}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"is_shared":true,"assignment":{"assignee_id":"0"}}`)
}

func TestTicketsUpdateErrors(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.Respond("updateTicket", 404, "Admin not found")
	_, _, err := c.Tickets.Update(ctx, "610", TicketUpdateRequest{State: TicketStateInProgress,
		Assignment: TicketAssignment{AdminID: "123", AssigneeID: "991268288"}})
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 404, apiErr.StatusCode)
	require.True(t, apiErr.HasCode("assignee_not_found"))
	require.Equal(t, "dc969759-0091-4ca1-8dd8-052baca8a837", apiErr.RequestID)

	n := len(srv.Requests())
	for _, tc := range []struct {
		id    string
		req   TicketUpdateRequest
		field string
	}{
		{"", TicketUpdateRequest{}, "id"},
		{"1", TicketUpdateRequest{State: TicketStateSubmitted}, "state"},
		{"1", TicketUpdateRequest{Open: Null[bool]()}, "open"},
		{"1", TicketUpdateRequest{IsShared: Null[bool]()}, "is_shared"},
		{"1", TicketUpdateRequest{Assignment: TicketAssignment{AdminID: "1"}}, "assignment.assignee_id"},
	} {
		_, _, err := c.Tickets.Update(ctx, tc.id, tc.req)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field)
	}
	require.Len(t, srv.Requests(), n, "nothing is sent")
}

func TestTicketsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "getTicket", "Tickets.Get", func() (*Ticket, *Response, error) {
		return c.Tickets.Get(ctx, "613")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/tickets/613")
	testNoBody(t, rec)
	require.Equal(t, ID("613"), got.ID)
	require.Equal(t, ID("22"), got.TicketID)
	require.Equal(t, "attribute_value", got.TicketAttributes.Title())
	require.True(t, got.TicketAttributes.IsNull("_default_description_"))
	require.False(t, got.TicketAttributes.IsNull("missing"))
	require.Equal(t, ID("dd380eeb-8d16-45e8-a727-e96037ba4ed5"), ID(got.Contacts.Contacts[0].ExternalID))
	require.Equal(t, ID("114"), got.TicketType.ID)
	require.Equal(t, TicketCategoryBackOffice, got.TicketType.Category)

	srv.RespondJSON("getTicket", 404, `{"type":"error.list","request_id":"r1","errors":[{"code":"ticket_not_found","message":"Ticket not found"}]}`)
	_, _, err := c.Tickets.Get(ctx, "999")
	require.ErrorIs(t, err, ErrNotFound)

	n := len(srv.Requests())
	_, _, err = c.Tickets.Get(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestTicketsReply(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "replyTicket", "Tickets.Reply", func() (*TicketReply, *Response, error) {
		return c.Tickets.Reply(ctx, "123", TicketContactReply{IntercomUserID: "6657ad586abd0166b52ae30b", Body: "Thanks again :)"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets/123/reply")
	testJSONBody(t, rec, `{"message_type":"comment","type":"user","intercom_user_id":"6657ad586abd0166b52ae30b","body":"Thanks again :)"}`)
	require.Equal(t, "ticket_part", got.Type)
	require.Equal(t, ID("142"), got.ID)
	require.Equal(t, TicketReplyComment, got.PartType)
	require.Equal(t, "<p>Thanks again :)</p>", got.Body)
	require.Equal(t, PartAuthor{Type: "user", ID: "6657ad586abd0166b52ae30b", Email: "user30@email.com"}, got.Author)

	// Contact named by user_id or email, with attachments.
	_, _, err := c.Tickets.Reply(ctx, "123", TicketContactReply{UserID: "u1", Body: "hi", AttachmentURLs: []string{"https://example.com/a.png"}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"comment","type":"user","user_id":"u1","body":"hi","attachment_urls":["https://example.com/a.png"]}`)
	_, _, err = c.Tickets.Reply(ctx, "123", TicketContactReply{Email: "a@b.test", Body: "hi"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"comment","type":"user","email":"a@b.test","body":"hi"}`)

	// An admin note, cross-posted.
	srv.Respond("replyTicket", 200, "Admin note reply")
	note, _, err := c.Tickets.Reply(ctx, "123", TicketAdminReply{MessageType: TicketReplyNote, AdminID: "991268224",
		Body: "This note will be cross-posted to all linked conversations.", CrossPost: true})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"note","type":"admin","admin_id":"991268224",`+
		`"body":"This note will be cross-posted to all linked conversations.","cross_post":true}`)
	require.Equal(t, TicketReplyNote, note.PartType)
	require.Equal(t, ID("145"), note.ID)
	require.Equal(t, "admin", note.Author.Type)

	// An admin quick reply.
	srv.Respond("replyTicket", 200, "Admin quick_reply reply")
	quick, _, err := c.Tickets.Reply(ctx, "123", TicketAdminReply{MessageType: TicketReplyQuickReply, AdminID: "991268229",
		ReplyOptions: []TicketReplyOption{{Text: "Yes", UUID: "a55776a3-1e17-4e74-8179-c5a147751f06"}, {Text: "No", UUID: "ee05fede-05b4-4543-bfa1-e6aa00417e51"}}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"quick_reply","type":"admin","admin_id":"991268229","reply_options":`+
		`[{"text":"Yes","uuid":"a55776a3-1e17-4e74-8179-c5a147751f06"},{"text":"No","uuid":"ee05fede-05b4-4543-bfa1-e6aa00417e51"}]}`)
	require.Equal(t, TicketReplyQuickReply, quick.PartType)
	require.Empty(t, quick.Body)

	// An admin comment with the maximum of 10 attachments.
	urls := make([]string, 10)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://example.com/%d.png", i)
	}
	_, _, err = c.Tickets.Reply(ctx, "123", TicketAdminReply{MessageType: TicketReplyComment, AdminID: "1", Body: "see", AttachmentURLs: urls})
	require.NoError(t, err)
	var sent map[string]any
	require.NoError(t, json.Unmarshal(srv.LastRequest().Body, &sent))
	require.Len(t, sent["attachment_urls"], 10)
	require.Equal(t, "comment", sent["message_type"])
	require.NotContains(t, sent, "cross_post")
	require.Empty(t, srv.LastRequest().Violations)

	srv.Respond("replyTicket", 404, "Not found")
	_, _, err = c.Tickets.Reply(ctx, "123", TicketContactReply{IntercomUserID: "6657ad606abd0166b52ae30e", Body: "Thanks again :)"})
	require.ErrorIs(t, err, ErrNotFound)
}

func TestTicketsReplyValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = "https://example.com/x.png"
	}
	opts := []TicketReplyOption{{Text: "Yes", UUID: "a55776a3-1e17-4e74-8179-c5a147751f06"}}
	for _, tc := range []struct {
		id    string
		req   TicketReplyRequest
		field string
	}{
		{"1", nil, "reply"},
		{"", TicketContactReply{Email: "a@b.test", Body: "x"}, "id"},
		{"1", TicketContactReply{Body: "x"}, "intercom_user_id"},
		{"1", TicketContactReply{Email: "a@b.test", UserID: "u", Body: "x"}, "intercom_user_id"},
		{"1", TicketContactReply{Email: "a@b.test"}, "body"},
		{"1", TicketContactReply{Email: "a@b.test", Body: "x", AttachmentURLs: eleven}, "attachment_urls"},
		{"1", TicketAdminReply{AdminID: "1", Body: "x"}, "message_type"},
		{"1", TicketAdminReply{MessageType: "shout", AdminID: "1", Body: "x"}, "message_type"},
		{"1", TicketAdminReply{MessageType: TicketReplyComment, Body: "x"}, "admin_id"},
		{"1", TicketAdminReply{MessageType: TicketReplyNote, AdminID: "1"}, "body"},
		{"1", TicketAdminReply{MessageType: TicketReplyQuickReply, AdminID: "1"}, "reply_options"},
		{"1", TicketAdminReply{MessageType: TicketReplyQuickReply, AdminID: "1", ReplyOptions: []TicketReplyOption{{Text: "Yes"}}}, "reply_options[0].uuid"},
		{"1", TicketAdminReply{MessageType: TicketReplyQuickReply, AdminID: "1", ReplyOptions: []TicketReplyOption{{UUID: "u"}}}, "reply_options[0].text"},
		{"1", TicketAdminReply{MessageType: TicketReplyComment, AdminID: "1", Body: "x", ReplyOptions: opts}, "reply_options"},
		{"1", TicketAdminReply{MessageType: TicketReplyComment, AdminID: "1", Body: "x", CrossPost: true}, "cross_post"},
		{"1", TicketAdminReply{MessageType: TicketReplyComment, AdminID: "1", Body: "x", AttachmentURLs: eleven}, "attachment_urls"},
		{"1", TicketAdminReply{MessageType: TicketReplyComment, AdminID: "1", Body: "x", AttachmentURLs: []string{""}}, "attachment_urls[0]"},
	} {
		_, _, err := c.Tickets.Reply(context.Background(), tc.id, tc.req)
		require.ErrorIs(t, err, ErrInvalidRequest, "%+v", tc.req)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field, "%+v", tc.req)
	}
	require.Empty(t, srv.Requests(), "nothing is sent")
}

func TestTicketsSearch(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := SearchRequest{
		Query:      And(Filter("created_at", OpGreaterThan, StringValue("1306054154"))),
		Pagination: SearchPagination{PerPage: 5},
	}
	got, rec := exercise(t, srv, "searchTickets", "Tickets.Search", func() (*TicketList, *Response, error) {
		return c.Tickets.Search(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets/search")
	require.JSONEq(t, `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5}}`, string(rec.Body))
	require.Equal(t, "ticket.list", got.Type)
	require.Equal(t, 1, got.TotalCount)
	require.Equal(t, 5, got.Pages.PerPage)
	require.False(t, got.Pages.HasMore())
	require.Len(t, got.Tickets, 1)
	require.Equal(t, ID("614"), got.Tickets[0].ID)
	require.Equal(t, ID("119"), got.Tickets[0].TicketType.ID)

	// Without pagination the key is left out.
	_, _, err := c.Tickets.Search(ctx, SearchRequest{Query: Filter("open", OpEquals, BoolValue(true))})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"query":{"field":"open","operator":"=","value":true}}`)

	// An invalid query is not sent.
	n := len(srv.Requests())
	_, _, err = c.Tickets.Search(ctx, SearchRequest{Query: Filter("open", OpIn, BoolValue(true))})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Tickets.Search(ctx, SearchRequest{Query: Filter("open", OpEquals, BoolValue(true)), Pagination: SearchPagination{PerPage: 151}})
	require.ErrorIs(t, err, ErrInvalidRequest)
	for range c.Tickets.SearchAll(ctx, SearchRequest{}) {
	}
	require.Len(t, srv.Requests(), n)

	srv.Respond("searchTickets", 401, "")
	_, _, err = c.Tickets.Search(ctx, req)
	require.ErrorIs(t, err, ErrUnauthorized)
}

// ticketPage renders a page of search results with the given ticket ids and
// next cursor ("" for the last page).
func ticketPage(next string, ids ...string) string {
	tickets := make([]map[string]any, len(ids))
	for i, id := range ids {
		tickets[i] = map[string]any{"type": "ticket", "id": id, "ticket_state": "submitted"}
	}
	pages := map[string]any{"type": "pages", "per_page": 2}
	if next != "" {
		pages["next"] = map[string]any{"per_page": 2, "starting_after": next}
	}
	b, _ := json.Marshal(map[string]any{"type": "ticket.list", "tickets": tickets, "total_count": 3, "pages": pages})
	return string(b)
}

func TestTicketsSearchAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("searchTickets", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body struct {
			Pagination *SearchPagination `json:"pagination"`
		}
		_ = json.Unmarshal(b, &body)
		if body.Pagination != nil && body.Pagination.StartingAfter == "cursor-2" {
			_, _ = io.WriteString(w, ticketPage("", "3"))
			return
		}
		_, _ = io.WriteString(w, ticketPage("cursor-2", "1", "2"))
	})
	req := SearchRequest{Query: Filter("open", OpEquals, BoolValue(true)), Pagination: SearchPagination{PerPage: 2}}
	var ids []ID
	for tk, err := range c.Tickets.SearchAll(ctx, req) {
		require.NoError(t, err)
		ids = append(ids, tk.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testJSONBody(t, reqs[0], `{"query":{"field":"open","operator":"=","value":true},"pagination":{"per_page":2}}`)
	testJSONBody(t, reqs[1], `{"query":{"field":"open","operator":"=","value":true},"pagination":{"per_page":2,"starting_after":"cursor-2"}}`)
	require.Equal(t, SearchPagination{PerPage: 2}, req.Pagination, "the caller's request is not modified")

	// Without pagination, only the cursor is added.
	for range c.Tickets.SearchAll(ctx, SearchRequest{Query: Filter("open", OpEquals, BoolValue(true))}) {
	}
	reqs = srv.Requests()
	require.Len(t, reqs, 4)
	testJSONBody(t, reqs[2], `{"query":{"field":"open","operator":"=","value":true}}`)
	testJSONBody(t, reqs[3], `{"query":{"field":"open","operator":"=","value":true},"pagination":{"starting_after":"cursor-2"}}`)

	// Breaking after the first ticket fetches nothing more.
	for tk, err := range c.Tickets.SearchAll(ctx, req) {
		require.NoError(t, err)
		require.Equal(t, ID("1"), tk.ID)
		break
	}
	require.Len(t, srv.Requests(), 5)

	// A page that hands back the cursor it was asked with stops the walk.
	page := 0 // new items on every page, so that only the cursor repeats
	srv.RespondFunc("searchTickets", func(w http.ResponseWriter, r *http.Request) {
		page++
		_, _ = io.WriteString(w, ticketPage("same", fmt.Sprint(page)))
	})
	var lastErr error
	n := 0
	for _, err := range c.Tickets.SearchAll(ctx, req) {
		if err != nil {
			lastErr = err
			break
		}
		n++
	}
	require.ErrorIs(t, lastErr, ErrCursorStalled)
	require.Equal(t, 2, n)

	// Errors end the walk.
	srv.Respond("searchTickets", 401, "")
	for _, err := range c.Tickets.SearchAll(ctx, req) {
		require.ErrorIs(t, err, ErrUnauthorized)
	}
}

func TestTicketAttributes(t *testing.T) {
	t.Parallel()
	var a TicketAttributes
	require.NoError(t, json.Unmarshal([]byte(`{
		"_default_title_": "Found a bug", "_default_description_": null,
		"count": 12345678901234567, "ratio": 0.5, "urgent": true,
		"tags": ["a", "b"],
		"screenshot": {"type": "upload", "name": "Screenshot.png", "url": "https://x.test/s.png", "content_type": "image/png", "filesize": 11308309, "width": 3024, "height": 1964},
		"files": [{"type": "upload", "name": "a.txt"}, {"type": "upload", "name": "b.txt"}]
	}`), &a))
	require.Equal(t, "Found a bug", a.Title())
	require.Empty(t, a.Description())
	require.True(t, a.IsNull("_default_description_"))
	n, ok := a.Int("count")
	require.True(t, ok)
	require.Equal(t, int64(12345678901234567), n, "integers are not rounded")
	_, ok = a.Int("ratio")
	require.False(t, ok)
	f, ok := a.Float("ratio")
	require.True(t, ok)
	require.Equal(t, 0.5, f)
	b, ok := a.Bool("urgent")
	require.True(t, ok)
	require.True(t, b)
	_, ok = a.String("urgent")
	require.False(t, ok)
	l, ok := a.List("tags")
	require.True(t, ok)
	require.Equal(t, []any{"a", "b"}, l)
	file, ok := a.File("screenshot")
	require.True(t, ok)
	require.Equal(t, Attachment{Type: "upload", Name: "Screenshot.png", URL: "https://x.test/s.png",
		ContentType: "image/png", Filesize: 11308309, Width: 3024, Height: 1964}, file)
	files, ok := a.Files("files")
	require.True(t, ok)
	require.Equal(t, []Attachment{{Type: "upload", Name: "a.txt"}, {Type: "upload", Name: "b.txt"}}, files)
	one, ok := a.Files("screenshot")
	require.True(t, ok)
	require.Len(t, one, 1)
	_, ok = a.Files("tags")
	require.False(t, ok)
	_, ok = a.File("missing")
	require.False(t, ok)

	// Values set in Go are read too.
	g := TicketAttributes{"n": 3, "f": 2.5, "file": Attachment{Name: "x"}}
	n, ok = g.Int("n")
	require.True(t, ok)
	require.Equal(t, int64(3), n)
	f, _ = g.Float("f")
	require.Equal(t, 2.5, f)
	gf, ok := g.File("file")
	require.True(t, ok)
	require.Equal(t, "x", gf.Name)

	// Round trip keeps numbers exact.
	out, err := json.Marshal(a)
	require.NoError(t, err)
	require.True(t, strings.Contains(string(out), `"count":12345678901234567`), "%s", out)

	require.NoError(t, json.Unmarshal([]byte(`null`), &a))
	require.Nil(t, a)
}

func TestTicketDecodesConversionExample(t *testing.T) {
	t.Parallel()
	// conversation_actions.go returns a Ticket from convertConversationToTicket; the
	// model must keep every field of that example too.
	_, srv := newSpecClient(t)
	ex := srv.Example("convertConversationToTicket", 200, "")
	var tk Ticket
	require.NoError(t, json.Unmarshal(ex, &tk))
	assertLossless(t, "convertConversationToTicket", ex, &tk)
	require.Equal(t, ID("594"), tk.ID)
	require.Empty(t, tk.TicketAttributes)
	require.Equal(t, TicketCategoryCustomer, tk.TicketType.Category)
	require.Equal(t, "<p>Comment for message</p>", tk.TicketParts.TicketParts[0].Body)
}

// TestTicketsUpdateLaterVersions: each version's shape of PUT /tickets/{id}
// passes its description; fields a version lacks are refused before I/O.
func TestTicketsUpdateLaterVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	attrs := TicketAttributes{"_default_title_": "example"}

	// 2.12: ticket_state_id and company_id join the assignment object.
	c12, srv12 := newSpecClientAt(t, "2.12")
	got, rec := exercise(t, srv12, "updateTicket", "Tickets.Update", func() (*Ticket, *Response, error) {
		return c12.Tickets.Update(ctx, "610", TicketUpdateRequest{TicketAttributes: attrs, TicketStateID: "2750", CompanyID: "5f4d3c1c",
			Assignment: TicketAssignment{AdminID: "991266764", AssigneeID: "991266766"}})
	})
	testJSONBody(t, rec, `{"ticket_attributes":{"_default_title_":"example"},"assignment":{"admin_id":"991266764","assignee_id":"991266766"},"ticket_state_id":"2750","company_id":"5f4d3c1c"}`)
	require.NotEmpty(t, got.TicketState.ID, "2.12 sends the state as an object")
	require.NotEmpty(t, got.TicketState.Category)
	_, _, err := c12.Tickets.Update(ctx, "610", TicketUpdateRequest{SkipNotifications: Some(true)})
	requireVersionErr(t, err, "2.12", "PUT", "/tickets/{id}", "updateTicket", "skip_notifications", "2.13", "2.14", "2.15", "2.16")
	_, _, err = c12.Tickets.Update(ctx, "610", TicketUpdateRequest{State: TicketStateResolved})
	requireVersionErr(t, err, "2.12", "PUT", "/tickets/{id}", "updateTicket", "state", "2.10", "2.11")

	// 2.13: skip_notifications.
	c13, srv13 := newSpecClientAt(t, "2.13")
	_, rec = exercise(t, srv13, "updateTicket", "Tickets.Update", func() (*Ticket, *Response, error) {
		return c13.Tickets.Update(ctx, "610", TicketUpdateRequest{Open: Some(true), SkipNotifications: Some(false),
			Assignment: TicketAssignment{AssigneeID: "0"}})
	})
	testJSONBody(t, rec, `{"open":true,"assignment":{"assignee_id":"0"},"skip_notifications":false}`)
	_, _, err = c13.Tickets.Update(ctx, "610", TicketUpdateRequest{AdminID: "1"})
	requireVersionErr(t, err, "2.13", "PUT", "/tickets/{id}", "updateTicket", "admin_id", "2.14", "2.15", "2.16")
	_, _, err = c13.Tickets.Update(ctx, "610", TicketUpdateRequest{AssigneeID: "0"})
	requireVersionErr(t, err, "2.13", "PUT", "/tickets/{id}", "updateTicket", "assignee_id", "2.14", "2.15", "2.16")

	// 2.14 and later: admin_id (an integer) and assignee_id at the top level.
	for _, v := range []string{"2.14", "2.16"} {
		c, srv := newSpecClientAt(t, v)
		_, rec = exercise(t, srv, "updateTicket", "Tickets.Update", func() (*Ticket, *Response, error) {
			return c.Tickets.Update(ctx, "610", TicketUpdateRequest{TicketAttributes: attrs, TicketStateID: "8498", Open: Some(true),
				SnoozedUntil: 1673609604, SkipNotifications: Some(true), AdminID: "991268011", AssigneeID: "991268013"})
		})
		testMethod(t, rec, http.MethodPut)
		testPath(t, rec, "/tickets/610")
		testJSONBody(t, rec, `{"ticket_attributes":{"_default_title_":"example"},"open":true,"snoozed_until":1673609604,`+
			`"ticket_state_id":"8498","skip_notifications":true,"assignee_id":"991268013","admin_id":991268011}`)
		_, _, err = c.Tickets.Update(ctx, "610", TicketUpdateRequest{Assignment: TicketAssignment{AdminID: "1", AssigneeID: "2"}})
		requireVersionErr(t, err, v, "PUT", "/tickets/{id}", "updateTicket", "assignment", "2.10", "2.11", "2.12", "2.13")
		n := len(srv.Requests())
		_, _, err = c.Tickets.Update(ctx, "610", TicketUpdateRequest{AdminID: "admin-1"})
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, "admin_id", ie.Field)
		require.Len(t, srv.Requests(), n, "nothing is sent")
	}

	// 2.10 has none of the later fields.
	c10, srv10 := newSpecClient(t)
	for field, req := range map[string]TicketUpdateRequest{
		"ticket_state_id": {TicketStateID: "1"}, "company_id": {CompanyID: "c"}, "skip_notifications": {SkipNotifications: Some(false)},
		"admin_id": {AdminID: "1"}, "assignee_id": {AssigneeID: "1"},
	} {
		_, _, err := c10.Tickets.Update(ctx, "610", req)
		var ve *VersionError
		require.ErrorAs(t, err, &ve, field)
		require.Equal(t, field, ve.Field)
	}
	require.Empty(t, srv10.Requests())
}
