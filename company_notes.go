package intercom

import (
	"context"
	"iter"
	"net/http"
)

// CompanyListNotesOptions selects a page of a company's notes. The
// description declares no query parameters for this list; its answer is
// paged by page number (pages.page, pages.total_pages), as a contact's
// notes are, and leaving both fields zero sends none.
type CompanyListNotesOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
}

// CompanyCreateNoteRequest is the body of adding a note to a company.
type CompanyCreateNoteRequest struct {
	// Body is the text of the note (required); Intercom accepts simple HTML.
	Body string `json:"body"`
	// AdminID is the admin the note is written by; Intercom defaults to the
	// admin of the token.
	AdminID string `json:"admin_id,omitempty"`
}

// Validate checks that the note has a body.
func (r CompanyCreateNoteRequest) Validate() error {
	if r.Body == "" {
		return invalid("body", "is required")
	}
	return nil
}

// ListNotes returns one page of the notes of a company. API
// 2.15 and later. GET /companies/{company_id}/notes (listCompanyNotes).
func (s *CompaniesService) ListNotes(ctx context.Context, companyID string, opt *CompanyListNotesOptions, opts ...Option) (*NoteList, *Response, error) {
	return call[NoteList](ctx, s.client, endpoint{method: http.MethodGet, path: "/companies/{company_id}/notes", params: []string{companyID}, query: opt}, opts)
}

// ListNotesAll iterates over every note of a company, fetching pages (by
// page number) as the loop needs them.
func (s *CompaniesService) ListNotesAll(ctx context.Context, companyID string, opt *CompanyListNotesOptions, opts ...Option) iter.Seq2[Note, error] {
	return walk(ctx, opt, func(o *CompanyListNotesOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *CompanyListNotesOptions) ([]Note, string, error) {
			page, _, err := s.ListNotes(ctx, companyID, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// CreateNote adds a note to a company. API 2.16 and later.
// POST /companies/{company_id}/notes (createCompanyNote).
func (s *CompaniesService) CreateNote(ctx context.Context, companyID string, req CompanyCreateNoteRequest, opts ...Option) (*Note, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[Note](ctx, s.client, endpoint{method: http.MethodPost, path: "/companies/{company_id}/notes", params: []string{companyID}, body: req}, opts)
}
