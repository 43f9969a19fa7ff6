package intercomtest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/internal/spectest"
)

// TestVersionGating: the server refuses, as Intercom does, a request for
// an endpoint the requested version does not have (400,
// intercom_version_invalid), and serves every endpoint on every version
// that has it.
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
	status, _ = do("2.16", http.MethodGet, "/conversations/deleted")
	assert.Equal(t, http.StatusOK, status)
	// Without a version it knows the endpoints of, the server does not
	// check.
	status, _ = do("Unstable", http.MethodGet, "/conversations/deleted")
	assert.Equal(t, http.StatusOK, status)

	// The stateful endpoints of 2.10 serve the later versions.
	c16 := srv.Client(intercom.WithAPIVersion("2.16"))
	contact, _, err := c16.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "v216@example.com"})
	require.NoError(t, err)
	got, _, err := c16.Contacts.Get(ctx, contact.ID, nil)
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

// TestReplaysTheRequestedVersion: every endpoint the server does not model
// answers, on each version that has it, that version's example, byte for
// byte; a version without a description gets the oldest (before 2.10) or
// the newest (Unstable).
func TestReplaysTheRequestedVersion(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	served := 0
	for _, e := range spectest.Endpoints() {
		path := placeholder.ReplaceAllString(e.Path, "p1")
		get := func(version string) (*http.Response, []byte) {
			t.Helper()
			req, err := http.NewRequestWithContext(ctx, e.Method, srv.URL()+path, nil)
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer "+srv.Token())
			req.Header.Set("Intercom-Version", version)
			res, err := noRedirects(srv.HTTPClient()).Do(req)
			require.NoError(t, err)
			defer res.Body.Close()
			b, err := io.ReadAll(res.Body)
			require.NoError(t, err)
			return res, b
		}
		for _, v := range e.Versions {
			status, want, _, err := spectest.DefaultResponse(v, e.Operations[v])
			require.NoError(t, err)
			if !intercomtest.Replays(e.Method, e.Path) {
				break
			}
			res, got := get(v)
			require.Equal(t, status, res.StatusCode, "%s %s on %s: %s", e.Method, e.Path, v, got)
			if status >= 300 && status < 400 {
				require.NotEmpty(t, res.Header.Get("Location"), "%s %s on %s", e.Method, e.Path, v)
				continue
			}
			switch {
			case strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain"):
				// A text example, which the spec harness does not serve.
				require.Empty(t, want, "%s %s on %s", e.Method, e.Path, v)
				require.NotEmpty(t, got, "%s %s on %s", e.Method, e.Path, v)
			case len(want) == 0:
				require.Empty(t, got, "%s %s on %s", e.Method, e.Path, v)
			default:
				require.JSONEq(t, string(want), string(got), "%s %s on %s", e.Method, e.Path, v)
			}
			served++
		}
		if !intercomtest.Replays(e.Method, e.Path) {
			continue
		}
		for _, v := range []string{"2.9", "Unstable"} {
			want := e.Versions[0]
			if v == "Unstable" {
				want = e.Versions[len(e.Versions)-1]
			}
			_, wantBody, _, err := spectest.DefaultResponse(want, e.Operations[want])
			require.NoError(t, err)
			res, got := get(v)
			if res.StatusCode >= 300 && res.StatusCode < 400 {
				continue
			}
			if len(wantBody) == 0 {
				if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
					require.Empty(t, got, "%s %s on %s", e.Method, e.Path, v)
				}
			} else {
				require.JSONEq(t, string(wantBody), string(got), "%s %s on %s", e.Method, e.Path, v)
			}
		}
	}
	require.Greater(t, served, 300)
}

// TestRecordingRedirect: a call's recording redirects, as Intercom does, to
// a URL that serves the file without the token.
func TestRecordingRedirect(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL()+"/calls/c1/recording", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	req.Header.Set("Intercom-Version", "2.14")
	res, err := noRedirects(srv.HTTPClient()).Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusFound, res.StatusCode)
	loc := res.Header.Get("Location")
	require.NotEmpty(t, loc)

	res, err = srv.HTTPClient().Get(loc) // no token, as a signed URL
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "audio/mpeg", res.Header.Get("Content-Type"))
	require.Contains(t, string(b), "/calls/c1/recording")
}

// TestTranscript: a call's transcript is the text of the description's example.
func TestTranscript(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	res, err := srv.Client(intercom.WithAPIVersion("2.14")).Do(ctx, http.MethodGet, "/calls/c1/transcript", nil, nil)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL()+"/calls/c1/transcript", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	req.Header.Set("Intercom-Version", "2.16")
	raw, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer raw.Body.Close()
	b, err := io.ReadAll(raw.Body)
	require.NoError(t, err)
	require.Equal(t, "text/plain; charset=utf-8", raw.Header.Get("Content-Type"))
	require.True(t, strings.HasPrefix(string(b), "[00:00:03] Teammate 1: "), "%s", b)
}

var placeholder = regexp.MustCompile(`\{[^}]+\}`)

// noRedirects returns a copy of hc that does not follow redirects.
func noRedirects(hc *http.Client) *http.Client {
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}
