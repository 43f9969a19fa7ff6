package intercom

import (
	"context"
	"io"
	"net/http"
)

// ReportingDataset is a dataset of Intercom's reporting that can be
// exported, with its attributes (the columns of an export).
type ReportingDataset struct {
	// ID is the dataset's id, such as "conversation".
	ID ID `json:"id,omitempty"`
	// Name is the dataset's name.
	Name string `json:"name,omitempty"`
	// Description describes the dataset.
	Description string `json:"description,omitempty"`
	// DefaultTimeAttributeID is the attribute an export's time range
	// applies to, such as "conversation_started_at".
	DefaultTimeAttributeID string `json:"default_time_attribute_id,omitempty"`
	// Attributes are the dataset's attributes.
	Attributes []ReportingDatasetAttribute `json:"attributes,omitempty"`
}

// ReportingDatasetAttribute is an attribute of a reporting dataset.
type ReportingDatasetAttribute struct {
	// ID is the attribute's simple id, which may be ambiguous across
	// attribute types.
	ID ID `json:"id,omitempty"`
	// QualifiedID is the attribute's unambiguous id ("prefix.name", such
	// as "conversation.conversation_id"): the one to give Enqueue (2.16;
	// earlier versions send none).
	QualifiedID string `json:"qualified_id,omitempty"`
	// Name is the attribute's name.
	Name string `json:"name,omitempty"`
}

// ReportingDatasetList is the list of the exportable datasets.
type ReportingDatasetList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the datasets.
	Data []ReportingDataset `json:"data"`
}

// ReportingDataExportStatus is the state of a reporting data export job.
type ReportingDataExportStatus string

// The states of a reporting data export job. Complete and Failed are final.
const (
	ReportingDataExportPending  ReportingDataExportStatus = "pending"
	ReportingDataExportComplete ReportingDataExportStatus = "complete"
	ReportingDataExportFailed   ReportingDataExportStatus = "failed"
)

// Done reports whether the status is final.
func (s ReportingDataExportStatus) Done() bool {
	return s == ReportingDataExportComplete || s == ReportingDataExportFailed
}

// ReportingDataExportJob is a reporting data export job.
type ReportingDataExportJob struct {
	// JobIdentifier is the job's id.
	JobIdentifier string `json:"job_identifier,omitempty"`
	// Status is the job's state.
	Status ReportingDataExportStatus `json:"status,omitempty"`
	// DownloadURL is where the data can be downloaded once the job is
	// complete; empty before.
	DownloadURL string `json:"download_url,omitempty"`
	// DownloadExpiresAt is when the download stops being available, as
	// Intercom sends it (a string; empty before completion).
	DownloadExpiresAt string `json:"download_expires_at,omitempty"`
}

// ReportingDataExportEnqueueRequest is the body of starting a reporting
// data export. Every field is required.
type ReportingDataExportEnqueueRequest struct {
	// DatasetID is the dataset to export, such as "conversation".
	DatasetID string `json:"dataset_id"`
	// AttributeIDs are the attributes (columns) to export; use their
	// qualified ids (ReportingDatasetAttribute.QualifiedID) where given.
	AttributeIDs []string `json:"attribute_ids"`
	// StartTime is the start of the time range.
	StartTime Timestamp `json:"start_time"`
	// EndTime is the end of the time range.
	EndTime Timestamp `json:"end_time"`
}

// Validate checks that every field is set and the range in order.
func (r ReportingDataExportEnqueueRequest) Validate() error {
	switch {
	case r.DatasetID == "":
		return invalid("dataset_id", "is required")
	case len(r.AttributeIDs) == 0:
		return invalid("attribute_ids", "is required")
	case r.StartTime == 0:
		return invalid("start_time", "is required")
	case r.EndTime == 0:
		return invalid("end_time", "is required")
	case r.EndTime < r.StartTime:
		return invalid("end_time", "is before start_time")
	}
	return nil
}

// ReportingDataExportGetOptions identifies the workspace of a job whose
// status Get returns. Both are required.
type ReportingDataExportGetOptions struct {
	// AppID is the workspace's id (its Intercom-defined code).
	AppID string `url:"app_id"`
	// ClientID is the client's id.
	ClientID string `url:"client_id"`
}

// Validate checks that both are set.
func (o ReportingDataExportGetOptions) Validate() error {
	switch {
	case o.AppID == "":
		return invalid("app_id", "is required")
	case o.ClientID == "":
		return invalid("client_id", "is required")
	}
	return nil
}

// ReportingDataExportDownloadOptions identifies the workspace of a job
// whose data Download streams. AppID is required.
type ReportingDataExportDownloadOptions struct {
	// AppID is the workspace's id (its Intercom-defined code).
	AppID string `url:"app_id"`
}

// Validate checks that the workspace is set.
func (o ReportingDataExportDownloadOptions) Validate() error {
	if o.AppID == "" {
		return invalid("app_id", "is required")
	}
	return nil
}

// ListDatasets returns the datasets that can be exported, with their
// attributes.
// GET /export/reporting_data/get_datasets (get /export/reporting_data/get_datasets).
func (s *ReportingDataExportService) ListDatasets(ctx context.Context, opts ...Option) (*ReportingDatasetList, *Response, error) {
	return call[ReportingDatasetList](ctx, s.client, endpoint{method: http.MethodGet, path: "/export/reporting_data/get_datasets"}, opts)
}

// Enqueue starts a reporting data export job for a dataset, its chosen
// attributes and a time range, and returns the job.
// POST /export/reporting_data/enqueue (post /export/reporting_data/enqueue).
func (s *ReportingDataExportService) Enqueue(ctx context.Context, req ReportingDataExportEnqueueRequest, opts ...Option) (*ReportingDataExportJob, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ReportingDataExportJob](ctx, s.client, endpoint{method: http.MethodPost, path: "/export/reporting_data/enqueue", body: req}, opts)
}

// Get returns the state of a reporting data export job.
// GET /export/reporting_data/{job_identifier} (get /export/reporting_data/{job_identifier}).
func (s *ReportingDataExportService) Get(ctx context.Context, jobIdentifier string, opt ReportingDataExportGetOptions, opts ...Option) (*ReportingDataExportJob, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return call[ReportingDataExportJob](ctx, s.client, endpoint{method: http.MethodGet, path: "/export/reporting_data/{job_identifier}",
		params: []string{jobIdentifier}, query: opt}, opts)
}

// Download streams the data of a completed reporting data export job. The
// caller must Close the returned reader. A gzipped body is un-gzipped, and
// the timeouts are those of DataExport.Download: unless the call has its
// own WithTimeout, the client's timeout bounds only the wait for the
// response to start, and the stream lasts as long as ctx does.
// GET /download/reporting_data/{job_identifier} (get /download/reporting_data/{job_identifier}), sent with
// Accept: application/octet-stream as Intercom requires.
func (s *ReportingDataExportService) Download(ctx context.Context, jobIdentifier string, opt ReportingDataExportDownloadOptions, opts ...Option) (io.ReadCloser, *Response, error) {
	if err := opt.Validate(); err != nil {
		return nil, nil, err
	}
	return s.client.stream(ctx, streamSpec{
		e: endpoint{method: http.MethodGet, path: "/download/reporting_data/{job_identifier}", params: []string{jobIdentifier},
			query: opt, accept: "application/octet-stream"},
		goMethod: "ReportingDataExport.Download",
	}, opts)
}
