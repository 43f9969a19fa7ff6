package intercom

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DataEvent is something a user did, recorded in Intercom (for example
// "invited-friend").
type DataEvent struct {
	// Type is "event".
	Type string `json:"type,omitempty"`
	// EventName is the event's name, ideally a past-tense verb-noun such as "updated-plan".
	EventName string `json:"event_name,omitempty"`
	// CreatedAt is when the event happened.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UserID is your identifier for the user.
	UserID string `json:"user_id,omitempty"`
	// ID is Intercom's identifier for the lead or user.
	ID ID `json:"id,omitempty"`
	// IntercomUserID is Intercom's identifier for the user.
	IntercomUserID ID `json:"intercom_user_id,omitempty"`
	// Email is the user's email address.
	Email string `json:"email,omitempty"`
	// Metadata holds the event's details: strings, numbers, rich links
	// ({"url", "value"}) and monetary amounts ({"amount", "currency"}).
	Metadata map[string]any `json:"metadata,omitempty"`
}

// DataEventSummaryItem summarises one kind of event of a user.
type DataEventSummaryItem struct {
	// Name is the event's name.
	Name string `json:"name,omitempty"`
	// First is when the event first happened, as Intercom sends it: an
	// ISO-8601 string such as "2014-01-16T23:12:21.000+00:00" (see FirstTime).
	First string `json:"first,omitempty"`
	// Last is when the event last happened, an ISO-8601 string (see LastTime).
	Last string `json:"last,omitempty"`
	// Count is how many times the event happened.
	Count int `json:"count,omitempty"`
	// Description is the event's description.
	Description string `json:"description,omitempty"`
}

// FirstTime parses First.
func (i DataEventSummaryItem) FirstTime() (time.Time, error) { return parseDataEventTime(i.First) }

// LastTime parses Last.
func (i DataEventSummaryItem) LastTime() (time.Time, error) { return parseDataEventTime(i.Last) }

// parseDataEventTime parses Intercom's ISO-8601 times, with or without
// fractional seconds (and tolerating stray spaces).
func parseDataEventTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("2006-01-02T15:04:05.000Z07:00", s)
	if err != nil {
		t, err = time.Parse(time.RFC3339Nano, s)
	}
	return t, err
}

// DataEventPages holds the links of a list of events.
type DataEventPages struct {
	// Next is the URL of the next (older) page; empty on the last page.
	Next string `json:"next,omitempty"`
	// Since is the URL that returns the events newer than this page.
	Since string `json:"since,omitempty"`
}

// DataEventList is the response of listing a user's events. Without
// Summary, Type is "event.list" and Events holds the events, newest first;
// with Summary, Type is "event.summary" and Summaries holds one entry per
// event name (Intercom sends both under the "events" key).
type DataEventList struct {
	// Type is "event.list" or "event.summary".
	Type string `json:"type,omitempty"`
	// Events are the events on this page (event.list).
	Events []DataEvent `json:"-"`
	// Summaries are the per-name summaries (event.summary).
	Summaries []DataEventSummaryItem `json:"-"`
	// Pages links to the next page.
	Pages DataEventPages `json:"pages,omitzero"`
	// Email, IntercomUserID and UserID identify the user (on summaries).
	Email          string `json:"email,omitempty"`
	IntercomUserID ID     `json:"intercom_user_id,omitempty"`
	UserID         string `json:"user_id,omitempty"`
}

// DataEventTypeSummary is the Type of a DataEventList holding summaries.
const DataEventTypeSummary = "event.summary"

type dataEventListFields DataEventList

type dataEventListWire struct {
	dataEventListFields
	Events json.RawMessage `json:"events,omitempty"`
}

// UnmarshalJSON decodes "events" into Events or Summaries according to Type.
func (l *DataEventList) UnmarshalJSON(b []byte) error {
	var w dataEventListWire
	if err := unmarshalModel(b, &w); err != nil {
		return err
	}
	*l = DataEventList(w.dataEventListFields)
	if len(w.Events) == 0 || string(w.Events) == "null" {
		return nil
	}
	if l.Type == DataEventTypeSummary {
		return unmarshalModel(w.Events, &l.Summaries)
	}
	return unmarshalModel(w.Events, &l.Events)
}

// MarshalJSON encodes Events or Summaries under "events".
func (l DataEventList) MarshalJSON() ([]byte, error) {
	w := dataEventListWire{dataEventListFields: dataEventListFields(l)}
	var err error
	switch {
	case l.Summaries != nil:
		w.Events, err = json.Marshal(l.Summaries)
	case l.Events != nil:
		w.Events, err = json.Marshal(l.Events)
	default:
		w.Events = json.RawMessage("[]")
	}
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

// DataEventListOptions selects whose events to list: set exactly one of
// UserID, IntercomUserID and Email. The type=user parameter Intercom
// requires is added by the SDK.
type DataEventListOptions struct {
	// UserID is your identifier for the user.
	UserID string
	// IntercomUserID is Intercom's identifier for the user.
	IntercomUserID string
	// Email is the user's email address.
	Email string
	// Summary asks for a summary per event name instead of the events.
	Summary bool
	// PerPage is the page size (Intercom's default applies when zero).
	PerPage int
}

// Validate checks that exactly one identifier is set.
func (o DataEventListOptions) Validate() error {
	n := 0
	for _, v := range []string{o.UserID, o.IntercomUserID, o.Email} {
		if v != "" {
			n++
		}
	}
	if n != 1 {
		return invalid("user_id|intercom_user_id|email", "exactly one is required")
	}
	if o.PerPage < 0 {
		return invalid("per_page", "must not be negative")
	}
	return nil
}

// values builds the query: the object parameter "filter" is serialised as a
// bare user_id=… (or intercom_user_id=…, email=…), plus type=user.
func (o DataEventListOptions) values() url.Values {
	q := url.Values{"type": {"user"}}
	switch {
	case o.UserID != "":
		q.Set("user_id", o.UserID)
	case o.IntercomUserID != "":
		q.Set("intercom_user_id", o.IntercomUserID)
	default:
		q.Set("email", o.Email)
	}
	if o.Summary {
		q.Set("summary", "true")
	}
	if o.PerPage > 0 {
		q.Set("per_page", itoa(int64(o.PerPage)))
	}
	return q
}

// DataEventCreateRequest records an event. EventName and CreatedAt are
// required, and the user is identified by one of ID, UserID and Email.
type DataEventCreateRequest struct {
	// EventName is the event's name (required).
	EventName string `json:"event_name"`
	// CreatedAt is when the event happened (required).
	CreatedAt Timestamp `json:"created_at"`
	// UserID is your identifier for the user.
	UserID string `json:"user_id,omitempty"`
	// ID is Intercom's identifier for the lead or user.
	ID string `json:"id,omitempty"`
	// Email is the user's email address.
	Email string `json:"email,omitempty"`
	// Metadata holds up to 10 details of the event: strings, numbers, rich
	// links ({"url", "value"}) and monetary amounts ({"amount", "currency"}).
	Metadata map[string]any `json:"metadata,omitempty"`
}

// Validate checks the required fields and that the user is identified.
func (r DataEventCreateRequest) Validate() error {
	switch {
	case r.EventName == "":
		return invalid("event_name", "is required")
	case r.CreatedAt == 0:
		return invalid("created_at", "is required")
	case r.ID == "" && r.UserID == "" && r.Email == "":
		return invalid("id|user_id|email", "at least one is required")
	}
	return nil
}

// DataEventSummariesRequest sends a summary of a user's events.
type DataEventSummariesRequest struct {
	// UserID is your identifier for the user (required).
	UserID string `json:"user_id"`
	// EventSummaries is the summary to record.
	EventSummaries DataEventSummaryEntry `json:"event_summaries"`
}

// DataEventSummaryEntry is one event summary sent to Intercom.
type DataEventSummaryEntry struct {
	// EventName is the event's name (required).
	EventName string `json:"event_name"`
	// Count is how many times the event happened.
	Count int `json:"count"`
	// First is when the event first happened.
	First Timestamp `json:"first,omitempty"`
	// Last is when the event last happened.
	Last Timestamp `json:"last,omitempty"`
}

// Validate checks the required fields.
func (r DataEventSummariesRequest) Validate() error {
	switch {
	case r.UserID == "":
		return invalid("user_id", "is required")
	case r.EventSummaries.EventName == "":
		return invalid("event_summaries.event_name", "is required")
	case r.EventSummaries.Count < 0:
		return invalid("event_summaries.count", "must not be negative")
	}
	return nil
}

// Create records an event for a user or lead. Intercom answers 202 with no
// body; the event is processed asynchronously. POST /events (createDataEvent).
func (s *DataEventsService) Create(ctx context.Context, req DataEventCreateRequest, opts ...Option) (*Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return s.client.send(ctx, endpoint{method: http.MethodPost, path: "/events", body: req}, nil, opts)
}

// List returns the first page of a user's events (or, with Summary, the
// summary of their events). Use ListAll to walk every page.
// GET /events (lisDataEvents).
func (s *DataEventsService) List(ctx context.Context, opt DataEventListOptions, opts ...Option) (*DataEventList, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[DataEventList](ctx, s.client, endpoint{method: http.MethodGet, path: "/events", query: opt.values()}, opts)
}

// ListAll iterates over a user's events, newest first, fetching pages as
// the loop needs them. Each next page is requested with the query of the
// pages.next link against the client's own base URL (the link's host is
// never contacted). opt.Summary is ignored.
func (s *DataEventsService) ListAll(ctx context.Context, opt DataEventListOptions, opts ...Option) iter.Seq2[DataEvent, error] {
	// badNext holds a malformed pages.next link: the page it came with is
	// still yielded, and the error ends the walk when the next page is due.
	var badNext error
	return paginate(ctx, func(ctx context.Context, cursor string) ([]DataEvent, string, error) {
		var q url.Values
		if cursor == "" {
			badNext = nil
			o := opt
			o.Summary = false
			if err := o.Validate(); err != nil {
				return nil, "", err
			}
			q = o.values()
		} else {
			if badNext != nil {
				return nil, "", badNext
			}
			var err error
			if q, err = url.ParseQuery(cursor); err != nil {
				return nil, "", invalid("pages.next", "has a malformed query: "+err.Error())
			}
			if q.Get("type") == "" {
				q.Set("type", "user")
			}
		}
		page, _, err := call[DataEventList](ctx, s.client, endpoint{method: http.MethodGet, path: "/events", query: q}, opts)
		if err != nil {
			return nil, "", err
		}
		if len(page.Events) == 0 {
			return nil, "", nil
		}
		next, err := dataEventsNextQuery(page.Pages.Next)
		if err != nil {
			badNext = err
			next = "\x00invalid next link"
		}
		return page.Events, next, nil
	}, false)
}

// dataEventsNextQuery returns the raw query of a pages.next link of
// GET /events, or "" when there is none.
func dataEventsNextQuery(next string) (string, error) {
	if next == "" {
		return "", nil
	}
	u, err := url.Parse(next)
	if err != nil {
		return "", invalid("pages.next", "is not a URL: "+err.Error())
	}
	if !strings.HasSuffix(strings.TrimRight(u.Path, "/"), "/events") {
		return "", invalid("pages.next", "does not link to /events: "+u.Path)
	}
	return u.RawQuery, nil
}

// Summaries records a summary of a user's events (a count with first and
// last times). Intercom answers with no body.
// POST /events/summaries (dataEventSummaries).
func (s *DataEventsService) Summaries(ctx context.Context, req DataEventSummariesRequest, opts ...Option) (*Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return s.client.send(ctx, endpoint{method: http.MethodPost, path: "/events/summaries", body: req}, nil, opts)
}
