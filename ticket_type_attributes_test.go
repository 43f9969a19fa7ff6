package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTicketTypesCreateAttribute(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := TicketTypeCreateAttributeRequest{Name: "Attribute Title", Description: "Attribute Description",
		DataType: TicketDataTypeString, RequiredToCreate: Some(false)}
	got, rec := exercise(t, srv, "createTicketTypeAttribute", "TicketTypes.CreateAttribute", func() (*TicketTypeAttribute, *Response, error) {
		return c.TicketTypes.CreateAttribute(ctx, "83", req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/ticket_types/83/attributes")
	testJSONBody(t, rec, `{"name":"Attribute Title","description":"Attribute Description","data_type":"string","required_to_create":false}`)
	require.Equal(t, "ticket_type_attribute", got.Type)
	require.Equal(t, ID("253"), got.ID)
	require.Equal(t, TicketDataTypeString, got.DataType)
	require.Equal(t, ID("83"), got.TicketTypeID)
	require.Equal(t, 2, got.Order)
	require.True(t, got.VisibleOnCreate)
	require.Equal(t, map[string]any{"multiline": false}, got.InputOptions)

	// A list attribute with its items, and visibility switched off.
	_, _, err := c.TicketTypes.CreateAttribute(ctx, "83", TicketTypeCreateAttributeRequest{Name: "Priority", Description: "Bug priority",
		DataType: TicketDataTypeList, ListItems: "Low,High", VisibleToContacts: Some(false), RequiredToCreateForContacts: Some(true)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"Priority","description":"Bug priority","data_type":"list","required_to_create_for_contacts":true,`+
		`"visible_to_contacts":false,"list_items":"Low,High"}`)
	_, _, err = c.TicketTypes.CreateAttribute(ctx, "83", TicketTypeCreateAttributeRequest{Name: "Files", Description: "Uploads",
		DataType: TicketDataTypeFiles, AllowMultipleValues: Some(true), VisibleOnCreate: Some(true), Multiline: Some(false)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"Files","description":"Uploads","data_type":"files","visible_on_create":true,"multiline":false,"allow_multiple_values":true}`)

	n := len(srv.Requests())
	for _, tc := range []struct {
		typeID string
		req    TicketTypeCreateAttributeRequest
		field  string
	}{
		{"", req, "ticket_type_id"},
		{"83", TicketTypeCreateAttributeRequest{Description: "d", DataType: TicketDataTypeString}, "name"},
		{"83", TicketTypeCreateAttributeRequest{Name: "n", DataType: TicketDataTypeString}, "description"},
		{"83", TicketTypeCreateAttributeRequest{Name: "n", Description: "d"}, "data_type"},
		{"83", TicketTypeCreateAttributeRequest{Name: "n", Description: "d", DataType: "text"}, "data_type"},
		{"83", TicketTypeCreateAttributeRequest{Name: "n", Description: "d", DataType: TicketDataTypeList}, "list_items"},
		{"83", TicketTypeCreateAttributeRequest{Name: "n", Description: "d", DataType: TicketDataTypeString, Multiline: Null[bool]()}, "multiline"},
	} {
		_, _, err := c.TicketTypes.CreateAttribute(ctx, tc.typeID, tc.req)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field)
	}
	require.Len(t, srv.Requests(), n, "nothing is sent")

	srv.Respond("createTicketTypeAttribute", 401, "Unauthorized")
	_, _, err = c.TicketTypes.CreateAttribute(ctx, "83", req)
	require.ErrorIs(t, err, ErrUnauthorized)
}

func TestTicketTypesUpdateAttribute(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateTicketTypeAttribute", "TicketTypes.UpdateAttribute", func() (*TicketTypeAttribute, *Response, error) {
		return c.TicketTypes.UpdateAttribute(ctx, "85", "258", TicketTypeUpdateAttributeRequest{Description: Some("New Attribute Description")})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/ticket_types/85/attributes/258")
	testJSONBody(t, rec, `{"description":"New Attribute Description"}`)
	require.Equal(t, ID("258"), got.ID)
	require.Equal(t, "New Attribute Description", got.Description)
	require.Equal(t, ID("85"), got.TicketTypeID)
	require.False(t, got.VisibleOnCreate)

	_, _, err := c.TicketTypes.UpdateAttribute(ctx, "85", "258", TicketTypeUpdateAttributeRequest{Archived: Some(true), VisibleOnCreate: Some(false)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"visible_on_create":false,"archived":true}`)

	n := len(srv.Requests())
	_, _, err = c.TicketTypes.UpdateAttribute(ctx, "85", "", TicketTypeUpdateAttributeRequest{})
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "id", ie.Field)
	_, _, err = c.TicketTypes.UpdateAttribute(ctx, "", "258", TicketTypeUpdateAttributeRequest{})
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "ticket_type_id", ie.Field)
	_, _, err = c.TicketTypes.UpdateAttribute(ctx, "85", "258", TicketTypeUpdateAttributeRequest{Archived: Null[bool](), VisibleOnCreate: Null[bool]()})
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "archived", ie.Field, "the first null by name")
	require.Len(t, srv.Requests(), n)
}
