package intercom

import (
	"context"
	"net/http"
)

// SegmentPersonType is the kind of people a segment holds.
type SegmentPersonType string

// The person types of a segment (unknown values still decode).
const (
	SegmentPersonContact SegmentPersonType = "contact"
	SegmentPersonUser    SegmentPersonType = "user"
)

// Segment is a group of contacts or companies defined by filters in Intercom.
type Segment struct {
	// Type is "segment".
	Type string `json:"type,omitempty"`
	// ID is the segment's id.
	ID ID `json:"id,omitempty"`
	// Name is the segment's name.
	Name string `json:"name,omitempty"`
	// CreatedAt is when the segment was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the segment was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// PersonType says whether the segment holds users or leads (contacts).
	PersonType SegmentPersonType `json:"person_type,omitempty"`
	// Count is the number of contacts in the segment; nil unless requested
	// (SegmentListOptions.IncludeCount) or when Intercom sends null.
	Count *int `json:"count,omitempty"`
}

// SegmentList is the response of listing segments.
type SegmentList struct {
	// Type is "segment.list".
	Type string `json:"type,omitempty"`
	// Segments are the workspace's segments.
	Segments []Segment `json:"segments"`
	// Pages is a free-form pagination object (the list is not paginated in practice).
	Pages map[string]any `json:"pages,omitempty"`
}

// SegmentListOptions are the query parameters of listing segments.
type SegmentListOptions struct {
	// IncludeCount asks for the number of contacts in each segment.
	IncludeCount bool `url:"include_count,omitempty"`
}

// List returns the segments of the workspace (the list is not paginated).
// GET /segments (listSegments).
func (s *SegmentsService) List(ctx context.Context, opt *SegmentListOptions, opts ...Option) (*SegmentList, *Response, error) {
	return call[SegmentList](ctx, s.client, endpoint{method: http.MethodGet, path: "/segments", query: opt}, opts)
}

// Get returns a segment. GET /segments/{id} (retrieveSegment).
func (s *SegmentsService) Get(ctx context.Context, id string, opts ...Option) (*Segment, *Response, error) {
	return call[Segment](ctx, s.client, endpoint{method: http.MethodGet, path: "/segments/{id}", params: []string{id}}, opts)
}
