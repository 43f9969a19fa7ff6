package intercom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConversationsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "listConversations", "Conversations.List", func() (*ConversationList, *Response, error) {
		return c.Conversations.List(ctx, &ConversationListOptions{PerPage: 20, StartingAfter: "WzE3MTcwMjE4MTEwMDAsNDU1LDJd"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations")
	testQuery(t, rec, "per_page=20&starting_after=WzE3MTcwMjE4MTEwMDAsNDU1LDJd")
	testNoBody(t, rec)

	require.Equal(t, "conversation.list", got.Type)
	require.Equal(t, 1, got.TotalCount)
	require.Equal(t, 20, got.Pages.PerPage)
	require.Len(t, got.Conversations, 1)
	conv := got.Conversations[0]
	require.Equal(t, ID("455"), conv.ID)
	require.Equal(t, ConversationStateClosed, conv.State)
	require.Equal(t, ConversationNotPrioritized, conv.Priority)
	require.Equal(t, ID("991267715"), conv.AdminAssigneeID, "integer ids decode into ID")
	require.Equal(t, ID("5017691"), conv.TeamAssigneeID)
	require.Equal(t, ConversationSourceConversation, conv.Source.Type)
	require.Equal(t, "admin143@email.com", conv.Source.Author.Email)
	require.Equal(t, "70", conv.Contacts.Contacts[0].ExternalID)
	require.Nil(t, conv.SLAApplied)
	require.Nil(t, conv.Statistics)
	require.Nil(t, conv.Ticket)
	require.Zero(t, conv.WaitingSince)

	// nil options send no query.
	_, _, err := c.Conversations.List(ctx, nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")
}

func TestConversationsListValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Conversations.List(context.Background(), &ConversationListOptions{PerPage: 151})
	testInvalidNoIO(t, srv, err, "per_page")
}

func TestConversationListDecodesDataKey(t *testing.T) {
	t.Parallel()
	// The schema of listConversations (paginated_response) puts the items
	// under "data"; Intercom sends "conversations". Both decode.
	var l ConversationList
	require.NoError(t, json.Unmarshal([]byte(`{"type":"conversation.list","data":[{"type":"conversation","id":"1"}],"pages":{"next":{"starting_after":"c2"}}}`), &l))
	require.Len(t, l.Conversations, 1)
	require.Equal(t, ID("1"), l.Conversations[0].ID)
	require.Equal(t, "c2", l.Pages.Next.StartingAfter)

	require.NoError(t, json.Unmarshal([]byte(`{"conversations":[{"id":"2"},{"id":"3"}],"total_count":2}`), &l))
	require.Len(t, l.Conversations, 2)
	require.Equal(t, 2, l.TotalCount)
	enc, err := json.Marshal(l)
	require.NoError(t, err)
	require.JSONEq(t, `{"conversations":[{"id":"2"},{"id":"3"}],"total_count":2}`, string(enc))
}

// conversationPage writes a conversation.list page with the given ids and
// next cursor ("" for the last page).
func conversationPage(w http.ResponseWriter, next string, ids ...string) {
	convs := make([]map[string]any, len(ids))
	for i, id := range ids {
		convs[i] = map[string]any{"type": "conversation", "id": id, "state": "open"}
	}
	pages := map[string]any{"type": "pages", "per_page": len(ids)}
	if next != "" {
		pages["next"] = map[string]any{"per_page": len(ids), "starting_after": next}
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"type": "conversation.list", "total_count": 3, "pages": pages, "conversations": convs})
}

func TestConversationsListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("listConversations", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("starting_after") {
		case "":
			conversationPage(w, "cursor-2", "1", "2")
		case "cursor-2":
			conversationPage(w, "", "3")
		default:
			http.Error(w, "unexpected cursor", http.StatusBadRequest)
		}
	})
	opt := &ConversationListOptions{PerPage: 2}
	var ids []ID
	for conv, err := range c.Conversations.ListAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, conv.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "per_page=2&starting_after=cursor-2")
	require.Equal(t, &ConversationListOptions{PerPage: 2}, opt, "ListAll must not modify the caller's options")

	// Breaking out after the first item sends no further request.
	for conv, err := range c.Conversations.ListAll(ctx, nil) {
		require.NoError(t, err)
		require.Equal(t, ID("1"), conv.ID)
		break
	}
	require.Len(t, srv.Requests(), 3)
	testQuery(t, srv.LastRequest(), "")

	// An error ends the walk with that error.
	srv.RespondJSON("listConversations", http.StatusForbidden, `{"type":"error.list","errors":[{"code":"api_plan_restricted","message":"Active subscription needed."}]}`)
	all, err := Collect(c.Conversations.ListAll(ctx, nil))
	require.ErrorIs(t, err, ErrForbidden)
	require.Empty(t, all)
}

func TestConversationsCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "createConversation", "Conversations.Create", func() (*Message, *Response, error) {
		return c.Conversations.Create(ctx, ConversationCreateRequest{
			From: ConversationFrom{Type: ConversationFromUser, ID: "6657ac8a6abd0166b52ae266"},
			Body: "Hello there",
		})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations")
	testJSONBody(t, rec, `{"from":{"type":"user","id":"6657ac8a6abd0166b52ae266"},"body":"Hello there"}`)
	require.Equal(t, "user_message", got.Type)
	require.Equal(t, ID("403918318"), got.ID)
	require.Equal(t, ID("483"), got.ConversationID)
	require.Equal(t, MessageTypeInApp, got.MessageType)
	require.Equal(t, Timestamp(1717021835), got.CreatedAt)

	// Optional fields are sent when set.
	_, _, err := c.Conversations.Create(ctx, ConversationCreateRequest{
		From: ConversationFrom{Type: ConversationFromLead, ID: "6657ac8a6abd0166b52ae267"}, Body: "Hi", Subject: "Hello",
		AttachmentURLs: []string{"https://example.com/a.png"},
	})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"from":{"type":"lead","id":"6657ac8a6abd0166b52ae267"},"body":"Hi","subject":"Hello","attachment_urls":["https://example.com/a.png"]}`)
}

func TestConversationsCreateValidationAndNotFound(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	from := ConversationFrom{Type: ConversationFromUser, ID: "6657ac8a6abd0166b52ae266"}
	cases := []struct {
		req   ConversationCreateRequest
		field string
	}{
		{ConversationCreateRequest{From: ConversationFrom{Type: ConversationFromUser}, Body: "x"}, "from.id"},
		{ConversationCreateRequest{From: ConversationFrom{ID: "abc"}, Body: "x"}, "from.type"},
		{ConversationCreateRequest{From: from}, "body"},
		{ConversationCreateRequest{From: from, Body: "x", AttachmentURLs: make([]string, 11)}, "attachment_urls"},
	}
	for i, tc := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			c, srv := newSpecClient(t)
			_, _, err := c.Conversations.Create(ctx, tc.req)
			testInvalidNoIO(t, srv, err, tc.field)
		})
	}

	c, srv := newSpecClient(t)
	srv.Respond("createConversation", http.StatusNotFound, "Contact Not Found")
	// The spec's own example sends "123_doesnt_exist", shorter than the
	// 24 characters its schema requires; send a well-formed unknown id.
	got, _, err := c.Conversations.Create(ctx, ConversationCreateRequest{From: ConversationFrom{Type: ConversationFromUser, ID: "000000000000000000000000"}, Body: "Hello there"})
	require.Nil(t, got)
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	require.Equal(t, "error.list", apiErr.Type)
	require.True(t, apiErr.HasCode("not_found"), "errors: %+v", apiErr.Errors)
	require.NotEmpty(t, apiErr.RequestID)
}

func TestConversationsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "retrieveConversation", "Conversations.Get", func() (*Conversation, *Response, error) {
		return c.Conversations.Get(ctx, "487", &ConversationDisplayOptions{DisplayAs: DisplayAsPlaintext})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations/487")
	testQuery(t, rec, "display_as=plaintext")
	testNoBody(t, rec)
	require.Equal(t, ID("487"), got.ID)
	require.Equal(t, "conversation_part.list", got.ConversationParts.Type)
	require.Equal(t, "list", got.LinkedObjects.Type)
	require.Equal(t, "tag.list", got.Tags.Type)
	require.Equal(t, Timestamp(1717021841), got.CreatedAt)

	_, _, err := c.Conversations.Get(ctx, "487", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")
}

func TestConversationsGetErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClient(t)
	_, _, err := c.Conversations.Get(ctx, " ", nil)
	testInvalidNoIO(t, srv, err, "id")

	srv.Respond("retrieveConversation", http.StatusNotFound, "Not found")
	_, _, err = c.Conversations.Get(ctx, "123", nil)
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 404, apiErr.StatusCode)
	require.Equal(t, "not_found", apiErr.Errors[0].Code)
}

func TestConversationDecodesFullModel(t *testing.T) {
	t.Parallel()
	// Fields the 2.10 examples leave null or empty, in the shapes the schema
	// (and Intercom) give them.
	in := `{"type":"conversation","id":"1","title":"Help","waiting_since":1717021866,"snoozed_until":1717025481,
	"tags":{"type":"tag.list","tags":[{"type":"tag","id":"7","name":"vip","applied_at":1663597223,"applied_by":{"type":"admin","id":"456"}}]},
	"conversation_rating":{"rating":5,"remark":"great","created_at":1671028894,"contact":{"type":"contact","id":"c1","external_id":"e1"},"teammate":{"type":"admin","id":"3"}},
	"teammates":{"type":"admin.list","teammates":[{"type":"admin","id":"3"}]},
	"custom_attributes":{"issue_type":"Billing","priority":3,"vip":true,"meta":{"a":1}},
	"first_contact_reply":{"created_at":1663597223,"type":"conversation","url":"https://example.com"},
	"sla_applied":{"type":"conversation_sla_summary","sla_name":"Gold","sla_status":"missed"},
	"statistics":{"type":"conversation_statistics","time_to_assignment":10,"median_time_to_reply":30,"first_close_at":1663597233,"last_closed_by_id":"c3","count_reopens":1,"count_assignments":2,"count_conversation_parts":3},
	"linked_objects":{"type":"list","total_count":1,"has_more":true,"data":[{"type":"ticket","id":"7","category":"Customer"}]},
	"topics":{"type":"topic.list","topics":[{"type":"topic","id":"t1","name":"Billing"}],"total_count":1},
	"ticket":{"type":"ticket","id":"99","ticket_id":"4","state":"submitted"},
	"conversation_parts":{"type":"conversation_part.list","total_count":1,"conversation_parts":[{"type":"conversation_part","id":"5","part_type":"assignment","assigned_to":{"type":"team","id":"814"},
	  "attachments":[{"type":"upload","name":"a.png","url":"https://x/a.png","content_type":"image/png","filesize":100,"width":10,"height":20}]}]}}`
	var conv Conversation
	require.NoError(t, json.Unmarshal([]byte(in), &conv))
	require.Equal(t, "vip", conv.Tags.Tags[0].Name)
	require.Equal(t, 5, conv.ConversationRating.Rating)
	require.Equal(t, SLAStatusMissed, conv.SLAApplied.SLAStatus)
	require.Equal(t, int64(10), conv.Statistics.TimeToAssignment)
	require.Equal(t, ID("c3"), conv.Statistics.LastClosedByID)
	require.Equal(t, true, conv.CustomAttributes["vip"])
	require.Equal(t, ConversationPartAssignment, conv.ConversationParts.ConversationParts[0].PartType)
	require.Equal(t, &Reference{Type: "team", ID: "814"}, conv.ConversationParts.ConversationParts[0].AssignedTo)
	require.Equal(t, "Billing", conv.Topics.Topics[0].Name)
	require.Equal(t, ID("99"), conv.Ticket.ID)
	require.JSONEq(t, `"submitted"`, string(conv.Ticket.Other["state"]), "unknown ticket keys are kept")
	enc, err := json.Marshal(conv)
	require.NoError(t, err)
	require.JSONEq(t, in, string(enc), "the model round-trips")

	// Unknown enum values decode as they are.
	require.NoError(t, json.Unmarshal([]byte(`{"state":"archived","priority":"urgent","source":{"type":"carrier_pigeon"}}`), &conv))
	require.Equal(t, ConversationState("archived"), conv.State)
	require.Equal(t, ConversationSourceType("carrier_pigeon"), conv.Source.Type)
}

func TestConversationsUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateConversation", "Conversations.Update", func() (*Conversation, *Response, error) {
		return c.Conversations.Update(ctx, "491", ConversationUpdateRequest{
			Read:             Some(true),
			CustomAttributes: map[string]any{"issue_type": "Billing", "old_field": nil},
		}, &ConversationDisplayOptions{DisplayAs: DisplayAsPlaintext})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/conversations/491")
	testQuery(t, rec, "display_as=plaintext")
	testJSONBody(t, rec, `{"read":true,"custom_attributes":{"issue_type":"Billing","old_field":null}}`)
	require.True(t, got.Read)
	require.Len(t, got.ConversationParts.ConversationParts, 2)
	require.Equal(t, ConversationPartType("conversation_attribute_updated_by_admin"), got.ConversationParts.ConversationParts[0].PartType)
	require.Nil(t, got.ConversationParts.ConversationParts[0].AssignedTo)
	require.Equal(t, "bot", got.ConversationParts.ConversationParts[0].Author.Type)

	// Read is tri-state: omitted, false, true.
	_, _, err := c.Conversations.Update(ctx, "491", ConversationUpdateRequest{Read: Some(false)}, nil)
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"read":false}`)
	testQuery(t, srv.LastRequest(), "")
	_, _, err = c.Conversations.Update(ctx, "491", ConversationUpdateRequest{}, nil)
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{}`)

	c2, srv2 := newSpecClient(t)
	_, _, err = c2.Conversations.Update(ctx, "", ConversationUpdateRequest{Read: Some(true)}, nil)
	testInvalidNoIO(t, srv2, err, "id")
}

func TestConversationsSearch(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "searchConversations", "Conversations.Search", func() (*ConversationList, *Response, error) {
		return c.Conversations.Search(ctx, SearchRequest{
			Query:      And(Filter("created_at", OpGreaterThan, StringValue("1306054154"))),
			Pagination: SearchPagination{PerPage: 5},
		})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/search")
	require.JSONEq(t, `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5}}`, string(rec.Body))
	require.Len(t, got.Conversations, 1)
	require.Equal(t, ID("498"), got.Conversations[0].ID)
	require.Equal(t, 5, got.Pages.PerPage)
}

func TestConversationsSearchValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClient(t)
	_, _, err := c.Conversations.Search(ctx, SearchRequest{Query: Filter("state", OpIn, StringValue("open"))})
	testInvalidNoIO(t, srv, err, "query.value")
	_, _, err = c.Conversations.Search(ctx, SearchRequest{Query: Filter("state", OpEquals, StringValue("open")), Pagination: SearchPagination{PerPage: 151}})
	testInvalidNoIO(t, srv, err, "pagination.per_page")
	for _, err := range c.Conversations.SearchAll(ctx, SearchRequest{}) {
		testInvalidNoIO(t, srv, err, "query")
	}
}

func TestConversationsSearchAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("searchConversations", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body map[string]any
		_ = json.Unmarshal(b, &body)
		pag, _ := body["pagination"].(map[string]any)
		switch pag["starting_after"] {
		case nil:
			conversationPage(w, "cur-2", "10", "11")
		case "cur-2":
			conversationPage(w, "", "12")
		default:
			http.Error(w, "unexpected cursor", http.StatusBadRequest)
		}
	})
	req := SearchRequest{
		Query:      Filter("state", OpEquals, StringValue("open")),
		Pagination: SearchPagination{PerPage: 2},
	}
	var ids []ID
	for conv, err := range c.Conversations.SearchAll(ctx, req) {
		require.NoError(t, err)
		ids = append(ids, conv.ID)
	}
	require.Equal(t, []ID{"10", "11", "12"}, ids)
	require.Len(t, srv.Requests(), 2)
	require.JSONEq(t, `{"query":{"field":"state","operator":"=","value":"open"},"pagination":{"per_page":2}}`, string(srv.Requests()[0].Body))
	require.JSONEq(t, `{"query":{"field":"state","operator":"=","value":"open"},"pagination":{"per_page":2,"starting_after":"cur-2"}}`, string(srv.Requests()[1].Body))
	require.Equal(t, SearchPagination{PerPage: 2}, req.Pagination, "SearchAll must not modify the caller's request")

	// Without pagination the first request sends none; break stops fetching.
	for conv, err := range c.Conversations.SearchAll(ctx, SearchRequest{Query: Filter("state", OpEquals, StringValue("open"))}) {
		require.NoError(t, err)
		require.Equal(t, ID("10"), conv.ID)
		break
	}
	require.Len(t, srv.Requests(), 3)
	require.JSONEq(t, `{"query":{"field":"state","operator":"=","value":"open"}}`, string(srv.LastRequest().Body))
}

func TestConversationsReply(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "replyConversation", "Conversations.Reply", func() (*Conversation, *Response, error) {
		return c.Conversations.Reply(ctx, "507", ConversationContactReply{IntercomUserID: "6657aca96abd0166b52ae27d", Body: "Thanks again :)"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/507/reply")
	testJSONBody(t, rec, `{"message_type":"comment","type":"user","intercom_user_id":"6657aca96abd0166b52ae27d","body":"Thanks again :)"}`)
	require.Equal(t, ID("507"), got.ID)
	require.Equal(t, ConversationStateOpen, got.State)
	require.Equal(t, Timestamp(1717021866), got.FirstContactReply.CreatedAt)
	require.Equal(t, "Joe Bloggs", got.ConversationParts.ConversationParts[0].Author.Name)

	// Reply to the contact's last conversation.
	srv.Respond("replyConversation", 200, "User last conversation reply")
	_, _, err := c.Conversations.Reply(ctx, "last", &ConversationContactReply{Email: "joe@bloggs.com", Body: "Thanks again :)",
		AttachmentURLs: []string{"https://example.com/a.png"}})
	require.NoError(t, err)
	testPath(t, srv.LastRequest(), "/conversations/last/reply")
	testJSONBody(t, srv.LastRequest(), `{"message_type":"comment","type":"user","email":"joe@bloggs.com","body":"Thanks again :)","attachment_urls":["https://example.com/a.png"]}`)

	// An admin note.
	srv.Respond("replyConversation", 200, "Admin note reply")
	got, _, err = c.Conversations.Reply(ctx, "508", ConversationAdminReply{AdminID: "991267991", MessageType: ConversationReplyNote, Body: "<p>Coffee</p>",
		AttachmentFiles: []ConversationAttachmentFile{{ContentType: "text/plain", Data: "aGk=", Name: "hi.txt"}}})
	require.NoError(t, err)
	require.JSONEq(t, `{"message_type":"note","type":"admin","admin_id":"991267991","body":"<p>Coffee</p>","attachment_files":[{"content_type":"text/plain","data":"aGk=","name":"hi.txt"}]}`, string(srv.LastRequest().Body))
	assertLossless(t, "replyConversation", srv.Example("replyConversation", 200, "Admin note reply"), got)
	require.Equal(t, ConversationPartNote, got.ConversationParts.ConversationParts[0].PartType)

	// An admin comment is the default message type.
	_, _, err = c.Conversations.Reply(ctx, "508", &ConversationAdminReply{AdminID: "7", Body: "Hello"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"comment","type":"admin","admin_id":"7","body":"Hello"}`)
}

func TestConversationsReplyValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	files := make([]ConversationAttachmentFile, 11)
	cases := []struct {
		id    string
		req   ConversationReplyRequest
		field string
	}{
		{"1", nil, "body"},
		{"1", ConversationContactReply{Body: "x"}, "intercom_user_id"},
		{"1", ConversationContactReply{IntercomUserID: "a", Email: "b@c.d", Body: "x"}, "intercom_user_id"},
		{"1", ConversationContactReply{UserID: "u1"}, "body"},
		{"1", ConversationContactReply{UserID: "u1", Body: "x", AttachmentFiles: files}, "attachment_files"},
		{"1", ConversationAdminReply{Body: "x"}, "admin_id"},
		{"1", ConversationAdminReply{AdminID: "1", Body: "x", MessageType: "poll"}, "message_type"},
		{"1", ConversationAdminReply{AdminID: "1", Body: "x", MessageType: ConversationReplyQuickReply}, "reply_options"},
		{"1", ConversationAdminReply{AdminID: "1", Body: "x", ReplyOptions: []ConversationReplyOption{{Text: "a", UUID: "u"}}}, "reply_options"},
		{"1", ConversationAdminReply{AdminID: "1", MessageType: ConversationReplyQuickReply, ReplyOptions: []ConversationReplyOption{{Text: "a"}}}, "reply_options[0].uuid"},
		{"1", ConversationContactReply{UserID: "u1", Body: "x", ReplyOptions: []ConversationReplyOption{{UUID: "u"}}}, "reply_options[0].text"},
		{"1", ConversationAdminReply{AdminID: "1"}, "body"},
		{"1", ConversationAdminReply{AdminID: "1", Body: "x", AttachmentURLs: make([]string, 11)}, "attachment_urls"},
		{"", ConversationAdminReply{AdminID: "1", Body: "x"}, "id"},
	}
	for i, tc := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			c, srv := newSpecClient(t)
			_, _, err := c.Conversations.Reply(ctx, tc.id, tc.req)
			testInvalidNoIO(t, srv, err, tc.field)
		})
	}
	// Exactly 10 attachments is fine.
	require.NoError(t, ConversationAdminReply{AdminID: "1", Body: "x", AttachmentURLs: make([]string, 10), AttachmentFiles: make([]ConversationAttachmentFile, 10)}.Validate())
}

func TestConversationsManage(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "manageConversation", "Conversations.Manage", func() (*Conversation, *Response, error) {
		return c.Conversations.Manage(ctx, "514", ConversationCloseRequest{AdminID: "991268003", Body: "Goodbye :)"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/514/parts")
	testJSONBody(t, rec, `{"message_type":"close","type":"admin","admin_id":"991268003","body":"Goodbye :)"}`)
	require.Equal(t, ConversationStateClosed, got.State)
	require.Equal(t, ConversationPartClose, got.ConversationParts.ConversationParts[0].PartType)

	// The shorthands send the same bodies as Manage with each request type.
	type step struct {
		example string
		call    func() (*Conversation, *Response, error)
		body    string
		check   func(*Conversation)
	}
	steps := []step{
		{"Close a conversation", func() (*Conversation, *Response, error) {
			return c.Conversations.Close(ctx, "514", ConversationCloseRequest{AdminID: "991268003"})
		}, `{"message_type":"close","type":"admin","admin_id":"991268003"}`, func(cv *Conversation) {
			require.False(t, cv.Open)
		}},
		{"Snooze a conversation", func() (*Conversation, *Response, error) {
			return c.Conversations.Snooze(ctx, "515", ConversationSnoozeRequest{AdminID: "991268005", SnoozedUntil: 1717025481})
		}, `{"message_type":"snoozed","admin_id":"991268005","snoozed_until":1717025481}`, func(cv *Conversation) {
			require.Equal(t, ConversationStateSnoozed, cv.State)
			require.Equal(t, Timestamp(1717025481), cv.SnoozedUntil)
		}},
		{"Open a conversation", func() (*Conversation, *Response, error) {
			return c.Conversations.Open(ctx, "520", ConversationOpenRequest{AdminID: "991268007"})
		}, `{"message_type":"open","admin_id":"991268007"}`, func(cv *Conversation) {
			require.Equal(t, ConversationStateOpen, cv.State)
		}},
		{"Assign a conversation", func() (*Conversation, *Response, error) {
			return c.Conversations.Assign(ctx, "525", ConversationAssignRequest{AdminID: "991268010", AssigneeID: "991268010", Type: AssigneeAdmin})
		}, `{"message_type":"assignment","type":"admin","admin_id":"991268010","assignee_id":"991268010"}`, func(cv *Conversation) {
			require.Equal(t, ID("991268010"), cv.AdminAssigneeID)
			require.Equal(t, &Reference{Type: "admin", ID: "991268010"}, cv.ConversationParts.ConversationParts[0].AssignedTo)
		}},
	}
	for _, st := range steps {
		srv.Respond("manageConversation", 200, st.example)
		before := len(srv.Requests())
		cv, resp, err := st.call()
		require.NoError(t, err, st.example)
		require.NotNil(t, resp)
		require.Len(t, srv.Requests(), before+1)
		last := srv.LastRequest()
		require.Equal(t, "manageConversation", last.OperationID)
		require.Equal(t, st.body, string(last.Body), st.example)
		assertLossless(t, "manageConversation", srv.Example("manageConversation", 200, st.example), cv)
		st.check(cv)
	}

	// Assigning to a team with a message.
	_, _, err := c.Conversations.Assign(ctx, "525", ConversationAssignRequest{AdminID: "1", AssigneeID: "814", Type: AssigneeTeam, Body: "Passing you over"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"message_type":"assignment","type":"team","admin_id":"1","assignee_id":"814","body":"Passing you over"}`)
}

func TestConversationsManageValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name  string
		call  func(c *Client) error
		field string
	}{
		{"nil", func(c *Client) error { _, _, err := c.Conversations.Manage(ctx, "1", nil); return err }, "body"},
		{"close admin", func(c *Client) error {
			_, _, err := c.Conversations.Close(ctx, "1", ConversationCloseRequest{})
			return err
		}, "admin_id"},
		{"snooze time", func(c *Client) error {
			_, _, err := c.Conversations.Snooze(ctx, "1", ConversationSnoozeRequest{AdminID: "1"})
			return err
		}, "snoozed_until"},
		{"open admin", func(c *Client) error {
			_, _, err := c.Conversations.Open(ctx, "1", ConversationOpenRequest{})
			return err
		}, "admin_id"},
		{"assign assignee", func(c *Client) error {
			_, _, err := c.Conversations.Assign(ctx, "1", ConversationAssignRequest{AdminID: "1", Type: AssigneeAdmin})
			return err
		}, "assignee_id"},
		{"assign type", func(c *Client) error {
			_, _, err := c.Conversations.Assign(ctx, "1", ConversationAssignRequest{AdminID: "1", AssigneeID: "2"})
			return err
		}, "type"},
		{"assign bad type", func(c *Client) error {
			_, _, err := c.Conversations.Assign(ctx, "1", ConversationAssignRequest{AdminID: "1", AssigneeID: "2", Type: "bot"})
			return err
		}, "type"},
		{"empty id", func(c *Client) error {
			_, _, err := c.Conversations.Open(ctx, "", ConversationOpenRequest{AdminID: "1"})
			return err
		}, "id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, srv := newSpecClient(t)
			testInvalidNoIO(t, srv, tc.call(c), tc.field)
		})
	}
	for _, r := range []ConversationManageRequest{ConversationCloseRequest{}, ConversationSnoozeRequest{}, ConversationOpenRequest{}, ConversationAssignRequest{}} {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		require.Equal(t, string(r.Action()), m["message_type"])
	}
}

func TestConversationsRunAssignmentRules(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "autoAssignConversation", "Conversations.RunAssignmentRules", func() (*Conversation, *Response, error) {
		return c.Conversations.RunAssignmentRules(ctx, "529")
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/529/run_assignment_rules")
	testNoBody(t, rec)
	require.Equal(t, ID("529"), got.ID)
	part := got.ConversationParts.ConversationParts[0]
	require.Equal(t, ConversationPartDefaultAssign, part.PartType)
	require.Equal(t, &Reference{Type: "nobody_admin"}, part.AssignedTo, "a null id decodes as empty")

	c2, srv2 := newSpecClient(t)
	_, _, err := c2.Conversations.RunAssignmentRules(ctx, "")
	testInvalidNoIO(t, srv2, err, "id")
}

func TestConversationsAttachContact(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "attachContactToConversation", "Conversations.AttachContact", func() (*Conversation, *Response, error) {
		return c.Conversations.AttachContact(ctx, "123", ConversationAttachContactRequest{AdminID: "991268026", Customer: ConversationCustomer{IntercomUserID: "6657accd6abd0166b52ae296"}})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/123/customers")
	testJSONBody(t, rec, `{"admin_id":"991268026","customer":{"intercom_user_id":"6657accd6abd0166b52ae296"}}`)
	require.Equal(t, []ContactReference{{Type: "user", ID: "6657accd6abd0166b52ae296"}}, got.Customers)

	_, _, err := c.Conversations.AttachContact(ctx, "123", ConversationAttachContactRequest{AdminID: "1", Customer: ConversationCustomer{Email: "joe@example.com"}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"admin_id":"1","customer":{"email":"joe@example.com"}}`)

	for i, tc := range []struct {
		req   ConversationAttachContactRequest
		field string
	}{
		{ConversationAttachContactRequest{Customer: ConversationCustomer{Email: "a@b.c"}}, "admin_id"},
		{ConversationAttachContactRequest{AdminID: "1"}, "customer"},
		{ConversationAttachContactRequest{AdminID: "1", Customer: ConversationCustomer{Email: "a@b.c", UserID: "u"}}, "customer"},
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			c, srv := newSpecClient(t)
			_, _, err := c.Conversations.AttachContact(ctx, "123", tc.req)
			testInvalidNoIO(t, srv, err, tc.field)
		})
	}
}

func TestConversationsDetachContact(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "detachContactFromConversation", "Conversations.DetachContact", func() (*Conversation, *Response, error) {
		return c.Conversations.DetachContact(ctx, "123", "6657acdb6abd0166b52ae2a2", ConversationDetachContactRequest{AdminID: "991268034"})
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/conversations/123/customers/6657acdb6abd0166b52ae2a2")
	require.Equal(t, "application/json", rec.Header.Get("Content-Type"))
	testJSONBody(t, rec, `{"admin_id":"991268034"}`)
	require.Equal(t, ID("6657acdb6abd0166b52ae2a2"), got.Customers[0].ID)

	// The last contact cannot be removed: 422.
	srv.Respond("detachContactFromConversation", http.StatusUnprocessableEntity, "Last customer")
	_, _, err := c.Conversations.DetachContact(ctx, "123", "6657acec6abd0166b52ae2b3", ConversationDetachContactRequest{AdminID: "991268043"})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusUnprocessableEntity, apiErr.StatusCode)

	c2, srv2 := newSpecClient(t)
	_, _, err = c2.Conversations.DetachContact(ctx, "123", "", ConversationDetachContactRequest{AdminID: "1"})
	testInvalidNoIO(t, srv2, err, "contact_id")
	_, _, err = c2.Conversations.DetachContact(ctx, "", "abc", ConversationDetachContactRequest{AdminID: "1"})
	testInvalidNoIO(t, srv2, err, "conversation_id")
	_, _, err = c2.Conversations.DetachContact(ctx, "123", "abc", ConversationDetachContactRequest{})
	testInvalidNoIO(t, srv2, err, "admin_id")
}

func TestConversationsRedact(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "redactConversation", "Conversations.Redact", func() (*Conversation, *Response, error) {
		return c.Conversations.Redact(ctx, RedactPart("591", "132"))
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/redact")
	testJSONBody(t, rec, `{"type":"conversation_part","conversation_id":"591","conversation_part_id":"132"}`)
	require.True(t, got.ConversationParts.ConversationParts[0].Redacted)

	_, _, err := c.Conversations.Redact(ctx, RedactSource("591", "403918378"))
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"type":"source","conversation_id":"591","source_id":"403918378"}`)

	for i, tc := range []struct {
		req   ConversationRedactRequest
		field string
	}{
		{RedactPart("", "1"), "conversation_id"},
		{RedactPart("1", ""), "conversation_part_id"},
		{RedactSource("1", ""), "source_id"},
		{ConversationRedactRequest{ConversationID: "1", SourceID: "2"}, "type"},
		{ConversationRedactRequest{Type: RedactConversationPart, ConversationID: "1", ConversationPartID: "2", SourceID: "3"}, "source_id"},
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			c, srv := newSpecClient(t)
			_, _, err := c.Conversations.Redact(ctx, tc.req)
			testInvalidNoIO(t, srv, err, tc.field)
		})
	}
}

func TestConversationsConvertToTicket(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "convertConversationToTicket", "Conversations.ConvertToTicket", func() (*Ticket, *Response, error) {
		return c.Conversations.ConvertToTicket(ctx, "594", ConversationConvertToTicketRequest{TicketTypeID: "81"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/594/convert")
	testJSONBody(t, rec, `{"ticket_type_id":"81"}`)
	require.Equal(t, ID("594"), got.ID)
	require.Equal(t, ID("7"), got.TicketID)

	_, _, err := c.Conversations.ConvertToTicket(ctx, "594", ConversationConvertToTicketRequest{TicketTypeID: "81",
		Attributes: map[string]any{"_default_title_": "Found a bug"}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"ticket_type_id":"81","attributes":{"_default_title_":"Found a bug"}}`)

	srv.Respond("convertConversationToTicket", http.StatusBadRequest, "Bad request")
	_, _, err = c.Conversations.ConvertToTicket(ctx, "594", ConversationConvertToTicketRequest{TicketTypeID: "82"})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr))
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)

	c2, srv2 := newSpecClient(t)
	_, _, err = c2.Conversations.ConvertToTicket(ctx, "594", ConversationConvertToTicketRequest{})
	testInvalidNoIO(t, srv2, err, "ticket_type_id")
}

func TestConversationTeammatesAcceptsWebhookKey(t *testing.T) {
	t.Parallel()
	var rest, hook, null Conversation
	require.NoError(t, json.Unmarshal([]byte(`{"teammates":{"type":"admin.list","teammates":[{"type":"admin","id":"1"}]}}`), &rest))
	require.NoError(t, json.Unmarshal([]byte(`{"teammates":{"type":"admin.list","admins":[{"type":"admin","id":"2"}]}}`), &hook))
	require.NoError(t, json.Unmarshal([]byte(`{"teammates":null}`), &null))
	require.Equal(t, ID("1"), rest.Teammates.Teammates[0].ID)
	require.Equal(t, ID("2"), hook.Teammates.Teammates[0].ID)
	require.Nil(t, null.Teammates, "null stays nil")
	out, err := json.Marshal(hook.Teammates)
	require.NoError(t, err)
	require.JSONEq(t, `{"type":"admin.list","teammates":[{"type":"admin","id":"2"}]}`, string(out))
}
