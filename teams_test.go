package intercom

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTeamsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listTeams", "Teams.List", func() (*TeamList, *Response, error) {
		return c.Teams.List(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/teams")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "team.list", got.Type)
	require.Empty(t, got.Teams)

	// A populated list with numeric admin ids and priority levels.
	srv.RespondJSON("listTeams", 200, `{"type":"team.list","teams":[{"type":"team","id":"814865","name":"Example Team","admin_ids":[493881],
		"admin_priority_level":{"primary_admin_ids":[493881],"secondary_admin_ids":[814865]}},{"type":"team","id":"2","name":"B","admin_priority_level":null}]}`)
	got, _, err := c.Teams.List(context.Background())
	require.NoError(t, err)
	require.Len(t, got.Teams, 2)
	require.Equal(t, []ID{"493881"}, got.Teams[0].AdminIDs)
	require.NotNil(t, got.Teams[0].AdminPriorityLevel)
	require.Equal(t, []ID{"493881"}, got.Teams[0].AdminPriorityLevel.PrimaryAdminIDs)
	require.Equal(t, []ID{"814865"}, got.Teams[0].AdminPriorityLevel.SecondaryAdminIDs)
	require.Nil(t, got.Teams[1].AdminPriorityLevel, "null priority level stays nil")
}

func TestTeamsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "retrieveTeam", "Teams.Get", func() (*Team, *Response, error) {
		return c.Teams.Get(context.Background(), "991268197")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/teams/991268197")
	testQuery(t, rec, "")
	require.Equal(t, ID("991268197"), got.ID)
	require.Equal(t, "team 1", got.Name)
	require.Equal(t, "team", got.Type)

	b, err := json.Marshal(Team{ID: "1", AdminIDs: []ID{"2"}})
	require.NoError(t, err)
	require.Equal(t, `{"id":"1","admin_ids":["2"]}`, string(b))
}

func TestTeamsGetErrors(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()

	_, _, err := c.Teams.Get(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Empty(t, srv.Requests(), "nothing is sent for an empty id")

	srv.Respond("retrieveTeam", 404, "Team not found")
	_, resp, err := c.Teams.Get(ctx, "123")
	require.ErrorIs(t, err, ErrNotFound)
	require.NotNil(t, resp)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 404, apiErr.StatusCode)
	require.Equal(t, "d207dd08-c43f-4c74-a032-a49246a5d217", apiErr.RequestID)
	require.True(t, apiErr.HasCode("team_not_found"))
	require.Equal(t, "Team not found", apiErr.Errors[0].Message)
}
