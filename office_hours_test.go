package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOfficeHoursSchedules(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()

	list, rec := exercise(t, srv, "listOfficeHoursSchedules", "OfficeHours.List", func() (*OfficeHoursScheduleList, *Response, error) {
		return c.OfficeHours.List(ctx)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/office_hours_schedules")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "office_hours_schedule.list", list.Type)
	require.Len(t, list.Data, 1)
	sc := list.Data[0]
	require.Equal(t, ID("123"), sc.ID)
	require.Equal(t, "America/New_York", sc.TimeZoneName)
	require.Equal(t, []OfficeHoursTimeInterval{{540, 1020, 0}, {1980, 2460, 1}}, sc.TimeIntervals)
	require.Equal(t, Timestamp(1717200000), sc.CreatedAt)

	created, rec := exercise(t, srv, "createOfficeHoursSchedule", "OfficeHours.Create", func() (*OfficeHoursSchedule, *Response, error) {
		return c.OfficeHours.Create(ctx, OfficeHoursCreateRequest{Name: "Standard Support Hours", TimeZoneName: "America/New_York",
			TimeIntervals: []OfficeHoursInterval{{StartMinute: 540, EndMinute: 1020}}})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/office_hours_schedules")
	testJSONBody(t, rec, `{"name":"Standard Support Hours","time_zone_name":"America/New_York","time_intervals":[{"start_minute":540,"end_minute":1020}]}`)
	require.Equal(t, ID("125"), created.ID)

	got, rec := exercise(t, srv, "getOfficeHoursSchedule", "OfficeHours.Get", func() (*OfficeHoursSchedule, *Response, error) {
		return c.OfficeHours.Get(ctx, "123")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/office_hours_schedules/123")
	testNoBody(t, rec)
	require.Equal(t, "Standard Support Hours", got.Name)
	require.False(t, got.TwentyFourSeven)

	upd, rec := exercise(t, srv, "updateOfficeHoursSchedule", "OfficeHours.Update", func() (*OfficeHoursSchedule, *Response, error) {
		return c.OfficeHours.Update(ctx, "123", OfficeHoursUpdateRequest{Name: "Extended Support Hours",
			TimeIntervals: Some([]OfficeHoursInterval{{StartMinute: 480, EndMinute: 1080}})})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/office_hours_schedules/123")
	testJSONBody(t, rec, `{"name":"Extended Support Hours","time_intervals":[{"start_minute":480,"end_minute":1080}]}`)
	require.Equal(t, Timestamp(1717203600), upd.UpdatedAt)
	// The time zone alone; an empty interval list is sent as [].
	_, _, err := c.OfficeHours.Update(ctx, "123", OfficeHoursUpdateRequest{TimeZoneName: "Europe/Paris"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"time_zone_name":"Europe/Paris"}`)
	_, _, err = c.OfficeHours.Update(ctx, "123", OfficeHoursUpdateRequest{TimeIntervals: Some([]OfficeHoursInterval{})})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"time_intervals":[]}`)

	del, rec := exercise(t, srv, "deleteOfficeHoursSchedule", "OfficeHours.Delete", func() (*OfficeHoursScheduleDeleted, *Response, error) {
		return c.OfficeHours.Delete(ctx, "123")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/office_hours_schedules/123")
	testNoBody(t, rec)
	require.Equal(t, &OfficeHoursScheduleDeleted{ID: "123", Object: "office_hours_schedule", Deleted: true}, del)

	srv.Respond("getOfficeHoursSchedule", 404, "")
	_, _, err = c.OfficeHours.Get(ctx, "999")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestOfficeHoursExceptions(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	const base = "/office_hours_schedules/123/office_hours_exceptions"

	list, rec := exercise(t, srv, "listOfficeHoursExceptions", "OfficeHours.ListExceptions", func() (*OfficeHoursExceptionList, *Response, error) {
		return c.OfficeHours.ListExceptions(ctx, "123")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, base)
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Len(t, list.Data, 2)
	require.Equal(t, OfficeHoursClosed, list.Data[0].ExceptionType)
	require.Nil(t, list.Data[0].TimeIntervals, "null intervals of a closed day")
	require.Equal(t, ID("123"), list.Data[0].OfficeHoursScheduleID)
	require.Equal(t, "2026-12-25", list.Data[0].ExceptionDate)
	require.True(t, list.Data[0].RecurringAnnually)
	require.Equal(t, OfficeHoursCustomHours, list.Data[1].ExceptionType)
	require.Equal(t, []OfficeHoursTimeInterval{{540, 780, 3}}, list.Data[1].TimeIntervals)

	created, rec := exercise(t, srv, "createOfficeHoursException", "OfficeHours.CreateException", func() (*OfficeHoursException, *Response, error) {
		return c.OfficeHours.CreateException(ctx, "123", OfficeHoursCreateExceptionRequest{ExceptionDate: "2026-12-25",
			ExceptionType: OfficeHoursClosed, Name: "Christmas Day", RecurringAnnually: Some(true)})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, base)
	testJSONBody(t, rec, `{"exception_date":"2026-12-25","exception_type":"closed","name":"Christmas Day","recurring_annually":true}`)
	require.Equal(t, ID("458"), created.ID)
	_, _, err := c.OfficeHours.CreateException(ctx, "123", OfficeHoursCreateExceptionRequest{ExceptionDate: "2026-12-24",
		ExceptionType: OfficeHoursCustomHours, TimeIntervals: Some([]OfficeHoursInterval{{StartMinute: 540, EndMinute: 780}}), RecurringAnnually: Some(false)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"exception_date":"2026-12-24","exception_type":"custom_hours","time_intervals":[{"start_minute":540,"end_minute":780}],"recurring_annually":false}`)

	got, rec := exercise(t, srv, "getOfficeHoursException", "OfficeHours.GetException", func() (*OfficeHoursException, *Response, error) {
		return c.OfficeHours.GetException(ctx, "123", "456")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, base+"/456")
	testNoBody(t, rec)
	require.Equal(t, "Christmas Day", got.Name)

	upd, rec := exercise(t, srv, "updateOfficeHoursException", "OfficeHours.UpdateException", func() (*OfficeHoursException, *Response, error) {
		return c.OfficeHours.UpdateException(ctx, "123", "456", OfficeHoursUpdateExceptionRequest{ExceptionType: OfficeHoursCustomHours,
			Name: Some("Christmas Day (reduced hours)"), TimeIntervals: Some([]OfficeHoursInterval{{StartMinute: 540, EndMinute: 780}}), RecurringAnnually: Some(true)})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, base+"/456")
	testJSONBody(t, rec, `{"exception_type":"custom_hours","name":"Christmas Day (reduced hours)","time_intervals":[{"start_minute":540,"end_minute":780}],"recurring_annually":true}`)
	require.Equal(t, []OfficeHoursTimeInterval{{540, 780, 4}}, upd.TimeIntervals)
	// Back to closed: the intervals are cleared with null, the name with "".
	_, _, err = c.OfficeHours.UpdateException(ctx, "123", "456", OfficeHoursUpdateExceptionRequest{ExceptionType: OfficeHoursClosed,
		TimeIntervals: Null[[]OfficeHoursInterval](), Name: Some("")})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"exception_type":"closed","name":"","time_intervals":null}`)

	del, rec := exercise(t, srv, "deleteOfficeHoursException", "OfficeHours.DeleteException", func() (*OfficeHoursExceptionDeleted, *Response, error) {
		return c.OfficeHours.DeleteException(ctx, "123", "456")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, base+"/456")
	testNoBody(t, rec)
	require.Equal(t, &OfficeHoursExceptionDeleted{ID: "456", Object: "office_hours_exception", Deleted: true}, del)
}

func TestOfficeHoursValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name, field string
		call        func(c *Client) error
	}{
		{"Create no name", "name", func(c *Client) error {
			_, _, err := c.OfficeHours.Create(ctx, OfficeHoursCreateRequest{TimeZoneName: "UTC", TimeIntervals: []OfficeHoursInterval{}})
			return err
		}},
		{"Create no time zone", "time_zone_name", func(c *Client) error {
			_, _, err := c.OfficeHours.Create(ctx, OfficeHoursCreateRequest{Name: "n", TimeIntervals: []OfficeHoursInterval{}})
			return err
		}},
		{"Create no intervals", "time_intervals", func(c *Client) error {
			_, _, err := c.OfficeHours.Create(ctx, OfficeHoursCreateRequest{Name: "n", TimeZoneName: "UTC"})
			return err
		}},
		{"CreateException no date", "exception_date", func(c *Client) error {
			_, _, err := c.OfficeHours.CreateException(ctx, "1", OfficeHoursCreateExceptionRequest{ExceptionType: OfficeHoursClosed})
			return err
		}},
		{"CreateException no type", "exception_type", func(c *Client) error {
			_, _, err := c.OfficeHours.CreateException(ctx, "1", OfficeHoursCreateExceptionRequest{ExceptionDate: "2026-01-01"})
			return err
		}},
		{"CreateException custom hours without intervals", "time_intervals", func(c *Client) error {
			_, _, err := c.OfficeHours.CreateException(ctx, "1", OfficeHoursCreateExceptionRequest{ExceptionDate: "2026-12-24", ExceptionType: OfficeHoursCustomHours})
			return err
		}},
		{"Update null intervals", "time_intervals", func(c *Client) error {
			_, _, err := c.OfficeHours.Update(ctx, "1", OfficeHoursUpdateRequest{TimeIntervals: Null[[]OfficeHoursInterval]()})
			return err
		}},
		{"GetException no schedule", "office_hours_schedule_id", func(c *Client) error {
			_, _, err := c.OfficeHours.GetException(ctx, "", "1")
			return err
		}},
	}
	for _, tc := range cases {
		c, srv := newSpecClientAt(t, "2.16")
		testInvalidNoIO(t, srv, tc.call(c), tc.field)
	}
}

func TestOfficeHoursVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.OfficeHours.List(context.Background())
	requireVersionErr(t, err, "2.10", "GET", "/office_hours_schedules", "listOfficeHoursSchedules", "", "2.16")
	require.Empty(t, srv.Requests())
}
