package intercom

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDataConnectorsCRUD(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()

	list, rec := exercise(t, srv, "listDataConnectors", "DataConnectors.List", func() (*DataConnectorList, *Response, error) {
		return c.DataConnectors.List(ctx, &DataConnectorListOptions{PerPage: 20, StartingAfter: "abc"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/data_connectors")
	testQuery(t, rec, "per_page=20&starting_after=abc")
	testNoBody(t, rec)
	require.Len(t, list.Data, 1)
	dc := list.Data[0]
	require.Equal(t, ID("12345"), dc.ID)
	require.Equal(t, DataConnectorLive, dc.State)
	require.Equal(t, DataConnectorPost, dc.HTTPMethod)
	require.Equal(t, time.Date(2025, 11, 15, 9, 30, 0, 0, time.UTC), dc.CreatedAt.UTC())
	require.Equal(t, "WzE3MDc1OTQ3MTUuMCwxMjM0NV0=", list.Pages.Next.StartingAfter)
	_, _, err := c.DataConnectors.List(ctx, nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	req := DataConnectorCreateRequest{
		Name: "Get Order Status", Description: "Looks up order status from an external service", HTTPMethod: DataConnectorGet,
		URL: "https://api.example.com/orders/{{order_id}}/status", DirectFinUsage: Some(true),
		Audiences:              []DataConnectorAudience{DataConnectorLeads, DataConnectorVisitors},
		Headers:                []DataConnectorHeader{{Name: "Content-Type", Value: "application/json"}},
		DataInputs:             []DataConnectorInput{{Name: "order_id", Type: "string", Description: "The order ID to look up", Required: true}},
		CustomerAuthentication: Some(true), BypassAuthentication: Some(false), ValidateMissingAttributes: Some(true),
	}
	created, rec := exercise(t, srv, "createDataConnector", "DataConnectors.Create", func() (*DataConnector, *Response, error) {
		return c.DataConnectors.Create(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/data_connectors")
	testJSONBody(t, rec, `{"name":"Get Order Status","description":"Looks up order status from an external service","http_method":"get",`+
		`"url":"https://api.example.com/orders/{{order_id}}/status","direct_fin_usage":true,"audiences":["leads","visitors"],`+
		`"headers":[{"name":"Content-Type","value":"application/json"}],"data_inputs":[{"name":"order_id","type":"string","description":"The order ID to look up","required":true}],`+
		`"customer_authentication":true,"bypass_authentication":false,"validate_missing_attributes":true}`)
	require.Equal(t, ID("125"), created.ID)
	require.Equal(t, DataConnectorDraft, created.State)
	require.Equal(t, 30000, created.ClientFunctionTimeoutMS)
	require.Equal(t, []DataConnectorInput{{Name: "order_id", Type: "string", Description: "The order ID to look up", Required: true}}, created.DataInputs)
	_, _, err = c.DataConnectors.Create(ctx, DataConnectorCreateRequest{Name: "Order Lookup", MockResponse: map[string]any{"order": map[string]any{"id": 12345}}})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"Order Lookup","mock_response":{"order":{"id":12345}}}`)

	got, rec := exercise(t, srv, "RetrieveDataConnector", "DataConnectors.Get", func() (*DataConnector, *Response, error) {
		return c.DataConnectors.Get(ctx, "12345", &DataConnectorGetOptions{StateVersion: DataConnectorDraft})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/data_connectors/12345")
	testQuery(t, rec, "state_version=draft")
	testNoBody(t, rec)
	require.Equal(t, []DataConnectorAudience{DataConnectorUsers, DataConnectorLeads}, got.Audiences)
	require.Equal(t, []DataConnectorResponseField{{Path: "status", Type: "string", ExampleValue: "ok"}}, got.ResponseFields)
	require.Equal(t, ID("456"), got.CreatedByAdminID)
	_, _, err = c.DataConnectors.Get(ctx, "12345", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	upd, rec := exercise(t, srv, "updateDataConnector", "DataConnectors.Update", func() (*DataConnector, *Response, error) {
		return c.DataConnectors.Update(ctx, "12345", DataConnectorUpdateRequest{Name: "Updated Connector Name", Description: Some("Updated description")})
	})
	testMethod(t, rec, http.MethodPatch)
	testPath(t, rec, "/data_connectors/12345")
	testJSONBody(t, rec, `{"name":"Updated Connector Name","description":"Updated description"}`)
	require.Equal(t, "Updated Connector Name", upd.Name)
	_, _, err = c.DataConnectors.Update(ctx, "12345", DataConnectorUpdateRequest{State: DataConnectorLive, TokenIDs: Some([]string{}),
		DirectFinUsage: Some(false), Description: Some("")})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"description":"","state":"live","direct_fin_usage":false,"token_ids":[]}`)

	del, rec := exercise(t, srv, "deleteDataConnector", "DataConnectors.Delete", func() (*DataConnectorDeleted, *Response, error) {
		return c.DataConnectors.Delete(ctx, "125")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/data_connectors/125")
	testNoBody(t, rec)
	require.Equal(t, &DataConnectorDeleted{ID: "125", Object: "data_connector", Deleted: true}, del)
}

func TestDataConnectorsExecutionResults(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()

	list, rec := exercise(t, srv, "listDataConnectorExecutionResults", "DataConnectors.ListExecutionResults", func() (*DataConnectorExecutionResultList, *Response, error) {
		return c.DataConnectors.ListExecutionResults(ctx, "12345", &DataConnectorListExecutionResultsOptions{PerPage: 10, Success: Some(false),
			ErrorType: DataConnectorThirdPartyError, StartTS: 1717200000, EndTS: 1717203600, IncludeBodies: Some(true)})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/data_connectors/12345/execution_results")
	testQuery(t, rec, "end_ts=1717203600&error_type=3rd_party_error&include_bodies=true&per_page=10&start_ts=1717200000&success=false")
	testNoBody(t, rec)
	require.Len(t, list.Data, 2)
	require.True(t, list.Data[0].Success)
	require.Equal(t, 200, list.Data[0].HTTPStatus)
	require.Equal(t, ID("8001"), list.Data[0].ConversationID)
	require.Equal(t, DataConnectorThirdPartyError, list.Data[1].ErrorType)
	require.Equal(t, 0, list.Data[1].HTTPStatus, "null status")
	_, _, err := c.DataConnectors.ListExecutionResults(ctx, "12345", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	got, rec := exercise(t, srv, "showDataConnectorExecutionResult", "DataConnectors.GetExecutionResult", func() (*DataConnectorExecutionResult, *Response, error) {
		return c.DataConnectors.GetExecutionResult(ctx, "12345", "99001")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/data_connectors/12345/execution_results/99001")
	testNoBody(t, rec)
	require.Equal(t, `{"ok": true}`, got.RawResponseBody)
	require.Equal(t, 150, got.ExecutionTimeMS)
}

func TestDataConnectorsIterators(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	page := func(typ, next string, ids ...string) string {
		data := ""
		for i, id := range ids {
			if i > 0 {
				data += ","
			}
			data += fmt.Sprintf(`{"type":%q,"id":%q}`, typ, id)
		}
		n := "null"
		if next != "" {
			n = fmt.Sprintf(`{"starting_after":%q}`, next)
		}
		return fmt.Sprintf(`{"type":"list","data":[%s],"pages":{"type":"pages","per_page":2,"next":%s}}`, data, n)
	}
	serve := func(typ string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Query().Get("starting_after") {
			case "":
				_, _ = fmt.Fprint(w, page(typ, "c2", "1", "2"))
			case "c2":
				_, _ = fmt.Fprint(w, page(typ, "", "3"))
			default:
				assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
				w.WriteHeader(http.StatusNotFound)
			}
		}
	}
	srv.RespondFunc("listDataConnectors", serve("data_connector"))
	srv.RespondFunc("listDataConnectorExecutionResults", serve("data_connector.execution"))

	opt := &DataConnectorListOptions{PerPage: 2}
	var ids []ID
	for dc, err := range c.DataConnectors.ListAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, dc.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "per_page=2&starting_after=c2")
	require.Empty(t, opt.StartingAfter, "options must not be modified")

	ropt := &DataConnectorListExecutionResultsOptions{Success: Some(true)}
	results, err := Collect(c.DataConnectors.ListExecutionResultsAll(ctx, "77", ropt))
	require.NoError(t, err)
	require.Len(t, results, 3)
	reqs = srv.Requests()[2:]
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/data_connectors/77/execution_results")
	testQuery(t, reqs[0], "success=true")
	testQuery(t, reqs[1], "starting_after=c2&success=true")
	require.Empty(t, ropt.StartingAfter)

	srv.Respond("listDataConnectors", 401, "")
	_, err = Collect(c.DataConnectors.ListAll(ctx, nil))
	require.ErrorIs(t, err, ErrUnauthorized)
}

func TestDataConnectorsValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	ctx := context.Background()
	_, _, err := c.DataConnectors.Create(ctx, DataConnectorCreateRequest{Description: "no name"})
	testInvalidNoIO(t, srv, err, "name")
	_, _, err = c.DataConnectors.GetExecutionResult(ctx, "", "1")
	testInvalidNoIO(t, srv, err, "data_connector_id")
	_, _, err = c.DataConnectors.Update(ctx, "1", DataConnectorUpdateRequest{TokenIDs: Null[[]string]()})
	testInvalidNoIO(t, srv, err, "token_ids")
}

func TestDataConnectorsVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.DataConnectors.Get(context.Background(), "1", nil)
	requireVersionErr(t, err, "2.10", "GET", "/data_connectors/{id}", "RetrieveDataConnector", "", "2.16")
	require.Empty(t, srv.Requests())
}
