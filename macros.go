package intercom

import (
	"context"
	"iter"
	"net/http"
)

// MacroVisibility says who can see a macro. Unknown values decode as-is.
type MacroVisibility string

// Macro visibilities.
const (
	MacroVisibleToEveryone      MacroVisibility = "everyone"
	MacroVisibleToSpecificTeams MacroVisibility = "specific_teams"
)

// MacroAvailability is a place where a macro can be used. Unknown values
// decode as-is.
type MacroAvailability string

// Macro availabilities.
const (
	MacroAvailableOnInbox     MacroAvailability = "inbox"
	MacroAvailableOnMessenger MacroAvailability = "messenger"
)

// Macro is a saved reply of the Inbox.
type Macro struct {
	// Type is "macro".
	Type string `json:"type,omitempty"`
	// ID is the macro's id.
	ID ID `json:"id,omitempty"`
	// Name is the macro's name.
	Name string `json:"name,omitempty"`
	// Body is the macro's HTML, its placeholders written as
	// <attribute key="user.name" default="there"/>.
	Body string `json:"body,omitempty"`
	// BodyText is the macro as plain text, its placeholders in Intercom's
	// {{user.name|fallback:"there"}} form.
	BodyText string `json:"body_text,omitempty"`
	// CreatedAt is when the macro was created, in ISO 8601 (Intercom sends
	// these two as strings, not Unix seconds).
	CreatedAt string `json:"created_at,omitempty"`
	// UpdatedAt is when the macro was last updated, in ISO 8601.
	UpdatedAt string `json:"updated_at,omitempty"`
	// VisibleTo says who can see the macro.
	VisibleTo MacroVisibility `json:"visible_to,omitempty"`
	// VisibleToTeamIDs are the teams that can see it when VisibleTo is
	// MacroVisibleToSpecificTeams.
	VisibleToTeamIDs []ID `json:"visible_to_team_ids,omitempty"`
	// AvailableOn says where the macro can be used.
	AvailableOn []MacroAvailability `json:"available_on,omitempty"`
}

// MacroList is one page of the workspace's macros, most recently updated
// first.
type MacroList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data are the macros of this page.
	Data []Macro `json:"data"`
	// Pages holds the cursor of the next page (Next.StartingAfter).
	Pages Pages `json:"pages,omitzero"`
}

// MacroListOptions are the query parameters of listing macros.
type MacroListOptions struct {
	// PerPage is the page size, 1 to 150 (Intercom's default is 50).
	PerPage int `url:"per_page,omitempty"`
	// StartingAfter is the cursor of the page to fetch, from the previous
	// page's Pages.Next.StartingAfter.
	StartingAfter string `url:"starting_after,omitempty"`
	// UpdatedSince keeps the macros updated after this time.
	UpdatedSince Timestamp `url:"updated_since,omitempty"`
}

// List returns one page of the macros the token's admin can see. API 2.16
// and later. GET /macros (listMacros).
func (s *MacrosService) List(ctx context.Context, opt *MacroListOptions, opts ...Option) (*MacroList, *Response, error) {
	return call[MacroList](ctx, s.client, endpoint{method: http.MethodGet, path: "/macros", query: opt}, opts)
}

// ListAll iterates over every macro the token's admin can see, following
// pages.next.starting_after and fetching pages as the loop needs them.
func (s *MacrosService) ListAll(ctx context.Context, opt *MacroListOptions, opts ...Option) iter.Seq2[Macro, error] {
	return walk(ctx, opt, func(o *MacroListOptions, cursor string) {
		if cursor != "" {
			o.StartingAfter = cursor
		}
	}, func(ctx context.Context, o *MacroListOptions) ([]Macro, string, error) {
		page, _, err := s.List(ctx, o, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.Data, nextStartingAfter(page.Pages, len(page.Data)), nil
	})
}

// Get returns a macro, if the token's admin can see it (404 otherwise). API
// 2.16 and later. GET /macros/{id} (getMacro).
func (s *MacrosService) Get(ctx context.Context, id string, opts ...Option) (*Macro, *Response, error) {
	return call[Macro](ctx, s.client, endpoint{method: http.MethodGet, path: "/macros/{id}", params: []string{id}}, opts)
}
