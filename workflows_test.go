package intercom

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWorkflowsExport(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.15")
	ctx := context.Background()
	got, rec := exercise(t, srv, "exportWorkflow", "Workflows.Export", func() (*WorkflowExport, *Response, error) {
		return c.Workflows.Export(ctx, "67890")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/export/workflows/67890")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "1.0", got.ExportVersion)
	require.Equal(t, time.Date(2026, 1, 26, 12, 0, 0, 0, time.UTC), got.ExportedAt.UTC())
	require.Equal(t, ID("12345"), got.AppID)
	w := got.Workflow
	require.Equal(t, ID("67890"), w.ID)
	require.Equal(t, WorkflowLive, w.State)
	require.Equal(t, []string{"desktop", "mobile"}, w.PreferredDevices)
	require.Equal(t, "inbound_conversation", w.TriggerType)

	srv.Respond("exportWorkflow", 404, "")
	_, _, err := c.Workflows.Export(ctx, "1")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestWorkflowsVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Workflows.Export(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "GET", "/export/workflows/{id}", "exportWorkflow", "", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
