package intercom

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// DataExportStatus is the state of a data export job.
type DataExportStatus string

// The states of a data export job. Completed, Failed, Canceled and NoData
// are final.
const (
	DataExportPending    DataExportStatus = "pending"
	DataExportInProgress DataExportStatus = "in_progress"
	DataExportFailed     DataExportStatus = "failed"
	DataExportCompleted  DataExportStatus = "completed"
	DataExportNoData     DataExportStatus = "no_data"
	DataExportCanceled   DataExportStatus = "canceled"
)

// Done reports whether the status is final: the job will not change any more.
func (s DataExportStatus) Done() bool {
	switch s {
	case DataExportCompleted, DataExportFailed, DataExportCanceled, DataExportNoData:
		return true
	}
	return false
}

// DataExport is a job exporting message delivery and engagement data
// (who received which outbound message, and how they engaged with it).
type DataExport struct {
	// JobIdentifier is the job's id (the spec's schema misspells it
	// job_identfier; Intercom sends job_identifier).
	JobIdentifier string `json:"job_identifier,omitempty"`
	// Status is the job's state.
	Status DataExportStatus `json:"status,omitempty"`
	// DownloadURL is where the data can be downloaded once the job is
	// completed; empty before.
	DownloadURL string `json:"download_url,omitempty"`
	// DownloadExpiresAt is when the download stops being available, as
	// Intercom sends it: Unix seconds in a string, or "" (see ExpiresAt).
	DownloadExpiresAt string `json:"download_expires_at,omitempty"`
}

// ExpiresAt parses DownloadExpiresAt; ok is false when it is empty or not a
// number.
func (e DataExport) ExpiresAt() (t time.Time, ok bool) {
	sec, err := strconv.ParseInt(e.DownloadExpiresAt, 10, 64)
	if err != nil || sec <= 0 {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}

// DataExportCreateRequest asks for the data of the messages sent in a date
// range (inclusive, by calendar day). Both bounds are required.
type DataExportCreateRequest struct {
	// CreatedAtAfter is the start of the range.
	CreatedAtAfter Timestamp `json:"created_at_after"`
	// CreatedAtBefore is the end of the range.
	CreatedAtBefore Timestamp `json:"created_at_before"`
}

// Validate checks that both bounds are set and in order.
func (r DataExportCreateRequest) Validate() error {
	switch {
	case r.CreatedAtAfter == 0:
		return invalid("created_at_after", "is required")
	case r.CreatedAtBefore == 0:
		return invalid("created_at_before", "is required")
	case r.CreatedAtBefore < r.CreatedAtAfter:
		return invalid("created_at_before", "is before created_at_after")
	}
	return nil
}

// Create starts a data export job. A workspace can have one active job at
// a time: a second one fails with 429 (ErrRateLimited).
// POST /export/content/data (createDataExport).
func (s *DataExportService) Create(ctx context.Context, req DataExportCreateRequest, opts ...Option) (*DataExport, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[DataExport](ctx, s.client, endpoint{method: http.MethodPost, path: "/export/content/data", body: req}, opts)
}

// Get returns the state of a data export job. Completed jobs can be
// downloaded for two days.
// GET /export/content/data/{job_identifier} (getDataExport).
func (s *DataExportService) Get(ctx context.Context, jobID string, opts ...Option) (*DataExport, *Response, error) {
	return call[DataExport](ctx, s.client, endpoint{method: http.MethodGet, path: "/export/content/data/{job_identifier}", params: []string{jobID}}, opts)
}

// Cancel cancels a data export job and returns it.
// POST /export/cancel/{job_identifier} (cancelDataExport).
func (s *DataExportService) Cancel(ctx context.Context, jobID string, opts ...Option) (*DataExport, *Response, error) {
	return call[DataExport](ctx, s.client, endpoint{method: http.MethodPost, path: "/export/cancel/{job_identifier}", params: []string{jobID}}, opts)
}

// DefaultDataExportPollInterval is the interval WaitForCompletion uses when
// given zero.
const DefaultDataExportPollInterval = 10 * time.Second

// WaitForCompletion polls a data export job every interval (zero means
// DefaultDataExportPollInterval) until its status is final (completed,
// failed, canceled or no_data) and returns it; check Status to tell success
// from failure. The first check is immediate. It stops with ctx's error
// when ctx ends, and with the error of a failed poll; either way it also
// returns the last state seen (nil if no poll succeeded).
func (s *DataExportService) WaitForCompletion(ctx context.Context, jobID string, interval time.Duration, opts ...Option) (*DataExport, error) {
	if interval < 0 {
		return nil, invalid("interval", "must not be negative")
	}
	if interval == 0 {
		interval = DefaultDataExportPollInterval
	}
	if ctx == nil {
		return nil, invalid("ctx", "is nil")
	}
	var (
		ticker *time.Ticker
		last   *DataExport
	)
	for {
		exp, _, err := s.Get(ctx, jobID, opts...)
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return last, ctxErr
			}
			return last, err
		}
		last = exp
		if exp.Status.Done() {
			return exp, nil
		}
		if ticker == nil {
			ticker = time.NewTicker(interval)
			defer ticker.Stop()
		}
		select {
		case <-ctx.Done():
			return last, ctx.Err()
		case <-ticker.C:
		}
	}
}

// Download streams the data of a completed export job: a CSV whose columns
// are described by Intercom's data_export_csv schema (user_id, email,
// content_id, received_at, first_open, …). The caller must Close the
// returned reader.
//
// The body is never buffered whole. Intercom sends it gzipped; the reader
// un-gzips it transparently, whether the bytes arrive gzipped as the content
// itself (detected by the gzip magic number) or with Content-Encoding: gzip
// (which Go's transport already decodes when it asked for compression
// itself). A body that is not gzipped is passed through unchanged.
//
// Timeouts: the client's timeout (WithTimeout, 60s by default) bounds a
// whole attempt including reading the body, which would cut off a long
// download. So unless this call is given its own WithTimeout, Download runs
// without that overall limit and uses the client's timeout only to bound the
// wait for the response to start (headers, across retries); after that the
// stream lasts as long as ctx does. Cancel ctx or Close the reader to stop
// it. A per-call WithTimeout(d) is honoured as given: it bounds the whole
// download, body included.
//
// GET /download/content/data/{job_identifier} (downloadDataExport), sent
// with Accept: application/octet-stream as Intercom requires.
func (s *DataExportService) Download(ctx context.Context, jobID string, opts ...Option) (io.ReadCloser, *Response, error) {
	e := endpoint{
		method: http.MethodGet,
		path:   "/download/content/data/{job_identifier}",
		params: []string{jobID},
		accept: "application/octet-stream",
	}
	return s.client.stream(ctx, streamSpec{e: e, goMethod: "DataExport.Download"}, opts)
}

// dataExportReader un-gzips a download when needed and releases everything
// on Close.
type dataExportReader struct {
	r      io.Reader
	body   io.ReadCloser
	zr     *gzip.Reader
	cancel context.CancelFunc
	once   sync.Once
	err    error
}

// gzipMagic starts every gzip stream.
var gzipMagic = [2]byte{0x1f, 0x8b}

// newDataExportReader peeks at the body and wraps it in a gzip reader when
// it starts with the gzip magic number.
func newDataExportReader(body io.ReadCloser, cancel context.CancelFunc) (io.ReadCloser, error) {
	br := bufio.NewReaderSize(body, 32<<10)
	d := &dataExportReader{r: br, body: body, cancel: cancel}
	head, _ := br.Peek(2) // fewer bytes on a short or empty body: pass it through
	if len(head) == 2 && head[0] == gzipMagic[0] && head[1] == gzipMagic[1] {
		zr, err := gzip.NewReader(br)
		if err != nil {
			_ = d.Close()
			return nil, &DecodeError{StatusCode: http.StatusOK, ContentType: "application/gzip", Err: err}
		}
		d.zr, d.r = zr, zr
	}
	return d, nil
}

// Read reads uncompressed bytes.
func (d *dataExportReader) Read(p []byte) (int, error) { return d.r.Read(p) }

// Close closes the body and ends the request; it is safe to call twice.
func (d *dataExportReader) Close() error {
	d.once.Do(func() {
		if d.zr != nil {
			_ = d.zr.Close()
		}
		d.err = d.body.Close()
		d.cancel()
	})
	return d.err
}
