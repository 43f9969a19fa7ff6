package intercom

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// FinAgentStatus is Fin's state in a conversation.
type FinAgentStatus string

// The states of Fin in a conversation; it ends with FinComplete, when the
// conversation passes back to the client.
const (
	FinThinking          FinAgentStatus = "thinking"
	FinReplying          FinAgentStatus = "replying"
	FinAwaitingUserReply FinAgentStatus = "awaiting_user_reply"
	FinEscalated         FinAgentStatus = "escalated"
	FinResolved          FinAgentStatus = "resolved"
	FinComplete          FinAgentStatus = "complete"
)

// FinAgentAuthor is who wrote a message of a Fin conversation.
type FinAgentAuthor string

// The authors of Fin conversation messages.
const (
	FinAuthorUser  FinAgentAuthor = "user"
	FinAuthorAgent FinAgentAuthor = "agent"
	FinAuthorFin   FinAgentAuthor = "fin"
)

// FinCSATRating is a customer satisfaction rating.
type FinCSATRating string

// The CSAT ratings, worst to best.
const (
	FinCSATTerrible FinCSATRating = "terrible"
	FinCSATBad      FinCSATRating = "bad"
	FinCSATOK       FinCSATRating = "ok"
	FinCSATGood     FinCSATRating = "good"
	FinCSATAmazing  FinCSATRating = "amazing"
)

// maxFinAgentItems is the most attachments, and history messages, a Fin
// Agent request may carry.
const maxFinAgentItems = 10

// FinAgentMessage is a message of a conversation with Fin.
type FinAgentMessage struct {
	// Author is user, agent or fin (required).
	Author FinAgentAuthor `json:"author"`
	// Body is the message, plain text or HTML (required).
	Body string `json:"body"`
	// Timestamp is when the message was written (required); Intercom uses
	// it to drop duplicates sent within five minutes, so give milliseconds.
	Timestamp time.Time `json:"timestamp"`
}

// validate checks the required fields; field names the message.
func (m FinAgentMessage) validate(field string) error {
	switch {
	case m.Author == "":
		return invalid(field+".author", "is required")
	case m.Body == "":
		return invalid(field+".body", "is required")
	case m.Timestamp.IsZero():
		return invalid(field+".timestamp", "is required")
	}
	return nil
}

// FinAgentUser is the user Fin talks with.
type FinAgentUser struct {
	// ID identifies the user during the conversation (the user_id of the
	// Intercom user); required.
	ID string `json:"id"`
	// Name is the user's name.
	Name string `json:"name,omitempty"`
	// Email is the user's email address.
	Email string `json:"email,omitempty"`
	// Attributes are up to 10 attributes of the user, with which Fin
	// targets content.
	Attributes map[string]any `json:"attributes,omitempty"`
}

// FinAgentAttachment is a file or a URL attached to a message to Fin.
type FinAgentAttachment struct {
	// Type is "url" or "file" (required).
	Type string `json:"type"`
	// URL is the attached URL (type url).
	URL string `json:"url,omitempty"`
	// Name is the file's name (type file).
	Name string `json:"name,omitempty"`
	// ContentType is the file's MIME type (type file).
	ContentType string `json:"content_type,omitempty"`
	// Data is the file's content, sent base64-encoded (type file).
	Data []byte `json:"data,omitempty"`
}

// FinAgentConversationMetadata is the context of a conversation Fin is
// started on.
type FinAgentConversationMetadata struct {
	// History holds up to 10 earlier messages of the conversation.
	History []FinAgentMessage `json:"history,omitempty"`
	// Attributes are up to 10 attributes of the conversation.
	Attributes map[string]any `json:"attributes,omitempty"`
}

// FinAgentStartRequest is the body of starting a conversation with Fin.
// ConversationID, Message and User.ID are required.
type FinAgentStartRequest struct {
	// ConversationID is your id of the conversation.
	ConversationID string `json:"conversation_id"`
	// Message is the user's message.
	Message FinAgentMessage `json:"message"`
	// User is the user.
	User FinAgentUser `json:"user"`
	// Attachments are up to 10 files or URLs.
	Attachments []FinAgentAttachment `json:"attachments,omitempty"`
	// ConversationMetadata is the conversation's history and attributes.
	ConversationMetadata FinAgentConversationMetadata `json:"conversation_metadata,omitzero"`
}

// Validate checks the required fields and the limits of 10 attachments and
// 10 history messages.
func (r FinAgentStartRequest) Validate() error {
	if err := validateFinAgentTurn(r.ConversationID, r.Message, r.User, r.Attachments); err != nil {
		return err
	}
	if len(r.ConversationMetadata.History) > maxFinAgentItems {
		return invalid("conversation_metadata.history", "holds more than "+strconv.Itoa(maxFinAgentItems)+" messages")
	}
	for i, m := range r.ConversationMetadata.History {
		if err := m.validate("conversation_metadata.history[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	return nil
}

// FinAgentReplyRequest is the body of passing a user's reply to Fin.
// ConversationID, Message and User.ID are required.
type FinAgentReplyRequest struct {
	// ConversationID is your id of the conversation.
	ConversationID string `json:"conversation_id"`
	// Message is the user's reply.
	Message FinAgentMessage `json:"message"`
	// User is the user.
	User FinAgentUser `json:"user"`
	// Attachments are up to 10 files or URLs.
	Attachments []FinAgentAttachment `json:"attachments,omitempty"`
}

// Validate checks the required fields and the limit of 10 attachments.
func (r FinAgentReplyRequest) Validate() error {
	return validateFinAgentTurn(r.ConversationID, r.Message, r.User, r.Attachments)
}

// validateFinAgentTurn checks what Start and Reply share.
func validateFinAgentTurn(conversationID string, m FinAgentMessage, u FinAgentUser, atts []FinAgentAttachment) error {
	if conversationID == "" {
		return invalid("conversation_id", "is required")
	}
	if err := m.validate("message"); err != nil {
		return err
	}
	if u.ID == "" {
		return invalid("user.id", "is required")
	}
	if len(atts) > maxFinAgentItems {
		return invalid("attachments", "holds more than "+strconv.Itoa(maxFinAgentItems)+" attachments")
	}
	for i, a := range atts {
		if a.Type == "" {
			return invalid("attachments["+strconv.Itoa(i)+"].type", "is required")
		}
	}
	return nil
}

// FinAgentSubmitCSATRequest is the body of submitting a user's satisfaction
// rating. ConversationID and Rating are required.
type FinAgentSubmitCSATRequest struct {
	// ConversationID is your id of the conversation, as on the
	// csat_requested event.
	ConversationID string `json:"conversation_id"`
	// Rating is the rating the user chose.
	Rating FinCSATRating `json:"rating"`
	// Remark is the user's optional comment; once one is recorded, the
	// rating is locked.
	Remark string `json:"remark,omitempty"`
}

// Validate checks that the conversation and the rating are set.
func (r FinAgentSubmitCSATRequest) Validate() error {
	switch {
	case r.ConversationID == "":
		return invalid("conversation_id", "is required")
	case r.Rating == "":
		return invalid("rating", "is required")
	}
	return nil
}

// FinAgentConversation is Fin's state in a conversation, as Start and
// Reply return it.
type FinAgentConversation struct {
	// ConversationID is your id of the conversation.
	ConversationID string `json:"conversation_id,omitempty"`
	// UserID is the user's id.
	UserID string `json:"user_id,omitempty"`
	// Status is Fin's state.
	Status FinAgentStatus `json:"status,omitempty"`
	// CreatedAtMS is when the message was received, with milliseconds.
	CreatedAtMS time.Time `json:"created_at_ms,omitzero"`
	// Errors reports the attributes Intercom did not accept.
	Errors FinAgentAttributeErrors `json:"errors,omitzero"`
	// SSESubscriptionURL is where to subscribe to the conversation's
	// server-sent events, when SSE is enabled; its token lives 3 minutes.
	SSESubscriptionURL string `json:"sse_subscription_url,omitempty"`
}

// FinAgentAttributeErrors reports, by attribute name, the user and
// conversation attributes that were not accepted.
type FinAgentAttributeErrors struct {
	// User holds the errors of user attributes.
	User FinAgentAttributeErrorSet `json:"user,omitzero"`
	// Conversation holds the errors of conversation attributes.
	Conversation FinAgentAttributeErrorSet `json:"conversation,omitzero"`
}

// FinAgentAttributeErrorSet maps attribute names to what is wrong with
// them.
type FinAgentAttributeErrorSet struct {
	// Attributes maps each rejected attribute to its error message.
	Attributes map[string]string `json:"attributes,omitempty"`
}

// FinCSAT is a recorded satisfaction rating.
type FinCSAT struct {
	// ConversationID is your id of the conversation.
	ConversationID string `json:"conversation_id,omitempty"`
	// Rating is the recorded rating.
	Rating FinCSATRating `json:"rating,omitempty"`
	// Status is "rated".
	Status string `json:"status,omitempty"`
}

// Start passes a user's message to Fin, with the conversation's history and
// the user's details, and returns Fin's state. Fin then works through its
// statuses until it reports complete (by webhook or server-sent events).
// POST /fin/start (startFinConversation).
func (s *FinAgentService) Start(ctx context.Context, req FinAgentStartRequest, opts ...Option) (*FinAgentConversation, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[FinAgentConversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/fin/start", body: req}, opts)
}

// Reply passes a user's reply to Fin, once Fin awaits it
// (awaiting_user_reply), and returns Fin's state.
// POST /fin/reply (replyToFin).
func (s *FinAgentService) Reply(ctx context.Context, req FinAgentReplyRequest, opts ...Option) (*FinAgentConversation, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[FinAgentConversation](ctx, s.client, endpoint{method: http.MethodPost, path: "/fin/reply", body: req}, opts)
}

// SubmitCSAT records the satisfaction rating a user chose when Fin asked
// for one (the csat_requested event). Submitting the same rating again is
// a successful no-op.
// POST /fin/csat (submitFinCsat).
func (s *FinAgentService) SubmitCSAT(ctx context.Context, req FinAgentSubmitCSATRequest, opts ...Option) (*FinCSAT, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[FinCSAT](ctx, s.client, endpoint{method: http.MethodPost, path: "/fin/csat", body: req}, opts)
}
