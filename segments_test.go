package intercom

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSegmentsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "listSegments", "Segments.List", func() (*SegmentList, *Response, error) {
		return c.Segments.List(ctx, &SegmentListOptions{IncludeCount: true})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/segments")
	testQuery(t, rec, "include_count=true")
	testNoBody(t, rec)
	require.Equal(t, "segment.list", got.Type)
	require.Len(t, got.Segments, 2)
	require.Equal(t, ID("6657ad386abd0166b52ae2e4"), got.Segments[0].ID)
	require.Equal(t, "John segment", got.Segments[0].Name)
	require.Equal(t, "Jane segment", got.Segments[1].Name)
	require.Equal(t, SegmentPersonUser, got.Segments[0].PersonType)
	require.Equal(t, Timestamp(1717022008), got.Segments[1].UpdatedAt)
	require.Nil(t, got.Segments[0].Count, "no count unless asked for")

	for _, opt := range []*SegmentListOptions{nil, {}} {
		_, _, err := c.Segments.List(ctx, opt)
		require.NoError(t, err)
		testQuery(t, srv.LastRequest(), "")
	}

	// With include_count, a zero count is kept apart from an absent one.
	srv.RespondJSON("listSegments", 200, `{"type":"segment.list","segments":[
		{"type":"segment","id":"s1","name":"Empty","person_type":"contact","count":0},
		{"type":"segment","id":"s2","name":"Big","person_type":"user","count":1200},
		{"type":"segment","id":"s3","name":"Unknown","person_type":"visitor","count":null}],"pages":{"type":"pages"}}`)
	got, _, err := c.Segments.List(ctx, &SegmentListOptions{IncludeCount: true})
	require.NoError(t, err)
	require.NotNil(t, got.Segments[0].Count)
	require.Equal(t, 0, *got.Segments[0].Count)
	require.Equal(t, 1200, *got.Segments[1].Count)
	require.Nil(t, got.Segments[2].Count)
	require.Equal(t, SegmentPersonType("visitor"), got.Segments[2].PersonType, "unknown values still decode")
	require.Equal(t, map[string]any{"type": "pages"}, got.Pages)
	out, err := json.Marshal(got.Segments[0])
	require.NoError(t, err)
	require.Equal(t, `{"type":"segment","id":"s1","name":"Empty","person_type":"contact","count":0}`, string(out))
}

func TestSegmentsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "retrieveSegment", "Segments.Get", func() (*Segment, *Response, error) {
		return c.Segments.Get(ctx, "6657ad3a6abd0166b52ae2e8")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/segments/6657ad3a6abd0166b52ae2e8")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &Segment{Type: "segment", ID: "6657ad3a6abd0166b52ae2e8", Name: "John segment",
		CreatedAt: 1717022010, UpdatedAt: 1717022010, PersonType: SegmentPersonUser}, got)
}

func TestSegmentsErrors(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()

	_, _, err := c.Segments.Get(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	var ire *InvalidRequestError
	require.ErrorAs(t, err, &ire)
	require.Equal(t, "id", ire.Field)
	require.Empty(t, srv.Requests(), "validation errors must not send requests")

	srv.Respond("retrieveSegment", 404, "Segment not found")
	got, _, err := c.Segments.Get(ctx, "nope")
	require.Nil(t, got)
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 404, apiErr.StatusCode)
	require.Equal(t, "01cd4ba5-eca5-4bc8-b85d-634bc4298b92", apiErr.RequestID)
	require.Equal(t, []ErrorEntry{{Code: "not_found", Message: "Resource Not Found"}}, apiErr.Errors)

	srv.Respond("listSegments", 401, "")
	_, _, err = c.Segments.List(ctx, nil)
	require.ErrorIs(t, err, ErrUnauthorized)
}
