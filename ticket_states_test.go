package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTicketStatesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.12")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listTicketStates", "TicketStates.List", func() (*TicketStateList, *Response, error) {
		return c.TicketStates.List(ctx)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ticket_states")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.NotEmpty(t, got.Data)
	s := got.Data[0]
	require.Equal(t, ID("2521"), s.ID)
	require.Equal(t, TicketStateSubmitted, s.Category)
	require.Equal(t, "Submitted", s.InternalLabel)
	require.Equal(t, "Submitted", s.ExternalLabel)
	require.Len(t, s.TicketTypes.Data, 3)
	require.Equal(t, TicketCategoryBackOffice, s.TicketTypes.Data[0].Category)

	c10, srv10 := newSpecClient(t)
	_, _, err := c10.TicketStates.List(ctx)
	requireEndpointGated(t, srv10, err, "listTicketStates")
}
