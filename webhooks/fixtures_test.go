package webhooks

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"testing"
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
