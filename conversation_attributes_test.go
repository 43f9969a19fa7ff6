package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConversationAttributesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listConversationAttributes", "ConversationAttributes.List", func() (*ConversationAttributeList, *Response, error) {
		return c.ConversationAttributes.List(ctx, &ConversationAttributeListOptions{IncludeArchived: true})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations/attributes")
	testQuery(t, rec, "include_archived=true")
	testNoBody(t, rec)
	require.Len(t, got.Data, 3)
	require.Equal(t, ConversationAttributeTypeString, got.Data[0].DataType)
	require.Equal(t, ID("3"), got.Data[0].ID)
	require.Equal(t, ID("16"), got.Data[0].AdminID)
	require.Equal(t, []ConversationAttributeOption{
		{ID: "a1b2c3d4-e5f6-7890-abcd-ef1234567890", Label: "1"},
		{ID: "b2c3d4e5-f6a7-8901-bcde-f01234567891", Label: "2"},
		{ID: "c3d4e5f6-a7b8-9012-cdef-012345678912", Label: "3"},
	}, got.Data[1].Options)
	require.Equal(t, ConversationAttributeReference{Type: ConversationAttributeMany, ObjectTypeID: "Test_Object"}, got.Data[2].Reference)

	_, _, err := c.ConversationAttributes.List(ctx, nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.ConversationAttributes.List(ctx, nil)
	requireEndpointGated(t, srv10, err, "listConversationAttributes")
}

func TestConversationAttributesCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "createConversationAttribute", "ConversationAttributes.Create", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.Create(ctx, ConversationAttributeCreateRequest{Name: "api_test_attr", DataType: ConversationAttributeTypeString,
			Description: "Created via API test", Multiline: Some(false)})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/attributes")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"name":"api_test_attr","description":"Created via API test","data_type":"string","multiline":false}`)
	require.Equal(t, ID("8"), got.ID)
	require.Equal(t, "api_test_attr", got.Name)

	_, _, err := c.ConversationAttributes.Create(ctx, ConversationAttributeCreateRequest{Name: "Priority", DataType: ConversationAttributeTypeList,
		Required: Some(true), VisibleToTeamIDs: []string{"5"}, Options: []ConversationAttributeOptionRequest{{Label: "Low"}, {Label: "High"}}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"Priority","data_type":"list","required":true,"visible_to_team_ids":["5"],"options":[{"label":"Low"},{"label":"High"}]}`)

	_, _, err = c.ConversationAttributes.Create(ctx, ConversationAttributeCreateRequest{Name: "Order", DataType: ConversationAttributeTypeRelationship,
		Reference: ConversationAttributeReference{Type: ConversationAttributeOne, ObjectTypeID: "Order"}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"Order","data_type":"relationship","reference":{"type":"one","object_type_id":"Order"}}`)

	srv.Respond("createConversationAttribute", 422, "")
	_, _, err = c.ConversationAttributes.Create(ctx, ConversationAttributeCreateRequest{Name: "x", DataType: ConversationAttributeTypeFiles})
	require.ErrorIs(t, err, ErrValidation)
}

func TestConversationAttributesCreateValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		field string
		req   ConversationAttributeCreateRequest
	}{
		{"name", ConversationAttributeCreateRequest{DataType: ConversationAttributeTypeString}},
		{"data_type", ConversationAttributeCreateRequest{Name: "x"}},
		{"multiline", ConversationAttributeCreateRequest{Name: "x", DataType: ConversationAttributeTypeInteger, Multiline: Some(true)}},
		{"options", ConversationAttributeCreateRequest{Name: "x", DataType: ConversationAttributeTypeString, Options: []ConversationAttributeOptionRequest{{Label: "a"}}}},
		{"options[1].label", ConversationAttributeCreateRequest{Name: "x", DataType: ConversationAttributeTypeList, Options: []ConversationAttributeOptionRequest{{Label: "a"}, {}}}},
		{"reference", ConversationAttributeCreateRequest{Name: "x", DataType: ConversationAttributeTypeList, Reference: ConversationAttributeReference{Type: ConversationAttributeOne}}},
		{"reference.type", ConversationAttributeCreateRequest{Name: "x", DataType: ConversationAttributeTypeRelationship, Reference: ConversationAttributeReference{ObjectTypeID: "o"}}},
	}
	for _, tc := range cases {
		c, srv := newSpecClientAt(t, "2.16")
		_, _, err := c.ConversationAttributes.Create(ctx, tc.req)
		testInvalidNoIO(t, srv, err, tc.field)
	}
	c, srv := newSpecClientAt(t, "2.16")
	_, _, err := c.ConversationAttributes.Update(ctx, "8", ConversationAttributeUpdateRequest{Reference: ConversationAttributeReference{ObjectTypeID: "o"}})
	testInvalidNoIO(t, srv, err, "reference.type")
	_, _, err = c.ConversationAttributes.CreateOption(ctx, "2", ConversationAttributeCreateOptionRequest{})
	testInvalidNoIO(t, srv, err, "label")
	_, _, err = c.ConversationAttributes.UpdateOption(ctx, "2", "uuid", ConversationAttributeUpdateOptionRequest{})
	testInvalidNoIO(t, srv, err, "label")
	_, _, err = c.ConversationAttributes.UpdateOption(ctx, "2", "", ConversationAttributeUpdateOptionRequest{Label: "x"})
	testInvalidNoIO(t, srv, err, "option_id")
}

func TestConversationAttributesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "getConversationAttribute", "ConversationAttributes.Get", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.Get(ctx, "3")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/conversations/attributes/3")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "test 2", got.Name)
	require.Equal(t, Timestamp(1777473061), got.CreatedAt)

	srv.Respond("getConversationAttribute", 404, "")
	_, _, err := c.ConversationAttributes.Get(ctx, "99")
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("conversation_attribute_not_found"))
}

func TestConversationAttributesUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "updateConversationAttribute", "ConversationAttributes.Update", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.Update(ctx, "8", ConversationAttributeUpdateRequest{Name: "api_test_renamed", Description: Some("Updated via API")})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/conversations/attributes/8")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"name":"api_test_renamed","description":"Updated via API"}`)
	require.Equal(t, "Updated via API", got.Description)

	// Clearing: an empty description, every team, not required.
	_, _, err := c.ConversationAttributes.Update(ctx, "8", ConversationAttributeUpdateRequest{Description: Some(""), VisibleToTeamIDs: Some([]string{}), Required: Some(false)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"description":"","required":false,"visible_to_team_ids":[]}`)
}

func TestConversationAttributesDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "deleteConversationAttribute", "ConversationAttributes.Delete", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.Delete(ctx, "8")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/conversations/attributes/8")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.True(t, got.Archived)
}

func TestConversationAttributesOptions(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "createConversationAttributeOption", "ConversationAttributes.CreateOption", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.CreateOption(ctx, "2", ConversationAttributeCreateOptionRequest{Label: "High"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/attributes/2/options")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"label":"High"}`)
	require.Len(t, got.Options, 4)
	require.Equal(t, "High", got.Options[3].Label)

	got, rec = exercise(t, srv, "updateConversationAttributeOption", "ConversationAttributes.UpdateOption", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.UpdateOption(ctx, "2", "a1b2c3d4-e5f6-7890-abcd-ef1234567890", ConversationAttributeUpdateOptionRequest{Label: "Renamed"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/conversations/attributes/2/options/a1b2c3d4-e5f6-7890-abcd-ef1234567890")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"label":"Renamed"}`)
	require.Equal(t, "Renamed", got.Options[0].Label)

	got, rec = exercise(t, srv, "deleteConversationAttributeOption", "ConversationAttributes.DeleteOption", func() (*ConversationAttribute, *Response, error) {
		return c.ConversationAttributes.DeleteOption(ctx, "2", "a1b2c3d4-e5f6-7890-abcd-ef1234567890")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/conversations/attributes/2/options/a1b2c3d4-e5f6-7890-abcd-ef1234567890")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.True(t, got.Options[0].Archived)

	srv.Respond("deleteConversationAttributeOption", 422, "Minimum options")
	_, _, err := c.ConversationAttributes.DeleteOption(ctx, "2", "b2c3d4e5-f6a7-8901-bcde-f01234567891")
	require.ErrorIs(t, err, ErrValidation)
}
