package intercom

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdminsListActivityLogEventTypes(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "listActivityLogEventTypes", "Admins.ListActivityLogEventTypes", func() (*ActivityLogEventTypeList, *Response, error) {
		return c.Admins.ListActivityLogEventTypes(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/admins/activity_log_event_types")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "activity_log_event_type.list", got.Type)
	require.Contains(t, got.EventTypes, ActivityType("admin_away_mode_change"))
}

func TestAdminsSearchActivityLogs(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	req := AdminSearchActivityLogsRequest{CreatedAtAfter: 1677253093, CreatedAtBefore: 1677861493,
		EventTypes: []ActivityType{"app_name_change"}, Page: Some(1), PerPage: Some(20)}
	got, rec := exercise(t, srv, "searchActivityLogs", "Admins.SearchActivityLogs", func() (*ActivityLogList, *Response, error) {
		return c.Admins.SearchActivityLogs(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/admins/activity_logs/search")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"created_at_after":1677253093,"created_at_before":1677861493,"event_types":["app_name_change"],"page":1,"per_page":20}`)
	require.Len(t, got.ActivityLogs, 1)
	require.Equal(t, ActivityType("app_name_change"), got.ActivityLogs[0].ActivityType)
	require.Equal(t, ID("991267464"), got.ActivityLogs[0].PerformedBy.ID)
	require.False(t, got.Pages.HasMore())

	_, _, err := c.Admins.SearchActivityLogs(ctx, AdminSearchActivityLogsRequest{CreatedAtAfter: 1677253093})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"created_at_after":1677253093}`)

	// A search changes nothing: it is retried like a GET.
	n := 0
	srv.RespondFunc("searchActivityLogs", func(w http.ResponseWriter, r *http.Request) {
		n++
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{"type":"activity_log.list","activity_logs":[]}`)
	})
	_, _, err = c.Admins.SearchActivityLogs(ctx, req, WithRetryPolicy(testPolicy(1)))
	require.NoError(t, err)
	require.Equal(t, 2, n)
}

func TestAdminsSearchActivityLogsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	srv.RespondFunc("searchActivityLogs", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Page int `json:"page"`
		}
		b, _ := io.ReadAll(r.Body)
		assert.NoError(t, json.Unmarshal(b, &body))
		switch body.Page {
		case 0, 1:
			_, _ = fmt.Fprint(w, `{"type":"activity_log.list","pages":{"type":"pages","page":1,"per_page":2,"total_pages":2},"activity_logs":[{"id":"a"},{"id":"b"}]}`)
		case 2:
			_, _ = fmt.Fprint(w, `{"type":"activity_log.list","pages":{"type":"pages","page":2,"per_page":2,"total_pages":2},"activity_logs":[{"id":"c"}]}`)
		default:
			assert.Failf(t, "unexpected page", "%s", b)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	req := AdminSearchActivityLogsRequest{CreatedAtAfter: 1677253093, PerPage: Some(2)}
	var ids []ID
	for l, err := range c.Admins.SearchActivityLogsAll(ctx, req) {
		require.NoError(t, err)
		ids = append(ids, l.ID)
	}
	require.Equal(t, []ID{"a", "b", "c"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testJSONBody(t, reqs[0], `{"created_at_after":1677253093,"per_page":2}`)
	testJSONBody(t, reqs[1], `{"created_at_after":1677253093,"page":2,"per_page":2}`)
	require.True(t, req.Page.IsZero(), "the request must not be modified")
}

func TestAdminsSearchActivityLogsValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		field string
		req   AdminSearchActivityLogsRequest
	}{
		{"created_at_after", AdminSearchActivityLogsRequest{CreatedAtBefore: 1}},
		{"created_at_before", AdminSearchActivityLogsRequest{CreatedAtAfter: 10, CreatedAtBefore: 5}},
		{"per_page", AdminSearchActivityLogsRequest{CreatedAtAfter: 10, PerPage: Some(251)}},
		{"per_page", AdminSearchActivityLogsRequest{CreatedAtAfter: 10, PerPage: Some(0)}},
		{"page", AdminSearchActivityLogsRequest{CreatedAtAfter: 10, Page: Some(0)}},
	} {
		c, srv := newSpecClientAt(t, "2.16")
		_, _, err := c.Admins.SearchActivityLogs(ctx, tc.req)
		testInvalidNoIO(t, srv, err, tc.field)
		_, err = Collect(c.Admins.SearchActivityLogsAll(ctx, tc.req))
		testInvalidNoIO(t, srv, err, tc.field)
	}
}

func TestAdminsActivityLogSearchVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Admins.SearchActivityLogs(context.Background(), AdminSearchActivityLogsRequest{CreatedAtAfter: 1})
	requireVersionErr(t, err, "2.10", "POST", "/admins/activity_logs/search", "searchActivityLogs", "", "2.16")
	_, _, err = c.Admins.ListActivityLogEventTypes(context.Background())
	requireVersionErr(t, err, "2.10", "GET", "/admins/activity_log_event_types", "listActivityLogEventTypes", "", "2.16")
	require.Empty(t, srv.Requests())
}
