package intercom

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestStreamTimeouts: the streamed downloads of the later endpoints follow
// DataExport.Download's timeout rules, the redirect of a recording included.
func TestStreamTimeouts(t *testing.T) {
	t.Parallel()
	data := []byte(strings.Repeat("[00:00:01] User: \"hello\"\n", 400))
	slow := func(w http.ResponseWriter, r *http.Request) {
		half := len(data) / 2
		_, _ = w.Write(data[:half])
		w.(http.Flusher).Flush()
		select {
		case <-time.After(time.Second):
		case <-r.Context().Done():
			return
		}
		_, _ = w.Write(data[half:])
	}
	hung := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}
	fakeClock(t, func(t *testing.T) {
		var mu sync.Mutex
		storage := slow
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			st := storage
			mu.Unlock()
			switch {
			case r.URL.Path == "/calls/1/transcript":
				slow(w, r)
			case r.URL.Path == "/calls/1/recording":
				w.Header().Set("Location", "http://storage.example/rec/1.mp3?sig=s")
				w.WriteHeader(http.StatusFound)
			case r.URL.Path == "/rec/1.mp3":
				st(w, r)
			default:
				hung(w, r)
			}
		}, inMemory())
		setStorage := func(h http.HandlerFunc) { mu.Lock(); storage = h; mu.Unlock() }
		c := srv.client(t, WithTimeout(400*time.Millisecond), WithAPIVersion("2.16"))
		ctx := context.Background()

		// A transcript streams past the client's timeout.
		start := time.Now()
		rc, _, err := c.Calls.GetTranscript(ctx, "1")
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		require.Equal(t, data, b)
		require.Equal(t, time.Second, time.Since(start), "the stream outlived the 400ms timeout")

		// So does a recording, from the signed URL, fetched without the token.
		start = time.Now()
		rc, resp, err := c.Calls.GetRecording(ctx, "1")
		require.NoError(t, err)
		require.Equal(t, http.StatusFound, resp.StatusCode)
		b, err = io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		require.Equal(t, data, b)
		require.Equal(t, time.Second, time.Since(start))
		reqs := srv.requests()
		require.Len(t, reqs, 3)
		testPath(t, reqs[2], "/rec/1.mp3")
		require.Empty(t, reqs[2].Header.Get("Authorization"))
		require.NotEmpty(t, reqs[1].Header.Get("Authorization"))

		// A per-call timeout bounds the whole download.
		start = time.Now()
		rc, _, err = c.Calls.GetRecording(ctx, "1", WithTimeout(400*time.Millisecond))
		require.NoError(t, err)
		_, err = io.ReadAll(rc)
		rc.Close()
		require.True(t, isTimeout(err), "%v", err)
		require.Equal(t, 400*time.Millisecond, time.Since(start))

		// The client's timeout bounds the start of the response, across the
		// redirect.
		setStorage(hung)
		start = time.Now()
		_, _, err = c.Calls.GetRecording(ctx, "1")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		var ce *ConnectionError
		require.ErrorAs(t, err, &ce)
		require.Equal(t, "/calls/1/recording", ce.Path)
		require.Equal(t, 400*time.Millisecond, time.Since(start))

		start = time.Now()
		_, _, err = c.ReportingDataExport.Download(ctx, "j1", ReportingDataExportDownloadOptions{AppID: "a"})
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.ErrorAs(t, err, &ce)
		require.Equal(t, "/download/reporting_data/j1", ce.Path)
		require.Equal(t, 400*time.Millisecond, time.Since(start))

		// Cancelling the caller's context stops a stream.
		setStorage(func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write(data[:10])
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		})
		cctx, cancel := context.WithCancel(ctx)
		rc, _, err = c.Calls.GetRecording(cctx, "1")
		require.NoError(t, err)
		cancel()
		_, err = io.ReadAll(rc)
		require.ErrorIs(t, err, context.Canceled)
		rc.Close()
	})
}

// TestRecordingRedirectTargets: a relative Location is resolved against the
// call's URL and fetched without the token even on Intercom's own origin;
// a Location that is not http(s) is a *RedirectError, fetched nowhere.
func TestRecordingRedirectTargets(t *testing.T) {
	t.Parallel()
	loc := testBasePath + "/files/rec.mp3?sig=s"
	srv := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case testBasePath + "/calls/7/recording":
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusFound)
		case testBasePath + "/files/rec.mp3":
			_, _ = io.WriteString(w, "audio")
		default:
			w.WriteHeader(http.StatusTeapot)
		}
	}, mountedAt(testBasePath))
	c := srv.client(t, WithAPIVersion("2.14"))
	rc, resp, err := c.Calls.GetRecording(context.Background(), "7")
	require.NoError(t, err)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	require.Equal(t, "audio", string(b))
	require.Equal(t, http.StatusFound, resp.StatusCode)
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	require.NotEmpty(t, reqs[0].Header.Get("Authorization"))
	require.Empty(t, reqs[1].Header.Get("Authorization"), "the signed URL never gets the token")
	require.Equal(t, "sig=s", reqs[1].RawQuery)

	loc = "ftp://files.example/rec.mp3"
	_, resp, err = c.Calls.GetRecording(context.Background(), "7")
	var re *RedirectError
	require.ErrorAs(t, err, &re)
	require.Equal(t, "ftp://files.example/rec.mp3", re.Location)
	require.Equal(t, http.StatusFound, resp.StatusCode)
	require.Len(t, srv.requests(), 3)
}
