package intercom

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
)

// TicketState is the state of a ticket. Unknown values decode as-is.
type TicketState string

// Ticket states.
const (
	TicketStateSubmitted         TicketState = "submitted"
	TicketStateInProgress        TicketState = "in_progress"
	TicketStateWaitingOnCustomer TicketState = "waiting_on_customer"
	TicketStateResolved          TicketState = "resolved"
)

// TicketCategory is the category of a ticket or ticket type. Unknown values
// decode as-is.
type TicketCategory string

// Ticket categories.
const (
	TicketCategoryCustomer   TicketCategory = "Customer"
	TicketCategoryBackOffice TicketCategory = "Back-office"
	TicketCategoryTracker    TicketCategory = "Tracker"
)

// Ticket tracks a request from a user: a customer ticket, a back-office
// ticket or a tracker ticket.
type Ticket struct {
	// Type is "ticket".
	Type string `json:"type,omitempty"`
	// ID is the ticket's id, the one to use in API calls.
	ID ID `json:"id,omitempty"`
	// TicketID is the number shown in the Inbox and Messenger (e.g. #22); do
	// not use it in API calls.
	TicketID ID `json:"ticket_id,omitempty"`
	// Category is the ticket's category.
	Category TicketCategory `json:"category,omitempty"`
	// TicketAttributes are the ticket's attribute values by name; the title and
	// description are "_default_title_" and "_default_description_".
	TicketAttributes TicketAttributes `json:"ticket_attributes,omitempty"`
	// TicketState is the ticket's state: its category (TicketState.Category)
	// in every version, and from API 2.12 also the state's id and labels.
	TicketState TicketStateInfo `json:"ticket_state,omitzero"`
	// TicketStateInternalLabel is the state as teammates see it (API 2.10
	// and 2.11; from 2.12, TicketState.InternalLabel).
	TicketStateInternalLabel string `json:"ticket_state_internal_label,omitempty"`
	// TicketStateExternalLabel is the state as customers see it (API 2.10
	// and 2.11; from 2.12, TicketState.ExternalLabel).
	TicketStateExternalLabel string `json:"ticket_state_external_label,omitempty"`
	// TicketType is the ticket's type, with its attributes.
	TicketType TicketType `json:"ticket_type,omitzero"`
	// Contacts are the contacts the ticket is about.
	Contacts TicketContacts `json:"contacts,omitzero"`
	// AdminAssigneeID is the assigned admin ("0" when none).
	AdminAssigneeID ID `json:"admin_assignee_id,omitempty"`
	// TeamAssigneeID is the assigned team ("0" when none).
	TeamAssigneeID ID `json:"team_assignee_id,omitempty"`
	// CreatedAt is when the ticket was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the ticket was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// Open is false once the ticket is closed.
	Open bool `json:"open,omitempty"`
	// SnoozedUntil is when a snoozed ticket reopens; zero when not snoozed.
	SnoozedUntil Timestamp `json:"snoozed_until,omitempty"`
	// LinkedObjects are the conversations and tickets linked to this one.
	LinkedObjects LinkedObjectList `json:"linked_objects,omitzero"`
	// TicketParts are the ticket's notes and events (at most 500).
	TicketParts TicketParts `json:"ticket_parts,omitzero"`
	// IsShared says whether the ticket is visible to the customer.
	IsShared bool `json:"is_shared,omitempty"`
	// PreviousTicketStateID is the ticket state the ticket was in before its
	// current one. API 2.16 and later.
	PreviousTicketStateID ID `json:"previous_ticket_state_id,omitempty"`
}

// TicketStateInfo is a ticket's state. API versions 2.10 and 2.11 send only
// its category (a bare string on the wire); 2.12 and later send an object
// with the state's id and labels. Either decodes, and encodes back in the
// form it came in.
type TicketStateInfo struct {
	// Type is "ticket_state" (API 2.12 and later).
	Type string `json:"type,omitempty"`
	// ID is the ticket state's id, what TicketUpdateRequest.TicketStateID
	// takes (API 2.12 and later).
	ID ID `json:"id,omitempty"`
	// Category is the state's category: submitted, in_progress,
	// waiting_on_customer or resolved.
	Category TicketState `json:"category,omitempty"`
	// InternalLabel is the state as teammates see it (API 2.12 and later;
	// before, Ticket.TicketStateInternalLabel).
	InternalLabel string `json:"internal_label,omitempty"`
	// ExternalLabel is the state as customers see it (API 2.12 and later;
	// before, Ticket.TicketStateExternalLabel).
	ExternalLabel string `json:"external_label,omitempty"`
	// bare is set when the state came as a bare category string.
	bare bool
}

// String returns the state's category.
func (s TicketStateInfo) String() string { return string(s.Category) }

// UnmarshalJSON accepts a bare category string (API 2.10, 2.11) or a
// ticket_state object (2.12 and later).
func (s *TicketStateInfo) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*s = TicketStateInfo{}
		return nil
	case len(b) > 0 && b[0] == '"':
		var c TicketState
		if err := json.Unmarshal(b, &c); err != nil {
			return err
		}
		*s = TicketStateInfo{Category: c, bare: true}
		return nil
	}
	type fields TicketStateInfo
	var f fields
	if err := unmarshalModel(b, &f); err != nil {
		return err
	}
	*s = TicketStateInfo(f)
	return nil
}

// MarshalJSON writes the form the state came in: a bare category string,
// or an object.
func (s TicketStateInfo) MarshalJSON() ([]byte, error) {
	if s.bare {
		return json.Marshal(s.Category)
	}
	type fields TicketStateInfo
	return json.Marshal(fields(s))
}

// TicketContacts lists the contacts a ticket is about.
type TicketContacts struct {
	// Type is "contact.list".
	Type string `json:"type,omitempty"`
	// Contacts reference the contacts.
	Contacts []ContactReference `json:"contacts"`
}

// TicketParts lists the parts of a ticket.
type TicketParts struct {
	// Type is "ticket_part.list".
	Type string `json:"type,omitempty"`
	// TicketParts are the parts, oldest first.
	TicketParts []TicketPart `json:"ticket_parts"`
	// TotalCount is the number of parts.
	TotalCount int `json:"total_count,omitempty"`
}

// TicketPart is a message or event of a ticket: a comment, a note, a state
// change, an assignment, …
type TicketPart struct {
	// Type is "ticket_part".
	Type string `json:"type,omitempty"`
	// ID is the part's id.
	ID ID `json:"id,omitempty"`
	// PartType is the kind of part, such as "comment", "note", "assignment"
	// or "ticket_state_updated_by_admin".
	PartType string `json:"part_type,omitempty"`
	// Body is the message, which may contain HTML.
	Body string `json:"body,omitempty"`
	// PreviousTicketState is the state before this part.
	PreviousTicketState TicketState `json:"previous_ticket_state,omitempty"`
	// TicketState is the state after this part.
	TicketState TicketState `json:"ticket_state,omitempty"`
	// CreatedAt is when the part was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the part was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// AssignedTo is whom this part assigned the ticket to; zero when the
	// assignment did not change.
	AssignedTo Reference `json:"assigned_to,omitzero"`
	// Author wrote or triggered the part.
	Author PartAuthor `json:"author,omitzero"`
	// Attachments are the files attached to the part.
	Attachments []Attachment `json:"attachments,omitempty"`
	// ExternalID is the part's external id.
	ExternalID string `json:"external_id,omitempty"`
	// Redacted says whether the part has been redacted.
	Redacted bool `json:"redacted,omitempty"`
	// AppPackageCode is the code of the app (integration) that created the
	// part, if any. API 2.13 and later.
	AppPackageCode string `json:"app_package_code,omitempty"`
	// UpdatedAttributeData is the attribute a ticket_attribute_updated_by_*
	// part changed, and its new value. API 2.14 and later.
	UpdatedAttributeData *TicketPartUpdatedAttribute `json:"updated_attribute_data,omitempty"`
}

// TicketPartUpdatedAttribute is the ticket attribute a part changed and its
// new value.
type TicketPartUpdatedAttribute struct {
	// Attribute is the attribute that changed.
	Attribute TicketPartAttribute `json:"attribute"`
	// Value is its new value.
	Value TicketPartAttributeValue `json:"value"`
}

// TicketPartAttribute names the ticket attribute a part changed.
type TicketPartAttribute struct {
	// Type is "attribute".
	Type string `json:"type"`
	// ID is the attribute's id.
	ID ID `json:"id"`
	// Label is the attribute's name.
	Label string `json:"label"`
}

// TicketPartAttributeValue is the new value of a ticket attribute.
type TicketPartAttributeValue struct {
	// Type is "value".
	Type string `json:"type"`
	// ID is the value's id: a string (or nil), or for a list or file
	// attribute a []any of numbers (json.Number).
	ID any `json:"id"`
	// Label is the value as shown: a string, or a []any of strings (file
	// names).
	Label any `json:"label"`
}

// UnmarshalJSON decodes the value keeping numbers exact (as json.Number).
func (v *TicketPartAttributeValue) UnmarshalJSON(b []byte) error {
	type fields TicketPartAttributeValue
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var f fields
	if err := d.Decode(&f); err != nil {
		return err
	}
	*v = TicketPartAttributeValue(f)
	return nil
}

// TicketAttributes maps ticket attribute names to values: a string, a number,
// a boolean, null, a list, or a file object (a map). Decoded numbers are
// json.Number, so no integer is rounded. The typed accessors read values
// whatever their decoded Go type.
//
// In requests, set values with plain Go values: strings, numbers, booleans,
// nil, slices (for a list attribute, the list item's id).
type TicketAttributes map[string]any

// UnmarshalJSON decodes the object keeping numbers exact (as json.Number).
func (a *TicketAttributes) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		*a = nil
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return err
	}
	*a = m
	return nil
}

// String returns the attribute's value if it is a string.
func (a TicketAttributes) String(name string) (string, bool) {
	s, ok := a[name].(string)
	return s, ok
}

// Title returns the ticket's title (the "_default_title_" attribute).
func (a TicketAttributes) Title() string {
	s, _ := a.String("_default_title_")
	return s
}

// Description returns the ticket's description (the "_default_description_" attribute).
func (a TicketAttributes) Description() string {
	s, _ := a.String("_default_description_")
	return s
}

// Float returns the attribute's value if it is a number.
func (a TicketAttributes) Float(name string) (float64, bool) {
	switch v := a[name].(type) {
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	}
	return 0, false
}

// Int returns the attribute's value if it is an integer (a number without a
// fraction).
func (a TicketAttributes) Int(name string) (int64, bool) {
	switch v := a[name].(type) {
	case json.Number:
		n, err := v.Int64()
		return n, err == nil
	case int:
		return int64(v), true
	case int64:
		return v, true
	case float64:
		if v == float64(int64(v)) {
			return int64(v), true
		}
	}
	return 0, false
}

// Bool returns the attribute's value if it is a boolean.
func (a TicketAttributes) Bool(name string) (bool, bool) {
	b, ok := a[name].(bool)
	return b, ok
}

// IsNull reports whether the attribute is present with a null value.
func (a TicketAttributes) IsNull(name string) bool {
	v, ok := a[name]
	return ok && v == nil
}

// List returns the attribute's value if it is a list.
func (a TicketAttributes) List(name string) ([]any, bool) {
	l, ok := a[name].([]any)
	return l, ok
}

// File returns the attribute's value if it is a single file object.
func (a TicketAttributes) File(name string) (Attachment, bool) {
	return toTicketFile(a[name])
}

// Files returns the attribute's value as files: a single file object gives
// one, a list of file objects gives all of them.
func (a TicketAttributes) Files(name string) ([]Attachment, bool) {
	v := a[name]
	if f, ok := toTicketFile(v); ok {
		return []Attachment{f}, true
	}
	l, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]Attachment, 0, len(l))
	for _, e := range l {
		f, ok := toTicketFile(e)
		if !ok {
			return nil, false
		}
		out = append(out, f)
	}
	return out, true
}

// toTicketFile converts a decoded file object to an Attachment.
func toTicketFile(v any) (Attachment, bool) {
	switch f := v.(type) {
	case Attachment:
		return f, true
	case *Attachment:
		if f != nil {
			return *f, true
		}
	case map[string]any:
		b, err := json.Marshal(f)
		if err != nil {
			return Attachment{}, false
		}
		var out Attachment
		if err := unmarshalModel(b, &out); err != nil {
			return Attachment{}, false
		}
		return out, true
	}
	return Attachment{}, false
}

// TicketList is one page of ticket search results.
type TicketList struct {
	// Type is "ticket.list".
	Type string `json:"type,omitempty"`
	// Tickets are the tickets on this page.
	Tickets []Ticket `json:"tickets"`
	// TotalCount is the number of matching tickets.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block; Pages.Next.StartingAfter is the cursor
	// of the next page.
	Pages Pages `json:"pages,omitzero"`
}

// TicketReply is the ticket part created by replying to a ticket.
type TicketReply struct {
	// Type is "ticket_part".
	Type string `json:"type,omitempty"`
	// ID is the part's id.
	ID ID `json:"id,omitempty"`
	// PartType is "comment", "note" or "quick_reply".
	PartType TicketReplyMessageType `json:"part_type,omitempty"`
	// Body is the message, which may contain HTML.
	Body string `json:"body,omitempty"`
	// CreatedAt is when the part was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the part was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// Author wrote the reply.
	Author PartAuthor `json:"author,omitzero"`
	// Attachments are the files attached to the reply.
	Attachments []Attachment `json:"attachments,omitempty"`
	// Redacted says whether the part has been redacted.
	Redacted bool `json:"redacted,omitempty"`
	// AppPackageCode is the code of the app (integration) that created the
	// part, if any. API 2.13 and later.
	AppPackageCode string `json:"app_package_code,omitempty"`
}

// TicketContactIdentifier names a contact of a new ticket: set exactly one of
// ID, ExternalID or Email (a contact is created for an unknown email).
type TicketContactIdentifier struct {
	// ID is the id Intercom gave the contact.
	ID string `json:"id,omitempty"`
	// ExternalID is the id you gave the contact.
	ExternalID string `json:"external_id,omitempty"`
	// Email is the contact's email.
	Email string `json:"email,omitempty"`
}

// TicketCreateRequest creates a ticket.
type TicketCreateRequest struct {
	// TicketTypeID is the ticket's type (required).
	TicketTypeID string `json:"ticket_type_id"`
	// Contacts are the contacts the ticket is about (required; Intercom
	// currently allows one).
	Contacts []TicketContactIdentifier `json:"contacts"`
	// CompanyID is the id you gave the company the ticket is about.
	CompanyID string `json:"company_id,omitempty"`
	// TicketAttributes are the attribute values, such as "_default_title_" and
	// "_default_description_"; a list attribute takes the list item's id.
	TicketAttributes TicketAttributes `json:"ticket_attributes,omitempty"`
	// CreatedAt backdates the ticket; Intercom uses the current time when
	// it is zero. API 2.11 and later.
	CreatedAt Timestamp `json:"created_at,omitempty" intercom:"since=2.11"`
	// SkipNotifications creates the ticket without notifying anyone
	// (Some(true)). API 2.13 and later.
	SkipNotifications Opt[bool] `json:"skip_notifications,omitzero" intercom:"since=2.13"`
	// Assignment assigns the new ticket; the zero value leaves it
	// unassigned. API 2.14 and later.
	Assignment TicketCreateAssignment `json:"assignment,omitzero" intercom:"since=2.14"`
	// ConversationToLinkID links this conversation to the new ticket (a
	// conversation to a back-office or tracker ticket, a customer ticket to
	// a non-shared back-office or a tracker ticket). API 2.14 and later.
	ConversationToLinkID string `json:"conversation_to_link_id,omitempty" intercom:"since=2.14"`
}

// TicketCreateAssignment assigns a new ticket to an admin, a team or both.
type TicketCreateAssignment struct {
	// AdminAssigneeID is the admin to assign the ticket to.
	AdminAssigneeID string `json:"admin_assignee_id,omitempty"`
	// TeamAssigneeID is the team to assign the ticket to.
	TeamAssigneeID string `json:"team_assignee_id,omitempty"`
}

// Validate checks the ticket type and that each contact has exactly one identifier.
func (r TicketCreateRequest) Validate() error {
	if r.TicketTypeID == "" {
		return invalid("ticket_type_id", "is required")
	}
	if len(r.Contacts) == 0 {
		return invalid("contacts", "needs at least one contact")
	}
	for i, c := range r.Contacts {
		n := 0
		for _, s := range []string{c.ID, c.ExternalID, c.Email} {
			if s != "" {
				n++
			}
		}
		switch {
		case n == 0:
			return invalid(fieldIndex("contacts", i), "needs an id, an external_id or an email")
		case n > 1:
			return invalid(fieldIndex("contacts", i), "has more than one of id, external_id and email; set exactly one")
		}
	}
	return nil
}

// TicketAssignment assigns a ticket.
type TicketAssignment struct {
	// AdminID is the admin performing the assignment.
	AdminID string `json:"admin_id,omitempty"`
	// AssigneeID is the admin or team to assign to; "0" unassigns.
	AssigneeID string `json:"assignee_id,omitempty"`
}

// TicketUpdateRequest updates a ticket; unset fields are left unchanged.
type TicketUpdateRequest struct {
	// TicketAttributes are the attribute values to change.
	TicketAttributes TicketAttributes `json:"ticket_attributes,omitempty"`
	// State is the new state: in_progress, waiting_on_customer or resolved.
	// API versions 2.10 and 2.11 only (2.12 replaced it with ticket states).
	State TicketState `json:"state,omitempty" intercom:"until=2.11"`
	// Open closes the ticket when Some(false) (which also unsnoozes it) and
	// reopens it when Some(true).
	Open Opt[bool] `json:"open,omitzero"`
	// IsShared makes the ticket visible to users (Some(true)) or not.
	IsShared Opt[bool] `json:"is_shared,omitzero"`
	// SnoozedUntil snoozes the ticket until this time.
	SnoozedUntil Timestamp `json:"snoozed_until,omitempty"`
	// Assignment assigns the ticket; the zero value leaves the assignment as
	// is. API versions 2.10 to 2.13 only (2.14 takes admin_id and
	// assignee_id at the top level instead).
	Assignment TicketAssignment `json:"assignment,omitzero" intercom:"until=2.13"`
	// TicketStateID moves the ticket to this ticket state (one of its
	// ticket type's TicketStates). API 2.12 and later, where it replaces
	// State.
	TicketStateID string `json:"ticket_state_id,omitempty" intercom:"since=2.12"`
	// CompanyID is the company (Intercom's id for it) the ticket is about.
	// API 2.12 and later.
	CompanyID string `json:"company_id,omitempty" intercom:"since=2.12"`
	// SkipNotifications updates the ticket without notifying anyone when
	// Some(true). API 2.13 and later.
	SkipNotifications Opt[bool] `json:"skip_notifications,omitzero" intercom:"since=2.13"`
	// AdminID is the admin performing the update (a numeric id, sent as an
	// integer); workflows and the ticket's history attribute the change to
	// them. API 2.14 and later, where it replaces Assignment.AdminID.
	AdminID ID `json:"admin_id,omitempty" intercom:"since=2.14"`
	// AssigneeID assigns the ticket to this admin or team; "0" unassigns it.
	// API 2.14 and later, where it replaces Assignment.AssigneeID.
	AssigneeID ID `json:"assignee_id,omitempty" intercom:"since=2.14"`
}

// MarshalJSON encodes the request with admin_id as an integer.
func (r TicketUpdateRequest) MarshalJSON() ([]byte, error) {
	type fields TicketUpdateRequest
	return json.Marshal(struct {
		fields
		AdminID intBodyID `json:"admin_id,omitempty"`
	}{fields(r), intBodyID(r.AdminID)})
}

// Validate checks the state, the assignment and that admin_id is numeric.
func (r TicketUpdateRequest) Validate() error {
	switch r.State {
	case "", TicketStateInProgress, TicketStateWaitingOnCustomer, TicketStateResolved:
	case TicketStateSubmitted:
		return invalid("state", "cannot be set back to submitted (want in_progress, waiting_on_customer or resolved)")
	}
	if a := r.Assignment; a != (TicketAssignment{}) && a.AssigneeID == "" {
		return invalid("assignment.assignee_id", "is required when assigning (use \"0\" to unassign)")
	}
	return checkIntID("admin_id", r.AdminID)
}

// Create creates a ticket. POST /tickets (createTicket).
func (s *TicketsService) Create(ctx context.Context, req TicketCreateRequest, opts ...Option) (*Ticket, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Ticket](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets", body: req}, opts)
}

// Update changes a ticket's attributes, state, visibility, snooze or
// assignment. id is the ticket's id, not the Inbox number.
// PUT /tickets/{id} (updateTicket).
func (s *TicketsService) Update(ctx context.Context, id string, req TicketUpdateRequest, opts ...Option) (*Ticket, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Ticket](ctx, s.client, endpoint{method: http.MethodPut, path: "/tickets/{id}", params: []string{id}, body: req}, opts)
}

// Get returns a ticket. id is the ticket's id, not the Inbox number.
// GET /tickets/{id} (getTicket).
func (s *TicketsService) Get(ctx context.Context, id string, opts ...Option) (*Ticket, *Response, error) {
	return call[Ticket](ctx, s.client, endpoint{method: http.MethodGet, path: "/tickets/{id}", params: []string{id}}, opts)
}

// Search returns one page of the tickets matching the query.
// POST /tickets/search (searchTickets).
func (s *TicketsService) Search(ctx context.Context, req SearchRequest, opts ...Option) (*TicketList, *Response, error) {
	return searchPage[TicketList](ctx, s.client, "/tickets/search", req, opts)
}

// SearchAll iterates over every ticket matching the query, fetching pages as
// the loop needs them. req's pagination sets the page size; its cursor, if
// any, is where the walk starts. req is not modified.
func (s *TicketsService) SearchAll(ctx context.Context, req SearchRequest, opts ...Option) iter.Seq2[Ticket, error] {
	return searchEach(ctx, s.client, "/tickets/search", req, opts, func(l *TicketList) ([]Ticket, Pages) { return l.Tickets, l.Pages })
}

// TicketAttachTagRequest is the body of tagging a ticket.
type TicketAttachTagRequest struct {
	// ID is the tag's id (required).
	ID string `json:"id"`
	// AdminID is the admin who applies the tag (required).
	AdminID string `json:"admin_id"`
}

// Validate checks the required fields.
func (r TicketAttachTagRequest) Validate() error { return checkTagAdmin(r.ID, r.AdminID, true) }

// TicketDetachTagRequest is the body of removing a tag from a ticket (sent
// on the DELETE).
type TicketDetachTagRequest struct {
	// AdminID is the admin who removes the tag (required).
	AdminID string `json:"admin_id"`
}

// Validate checks the required fields.
func (r TicketDetachTagRequest) Validate() error { return checkTagAdmin("", r.AdminID, false) }

// AttachTag tags a ticket with the tag req.ID, on behalf of the admin
// req.AdminID, and returns the tag.
// POST /tickets/{ticket_id}/tags (attachTagToTicket).
func (s *TicketsService) AttachTag(ctx context.Context, ticketID string, req TicketAttachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/tickets/{ticket_id}/tags",
		params: []string{ticketID}, body: req}, opts)
}

// DetachTag removes the tag tagID from a ticket, on behalf of the admin
// req.AdminID (sent as a JSON body on the DELETE), and returns the tag.
// DELETE /tickets/{ticket_id}/tags/{id} (detachTagFromTicket).
func (s *TicketsService) DetachTag(ctx context.Context, ticketID, tagID string, req TicketDetachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/tickets/{ticket_id}/tags/{id}",
		params: []string{ticketID, tagID}, body: req}, opts)
}
