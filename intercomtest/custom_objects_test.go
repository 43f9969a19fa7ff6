package intercomtest_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestCustomObjectInstances(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	client := srv.Client(intercom.WithAPIVersion("2.16"))
	objs := client.CustomObjectInstances
	const typ = intercomtest.OrderCustomObjectType

	var raw []byte
	created, _, err := objs.CreateOrUpdate(ctx, typ, intercom.CustomObjectInstanceCreateOrUpdateRequest{
		ExternalID:        "order-1",
		ExternalCreatedAt: intercom.Some(intercom.Timestamp(1734537100)),
		CustomAttributes:  map[string]any{"order_number": "ORDER-1", "total_amount": 99.99},
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, created)
	require.NotEmpty(t, created.ID)
	require.Equal(t, "order-1", created.ExternalID)
	require.Equal(t, typ, created.Type)
	require.Equal(t, intercom.Timestamp(1734537100), created.ExternalCreatedAt)
	require.Equal(t, "ORDER-1", created.CustomAttributes["order_number"])

	// The same external id updates the instance.
	updated, _, err := objs.CreateOrUpdate(ctx, typ, intercom.CustomObjectInstanceCreateOrUpdateRequest{
		ExternalID:        "order-1",
		ExternalCreatedAt: intercom.Null[intercom.Timestamp](),
		CustomAttributes:  map[string]any{"total_amount": 89.99, "contact": "c-42"},
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, updated)
	require.Equal(t, created.ID, updated.ID)
	require.Zero(t, updated.ExternalCreatedAt)
	require.Equal(t, map[string]any{"order_number": "ORDER-1", "total_amount": 89.99, "contact": "c-42"}, updated.CustomAttributes)

	second, _, err := objs.CreateOrUpdate(ctx, typ, intercom.CustomObjectInstanceCreateOrUpdateRequest{ExternalID: "order-2"})
	require.NoError(t, err)
	require.NotEqual(t, created.ID, second.ID)
	_, _, err = objs.CreateOrUpdate(ctx, "Booking", intercom.CustomObjectInstanceCreateOrUpdateRequest{ExternalID: "order-1"})
	require.NoError(t, err, "any type identifier")

	got, _, err := objs.Get(ctx, typ, created.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, got)
	require.Equal(t, updated, got)
	got, _, err = objs.GetByExternalID(ctx, typ, intercom.CustomObjectInstanceGetByExternalIDOptions{ExternalID: "order-2"})
	require.NoError(t, err)
	require.Equal(t, second.ID, got.ID)
	// Up to 2.15 too, where the endpoint only finds by external id.
	got, _, err = srv.Client(intercom.WithAPIVersion("2.13")).CustomObjectInstances.GetByExternalID(ctx, typ, intercom.CustomObjectInstanceGetByExternalIDOptions{ExternalID: "order-1"})
	require.NoError(t, err)
	require.Equal(t, created.ID, got.ID)
	_, err = srv.Client(intercom.WithAPIVersion("2.13")).Do(ctx, http.MethodGet, "/custom_object_instances/Order", nil, nil)
	requireFieldError(t, err, "external_id")
	_, _, err = objs.Get(ctx, typ, "999999")
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = objs.Get(ctx, "Booking", second.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound, "instances are per type")

	// Lists (2.16), by page, and by reference.
	list, _, err := objs.List(ctx, typ, &intercom.CustomObjectInstanceListOptions{PerPage: 1}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, list)
	require.Equal(t, 2, list.TotalCount)
	require.Len(t, list.Data, 1)
	var ids []intercom.ID
	for inst, err := range objs.ListAll(ctx, typ, &intercom.CustomObjectInstanceListOptions{PerPage: 1}) {
		require.NoError(t, err)
		ids = append(ids, inst.ID)
	}
	require.Equal(t, []intercom.ID{created.ID, second.ID}, ids)
	list, _, err = objs.List(ctx, typ, &intercom.CustomObjectInstanceListOptions{ReferencesContactID: "c-42"})
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
	require.Equal(t, created.ID, list.Data[0].ID)

	del, _, err := objs.Delete(ctx, typ, created.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, del)
	require.Equal(t, intercom.CustomObjectInstanceDeleted{Object: typ, ID: created.ID, Deleted: true}, *del)
	_, _, err = objs.Delete(ctx, typ, created.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	del, _, err = objs.DeleteByExternalID(ctx, typ, intercom.CustomObjectInstanceDeleteByExternalIDOptions{ExternalID: "order-2"})
	require.NoError(t, err)
	require.Equal(t, second.ID, del.ID)
	list, _, err = objs.List(ctx, typ, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data)
	require.Zero(t, list.TotalCount)

	// Before 2.13 the endpoint does not exist.
	_, err = srv.Client(intercom.WithAPIVersion("2.12")).Do(ctx, http.MethodGet, "/custom_object_instances/Order/1", nil, nil)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("intercom_version_invalid"))
}

// TestCustomObjectInstancesConcurrently: concurrent creates or updates of
// one external id leave one instance; of distinct ids, one each.
func TestCustomObjectInstancesConcurrently(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	objs := srv.Client(intercom.WithAPIVersion("2.16")).CustomObjectInstances
	const workers = 8
	var wg sync.WaitGroup
	ids := make([]intercom.ID, workers)
	for i := range workers {
		wg.Go(func() {
			inst, _, err := objs.CreateOrUpdate(ctx, "Order", intercom.CustomObjectInstanceCreateOrUpdateRequest{
				ExternalID: "shared", CustomAttributes: map[string]any{"n": i}})
			assert.NoError(t, err)
			if err == nil {
				ids[i] = inst.ID
			}
			_, _, err = objs.CreateOrUpdate(ctx, "Order", intercom.CustomObjectInstanceCreateOrUpdateRequest{ExternalID: fmt.Sprint("own-", i)})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	for _, id := range ids {
		require.Equal(t, ids[0], id)
	}
	list, _, err := objs.List(ctx, "Order", &intercom.CustomObjectInstanceListOptions{PerPage: 50})
	require.NoError(t, err)
	require.Equal(t, workers+1, list.TotalCount)
}
