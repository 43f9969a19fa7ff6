package intercom

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNullRefusedWhereIntercomTakesNone: the shared request path refuses
// Null in any field not tagged nullable, naming the field, before any I/O.
func TestNullRefusedWhereIntercomTakesNone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		field string
		call  func(c *Client) error
	}{
		{"read", func(c *Client) error {
			_, _, err := c.Conversations.Update(ctx, "1", ConversationUpdateRequest{Read: Null[bool]()}, nil)
			return err
		}},
		{"deliver_silently", func(c *Client) error {
			_, _, err := c.News.CreateItem(ctx, NewsCreateItemRequest{Title: "t", SenderID: "1", State: "live", DeliverSilently: Null[bool]()})
			return err
		}},
		{"archived", func(c *Client) error {
			_, _, err := c.DataAttributes.Update(ctx, "1", DataAttributeUpdateRequest{Description: Null[string](), Archived: Null[bool]()})
			return err
		}},
		{"description", func(c *Client) error {
			_, _, err := c.DataAttributes.Update(ctx, "1", DataAttributeUpdateRequest{Description: Null[string]()})
			return err
		}},
		{"is_shared", func(c *Client) error {
			_, _, err := c.Tickets.Update(ctx, "1", TicketUpdateRequest{IsShared: Null[bool]()})
			return err
		}},
	} {
		t.Run(tc.field, func(t *testing.T) {
			c, srv := newSpecClient(t)
			testInvalidNoIO(t, srv, tc.call(c), tc.field)
		})
	}
}

func TestNullSentWhereIntercomTakesIt(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Contacts.Update(context.Background(), contactTestID, ContactUpdateRequest{Phone: Null[string](), OwnerID: Null[ID]()})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"phone":null,"owner_id":null}`)
}

func TestCheckNullsWalksNestedValues(t *testing.T) {
	t.Parallel()
	type inner struct {
		A Opt[int] `json:"a,omitzero"`
		B Opt[int] `json:"b,omitzero" intercom:"nullable"`
	}
	type outer struct {
		In    inner   `json:"in"`
		Ptr   *inner  `json:"ptr,omitempty"`
		List  []inner `json:"list,omitempty"`
		Other string  `json:"other"`
	}
	require.NoError(t, checkNulls(outer{In: inner{B: Null[int]()}}))
	require.NoError(t, checkNulls(nil))
	require.NoError(t, checkNulls(map[string]any{"x": nil}))
	var ire *InvalidRequestError
	require.ErrorAs(t, checkNulls(outer{In: inner{A: Null[int]()}}), &ire)
	require.Equal(t, "in.a", ire.Field)
	require.ErrorAs(t, checkNulls(&outer{Ptr: &inner{A: Null[int]()}}), &ire)
	require.Equal(t, "ptr.a", ire.Field)
	require.ErrorAs(t, checkNulls(outer{List: []inner{{}, {A: Null[int]()}}}), &ire)
	require.Equal(t, "list.a", ire.Field)
}
