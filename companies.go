package intercom

import (
	"bytes"
	"context"
	"iter"
	"net/http"
	"net/url"
)

// Company is a business your contacts belong to.
type Company struct {
	// Type is "company".
	Type string `json:"type,omitempty"`
	// ID is the id Intercom gave the company.
	ID ID `json:"id,omitempty"`
	// Name is the company's name.
	Name string `json:"name,omitempty"`
	// AppID is the id of the workspace the company belongs to.
	AppID string `json:"app_id,omitempty"`
	// Plan is the company's plan.
	Plan CompanyPlan `json:"plan,omitzero"`
	// CompanyID is the id you gave the company (unique in the workspace).
	CompanyID string `json:"company_id,omitempty"`
	// RemoteCreatedAt is when you say the company was created.
	RemoteCreatedAt Timestamp `json:"remote_created_at,omitempty"`
	// CreatedAt is when the company was added to Intercom.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the company was last updated in Intercom.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// LastRequestAt is when one of the company's contacts was last seen.
	LastRequestAt Timestamp `json:"last_request_at,omitempty"`
	// Size is the number of employees.
	Size int `json:"size,omitempty"`
	// Website is the company's website URL.
	Website string `json:"website,omitempty"`
	// Industry is the company's industry.
	Industry string `json:"industry,omitempty"`
	// MonthlySpend is the revenue the company brings you (whole units; Intercom truncates decimals).
	MonthlySpend int `json:"monthly_spend,omitempty"`
	// SessionCount is the number of sessions of the company's contacts.
	SessionCount int `json:"session_count,omitempty"`
	// UserCount is the number of users in the company.
	UserCount int `json:"user_count,omitempty"`
	// CustomAttributes holds the company's custom attributes (strings,
	// numbers, booleans, nulls or objects).
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// Tags are the tags applied to the company.
	Tags CompanyTagList `json:"tags,omitzero"`
	// Segments are the segments the company belongs to.
	Segments CompanySegmentList `json:"segments,omitzero"`
	// Notes are the company's notes. API 2.16 and later.
	Notes CompanyNoteList `json:"notes,omitzero"`
}

// CompanyNoteList is the list of notes embedded in a company.
type CompanyNoteList struct {
	// Type is "note.list".
	Type string `json:"type,omitempty"`
	// Notes are the company's notes.
	Notes []Note `json:"notes,omitempty"`
}

// CompanyPlan is the plan a company is on.
type CompanyPlan struct {
	// Type is "plan".
	Type string `json:"type,omitempty"`
	// ID is the plan's id.
	ID ID `json:"id,omitempty"`
	// Name is the plan's name.
	Name string `json:"name,omitempty"`
}

// CompanyTagList is the list of tags embedded in a company.
type CompanyTagList struct {
	// Type is "tag.list".
	Type string `json:"type,omitempty"`
	// Tags are the company's tags (type, id and name are set).
	Tags []Tag `json:"tags,omitempty"`
}

// CompanySegmentList is the list of segments embedded in a company.
type CompanySegmentList struct {
	// Type is "segment.list".
	Type string `json:"type,omitempty"`
	// Segments are the company's segments.
	Segments []Segment `json:"segments,omitempty"`
}

// CompanyList is one page of companies.
type CompanyList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the companies on this page.
	Data []Company `json:"data"`
	// TotalCount is the number of companies matching.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
}

type companyListFields CompanyList

// UnmarshalJSON decodes a list of companies. Intercom answers a lookup of
// GET /companies by company_id or name with a single company object rather
// than a list; that company becomes the only item of Data.
func (l *CompanyList) UnmarshalJSON(b []byte) error {
	var head struct {
		Type string `json:"type"`
	}
	if len(bytes.TrimSpace(b)) > 0 && bytes.TrimSpace(b)[0] == '{' {
		if err := unmarshalModel(b, &head); err != nil {
			return err
		}
	}
	if head.Type == "company" {
		var c Company
		if err := unmarshalModel(b, &c); err != nil {
			return err
		}
		*l = CompanyList{Type: "list", Data: []Company{c}, TotalCount: 1}
		return nil
	}
	var f companyListFields
	if err := unmarshalModel(b, &f); err != nil {
		return err
	}
	*l = CompanyList(f)
	return nil
}

// CompanyScroll is one page of a scroll over all companies.
type CompanyScroll struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the companies of this page; empty at the end of the scroll.
	Data []Company `json:"data"`
	// Pages is the pagination block (Intercom sends null).
	Pages Pages `json:"pages,omitzero"`
	// TotalCount is the number of companies (Intercom sends null).
	TotalCount int `json:"total_count,omitempty"`
	// ScrollParam identifies the scroll: send it to get the next page.
	ScrollParam string `json:"scroll_param,omitempty"`
}

// CompanyDeleted is the response of deleting a company.
type CompanyDeleted struct {
	// ID is the id of the deleted company.
	ID ID `json:"id,omitempty"`
	// Object is "company".
	Object string `json:"object,omitempty"`
	// Deleted is true when the company was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// CompanyAttachedContacts is one page of the contacts of a company.
type CompanyAttachedContacts struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the contacts on this page.
	Data []Contact `json:"data"`
	// TotalCount is the number of contacts of the company.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block.
	Pages Pages `json:"pages,omitzero"`
}

// CompanyAttachedSegments is the list of segments a company belongs to.
type CompanyAttachedSegments struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the segments.
	Data []Segment `json:"data"`
}

// CompanyCreateOrUpdateRequest creates a company, or updates the one with
// the same CompanyID. Fields left zero are not sent.
type CompanyCreateOrUpdateRequest struct {
	// CompanyID is the id you give the company; it identifies the company to
	// update and cannot be changed afterwards.
	CompanyID string `json:"company_id,omitempty"`
	// Name is the company's name.
	Name string `json:"name,omitempty"`
	// Plan is the name of the company's plan.
	Plan string `json:"plan,omitempty"`
	// Size is the number of employees.
	Size Opt[int] `json:"size,omitzero"`
	// Website is the company's website URL.
	Website string `json:"website,omitempty"`
	// Industry is the company's industry.
	Industry string `json:"industry,omitempty"`
	// CustomAttributes sets custom attributes (only the keys given change).
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// RemoteCreatedAt is when the company was created in your system.
	RemoteCreatedAt Timestamp `json:"remote_created_at,omitempty"`
	// MonthlySpend is the revenue the company brings you (whole units).
	MonthlySpend Opt[int] `json:"monthly_spend,omitzero"`
	// UpdateLastRequestAt, when Some(true), sets the company's
	// last_request_at to now. API 2.16 and later.
	UpdateLastRequestAt Opt[bool] `json:"update_last_request_at,omitzero" intercom:"since=2.16"`
}

// CompanyUpdateRequest changes a company's fields. Fields left zero are not
// sent. The company_id cannot be changed.
type CompanyUpdateRequest struct {
	// Name is the company's name.
	Name Opt[string] `json:"name,omitzero"`
	// Plan is the name of the company's plan.
	Plan Opt[string] `json:"plan,omitzero"`
	// Size is the number of employees.
	Size Opt[int] `json:"size,omitzero"`
	// Website is the company's website URL.
	Website Opt[string] `json:"website,omitzero"`
	// Industry is the company's industry.
	Industry Opt[string] `json:"industry,omitzero"`
	// CustomAttributes sets custom attributes (only the keys given change).
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	// RemoteCreatedAt is when the company was created in your system.
	RemoteCreatedAt Timestamp `json:"remote_created_at,omitempty"`
	// MonthlySpend is the revenue the company brings you (whole units).
	MonthlySpend Opt[int] `json:"monthly_spend,omitzero"`
}

// CompanyListOptions filters and pages GET /companies.
type CompanyListOptions struct {
	// Name keeps the company with this name.
	Name string `url:"name,omitempty"`
	// CompanyID keeps the company with this company_id (your id).
	CompanyID string `url:"company_id,omitempty"`
	// TagID keeps companies with this tag.
	TagID string `url:"tag_id,omitempty"`
	// SegmentID keeps companies in this segment.
	SegmentID string `url:"segment_id,omitempty"`
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (default 15).
	PerPage int `url:"per_page,omitempty"`
}

// CompanyOrder is the sort order of ListSorted.
type CompanyOrder string

// The sort orders of ListSorted.
const (
	CompanyOrderAsc  CompanyOrder = "asc"
	CompanyOrderDesc CompanyOrder = "desc"
)

// CompanyListSortedOptions pages and orders POST /companies/list.
type CompanyListSortedOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (default 15).
	PerPage int `url:"per_page,omitempty"`
	// Order is asc or desc (default desc).
	Order CompanyOrder `url:"order,omitempty"`
}

// CompanyListContactsOptions pages the contacts of a company. Intercom
// accepts these though the spec does not declare them, and pages by cursor:
// its pages.next carries both the next page number and a starting_after
// cursor, and a page number alone may return page 1 again.
type CompanyListContactsOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size.
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor from the previous page's Pages.Next.
	StartingAfter string `url:"starting_after,omitempty"`
}

// CompanyScrollOptions selects a page of a scroll over all companies.
type CompanyScrollOptions struct {
	// ScrollParam is the ScrollParam of the previous page; empty (or nil
	// options) opens a new scroll.
	ScrollParam string `url:"scroll_param,omitempty"`
}

// CreateOrUpdate creates a company, or updates the company with the same
// company_id. A company shows in Intercom only once a contact is attached.
// POST /companies (createOrUpdateCompany).
func (s *CompaniesService) CreateOrUpdate(ctx context.Context, req CompanyCreateOrUpdateRequest, opts ...Option) (*Company, *Response, error) {
	return call[Company](ctx, s.client, endpoint{method: http.MethodPost, path: "/companies", body: req}, opts)
}

// List returns one page of companies, optionally filtered by tag or
// segment, or looks one up by name or company_id (the single company found
// is the only item of Data). GET /companies (retrieveCompany).
func (s *CompaniesService) List(ctx context.Context, opt *CompanyListOptions, opts ...Option) (*CompanyList, *Response, error) {
	return call[CompanyList](ctx, s.client, endpoint{method: http.MethodGet, path: "/companies", query: opt}, opts)
}

// ListAll iterates over every company matching the filters, fetching pages
// as the loop needs them.
func (s *CompaniesService) ListAll(ctx context.Context, opt *CompanyListOptions, opts ...Option) iter.Seq2[Company, error] {
	return walk(ctx, opt, func(o *CompanyListOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *CompanyListOptions) ([]Company, string, error) {
			page, _, err := s.List(ctx, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// Get returns a company by the id Intercom gave it.
// GET /companies/{id} (RetrieveACompanyById).
func (s *CompaniesService) Get(ctx context.Context, id string, opts ...Option) (*Company, *Response, error) {
	return call[Company](ctx, s.client, endpoint{method: http.MethodGet, path: "/companies/{id}", params: []string{id}}, opts)
}

// Update changes a company's fields. PUT /companies/{id} (UpdateCompany).
func (s *CompaniesService) Update(ctx context.Context, id string, req CompanyUpdateRequest, opts ...Option) (*Company, *Response, error) {
	return call[Company](ctx, s.client, endpoint{method: http.MethodPut, path: "/companies/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes a company. DELETE /companies/{id} (deleteCompany).
func (s *CompaniesService) Delete(ctx context.Context, id string, opts ...Option) (*CompanyDeleted, *Response, error) {
	return call[CompanyDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/companies/{id}", params: []string{id}}, opts)
}

// ListContacts returns one page of the contacts attached to a company.
// GET /companies/{id}/contacts (ListAttachedContacts).
func (s *CompaniesService) ListContacts(ctx context.Context, id string, opt *CompanyListContactsOptions, opts ...Option) (*CompanyAttachedContacts, *Response, error) {
	return call[CompanyAttachedContacts](ctx, s.client, endpoint{method: http.MethodGet, path: "/companies/{id}/contacts", params: []string{id}, query: opt}, opts)
}

// ListContactsAll iterates over every contact attached to a company,
// fetching pages as the loop needs them.
func (s *CompaniesService) ListContactsAll(ctx context.Context, id string, opt *CompanyListContactsOptions, opts ...Option) iter.Seq2[Contact, error] {
	return walk(ctx, opt, func(o *CompanyListContactsOptions, cursor string) {
		if cursor == "" {
			return
		}
		next, _ := url.ParseQuery(cursor) // nextPageAndCursor encoded it
		o.Page, o.StartingAfter = atoiOr(next.Get("page"), 0), next.Get("starting_after")
	}, func(ctx context.Context, o *CompanyListContactsOptions) ([]Contact, string, error) {
		page, _, err := s.ListContacts(ctx, id, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextPageAndCursor(page.Pages, len(page.Data)), nil
	})
}

// ListSegments returns the segments a company belongs to (not paginated).
// GET /companies/{id}/segments (ListAttachedSegmentsForCompanies).
func (s *CompaniesService) ListSegments(ctx context.Context, id string, opts ...Option) (*CompanyAttachedSegments, *Response, error) {
	return call[CompanyAttachedSegments](ctx, s.client, endpoint{method: http.MethodGet, path: "/companies/{id}/segments", params: []string{id}}, opts)
}

// ListSorted returns one page of all companies that have at least one
// contact, sorted by last_request_at (newest first unless Order is asc). It
// changes nothing, so it is retried like a GET. Intercom stops at 10,000
// companies: use ScrollAll for more.
// POST /companies/list (listAllCompanies).
func (s *CompaniesService) ListSorted(ctx context.Context, opt *CompanyListSortedOptions, opts ...Option) (*CompanyList, *Response, error) {
	return call[CompanyList](ctx, s.client, endpoint{method: http.MethodPost, path: "/companies/list", query: opt, readOnly: true}, opts)
}

// ListSortedAll iterates over all companies in the chosen order, fetching
// pages as the loop needs them.
func (s *CompaniesService) ListSortedAll(ctx context.Context, opt *CompanyListSortedOptions, opts ...Option) iter.Seq2[Company, error] {
	return walk(ctx, opt, func(o *CompanyListSortedOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *CompanyListSortedOptions) ([]Company, string, error) {
			page, _, err := s.ListSorted(ctx, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// Scroll returns one page of a scroll over all companies: pass nil options
// to open a scroll, then the ScrollParam of the previous page. The scroll ends with an
// empty Data. Only one scroll may be open in a workspace at a time (another
// fails with an error matching ErrScrollExists) and it expires after a
// minute without use. A 500 in the middle of a scroll cannot be resumed:
// start a new scroll. GET /companies/scroll (scrollOverAllCompanies).
func (s *CompaniesService) Scroll(ctx context.Context, opt *CompanyScrollOptions, opts ...Option) (*CompanyScroll, *Response, error) {
	return call[CompanyScroll](ctx, s.client, endpoint{method: http.MethodGet, path: "/companies/scroll", query: opt}, opts)
}

// ScrollAll iterates over every company of the workspace with a scroll,
// fetching pages as the loop needs them. Break out of the loop early and the
// scroll stays open until it expires (a minute), blocking other scrolls.
func (s *CompaniesService) ScrollAll(ctx context.Context, opts ...Option) iter.Seq2[Company, error] {
	return paginate(ctx, func(ctx context.Context, cursor string) ([]Company, string, error) {
		page, _, err := s.Scroll(ctx, &CompanyScrollOptions{ScrollParam: cursor}, opts...)
		if err != nil {
			return nil, "", err
		}
		if len(page.Data) == 0 {
			return nil, "", nil
		}
		return page.Data, page.ScrollParam, nil
	}, true)
}
