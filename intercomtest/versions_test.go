package intercomtest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
)

// TestVersionGating: the server refuses, as Intercom does, a request for
// an endpoint the requested version does not have (400,
// intercom_version_invalid), serves the endpoints of 2.10 on every version
// that has them, and says so when a later version's endpoint is not
// modelled yet.
func TestVersionGating(t *testing.T) {
	srv, _, ctx := setup(t)
	// The SDK refuses these itself before any I/O; Client.Do is not checked.
	do := func(version, method, path string) (int, *intercom.APIError) {
		t.Helper()
		_, err := srv.Client(intercom.WithAPIVersion(version)).Do(ctx, method, path, nil, nil)
		if err == nil {
			return http.StatusOK, nil
		}
		var apiErr *intercom.APIError
		require.ErrorAs(t, err, &apiErr, "%s %s on %s", method, path, version)
		return apiErr.StatusCode, apiErr
	}

	// run_assignment_rules exists in 2.10 and 2.11 only.
	for _, v := range []string{"2.12", "2.16"} {
		status, apiErr := do(v, http.MethodPost, "/conversations/123/run_assignment_rules")
		assert.Equal(t, http.StatusBadRequest, status, v)
		require.NotNil(t, apiErr, v)
		assert.True(t, apiErr.HasCode("intercom_version_invalid"), v)
		assert.Equal(t, "Requested resource is not available in current API version.", apiErr.Errors[0].Message, v)
		assert.NotEmpty(t, apiErr.RequestID, v)
	}
	for _, v := range []string{"2.10", "2.11", "2.9", "Unstable"} {
		// Past the version check: the replayed example.
		status, _ := do(v, http.MethodPost, "/conversations/123/run_assignment_rules")
		assert.Equal(t, http.StatusOK, status, v)
	}

	// A 2.16 endpoint: on 2.10 it is not read as a conversation id.
	status, apiErr := do("2.10", http.MethodGet, "/conversations/deleted")
	assert.Equal(t, http.StatusBadRequest, status)
	require.NotNil(t, apiErr)
	assert.True(t, apiErr.HasCode("intercom_version_invalid"))
	status, apiErr = do("2.16", http.MethodGet, "/conversations/deleted")
	assert.Equal(t, http.StatusNotImplemented, status)
	require.NotNil(t, apiErr)
	assert.True(t, apiErr.HasCode("not_implemented"))
	assert.Contains(t, apiErr.Errors[0].Message, "listDeletedConversationIds")
	// Without a version it knows the endpoints of, the server does not
	// check: the request reaches the (missing) model.
	status, _ = do("Unstable", http.MethodGet, "/conversations/deleted")
	assert.Equal(t, http.StatusNotImplemented, status)

	// The stateful endpoints of 2.10 serve the later versions.
	c16 := srv.Client(intercom.WithAPIVersion("2.16"))
	contact, _, err := c16.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "v216@example.com"})
	require.NoError(t, err)
	got, _, err := c16.Contacts.Get(ctx, contact.ID)
	require.NoError(t, err)
	assert.Equal(t, "v216@example.com", got.Email)
	_, _, err = c16.DataAttributes.List(ctx, nil)
	require.NoError(t, err, "a replayed example")

	// The raw answer is Intercom's error list.
	req, err := http.NewRequest(http.MethodPost, srv.URL()+"/conversations/1/run_assignment_rules", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	req.Header.Set("Intercom-Version", "2.13")
	res, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	var body struct {
		Type      string `json:"type"`
		RequestID string `json:"request_id"`
		Errors    []struct{ Code, Message string }
	}
	require.NoError(t, json.Unmarshal(b, &body), "%s", b)
	assert.Equal(t, http.StatusBadRequest, res.StatusCode)
	assert.Equal(t, "error.list", body.Type)
	assert.Equal(t, res.Header.Get("X-Request-Id"), body.RequestID)
	require.Len(t, body.Errors, 1)
	assert.Equal(t, "intercom_version_invalid", body.Errors[0].Code)
}
