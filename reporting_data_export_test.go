package intercom

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReportingDataExportListDatasets(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	got, rec := exercise(t, srv, "get /export/reporting_data/get_datasets", "ReportingDataExport.ListDatasets", func() (*ReportingDatasetList, *Response, error) {
		return c.ReportingDataExport.ListDatasets(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/export/reporting_data/get_datasets")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.NotEmpty(t, got.Data)
	require.Equal(t, ID("conversation"), got.Data[0].ID)
	require.Equal(t, "conversation_started_at", got.Data[0].DefaultTimeAttributeID)

	// 2.16 adds the qualified ids.
	c16, srv16 := newSpecClientAt(t, "2.16")
	got, _, err := c16.ReportingDataExport.ListDatasets(context.Background())
	require.NoError(t, err)
	assertLossless(t, "get /export/reporting_data/get_datasets", srv16.Example("get /export/reporting_data/get_datasets", 200, ""), got)
	require.Equal(t, "conversation.conversation_id", got.Data[0].Attributes[0].QualifiedID)
}

func TestReportingDataExportEnqueueAndGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	job, rec := exercise(t, srv, "post /export/reporting_data/enqueue", "ReportingDataExport.Enqueue", func() (*ReportingDataExportJob, *Response, error) {
		return c.ReportingDataExport.Enqueue(ctx, ReportingDataExportEnqueueRequest{DatasetID: "conversation",
			AttributeIDs: []string{"conversation_id", "conversation_started_at"}, StartTime: 1717490000, EndTime: 1717510000})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/export/reporting_data/enqueue")
	testJSONBody(t, rec, `{"dataset_id":"conversation","attribute_ids":["conversation_id","conversation_started_at"],"start_time":1717490000,"end_time":1717510000}`)
	require.Equal(t, "job1", job.JobIdentifier)
	require.Equal(t, ReportingDataExportPending, job.Status)
	require.False(t, job.Status.Done())

	got, rec := exercise(t, srv, "get /export/reporting_data/{job_identifier}", "ReportingDataExport.Get", func() (*ReportingDataExportJob, *Response, error) {
		return c.ReportingDataExport.Get(ctx, "job1", ReportingDataExportGetOptions{AppID: "abc123", ClientID: "cl1"})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/export/reporting_data/job1")
	testQuery(t, rec, "app_id=abc123&client_id=cl1")
	testNoBody(t, rec)
	require.Equal(t, ReportingDataExportComplete, got.Status)
	require.True(t, got.Status.Done())

	srv.Respond("get /export/reporting_data/{job_identifier}", 200, "With failed status")
	got, _, err := c.ReportingDataExport.Get(ctx, "job1", ReportingDataExportGetOptions{AppID: "abc123", ClientID: "cl1"})
	require.NoError(t, err)
	require.Equal(t, ReportingDataExportFailed, got.Status)
}

func TestReportingDataExportDownload(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.14")
	ctx := context.Background()
	_, rec := exercise(t, srv, "get /download/reporting_data/{job_identifier}", "ReportingDataExport.Download", func() (*[]byte, *Response, error) {
		rc, resp, err := c.ReportingDataExport.Download(ctx, "job1", ReportingDataExportDownloadOptions{AppID: "abc123"})
		if err != nil {
			return nil, resp, err
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		return &b, resp, err
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/download/reporting_data/job1")
	testQuery(t, rec, "app_id=abc123")
	testNoBody(t, rec)
	testHeader(t, rec, "Accept", "application/octet-stream")

	// A gzipped body is un-gzipped; a plain one passed through.
	const csv = "conversation_id,conversation_started_at\n1,1717490000\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = io.WriteString(zw, csv)
	require.NoError(t, zw.Close())
	for _, body := range [][]byte{gz.Bytes(), []byte(csv)} {
		srv.RespondFunc("get /download/reporting_data/{job_identifier}", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			_, _ = w.Write(body)
		})
		rc, _, err := c.ReportingDataExport.Download(ctx, "job1", ReportingDataExportDownloadOptions{AppID: "abc123"})
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		require.Equal(t, csv, string(b))
	}

	srv.Respond("get /download/reporting_data/{job_identifier}", 404, "")
	_, _, err := c.ReportingDataExport.Download(ctx, "job1", ReportingDataExportDownloadOptions{AppID: "abc123"})
	require.ErrorIs(t, err, ErrNotFound)
}

func TestReportingDataExportValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ok := ReportingDataExportEnqueueRequest{DatasetID: "conversation", AttributeIDs: []string{"a"}, StartTime: 1, EndTime: 2}
	cases := []struct {
		field string
		call  func(c *Client) error
	}{
		{"dataset_id", func(c *Client) error {
			r := ok
			r.DatasetID = ""
			_, _, err := c.ReportingDataExport.Enqueue(ctx, r)
			return err
		}},
		{"attribute_ids", func(c *Client) error {
			r := ok
			r.AttributeIDs = nil
			_, _, err := c.ReportingDataExport.Enqueue(ctx, r)
			return err
		}},
		{"start_time", func(c *Client) error {
			r := ok
			r.StartTime = 0
			_, _, err := c.ReportingDataExport.Enqueue(ctx, r)
			return err
		}},
		{"end_time", func(c *Client) error {
			r := ok
			r.EndTime = 0
			_, _, err := c.ReportingDataExport.Enqueue(ctx, r)
			return err
		}},
		{"end_time", func(c *Client) error {
			r := ok
			r.StartTime, r.EndTime = 5, 4
			_, _, err := c.ReportingDataExport.Enqueue(ctx, r)
			return err
		}},
		{"app_id", func(c *Client) error {
			_, _, err := c.ReportingDataExport.Get(ctx, "j", ReportingDataExportGetOptions{ClientID: "c"})
			return err
		}},
		{"client_id", func(c *Client) error {
			_, _, err := c.ReportingDataExport.Get(ctx, "j", ReportingDataExportGetOptions{AppID: "a"})
			return err
		}},
		{"job_identifier", func(c *Client) error {
			_, _, err := c.ReportingDataExport.Get(ctx, "", ReportingDataExportGetOptions{AppID: "a", ClientID: "c"})
			return err
		}},
		{"app_id", func(c *Client) error {
			_, _, err := c.ReportingDataExport.Download(ctx, "j", ReportingDataExportDownloadOptions{})
			return err
		}},
		{"job_identifier", func(c *Client) error {
			_, _, err := c.ReportingDataExport.Download(ctx, "", ReportingDataExportDownloadOptions{AppID: "a"})
			return err
		}},
	}
	for _, tc := range cases {
		c, srv := newSpecClientAt(t, "2.14")
		testInvalidNoIO(t, srv, tc.call(c), tc.field)
	}
}

func TestReportingDataExportVersionGate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.ReportingDataExport.Download(context.Background(), "j", ReportingDataExportDownloadOptions{AppID: "a"})
	requireVersionErr(t, err, "2.10", "GET", "/download/reporting_data/{job_identifier}", "get /download/reporting_data/{job_identifier}", "", "2.14", "2.15", "2.16")
	_, _, err = c.ReportingDataExport.ListDatasets(context.Background())
	requireVersionErr(t, err, "2.10", "GET", "/export/reporting_data/get_datasets", "get /export/reporting_data/get_datasets", "", "2.14", "2.15", "2.16")
	require.Empty(t, srv.Requests())
}
