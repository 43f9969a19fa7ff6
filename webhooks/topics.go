package webhooks

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/go-intercom/intercom"
)

// Topic names the event a notification reports, such as
// "conversation.user.created". Unknown topics decode as-is.
type Topic string

// Family returns the topic up to its first dot: "conversation" for
// "conversation.admin.replied", "conversation_part" for
// "conversation_part.redacted", "ping" for "ping".
func (t Topic) Family() string {
	s := string(t)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i]
	}
	return s
}

// The ping topic: Intercom sends it when you press "Send a test request" on
// the webhook page and from time to time. It is always subscribed.
const TopicPing Topic = "ping"

// Admin topics; the item is an Admin (Notification.Admin), except for
// TopicAdminActivityLogEventCreated whose item is an activity log entry.
const (
	TopicAdminAddedToWorkspace        Topic = "admin.added_to_workspace"
	TopicAdminAwayModeUpdated         Topic = "admin.away_mode_updated"
	TopicAdminActivityLogEventCreated Topic = "admin.activity_log_event.created"
	TopicAdminRemovedFromWorkspace    Topic = "admin.removed_from_workspace"
	TopicAdminLoggedIn                Topic = "admin.logged_in"
	TopicAdminLoggedOut               Topic = "admin.logged_out"
)

// Company topics; the item is a Company (Notification.Company), or for the
// attach and detach topics a company and a contact (Notification.Company and
// Notification.Contact).
const (
	TopicCompanyCreated         Topic = "company.created"
	TopicCompanyUpdated         Topic = "company.updated"
	TopicCompanyDeleted         Topic = "company.deleted"
	TopicCompanyContactAttached Topic = "company.contact.attached"
	TopicCompanyContactDetached Topic = "company.contact.detached"
)

// Contact topics; the item is a Contact (Notification.Contact), a contact
// tag for the tag topics (Notification.ContactTag, .Tag and .Contact), or a
// subscription change holding the contact for TopicContactSubscribed and
// TopicContactUnsubscribed (Notification.Contact).
const (
	TopicContactArchived       Topic = "contact.archived"
	TopicContactUnarchived     Topic = "contact.unarchive" // sic
	TopicContactDeleted        Topic = "contact.deleted"
	TopicContactMerged         Topic = "contact.merged"
	TopicContactEmailUpdated   Topic = "contact.email.updated"
	TopicContactSubscribed     Topic = "contact.subscribed"
	TopicContactUnsubscribed   Topic = "contact.unsubscribed"
	TopicContactUserCreated    Topic = "contact.user.created"
	TopicContactUserUpdated    Topic = "contact.user.updated"
	TopicContactUserTagCreated Topic = "contact.user.tag.created"
	TopicContactUserTagDeleted Topic = "contact.user.tag.deleted"
	TopicContactLeadCreated    Topic = "contact.lead.created"
	TopicContactLeadUpdated    Topic = "contact.lead.updated"
	TopicContactLeadAddedEmail Topic = "contact.lead.added_email"
	TopicContactLeadSignedUp   Topic = "contact.lead.signed_up"
	TopicContactLeadTagCreated Topic = "contact.lead.tag.created"
	TopicContactLeadTagDeleted Topic = "contact.lead.tag.deleted"
)

// Conversation topics; the item is a Conversation
// (Notification.Conversation), except for the contact attach and detach
// topics whose item holds the contact (Notification.Contact) and an internal
// record of the conversation that is not the API's model.
const (
	TopicConversationUserCreated        Topic = "conversation.user.created"
	TopicConversationUserReplied        Topic = "conversation.user.replied"
	TopicConversationAdminReplied       Topic = "conversation.admin.replied"
	TopicConversationAdminSingleCreated Topic = "conversation.admin.single.created"
	TopicConversationAdminAssigned      Topic = "conversation.admin.assigned"
	TopicConversationAdminOpenAssigned  Topic = "conversation.admin.open.assigned"
	TopicConversationAdminNoted         Topic = "conversation.admin.noted"
	TopicConversationAdminClosed        Topic = "conversation.admin.closed"
	TopicConversationAdminOpened        Topic = "conversation.admin.opened"
	TopicConversationAdminSnoozed       Topic = "conversation.admin.snoozed"
	TopicConversationAdminUnsnoozed     Topic = "conversation.admin.unsnoozed"
	TopicConversationOperatorReplied    Topic = "conversation.operator.replied"
	TopicConversationPriorityUpdated    Topic = "conversation.priority.updated"
	TopicConversationRatingAdded        Topic = "conversation.rating.added"
	TopicConversationRead               Topic = "conversation.read"
	TopicConversationDeleted            Topic = "conversation.deleted"
	TopicConversationContactAttached    Topic = "conversation.contact.attached"
	TopicConversationContactDetached    Topic = "conversation.contact.detached"
	TopicConversationPartRedacted       Topic = "conversation_part.redacted"
	TopicConversationPartTagCreated     Topic = "conversation_part.tag.created"
)

// Ticket topics; the item is a Ticket (Notification.Ticket).
const (
	TopicTicketCreated          Topic = "ticket.created"
	TopicTicketStateUpdated     Topic = "ticket.state.updated"
	TopicTicketNoteCreated      Topic = "ticket.note.created"
	TopicTicketAdminAssigned    Topic = "ticket.admin.assigned"
	TopicTicketTeamAssigned     Topic = "ticket.team.assigned"
	TopicTicketContactAttached  Topic = "ticket.contact.attached"
	TopicTicketContactDetached  Topic = "ticket.contact.detached"
	TopicTicketAttributeUpdated Topic = "ticket.attribute.updated"
	TopicTicketAdminReplied     Topic = "ticket.admin.replied"
	TopicTicketContactReplied   Topic = "ticket.contact.replied"
	TopicTicketClosed           Topic = "ticket.closed"
	TopicTicketRatingProvided   Topic = "ticket.rating.provided"
)

// TopicVisitorSignedUp reports a visitor converted to a user; the item is the
// Visitor (Notification.Visitor).
const TopicVisitorSignedUp Topic = "visitor.signed_up"

// Ping returns the item of a "ping" notification.
func (n *Notification) Ping() (*Ping, error) { return notificationObject[Ping](n, notifObjPing) }

// Conversation returns the conversation of a "conversation.*" or
// "conversation_part.*" notification (except "conversation.contact.*",
// whose item is not a conversation: use Contact).
func (n *Notification) Conversation() (*intercom.Conversation, error) {
	return notificationObject[intercom.Conversation](n, notifObjConversation)
}

// Contact returns the contact of a notification: the item of "contact.*"
// topics, or the contact the item pairs with a tag ("contact.*.tag.*"), a
// subscription change ("contact.subscribed", "contact.unsubscribed"), a
// company ("company.contact.*") or a conversation ("conversation.contact.*").
// Deletion topics carry only identifying fields.
func (n *Notification) Contact() (*intercom.Contact, error) {
	return notificationObject[intercom.Contact](n, notifObjContact)
}

// ContactTag returns the item of a contact tag notification
// ("contact.user.tag.created", "contact.lead.tag.deleted", …).
func (n *Notification) ContactTag() (*ContactTag, error) {
	return notificationObject[ContactTag](n, notifObjContactTag)
}

// Tag returns the tag added or removed by a contact tag notification.
func (n *Notification) Tag() (*intercom.Tag, error) {
	return notificationObject[intercom.Tag](n, notifObjTag)
}

// Company returns the company of a "company.*" notification (for
// "company.contact.*", the company the contact was attached to or detached
// from). Deletion topics carry only identifying fields.
func (n *Notification) Company() (*intercom.Company, error) {
	return notificationObject[intercom.Company](n, notifObjCompany)
}

// Ticket returns the ticket of a "ticket.*" notification.
func (n *Notification) Ticket() (*intercom.Ticket, error) {
	return notificationObject[intercom.Ticket](n, notifObjTicket)
}

// Visitor returns the visitor of a "visitor.*" notification (for
// "visitor.signed_up", the visitor who became a user; its Type is "user").
func (n *Notification) Visitor() (*intercom.Visitor, error) {
	return notificationObject[intercom.Visitor](n, notifObjVisitor)
}

// Admin returns the admin of an "admin.*" notification, except
// "admin.activity_log_event.created" (decode its item with DecodeItem into
// an intercom.ActivityLog).
func (n *Notification) Admin() (*intercom.Admin, error) {
	return notificationObject[intercom.Admin](n, notifObjAdmin)
}

// ErrTopicMismatch matches the error of a Notification accessor called on a
// notification whose topic does not carry that object, such as Conversation
// on a "contact.user.created" notification.
var ErrTopicMismatch = errors.New("intercom: notification topic does not carry the requested object")

// TopicMismatchError is returned by a Notification accessor called on a
// notification whose topic does not carry the object asked for. It matches
// ErrTopicMismatch.
type TopicMismatchError struct {
	// Topic is the notification's topic.
	Topic Topic
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
func topicObjects(t Topic) []topicObject {
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
	if isEmptyItem(raw) {
		return nil, fmt.Errorf("%w: topic %q has no item", ErrInvalidNotification, n.Topic)
	}
	if member != "" {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("intercom: decoding the item of notification topic %q: %w", n.Topic, err)
		}
		raw = m[member]
		if isEmptyItem(raw) {
			return nil, fmt.Errorf("%w: the item of topic %q has no %s", ErrInvalidNotification, n.Topic, member)
		}
	}
	var fix func(map[string]any) bool
	if object == notifObjAdmin {
		fix = fixAdminAvatar
	}
	v := new(T)
	if err := decodeAdapted(raw, v, fix); err != nil {
		return nil, fmt.Errorf("intercom: decoding the %s of notification topic %q: %w", object, n.Topic, err)
	}
	return v, nil
}
