package intercom

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdminsMe(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "identifyAdmin", "Admins.Me", func() (*AdminWithApp, *Response, error) {
		return c.Admins.Me(context.Background())
	})
	assert.Equal(t, "GET", rec.Method)
	assert.Equal(t, "/me", rec.Path)
	assert.Empty(t, rec.Body)
	assert.Equal(t, ID("991267785"), got.ID)
	require.NotNil(t, got.App)
	assert.Equal(t, "this_is_an_id1_that_should_be_at_least_40", got.App.IDCode)
	assert.Equal(t, Timestamp(1717021702), got.App.CreatedAt)
	assert.True(t, got.EmailVerified)
}

func TestAdminsSetAway(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "setAwayAdmin", "Admins.SetAway", func() (*Admin, *Response, error) {
		return c.Admins.SetAway(context.Background(), "991267791", SetAwayRequest{AwayModeEnabled: true, AwayModeReassign: false})
	})
	assert.Equal(t, "PUT", rec.Method)
	assert.Equal(t, "/admins/991267791/away", rec.Path)
	assert.Equal(t, `{"away_mode_enabled":true,"away_mode_reassign":false}`, string(rec.Body), "both fields are required and always sent")
	assert.Equal(t, "admin", got.Type)
	assert.NotEmpty(t, got.ID)
}

func TestAdminsListActivityLogs(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listActivityLogs", "Admins.ListActivityLogs", func() (*ActivityLogList, *Response, error) {
		return c.Admins.ListActivityLogs(context.Background(), ListActivityLogsOptions{CreatedAtAfter: 1677253093, CreatedAtBefore: 1677861493})
	})
	assert.Equal(t, "/admins/activity_logs", rec.Path)
	assert.Equal(t, "created_at_after=1677253093&created_at_before=1677861493", rec.RawQuery)
	require.Len(t, got.ActivityLogs, 2)
	first := got.ActivityLogs[0]
	assert.Equal(t, ActivityMessageStateChange, first.ActivityType)
	assert.Equal(t, ID("991267790"), first.PerformedBy.ID)
	assert.JSONEq(t, `"Initial message title"`, string(first.Metadata.Other["before"]), "metadata keys the spec does not name are kept")
	assert.Equal(t, 1, got.Pages.TotalPages)

	_, _, err := c.Admins.ListActivityLogs(context.Background(), ListActivityLogsOptions{})
	require.ErrorIs(t, err, ErrInvalidRequest)
}

func TestAdminsListAllActivityLogsPagesLazily(t *testing.T) {
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
	opt := ListActivityLogsOptions{CreatedAtAfter: 1677253093}
	var ids []ID
	for a, err := range c.Admins.ListAllActivityLogs(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []ID{"a1", "b1", "a2", "b2"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "created_at_after=1677253093", reqs[0].RawQuery)
	assert.Equal(t, "created_at_after=1677253093&page=2", reqs[1].RawQuery)
	assert.Zero(t, opt.Page, "the caller's options are not mutated")

	for range c.Admins.ListAllActivityLogs(context.Background(), opt) {
		break
	}
	assert.Len(t, srv.Requests(), 3, "breaking after the first item fetches no second page")
}

func TestAdminsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listAdmins", "Admins.List", func() (*AdminList, *Response, error) {
		return c.Admins.List(context.Background(), &ListAdminsOptions{DisplayAvatar: true})
	})
	assert.Equal(t, "/admins", rec.Path)
	assert.Equal(t, "display_avatar=true", rec.RawQuery)
	require.NotEmpty(t, got.Admins)
	assert.Equal(t, "admin", got.Admins[0].Type)

	_, _, err := c.Admins.List(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, srv.LastRequest().RawQuery)
}

func TestAdminsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveAdmin", "Admins.Get", func() (*Admin, *Response, error) {
		return c.Admins.Get(context.Background(), "991267797")
	})
	assert.Equal(t, "/admins/991267797", rec.Path)
	assert.NotEmpty(t, got.ID)

	srv.Respond("retrieveAdmin", 401, "")
	_, _, err := c.Admins.Get(context.Background(), "991267797")
	require.ErrorIs(t, err, ErrUnauthorized)
	var ae *APIError
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, "unauthorized", ae.Errors[0].Code)
	assert.NotEmpty(t, ae.RequestID)
}
