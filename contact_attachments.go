package intercom

import (
	"context"
	"iter"
	"net/http"
)

// ContactAttachTagRequest is the body of tagging a contact.
type ContactAttachTagRequest struct {
	// ID is the tag's id (required).
	ID string `json:"id"`
}

// Validate checks that the tag is named.
func (r ContactAttachTagRequest) Validate() error {
	if r.ID == "" {
		return invalid("id", "is required (the tag's id)")
	}
	return nil
}

// ContactAttachCompanyRequest is the body of attaching a contact to a company.
type ContactAttachCompanyRequest struct {
	// ID is the company's id, the one Intercom gave it (required).
	ID string `json:"id"`
}

// Validate checks that the company is named.
func (r ContactAttachCompanyRequest) Validate() error {
	if r.ID == "" {
		return invalid("id", "(the company id) is required")
	}
	return nil
}

// ContactAttachSubscriptionRequest subscribes a contact to a subscription
// type (or unsubscribes it, for opt-out types).
type ContactAttachSubscriptionRequest struct {
	// ID is the subscription type's id (required).
	ID string `json:"id"`
	// ConsentType is the subscription type's consent type, opt_in or opt_out (required).
	ConsentType SubscriptionConsentType `json:"consent_type"`
}

// Validate checks the required fields.
func (r ContactAttachSubscriptionRequest) Validate() error {
	if r.ID == "" {
		return invalid("id", "is required")
	}
	if r.ConsentType == "" {
		return invalid("consent_type", "is required (opt_in or opt_out)")
	}
	return nil
}

// AttachTag tags a contact with the tag req.ID and returns the tag.
// POST /contacts/{contact_id}/tags (attachTagToContact).
func (s *ContactsService) AttachTag(ctx context.Context, contactID string, req ContactAttachTagRequest, opts ...Option) (*Tag, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Tag](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{contact_id}/tags",
		params: []string{contactID}, body: req}, opts)
}

// DetachTag removes the tag tagID from a contact and returns the tag.
// DELETE /contacts/{contact_id}/tags/{id} (detachTagFromContact).
func (s *ContactsService) DetachTag(ctx context.Context, contactID, tagID string, opts ...Option) (*Tag, *Response, error) {
	return call[Tag](ctx, s.client, endpoint{method: http.MethodDelete, path: "/contacts/{contact_id}/tags/{id}",
		params: []string{contactID, tagID}}, opts)
}

// AttachCompany attaches a contact to the company req.ID and returns the
// company. POST /contacts/{id}/companies (attachContactToACompany).
func (s *ContactsService) AttachCompany(ctx context.Context, contactID string, req ContactAttachCompanyRequest, opts ...Option) (*Company, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Company](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{id}/companies",
		params: []string{contactID}, body: req}, opts)
}

// DetachCompany detaches a contact from the company companyID and returns
// the company. DELETE /contacts/{contact_id}/companies/{id} (detachContactFromACompany).
func (s *ContactsService) DetachCompany(ctx context.Context, contactID, companyID string, opts ...Option) (*Company, *Response, error) {
	return call[Company](ctx, s.client, endpoint{method: http.MethodDelete, path: "/contacts/{contact_id}/companies/{id}",
		params: []string{contactID, companyID}}, opts)
}

// AttachSubscription adds a subscription type to a contact: for an opt-in
// type the contact is opted in to its messages, for an opt-out type it is
// opted out. It returns the subscription type.
// POST /contacts/{contact_id}/subscriptions (attachSubscriptionTypeToContact).
func (s *ContactsService) AttachSubscription(ctx context.Context, contactID string, req ContactAttachSubscriptionRequest, opts ...Option) (*SubscriptionType, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[SubscriptionType](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{contact_id}/subscriptions",
		params: []string{contactID}, body: req}, opts)
}

// DetachSubscription removes the subscription type subscriptionTypeID from a
// contact and returns it.
// DELETE /contacts/{contact_id}/subscriptions/{id} (detachSubscriptionTypeToContact).
func (s *ContactsService) DetachSubscription(ctx context.Context, contactID, subscriptionTypeID string, opts ...Option) (*SubscriptionType, *Response, error) {
	return call[SubscriptionType](ctx, s.client, endpoint{method: http.MethodDelete, path: "/contacts/{contact_id}/subscriptions/{id}",
		params: []string{contactID, subscriptionTypeID}}, opts)
}

// ListNotes returns one page of the notes of a contact.
// GET /contacts/{id}/notes (listNotes).
func (s *ContactsService) ListNotes(ctx context.Context, contactID string, opt *ContactListNotesOptions, opts ...Option) (*NoteList, *Response, error) {
	return call[NoteList](ctx, s.client, endpoint{method: http.MethodGet, path: "/contacts/{id}/notes", params: []string{contactID}, query: opt}, opts)
}

// ListNotesAll iterates over every note of a contact, fetching pages as the
// loop needs them.
func (s *ContactsService) ListNotesAll(ctx context.Context, contactID string, opt *ContactListNotesOptions, opts ...Option) iter.Seq2[Note, error] {
	return walk(ctx, opt, func(o *ContactListNotesOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *ContactListNotesOptions) ([]Note, string, error) {
			page, _, err := s.ListNotes(ctx, contactID, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// CreateNote adds a note to a contact. POST /contacts/{id}/notes (createNote).
func (s *ContactsService) CreateNote(ctx context.Context, contactID string, req ContactCreateNoteRequest, opts ...Option) (*Note, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	if req.ContactID == "" {
		req.ContactID = contactID // req is a copy
	}
	return call[Note](ctx, s.client, endpoint{method: http.MethodPost, path: "/contacts/{id}/notes", params: []string{contactID}, body: req}, opts)
}
