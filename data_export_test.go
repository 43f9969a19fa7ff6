package intercom

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

func TestDataExportCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "createDataExport", "DataExport.Create", func() (*DataExport, *Response, error) {
		return c.DataExport.Create(context.Background(), DataExportCreateRequest{CreatedAtAfter: 1717003983, CreatedAtBefore: 1717021983})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/export/content/data")
	testJSONBody(t, rec, `{"created_at_after":1717003983,"created_at_before":1717021983}`)
	require.Equal(t, "3pnq4uopx4s9cmye", got.JobIdentifier)
	require.Equal(t, DataExportPending, got.Status)
	require.False(t, got.Status.Done())
	_, ok := got.ExpiresAt()
	require.False(t, ok, "empty download_expires_at")

	for _, req := range []DataExportCreateRequest{{}, {CreatedAtAfter: 2}, {CreatedAtBefore: 2}, {CreatedAtAfter: 3, CreatedAtBefore: 2}} {
		_, _, err := c.DataExport.Create(context.Background(), req)
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), 1)

	srv.Respond("createDataExport", 429, "")
	_, _, err := c.DataExport.Create(context.Background(), DataExportCreateRequest{CreatedAtAfter: 1, CreatedAtBefore: 2})
	require.ErrorIs(t, err, ErrRateLimited)
}

func TestDataExportGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "getDataExport", "DataExport.Get", func() (*DataExport, *Response, error) {
		return c.DataExport.Get(context.Background(), "g7izbbolicujndl4")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/export/content/data/g7izbbolicujndl4")
	testNoBody(t, rec)
	require.Equal(t, "g7izbbolicujndl4", got.JobIdentifier)

	srv.RespondJSON("getDataExport", 200, `{"job_identifier":"g7","status":"completed","download_url":"https://api.intercom.io/download/content/data/g7","download_expires_at":"1674917488"}`)
	got, _, err := c.DataExport.Get(context.Background(), "g7")
	require.NoError(t, err)
	require.Equal(t, DataExportCompleted, got.Status)
	require.True(t, got.Status.Done())
	exp, ok := got.ExpiresAt()
	require.True(t, ok)
	require.Equal(t, int64(1674917488), exp.Unix())

	n := len(srv.Requests())
	_, _, err = c.DataExport.Get(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)

	srv.Respond("getDataExport", 404, "")
	_, _, err = c.DataExport.Get(context.Background(), "nope")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestDataExportCancel(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "cancelDataExport", "DataExport.Cancel", func() (*DataExport, *Response, error) {
		return c.DataExport.Cancel(context.Background(), "vl698f5y3e0vz9y6")
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/export/cancel/vl698f5y3e0vz9y6")
	testNoBody(t, rec, "cancel sends no body")
	require.Equal(t, DataExportCanceled, got.Status)
	require.True(t, got.Status.Done())

	_, _, err := c.DataExport.Cancel(context.Background(), " ")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), 1)
}

func TestDataExportWaitForCompletion(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	var polls atomic.Int32
	srv.RespondFunc("getDataExport", func(w http.ResponseWriter, r *http.Request) {
		status := "in_progress"
		if polls.Add(1) >= 3 {
			status = "completed"
		}
		_, _ = io.WriteString(w, `{"job_identifier":"j1","status":"`+status+`","download_url":"","download_expires_at":""}`)
	})
	got, err := c.DataExport.WaitForCompletion(context.Background(), "j1", time.Millisecond)
	require.NoError(t, err)
	require.Equal(t, DataExportCompleted, got.Status)
	require.Len(t, srv.Requests(), 3)
	testPath(t, srv.LastRequest(), "/export/content/data/j1")

	// The context ends the wait (cancelled during the second poll).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var waits atomic.Int32
	srv.RespondFunc("getDataExport", func(w http.ResponseWriter, r *http.Request) {
		if waits.Add(1) == 2 {
			cancel()
		}
		_, _ = io.WriteString(w, `{"job_identifier":"j2","status":"pending"}`)
	})
	got, err = c.DataExport.WaitForCompletion(ctx, "j2", time.Millisecond)
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, got)
	require.Equal(t, DataExportPending, got.Status, "the last state seen is returned")
	require.Equal(t, int32(2), waits.Load())

	// A failed job is final too; an API error stops the wait.
	srv.RespondJSON("getDataExport", 200, `{"job_identifier":"j3","status":"failed"}`)
	got, err = c.DataExport.WaitForCompletion(context.Background(), "j3", 0)
	require.NoError(t, err)
	require.Equal(t, DataExportFailed, got.Status)
	srv.Respond("getDataExport", 404, "")
	_, err = c.DataExport.WaitForCompletion(context.Background(), "j4", time.Millisecond)
	require.ErrorIs(t, err, ErrNotFound)
	n := len(srv.Requests())
	_, err = c.DataExport.WaitForCompletion(context.Background(), "j4", -1)
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, err = c.DataExport.WaitForCompletion(context.Background(), "", time.Millisecond)
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestDataExportDownload(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "downloadDataExport", "DataExport.Download", func() (*[]byte, *Response, error) {
		rc, resp, err := c.DataExport.Download(context.Background(), "xyz1234")
		if err != nil {
			return nil, resp, err
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		return &b, resp, err
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/download/content/data/xyz1234")
	require.Equal(t, "application/octet-stream", rec.Header.Get("Accept"))
	require.Equal(t, string(spectest.DataExportCSV()), string(*got), "the served gzipped CSV, un-gzipped")
}

func TestDataExportDownloadContent(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	rc, resp, err := c.DataExport.Download(context.Background(), "xyz1234")
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	require.NoError(t, rc.Close(), "closing twice is fine")
	require.Equal(t, string(spectest.DataExportCSV()), string(b), "the gzipped CSV is un-gzipped")
	require.True(t, strings.HasPrefix(string(b), "user_id,user_external_id,company_id,email,"))
	require.Equal(t, "application/octet-stream", srv.LastRequest().Header.Get("Accept"))

	// Not gzipped: passed through.
	srv.RespondFunc("downloadDataExport", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = io.WriteString(w, "user_id,email\n1,a@b.c\n")
	})
	rc, _, err = c.DataExport.Download(context.Background(), "plain")
	require.NoError(t, err)
	b, err = io.ReadAll(rc)
	require.NoError(t, err)
	rc.Close()
	require.Equal(t, "user_id,email\n1,a@b.c\n", string(b))

	// Empty body.
	srv.RespondFunc("downloadDataExport", func(w http.ResponseWriter, r *http.Request) {})
	rc, _, err = c.DataExport.Download(context.Background(), "empty")
	require.NoError(t, err)
	b, err = io.ReadAll(rc)
	require.NoError(t, err)
	rc.Close()
	require.Empty(t, b)

	// Content-Encoding: gzip (Go's transport did not ask for it, so it does
	// not decode it; the reader does).
	srv.RespondFunc("downloadDataExport", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_, _ = io.WriteString(zw, "a,b\n1,2\n")
		_ = zw.Close()
	})
	rc, _, err = c.DataExport.Download(context.Background(), "enc")
	require.NoError(t, err)
	b, err = io.ReadAll(rc)
	require.NoError(t, err)
	rc.Close()
	require.Equal(t, "a,b\n1,2\n", string(b))

	// Errors: empty id before I/O, 404 as an *APIError.
	n := len(srv.Requests())
	_, _, err = c.DataExport.Download(context.Background(), "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
	srv.Respond("downloadDataExport", 404, "")
	rc, resp, err = c.DataExport.Download(context.Background(), "gone")
	require.ErrorIs(t, err, ErrNotFound)
	require.Nil(t, rc)
	require.Equal(t, 404, resp.StatusCode)

	// A corrupt gzip stream surfaces as a read error.
	srv.RespondFunc("downloadDataExport", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte{0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3})
	})
	rc, _, err = c.DataExport.Download(context.Background(), "bad")
	if err == nil {
		_, err = io.ReadAll(rc)
		rc.Close()
	}
	require.Error(t, err)
}

// A download streams: the client's timeout, which bounds whole calls, does
// not cut a body that takes longer, while the wait for the response to start
// is still bounded by it. On the fake clock each bound is exact.
func TestDataExportDownloadStreamsPastClientTimeout(t *testing.T) {
	t.Parallel()
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	_, _ = io.WriteString(zw, strings.Repeat("row,of,data\n", 1000))
	_ = zw.Close()
	data := zipped.Bytes()
	fakeClock(t, func(t *testing.T) {
		var mu sync.Mutex
		handler := func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
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
		srv := newTestServer(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			h := handler
			mu.Unlock()
			h(w, r)
		}, inMemory())
		setHandler := func(h http.HandlerFunc) { mu.Lock(); handler = h; mu.Unlock() }
		c := srv.client(t, WithTimeout(400*time.Millisecond))

		start := time.Now()
		rc, _, err := c.DataExport.Download(context.Background(), "slow")
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		require.Equal(t, 12000, len(b))
		require.Equal(t, time.Second, time.Since(start), "the stream outlived the 400ms timeout")
		testPath(t, srv.requests()[0], "/download/content/data/slow")
		testHeader(t, srv.requests()[0], "Accept", "application/octet-stream")

		// A per-call timeout is honoured as given: it bounds the body too.
		start = time.Now()
		rc, _, err = c.DataExport.Download(context.Background(), "slow", WithTimeout(400*time.Millisecond))
		require.NoError(t, err)
		_, err = io.ReadAll(rc)
		rc.Close()
		require.True(t, isTimeout(err), "%v", err)
		require.Equal(t, 400*time.Millisecond, time.Since(start))

		// The start of the response is bounded by the client's timeout.
		setHandler(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		})
		start = time.Now()
		_, _, err = c.DataExport.Download(context.Background(), "hung")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		var ce *ConnectionError
		require.ErrorAs(t, err, &ce)
		require.Equal(t, 400*time.Millisecond, time.Since(start))

		// Cancelling the caller's context stops a stream.
		setHandler(func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write(data[:10])
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		})
		ctx, cancel := context.WithCancel(context.Background())
		rc, _, err = c.DataExport.Download(ctx, "cancel")
		require.NoError(t, err)
		cancel()
		_, err = io.ReadAll(rc)
		require.ErrorIs(t, err, context.Canceled)
		rc.Close()
	})
}
