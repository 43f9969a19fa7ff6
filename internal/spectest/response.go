package spectest

import "fmt"

// DefaultResponse returns what a Server of the given version answers
// operation opID by default: the default success status, the body (the
// first JSON example, or one built from the schema where the description
// gives none; empty for a response without JSON content, the gzipped CSV
// for downloadDataExport) and its content type. It panics if the version's
// description cannot be loaded.
func DefaultResponse(version, opID string) (status int, body []byte, contentType string, err error) {
	sp := mustVersion(version)
	oi := sp.opsByID[opID]
	if oi == nil {
		return 0, nil, "", fmt.Errorf("spectest: API %s has no operation %q", version, opID)
	}
	body, contentType, _, err = sp.example(oi, oi.defaultStatus, "")
	return oi.defaultStatus, body, contentType, err
}
