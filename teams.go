package intercom

import (
	"context"
	"net/http"
)

// Team is a group of admins.
type Team struct {
	// Type is "team".
	Type string `json:"type,omitempty"`
	// ID is the team's id.
	ID ID `json:"id,omitempty"`
	// Name is the team's name.
	Name string `json:"name,omitempty"`
	// AdminIDs are the admins in the team.
	AdminIDs []ID `json:"admin_ids,omitempty"`
	// AdminPriorityLevel groups the team's admins by priority; Intercom may send null.
	AdminPriorityLevel *AdminPriorityLevel `json:"admin_priority_level,omitempty"`
	// AssignmentLimit is the team's assignment limit, sent only when
	// conversations are load balanced among its members. API 2.14 and
	// later.
	AssignmentLimit int `json:"assignment_limit,omitempty"`
	// DistributionMethod is how conversations are distributed among the
	// team's members, such as "round_robin". API 2.14 and later.
	DistributionMethod string `json:"distribution_method,omitempty"`
}

// AdminPriorityLevel lists a team's primary and secondary admins.
type AdminPriorityLevel struct {
	// PrimaryAdminIDs are the team's primary admins.
	PrimaryAdminIDs []ID `json:"primary_admin_ids,omitempty"`
	// SecondaryAdminIDs are the team's secondary admins.
	SecondaryAdminIDs []ID `json:"secondary_admin_ids,omitempty"`
}

// TeamList is the response of listing teams (not paginated).
type TeamList struct {
	// Type is "team.list".
	Type string `json:"type,omitempty"`
	// Teams are the workspace's teams.
	Teams []Team `json:"teams"`
}

// List returns every team of the workspace (the list is not paginated).
// GET /teams (listTeams).
func (s *TeamsService) List(ctx context.Context, opts ...Option) (*TeamList, *Response, error) {
	return call[TeamList](ctx, s.client, endpoint{method: http.MethodGet, path: "/teams"}, opts)
}

// Get returns a team. GET /teams/{id} (retrieveTeam).
func (s *TeamsService) Get(ctx context.Context, id string, opts ...Option) (*Team, *Response, error) {
	return call[Team](ctx, s.client, endpoint{method: http.MethodGet, path: "/teams/{id}", params: []string{id}}, opts)
}
