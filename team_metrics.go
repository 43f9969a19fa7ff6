package intercom

import (
	"context"
	"net/http"
)

// TeamMetric is the live workload of one admin of a team.
type TeamMetric struct {
	// Type is "team_metric".
	Type string `json:"type,omitempty"`
	// AdminID is the admin.
	AdminID ID `json:"admin_id,omitempty"`
	// Open is the number of open conversations assigned to the admin.
	Open int `json:"open,omitempty"`
	// Idle is the number of those open longer than the idle threshold
	// without activity.
	Idle int `json:"idle,omitempty"`
	// Snoozed is the number of snoozed conversations assigned to the admin.
	Snoozed int `json:"snoozed,omitempty"`
}

// TeamMetricList lists the live workload of each admin of a team.
type TeamMetricList struct {
	// Type is "team_metric.list".
	Type string `json:"type,omitempty"`
	// Data are the admins' metrics.
	Data []TeamMetric `json:"data"`
}

// TeamGetMetricsOptions are the query parameters of fetching a team's
// metrics.
type TeamGetMetricsOptions struct {
	// IdleThreshold is the number of seconds after which an open
	// conversation counts as idle, 1 to 86400 (Intercom's default is 1800).
	IdleThreshold int `url:"idle_threshold,omitempty"`
}

// GetMetrics returns the live workload (open, idle and snoozed
// conversations) of each admin of a team; the workspace needs real-time
// monitoring. API 2.16 and later.
// GET /teams/{team_id}/metrics (getTeamMetrics).
func (s *TeamsService) GetMetrics(ctx context.Context, teamID string, opt *TeamGetMetricsOptions, opts ...Option) (*TeamMetricList, *Response, error) {
	return call[TeamMetricList](ctx, s.client, endpoint{method: http.MethodGet, path: "/teams/{team_id}/metrics", params: []string{teamID}, query: opt}, opts)
}
