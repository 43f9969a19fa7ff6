package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestJobsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	_, _, err := c.Jobs.Get(ctx, "")
	testInvalidNoIO(t, srv, err, "job_id")
	got, rec := exercise(t, srv, "jobsStatus", "Jobs.Get", func() (*Job, *Response, error) {
		return c.Jobs.Get(ctx, "2")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/jobs/status/2")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &Job{Type: "job", ID: "2", Status: JobSuccess, ResourceType: "ticket", ResourceID: "20",
		ResourceURL: "https://api.intercom.io/tickets/20"}, got)
	require.True(t, got.Status.Done())
	require.False(t, JobPending.Done())

	srv.Respond("jobsStatus", 404, "")
	_, _, err = c.Jobs.Get(ctx, "404")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestJobsVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Jobs.Get(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "GET", "/jobs/status/{job_id}", "jobsStatus", "", "2.14", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
