package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

// requireEndpointGated checks that err is the version gate's refusal of an
// endpoint (ErrUnsupportedByVersion naming the operation) and that srv saw
// no request.
func requireEndpointGated(t *testing.T, srv interface{ Requests() []*spectest.Request }, err error, op string) {
	t.Helper()
	require.ErrorIs(t, err, ErrUnsupportedByVersion)
	var ve *VersionError
	require.ErrorAs(t, err, &ve)
	require.Equal(t, op, ve.Operation)
	require.Empty(t, srv.Requests(), "refused before any I/O")
}

func TestAwayStatusReasonsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listAwayStatusReasons", "AwayStatusReasons.List", func() (*AwayStatusReasonList, *Response, error) {
		return c.AwayStatusReasons.List(ctx)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/away_status_reasons")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.NotNil(t, got)

	srv.RespondJSON("listAwayStatusReasons", 200, `{"type":"list","data":[{"type":"away_status_reason","id":"1","label":"On a break","emoji":"☕","order":1,"deleted":false,"created_at":1734537243,"updated_at":1734537244},{"type":"away_status_reason","id":"2","label":"Gone","emoji":"","order":2,"deleted":true,"created_at":1,"updated_at":2}]}`)
	got, _, err := c.AwayStatusReasons.List(ctx)
	require.NoError(t, err)
	require.Equal(t, []AwayStatusReason{
		{Type: "away_status_reason", ID: "1", Label: "On a break", Emoji: "☕", Order: 1, CreatedAt: 1734537243, UpdatedAt: 1734537244},
		{Type: "away_status_reason", ID: "2", Label: "Gone", Order: 2, Deleted: true, CreatedAt: 1, UpdatedAt: 2},
	}, got.Data)

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.AwayStatusReasons.List(ctx)
	requireEndpointGated(t, srv10, err, "listAwayStatusReasons")
}
