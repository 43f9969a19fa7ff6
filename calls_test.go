package intercom

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallsListAndGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()

	list, rec := exercise(t, srv, "listCalls", "Calls.List", func() (*VoiceCallList, *Response, error) {
		return c.Calls.List(ctx, &CallListOptions{Page: 1, PerPage: 25})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/calls")
	testQuery(t, rec, "page=1&per_page=25")
	testNoBody(t, rec)
	require.Equal(t, "list", list.Type)
	require.Empty(t, list.Data)
	require.Equal(t, 25, list.Pages.PerPage)

	got, rec := exercise(t, srv, "showCall", "Calls.Get", func() (*VoiceCall, *Response, error) {
		return c.Calls.Get(ctx, "123")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/calls/123")
	testNoBody(t, rec)
	require.Equal(t, VoiceCall{Type: "call", ID: "123", ConversationID: "456", AdminID: "789", ContactID: "6762f0dd1bb69f9f2193bb83",
		State: "completed", InitiatedAt: 1734537437, AnsweredAt: 1734537440, EndedAt: 1734537530, CreatedAt: 1734537437, UpdatedAt: 1734537531,
		RecordingURL: "https://api.intercom.io/calls/123/recording", TranscriptionURL: "https://api.intercom.io/calls/123/transcript",
		CallType: "phone", Direction: "outbound", EndedReason: "answered", Phone: "+15551234567",
		FinRecordingURL: "https://api.intercom.io/calls/124/recording", FinTranscriptionURL: "https://api.intercom.io/calls/124/transcript"}, *got)

	srv.Respond("showCall", 404, "")
	_, _, err := c.Calls.Get(ctx, "1")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestCallsListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	srv.RespondFunc("listCalls", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "", "1":
			_, _ = fmt.Fprint(w, `{"type":"list","data":[{"type":"call","id":"1"},{"type":"call","id":"2"}],"total_count":3,"pages":{"type":"pages","page":1,"per_page":2,"total_pages":2}}`)
		case "2":
			_, _ = fmt.Fprint(w, `{"type":"list","data":[{"type":"call","id":"3"}],"total_count":3,"pages":{"type":"pages","page":2,"per_page":2,"total_pages":2}}`)
		default:
			assert.Failf(t, "unexpected page", "query %q", r.URL.RawQuery)
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := &CallListOptions{PerPage: 2}
	var ids []ID
	for call, err := range c.Calls.ListAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, call.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Zero(t, opt.Page, "options must not be modified")
}

func TestCallsListWithTranscripts(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	got, rec := exercise(t, srv, "listCallsWithTranscripts", "Calls.ListWithTranscripts", func() (*VoiceCallTranscriptList, *Response, error) {
		return c.Calls.ListWithTranscripts(ctx, CallListWithTranscriptsRequest{ConversationIDs: []string{"64619700005694", "64619700005695"}})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/calls/search")
	testJSONBody(t, rec, `{"conversation_ids":["64619700005694","64619700005695"]}`)
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("123"), got.Data[0].ID)
	require.Equal(t, ID("64619700005694"), got.Data[0].ConversationID)
	require.Equal(t, "completed", got.Data[0].TranscriptStatus)
	require.Len(t, got.Data[0].Transcript, 1)

	_, _, err := c.Calls.ListWithTranscripts(ctx, CallListWithTranscriptsRequest{})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Calls.ListWithTranscripts(ctx, CallListWithTranscriptsRequest{ConversationIDs: make([]string, 21)})
	var ire *InvalidRequestError
	require.ErrorAs(t, err, &ire)
	require.Equal(t, "conversation_ids", ire.Field)
	require.Len(t, srv.Requests(), 1, "nothing sent for invalid requests")
}

// recordingStore is the storage a recording redirect points at.
type recordingStore struct {
	*httptest.Server
	mu   sync.Mutex
	auth []string
}

func newRecordingStore(t *testing.T, status int, body string) *recordingStore {
	s := &recordingStore{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.auth = append(s.auth, r.Header.Get("Authorization"))
		s.mu.Unlock()
		assert.Equal(t, "/rec/123.mp3", r.URL.Path)
		assert.Equal(t, "sig=abc", r.URL.RawQuery)
		w.Header().Set("Content-Type", "audio/mpeg")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestCallsGetRecording(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	store := newRecordingStore(t, http.StatusOK, "ID3 fake audio")
	srv.RespondFunc("showCallRecording", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", store.URL+"/rec/123.mp3?sig=abc")
		w.Header().Set("X-Request-Id", "req-rec")
		w.WriteHeader(http.StatusFound)
	})
	got, rec := exercise(t, srv, "showCallRecording", "Calls.GetRecording", func() (*[]byte, *Response, error) {
		rc, resp, err := c.Calls.GetRecording(ctx, "123")
		if err != nil {
			return nil, resp, err
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		return &b, resp, err
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/calls/123/recording")
	testNoBody(t, rec)
	require.Equal(t, "ID3 fake audio", string(*got))
	store.mu.Lock()
	require.NotEmpty(t, store.auth)
	for _, auth := range store.auth { // one fetch per version that has the endpoint
		require.Empty(t, auth, "the signed URL is fetched without the token")
	}
	store.mu.Unlock()

	rc, resp, err := c.Calls.GetRecording(ctx, "123")
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	require.Equal(t, http.StatusFound, resp.StatusCode, "the Response is Intercom's redirect")
	require.Equal(t, "req-rec", resp.RequestID)

	// The signed URL fails: an *APIError with its status.
	gone := newRecordingStore(t, http.StatusForbidden, "<Error>AccessDenied</Error>")
	srv.RespondFunc("showCallRecording", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", gone.URL+"/rec/123.mp3?sig=abc")
		w.WriteHeader(http.StatusFound)
	})
	_, _, err = c.Calls.GetRecording(ctx, "123")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusForbidden, apiErr.StatusCode)

	// No recording: Intercom's 404.
	srv.Respond("showCallRecording", 404, "")
	_, _, err = c.Calls.GetRecording(ctx, "123")
	require.ErrorIs(t, err, ErrNotFound)
}

// TestCallsGetRecordingRefusesDowngrade: a redirect from an https API to an
// http signed URL is refused, unfollowed, as the client's redirect policy
// refuses it, and so is a scheme other than http(s).
func TestCallsGetRecordingRefusesDowngrade(t *testing.T) {
	t.Parallel()
	store := newRecordingStore(t, http.StatusOK, "ID3 fake audio")
	for _, loc := range []string{store.URL + "/rec/123.mp3?sig=abc", "ftp://files.example/rec/123.mp3?sig=abc"} {
		api := newTestServer(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusFound)
		}, overTLS())
		c := api.client(t, WithAPIVersion("2.14"))
		rc, resp, err := c.Calls.GetRecording(context.Background(), "123")
		require.Nil(t, rc)
		require.Equal(t, http.StatusFound, resp.StatusCode, "the Response is Intercom's redirect")
		var re *RedirectError
		require.ErrorAs(t, err, &re, loc)
		require.ErrorIs(t, err, ErrRedirected)
		require.Equal(t, http.StatusFound, re.StatusCode)
		require.NotContains(t, re.Location, "sig=abc", "the signed query is not echoed")
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	require.Empty(t, store.auth, "the http URL is never fetched")
}

func TestCallsGetTranscript(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	_, rec := exercise(t, srv, "showCallTranscript", "Calls.GetTranscript", func() (*[]byte, *Response, error) {
		rc, resp, err := c.Calls.GetTranscript(ctx, "123")
		if err != nil {
			return nil, resp, err
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		return &b, resp, err
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/calls/123/transcript")
	testNoBody(t, rec)
	testHeader(t, rec, "Accept", "text/plain, application/json")

	const text = "[00:00:03] Teammate 1: \"Hello, thanks for calling.\"\n[00:00:09] User: \"Hi.\"\n"
	srv.RespondFunc("showCallTranscript", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Disposition", "attachment; filename=transcription_data-2025-07-17.txt")
		_, _ = io.WriteString(w, text)
	})
	rc, resp, err := c.Calls.GetTranscript(ctx, "123")
	require.NoError(t, err)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	require.Equal(t, text, string(b))
	require.Equal(t, "attachment; filename=transcription_data-2025-07-17.txt", resp.Header.Get("Content-Disposition"))

	srv.Respond("showCallTranscript", 404, "")
	_, _, err = c.Calls.GetTranscript(ctx, "123")
	require.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Calls.GetTranscript(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
}

func TestCallsVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Calls.Get(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "GET", "/calls/{call_id}", "showCall", "", "2.14", "2.15", "2.16")
	_, _, err = c.Calls.GetRecording(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "GET", "/calls/{call_id}/recording", "showCallRecording", "", "2.14", "2.15", "2.16")
	_, _, err = c.Calls.GetFinVoiceCall(context.Background(), "1")
	requireVersionErr(t, err, "2.10", "GET", "/fin_voice/collect/{id}", "collectFinVoiceCallById", "", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
