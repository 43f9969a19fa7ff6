package intercom

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The request fields and query parameters that versions after 2.10 add to
// its endpoints: each sent as the version's description says, and refused
// before any I/O by a version without it.

func TestContactsLaterVersionFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	_, rec := exercise(t, srv, "CreateContact", "Contacts.Create", func() (*Contact, *Response, error) {
		return c.Contacts.Create(ctx, ContactCreateRequest{Email: "joebloggs@intercom.io", EmailVerified: Some(true), OwnerID: Some("123")})
	})
	testJSONBody(t, rec, `{"email":"joebloggs@intercom.io","email_verified":true,"owner_id":"123"}`)
	_, rec = exercise(t, srv, "UpdateContact", "Contacts.Update", func() (*Contact, *Response, error) {
		return c.Contacts.Update(ctx, "6762f0d51bb69f9f2193bb7f", ContactUpdateRequest{EmailVerified: Null[bool]()})
	})
	testJSONBody(t, rec, `{"email_verified":null}`)
	_, rec = exercise(t, srv, "MergeContact", "Contacts.Merge", func() (*Contact, *Response, error) {
		return c.Contacts.Merge(ctx, ContactMergeRequest{From: "6762f0d51bb69f9f2193bb7f", Into: "6762f0d51bb69f9f2193bb80", SkipDuplicateValidation: Some(true)})
	})
	testJSONBody(t, rec, `{"from":"6762f0d51bb69f9f2193bb7f","into":"6762f0d51bb69f9f2193bb80","skip_duplicate_validation":true}`)
	_, rec = exercise(t, srv, "ListContacts", "Contacts.List", func() (*ContactList, *Response, error) {
		return c.Contacts.List(ctx, &ContactListOptions{IncludeMergeHistory: true})
	})
	testQuery(t, rec, "include_merge_history=true")
	search := SearchRequest{Query: And(Filter("created_at", OpGreaterThan, StringValue("1306054154"))), Pagination: SearchPagination{PerPage: 5},
		Sort: SearchSort{Field: "created_at", Order: SearchSortAscending}, IncludeMergeHistory: true}
	_, rec = exercise(t, srv, "SearchContacts", "Contacts.Search", func() (*ContactList, *Response, error) {
		return c.Contacts.Search(ctx, search)
	})
	testMethod(t, rec, http.MethodPost)
	testQuery(t, rec, "include_merge_history=true")
	testJSONBody(t, rec, `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5},"sort":{"field":"created_at","order":"ascending"}}`)

	_, rec = exercise(t, srv, "UpdateContact", "Contacts.Update", func() (*Contact, *Response, error) {
		return c.Contacts.Update(ctx, "6762f0d51bb69f9f2193bb7f", ContactUpdateRequest{Name: Some("Joe"), IncludeMergeHistory: true})
	})
	testQuery(t, rec, "include_merge_history=true")
	testJSONBody(t, rec, `{"name":"Joe"}`)
	_, rec = exercise(t, srv, "MergeContact", "Contacts.Merge", func() (*Contact, *Response, error) {
		return c.Contacts.Merge(ctx, ContactMergeRequest{From: "6762f0d51bb69f9f2193bb7f", Into: "6762f0d51bb69f9f2193bb80", IncludeMergeHistory: true})
	})
	testQuery(t, rec, "include_merge_history=true")
	testJSONBody(t, rec, `{"from":"6762f0d51bb69f9f2193bb7f","into":"6762f0d51bb69f9f2193bb80"}`)
	var merged Contact
	require.NoError(t, Unmarshal([]byte(`{"type":"contact","id":"c","merge_history":[{"type":"merge_history","source_contact_id":"5ba682d23d7cf92bef87bfd3","source_contact_role":"lead","merged_at":1571672154}]}`), &merged))
	require.Equal(t, []ContactMergeHistoryItem{{Type: "merge_history", SourceContactID: "5ba682d23d7cf92bef87bfd3", SourceContactRole: ContactRoleLead, MergedAt: 1571672154}}, merged.MergeHistory)

	// 2.15 has none of them.
	c15, srv15 := newSpecClientAt(t, "2.15")
	versions := []string{"2.16"}
	_, _, err := c15.Contacts.Create(ctx, ContactCreateRequest{Email: "a@b.c", EmailVerified: Some(false)})
	requireVersionErr(t, err, "2.15", "POST", "/contacts", "CreateContact", "email_verified", versions...)
	_, _, err = c15.Contacts.Update(ctx, "c", ContactUpdateRequest{EmailVerified: Some(true)})
	requireVersionErr(t, err, "2.15", "PUT", "/contacts/{id}", "UpdateContact", "email_verified", versions...)
	_, _, err = c15.Contacts.Merge(ctx, ContactMergeRequest{From: "a", Into: "b", SkipDuplicateValidation: Some(false)})
	requireVersionErr(t, err, "2.15", "POST", "/contacts/merge", "MergeContact", "skip_duplicate_validation", versions...)
	_, _, err = c15.Contacts.Update(ctx, "c", ContactUpdateRequest{IncludeMergeHistory: true})
	requireVersionErr(t, err, "2.15", "PUT", "/contacts/{id}", "UpdateContact", "include_merge_history", versions...)
	_, _, err = c15.Contacts.Merge(ctx, ContactMergeRequest{From: "a", Into: "b", IncludeMergeHistory: true})
	requireVersionErr(t, err, "2.15", "POST", "/contacts/merge", "MergeContact", "include_merge_history", versions...)
	_, _, err = c15.Contacts.List(ctx, &ContactListOptions{IncludeMergeHistory: true})
	requireVersionErr(t, err, "2.15", "GET", "/contacts", "ListContacts", "include_merge_history", versions...)
	_, _, err = c15.Contacts.Search(ctx, SearchRequest{Query: search.Query, Sort: search.Sort})
	requireVersionErr(t, err, "2.15", "POST", "/contacts/search", "SearchContacts", "sort", versions...)
	_, _, err = c15.Contacts.Search(ctx, SearchRequest{Query: search.Query, IncludeMergeHistory: true})
	requireVersionErr(t, err, "2.15", "POST", "/contacts/search", "SearchContacts", "include_merge_history", versions...)
	require.Empty(t, srv15.Requests())

	// The sort and the query parameters belong to one search each.
	n := len(srv.Requests())
	for field, req := range map[string]SearchRequest{
		"sort.field":         {Query: search.Query, Sort: SearchSort{Order: SearchSortAscending}},
		"sort.order":         {Query: search.Query, Sort: SearchSort{Field: "created_at", Order: "up"}},
		"include_monitors":   {Query: search.Query, IncludeMonitors: true},
		"include_scorecards": {Query: search.Query, IncludeScorecards: true},
	} {
		_, _, err := c.Contacts.Search(ctx, req)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie, field)
		require.Equal(t, field, ie.Field)
	}
	for field, req := range map[string]SearchRequest{
		"sort":                  {Query: search.Query, Sort: search.Sort},
		"include_merge_history": {Query: search.Query, IncludeMergeHistory: true},
	} {
		_, _, err := c.Conversations.Search(ctx, req)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie, field)
		require.Equal(t, field, ie.Field)
		_, _, err = c.Tickets.Search(ctx, req)
		require.ErrorAs(t, err, &ie, field)
		require.Equal(t, field, ie.Field)
	}
	require.Len(t, srv.Requests(), n, "nothing is sent")
}

func TestConversationsLaterVersionQueries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	req := SearchRequest{Query: Filter("created_at", OpGreaterThan, StringValue("1306054154")), IncludeMonitors: true, IncludeScorecards: true}
	_, rec := exercise(t, srv, "searchConversations", "Conversations.Search", func() (*ConversationList, *Response, error) {
		return c.Conversations.Search(ctx, req)
	})
	testQuery(t, rec, "include_monitors=true&include_scorecards=true")
	testJSONBody(t, rec, `{"query":{"field":"created_at","operator":">","value":"1306054154"}}`)

	c14, srv14 := newSpecClientAt(t, "2.14")
	_, rec = exercise(t, srv14, "retrieveConversation", "Conversations.Get", func() (*Conversation, *Response, error) {
		return c14.Conversations.Get(ctx, "123", &ConversationDisplayOptions{DisplayAs: DisplayAsPlaintext, IncludeTranslations: true})
	})
	testQuery(t, rec, "display_as=plaintext&include_translations=true")
	_, _, err := c14.Conversations.Update(ctx, "123", ConversationUpdateRequest{}, &ConversationDisplayOptions{IncludeTranslations: true})
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "include_translations", ie.Field)
	require.Len(t, srv14.Requests(), 1, "nothing is sent")

	c13, srv13 := newSpecClientAt(t, "2.13")
	_, _, err = c13.Conversations.Get(ctx, "123", &ConversationDisplayOptions{IncludeTranslations: true})
	requireVersionErr(t, err, "2.13", "GET", "/conversations/{id}", "retrieveConversation", "include_translations", "2.14", "2.15", "2.16")
	_, _, err = c13.Conversations.Search(ctx, SearchRequest{Query: req.Query, IncludeMonitors: true})
	requireVersionErr(t, err, "2.13", "POST", "/conversations/search", "searchConversations", "include_monitors", "2.16")
	_, _, err = c13.Conversations.Search(ctx, SearchRequest{Query: req.Query, IncludeScorecards: true})
	requireVersionErr(t, err, "2.13", "POST", "/conversations/search", "searchConversations", "include_scorecards", "2.16")
	require.Empty(t, srv13.Requests())
}

func TestAdminsSetAwayLaterVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.14")
	got, rec := exercise(t, srv, "setAwayAdmin", "Admins.SetAway", func() (*Admin, *Response, error) {
		return c.Admins.SetAway(ctx, "991268011", AdminSetAwayRequest{AwayModeEnabled: true, AwayModeReassign: true, AwayStatusReasonID: "12345"})
	})
	testJSONBody(t, rec, `{"away_mode_enabled":true,"away_mode_reassign":true,"away_status_reason_id":12345}`)
	require.Equal(t, ID("12345"), got.AwayStatusReasonID)
	n := len(srv.Requests())
	_, _, err := c.Admins.SetAway(ctx, "991268011", AdminSetAwayRequest{AwayStatusReasonID: "busy"})
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "away_status_reason_id", ie.Field)
	require.Len(t, srv.Requests(), n, "nothing is sent")

	c13, srv13 := newSpecClientAt(t, "2.13")
	_, _, err = c13.Admins.SetAway(ctx, "991268011", AdminSetAwayRequest{AwayModeEnabled: true, AwayStatusReasonID: "12345"})
	requireVersionErr(t, err, "2.13", "PUT", "/admins/{id}/away", "setAwayAdmin", "away_status_reason_id", "2.14", "2.15", "2.16")
	require.Empty(t, srv13.Requests())
}

func TestArticlesLaterVersionFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	at := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	create := ArticleCreateRequest{Title: "Thanks for everything", BodyMarkdown: "# Hello", AuthorID: "991267407", State: ArticleStatePublished,
		AudienceIDs: Some([]ID{"12", "13"}), AIChatbotAvailability: Some(true), AICopilotAvailability: Some(false), AISalesAgentAvailability: Some(true),
		ScheduledPublishAt: Some(at)}
	got, rec := exercise(t, srv, "createArticle", "Articles.Create", func() (*Article, *Response, error) {
		return c.Articles.Create(ctx, create)
	})
	testJSONBody(t, rec, `{"title":"Thanks for everything","state":"published","body_markdown":"# Hello",`+
		`"ai_chatbot_availability":true,"ai_copilot_availability":false,"ai_sales_agent_availability":true,"scheduled_publish_at":"2030-01-02T03:04:05Z",`+
		`"author_id":991267407,"audience_ids":[12,13]}`)
	require.NotEmpty(t, got.ID)

	update := ArticleUpdateRequest{BodyMarkdown: "*new*", AudienceIDs: Some([]ID{}), ScheduledPublishAt: Null[time.Time](), ScheduledUnpublishAt: Some(at),
		TranslatedContent: Some(ArticleTranslatedContent{Locales: map[string]ArticleContent{"fr": {Title: "Merci", BodyMarkdown: "*merci*",
			AudienceIDs: []ID{"7"}, AIChatbotAvailability: Some(false)}}})}
	_, rec = exercise(t, srv, "updateArticle", "Articles.Update", func() (*Article, *Response, error) {
		return c.Articles.Update(ctx, "61", update)
	})
	testJSONBody(t, rec, `{"translated_content":{"fr":{"title":"Merci","body_markdown":"*merci*","ai_chatbot_availability":false,"audience_ids":[7]}},`+
		`"body_markdown":"*new*","scheduled_publish_at":null,"scheduled_unpublish_at":"2030-01-02T03:04:05Z","audience_ids":[]}`)
	_, rec = exercise(t, srv, "updateArticle", "Articles.Update", func() (*Article, *Response, error) {
		return c.Articles.Update(ctx, "61", ArticleUpdateRequest{AudienceIDs: Null[[]ID]()})
	})
	testJSONBody(t, rec, `{"audience_ids":null}`)

	n := len(srv.Requests())
	for field, req := range map[string]ArticleUpdateRequest{
		"body_markdown":          {Body: "<p>x</p>", BodyMarkdown: "x"},
		"audience_ids[1]":        {AudienceIDs: Some([]ID{"1", "vip"})},
		"scheduled_unpublish_at": {ScheduledPublishAt: Some(at), ScheduledUnpublishAt: Some(at)},
	} {
		_, _, err := c.Articles.Update(ctx, "61", req)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie, field)
		require.Equal(t, field, ie.Field)
	}
	require.Len(t, srv.Requests(), n, "nothing is sent")

	c15, srv15 := newSpecClientAt(t, "2.15")
	for field, req := range map[string]ArticleUpdateRequest{
		"body_markdown": {BodyMarkdown: "x"}, "audience_ids": {AudienceIDs: Null[[]ID]()}, "ai_chatbot_availability": {AIChatbotAvailability: Some(false)},
		"ai_copilot_availability": {AICopilotAvailability: Some(true)}, "ai_sales_agent_availability": {AISalesAgentAvailability: Some(true)},
		"scheduled_publish_at": {ScheduledPublishAt: Some(at)}, "scheduled_unpublish_at": {ScheduledUnpublishAt: Null[time.Time]()},
	} {
		_, _, err := c15.Articles.Update(ctx, "61", req)
		requireVersionErr(t, err, "2.15", "PUT", "/articles/{id}", "updateArticle", field, "2.16")
	}
	_, _, err := c15.Articles.Create(ctx, ArticleCreateRequest{Title: "t", AuthorID: "1", AIChatbotAvailability: Some(true)})
	requireVersionErr(t, err, "2.15", "POST", "/articles", "createArticle", "ai_chatbot_availability", "2.16")
	// A locale's 2.16 fields are found in translated_content too (an Opt, a
	// map of locales).
	_, _, err = c15.Articles.Create(ctx, ArticleCreateRequest{Title: "t", AuthorID: "1",
		TranslatedContent: ArticleTranslatedContent{Locales: map[string]ArticleContent{"fr": {Title: "Merci", AudienceIDs: []ID{"1"}}}}})
	requireVersionErr(t, err, "2.15", "POST", "/articles", "createArticle", "translated_content.audience_ids", "2.16")
	_, _, err = c15.Articles.Update(ctx, "61", ArticleUpdateRequest{TranslatedContent: Some(ArticleTranslatedContent{Locales: map[string]ArticleContent{"fr": {BodyMarkdown: "x"}}})})
	requireVersionErr(t, err, "2.15", "PUT", "/articles/{id}", "updateArticle", "translated_content.body_markdown", "2.16")
	require.Empty(t, srv15.Requests())
}

func TestConversationsLaterVersionFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	opts := []ConversationReplyOption{{Text: "Yes", UUID: "0fd0a5c1-4b1b-4a38-9f71-0d1a1c3e1d11"}, {Text: "No", UUID: "7c4e0a2b-1a7e-4b53-8d53-2f5c8c1f9a22"}}

	// 2.11: created_at on a contact reply and on a new conversation.
	c11, srv11 := newSpecClientAt(t, "2.11")
	_, rec := exercise(t, srv11, "replyConversation", "Conversations.Reply", func() (*Conversation, *Response, error) {
		return c11.Conversations.Reply(ctx, "507", ConversationContactReply{Email: "joe@bloggs.com", Body: "Thanks", CreatedAt: 1590000000})
	})
	testJSONBody(t, rec, `{"message_type":"comment","type":"user","email":"joe@bloggs.com","body":"Thanks","created_at":1590000000}`)
	_, rec = exercise(t, srv11, "createConversation", "Conversations.Create", func() (*Message, *Response, error) {
		return c11.Conversations.Create(ctx, ConversationCreateRequest{From: ConversationFrom{Type: ConversationFromUser, ID: "6762f11b1bb69f9f2193bba3"}, Body: "Hello", CreatedAt: 1590000000})
	})
	testJSONBody(t, rec, `{"from":{"type":"user","id":"6762f11b1bb69f9f2193bba3"},"body":"Hello","created_at":1590000000}`)

	// 2.16: a quick reply with skip_notifications, a contact picking an
	// option, brand_id, ticket_state_id, title and company_id.
	c, srv := newSpecClientAt(t, "2.16")
	_, rec = exercise(t, srv, "replyConversation", "Conversations.Reply", func() (*Conversation, *Response, error) {
		return c.Conversations.Reply(ctx, "507", ConversationAdminReply{AdminID: "991268012", MessageType: ConversationReplyQuickReply, ReplyOptions: opts, SkipNotifications: Some(true)})
	})
	testJSONBody(t, rec, `{"message_type":"quick_reply","type":"admin","admin_id":"991268012","reply_options":[{"text":"Yes","uuid":"0fd0a5c1-4b1b-4a38-9f71-0d1a1c3e1d11"},`+
		`{"text":"No","uuid":"7c4e0a2b-1a7e-4b53-8d53-2f5c8c1f9a22"}],"skip_notifications":true}`)
	_, rec = exercise(t, srv, "replyConversation", "Conversations.Reply", func() (*Conversation, *Response, error) {
		return c.Conversations.Reply(ctx, "507", ConversationContactReply{IntercomUserID: "6762f11b1bb69f9f2193bba3", Body: "Yes", ReplyOptions: opts[:1]})
	})
	testJSONBody(t, rec, `{"message_type":"comment","type":"user","intercom_user_id":"6762f11b1bb69f9f2193bba3","body":"Yes","reply_options":[{"text":"Yes","uuid":"0fd0a5c1-4b1b-4a38-9f71-0d1a1c3e1d11"}]}`)
	_, rec = exercise(t, srv, "createConversation", "Conversations.Create", func() (*Message, *Response, error) {
		return c.Conversations.Create(ctx, ConversationCreateRequest{From: ConversationFrom{Type: ConversationFromUser, ID: "6762f11b1bb69f9f2193bba3"}, Body: "Hello", BrandID: "42"})
	})
	testJSONBody(t, rec, `{"from":{"type":"user","id":"6762f11b1bb69f9f2193bba3"},"body":"Hello","brand_id":"42"}`)
	_, rec = exercise(t, srv, "convertConversationToTicket", "Conversations.ConvertToTicket", func() (*Ticket, *Response, error) {
		return c.Conversations.ConvertToTicket(ctx, "507", ConversationConvertToTicketRequest{TicketTypeID: "80", TicketStateID: "8498"})
	})
	testJSONBody(t, rec, `{"ticket_type_id":"80","ticket_state_id":"8498"}`)
	_, rec = exercise(t, srv, "updateConversation", "Conversations.Update", func() (*Conversation, *Response, error) {
		return c.Conversations.Update(ctx, "123", ConversationUpdateRequest{Read: Some(true), Title: Some("Refund"), CompanyID: "5f4d3c1c"}, nil)
	})
	testJSONBody(t, rec, `{"read":true,"title":"Refund","company_id":"5f4d3c1c"}`)

	// Versions without them refuse them.
	c10, srv10 := newSpecClient(t)
	_, _, err := c10.Conversations.Reply(ctx, "507", ConversationContactReply{Email: "joe@bloggs.com", Body: "Thanks", CreatedAt: 1590000000})
	requireVersionErr(t, err, "2.10", "POST", "/conversations/{id}/reply", "replyConversation", "created_at", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16")
	_, _, err = c10.Conversations.Create(ctx, ConversationCreateRequest{From: ConversationFrom{Type: ConversationFromUser, ID: "u"}, Body: "x", CreatedAt: 1})
	requireVersionErr(t, err, "2.10", "POST", "/conversations", "createConversation", "created_at", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16")
	require.Empty(t, srv10.Requests())
	c13, srv13 := newSpecClientAt(t, "2.13")
	later := []string{"2.14", "2.15", "2.16"}
	_, _, err = c13.Conversations.Reply(ctx, "507", ConversationAdminReply{AdminID: "1", MessageType: ConversationReplyQuickReply, ReplyOptions: opts})
	requireVersionErr(t, err, "2.13", "POST", "/conversations/{id}/reply", "replyConversation", "reply_options", later...)
	_, _, err = c13.Conversations.Reply(ctx, "507", ConversationContactReply{Email: "a@b.c", Body: "Yes", ReplyOptions: opts[:1]})
	requireVersionErr(t, err, "2.13", "POST", "/conversations/{id}/reply", "replyConversation", "reply_options", later...)
	_, _, err = c13.Conversations.Update(ctx, "123", ConversationUpdateRequest{CompanyID: "c"}, nil)
	requireVersionErr(t, err, "2.13", "PUT", "/conversations/{id}", "updateConversation", "company_id", later...)
	require.Empty(t, srv13.Requests())
	c14, srv14 := newSpecClientAt(t, "2.14")
	_, _, err = c14.Conversations.Reply(ctx, "507", ConversationAdminReply{AdminID: "1", Body: "x", SkipNotifications: Some(false)})
	requireVersionErr(t, err, "2.14", "POST", "/conversations/{id}/reply", "replyConversation", "skip_notifications", "2.15", "2.16")
	require.Empty(t, srv14.Requests())
	c12, srv12 := newSpecClientAt(t, "2.12")
	_, _, err = c12.Conversations.Update(ctx, "123", ConversationUpdateRequest{Title: Some("")}, nil)
	requireVersionErr(t, err, "2.12", "PUT", "/conversations/{id}", "updateConversation", "title", "2.13", "2.14", "2.15", "2.16")
	c15, srv15 := newSpecClientAt(t, "2.15")
	_, _, err = c15.Conversations.Create(ctx, ConversationCreateRequest{From: ConversationFrom{Type: ConversationFromUser, ID: "u"}, Body: "x", BrandID: "1"})
	requireVersionErr(t, err, "2.15", "POST", "/conversations", "createConversation", "brand_id", "2.16")
	_, _, err = c15.Conversations.ConvertToTicket(ctx, "507", ConversationConvertToTicketRequest{TicketTypeID: "80", TicketStateID: "1"})
	requireVersionErr(t, err, "2.15", "POST", "/conversations/{id}/convert", "convertConversationToTicket", "ticket_state_id", "2.16")
	require.Empty(t, srv12.Requests())
	require.Empty(t, srv15.Requests())
}

func TestTicketsCreateReplyLaterVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	base := TicketCreateRequest{TicketTypeID: "1234", Contacts: []TicketContactIdentifier{{ID: "6762f2d81bb69f9f2193bc54"}},
		TicketAttributes: TicketAttributes{"_default_title_": "example"}}
	full := base
	full.CreatedAt, full.SkipNotifications, full.ConversationToLinkID = 1590000000, Some(true), "1234"
	full.Assignment = TicketCreateAssignment{AdminAssigneeID: "123", TeamAssigneeID: "8"}
	c, srv := newSpecClientAt(t, "2.14")
	got, rec := exercise(t, srv, "createTicket", "Tickets.Create", func() (*Ticket, *Response, error) {
		return c.Tickets.Create(ctx, full)
	})
	testJSONBody(t, rec, `{"ticket_type_id":"1234","contacts":[{"id":"6762f2d81bb69f9f2193bc54"}],"ticket_attributes":{"_default_title_":"example"},`+
		`"created_at":1590000000,"skip_notifications":true,"assignment":{"admin_assignee_id":"123","team_assignee_id":"8"},"conversation_to_link_id":"1234"}`)
	require.NotEmpty(t, got.TicketState.Category)

	opts := []TicketReplyOption{{Text: "Yes", UUID: "0fd0a5c1-4b1b-4a38-9f71-0d1a1c3e1d11"}}
	_, rec = exercise(t, srv, "replyTicket", "Tickets.Reply", func() (*TicketReply, *Response, error) {
		return c.Tickets.Reply(ctx, "610", TicketContactReply{Email: "joe@bloggs.com", Body: "Yes", CreatedAt: 1590000000, ReplyOptions: opts, SkipNotifications: Some(false)})
	})
	testJSONBody(t, rec, `{"message_type":"comment","type":"user","email":"joe@bloggs.com","body":"Yes","created_at":1590000000,`+
		`"reply_options":[{"text":"Yes","uuid":"0fd0a5c1-4b1b-4a38-9f71-0d1a1c3e1d11"}],"skip_notifications":false}`)

	c16, srv16 := newSpecClientAt(t, "2.16")
	files := []ConversationAttachmentFile{{ContentType: "text/plain", Data: "aGk=", Name: "hi.txt"}}
	_, rec = exercise(t, srv16, "replyTicket", "Tickets.Reply", func() (*TicketReply, *Response, error) {
		return c16.Tickets.Reply(ctx, "610", TicketAdminReply{MessageType: TicketReplyNote, AdminID: "991268012", Body: "<p>x</p>", CreatedAt: 1590000000,
			AttachmentFiles: files, SkipNotifications: Some(true)})
	})
	testJSONBody(t, rec, `{"message_type":"note","type":"admin","admin_id":"991268012","body":"<p>x</p>","created_at":1590000000,`+
		`"attachment_files":[{"content_type":"text/plain","data":"aGk=","name":"hi.txt"}],"skip_notifications":true}`)

	// Versions without them refuse them.
	c10, srv10 := newSpecClient(t)
	all11 := []string{"2.11", "2.12", "2.13", "2.14", "2.15", "2.16"}
	req := base
	req.CreatedAt = 1
	_, _, err := c10.Tickets.Create(ctx, req)
	requireVersionErr(t, err, "2.10", "POST", "/tickets", "createTicket", "created_at", all11...)
	_, _, err = c10.Tickets.Reply(ctx, "610", TicketAdminReply{MessageType: TicketReplyComment, AdminID: "1", Body: "x", CreatedAt: 1})
	requireVersionErr(t, err, "2.10", "POST", "/tickets/{id}/reply", "replyTicket", "created_at", all11...)
	require.Empty(t, srv10.Requests())
	c12, srv12 := newSpecClientAt(t, "2.12")
	req = base
	req.SkipNotifications = Some(true)
	_, _, err = c12.Tickets.Create(ctx, req)
	requireVersionErr(t, err, "2.12", "POST", "/tickets", "createTicket", "skip_notifications", "2.13", "2.14", "2.15", "2.16")
	_, _, err = c12.Tickets.Reply(ctx, "610", TicketContactReply{Email: "a@b.c", Body: "x", SkipNotifications: Some(true)})
	requireVersionErr(t, err, "2.12", "POST", "/tickets/{id}/reply", "replyTicket", "skip_notifications", "2.13", "2.14", "2.15", "2.16")
	require.Empty(t, srv12.Requests())
	c13, srv13 := newSpecClientAt(t, "2.13")
	later := []string{"2.14", "2.15", "2.16"}
	req = base
	req.Assignment = TicketCreateAssignment{TeamAssigneeID: "8"}
	_, _, err = c13.Tickets.Create(ctx, req)
	requireVersionErr(t, err, "2.13", "POST", "/tickets", "createTicket", "assignment", later...)
	req = base
	req.ConversationToLinkID = "1"
	_, _, err = c13.Tickets.Create(ctx, req)
	requireVersionErr(t, err, "2.13", "POST", "/tickets", "createTicket", "conversation_to_link_id", later...)
	_, _, err = c13.Tickets.Reply(ctx, "610", TicketContactReply{Email: "a@b.c", Body: "x", ReplyOptions: opts})
	requireVersionErr(t, err, "2.13", "POST", "/tickets/{id}/reply", "replyTicket", "reply_options", later...)
	require.Empty(t, srv13.Requests())
	_, _, err = c.Tickets.Reply(ctx, "610", TicketAdminReply{MessageType: TicketReplyNote, AdminID: "1", Body: "x", AttachmentFiles: files})
	requireVersionErr(t, err, "2.14", "POST", "/tickets/{id}/reply", "replyTicket", "attachment_files", "2.16")
}

// TestActivityLogMetadataUpdateByNumber: update_by is an integer in the
// schema; a number decodes as the string id.
func TestActivityLogMetadataUpdateByNumber(t *testing.T) {
	t.Parallel()
	var m ActivityLogMetadata
	require.NoError(t, Unmarshal([]byte(`{"update_by":991267402,"update_by_name":"Joe","before":{"x":1}}`), &m))
	require.Equal(t, ID("991267402"), m.UpdateBy)
	require.Equal(t, "Joe", m.UpdateByName)
	require.Contains(t, m.Other, "before")
	require.NoError(t, Unmarshal([]byte(`{"update_by":"991267402"}`), &m))
	require.Equal(t, ID("991267402"), m.UpdateBy)
}

// TestMessagesCreateWhatsApp: 2.16 sends WhatsApp template messages to a
// phone number; earlier versions refuse the message type.
func TestMessagesCreateWhatsApp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	req := MessageCreateRequest{MessageType: MessageRequestWhatsApp, From: MessageSender{ID: "991267817"},
		To: MessageRecipient{Phone: "+5547999998888", Name: "John Doe"}, Template: "keep_live", Locale: "en",
		Components: []map[string]any{{"type": "BODY", "parameters": []any{map[string]any{"type": "text", "text": "Username 123"}}}}}
	c, srv := newSpecClientAt(t, "2.16")
	_, rec := exercise(t, srv, "createMessage", "Messages.Create", func() (*Message, *Response, error) {
		return c.Messages.Create(ctx, req)
	})
	testJSONBody(t, rec, `{"message_type":"whatsapp","template":"keep_live","from":{"type":"admin","id":991267817},`+
		`"components":[{"parameters":[{"text":"Username 123","type":"text"}],"type":"BODY"}],"locale":"en","to":{"phone":5547999998888,"name":"John Doe"}}`)

	n := len(srv.Requests())
	for field, mod := range map[string]func(*MessageCreateRequest){
		"to.phone":   func(r *MessageCreateRequest) { r.To = MessageRecipient{Type: "user", ID: "u"} },
		"template":   func(r *MessageCreateRequest) { r.Template = "" },
		"components": func(r *MessageCreateRequest) { r.Components = nil },
		"from.type":  func(r *MessageCreateRequest) { r.From.Type = "user" },
	} {
		bad := req
		mod(&bad)
		_, _, err := c.Messages.Create(ctx, bad)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie, field)
		require.Equal(t, field, ie.Field)
	}
	bad := req
	bad.To.Phone = "047 99"
	_, _, err := c.Messages.Create(ctx, bad)
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "to.phone", ie.Field)
	require.Len(t, srv.Requests(), n, "nothing is sent")

	c15, srv15 := newSpecClientAt(t, "2.15")
	_, _, err = c15.Messages.Create(ctx, req)
	requireVersionErr(t, err, "2.15", "POST", "/messages", "createMessage", "to.phone", "2.16")
	require.Empty(t, srv15.Requests())
}

// TestNullsInsideOptAndLocales: Null is refused inside an Opt's value and
// inside inlined locales, where the field is not nullable.
func TestNullsInsideOptAndLocales(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	_, _, err := c.Articles.Update(ctx, "61", ArticleUpdateRequest{TranslatedContent: Some(ArticleTranslatedContent{
		Locales: map[string]ArticleContent{"fr": {Title: "Merci", AIChatbotAvailability: Null[bool]()}}})})
	testInvalidNoIO(t, srv, err, "translated_content.ai_chatbot_availability")
	_, _, err = c.Articles.Create(ctx, ArticleCreateRequest{Title: "t", AuthorID: "1", TranslatedContent: ArticleTranslatedContent{
		Locales: map[string]ArticleContent{"fr": {AICopilotAvailability: Null[bool]()}}}})
	testInvalidNoIO(t, srv, err, "translated_content.ai_copilot_availability")
	// The nullable translated_content itself may be null.
	_, _, err = c.Articles.Update(ctx, "61", ArticleUpdateRequest{TranslatedContent: Null[ArticleTranslatedContent]()})
	require.NoError(t, err)
}

// TestDataAttributesListModelByVersion: 2.16 lists contact and company
// attributes only; model=conversation is refused there, before any I/O.
func TestDataAttributesListModelByVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	_, _, err := c.DataAttributes.List(ctx, &DataAttributeListOptions{Model: DataAttributeModelConversation})
	requireVersionErr(t, err, "2.16", "GET", "/data_attributes", "lisDataAttributes", "model", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15")
	require.Empty(t, srv.Requests())
	_, rec := exercise(t, srv, "lisDataAttributes", "DataAttributes.List", func() (*DataAttributeList, *Response, error) {
		return c.DataAttributes.List(ctx, &DataAttributeListOptions{Model: DataAttributeModelCompany})
	})
	testQuery(t, rec, "model=company")
	c15, srv15 := newSpecClientAt(t, "2.15")
	_, _, err = c15.DataAttributes.List(ctx, &DataAttributeListOptions{Model: DataAttributeModelConversation})
	require.NoError(t, err)
	testQuery(t, srv15.LastRequest(), "model=conversation")
}
