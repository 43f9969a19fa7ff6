package intercom

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

// MessageRequestType is the kind of message an admin sends. Requests say
// "in_app" where responses (MessageType) say "inapp".
type MessageRequestType string

// The kinds of message an admin can send.
const (
	MessageRequestInApp MessageRequestType = "in_app"
	MessageRequestEmail MessageRequestType = "email"
	// MessageRequestWhatsApp sends a WhatsApp template message: Template
	// names the template, Components fill it in, To.Phone is the number.
	// API 2.16 and later.
	MessageRequestWhatsApp MessageRequestType = "whatsapp"
)

// MessageTemplate is the style of an email message.
type MessageTemplate string

// The email templates.
const (
	MessageTemplatePlain    MessageTemplate = "plain"
	MessageTemplatePersonal MessageTemplate = "personal"
)

// MessageCreateRequest sends a message. An admin message (From.Type "admin"
// or empty) needs MessageType, Body, From.ID and To; an email also needs
// Subject and Template. A message from a contact (From.Type "user" or
// "lead", as in the spec's examples) needs only From and Body.
type MessageCreateRequest struct {
	// MessageType is in_app, email or (API 2.16 and later) whatsapp
	// (required for admin messages).
	MessageType MessageRequestType `json:"message_type,omitempty"`
	// Subject is the email's subject (required for emails).
	Subject string `json:"subject,omitempty"`
	// Body is the message's content, HTML or plain text (required).
	Body string `json:"body"`
	// Template is the email's style, plain or personal (required for
	// emails), or the name of a WhatsApp template (required for whatsapp).
	Template MessageTemplate `json:"template,omitempty"`
	// From is the sender (required).
	From MessageSender `json:"from"`
	// To is the recipient (required for admin messages).
	To MessageRecipient `json:"to"`
	// CreateConversationWithoutContactReply opens a conversation in the inbox
	// right away instead of when the contact replies.
	CreateConversationWithoutContactReply Opt[bool] `json:"create_conversation_without_contact_reply,omitzero"`
	// MoreTo are further recipients after To. API 2.14 and later, which take
	// a list of recipients: with MoreTo set, "to" is sent as the list of To
	// and MoreTo.
	MoreTo []MessageRecipient `json:"-"`
	// Cc are the message's CC recipients. API 2.14 and later.
	Cc []MessageRecipient `json:"cc,omitempty" intercom:"since=2.14"`
	// Bcc are the message's BCC recipients. API 2.14 and later.
	Bcc []MessageRecipient `json:"bcc,omitempty" intercom:"since=2.14"`
	// CreatedAt is the time the message was created; Intercom uses the
	// current time when it is zero. API 2.11 and later.
	CreatedAt Timestamp `json:"created_at,omitempty" intercom:"since=2.11"`
	// Components fill in a WhatsApp template's header, body and buttons, as
	// WhatsApp's API defines them (e.g. {"type": "BODY", "parameters":
	// [{"type": "text", "text": "…"}]}); required for whatsapp. API 2.16
	// and later.
	Components []map[string]any `json:"components,omitempty" intercom:"since=2.16"`
	// Locale is the language of the WhatsApp template, such as "en". API
	// 2.16 and later.
	Locale string `json:"locale,omitempty" intercom:"since=2.16"`
}

// bodyFor sends To and MoreTo as one list of recipients (API 2.14 and
// later); versions before 2.14 take a single recipient. A WhatsApp message
// (API 2.16 and later) goes to {"phone", "name"}, the phone number as the
// JSON number the description's example sends, and has no body unless one
// is set.
func (r MessageCreateRequest) bodyFor(version string) (any, error) {
	type fields MessageCreateRequest
	if r.MessageType == MessageRequestWhatsApp { // to.phone, a 2.16 field, is required
		return struct {
			fields
			Body string                 `json:"body,omitempty"`
			To   messageWhatsAppAddress `json:"to"`
		}{fields(r), r.Body, messageWhatsAppAddress{intBodyID(strings.TrimPrefix(r.To.Phone, "+")), r.To.Name}}, nil
	}
	if len(r.MoreTo) == 0 {
		return r, nil
	}
	if !takesShapeOf(version, from2_14) {
		return nil, &VersionError{APIVersion: version, Field: "to", Versions: from2_14.list()}
	}
	return struct {
		fields
		To []MessageRecipient `json:"to"`
	}{fields(r), append([]MessageRecipient{r.To}, r.MoreTo...)}, nil
}

// MessageSender is the sender of a message.
type MessageSender struct {
	// Type is "admin" (the default when empty), or "user" or "lead" for a
	// message from a contact.
	Type string
	// ID is the sender's id.
	ID string
}

// MarshalJSON writes {"type", "id"}; an admin's numeric id is sent as a
// JSON integer, as the endpoint's schema declares.
func (m MessageSender) MarshalJSON() ([]byte, error) {
	typ := m.Type
	if typ == "" {
		typ = "admin"
	}
	var id any = m.ID
	if typ == "admin" && messageNumericID(m.ID) {
		id = json.Number(m.ID)
	}
	return json.Marshal(struct {
		Type string `json:"type"`
		ID   any    `json:"id"`
	}{typ, id})
}

// messageNumericID reports whether s is a non-empty string of ASCII digits that
// fits JSON integers exactly (at most 15 digits).
func messageNumericID(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MessageRecipient is the contact a message is sent to, identified by ID
// (or, as Intercom also accepts, UserID or Email).
type MessageRecipient struct {
	// Type is the contact's role, user or lead (required).
	Type string `json:"type"`
	// ID is Intercom's id for the contact.
	ID string `json:"id,omitempty"`
	// UserID is the contact's user_id (external_id).
	UserID string `json:"user_id,omitempty"`
	// Email is the contact's email address.
	Email string `json:"email,omitempty"`
	// Phone is the phone number a WhatsApp message goes to, with its
	// country code (digits, an optional leading +); leave Type empty. API
	// 2.16 and later.
	Phone string `json:"phone,omitempty" intercom:"since=2.16"`
	// Name is the WhatsApp recipient's name. API 2.16 and later.
	Name string `json:"name,omitempty" intercom:"since=2.16"`
}

// messageWhatsAppAddress is the "to" of a WhatsApp message.
type messageWhatsAppAddress struct {
	Phone intBodyID `json:"phone"`
	Name  string    `json:"name,omitempty"`
}

// validate checks a recipient named field.
func (m MessageRecipient) validate(field string) error {
	if m.Type != "user" && m.Type != "lead" {
		return invalid(field+".type", "must be user or lead")
	}
	if m.ID == "" && m.UserID == "" && m.Email == "" {
		return invalid(field+".id", "is required (or "+field+".user_id, "+field+".email)")
	}
	return nil
}

// Validate checks the rules of email, in-app and WhatsApp messages.
func (r MessageCreateRequest) Validate() error {
	if r.MessageType == MessageRequestWhatsApp {
		return r.validateWhatsApp()
	}
	if r.Body == "" {
		return invalid("body", "is required")
	}
	if r.From.ID == "" {
		return invalid("from.id", "is required")
	}
	switch r.From.Type {
	case "", "admin":
	case "user", "lead", "contact":
		return nil // a message from a contact: no recipient or message type
	default:
		return invalid("from.type", "must be admin, user or lead")
	}
	switch r.MessageType {
	case MessageRequestInApp, MessageRequestEmail:
	case "":
		return invalid("message_type", "is required (in_app, email or whatsapp)")
	default:
		return invalid("message_type", "must be in_app, email or whatsapp")
	}
	if r.To == (MessageRecipient{}) {
		return invalid("to", "is required")
	}
	if err := r.To.validate("to"); err != nil {
		return err
	}
	for i, to := range r.MoreTo {
		if err := to.validate(fieldIndex("to", i+1)); err != nil {
			return err
		}
	}
	for i, to := range r.Cc {
		if err := to.validate(fieldIndex("cc", i)); err != nil {
			return err
		}
	}
	for i, to := range r.Bcc {
		if err := to.validate(fieldIndex("bcc", i)); err != nil {
			return err
		}
	}
	if r.MessageType == MessageRequestEmail {
		if r.Subject == "" {
			return invalid("subject", "is required for an email")
		}
		if r.Template == "" {
			return invalid("template", "is required for an email (plain or personal)")
		}
	}
	return nil
}

// validateWhatsApp checks a WhatsApp message: from an admin, to a phone
// number, with a template and its components.
func (r MessageCreateRequest) validateWhatsApp() error {
	switch {
	case r.From.ID == "":
		return invalid("from.id", "is required")
	case r.From.Type != "" && r.From.Type != "admin":
		return invalid("from.type", "must be admin for a whatsapp message")
	case r.To.Phone == "":
		return invalid("to.phone", "is required for a whatsapp message")
	case !isDigits(strings.TrimPrefix(r.To.Phone, "+")):
		return invalid("to.phone", "must be digits with the country code (an optional leading +)")
	case len(r.MoreTo) > 0:
		return invalid("to", "a whatsapp message has one recipient")
	case r.Template == "":
		return invalid("template", "is required for a whatsapp message (the template's name)")
	case len(r.Components) == 0:
		return invalid("components", "are required for a whatsapp message")
	}
	return nil
}

// Create sends a message: an in-app message or an email from an admin to a
// contact. The message becomes a conversation once the contact replies (or
// at once with CreateConversationWithoutContactReply).
// POST /messages (createMessage).
func (s *MessagesService) Create(ctx context.Context, req MessageCreateRequest, opts ...Option) (*Message, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Message](ctx, s.client, endpoint{method: http.MethodPost, path: "/messages", body: req}, opts)
}
