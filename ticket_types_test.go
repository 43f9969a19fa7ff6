package intercom

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTicketTypesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listTicketTypes", "TicketTypes.List", func() (*TicketTypeList, *Response, error) {
		return c.TicketTypes.List(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ticket_types")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Len(t, got.Data, 1, "the example's items are under data, not ticket_types")
	tt := got.Data[0]
	require.Equal(t, ID("87"), tt.ID)
	require.Equal(t, "Bug Report", tt.Name)
	require.Equal(t, TicketCategoryCustomer, tt.Category)
	require.Equal(t, "🎟️", tt.Icon)
	require.False(t, tt.IsInternal)
	require.Equal(t, Timestamp(1717022032), tt.CreatedAt)
	attrs := tt.TicketTypeAttributes.Data
	require.Len(t, attrs, 3)
	require.Equal(t, "_default_title_", attrs[0].Name)
	require.Equal(t, map[string]any{"multiline": false}, attrs[0].InputOptions)
	require.Nil(t, attrs[1].InputOptions)
	require.Equal(t, ID("87"), attrs[2].TicketTypeID)
	require.Equal(t, 1, attrs[2].Order)
	require.True(t, attrs[2].Default)
	require.True(t, attrs[2].VisibleToContacts)
}

func TestTicketTypesListSchemaKeys(t *testing.T) {
	t.Parallel()
	// The spec's schema names the lists ticket_types and ticket_type_attributes;
	// they decode too, and data wins when both are present.
	var l TicketTypeList
	require.NoError(t, json.Unmarshal([]byte(`{"type":"ticket_type.list","ticket_types":[{"id":"1",
		"ticket_type_attributes":{"type":"ticket_type_attributes.list","ticket_type_attributes":[{"id":"9"}]}}]}`), &l))
	require.Equal(t, "ticket_type.list", l.Type)
	require.Len(t, l.Data, 1)
	require.Equal(t, ID("1"), l.Data[0].ID)
	require.Equal(t, ID("9"), l.Data[0].TicketTypeAttributes.Data[0].ID)
	require.NoError(t, json.Unmarshal([]byte(`{"data":[{"id":"2"}],"ticket_types":[{"id":"3"}]}`), &l))
	require.Equal(t, []TicketType{{ID: "2"}}, l.Data)
}

func TestTicketTypesCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := TicketTypeCreateRequest{Name: "Customer Issue", Description: "Customer Report Template", Icon: "🎟️", Category: TicketCategoryCustomer}
	got, rec := exercise(t, srv, "createTicketType", "TicketTypes.Create", func() (*TicketType, *Response, error) {
		return c.TicketTypes.Create(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/ticket_types")
	testJSONBody(t, rec, `{"name":"Customer Issue","description":"Customer Report Template","category":"Customer","icon":"🎟️"}`)
	require.Equal(t, ID("90"), got.ID)
	require.Equal(t, "Customer Issue", got.Name)
	require.Len(t, got.TicketTypeAttributes.Data, 2)

	_, _, err := c.TicketTypes.Create(ctx, TicketTypeCreateRequest{Name: "Internal", Category: TicketCategoryBackOffice, IsInternal: Some(true)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"Internal","category":"Back-office","is_internal":true}`)

	n := len(srv.Requests())
	_, _, err = c.TicketTypes.Create(ctx, TicketTypeCreateRequest{Description: "no name"})
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "name", ie.Field)
	require.Len(t, srv.Requests(), n)

	srv.Respond("createTicketType", 401, "Unauthorized")
	_, _, err = c.TicketTypes.Create(ctx, req)
	require.ErrorIs(t, err, ErrUnauthorized)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("unauthorized"))
}

func TestTicketTypesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "getTicketType", "TicketTypes.Get", func() (*TicketType, *Response, error) {
		return c.TicketTypes.Get(ctx, "92")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/ticket_types/92")
	testNoBody(t, rec)
	require.Equal(t, ID("92"), got.ID)
	require.Equal(t, "this_is_an_id616_that_should_be_at_least_", got.WorkspaceID)
	require.Len(t, got.TicketTypeAttributes.Data, 3)

	srv.RespondJSON("getTicketType", 404, `{"type":"error.list","request_id":"r2","errors":[{"code":"not_found","message":"Resource Not Found"}]}`)
	_, _, err := c.TicketTypes.Get(ctx, "1")
	require.ErrorIs(t, err, ErrNotFound)

	n := len(srv.Requests())
	_, _, err = c.TicketTypes.Get(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestTicketTypesUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateTicketType", "TicketTypes.Update", func() (*TicketType, *Response, error) {
		return c.TicketTypes.Update(ctx, "94", TicketTypeUpdateRequest{Name: "Bug Report 2"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/ticket_types/94")
	testJSONBody(t, rec, `{"name":"Bug Report 2"}`)
	require.Equal(t, ID("94"), got.ID)
	require.Equal(t, "Bug Report 2", got.Name)
	require.Equal(t, Timestamp(1717022037), got.UpdatedAt)

	// Archiving and un-archiving are distinct from leaving it alone.
	_, _, err := c.TicketTypes.Update(ctx, "94", TicketTypeUpdateRequest{Archived: Some(true)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"archived":true}`)
	_, _, err = c.TicketTypes.Update(ctx, "94", TicketTypeUpdateRequest{Archived: Some(false), IsInternal: Some(false), Category: TicketCategoryTracker})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"category":"Tracker","archived":false,"is_internal":false}`)

	n := len(srv.Requests())
	_, _, err = c.TicketTypes.Update(ctx, "", TicketTypeUpdateRequest{Name: "x"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.TicketTypes.Update(ctx, "94", TicketTypeUpdateRequest{Archived: Null[bool]()})
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}
