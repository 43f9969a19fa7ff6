package intercom

import (
	"context"
	"net/http"
)

// JobStatus is the state of an asynchronous job.
type JobStatus string

// The states of a job. Success and Failed are final.
const (
	JobPending JobStatus = "pending"
	JobSuccess JobStatus = "success"
	JobFailed  JobStatus = "failed"
)

// Done reports whether the status is final.
func (s JobStatus) Done() bool { return s == JobSuccess || s == JobFailed }

// Job is a task Intercom processes asynchronously after a request enqueued
// it (such as a ticket created through POST /tickets/enqueue).
type Job struct {
	// Type is "job".
	Type string `json:"type,omitempty"`
	// ID is the job's id.
	ID ID `json:"id,omitempty"`
	// URL is the API URL of the job's status.
	URL string `json:"url,omitempty"`
	// Status is pending, success or failed.
	Status JobStatus `json:"status,omitempty"`
	// ResourceType is the type of the resource the job created, such as
	// "ticket".
	ResourceType string `json:"resource_type,omitempty"`
	// ResourceID is the id of the resource the job created; empty until it
	// exists.
	ResourceID ID `json:"resource_id,omitempty"`
	// ResourceURL is the API URL of the resource the job created.
	ResourceURL string `json:"resource_url,omitempty"`
}

// Get returns the status of a job.
// GET /jobs/status/{job_id} (jobsStatus).
func (s *JobsService) Get(ctx context.Context, jobID string, opts ...Option) (*Job, *Response, error) {
	return call[Job](ctx, s.client, endpoint{method: http.MethodGet, path: "/jobs/status/{job_id}", params: []string{jobID}}, opts)
}
