package intercom

import (
	"context"
	"net/http"
	"time"
)

// WorkflowState is the state of a workflow.
type WorkflowState string

// The states of a workflow.
const (
	WorkflowLive   WorkflowState = "live"
	WorkflowDraft  WorkflowState = "draft"
	WorkflowPaused WorkflowState = "paused"
)

// WorkflowExport is the complete configuration of a workflow, as exported
// (for EU Data Act portability).
type WorkflowExport struct {
	// ExportVersion is the version of the export format, such as "1.0".
	ExportVersion string `json:"export_version,omitempty"`
	// ExportedAt is when the export was made (an ISO-8601 time).
	ExportedAt time.Time `json:"exported_at,omitzero"`
	// AppID is the workspace's id (Intercom sends a number).
	AppID ID `json:"app_id,omitempty"`
	// Workflow is the workflow's configuration.
	Workflow Workflow `json:"workflow,omitzero"`
}

// Workflow is a workflow's configuration: its trigger, targeting, steps and
// attributes.
type Workflow struct {
	// ID is the workflow's id.
	ID ID `json:"id,omitempty"`
	// Title is the workflow's title.
	Title string `json:"title,omitempty"`
	// Description is the workflow's description; empty when Intercom sends
	// null.
	Description string `json:"description,omitempty"`
	// TriggerType is what starts the workflow, such as
	// "inbound_conversation".
	TriggerType string `json:"trigger_type,omitempty"`
	// State is live, draft or paused.
	State WorkflowState `json:"state,omitempty"`
	// TargetChannels are the channels the workflow targets, such as "chat".
	TargetChannels []string `json:"target_channels,omitempty"`
	// PreferredDevices are the devices the workflow prefers, such as
	// "desktop" and "mobile".
	PreferredDevices []string `json:"preferred_devices,omitempty"`
	// CreatedAt is when the workflow was created (an ISO-8601 time).
	CreatedAt time.Time `json:"created_at,omitzero"`
	// UpdatedAt is when the workflow was last updated.
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Targeting holds the targeting rules; nil when Intercom sends null.
	Targeting map[string]any `json:"targeting,omitempty"`
	// Snapshot holds the current steps and configuration; nil when
	// Intercom sends null.
	Snapshot map[string]any `json:"snapshot,omitempty"`
	// Attributes are the custom attributes the workflow defines.
	Attributes []map[string]any `json:"attributes,omitempty"`
	// EmbeddedRules are the rules embedded in the workflow's steps.
	EmbeddedRules []map[string]any `json:"embedded_rules,omitempty"`
}

// Export returns the complete configuration of a workflow.
// GET /export/workflows/{id} (exportWorkflow).
func (s *WorkflowsService) Export(ctx context.Context, id string, opts ...Option) (*WorkflowExport, *Response, error) {
	return call[WorkflowExport](ctx, s.client, endpoint{method: http.MethodGet, path: "/export/workflows/{id}", params: []string{id}}, opts)
}
