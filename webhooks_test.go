package intercom

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// whSecret stands in for an app's client secret.
const whSecret = "7c3f9e1a0b5d4c2e8f6a9b1d3e5f7a2c"

// whHMAC computes the X-Hub-Signature value independently of the code under test.
func whHMAC(body, secret string) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(body))
	return "sha1=" + hex.EncodeToString(mac.Sum(nil))
}

// Notification bodies shaped like those Intercom documents and sends
// (envelope keys, item types, nulls, and the RFC 3339 timestamps that
// webhook contacts, companies and visitors carry). Ids are made up.

const whPing = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {"type": "notification_event_data", "item": {"type": "ping", "message": "something something interzen"}},
  "links": {},
  "id": null,
  "topic": "ping",
  "delivery_status": null,
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000000,
  "created_at": 1718000000,
  "self": null
}`

const whConversationUserCreated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "type": "conversation",
      "id": "147",
      "created_at": 1718000100,
      "updated_at": 1718000100,
      "waiting_since": 1718000100,
      "snoozed_until": null,
      "source": {
        "type": "conversation",
        "id": "403918330",
        "delivered_as": "customer_initiated",
        "subject": "",
        "body": "<p>Hi, I can't log in</p>",
        "author": {"type": "user", "id": "667d6079a0a9e2d0e1b4f1a1", "name": "Ada Lovelace", "email": "ada@example.com"},
        "attachments": [],
        "url": "https://example.com/login",
        "redacted": false
      },
      "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "667d6079a0a9e2d0e1b4f1a1", "external_id": "user-1815"}]},
      "first_contact_reply": {"created_at": 1718000100, "type": "conversation", "url": "https://example.com/login"},
      "admin_assignee_id": null,
      "team_assignee_id": null,
      "open": true,
      "state": "open",
      "read": false,
      "tags": {"type": "tag.list", "tags": []},
      "priority": "not_priority",
      "sla_applied": null,
      "statistics": {
        "type": "conversation_statistics",
        "first_contact_reply_at": "2024-06-10T06:15:00.000Z",
        "count_reopens": 0,
        "count_assignments": 0,
        "count_conversation_parts": 1
      },
      "conversation_rating": null,
      "teammates": {"type": "admin.list", "admins": []},
      "title": null,
      "custom_attributes": {"Channel": "web", "escalated_at": "2024-06-10T06:15:00Z"},
      "topics": {"type": "topic.list", "topics": [], "total_count": 0},
      "ticket": null,
      "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": false},
      "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [], "total_count": 0}
    }
  },
  "links": {},
  "id": "notif_2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
  "topic": "conversation.user.created",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000101,
  "created_at": 1718000100,
  "self": null
}`

const whConversationAdminReplied = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "type": "conversation",
      "id": "147",
      "created_at": 1718000100,
      "updated_at": 1718000400,
      "source": {"type": "conversation", "id": "403918330", "delivered_as": "customer_initiated", "body": "<p>Hi, I can't log in</p>",
        "author": {"type": "user", "id": "667d6079a0a9e2d0e1b4f1a1"}, "attachments": [], "redacted": false},
      "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "667d6079a0a9e2d0e1b4f1a1"}]},
      "admin_assignee_id": 991267,
      "team_assignee_id": "5017691",
      "open": true,
      "state": "open",
      "read": true,
      "tags": {"type": "tag.list", "tags": [{"type": "tag", "id": "2525085", "name": "login"}]},
      "custom_attributes": {},
      "conversation_parts": {
        "type": "conversation_part.list",
        "conversation_parts": [
          {
            "type": "conversation_part",
            "id": "2824382500",
            "part_type": "comment",
            "body": "<p>Let me reset that for you.</p>",
            "created_at": 1718000400,
            "updated_at": 1718000400,
            "notified_at": 1718000400,
            "assigned_to": null,
            "author": {"type": "admin", "id": "991267", "name": "Grace Hopper", "email": "grace@example.com"},
            "attachments": [],
            "external_id": null,
            "redacted": false
          }
        ],
        "total_count": 1
      }
    }
  },
  "links": {},
  "id": "notif_44d1f763-d3ad-4927-8e5c-000000000001",
  "topic": "conversation.admin.replied",
  "delivery_status": "pending",
  "delivery_attempts": 2,
  "delivered_at": 0,
  "first_sent_at": 1718000401,
  "created_at": 1718000400,
  "self": null
}`

// whContactItem is a webhook contact: timestamps as RFC 3339 strings, many nulls.
const whContactItem = `{
      "type": "contact",
      "id": "667d6079a0a9e2d0e1b4f1a1",
      "workspace_id": "a86dr8yl",
      "external_id": "user-1815",
      "role": "user",
      "email": "ada@example.com",
      "phone": null,
      "name": "Ada Lovelace",
      "avatar": null,
      "owner_id": null,
      "social_profiles": {"type": "list", "data": []},
      "has_hard_bounced": false,
      "marked_email_as_spam": false,
      "unsubscribed_from_emails": false,
      "created_at": "2024-06-10T06:15:00.240+00:00",
      "updated_at": "2024-06-10T06:16:40.000Z",
      "signed_up_at": null,
      "last_seen_at": null,
      "language_override": null,
      "location": {"type": "location", "country": null, "region": null, "city": null, "country_code": null, "continent_code": null},
      "ios_last_seen_at": null,
      "custom_attributes": {"trial_ends_at": "2024-07-01T00:00:00Z"},
      "tags": {"type": "list", "data": [], "url": "/contacts/667d6079a0a9e2d0e1b4f1a1/tags", "total_count": 0, "has_more": false},
      "notes": {"type": "list", "data": [], "url": "/contacts/667d6079a0a9e2d0e1b4f1a1/notes", "total_count": 0, "has_more": false},
      "companies": {"type": "list", "data": [], "url": "/contacts/667d6079a0a9e2d0e1b4f1a1/companies", "total_count": 0, "has_more": false},
      "utm_source": null,
      "referrer": null,
      "sms_consent": false,
      "enabled_push_messaging": null
    }`

const whContactUserCreated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {"type": "notification_event_data", "item": ` + whContactItem + `},
  "links": {},
  "id": "notif_c47f7aeb-bdeb-4d35-8fc7-000000000002",
  "topic": "contact.user.created",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000200,
  "created_at": 1718000200,
  "self": null
}`

// A lead as the 2.10 REST API shapes it (Unix-second timestamps).
const whContactLeadCreated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "type": "contact",
      "id": "667d60d1a0a9e2d0e1b4f1b7",
      "workspace_id": "a86dr8yl",
      "role": "lead",
      "email": "",
      "name": "Rose Poodle from St. John's",
      "created_at": 1718000300,
      "updated_at": 1718000300,
      "location": {"type": "location", "country": "Canada", "city": "St. John's", "country_code": "CAN"},
      "custom_attributes": {}
    }
  },
  "links": {},
  "id": "notif_c47f7aeb-bdeb-4d35-8fc7-000000000003",
  "topic": "contact.lead.created",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000300,
  "created_at": 1718000300,
  "self": null
}`

const whContactLeadTagCreated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "type": "contact_tag",
      "created_at": 1718000500,
      "tag": {"type": "tag", "id": "12934044", "name": "Feature Request"},
      "contact": ` + whContactItem + `
    }
  },
  "links": {},
  "id": "notif_723cd050-01bf-487f-b32d-000000000004",
  "topic": "contact.lead.tag.created",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000500,
  "created_at": 1718000500,
  "self": null
}`

const whContactSubscribed = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {"type": "contact_subscribe", "contact": ` + whContactItem + `, "subscription_types": {"type": "list", "data": []}, "created_at": 1718000550}
  },
  "links": {},
  "id": "notif_0020db82-b78c-4d5b-910b-000000000005",
  "topic": "contact.subscribed",
  "delivery_attempts": 1,
  "created_at": 1718000550
}`

// A ticket as newer API versions shape it: ticket_state is an object.
const whTicketCreated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "type": "ticket",
      "id": "215472629311235",
      "ticket_id": "22",
      "ticket_attributes": {"_default_title_": "Login broken", "_default_description_": "Cannot log in since Monday", "Platforms": null},
      "ticket_state": {"type": "ticket_state", "id": "4517893", "category": "submitted", "internal_label": "Submitted", "external_label": "Received"},
      "ticket_type": {
        "type": "ticket_type",
        "id": "2979330",
        "name": "Bug report",
        "description": "Something is broken",
        "icon": "🐞",
        "workspace_id": "a86dr8yl",
        "archived": false,
        "created_at": 1717000000,
        "updated_at": 1717000000,
        "is_internal": false,
        "ticket_type_attributes": {"type": "list", "data": [
          {"type": "ticket_type_attribute", "id": "8514183", "workspace_id": "a86dr8yl", "name": "_default_title_", "description": "",
           "data_type": "string", "input_options": {"multiline": false}, "order": 0, "required_to_create": false,
           "visible_on_create": true, "visible_to_contacts": true, "default": true, "ticket_type_id": 2979330,
           "archived": false, "created_at": 1717000000, "updated_at": 1717000000}
        ]},
        "category": "Customer"
      },
      "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "667d6079a0a9e2d0e1b4f1a1", "external_id": "user-1815"}]},
      "admin_assignee_id": "0",
      "team_assignee_id": "0",
      "created_at": 1718000600,
      "updated_at": 1718000650,
      "ticket_parts": {"type": "ticket_part.list", "ticket_parts": [
        {"type": "ticket_part", "id": "37403374462", "part_type": "ticket_state_updated_by_admin", "ticket_state": "submitted",
         "previous_ticket_state": "submitted", "created_at": 1718000650, "updated_at": 1718000650,
         "author": {"id": "991267", "type": "admin", "name": "Grace Hopper", "email": "grace@example.com"}, "attachments": [], "redacted": false}
      ], "total_count": 1},
      "open": true,
      "snoozed_until": null,
      "linked_objects": {"type": "list", "data": [], "total_count": 0, "has_more": false},
      "category": "Customer",
      "is_shared": true
    }
  },
  "links": {},
  "id": "notif_381b4609-2b35-4720-8389-000000000006",
  "topic": "ticket.created",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000651,
  "created_at": 1718000651,
  "self": null
}`

// A ticket as the 2.10 REST API shapes it: ticket_state is a string.
const whTicketStateUpdated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {"type": "notification_event_data", "item": {
    "type": "ticket", "id": "215472629311235", "ticket_id": "22", "category": "Customer",
    "ticket_attributes": {"_default_title_": "Login broken"},
    "ticket_state": "in_progress", "ticket_state_internal_label": "In progress", "ticket_state_external_label": "In progress",
    "open": true, "created_at": 1718000600, "updated_at": 1718000700
  }},
  "id": "notif_381b4609-2b35-4720-8389-000000000007",
  "topic": "ticket.state.updated",
  "delivery_attempts": 1,
  "created_at": 1718000700
}`

const whCompanyContactAttached = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "company": {
        "type": "company",
        "id": "6961d175205cf6a4438f0c21",
        "company_id": "acme-1",
        "app_id": "a86dr8yl",
        "name": "Acme",
        "plan_id": null,
        "remote_created_at": null,
        "created_at": "2024-06-10T06:11:34.013+00:00",
        "updated_at": "2024-06-10T06:11:34.091+00:00",
        "last_request_at": null,
        "monthly_spend": 0,
        "session_count": 0,
        "user_count": 1,
        "tag_ids": [],
        "custom_attributes": {}
      },
      "contact": ` + whContactItem + `
    }
  },
  "links": {},
  "id": "notif_3690afb3-f427-4e37-a164-000000000008",
  "topic": "company.contact.attached",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000800,
  "created_at": 1718000800,
  "self": null
}`

const whVisitorSignedUp = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {
    "type": "notification_event_data",
    "item": {
      "type": "user",
      "id": "6961e6de046e053d93e4da0b",
      "user_id": "visitor-7",
      "anonymous": false,
      "email": "visitor7@example.com",
      "phone": null,
      "name": "Visitor Seven",
      "pseudonym": "Pink Lightbulb from Dublin",
      "avatar": {"type": "avatar", "image_url": null},
      "app_id": "a86dr8yl",
      "companies": {"type": "company.list", "companies": []},
      "location_data": {"type": "location_data", "city_name": "Dublin", "continent_code": "EU", "country_name": "Ireland",
        "postal_code": null, "region_name": "Leinster", "timezone": "Europe/Dublin", "country_code": "IRL"},
      "last_request_at": "2024-06-10T06:42:57.457+00:00",
      "created_at": "2024-06-10T06:42:55.079+00:00",
      "remote_created_at": "2024-06-10T06:42:57.490+00:00",
      "signed_up_at": "2024-06-10T06:42:57.490+00:00",
      "updated_at": "2024-06-10T06:42:57.000Z",
      "session_count": 1,
      "social_profiles": {"type": "social_profile.list", "social_profiles": []},
      "owner_id": null,
      "unsubscribed_from_emails": false,
      "tags": {"type": "tag.list", "tags": []},
      "segments": {"type": "segment.list", "segments": []},
      "custom_attributes": {},
      "referrer": "https://example.com/",
      "do_not_track": null
    }
  },
  "links": {},
  "id": "notif_36beafa3-1a76-43cd-a971-000000000009",
  "topic": "visitor.signed_up",
  "delivery_status": "pending",
  "delivery_attempts": 1,
  "delivered_at": 0,
  "first_sent_at": 1718000900,
  "created_at": 1718000900,
  "self": null
}`

const whAdminLoggedIn = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {"type": "notification_event_data", "item": {
    "type": "admin", "id": 991267, "name": "Grace Hopper", "email": "grace@example.com", "job_title": null,
    "away_mode_enabled": true, "away_mode_reassign": false, "away_status_reason": "", "has_inbox_seat": true,
    "team_ids": [5017691],
    "avatar": {"type": "avatar", "image_url": "https://static.intercomassets.com/avatars/991267/square_128/grace.png"}
  }},
  "links": {},
  "id": "notif_1fdf450f-851a-4608-8fa6-000000000010",
  "topic": "admin.logged_in",
  "delivery_attempts": 1,
  "created_at": 1718001000
}`

// An article topic: the SDK has no accessor for it.
const whArticleCreated = `{
  "type": "notification_event",
  "app_id": "a86dr8yl",
  "data": {"type": "notification_event_data", "item": {"type": "article", "id": "9876", "title": "Resetting your password", "created_at": 1718001100}},
  "links": {},
  "id": "notif_db31748c-87ff-37de-4129-000000000011",
  "topic": "article.created",
  "delivery_attempts": 1,
  "created_at": 1718001100
}`

func whParse(t *testing.T, body string) *Notification {
	t.Helper()
	n, err := ParseNotification([]byte(body))
	if err != nil {
		t.Fatalf("ParseNotification: %v", err)
	}
	return n
}

func TestSignWebhookKnownVector(t *testing.T) {
	t.Parallel()
	// RFC 2104 HMAC-SHA1 test value.
	got := SignWebhook([]byte("The quick brown fox jumps over the lazy dog"), "key")
	if want := "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"; got != want {
		t.Fatalf("SignWebhook = %s, want %s", got, want)
	}
	if got := SignWebhook([]byte(whPing), whSecret); got != whHMAC(whPing, whSecret) {
		t.Fatalf("SignWebhook(ping) = %s, want %s", got, whHMAC(whPing, whSecret))
	}
}

func TestParseSignature(t *testing.T) {
	t.Parallel()
	const hexSig = "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"
	want, _ := hex.DecodeString(hexSig)
	valid := []string{
		"sha1=" + hexSig,
		"SHA1=" + strings.ToUpper(hexSig),
		"  sha1=" + hexSig + "\t",
		"Sha1=" + hexSig,
	}
	for _, h := range valid {
		got, err := ParseSignature(h)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ParseSignature(%q) = %x, %v; want %x", h, got, err, want)
		}
	}

	bad := []struct {
		header string
		want   error
	}{
		{"", ErrSignatureMissing},
		{"   ", ErrSignatureMissing},
		{hexSig, ErrSignatureMalformed},
		{"sha1", ErrSignatureMalformed},
		{"sha1=", ErrSignatureMalformed},
		{"sha1:" + hexSig, ErrSignatureMalformed},
		{"sha256=" + hexSig + hexSig[:24], ErrSignatureMalformed},
		{"md5=" + hexSig, ErrSignatureMalformed},
		{"sha1=" + hexSig[:38], ErrSignatureMalformed},
		{"sha1=" + hexSig + "00", ErrSignatureMalformed},
		{"sha1=" + strings.Repeat("z", 40), ErrSignatureMalformed},
		{"sha1= " + hexSig[:39], ErrSignatureMalformed},
		{"sha1=" + hexSig[:39] + "é", ErrSignatureMalformed},
		{"ſha1=" + hexSig, ErrSignatureMalformed}, // U+017F folds to s in Unicode, not in ASCII
		{"sha1=" + hexSig + ",sha1=" + hexSig, ErrSignatureMalformed},
	}
	sentinels := []error{ErrSignatureMissing, ErrSignatureMalformed, ErrSignatureMismatch}
	for _, tc := range bad {
		got, err := ParseSignature(tc.header)
		if got != nil || !errors.Is(err, tc.want) {
			t.Errorf("ParseSignature(%q) = %x, %v; want %v", tc.header, got, err, tc.want)
			continue
		}
		for _, s := range sentinels {
			if s != tc.want && errors.Is(err, s) {
				t.Errorf("ParseSignature(%q) error %v also matches %v", tc.header, err, s)
			}
		}
		var se *SignatureError
		if !errors.As(err, &se) || se.Err != tc.want {
			t.Errorf("ParseSignature(%q) error %T is not a *SignatureError of %v", tc.header, err, tc.want)
		}
	}
}

func TestVerifySignature(t *testing.T) {
	t.Parallel()
	body := []byte(whConversationUserCreated)
	good := whHMAC(whConversationUserCreated, whSecret)
	if err := VerifySignature(body, good, whSecret); err != nil {
		t.Fatalf("VerifySignature(valid) = %v", err)
	}
	if err := VerifySignature(body, strings.ToUpper(good), whSecret); err != nil {
		t.Fatalf("VerifySignature(upper-case) = %v", err)
	}

	tampered := bytes.Replace(body, []byte(`"open": true`), []byte(`"open": false`), 1)
	if bytes.Equal(tampered, body) {
		t.Fatal("tampering did not change the body")
	}
	tests := []struct {
		name           string
		body           []byte
		header, secret string
		want           error
	}{
		{"wrong secret", body, whHMAC(whConversationUserCreated, "not-the-secret"), whSecret, ErrSignatureMismatch},
		{"tampered body", tampered, good, whSecret, ErrSignatureMismatch},
		{"trailing newline added", append(append([]byte(nil), body...), '\n'), good, whSecret, ErrSignatureMismatch},
		{"missing", body, "", whSecret, ErrSignatureMissing},
		{"malformed", body, "sha1=xyz", whSecret, ErrSignatureMalformed},
		{"sha256", body, "sha256=" + strings.Repeat("ab", 32), whSecret, ErrSignatureMalformed},
		{"signature of another body", body, whHMAC(whPing, whSecret), whSecret, ErrSignatureMismatch},
		{"empty secret", body, good, "", ErrInvalidRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := VerifySignature(tc.body, tc.header, tc.secret)
			if !errors.Is(err, tc.want) {
				t.Fatalf("VerifySignature = %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), whSecret) || strings.Contains(err.Error(), strings.TrimPrefix(good, "sha1=")) {
				t.Fatalf("error %q reveals the secret or the expected signature", err)
			}
		})
	}
}

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
		t.Fatal("WebhookTopic.Family")
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
	if c.ID != "667d6079a0a9e2d0e1b4f1a1" || c.Role != ContactRoleUser || c.Email != "ada@example.com" || c.ExternalID != "user-1815" {
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
	if lead.Role != ContactRoleLead || lead.Name != "Rose Poodle from St. John's" || lead.CreatedAt != 1718000300 || lead.Location.City != "St. John's" {
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
	if tk.ID != "215472629311235" || tk.TicketID != "22" || tk.Category != TicketCategoryCustomer || !tk.IsShared || !tk.Open {
		t.Fatalf("ticket %+v", tk)
	}
	// The ticket_state object of newer API versions maps onto the 2.10 fields.
	if tk.TicketState != TicketStateSubmitted || tk.TicketStateInternalLabel != "Submitted" || tk.TicketStateExternalLabel != "Received" {
		t.Fatalf("ticket state %q %q %q", tk.TicketState, tk.TicketStateInternalLabel, tk.TicketStateExternalLabel)
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
	if tk.TicketState != TicketStateInProgress || tk.TicketStateInternalLabel != "In progress" || tk.UpdatedAt != 1718000700 {
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
		Title     string    `json:"title"`
		CreatedAt Timestamp `json:"created_at"`
	}
	if err := n.DecodeItem(&item); err != nil || item.Title != "Resetting your password" || item.CreatedAt != 1718001100 {
		t.Fatalf("DecodeItem = %+v, %v", item, err)
	}
}

func TestDecodeItemAdaptsTimestamps(t *testing.T) {
	t.Parallel()
	n := Notification{Topic: "custom.thing", Data: NotificationData{Item: json.RawMessage(`{
		"created_at": "2024-06-10T06:15:00+02:00", "updated_at": "1718000000", "closed_at": 1718000000.9,
		"snoozed_until": "", "note": "2024-06-10T06:15:00Z",
		"nested": [{"seen_at": "2024-06-10T06:15:00Z"}],
		"metadata": {"sent_at": "2024-06-10T06:15:00Z"}}`)}}
	var got struct {
		CreatedAt    Timestamp `json:"created_at"`
		UpdatedAt    Timestamp `json:"updated_at"`
		ClosedAt     Timestamp `json:"closed_at"`
		SnoozedUntil Timestamp `json:"snoozed_until"`
		Note         string    `json:"note"`
		Nested       []struct {
			SeenAt Timestamp `json:"seen_at"`
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

// whRequest builds a POST of body, signed with sig unless sig is "-".
func whRequest(method, body, sig string) *http.Request {
	r := httptest.NewRequest(method, "/hooks/intercom", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("User-Agent", "intercom-parrot-service-client/1.0")
	if sig != "-" {
		r.Header.Set(SignatureHeader, sig)
	}
	return r
}

func TestWebhookHandler(t *testing.T) {
	t.Parallel()
	signed := func(body string) string { return whHMAC(body, whSecret) }
	huge := `{"type": "notification_event", "topic": "ping", "pad": "` + strings.Repeat("x", int(DefaultMaxWebhookBodyBytes)) + `"}`

	tests := []struct {
		name      string
		req       *http.Request
		chunked   bool
		status    int
		wantCall  bool
		fnErr     error
		checkResp func(t *testing.T, rec *httptest.ResponseRecorder)
	}{
		{name: "ping", req: whRequest("POST", whPing, signed(whPing)), status: 200, wantCall: true},
		{name: "conversation", req: whRequest("POST", whConversationUserCreated, signed(whConversationUserCreated)), status: 200, wantCall: true},
		{name: "unknown topic", req: whRequest("POST", whArticleCreated, signed(whArticleCreated)), status: 200, wantCall: true},
		{name: "wrong secret", req: whRequest("POST", whPing, whHMAC(whPing, "other-secret")), status: 401},
		{name: "tampered body", req: whRequest("POST", strings.Replace(whPing, "interzen", "intruder", 1), signed(whPing)), status: 401},
		{name: "missing header", req: whRequest("POST", whPing, "-"), status: 401},
		{name: "empty header", req: whRequest("POST", whPing, ""), status: 401},
		{name: "malformed header", req: whRequest("POST", whPing, "sha1=not-hex"), status: 401},
		{name: "sha256 header", req: whRequest("POST", whPing, "sha256="+strings.Repeat("0", 64)), status: 401},
		{name: "two headers", req: func() *http.Request {
			r := whRequest("POST", whPing, signed(whPing))
			r.Header.Add(SignatureHeader, signed(whPing))
			return r
		}(), status: 401},
		{name: "GET", req: whRequest("GET", "", "-"), status: 405, checkResp: func(t *testing.T, rec *httptest.ResponseRecorder) {
			if got := rec.Header().Get("Allow"); got != "POST, HEAD" {
				t.Errorf("Allow = %q", got)
			}
		}},
		{name: "PUT", req: whRequest("PUT", whPing, signed(whPing)), status: 405},
		{name: "HEAD (URL validation)", req: whRequest("HEAD", "", "-"), status: 200},
		{name: "oversized with length", req: whRequest("POST", huge, signed(huge)), status: 413},
		{name: "oversized chunked", req: whRequest("POST", huge, signed(huge)), chunked: true, status: 413},
		{name: "signed but not JSON", req: whRequest("POST", "topic=ping", signed("topic=ping")), status: 400},
		{name: "signed JSON without topic", req: whRequest("POST", `{"type":"notification_event"}`, signed(`{"type":"notification_event"}`)), status: 400},
		{name: "fn error", req: whRequest("POST", whTicketCreated, signed(whTicketCreated)), status: 500, wantCall: true, fnErr: errors.New("database down")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var called atomic.Int32
			var got *Notification
			h := WebhookHandler(whSecret, func(ctx context.Context, n *Notification) error {
				called.Add(1)
				got = n
				if ctx == nil {
					t.Error("nil context")
				}
				return tc.fnErr
			})
			if tc.chunked {
				tc.req.ContentLength = -1
				tc.req.Body = io.NopCloser(tc.req.Body) // hide the length
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, tc.req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d (body %q)", rec.Code, tc.status, rec.Body.String())
			}
			if c := called.Load(); (c == 1) != tc.wantCall || c > 1 {
				t.Fatalf("fn called %d times, want call %v", c, tc.wantCall)
			}
			if tc.wantCall && (got == nil || got.Topic == "") {
				t.Fatalf("fn got %+v", got)
			}
			if tc.status == 500 && strings.Contains(rec.Body.String(), "database down") {
				t.Fatal("the handler's error leaked into the response")
			}
			if tc.checkResp != nil {
				tc.checkResp(t, rec)
			}
		})
	}
}

func TestWebhookHandlerDecodesForFn(t *testing.T) {
	t.Parallel()
	var topic WebhookTopic
	var conv *Conversation
	h := WebhookHandler(whSecret, func(ctx context.Context, n *Notification) error {
		topic = n.Topic
		var err error
		conv, err = n.Conversation()
		return err
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(whConversationAdminReplied))
	req.Header.Set(SignatureHeader, whHMAC(whConversationAdminReplied, whSecret))
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || topic != TopicConversationAdminReplied || conv == nil || conv.ID != "147" {
		t.Fatalf("status %d topic %q conversation %+v", resp.StatusCode, topic, conv)
	}
}

func TestWebhookHandlerMaxBodyOption(t *testing.T) {
	t.Parallel()
	h := WebhookHandler(whSecret, func(context.Context, *Notification) error { return nil }, WithWebhookMaxBodyBytes(64))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, whRequest("POST", whPing, whHMAC(whPing, whSecret)))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", rec.Code)
	}
	small := `{"topic":"ping","data":{"item":{"type":"ping"}}}`
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, whRequest("POST", small, whHMAC(small, whSecret)))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", rec.Code)
	}

	// Larger limits accept larger bodies; n <= 0 restores the default.
	big := `{"topic":"ping","pad":"` + strings.Repeat("y", 2<<20) + `"}`
	for _, tc := range []struct {
		opt  WebhookOption
		want int
	}{{WithWebhookMaxBodyBytes(4 << 20), 200}, {WithWebhookMaxBodyBytes(0), 413}, {nil, 413}} {
		h := WebhookHandler(whSecret, func(context.Context, *Notification) error { return nil }, tc.opt)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, whRequest("POST", big, whHMAC(big, whSecret)))
		if rec.Code != tc.want {
			t.Fatalf("status %d, want %d", rec.Code, tc.want)
		}
	}
}

func TestWebhookHandlerLogging(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := WebhookHandler(whSecret, func(_ context.Context, n *Notification) error {
		if n.Topic == TopicTicketCreated {
			return errors.New("queue full")
		}
		return nil
	}, WithWebhookLogger(logger))
	good := whHMAC(whConversationUserCreated, whSecret)
	for _, r := range []*http.Request{
		whRequest("POST", whConversationUserCreated, good),
		whRequest("POST", whConversationUserCreated, whHMAC(whConversationUserCreated, "wrong")),
		whRequest("POST", whPing, "-"),
		whRequest("POST", whTicketCreated, whHMAC(whTicketCreated, whSecret)),
		whRequest("GET", "", "-"),
	} {
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	out := buf.String()
	for _, want := range []string{
		"level=DEBUG", "topic=conversation.user.created", "notification_id=notif_2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
		"level=WARN", "status=401", "does not match", "missing",
		"level=ERROR", "status=500", "queue full", "status=405",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, secretish := range []string{whSecret, strings.TrimPrefix(good, "sha1="), "Ada Lovelace", "can't log in"} {
		if strings.Contains(out, secretish) {
			t.Errorf("log contains %q:\n%s", secretish, out)
		}
	}
}

func TestWebhookHandlerPanicsOnMisconfiguration(t *testing.T) {
	t.Parallel()
	fn := func(context.Context, *Notification) error { return nil }
	for name, build := range map[string]func(){
		"empty secret": func() { WebhookHandler("", fn) },
		"nil fn":       func() { WebhookHandler(whSecret, nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			build()
		}()
	}
}

func FuzzParseSignature(f *testing.F) {
	body := []byte(whPing)
	valid := SignWebhook(body, whSecret)
	for _, s := range []string{valid, strings.ToUpper(valid), "", "sha1=", "sha1=zz", "sha256=00", valid + " ", " " + valid[:20]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		sig, err := ParseSignature(header)
		if err != nil {
			if sig != nil {
				t.Fatalf("ParseSignature(%q) returned %x with error %v", header, sig, err)
			}
			n := 0
			for _, s := range []error{ErrSignatureMissing, ErrSignatureMalformed, ErrSignatureMismatch} {
				if errors.Is(err, s) {
					n++
				}
			}
			if n != 1 || errors.Is(err, ErrSignatureMismatch) {
				t.Fatalf("ParseSignature(%q) error %v matches %d sentinels", header, err, n)
			}
			if vErr := VerifySignature(body, header, whSecret); vErr == nil {
				t.Fatalf("VerifySignature accepted %q that ParseSignature rejects", header)
			}
			return
		}
		if len(sig) != sha1.Size {
			t.Fatalf("ParseSignature(%q) = %d bytes", header, len(sig))
		}
		// What was accepted is "sha1=" and the hex of sig, give or take case and space.
		if want := "sha1=" + hex.EncodeToString(sig); !strings.EqualFold(strings.TrimSpace(header), want) {
			t.Fatalf("ParseSignature(%q) = %x, which prints as %s", header, sig, want)
		}
		// Verification agrees with a direct comparison.
		vErr := VerifySignature(body, header, whSecret)
		same := hmac.Equal(sig, mustDecodeHex(t, strings.TrimPrefix(valid, "sha1=")))
		if same != (vErr == nil) || (!same && !errors.Is(vErr, ErrSignatureMismatch)) {
			t.Fatalf("VerifySignature(%q) = %v, same digest %v", header, vErr, same)
		}
	})
}

func mustDecodeHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
