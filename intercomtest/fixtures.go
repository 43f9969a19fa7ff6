package intercomtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"sync"
)

// fixturesJSON holds, for every operation the server does not model, the
// response example of the API description, the columns of the data export
// CSV, and every endpoint of API versions 2.10 to 2.16 with the versions
// that have it. TestFixturesUpToDate regenerates it from
// testdata/openapi/intercom-<version>.yaml (go generate, or go test -run
// TestFixturesUpToDate -update) and fails when it is stale.
//
//go:embed fixtures/operations.json
var fixturesJSON []byte

// fixtureFile is the layout of fixtures/operations.json.
type fixtureFile struct {
	DataExportCSVColumns []string           `json:"data_export_csv_columns"`
	Operations           []fixtureOperation `json:"operations"`
	Endpoints            []fixtureEndpoint  `json:"endpoints"`
}

// fixtureEndpoint is an endpoint of the API versions the server knows,
// under the template of the oldest version that has it (2.10's for the
// endpoints of 2.10), with its operationId in the newest.
type fixtureEndpoint struct {
	Method      string   `json:"method"`
	Path        string   `json:"path"`
	OperationID string   `json:"operation_id"`
	Versions    []string `json:"versions"`
}

// fixtureOperation is one replayed operation.
type fixtureOperation struct {
	Method      string          `json:"method"`
	Path        string          `json:"path"`
	OperationID string          `json:"operation_id"`
	Status      int             `json:"status"`
	Body        json.RawMessage `json:"body,omitempty"`
}

// fixture is a parsed fixtureOperation.
type fixture struct {
	method, template, operationID string
	status                        int
	body                          []byte
}

func (f *fixture) reply() reply {
	if len(f.body) == 0 {
		return reply{status: f.status}
	}
	return reply{status: f.status, raw: f.body, contentType: "application/json; charset=utf-8"}
}

var (
	fixturesOnce sync.Once
	fixtureList  []*fixture
	csvColumns   []string
	endpointList []fixtureEndpoint
)

func parseFixtures() {
	var ff fixtureFile
	if err := json.Unmarshal(fixturesJSON, &ff); err != nil {
		panic("intercomtest: corrupt fixtures/operations.json: " + err.Error())
	}
	csvColumns = ff.DataExportCSVColumns
	endpointList = ff.Endpoints
	for _, op := range ff.Operations {
		f := &fixture{method: op.Method, template: op.Path, operationID: op.OperationID, status: op.Status}
		if len(op.Body) > 0 && !bytes.Equal(op.Body, []byte("null")) {
			f.body = bytes.Clone(op.Body)
		}
		if f.status == 0 {
			f.status = http.StatusOK
		}
		fixtureList = append(fixtureList, f)
	}
}

// loadFixtures returns the replayed operations, parsed once per process.
func loadFixtures() []*fixture {
	fixturesOnce.Do(parseFixtures)
	return fixtureList
}

// loadEndpoints returns the endpoints of the API versions the server
// knows, parsed once per process.
func loadEndpoints() []fixtureEndpoint {
	fixturesOnce.Do(parseFixtures)
	return endpointList
}

// dataExportColumns returns the columns of the data export CSV.
func dataExportColumns() []string {
	fixturesOnce.Do(parseFixtures)
	if len(csvColumns) == 0 {
		return []string{"user_id", "user_external_id", "company_id", "email", "name", "content_id", "content_type", "received_at"}
	}
	return csvColumns
}
