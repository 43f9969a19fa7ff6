package intercom

import (
	"context"
	"iter"
	"net/http"
)

// ActivityLogEventTypeList is the list of every activity log event type,
// the values SearchActivityLogs accepts in EventTypes.
type ActivityLogEventTypeList struct {
	// Type is "activity_log_event_type.list".
	Type string `json:"type,omitempty"`
	// EventTypes are the event types, such as "admin_away_mode_change".
	EventTypes []ActivityType `json:"event_types"`
}

// AdminSearchActivityLogsRequest is the body of searching the admin
// activity log. CreatedAtAfter is required.
type AdminSearchActivityLogsRequest struct {
	// CreatedAtAfter is the start of the window.
	CreatedAtAfter Timestamp `json:"created_at_after"`
	// CreatedAtBefore is the end of the window.
	CreatedAtBefore Timestamp `json:"created_at_before,omitempty"`
	// EventTypes keeps only these event types (see
	// ListActivityLogEventTypes).
	EventTypes []ActivityType `json:"event_types,omitempty"`
	// Page is the page number, from 1.
	Page Opt[int] `json:"page,omitzero"`
	// PerPage is the page size, 1 to 250 (Intercom's default is 20).
	PerPage Opt[int] `json:"per_page,omitzero"`
}

// Validate checks the window and the page size.
func (r AdminSearchActivityLogsRequest) Validate() error {
	switch {
	case r.CreatedAtAfter == 0:
		return invalid("created_at_after", "is required")
	case r.CreatedAtBefore != 0 && r.CreatedAtBefore < r.CreatedAtAfter:
		return invalid("created_at_before", "is before created_at_after")
	}
	if n, ok := r.PerPage.Get(); ok && (n < 1 || n > 250) {
		return invalid("per_page", "must be between 1 and 250")
	}
	if n, ok := r.Page.Get(); ok && n < 1 {
		return invalid("page", "must be at least 1")
	}
	return nil
}

// ListActivityLogEventTypes returns every activity log event type.
// GET /admins/activity_log_event_types (listActivityLogEventTypes).
func (s *AdminsService) ListActivityLogEventTypes(ctx context.Context, opts ...Option) (*ActivityLogEventTypeList, *Response, error) {
	return call[ActivityLogEventTypeList](ctx, s.client, endpoint{method: http.MethodGet, path: "/admins/activity_log_event_types"}, opts)
}

// SearchActivityLogs returns one page of the admin activity log events in
// a window, optionally of some event types only.
// POST /admins/activity_logs/search (searchActivityLogs).
func (s *AdminsService) SearchActivityLogs(ctx context.Context, req AdminSearchActivityLogsRequest, opts ...Option) (*ActivityLogList, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ActivityLogList](ctx, s.client, endpoint{method: http.MethodPost, path: "/admins/activity_logs/search", body: req, readOnly: true}, opts)
}

// SearchActivityLogsAll iterates over every event the search finds, page
// by page (req.Page, if set, is the first). req is not modified.
func (s *AdminsService) SearchActivityLogsAll(ctx context.Context, req AdminSearchActivityLogsRequest, opts ...Option) iter.Seq2[ActivityLog, error] {
	return walk(ctx, &req, func(r *AdminSearchActivityLogsRequest, cursor string) {
		if cursor != "" {
			r.Page = Some(atoiOr(cursor, 1))
		}
	}, func(ctx context.Context, r *AdminSearchActivityLogsRequest) ([]ActivityLog, string, error) {
		page, _, err := s.SearchActivityLogs(ctx, *r, opts...)
		if err != nil {
			return nil, "", err
		}
		return page.ActivityLogs, nextPageNumber(page.Pages, len(page.ActivityLogs)), nil
	})
}
