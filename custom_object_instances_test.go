package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCustomObjectInstancesCreateOrUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	req := CustomObjectInstanceCreateOrUpdateRequest{ExternalID: "123", ExternalCreatedAt: Some(Timestamp(1392036272)), ExternalUpdatedAt: Some(Timestamp(1392036272)),
		CustomAttributes: map[string]any{"order_number": "ORDER-12345", "total_amount": 99.99}}
	got, rec := exercise(t, srv, "createCustomObjectInstances", "CustomObjectInstances.CreateOrUpdate", func() (*CustomObjectInstance, *Response, error) {
		return c.CustomObjectInstances.CreateOrUpdate(ctx, "Order", req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/custom_object_instances/Order")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"external_id":"123","external_created_at":1392036272,"external_updated_at":1392036272,"custom_attributes":{"order_number":"ORDER-12345","total_amount":99.99}}`)
	require.Equal(t, &CustomObjectInstance{ID: "22", Type: "Order", ExternalID: "123", ExternalCreatedAt: 1392036272, ExternalUpdatedAt: 1392036272,
		CreatedAt: 1734537745, UpdatedAt: 1734537745, CustomAttributes: map[string]any{"order_number": "ORDER-12345", "total_amount": 99.99}}, got)

	// The external times are nullable: Null clears them.
	_, _, err := c.CustomObjectInstances.CreateOrUpdate(ctx, "Order", CustomObjectInstanceCreateOrUpdateRequest{ExternalID: "123", ExternalCreatedAt: Null[Timestamp]()})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"external_id":"123","external_created_at":null}`)

	c2, srv2 := newSpecClientAt(t, "2.13")
	_, _, err = c2.CustomObjectInstances.CreateOrUpdate(ctx, "Order", CustomObjectInstanceCreateOrUpdateRequest{})
	testInvalidNoIO(t, srv2, err, "external_id")

	c10, srv10 := newSpecClient(t)
	_, _, err = c10.CustomObjectInstances.CreateOrUpdate(ctx, "Order", req)
	requireEndpointGated(t, srv10, err, "createCustomObjectInstances")
}

func TestCustomObjectInstancesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "getCustomObjectInstancesById", "CustomObjectInstances.Get", func() (*CustomObjectInstance, *Response, error) {
		return c.CustomObjectInstances.Get(ctx, "Order", "25")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/custom_object_instances/Order/25")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("25"), got.ID)
	require.Zero(t, got.ExternalCreatedAt)

	srv.Respond("getCustomObjectInstancesById", 404, "")
	_, _, err := c.CustomObjectInstances.Get(ctx, "Order", "99")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestCustomObjectInstancesGetByExternalID(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "getCustomObjectInstancesByExternalId", "CustomObjectInstances.GetByExternalID", func() (*CustomObjectInstance, *Response, error) {
		return c.CustomObjectInstances.GetByExternalID(ctx, "Order", CustomObjectInstanceGetByExternalIDOptions{ExternalID: "123"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/custom_object_instances/Order")
	testQuery(t, rec, "external_id=123")
	testNoBody(t, rec)
	require.Equal(t, ID("24"), got.ID)
	require.Equal(t, "123", got.ExternalID)

	// On 2.16 the same call is a mode of listCustomObjectInstances, which
	// answers a list: the method returns its instance, or ErrNotFound.
	c16, srv16 := newSpecClientAt(t, "2.16")
	srv16.RespondJSON("listCustomObjectInstances", 200, `{"type":"list","data":[{"id":"24","type":"Order","external_id":"123"}],"total_count":1}`)
	got, _, err := c16.CustomObjectInstances.GetByExternalID(ctx, "Order", CustomObjectInstanceGetByExternalIDOptions{ExternalID: "123"})
	require.NoError(t, err)
	require.Equal(t, ID("24"), got.ID)
	testQuery(t, srv16.LastRequest(), "external_id=123")
	srv16.RespondJSON("listCustomObjectInstances", 200, `{"type":"list","data":[],"total_count":0}`)
	got, resp, err := c16.CustomObjectInstances.GetByExternalID(ctx, "Order", CustomObjectInstanceGetByExternalIDOptions{ExternalID: "124"})
	require.ErrorIs(t, err, ErrNotFound)
	require.Nil(t, got)
	require.Equal(t, http.StatusOK, resp.StatusCode)

	c2, srv2 := newSpecClientAt(t, "2.13")
	_, _, err = c2.CustomObjectInstances.GetByExternalID(ctx, "Order", CustomObjectInstanceGetByExternalIDOptions{})
	testInvalidNoIO(t, srv2, err, "external_id")
}

func TestCustomObjectInstancesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listCustomObjectInstances", "CustomObjectInstances.List", func() (*CustomObjectInstanceList, *Response, error) {
		return c.CustomObjectInstances.List(ctx, "Order", &CustomObjectInstanceListOptions{ReferencesContactID: "ct1", Page: 1, PerPage: 20})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/custom_object_instances/Order")
	testQuery(t, rec, "page=1&per_page=20&references_contact_id=ct1")
	testNoBody(t, rec)
	require.Equal(t, 2, got.TotalCount)
	require.Len(t, got.Data, 2)
	require.Equal(t, ID("2"), got.Data[0].ID)
	require.Equal(t, Timestamp(1734537100), got.Data[1].ExternalCreatedAt)
	require.False(t, got.Pages.HasMore())

	_, _, err := c.CustomObjectInstances.List(ctx, "Order", &CustomObjectInstanceListOptions{ReferencesConversationID: "cv1"})
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "references_conversation_id=cv1")

	// Before 2.16 the list's parameters are refused before any I/O.
	c13, srv13 := newSpecClientAt(t, "2.13")
	_, _, err = c13.CustomObjectInstances.List(ctx, "Order", &CustomObjectInstanceListOptions{PerPage: 5})
	require.ErrorIs(t, err, ErrUnsupportedByVersion)
	require.Empty(t, srv13.Requests())
}

func TestCustomObjectInstancesListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	srv.RespondFunc("listCustomObjectInstances", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			_, _ = fmt.Fprint(w, `{"type":"list","pages":{"type":"pages","page":1,"per_page":2,"total_pages":2,"next":"https://api.intercom.io/custom_object_instances/Order?page=2&per_page=2"},"total_count":3,"data":[{"id":"1","type":"Order"},{"id":"2","type":"Order"}]}`)
		case "2":
			_, _ = fmt.Fprint(w, `{"type":"list","pages":{"type":"pages","page":2,"per_page":2,"total_pages":2},"total_count":3,"data":[{"id":"3","type":"Order"}]}`)
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &CustomObjectInstanceListOptions{PerPage: 2}
	var ids []ID
	for in, err := range c.CustomObjectInstances.ListAll(ctx, "Order", opt) {
		require.NoError(t, err)
		ids = append(ids, in.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, 0, opt.Page, "options must not be modified")
}

func TestCustomObjectInstancesDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.13")
	ctx := context.Background()
	got, rec := exercise(t, srv, "deleteCustomObjectInstancesByExternalId", "CustomObjectInstances.Delete", func() (*CustomObjectInstanceDeleted, *Response, error) {
		return c.CustomObjectInstances.Delete(ctx, "Order", "26")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/custom_object_instances/Order/26")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &CustomObjectInstanceDeleted{ID: "26", Object: "Order", Deleted: true}, got)

	got, rec = exercise(t, srv, "deleteCustomObjectInstancesById", "CustomObjectInstances.DeleteByExternalID", func() (*CustomObjectInstanceDeleted, *Response, error) {
		return c.CustomObjectInstances.DeleteByExternalID(ctx, "Order", CustomObjectInstanceDeleteByExternalIDOptions{ExternalID: "order_001"})
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/custom_object_instances/Order")
	testQuery(t, rec, "external_id=order_001")
	testNoBody(t, rec)
	require.True(t, got.Deleted)

	c2, srv2 := newSpecClientAt(t, "2.13")
	_, _, err := c2.CustomObjectInstances.DeleteByExternalID(ctx, "Order", CustomObjectInstanceDeleteByExternalIDOptions{})
	testInvalidNoIO(t, srv2, err, "external_id")
}
