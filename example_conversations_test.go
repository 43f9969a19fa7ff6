package intercom_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/go-intercom/intercom"
)

// conversationsExampleServer stands in for Intercom in the examples below: it
// answers the conversation endpoints with small conversations reflecting
// what was asked.
func conversationsExampleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		str := func(k string) string { s, _ := body[k].(string); return s }
		w.Header().Set("Content-Type", "application/json")
		conv := map[string]any{"type": "conversation", "id": "123", "state": "open", "open": true}
		switch {
		case r.URL.Path == "/conversations/search":
			// Two pages: the second is asked for with the cursor of the first.
			pag, _ := body["pagination"].(map[string]any)
			if pag["starting_after"] == nil {
				_ = json.NewEncoder(w).Encode(map[string]any{"type": "conversation.list", "total_count": 3,
					"pages":         map[string]any{"type": "pages", "next": map[string]any{"starting_after": "WzE3MTcwMjE4NTgwMDAsNDk4LDJd"}},
					"conversations": []any{map[string]any{"id": "496", "state": "open"}, map[string]any{"id": "497", "state": "open"}}})
				return
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"type": "conversation.list", "total_count": 3,
				"conversations": []any{map[string]any{"id": "498", "state": "open"}}})
			return
		case strings.HasSuffix(r.URL.Path, "/reply"):
			conv["conversation_parts"] = map[string]any{"type": "conversation_part.list", "total_count": 1, "conversation_parts": []any{
				map[string]any{"type": "conversation_part", "id": "116", "part_type": str("message_type"), "body": str("body"),
					"author": map[string]any{"type": str("type"), "id": str("admin_id")}},
			}}
		case strings.HasSuffix(r.URL.Path, "/parts"):
			switch str("message_type") {
			case "close":
				conv["state"], conv["open"] = "closed", false
			case "snoozed":
				conv["state"], conv["snoozed_until"] = "snoozed", body["snoozed_until"]
			case "assignment":
				conv[str("type")+"_assignee_id"] = str("assignee_id")
			}
		}
		_ = json.NewEncoder(w).Encode(conv)
	}))
}

// Reply to a conversation as an admin with an internal note.
func ExampleConversationsService_Reply() {
	srv := conversationsExampleServer()
	defer srv.Close()
	client, err := intercom.NewClient("my-token", intercom.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}

	conv, _, err := client.Conversations.Reply(context.Background(), "123", intercom.ConversationAdminReply{
		AdminID:     "991267991",
		MessageType: intercom.ConversationReplyNote,
		Body:        "<p>Customer is on the legacy plan.</p>",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	part := conv.ConversationParts.ConversationParts[0]
	fmt.Println(part.PartType, part.Author.Type, part.Author.ID, part.Body)

	// A reply on behalf of a contact names the contact instead.
	_, _, err = client.Conversations.Reply(context.Background(), "last", intercom.ConversationContactReply{Body: "Thanks!"})
	fmt.Println(err)
	// Output:
	// note admin 991267991 <p>Customer is on the legacy plan.</p>
	// intercom: invalid request: intercom_user_id a contact reply needs one of intercom_user_id, email or user_id
}

// Snooze a conversation until a given time.
func ExampleConversationsService_Snooze() {
	srv := conversationsExampleServer()
	defer srv.Close()
	client, err := intercom.NewClient("my-token", intercom.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}

	until := time.Date(2024, 5, 30, 9, 0, 0, 0, time.UTC)
	conv, _, err := client.Conversations.Snooze(context.Background(), "123", intercom.ConversationSnoozeRequest{
		AdminID:      "991268005",
		SnoozedUntil: intercom.UnixTime(until),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(conv.State, conv.SnoozedUntil)
	// Output:
	// snoozed 2024-05-30T09:00:00Z
}

// Close a conversation, leaving a message for the contact.
func ExampleConversationsService_Close() {
	srv := conversationsExampleServer()
	defer srv.Close()
	client, err := intercom.NewClient("my-token", intercom.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}

	conv, _, err := client.Conversations.Close(context.Background(), "123", intercom.ConversationCloseRequest{
		AdminID: "991268003",
		Body:    "Glad we could help. Goodbye :)",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(conv.State, conv.Open)
	// Output:
	// closed false
}

// Assign a conversation to a team, then to an admin.
func ExampleConversationsService_Assign() {
	srv := conversationsExampleServer()
	defer srv.Close()
	client, err := intercom.NewClient("my-token", intercom.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	conv, _, err := client.Conversations.Assign(ctx, "123", intercom.ConversationAssignRequest{
		AdminID:    "991268010",
		AssigneeID: "5017691",
		Type:       intercom.AssigneeTeam,
		Body:       "Let me pass you over to billing.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("team:", conv.TeamAssigneeID)

	conv, _, err = client.Conversations.Assign(ctx, "123", intercom.ConversationAssignRequest{
		AdminID: "991268010", AssigneeID: "991267715", Type: intercom.AssigneeAdmin,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("admin:", conv.AdminAssigneeID)
	// Output:
	// team: 5017691
	// admin: 991267715
}

// Search the open conversations, page by page: SearchAll fetches the next
// page only when the loop reaches it.
func ExampleConversationsService_SearchAll() {
	srv := conversationsExampleServer()
	defer srv.Close()
	client, err := intercom.NewClient("my-token", intercom.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}

	req := intercom.SearchRequest{
		Query: intercom.And(
			intercom.Filter("state", intercom.OpEquals, intercom.StringValue(string(intercom.ConversationStateOpen))),
			intercom.Filter("updated_at", intercom.OpGreaterThan, intercom.StringValue("1717000000")),
		),
		Pagination: intercom.SearchPagination{PerPage: 2},
	}
	for conv, err := range client.Conversations.SearchAll(context.Background(), req) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(conv.ID, conv.State)
	}
	// Output:
	// 496 open
	// 497 open
	// 498 open
}
