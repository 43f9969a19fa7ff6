package intercom

import (
	"context"
	"net/http"
)

// OfficeHoursSchedule is a workspace's recurring weekly office hours.
type OfficeHoursSchedule struct {
	// Type is "office_hours_schedule".
	Type string `json:"type,omitempty"`
	// ID is the schedule's id.
	ID ID `json:"id,omitempty"`
	// Name is the schedule's name.
	Name string `json:"name,omitempty"`
	// TimeZoneName is the IANA time zone the hours are evaluated in.
	TimeZoneName string `json:"time_zone_name,omitempty"`
	// TimeIntervals are the open intervals of the week.
	TimeIntervals []OfficeHoursTimeInterval `json:"time_intervals"`
	// TwentyFourSeven is true when the schedule is open around the clock.
	TwentyFourSeven bool `json:"twenty_four_seven,omitempty"`
	// CreatedAt is when the schedule was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the schedule was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// OfficeHoursTimeInterval is one open interval of a schedule or an
// exception, as Intercom returns it. For a schedule, the minutes count from
// the start of the week (Monday 00:00 = 0, up to 10080); for an exception,
// from midnight of its date (up to 1440).
type OfficeHoursTimeInterval struct {
	// StartMinute is the minute the interval starts.
	StartMinute int `json:"start_minute"`
	// EndMinute is the minute the interval ends.
	EndMinute int `json:"end_minute"`
	// DayOfWeek is the day the interval falls on, derived by Intercom
	// (0 = Monday … 6 = Sunday).
	DayOfWeek int `json:"day_of_week"`
}

// OfficeHoursInterval is an open interval sent in a request: minutes from
// the start of the week (Monday 00:00 = 0) for a schedule, from midnight of
// the date for an exception, on 15-minute boundaries.
type OfficeHoursInterval struct {
	// StartMinute is the minute the interval starts.
	StartMinute int `json:"start_minute"`
	// EndMinute is the minute the interval ends.
	EndMinute int `json:"end_minute"`
}

// OfficeHoursScheduleList is the list of a workspace's office hours
// schedules (not paginated).
type OfficeHoursScheduleList struct {
	// Type is "office_hours_schedule.list".
	Type string `json:"type,omitempty"`
	// Data holds the schedules.
	Data []OfficeHoursSchedule `json:"data"`
}

// OfficeHoursScheduleDeleted is the response of deleting a schedule.
type OfficeHoursScheduleDeleted struct {
	// ID is the id of the deleted schedule.
	ID ID `json:"id,omitempty"`
	// Object is "office_hours_schedule".
	Object string `json:"object,omitempty"`
	// Deleted is true when the schedule was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// OfficeHoursExceptionType says how an exception changes a day.
type OfficeHoursExceptionType string

// The kinds of office hours exceptions.
const (
	// OfficeHoursClosed closes the workspace all day.
	OfficeHoursClosed OfficeHoursExceptionType = "closed"
	// OfficeHoursCustomHours replaces the day's regular hours with the
	// exception's intervals.
	OfficeHoursCustomHours OfficeHoursExceptionType = "custom_hours"
)

// OfficeHoursException overrides a schedule's regular hours on one date,
// such as a public holiday.
type OfficeHoursException struct {
	// Type is "office_hours_exception".
	Type string `json:"type,omitempty"`
	// ID is the exception's id.
	ID ID `json:"id,omitempty"`
	// OfficeHoursScheduleID is the schedule the exception belongs to.
	OfficeHoursScheduleID ID `json:"office_hours_schedule_id,omitempty"`
	// ExceptionDate is the date the exception applies to, YYYY-MM-DD.
	ExceptionDate string `json:"exception_date,omitempty"`
	// ExceptionType is closed or custom_hours.
	ExceptionType OfficeHoursExceptionType `json:"exception_type,omitempty"`
	// Name is the exception's name; empty when Intercom sends null.
	Name string `json:"name,omitempty"`
	// TimeIntervals are the open intervals of the date (minutes from
	// midnight); nil for a closed day (Intercom sends null).
	TimeIntervals []OfficeHoursTimeInterval `json:"time_intervals,omitempty"`
	// RecurringAnnually is true when the exception repeats every year.
	RecurringAnnually bool `json:"recurring_annually,omitempty"`
	// CreatedAt is when the exception was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the exception was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
}

// OfficeHoursExceptionList is the list of a schedule's exceptions (not
// paginated).
type OfficeHoursExceptionList struct {
	// Type is "office_hours_exception.list".
	Type string `json:"type,omitempty"`
	// Data holds the exceptions.
	Data []OfficeHoursException `json:"data"`
}

// OfficeHoursExceptionDeleted is the response of deleting an exception.
type OfficeHoursExceptionDeleted struct {
	// ID is the id of the deleted exception.
	ID ID `json:"id,omitempty"`
	// Object is "office_hours_exception".
	Object string `json:"object,omitempty"`
	// Deleted is true when the exception was deleted.
	Deleted bool `json:"deleted,omitempty"`
}

// OfficeHoursCreateRequest is the body of creating a schedule. All three
// fields are required.
type OfficeHoursCreateRequest struct {
	// Name is the schedule's name.
	Name string `json:"name"`
	// TimeZoneName is the IANA time zone the hours are evaluated in, such
	// as "America/New_York".
	TimeZoneName string `json:"time_zone_name"`
	// TimeIntervals are the open intervals of the week.
	TimeIntervals []OfficeHoursInterval `json:"time_intervals"`
}

// Validate checks that the name, the time zone and the intervals are set.
func (r OfficeHoursCreateRequest) Validate() error {
	switch {
	case r.Name == "":
		return invalid("name", "is required")
	case r.TimeZoneName == "":
		return invalid("time_zone_name", "is required")
	case r.TimeIntervals == nil:
		return invalid("time_intervals", "is required")
	}
	return nil
}

// OfficeHoursUpdateRequest is the body of updating a schedule: only the
// fields set are changed.
type OfficeHoursUpdateRequest struct {
	// Name is the new name.
	Name string `json:"name,omitempty"`
	// TimeZoneName is the new IANA time zone.
	TimeZoneName string `json:"time_zone_name,omitempty"`
	// TimeIntervals replaces the open intervals of the week; Some of an
	// empty slice sends [].
	TimeIntervals Opt[[]OfficeHoursInterval] `json:"time_intervals,omitzero"`
}

// OfficeHoursCreateExceptionRequest is the body of creating an exception.
// ExceptionDate and ExceptionType are required; a custom_hours exception
// needs TimeIntervals, a closed one leaves them out.
type OfficeHoursCreateExceptionRequest struct {
	// ExceptionDate is the date, YYYY-MM-DD.
	ExceptionDate string `json:"exception_date"`
	// ExceptionType is closed or custom_hours.
	ExceptionType OfficeHoursExceptionType `json:"exception_type"`
	// Name is an optional name, such as "Christmas Day".
	Name string `json:"name,omitempty"`
	// TimeIntervals are the open intervals of the date, in minutes from
	// midnight.
	TimeIntervals Opt[[]OfficeHoursInterval] `json:"time_intervals,omitzero" intercom:"nullable"`
	// RecurringAnnually makes the exception repeat every year.
	RecurringAnnually Opt[bool] `json:"recurring_annually,omitzero"`
}

// Validate checks that the date and the type are set, and that a
// custom_hours exception has intervals.
func (r OfficeHoursCreateExceptionRequest) Validate() error {
	switch {
	case r.ExceptionDate == "":
		return invalid("exception_date", "is required")
	case r.ExceptionType == "":
		return invalid("exception_type", "is required")
	}
	if iv, ok := r.TimeIntervals.Get(); r.ExceptionType == OfficeHoursCustomHours && (!ok || len(iv) == 0) {
		return invalid("time_intervals", "is required for custom_hours")
	}
	return nil
}

// OfficeHoursUpdateExceptionRequest is the body of updating an exception:
// only the fields set are changed.
type OfficeHoursUpdateExceptionRequest struct {
	// ExceptionDate is the new date, YYYY-MM-DD.
	ExceptionDate string `json:"exception_date,omitempty"`
	// ExceptionType is closed or custom_hours.
	ExceptionType OfficeHoursExceptionType `json:"exception_type,omitempty"`
	// Name is the new name; Some("") clears it.
	Name Opt[string] `json:"name,omitzero"`
	// TimeIntervals replaces the open intervals; Null clears them.
	TimeIntervals Opt[[]OfficeHoursInterval] `json:"time_intervals,omitzero" intercom:"nullable"`
	// RecurringAnnually makes the exception repeat every year, or not.
	RecurringAnnually Opt[bool] `json:"recurring_annually,omitzero"`
}

// List returns the workspace's office hours schedules.
// GET /office_hours_schedules (listOfficeHoursSchedules).
func (s *OfficeHoursService) List(ctx context.Context, opts ...Option) (*OfficeHoursScheduleList, *Response, error) {
	return call[OfficeHoursScheduleList](ctx, s.client, endpoint{method: http.MethodGet, path: "/office_hours_schedules"}, opts)
}

// Create creates an office hours schedule.
// POST /office_hours_schedules (createOfficeHoursSchedule).
func (s *OfficeHoursService) Create(ctx context.Context, req OfficeHoursCreateRequest, opts ...Option) (*OfficeHoursSchedule, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[OfficeHoursSchedule](ctx, s.client, endpoint{method: http.MethodPost, path: "/office_hours_schedules", body: req}, opts)
}

// Get returns an office hours schedule.
// GET /office_hours_schedules/{id} (getOfficeHoursSchedule).
func (s *OfficeHoursService) Get(ctx context.Context, id string, opts ...Option) (*OfficeHoursSchedule, *Response, error) {
	return call[OfficeHoursSchedule](ctx, s.client, endpoint{method: http.MethodGet, path: "/office_hours_schedules/{id}", params: []string{id}}, opts)
}

// Update changes an office hours schedule and returns it.
// PUT /office_hours_schedules/{id} (updateOfficeHoursSchedule).
func (s *OfficeHoursService) Update(ctx context.Context, id string, req OfficeHoursUpdateRequest, opts ...Option) (*OfficeHoursSchedule, *Response, error) {
	return call[OfficeHoursSchedule](ctx, s.client, endpoint{method: http.MethodPut, path: "/office_hours_schedules/{id}", params: []string{id}, body: req}, opts)
}

// Delete deletes an office hours schedule.
// DELETE /office_hours_schedules/{id} (deleteOfficeHoursSchedule).
func (s *OfficeHoursService) Delete(ctx context.Context, id string, opts ...Option) (*OfficeHoursScheduleDeleted, *Response, error) {
	return call[OfficeHoursScheduleDeleted](ctx, s.client, endpoint{method: http.MethodDelete, path: "/office_hours_schedules/{id}", params: []string{id}}, opts)
}

// ListExceptions returns the exceptions of an office hours schedule.
// GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions (listOfficeHoursExceptions).
func (s *OfficeHoursService) ListExceptions(ctx context.Context, scheduleID string, opts ...Option) (*OfficeHoursExceptionList, *Response, error) {
	return call[OfficeHoursExceptionList](ctx, s.client, endpoint{method: http.MethodGet,
		path: "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions", params: []string{scheduleID}}, opts)
}

// CreateException adds an exception to an office hours schedule: a closed
// day or custom hours on a date.
// POST /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions (createOfficeHoursException).
func (s *OfficeHoursService) CreateException(ctx context.Context, scheduleID string, req OfficeHoursCreateExceptionRequest, opts ...Option) (*OfficeHoursException, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[OfficeHoursException](ctx, s.client, endpoint{method: http.MethodPost,
		path: "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions", params: []string{scheduleID}, body: req}, opts)
}

// GetException returns an exception of an office hours schedule.
// GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id} (getOfficeHoursException).
func (s *OfficeHoursService) GetException(ctx context.Context, scheduleID, id string, opts ...Option) (*OfficeHoursException, *Response, error) {
	return call[OfficeHoursException](ctx, s.client, endpoint{method: http.MethodGet,
		path: "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}", params: []string{scheduleID, id}}, opts)
}

// UpdateException changes an exception of an office hours schedule and
// returns it.
// PUT /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id} (updateOfficeHoursException).
func (s *OfficeHoursService) UpdateException(ctx context.Context, scheduleID, id string, req OfficeHoursUpdateExceptionRequest, opts ...Option) (*OfficeHoursException, *Response, error) {
	return call[OfficeHoursException](ctx, s.client, endpoint{method: http.MethodPut,
		path: "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}", params: []string{scheduleID, id}, body: req}, opts)
}

// DeleteException deletes an exception of an office hours schedule.
// DELETE /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id} (deleteOfficeHoursException).
func (s *OfficeHoursService) DeleteException(ctx context.Context, scheduleID, id string, opts ...Option) (*OfficeHoursExceptionDeleted, *Response, error) {
	return call[OfficeHoursExceptionDeleted](ctx, s.client, endpoint{method: http.MethodDelete,
		path: "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}", params: []string{scheduleID, id}}, opts)
}
