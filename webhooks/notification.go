package webhooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-intercom/intercom"
)

// ErrInvalidNotification matches a body that is not a notification (not a
// JSON object, or one without a topic), or a notification without the item
// its topic announces.
var ErrInvalidNotification = errors.New("intercom: invalid webhook notification")

// Notification is a webhook notification: the envelope Intercom POSTs for
// an event of a subscribed topic. The object the event is about is in
// Data.Item, raw; decode it with the accessor for the topic
// (Conversation, Contact, ContactTag, Tag, Company, Ticket, Visitor, Admin,
// Ping) or with DecodeItem. A topic the SDK does not know keeps its item in
// Data.Item and is not an error.
//
// Intercom delivers at least once: a notification may arrive again (after a
// timeout or an error answer), with the same ID.
type Notification struct {
	// Type is "notification_event".
	Type string `json:"type,omitempty"`
	// ID identifies the notification ("notif_…"); empty for pings.
	ID intercom.ID `json:"id,omitempty"`
	// Topic is the event, such as "conversation.user.created".
	Topic Topic `json:"topic"`
	// AppID is the id of the workspace the event happened in.
	AppID string `json:"app_id,omitempty"`
	// CreatedAt is when the notification was created.
	CreatedAt intercom.Timestamp `json:"created_at,omitempty"`
	// DeliveryStatus is the delivery state when the notification was sent,
	// such as "pending"; often empty.
	DeliveryStatus string `json:"delivery_status,omitempty"`
	// DeliveryAttempts is how many times delivery has been attempted,
	// counting this one.
	DeliveryAttempts int `json:"delivery_attempts,omitempty"`
	// DeliveredAt is when the notification was delivered; zero until then.
	DeliveredAt intercom.Timestamp `json:"delivered_at,omitempty"`
	// FirstSentAt is when delivery was first attempted.
	FirstSentAt intercom.Timestamp `json:"first_sent_at,omitempty"`
	// Self is the notification's URL at Intercom, when sent.
	Self string `json:"self,omitempty"`
	// Links holds related URLs, when sent (usually empty).
	Links map[string]any `json:"links,omitempty"`
	// Data holds the object the event is about.
	Data NotificationData `json:"data,omitzero"`
}

// NotificationData is the data of a notification.
type NotificationData struct {
	// Type is "notification_event_data".
	Type string `json:"type,omitempty"`
	// Item is the object the event is about, as sent; its "type" key says
	// what it is (see Notification.ItemType).
	Item json.RawMessage `json:"item,omitempty"`
}

// Ping is the item of a ping notification.
type Ping struct {
	// Type is "ping".
	Type string `json:"type,omitempty"`
	// Message is the text Intercom sent with the ping.
	Message string `json:"message,omitempty"`
}

// ContactTag is the item of the contact tag topics
// ("contact.user.tag.created", "contact.lead.tag.deleted", …): a tag added
// to or removed from a contact. It exists only in webhooks.
type ContactTag struct {
	// Type is "contact_tag".
	Type string `json:"type,omitempty"`
	// CreatedAt is when the contact tag object was created.
	CreatedAt intercom.Timestamp `json:"created_at,omitempty"`
	// Tag is the tag added or removed.
	Tag intercom.Tag `json:"tag,omitzero"`
	// Contact is the contact tagged or untagged.
	Contact intercom.Contact `json:"contact,omitzero"`
}

// ParseNotification decodes a notification body. It does not verify the
// signature: call VerifySignature on the same bytes first. A body that is
// not a JSON object with a topic is an error matching ErrInvalidNotification;
// an unknown topic is not an error.
func ParseNotification(body []byte) (*Notification, error) {
	var w notificationWire
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidNotification, err)
	}
	if w.Topic == "" {
		return nil, fmt.Errorf("%w: no topic", ErrInvalidNotification)
	}
	n := w.Notification
	// Links and Self are informational: a shape other than the documented
	// one leaves them empty rather than failing the notification.
	_ = json.Unmarshal(w.Links, &n.Links)
	_ = json.Unmarshal(w.Self, &n.Self)
	return &n, nil
}

// notificationWire decodes the envelope, keeping the informational keys raw.
type notificationWire struct {
	Notification
	// Links and Self shadow the Notification fields of the same keys.
	Links json.RawMessage `json:"links"`
	Self  json.RawMessage `json:"self"`
}

// ItemType returns the "type" key of the notification's item, such as
// "conversation", "contact_tag" or "ping"; empty when there is none.
func (n *Notification) ItemType() string {
	var t struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(n.Data.Item, &t) != nil {
		return ""
	}
	return t.Type
}

// DecodeItem decodes the notification's item into v (a pointer), adapting
// it as the accessors do for every topic (an admin's avatar object becomes
// its URL; a ticket_state object decodes into intercom.Ticket as it is, and
// becomes a category for a model that takes one). (Timestamps sent as RFC 3339
// strings, as Intercom does for contacts, companies and visitors in webhooks,
// decode into intercom.Timestamp fields by themselves.) Use it for topics the
// SDK does not model.
func (n *Notification) DecodeItem(v any) error {
	if isEmptyItem(n.Data.Item) {
		return fmt.Errorf("%w: topic %q has no item", ErrInvalidNotification, n.Topic)
	}
	return decodeAdapted(n.Data.Item, v, nil)
}

func isEmptyItem(b json.RawMessage) bool {
	b = bytes.TrimSpace(b)
	return len(b) == 0 || string(b) == "null"
}
