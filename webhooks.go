package intercom

// Webhooks: Intercom POSTs a notification to your endpoint for every event of
// the topics you subscribe to, signed with your app's client secret. This
// file verifies the signature (VerifySignature, ParseSignature), decodes the
// envelope (ParseNotification, Notification) and its item by topic
// (Notification.Conversation, .Contact, .Ticket, …), and puts it all together
// in an http.Handler (WebhookHandler).

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// SignatureHeader is the request header in which Intercom sends the
// signature of a webhook notification: "sha1=" followed by the hex HMAC-SHA1
// of the raw body, keyed with the app's client secret.
const SignatureHeader = "X-Hub-Signature"

// signaturePrefix starts every signature; the algorithm name is matched
// without regard to case.
const signaturePrefix = "sha1="

// DefaultMaxWebhookBodyBytes is the largest notification body WebhookHandler
// reads unless WithWebhookMaxBodyBytes says otherwise (1 MiB). Conversations
// with many long parts can exceed it; raise it if you subscribe to them.
const DefaultMaxWebhookBodyBytes int64 = 1 << 20

// Sentinel errors of webhook handling, for use with errors.Is.
var (
	// ErrSignatureMissing matches a request without an X-Hub-Signature header
	// (or with an empty one).
	ErrSignatureMissing = errors.New("intercom: webhook signature missing")
	// ErrSignatureMalformed matches a signature header that is not
	// "sha1=" followed by 40 hex digits.
	ErrSignatureMalformed = errors.New("intercom: webhook signature malformed")
	// ErrSignatureMismatch matches a well-formed signature that is not the
	// body's: the wrong secret, or a body changed in transit.
	ErrSignatureMismatch = errors.New("intercom: webhook signature does not match the body")
	// ErrInvalidNotification matches a body that is not a notification (not
	// a JSON object, or one without a topic), or a notification without the
	// item its topic announces.
	ErrInvalidNotification = errors.New("intercom: invalid webhook notification")
	// ErrTopicMismatch matches the error of a Notification accessor called on
	// a notification whose topic does not carry that object, such as
	// Conversation on a "contact.user.created" notification.
	ErrTopicMismatch = errors.New("intercom: notification topic does not carry the requested object")
)

// SignatureError is returned when a notification's signature cannot be
// accepted. Err is ErrSignatureMissing, ErrSignatureMalformed or
// ErrSignatureMismatch, so errors.Is tells the cases apart. The message never
// contains the secret or the expected signature.
type SignatureError struct {
	// Err is the sentinel of the failure.
	Err error
	// Reason adds detail, such as "has 38 characters after sha1=, want 40 hex digits".
	Reason string
}

// Error describes the failure.
func (e *SignatureError) Error() string {
	if e.Reason == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + ": " + e.Reason
}

// Unwrap returns the sentinel.
func (e *SignatureError) Unwrap() error { return e.Err }

func newSignatureError(sentinel error, reason string) error {
	return &SignatureError{Err: sentinel, Reason: reason}
}

// ParseSignature decodes the value of an X-Hub-Signature header into the
// 20-byte HMAC-SHA1 digest it carries. Surrounding white space is ignored,
// as are the case of "sha1" and of the hex digits. An empty header is
// ErrSignatureMissing; anything but "sha1=" and 40 hex digits is
// ErrSignatureMalformed (both wrapped in a *SignatureError).
func ParseSignature(header string) ([]byte, error) {
	h := strings.TrimSpace(header)
	if h == "" {
		return nil, newSignatureError(ErrSignatureMissing, "no "+SignatureHeader+" header")
	}
	if !hasPrefixFoldASCII(h, signaturePrefix) {
		if i := strings.IndexByte(h, '='); i > 0 && i <= 16 {
			return nil, newSignatureError(ErrSignatureMalformed, "the algorithm is not sha1")
		}
		return nil, newSignatureError(ErrSignatureMalformed, "does not start with "+signaturePrefix)
	}
	digits := h[len(signaturePrefix):]
	if len(digits) != 2*sha1.Size {
		return nil, newSignatureError(ErrSignatureMalformed,
			fmt.Sprintf("has %d characters after %s, want %d hex digits", len(digits), signaturePrefix, 2*sha1.Size))
	}
	sig := make([]byte, sha1.Size)
	if _, err := hex.Decode(sig, []byte(digits)); err != nil {
		return nil, newSignatureError(ErrSignatureMalformed, "is not hexadecimal after "+signaturePrefix)
	}
	return sig, nil
}

// hasPrefixFoldASCII reports whether s starts with prefix (lower-case ASCII),
// ignoring the case of ASCII letters only.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// VerifySignature checks that header (the X-Hub-Signature value) is the
// signature of body under secret, the app's client secret from the
// Developer Hub (Basic Info page). body must be the raw request body, byte
// for byte: verify before decoding it. The comparison takes constant time.
//
// It returns nil when the signature matches, a *SignatureError matching
// ErrSignatureMissing, ErrSignatureMalformed or ErrSignatureMismatch
// otherwise, and an *InvalidRequestError when secret is empty (an empty key
// would let anyone sign).
func VerifySignature(body []byte, header, secret string) error {
	if secret == "" {
		return invalid("secret", "is empty (use the app's client secret)")
	}
	got, err := ParseSignature(header)
	if err != nil {
		return err
	}
	if !hmac.Equal(webhookSignatureOf(body, secret), got) {
		return newSignatureError(ErrSignatureMismatch, "")
	}
	return nil
}

// SignWebhook returns the X-Hub-Signature value Intercom would send for body
// under secret: "sha1=" and the hex HMAC-SHA1. Use it to test your receiver.
func SignWebhook(body []byte, secret string) string {
	return signaturePrefix + hex.EncodeToString(webhookSignatureOf(body, secret))
}

func webhookSignatureOf(body []byte, secret string) []byte {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write(body)
	return mac.Sum(nil)
}

// WebhookTopic names the event a notification reports, such as
// "conversation.user.created". Unknown topics decode as-is.
type WebhookTopic string

// Family returns the topic up to its first dot: "conversation" for
// "conversation.admin.replied", "conversation_part" for
// "conversation_part.redacted", "ping" for "ping".
func (t WebhookTopic) Family() string {
	s := string(t)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i]
	}
	return s
}

// The ping topic: Intercom sends it when you press "Send a test request" on
// the webhook page and from time to time. It is always subscribed.
const TopicPing WebhookTopic = "ping"

// Admin topics; the item is an Admin (Notification.Admin), except for
// TopicAdminActivityLogEventCreated whose item is an activity log entry.
const (
	TopicAdminAddedToWorkspace        WebhookTopic = "admin.added_to_workspace"
	TopicAdminAwayModeUpdated         WebhookTopic = "admin.away_mode_updated"
	TopicAdminActivityLogEventCreated WebhookTopic = "admin.activity_log_event.created"
	TopicAdminRemovedFromWorkspace    WebhookTopic = "admin.removed_from_workspace"
	TopicAdminLoggedIn                WebhookTopic = "admin.logged_in"
	TopicAdminLoggedOut               WebhookTopic = "admin.logged_out"
)

// Company topics; the item is a Company (Notification.Company), or for the
// attach and detach topics a company and a contact (Notification.Company and
// Notification.Contact).
const (
	TopicCompanyCreated         WebhookTopic = "company.created"
	TopicCompanyUpdated         WebhookTopic = "company.updated"
	TopicCompanyDeleted         WebhookTopic = "company.deleted"
	TopicCompanyContactAttached WebhookTopic = "company.contact.attached"
	TopicCompanyContactDetached WebhookTopic = "company.contact.detached"
)

// Contact topics; the item is a Contact (Notification.Contact), a contact
// tag for the tag topics (Notification.ContactTag, .Tag and .Contact), or a
// subscription change holding the contact for TopicContactSubscribed and
// TopicContactUnsubscribed (Notification.Contact).
const (
	TopicContactArchived       WebhookTopic = "contact.archived"
	TopicContactUnarchived     WebhookTopic = "contact.unarchive" // sic
	TopicContactDeleted        WebhookTopic = "contact.deleted"
	TopicContactMerged         WebhookTopic = "contact.merged"
	TopicContactEmailUpdated   WebhookTopic = "contact.email.updated"
	TopicContactSubscribed     WebhookTopic = "contact.subscribed"
	TopicContactUnsubscribed   WebhookTopic = "contact.unsubscribed"
	TopicContactUserCreated    WebhookTopic = "contact.user.created"
	TopicContactUserUpdated    WebhookTopic = "contact.user.updated"
	TopicContactUserTagCreated WebhookTopic = "contact.user.tag.created"
	TopicContactUserTagDeleted WebhookTopic = "contact.user.tag.deleted"
	TopicContactLeadCreated    WebhookTopic = "contact.lead.created"
	TopicContactLeadUpdated    WebhookTopic = "contact.lead.updated"
	TopicContactLeadAddedEmail WebhookTopic = "contact.lead.added_email"
	TopicContactLeadSignedUp   WebhookTopic = "contact.lead.signed_up"
	TopicContactLeadTagCreated WebhookTopic = "contact.lead.tag.created"
	TopicContactLeadTagDeleted WebhookTopic = "contact.lead.tag.deleted"
)

// Conversation topics; the item is a Conversation
// (Notification.Conversation), except for the contact attach and detach
// topics whose item holds the contact (Notification.Contact) and an internal
// record of the conversation that is not the API's model.
const (
	TopicConversationUserCreated        WebhookTopic = "conversation.user.created"
	TopicConversationUserReplied        WebhookTopic = "conversation.user.replied"
	TopicConversationAdminReplied       WebhookTopic = "conversation.admin.replied"
	TopicConversationAdminSingleCreated WebhookTopic = "conversation.admin.single.created"
	TopicConversationAdminAssigned      WebhookTopic = "conversation.admin.assigned"
	TopicConversationAdminOpenAssigned  WebhookTopic = "conversation.admin.open.assigned"
	TopicConversationAdminNoted         WebhookTopic = "conversation.admin.noted"
	TopicConversationAdminClosed        WebhookTopic = "conversation.admin.closed"
	TopicConversationAdminOpened        WebhookTopic = "conversation.admin.opened"
	TopicConversationAdminSnoozed       WebhookTopic = "conversation.admin.snoozed"
	TopicConversationAdminUnsnoozed     WebhookTopic = "conversation.admin.unsnoozed"
	TopicConversationOperatorReplied    WebhookTopic = "conversation.operator.replied"
	TopicConversationPriorityUpdated    WebhookTopic = "conversation.priority.updated"
	TopicConversationRatingAdded        WebhookTopic = "conversation.rating.added"
	TopicConversationRead               WebhookTopic = "conversation.read"
	TopicConversationDeleted            WebhookTopic = "conversation.deleted"
	TopicConversationContactAttached    WebhookTopic = "conversation.contact.attached"
	TopicConversationContactDetached    WebhookTopic = "conversation.contact.detached"
	TopicConversationPartRedacted       WebhookTopic = "conversation_part.redacted"
	TopicConversationPartTagCreated     WebhookTopic = "conversation_part.tag.created"
)

// Ticket topics; the item is a Ticket (Notification.Ticket).
const (
	TopicTicketCreated          WebhookTopic = "ticket.created"
	TopicTicketStateUpdated     WebhookTopic = "ticket.state.updated"
	TopicTicketNoteCreated      WebhookTopic = "ticket.note.created"
	TopicTicketAdminAssigned    WebhookTopic = "ticket.admin.assigned"
	TopicTicketTeamAssigned     WebhookTopic = "ticket.team.assigned"
	TopicTicketContactAttached  WebhookTopic = "ticket.contact.attached"
	TopicTicketContactDetached  WebhookTopic = "ticket.contact.detached"
	TopicTicketAttributeUpdated WebhookTopic = "ticket.attribute.updated"
	TopicTicketAdminReplied     WebhookTopic = "ticket.admin.replied"
	TopicTicketContactReplied   WebhookTopic = "ticket.contact.replied"
	TopicTicketClosed           WebhookTopic = "ticket.closed"
	TopicTicketRatingProvided   WebhookTopic = "ticket.rating.provided"
)

// TopicVisitorSignedUp reports a visitor converted to a user; the item is the
// Visitor (Notification.Visitor).
const TopicVisitorSignedUp WebhookTopic = "visitor.signed_up"

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
	ID ID `json:"id,omitempty"`
	// Topic is the event, such as "conversation.user.created".
	Topic WebhookTopic `json:"topic"`
	// AppID is the id of the workspace the event happened in.
	AppID string `json:"app_id,omitempty"`
	// CreatedAt is when the notification was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// DeliveryStatus is the delivery state when the notification was sent,
	// such as "pending"; often empty.
	DeliveryStatus string `json:"delivery_status,omitempty"`
	// DeliveryAttempts is how many times delivery has been attempted,
	// counting this one.
	DeliveryAttempts int `json:"delivery_attempts,omitempty"`
	// DeliveredAt is when the notification was delivered; zero until then.
	DeliveredAt Timestamp `json:"delivered_at,omitempty"`
	// FirstSentAt is when delivery was first attempted.
	FirstSentAt Timestamp `json:"first_sent_at,omitempty"`
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
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// Tag is the tag added or removed.
	Tag Tag `json:"tag,omitzero"`
	// Contact is the contact tagged or untagged.
	Contact Contact `json:"contact,omitzero"`
}

// ParseNotification decodes a notification body. It does not verify the
// signature: call VerifySignature on the same bytes first. A body that is
// not a JSON object with a topic is an error matching ErrInvalidNotification;
// an unknown topic is not an error.
func ParseNotification(body []byte) (*Notification, error) {
	var w notificationWire
	if err := decodeWebhookJSON(body, &w, webhookEnvelopeOpaqueKeys, nil); err != nil {
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

// DecodeItem decodes the notification's item into v (a pointer), with the
// same tolerance as the accessors: timestamps sent as RFC 3339 strings (as
// Intercom does for contacts, companies and visitors in webhooks) decode
// into Timestamp fields. Use it for topics the SDK does not model.
func (n *Notification) DecodeItem(v any) error {
	if isEmptyWebhookItem(n.Data.Item) {
		return fmt.Errorf("%w: topic %q has no item", ErrInvalidNotification, n.Topic)
	}
	return decodeWebhookJSON(n.Data.Item, v, nil, nil)
}

// Ping returns the item of a "ping" notification.
func (n *Notification) Ping() (*Ping, error) { return notificationObject[Ping](n, notifObjPing) }

// Conversation returns the conversation of a "conversation.*" or
// "conversation_part.*" notification (except "conversation.contact.*",
// whose item is not a conversation: use Contact).
func (n *Notification) Conversation() (*Conversation, error) {
	return notificationObject[Conversation](n, notifObjConversation)
}

// Contact returns the contact of a notification: the item of "contact.*"
// topics, or the contact the item pairs with a tag ("contact.*.tag.*"), a
// subscription change ("contact.subscribed", "contact.unsubscribed"), a
// company ("company.contact.*") or a conversation ("conversation.contact.*").
// Deletion topics carry only identifying fields.
func (n *Notification) Contact() (*Contact, error) {
	return notificationObject[Contact](n, notifObjContact)
}

// ContactTag returns the item of a contact tag notification
// ("contact.user.tag.created", "contact.lead.tag.deleted", …).
func (n *Notification) ContactTag() (*ContactTag, error) {
	return notificationObject[ContactTag](n, notifObjContactTag)
}

// Tag returns the tag added or removed by a contact tag notification.
func (n *Notification) Tag() (*Tag, error) { return notificationObject[Tag](n, notifObjTag) }

// Company returns the company of a "company.*" notification (for
// "company.contact.*", the company the contact was attached to or detached
// from). Deletion topics carry only identifying fields.
func (n *Notification) Company() (*Company, error) {
	return notificationObject[Company](n, notifObjCompany)
}

// Ticket returns the ticket of a "ticket.*" notification.
func (n *Notification) Ticket() (*Ticket, error) {
	return notificationObject[Ticket](n, notifObjTicket)
}

// Visitor returns the visitor of a "visitor.*" notification (for
// "visitor.signed_up", the visitor who became a user; its Type is "user").
func (n *Notification) Visitor() (*Visitor, error) {
	return notificationObject[Visitor](n, notifObjVisitor)
}

// Admin returns the admin of an "admin.*" notification, except
// "admin.activity_log_event.created" (decode its item with DecodeItem into
// an ActivityLog).
func (n *Notification) Admin() (*Admin, error) { return notificationObject[Admin](n, notifObjAdmin) }

// TopicMismatchError is returned by a Notification accessor called on a
// notification whose topic does not carry the object asked for. It matches
// ErrTopicMismatch.
type TopicMismatchError struct {
	// Topic is the notification's topic.
	Topic WebhookTopic
	// Want is the object asked for, such as "conversation".
	Want string
	// Carries lists the objects the topic does carry, such as
	// ["contact_tag" "contact" "tag"]; empty when the SDK does not model the
	// topic (its item is still in Data.Item).
	Carries []string
}

// Error names the topic, the object asked for and those it carries.
func (e *TopicMismatchError) Error() string {
	if len(e.Carries) == 0 {
		return fmt.Sprintf("intercom: notification topic %q is not one the SDK models, so it carries no %s (decode Data.Item)", e.Topic, e.Want)
	}
	return fmt.Sprintf("intercom: notification topic %q carries %s, not %s", e.Topic, strings.Join(e.Carries, ", "), e.Want)
}

// Is matches ErrTopicMismatch.
func (e *TopicMismatchError) Is(target error) bool { return target == ErrTopicMismatch }

// The objects a notification can carry, named as in TopicMismatchError.
const (
	notifObjPing         = "ping"
	notifObjConversation = "conversation"
	notifObjContact      = "contact"
	notifObjContactTag   = "contact_tag"
	notifObjTag          = "tag"
	notifObjCompany      = "company"
	notifObjTicket       = "ticket"
	notifObjVisitor      = "visitor"
	notifObjAdmin        = "admin"
)

// topicObject is an object a topic carries: the item itself (member "") or one
// of the item's members.
type topicObject struct{ object, member string }

// topicObjects returns what the item of a topic carries; nil for topics the
// SDK does not model.
func topicObjects(t WebhookTopic) []topicObject {
	s := string(t)
	parts := strings.Split(s, ".")
	switch parts[0] {
	case "ping":
		if s == "ping" {
			return []topicObject{{notifObjPing, ""}}
		}
	case "conversation", "conversation_part":
		if len(parts) > 1 && parts[0] == "conversation" && parts[1] == "contact" {
			return []topicObject{{notifObjContact, "contact"}}
		}
		return []topicObject{{notifObjConversation, ""}}
	case "contact":
		for _, p := range parts[1:] {
			if p == "tag" {
				return []topicObject{{notifObjContactTag, ""}, {notifObjContact, "contact"}, {notifObjTag, "tag"}}
			}
		}
		if t == TopicContactSubscribed || t == TopicContactUnsubscribed {
			return []topicObject{{notifObjContact, "contact"}}
		}
		return []topicObject{{notifObjContact, ""}}
	case "company":
		if len(parts) > 1 && parts[1] == "contact" {
			return []topicObject{{notifObjCompany, "company"}, {notifObjContact, "contact"}}
		}
		return []topicObject{{notifObjCompany, ""}}
	case "ticket":
		return []topicObject{{notifObjTicket, ""}}
	case "visitor":
		return []topicObject{{notifObjVisitor, ""}}
	case "admin":
		if t != TopicAdminActivityLogEventCreated {
			return []topicObject{{notifObjAdmin, ""}}
		}
	}
	return nil
}

// notificationObject decodes object from the notification's item.
func notificationObject[T any](n *Notification, object string) (*T, error) {
	objs := topicObjects(n.Topic)
	member, found := "", false
	for _, c := range objs {
		if c.object == object {
			member, found = c.member, true
			break
		}
	}
	if !found {
		e := &TopicMismatchError{Topic: n.Topic, Want: object}
		for _, c := range objs {
			e.Carries = append(e.Carries, c.object)
		}
		return nil, e
	}
	raw := n.Data.Item
	if isEmptyWebhookItem(raw) {
		return nil, fmt.Errorf("%w: topic %q has no item", ErrInvalidNotification, n.Topic)
	}
	if member != "" {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("intercom: decoding the item of notification topic %q: %w", n.Topic, err)
		}
		raw = m[member]
		if isEmptyWebhookItem(raw) {
			return nil, fmt.Errorf("%w: the item of topic %q has no %s", ErrInvalidNotification, n.Topic, member)
		}
	}
	var fix func(map[string]any) bool
	if object == notifObjAdmin {
		fix = fixWebhookAdminAvatar
	}
	v := new(T)
	if err := decodeWebhookJSON(raw, v, nil, fix); err != nil {
		return nil, fmt.Errorf("intercom: decoding the %s of notification topic %q: %w", object, n.Topic, err)
	}
	return v, nil
}

func isEmptyWebhookItem(b json.RawMessage) bool {
	b = bytes.TrimSpace(b)
	return len(b) == 0 || string(b) == "null"
}

// webhookEnvelopeOpaqueKeys are the envelope keys left alone when adapting its
// shape: the item is kept as sent.
var webhookEnvelopeOpaqueKeys = map[string]bool{"data": true, "links": true}

// webhookFreeFormKeys hold customer data, never adapted.
var webhookFreeFormKeys = map[string]bool{"custom_attributes": true, "metadata": true, "ticket_attributes": true}

// decodeWebhookJSON decodes b into v. When that fails, it adapts the shapes in
// which webhooks differ from the REST API (see adaptWebhookShapes), applies fix to
// the top-level object, and decodes again; the first error is returned when
// nothing was adapted.
func decodeWebhookJSON(b []byte, v any, opaque map[string]bool, fix func(map[string]any) bool) error {
	err := json.Unmarshal(b, v)
	if err == nil {
		return nil
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var tree any
	if d.Decode(&tree) != nil {
		return err
	}
	changed := adaptWebhookShapes(tree, opaque)
	if m, ok := tree.(map[string]any); ok && fix != nil && fix(m) {
		changed = true
	}
	if !changed {
		return err
	}
	adapted, mErr := json.Marshal(tree)
	if mErr != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero() // drop what the failed attempt filled in
	}
	return json.Unmarshal(adapted, v)
}

// adaptWebhookShapes rewrites, in place, the shapes in which webhook items differ
// from the REST API's models, and reports whether it changed anything:
//
//   - timestamps (keys ending in _at, snoozed_until, waiting_since) sent as
//     RFC 3339 strings, digit strings or fractional numbers become Unix
//     seconds; empty strings become null;
//   - a ticket_state object (newer API versions) becomes its category, with
//     its labels moved to ticket_state_internal_label and
//     ticket_state_external_label.
//
// Free-form objects (custom attributes, metadata, ticket attributes) and the
// keys in opaque are left alone.
func adaptWebhookShapes(v any, opaque map[string]bool) bool {
	changed := false
	switch t := v.(type) {
	case map[string]any:
		var extra map[string]any
		for k, val := range t {
			if webhookFreeFormKeys[k] || opaque[k] {
				continue
			}
			if isWebhookTimestampKey(k) {
				if nv, ok := adaptWebhookTimestamp(val); ok {
					t[k] = nv
					changed = true
					continue
				}
			}
			if k == "ticket_state" {
				if st, ok := val.(map[string]any); ok {
					t[k] = st["category"]
					for from, to := range map[string]string{"internal_label": "ticket_state_internal_label", "external_label": "ticket_state_external_label"} {
						if _, has := t[to]; !has && st[from] != nil {
							if extra == nil {
								extra = map[string]any{}
							}
							extra[to] = st[from]
						}
					}
					changed = true
					continue
				}
			}
			if adaptWebhookShapes(val, nil) {
				changed = true
			}
		}
		for k, val := range extra {
			t[k] = val
		}
	case []any:
		for _, e := range t {
			if adaptWebhookShapes(e, nil) {
				changed = true
			}
		}
	}
	return changed
}

func isWebhookTimestampKey(k string) bool {
	return strings.HasSuffix(k, "_at") || k == "snoozed_until" || k == "waiting_since"
}

// adaptWebhookTimestamp converts a timestamp sent in another form into Unix seconds.
func adaptWebhookTimestamp(v any) (any, bool) {
	switch t := v.(type) {
	case string:
		s := strings.TrimSpace(t)
		if s == "" {
			return nil, true
		}
		if isWebhookDigits(s) {
			return json.Number(s), true
		}
		if tm, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return json.Number(itoa(tm.Unix())), true
		}
	case json.Number:
		if isWebhookDigits(strings.TrimPrefix(string(t), "-")) {
			return nil, false
		}
		if f, err := t.Float64(); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) && math.Abs(f) < 1<<62 {
			return json.Number(itoa(int64(f))), true
		}
	}
	return nil, false
}

// isWebhookDigits reports whether s is 1 to 18 ASCII digits (fits an int64).
func isWebhookDigits(s string) bool {
	if s == "" || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fixWebhookAdminAvatar turns the avatar object webhooks send for admins into the
// image URL string of the Admin model.
func fixWebhookAdminAvatar(m map[string]any) bool {
	av, ok := m["avatar"].(map[string]any)
	if !ok {
		return false
	}
	m["avatar"] = av["image_url"]
	return true
}

// WebhookOption configures WebhookHandler.
type WebhookOption func(*webhookSettings)

type webhookSettings struct {
	maxBodyBytes int64
	logger       *slog.Logger
}

// WithWebhookMaxBodyBytes sets the largest body WebhookHandler accepts;
// larger requests are answered 413. n <= 0 restores
// DefaultMaxWebhookBodyBytes.
func WithWebhookMaxBodyBytes(n int64) WebhookOption {
	return func(s *webhookSettings) {
		if n <= 0 {
			n = DefaultMaxWebhookBodyBytes
		}
		s.maxBodyBytes = n
	}
}

// WithWebhookLogger logs every request WebhookHandler answers: rejections
// at Warn, handler errors at Error, accepted notifications at Debug. Only
// the status, the reason, the topic and the notification id are logged;
// never the secret, the signature or the body.
func WithWebhookLogger(l *slog.Logger) WebhookOption {
	return func(s *webhookSettings) { s.logger = l }
}

// WebhookHandler returns an http.Handler receiving Intercom webhook
// notifications. secret is the app's client secret (Developer Hub, Basic
// Info); fn is called with each notification whose signature is valid.
//
// It answers:
//   - 200 to a POST when fn returns nil, and to HEAD (Intercom validates the
//     endpoint URL with a HEAD request when you set it up);
//   - 405, with an Allow header, to other methods;
//   - 413 to a body larger than the limit (DefaultMaxWebhookBodyBytes, or
//     WithWebhookMaxBodyBytes);
//   - 400 when the body cannot be read or is not a notification;
//   - 401 when the X-Hub-Signature header is missing, malformed, repeated, or
//     not the body's signature (fn is not called);
//   - 500 when fn returns an error; Intercom then retries the notification.
//
// Intercom waits 5 seconds for an answer and then counts the delivery as
// failed: do slow work after returning (queue it), and deduplicate by
// Notification.ID, as deliveries can repeat. fn gets the request's context.
//
// WebhookHandler panics when secret is empty or fn is nil.
func WebhookHandler(secret string, fn func(ctx context.Context, n *Notification) error, opts ...WebhookOption) http.Handler {
	if secret == "" {
		panic("intercom: WebhookHandler needs the app's client secret")
	}
	if fn == nil {
		panic("intercom: WebhookHandler needs a non-nil fn")
	}
	h := &webhookHandler{secret: secret, fn: fn, cfg: webhookSettings{maxBodyBytes: DefaultMaxWebhookBodyBytes}}
	for _, o := range opts {
		if o != nil {
			o(&h.cfg)
		}
	}
	return h
}

type webhookHandler struct {
	secret string
	fn     func(context.Context, *Notification) error
	cfg    webhookSettings
}

// ServeHTTP answers one request as WebhookHandler documents.
func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
	case http.MethodHead:
		h.log(r.Context(), slog.LevelDebug, http.StatusOK, nil, nil)
		w.WriteHeader(http.StatusOK)
		return
	default:
		w.Header().Set("Allow", "POST, HEAD")
		h.fail(w, r, http.StatusMethodNotAllowed, fmt.Errorf("method %s not allowed", r.Method), nil)
		return
	}

	limit := h.cfg.maxBodyBytes
	if r.ContentLength > limit {
		h.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("body of %d bytes is over the %d-byte limit", r.ContentLength, limit), nil)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("body is over the %d-byte limit", limit), nil)
			return
		}
		h.fail(w, r, http.StatusBadRequest, fmt.Errorf("reading body: %w", err), nil)
		return
	}

	var sigErr error
	if vals := r.Header.Values(SignatureHeader); len(vals) > 1 {
		sigErr = newSignatureError(ErrSignatureMalformed, fmt.Sprintf("%d %s headers", len(vals), SignatureHeader))
	} else {
		sigErr = VerifySignature(body, r.Header.Get(SignatureHeader), h.secret)
	}
	if sigErr != nil {
		h.fail(w, r, http.StatusUnauthorized, sigErr, nil)
		return
	}

	n, err := ParseNotification(body)
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err, nil)
		return
	}
	if err := h.fn(r.Context(), n); err != nil {
		h.log(r.Context(), slog.LevelError, http.StatusInternalServerError, err, n)
		http.Error(w, "notification not processed", http.StatusInternalServerError)
		return
	}
	h.log(r.Context(), slog.LevelDebug, http.StatusOK, nil, n)
	w.WriteHeader(http.StatusOK)
}

// fail logs a rejected request and answers it with the status text.
func (h *webhookHandler) fail(w http.ResponseWriter, r *http.Request, status int, err error, n *Notification) {
	h.log(r.Context(), slog.LevelWarn, status, err, n)
	http.Error(w, http.StatusText(status), status)
}

func (h *webhookHandler) log(ctx context.Context, level slog.Level, status int, err error, n *Notification) {
	l := h.cfg.logger
	if l == nil || !l.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{slog.Int("status", status)}
	if n != nil {
		attrs = append(attrs, slog.String("topic", string(n.Topic)))
		if n.ID != "" {
			attrs = append(attrs, slog.String("notification_id", string(n.ID)))
		}
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.LogAttrs(ctx, level, "intercom webhook", attrs...)
}
