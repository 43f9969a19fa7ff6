package webhooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
)

func TestParseNotificationEnvelope(t *testing.T) {
	t.Parallel()
	n := whParse(t, whConversationAdminReplied)
	want := Notification{
		Type:             "notification_event",
		ID:               "notif_44d1f763-d3ad-4927-8e5c-000000000001",
		Topic:            TopicConversationAdminReplied,
		AppID:            "a86dr8yl",
		CreatedAt:        1718000400,
		DeliveryStatus:   "pending",
		DeliveryAttempts: 2,
		FirstSentAt:      1718000401,
		Links:            map[string]any{},
	}
	got := *n
	got.Data = NotificationData{}
	b1, _ := json.Marshal(got)
	b2, _ := json.Marshal(want)
	if !bytes.Equal(b1, b2) {
		t.Fatalf("envelope\n got %s\nwant %s", b1, b2)
	}
	if n.Data.Type != "notification_event_data" || n.ItemType() != "conversation" {
		t.Fatalf("data type %q, item type %q", n.Data.Type, n.ItemType())
	}
	if n.Topic.Family() != "conversation" || TopicConversationPartRedacted.Family() != "conversation_part" || TopicPing.Family() != "ping" {
		t.Fatal("Topic.Family")
	}

	// Informational keys in an unexpected shape do not fail the notification.
	odd := whParse(t, `{"type": "notification_event", "topic": "ping", "links": [], "self": {"href": "x"}, "data": {"item": {"type": "ping"}}}`)
	if odd.Topic != TopicPing || odd.Links != nil || odd.Self != "" {
		t.Fatalf("odd envelope %+v", odd)
	}
	s := whParse(t, `{"topic": "ping", "self": "https://api.intercom.io/subscriptions/nsub_1/notifications/notif_1", "links": {"web": "https://app.intercom.com"}}`)
	if s.Self != "https://api.intercom.io/subscriptions/nsub_1/notifications/notif_1" || s.Links["web"] != "https://app.intercom.com" {
		t.Fatalf("self %q links %v", s.Self, s.Links)
	}

	p := whParse(t, whPing)
	if p.ID != "" || p.Self != "" || p.DeliveryStatus != "" || p.Topic != TopicPing || p.FirstSentAt.Time() != time.Unix(1718000000, 0).UTC() {
		t.Fatalf("ping envelope %+v", p)
	}
}

func TestParseNotificationInvalid(t *testing.T) {
	t.Parallel()
	for _, body := range []string{``, `null`, `[]`, `"ping"`, `{}`, `{"topic": ""}`, `{"type": "notification_event"`, `{"topic": 7}`, `{"topic": "ping"} {}`} {
		n, err := ParseNotification([]byte(body))
		if n != nil || !errors.Is(err, ErrInvalidNotification) {
			t.Errorf("ParseNotification(%q) = %v, %v; want ErrInvalidNotification", body, n, err)
		}
	}
	// A topic without an item parses; its accessor says the item is missing.
	n := whParse(t, `{"type": "notification_event", "topic": "ticket.created", "data": {"type": "notification_event_data", "item": null}}`)
	if _, err := n.Ticket(); !errors.Is(err, ErrInvalidNotification) {
		t.Fatalf("Ticket() without item = %v", err)
	}
}

func TestNotificationPing(t *testing.T) {
	t.Parallel()
	n := whParse(t, whPing)
	p, err := n.Ping()
	if err != nil {
		t.Fatal(err)
	}
	if *p != (Ping{Type: "ping", Message: "something something interzen"}) {
		t.Fatalf("Ping = %+v", p)
	}
}

func TestNotificationConversation(t *testing.T) {
	t.Parallel()
	n := whParse(t, whConversationUserCreated)
	c, err := n.Conversation()
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "147" || c.State != "open" || !c.Open || c.Read || c.WaitingSince != 1718000100 || c.Priority != "not_priority" {
		t.Fatalf("conversation %+v", c)
	}
	if c.Source.Author.Email != "ada@example.com" || c.Source.Body != "<p>Hi, I can't log in</p>" || c.Source.DeliveredAs != "customer_initiated" {
		t.Fatalf("source %+v", c.Source)
	}
	if len(c.Contacts.Contacts) != 1 || c.Contacts.Contacts[0].ExternalID != "user-1815" {
		t.Fatalf("contacts %+v", c.Contacts)
	}
	// Statistics timestamps come as RFC 3339 strings in webhooks.
	if c.Statistics == nil || c.Statistics.FirstContactReplyAt.Time() != time.Date(2024, 6, 10, 6, 15, 0, 0, time.UTC) {
		t.Fatalf("statistics %+v", c.Statistics)
	}
	// Custom attributes are the customer's data: left as sent.
	if c.CustomAttributes["escalated_at"] != "2024-06-10T06:15:00Z" || c.CustomAttributes["Channel"] != "web" {
		t.Fatalf("custom attributes %v", c.CustomAttributes)
	}
	// The raw item is kept as sent.
	if !bytes.Contains(n.Data.Item, []byte(`"first_contact_reply_at": "2024-06-10T06:15:00.000Z"`)) {
		t.Fatal("Data.Item was rewritten")
	}

	r := whParse(t, whConversationAdminReplied)
	c, err = r.Conversation()
	if err != nil {
		t.Fatal(err)
	}
	if c.AdminAssigneeID != "991267" || c.TeamAssigneeID != "5017691" || len(c.Tags.Tags) != 1 || c.Tags.Tags[0].Name != "login" {
		t.Fatalf("conversation %+v", c)
	}
	parts := c.ConversationParts.ConversationParts
	if len(parts) != 1 || parts[0].PartType != "comment" || parts[0].Author.Type != "admin" || parts[0].Author.Name != "Grace Hopper" ||
		parts[0].AssignedTo != nil || parts[0].CreatedAt != 1718000400 {
		t.Fatalf("parts %+v", parts)
	}
}

func TestNotificationContact(t *testing.T) {
	t.Parallel()
	n := whParse(t, whContactUserCreated)
	c, err := n.Contact()
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "667d6079a0a9e2d0e1b4f1a1" || c.Role != intercom.ContactRoleUser || c.Email != "ada@example.com" || c.ExternalID != "user-1815" {
		t.Fatalf("contact %+v", c)
	}
	if c.CreatedAt.Time() != time.Date(2024, 6, 10, 6, 15, 0, 0, time.UTC) || c.UpdatedAt.Time() != time.Date(2024, 6, 10, 6, 16, 40, 0, time.UTC) || c.SignedUpAt != 0 {
		t.Fatalf("contact times created %v updated %v signed up %v", c.CreatedAt, c.UpdatedAt, c.SignedUpAt)
	}
	if c.CustomAttributes["trial_ends_at"] != "2024-07-01T00:00:00Z" {
		t.Fatalf("custom attributes %v", c.CustomAttributes)
	}
	if c.Tags.URL != "/contacts/667d6079a0a9e2d0e1b4f1a1/tags" {
		t.Fatalf("tags %+v", c.Tags)
	}

	l := whParse(t, whContactLeadCreated)
	lead, err := l.Contact()
	if err != nil {
		t.Fatal(err)
	}
	if lead.Role != intercom.ContactRoleLead || lead.Name != "Rose Poodle from St. John's" || lead.CreatedAt != 1718000300 || lead.Location.City != "St. John's" {
		t.Fatalf("lead %+v", lead)
	}

	s := whParse(t, whContactSubscribed)
	sub, err := s.Contact()
	if err != nil || sub.ID != "667d6079a0a9e2d0e1b4f1a1" {
		t.Fatalf("Contact() of contact.subscribed = %+v, %v", sub, err)
	}
}

func TestNotificationContactTag(t *testing.T) {
	t.Parallel()
	n := whParse(t, whContactLeadTagCreated)
	ct, err := n.ContactTag()
	if err != nil {
		t.Fatal(err)
	}
	if ct.Type != "contact_tag" || ct.CreatedAt != 1718000500 || ct.Tag.ID != "12934044" || ct.Tag.Name != "Feature Request" || ct.Contact.Email != "ada@example.com" {
		t.Fatalf("contact tag %+v", ct)
	}
	if ct.Contact.CreatedAt.Time().Year() != 2024 {
		t.Fatalf("contact created at %v", ct.Contact.CreatedAt)
	}
	tag, err := n.Tag()
	if err != nil || tag.Name != "Feature Request" {
		t.Fatalf("Tag() = %+v, %v", tag, err)
	}
	c, err := n.Contact()
	if err != nil || c.ID != "667d6079a0a9e2d0e1b4f1a1" {
		t.Fatalf("Contact() = %+v, %v", c, err)
	}
	// The older topic name carries the same object.
	old := Notification{Topic: "contact.tag.created", Data: n.Data}
	if _, err := old.ContactTag(); err != nil {
		t.Fatalf("ContactTag() on contact.tag.created: %v", err)
	}
}

func TestNotificationTicket(t *testing.T) {
	t.Parallel()
	n := whParse(t, whTicketCreated)
	tk, err := n.Ticket()
	if err != nil {
		t.Fatal(err)
	}
	if tk.ID != "215472629311235" || tk.TicketID != "22" || tk.Category != intercom.TicketCategoryCustomer || !tk.IsShared || !tk.Open {
		t.Fatalf("ticket %+v", tk)
	}
	// The ticket_state object of newer API versions decodes into TicketState.
	if tk.TicketState.Category != intercom.TicketStateSubmitted || tk.TicketState.InternalLabel != "Submitted" || tk.TicketState.ExternalLabel != "Received" {
		t.Fatalf("ticket state %+v", tk.TicketState)
	}
	if tk.TicketAttributes.Title() != "Login broken" || tk.TicketType.Name != "Bug report" || len(tk.TicketType.TicketTypeAttributes.Data) != 1 {
		t.Fatalf("ticket attributes %v, type %+v", tk.TicketAttributes, tk.TicketType)
	}
	if len(tk.TicketParts.TicketParts) != 1 || tk.TicketParts.TicketParts[0].Author.Name != "Grace Hopper" || tk.Contacts.Contacts[0].ExternalID != "user-1815" {
		t.Fatalf("ticket parts %+v, contacts %+v", tk.TicketParts, tk.Contacts)
	}

	s := whParse(t, whTicketStateUpdated)
	tk, err = s.Ticket()
	if err != nil {
		t.Fatal(err)
	}
	if tk.TicketState.Category != intercom.TicketStateInProgress || tk.TicketStateInternalLabel != "In progress" || tk.UpdatedAt != 1718000700 {
		t.Fatalf("ticket %+v", tk)
	}
}

func TestNotificationCompanyContact(t *testing.T) {
	t.Parallel()
	n := whParse(t, whCompanyContactAttached)
	co, err := n.Company()
	if err != nil {
		t.Fatal(err)
	}
	if co.ID != "6961d175205cf6a4438f0c21" || co.CompanyID != "acme-1" || co.Name != "Acme" || co.UserCount != 1 ||
		co.CreatedAt.Time() != time.Date(2024, 6, 10, 6, 11, 34, 0, time.UTC) || co.RemoteCreatedAt != 0 {
		t.Fatalf("company %+v", co)
	}
	c, err := n.Contact()
	if err != nil || c.Email != "ada@example.com" {
		t.Fatalf("Contact() = %+v, %v", c, err)
	}
}

func TestNotificationVisitor(t *testing.T) {
	t.Parallel()
	n := whParse(t, whVisitorSignedUp)
	v, err := n.Visitor()
	if err != nil {
		t.Fatal(err)
	}
	if v.Type != "user" || v.UserID != "visitor-7" || v.Pseudonym != "Pink Lightbulb from Dublin" || v.LocationData.CityName != "Dublin" ||
		v.SessionCount != 1 || v.SignedUpAt.Time() != time.Date(2024, 6, 10, 6, 42, 57, 0, time.UTC) {
		t.Fatalf("visitor %+v", v)
	}
}

func TestNotificationAdmin(t *testing.T) {
	t.Parallel()
	n := whParse(t, whAdminLoggedIn)
	a, err := n.Admin()
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "991267" || a.Name != "Grace Hopper" || !a.AwayModeEnabled || len(a.TeamIDs) != 1 || a.TeamIDs[0] != "5017691" ||
		a.Avatar != "https://static.intercomassets.com/avatars/991267/square_128/grace.png" {
		t.Fatalf("admin %+v", a)
	}
}

func TestNotificationWrongAccessor(t *testing.T) {
	t.Parallel()
	n := whParse(t, whContactUserCreated)
	_, err := n.Conversation()
	if !errors.Is(err, ErrTopicMismatch) {
		t.Fatalf("Conversation() on a contact topic = %v", err)
	}
	var tm *TopicMismatchError
	if !errors.As(err, &tm) || tm.Topic != TopicContactUserCreated || tm.Want != "conversation" || strings.Join(tm.Carries, ",") != "contact" {
		t.Fatalf("error %#v", err)
	}
	if !strings.Contains(err.Error(), `"contact.user.created"`) {
		t.Fatalf("error %q does not name the topic", err)
	}

	calls := map[string]func(*Notification) error{
		"Ping":         func(n *Notification) error { _, err := n.Ping(); return err },
		"Conversation": func(n *Notification) error { _, err := n.Conversation(); return err },
		"Contact":      func(n *Notification) error { _, err := n.Contact(); return err },
		"ContactTag":   func(n *Notification) error { _, err := n.ContactTag(); return err },
		"Tag":          func(n *Notification) error { _, err := n.Tag(); return err },
		"Company":      func(n *Notification) error { _, err := n.Company(); return err },
		"Ticket":       func(n *Notification) error { _, err := n.Ticket(); return err },
		"Visitor":      func(n *Notification) error { _, err := n.Visitor(); return err },
		"Admin":        func(n *Notification) error { _, err := n.Admin(); return err },
	}
	works := map[string][]string{
		whPing:                     {"Ping"},
		whConversationUserCreated:  {"Conversation"},
		whConversationAdminReplied: {"Conversation"},
		whContactUserCreated:       {"Contact"},
		whContactLeadCreated:       {"Contact"},
		whContactLeadTagCreated:    {"ContactTag", "Contact", "Tag"},
		whContactSubscribed:        {"Contact"},
		whTicketCreated:            {"Ticket"},
		whTicketStateUpdated:       {"Ticket"},
		whCompanyContactAttached:   {"Company", "Contact"},
		whVisitorSignedUp:          {"Visitor"},
		whAdminLoggedIn:            {"Admin"},
		whArticleCreated:           nil,
	}
	for body, ok := range works {
		n := whParse(t, body)
		for name, call := range calls {
			err := call(n)
			want := false
			for _, o := range ok {
				want = want || o == name
			}
			switch {
			case want && err != nil:
				t.Errorf("%s on %s: %v", name, n.Topic, err)
			case !want && !errors.Is(err, ErrTopicMismatch):
				t.Errorf("%s on %s = %v, want ErrTopicMismatch", name, n.Topic, err)
			case !want && !strings.Contains(err.Error(), string(n.Topic)):
				t.Errorf("%s on %s: error %q does not name the topic", name, n.Topic, err)
			}
		}
	}

	// The contact attach topics of conversations carry the contact only.
	att := Notification{Topic: TopicConversationContactAttached, Data: NotificationData{Item: json.RawMessage(`{"conversation": {"model": {"id": 1}}, "contact": {"type": "contact", "id": "c1"}}`)}}
	if c, err := att.Contact(); err != nil || c.ID != "c1" {
		t.Fatalf("Contact() on conversation.contact.attached = %+v, %v", c, err)
	}
	if _, err := att.Conversation(); !errors.Is(err, ErrTopicMismatch) {
		t.Fatalf("Conversation() on conversation.contact.attached = %v", err)
	}
}

func TestNotificationUnknownTopic(t *testing.T) {
	t.Parallel()
	n := whParse(t, whArticleCreated)
	if n.Topic != "article.created" || n.ItemType() != "article" {
		t.Fatalf("topic %q item type %q", n.Topic, n.ItemType())
	}
	_, err := n.Conversation()
	var tm *TopicMismatchError
	if !errors.As(err, &tm) || len(tm.Carries) != 0 || !strings.Contains(err.Error(), "article.created") {
		t.Fatalf("Conversation() on an unknown topic = %v", err)
	}
	var item struct {
		Title     string             `json:"title"`
		CreatedAt intercom.Timestamp `json:"created_at"`
	}
	if err := n.DecodeItem(&item); err != nil || item.Title != "Resetting your password" || item.CreatedAt != 1718001100 {
		t.Fatalf("DecodeItem = %+v, %v", item, err)
	}
}

// Timestamps in other forms than Unix seconds decode through DecodeItem
// (intercom.Timestamp reads them; nothing rewrites them); custom data is
// left as sent.
func TestDecodeItemTimestamps(t *testing.T) {
	t.Parallel()
	n := Notification{Topic: "custom.thing", Data: NotificationData{Item: json.RawMessage(`{
		"created_at": "2024-06-10T06:15:00+02:00", "updated_at": "1718000000", "closed_at": 1718000000.9,
		"snoozed_until": "", "note": "2024-06-10T06:15:00Z",
		"nested": [{"seen_at": "2024-06-10T06:15:00Z"}],
		"metadata": {"sent_at": "2024-06-10T06:15:00Z"}}`)}}
	var got struct {
		CreatedAt    intercom.Timestamp `json:"created_at"`
		UpdatedAt    intercom.Timestamp `json:"updated_at"`
		ClosedAt     intercom.Timestamp `json:"closed_at"`
		SnoozedUntil intercom.Timestamp `json:"snoozed_until"`
		Note         string             `json:"note"`
		Nested       []struct {
			SeenAt intercom.Timestamp `json:"seen_at"`
		} `json:"nested"`
		Metadata map[string]any `json:"metadata"`
	}
	if err := n.DecodeItem(&got); err != nil {
		t.Fatal(err)
	}
	if got.CreatedAt.Time() != time.Date(2024, 6, 10, 4, 15, 0, 0, time.UTC) || got.UpdatedAt != 1718000000 || got.ClosedAt != 1718000000 ||
		got.SnoozedUntil != 0 || got.Note != "2024-06-10T06:15:00Z" || len(got.Nested) != 1 || got.Nested[0].SeenAt.Time().Hour() != 6 ||
		got.Metadata["sent_at"] != "2024-06-10T06:15:00Z" {
		t.Fatalf("decoded %+v", got)
	}

	// A shape that cannot be adapted still fails, with the decoder's error.
	bad := Notification{Topic: TopicTicketCreated, Data: NotificationData{Item: json.RawMessage(`{"type": "ticket", "open": "yes"}`)}}
	if _, err := bad.Ticket(); err == nil || !strings.Contains(err.Error(), "ticket.created") {
		t.Fatalf("Ticket() on a bad item = %v", err)
	}
	var ute *json.UnmarshalTypeError
	if _, err := bad.Ticket(); !errors.As(err, &ute) {
		t.Fatalf("Ticket() error %v does not wrap the decoder's error", err)
	}
}

func TestDecodeItemAdaptsTicketState(t *testing.T) {
	t.Parallel()
	n := Notification{Topic: "ticket.custom", Data: NotificationData{Item: json.RawMessage(`{"type": "ticket", "id": "1",
		"ticket_state": {"type": "ticket_state", "category": "waiting_on_customer", "internal_label": "Waiting", "external_label": "Pending"},
		"created_at": "2024-06-10T06:15:00Z", "ticket_attributes": {"ticket_state": {"category": "kept"}}}`)}}
	var tk intercom.Ticket
	if err := n.DecodeItem(&tk); err != nil {
		t.Fatal(err)
	}
	if tk.TicketState.Category != intercom.TicketStateWaitingOnCustomer || tk.TicketState.InternalLabel != "Waiting" || tk.TicketState.ExternalLabel != "Pending" ||
		tk.CreatedAt.Time() != time.Date(2024, 6, 10, 6, 15, 0, 0, time.UTC) {
		t.Fatalf("ticket %+v", tk)
	}
	if st, ok := tk.TicketAttributes["ticket_state"].(map[string]any); !ok || st["category"] != "kept" {
		t.Fatalf("ticket attributes %v were adapted", tk.TicketAttributes)
	}
}
