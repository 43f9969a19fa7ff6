package intercom

import (
	"context"
	"net/http"
)

// Note is a note an admin left on a contact.
type Note struct {
	// Type is "note".
	Type string `json:"type,omitempty"`
	// ID is the note's id.
	ID ID `json:"id,omitempty"`
	// CreatedAt is when the note was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// Contact is the contact the note is about; nil when Intercom sends null.
	Contact *NoteContact `json:"contact,omitempty"`
	// Company is the company the note is about (a company's notes, API
	// 2.15 and later); nil otherwise.
	Company *NoteCompany `json:"company,omitempty"`
	// Author is the admin who wrote the note.
	Author Admin `json:"author,omitzero"`
	// Body is the note's text, as HTML.
	Body string `json:"body,omitempty"`
}

// NoteContact is the reference to the contact a note is about.
type NoteContact struct {
	// Type is "contact".
	Type string `json:"type,omitempty"`
	// ID is the contact's id.
	ID ID `json:"id,omitempty"`
}

// NoteCompany is the reference to the company a note is about.
type NoteCompany struct {
	// Type is "company".
	Type string `json:"type,omitempty"`
	// ID is the company's id.
	ID ID `json:"id,omitempty"`
}

// NoteList is one page of a contact's notes.
type NoteList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the notes on this page, newest first.
	Data []Note `json:"data"`
	// TotalCount is the number of notes of the contact.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
}

// ContactListNotesOptions selects a page of a contact's notes. Intercom accepts
// page and per_page though the spec does not declare them.
type ContactListNotesOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// ContactCreateNoteRequest is the body of creating a note on a contact.
type ContactCreateNoteRequest struct {
	// Body is the text of the note (required); Intercom accepts simple HTML.
	Body string `json:"body"`
	// ContactID is the contact the note is about. Create fills it with the
	// contact id of the path when empty.
	ContactID string `json:"contact_id,omitempty"`
	// AdminID is the admin the note is written by.
	AdminID string `json:"admin_id,omitempty"`
}

// Validate checks that the note has a body.
func (r ContactCreateNoteRequest) Validate() error {
	if r.Body == "" {
		return invalid("body", "is required")
	}
	return nil
}

// Get returns a note. GET /notes/{id} (retrieveNote).
func (s *NotesService) Get(ctx context.Context, id string, opts ...Option) (*Note, *Response, error) {
	return call[Note](ctx, s.client, endpoint{method: http.MethodGet, path: "/notes/{id}", params: []string{id}}, opts)
}
