package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTeamsGetMetrics(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "getTeamMetrics", "Teams.GetMetrics", func() (*TeamMetricList, *Response, error) {
		return c.Teams.GetMetrics(ctx, "814865", &TeamGetMetricsOptions{IdleThreshold: 1800})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/teams/814865/metrics")
	testQuery(t, rec, "idle_threshold=1800")
	testNoBody(t, rec)
	require.Equal(t, "team_metric.list", got.Type)
	require.Equal(t, []TeamMetric{
		{Type: "team_metric", AdminID: "123", Open: 5, Idle: 2, Snoozed: 1},
		{Type: "team_metric", AdminID: "456", Open: 3, Snoozed: 2},
	}, got.Data)

	_, _, err := c.Teams.GetMetrics(ctx, "814865", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	srv.Respond("getTeamMetrics", 403, "")
	_, _, err = c.Teams.GetMetrics(ctx, "814865", nil)
	require.ErrorIs(t, err, ErrForbidden)

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.Teams.GetMetrics(ctx, "814865", nil)
	requireEndpointGated(t, srv10, err, "getTeamMetrics")
}
