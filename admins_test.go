package intercom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAdminsMe(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "identifyAdmin", "Admins.Me", func() (*AdminWithApp, *Response, error) {
		return c.Admins.Me(context.Background())
	})
	testMethod(t, rec, "GET")
	testPath(t, rec, "/me")
	testNoBody(t, rec)
	require.Equal(t, ID("991267785"), got.ID)
	require.NotNil(t, got.App)
	require.Equal(t, "this_is_an_id1_that_should_be_at_least_40", got.App.IDCode)
	require.Equal(t, Timestamp(1717021702), got.App.CreatedAt)
	require.True(t, got.EmailVerified)
}

func TestAdminsSetAway(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "setAwayAdmin", "Admins.SetAway", func() (*Admin, *Response, error) {
		return c.Admins.SetAway(context.Background(), "991267791", AdminSetAwayRequest{AwayModeEnabled: true, AwayModeReassign: false})
	})
	testMethod(t, rec, "PUT")
	testPath(t, rec, "/admins/991267791/away")
	testJSONBody(t, rec, `{"away_mode_enabled":true,"away_mode_reassign":false}`, "both fields are required and always sent")
	require.Equal(t, "admin", got.Type)
	require.NotEmpty(t, got.ID)
}

func TestAdminsListActivityLogs(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listActivityLogs", "Admins.ListActivityLogs", func() (*ActivityLogList, *Response, error) {
		return c.Admins.ListActivityLogs(context.Background(), AdminListActivityLogsOptions{CreatedAtAfter: 1677253093, CreatedAtBefore: 1677861493})
	})
	testPath(t, rec, "/admins/activity_logs")
	testQuery(t, rec, "created_at_after=1677253093&created_at_before=1677861493")
	require.Len(t, got.ActivityLogs, 2)
	first := got.ActivityLogs[0]
	require.Equal(t, ActivityMessageStateChange, first.ActivityType)
	require.Equal(t, ID("991267790"), first.PerformedBy.ID)
	require.JSONEq(t, `"Initial message title"`, string(first.Metadata.Other["before"]), "metadata keys the spec does not name are kept")
	require.Equal(t, 1, got.Pages.TotalPages)

	_, _, err := c.Admins.ListActivityLogs(context.Background(), AdminListActivityLogsOptions{})
	require.ErrorIs(t, err, ErrInvalidRequest)
}

func TestAdminsListActivityLogsAllPagesLazily(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listActivityLogs", func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		if page == "" {
			page = "1"
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"type":"activity_log.list","pages":{"type":"pages","page":%s,"per_page":2,"total_pages":2},"activity_logs":[{"id":"a%s"},{"id":"b%s"}]}`, page, page, page)
	})
	opt := AdminListActivityLogsOptions{CreatedAtAfter: 1677253093}
	var ids []ID
	for a, err := range c.Admins.ListActivityLogsAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Equal(t, []ID{"a1", "b1", "a2", "b2"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "created_at_after=1677253093")
	testQuery(t, reqs[1], "created_at_after=1677253093&page=2")
	require.Zero(t, opt.Page, "the caller's options are not mutated")

	for range c.Admins.ListActivityLogsAll(context.Background(), opt) {
		break
	}
	require.Len(t, srv.Requests(), 3, "breaking after the first item fetches no second page")
}

func TestAdminsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listAdmins", "Admins.List", func() (*AdminList, *Response, error) {
		return c.Admins.List(context.Background(), &AdminListOptions{DisplayAvatar: true})
	})
	testPath(t, rec, "/admins")
	testQuery(t, rec, "display_avatar=true")
	require.NotEmpty(t, got.Admins)
	require.Equal(t, "admin", got.Admins[0].Type)

	_, _, err := c.Admins.List(context.Background(), nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")
}

func TestAdminsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveAdmin", "Admins.Get", func() (*Admin, *Response, error) {
		return c.Admins.Get(context.Background(), "991267797")
	})
	testPath(t, rec, "/admins/991267797")
	require.NotEmpty(t, got.ID)

	srv.Respond("retrieveAdmin", 401, "")
	_, _, err := c.Admins.Get(context.Background(), "991267797")
	require.ErrorIs(t, err, ErrUnauthorized)
	var ae *APIError
	require.True(t, errors.As(err, &ae))
	require.Equal(t, "unauthorized", ae.Errors[0].Code)
	require.NotEmpty(t, ae.RequestID)
}
