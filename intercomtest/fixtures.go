package intercomtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"net/url"
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

// fixtureOperation is one replayed endpoint: the answer of each version
// that has it.
type fixtureOperation struct {
	Method      string           `json:"method"`
	Path        string           `json:"path"`
	OperationID string           `json:"operation_id"`
	Examples    []fixtureExample `json:"examples"`
}

// fixtureExample is the answer of an endpoint in the versions listed, as
// their descriptions give it.
type fixtureExample struct {
	Versions []string `json:"versions"`
	Status   int      `json:"status"`
	// ContentType is set for an answer that is not JSON: an empty download,
	// or Text.
	ContentType string          `json:"content_type,omitempty"`
	Body        json.RawMessage `json:"body,omitempty"`
	// Text is the body of a text answer (a call's transcript).
	Text string `json:"text,omitempty"`
}

// fixture is a parsed fixtureOperation.
type fixture struct {
	method, template, operationID string
	// byVersion holds the answer of each version that has the endpoint;
	// oldest and newest are those of the oldest and newest of them.
	byVersion      map[string]*fixtureReply
	oldest, newest *fixtureReply
}

// fixtureReply is one answer of a fixture.
type fixtureReply struct {
	status      int
	body        []byte
	contentType string // of body, or of an empty download
}

// reply returns the answer for an API version: the version's own, or for
// a version without a description the newest (Unstable) or the oldest
// (versions before 2.10). A redirect (a call's recording) points at
// downloadPath under the server's root, which serves a file without
// credentials as a signed URL does.
func (f *fixture) reply(version, path string) reply {
	fr := f.byVersion[version]
	if fr == nil {
		fr = f.oldest
		if version == "Unstable" {
			fr = f.newest
		}
	}
	if fr.status >= 300 && fr.status < 400 {
		return reply{status: fr.status, location: downloadPath + "?of=" + url.QueryEscape(path)}
	}
	if len(fr.body) == 0 {
		if fr.contentType != "" {
			return reply{status: fr.status, raw: []byte{}, contentType: fr.contentType}
		}
		return reply{status: fr.status}
	}
	return reply{status: fr.status, raw: fr.body, contentType: fr.contentType}
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
		f := &fixture{method: op.Method, template: op.Path, operationID: op.OperationID, byVersion: map[string]*fixtureReply{}}
		for _, ex := range op.Examples {
			fr := &fixtureReply{status: ex.Status, contentType: ex.ContentType}
			if len(ex.Body) > 0 && !bytes.Equal(ex.Body, []byte("null")) {
				fr.body, fr.contentType = bytes.Clone(ex.Body), "application/json; charset=utf-8"
			}
			if ex.Text != "" {
				fr.body = []byte(ex.Text)
			}
			if fr.status == 0 {
				fr.status = http.StatusOK
			}
			for _, v := range ex.Versions {
				f.byVersion[v] = fr
			}
		}
		for _, v := range versionOrder {
			if fr := f.byVersion[v]; fr != nil {
				if f.oldest == nil {
					f.oldest = fr
				}
				f.newest = fr
			}
		}
		if f.oldest == nil {
			panic("intercomtest: fixtures/operations.json: " + op.Method + " " + op.Path + " has no answer")
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
