package intercom

import (
	"context"
	"io"
	"iter"
	"net/http"
	"strconv"
)

// VoiceCall is a phone call in Intercom. (The name Call is taken by the
// observer's record of an API call.)
type VoiceCall struct {
	// Type is "call".
	Type string `json:"type,omitempty"`
	// ID is the call's id.
	ID ID `json:"id,omitempty"`
	// ConversationID is the call's conversation, if any.
	ConversationID ID `json:"conversation_id,omitempty"`
	// AdminID is the admin of the call, if any.
	AdminID ID `json:"admin_id,omitempty"`
	// ContactID is the contact of the call, if any.
	ContactID ID `json:"contact_id,omitempty"`
	// State is the call's state, such as "completed".
	State string `json:"state,omitempty"`
	// InitiatedAt is when the call was initiated.
	InitiatedAt Timestamp `json:"initiated_at,omitempty"`
	// AnsweredAt is when the call was answered.
	AnsweredAt Timestamp `json:"answered_at,omitempty"`
	// EndedAt is when the call ended.
	EndedAt Timestamp `json:"ended_at,omitempty"`
	// CreatedAt is when the call was created.
	CreatedAt Timestamp `json:"created_at,omitempty"`
	// UpdatedAt is when the call was last updated.
	UpdatedAt Timestamp `json:"updated_at,omitempty"`
	// RecordingURL is the API URL of the recording (see GetRecording), if
	// there is one.
	RecordingURL string `json:"recording_url,omitempty"`
	// TranscriptionURL is the API URL of the transcript (see
	// GetTranscript), if there is one.
	TranscriptionURL string `json:"transcription_url,omitempty"`
	// CallType is the kind of call, such as "phone".
	CallType string `json:"call_type,omitempty"`
	// Direction is "inbound" or "outbound".
	Direction string `json:"direction,omitempty"`
	// EndedReason is why the call ended, if known.
	EndedReason string `json:"ended_reason,omitempty"`
	// Phone is the phone number involved, in E.164 format.
	Phone string `json:"phone,omitempty"`
	// FinRecordingURL is the API URL of Fin's (the AI agent's) recording of
	// the call, if any.
	FinRecordingURL string `json:"fin_recording_url,omitempty"`
	// FinTranscriptionURL is the API URL of Fin's transcript of the call,
	// if any.
	FinTranscriptionURL string `json:"fin_transcription_url,omitempty"`
}

// VoiceCallList is one page of calls.
type VoiceCallList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the calls on this page.
	Data []VoiceCall `json:"data"`
	// TotalCount is the number of calls.
	TotalCount int `json:"total_count,omitempty"`
	// Pages is the pagination block (page numbers).
	Pages Pages `json:"pages,omitzero"`
}

// VoiceCallWithTranscript is a call with its transcript, as
// ListWithTranscripts returns it.
type VoiceCallWithTranscript struct {
	VoiceCall
	// Transcript holds the transcript's entries; empty when there is none.
	Transcript []map[string]any `json:"transcript"`
	// TranscriptStatus is the transcript's status, such as "completed";
	// empty when there is none.
	TranscriptStatus string `json:"transcript_status,omitempty"`
}

// VoiceCallTranscriptList is the list of the calls of some conversations,
// with their transcripts (not paginated).
type VoiceCallTranscriptList struct {
	// Type is "list".
	Type string `json:"type,omitempty"`
	// Data holds the calls.
	Data []VoiceCallWithTranscript `json:"data"`
}

// CallListOptions selects a page of calls.
type CallListOptions struct {
	// Page is the page number, from 1.
	Page int `url:"page,omitempty"`
	// PerPage is the page size (at most 25, Intercom's default).
	PerPage int `url:"per_page,omitempty"`
}

// maxCallConversations is the most conversation ids ListWithTranscripts
// takes.
const maxCallConversations = 20

// CallListWithTranscriptsRequest names the conversations whose calls to
// return: 1 to 20 conversation ids.
type CallListWithTranscriptsRequest struct {
	// ConversationIDs are the conversations' ids.
	ConversationIDs []string `json:"conversation_ids"`
}

// Validate checks that there are 1 to 20 conversation ids.
func (r CallListWithTranscriptsRequest) Validate() error {
	switch {
	case len(r.ConversationIDs) == 0:
		return invalid("conversation_ids", "is required")
	case len(r.ConversationIDs) > maxCallConversations:
		return invalid("conversation_ids", "holds more than "+strconv.Itoa(maxCallConversations)+" ids")
	}
	return nil
}

// List returns one page of the workspace's calls. opt may be nil.
// GET /calls (listCalls).
func (s *CallsService) List(ctx context.Context, opt *CallListOptions, opts ...Option) (*VoiceCallList, *Response, error) {
	return call[VoiceCallList](ctx, s.client, endpoint{method: http.MethodGet, path: "/calls", query: opt}, opts)
}

// ListAll iterates over every call, page by page (opt.Page, if set, is the
// first). opt may be nil; it is not modified.
func (s *CallsService) ListAll(ctx context.Context, opt *CallListOptions, opts ...Option) iter.Seq2[VoiceCall, error] {
	return walk(ctx, opt, func(o *CallListOptions, cursor string) { o.Page = atoiOr(cursor, o.Page) },
		func(ctx context.Context, o *CallListOptions) ([]VoiceCall, string, error) {
			page, _, err := s.List(ctx, o, opts...)
			if err != nil {
				return nil, "", err
			}
			return page.Data, nextPageNumber(page.Pages, len(page.Data)), nil
		})
}

// ListWithTranscripts returns the calls of up to 20 conversations, with
// their transcripts when available.
// POST /calls/search (listCallsWithTranscripts).
func (s *CallsService) ListWithTranscripts(ctx context.Context, req CallListWithTranscriptsRequest, opts ...Option) (*VoiceCallTranscriptList, *Response, error) {
	if err := req.Validate(); err != nil {
		return nil, nil, err
	}
	return call[VoiceCallTranscriptList](ctx, s.client, endpoint{method: http.MethodPost, path: "/calls/search", body: req, readOnly: true}, opts)
}

// Get returns a call.
// GET /calls/{call_id} (showCall).
func (s *CallsService) Get(ctx context.Context, callID string, opts ...Option) (*VoiceCall, *Response, error) {
	return call[VoiceCall](ctx, s.client, endpoint{method: http.MethodGet, path: "/calls/{call_id}", params: []string{callID}}, opts)
}

// GetRecording streams a call's recording. The caller must Close the
// returned reader.
//
// Intercom answers with a redirect to a signed URL; the recording is
// fetched from there with a plain GET that carries no credentials, and the
// *Response returned is Intercom's redirect (its request id and rate
// limit). A failure of the signed URL is an *APIError with that server's
// status. Timeouts are those of DataExport.Download: unless the call has
// its own WithTimeout, the client's timeout bounds only the wait for the
// recording to start, and the stream lasts as long as ctx does.
// GET /calls/{call_id}/recording (showCallRecording).
func (s *CallsService) GetRecording(ctx context.Context, callID string, opts ...Option) (io.ReadCloser, *Response, error) {
	return s.client.stream(ctx, streamSpec{
		e:           endpoint{method: http.MethodGet, path: "/calls/{call_id}/recording", params: []string{callID}},
		goMethod:    "Calls.GetRecording",
		viaRedirect: true,
	}, opts)
}

// GetTranscript streams a call's transcript, a text file of timestamped
// lines ("[00:00:03] Teammate 1: …"). The caller must Close the returned
// reader. Timeouts are those of DataExport.Download.
// GET /calls/{call_id}/transcript (showCallTranscript), sent with
// Accept: text/plain, application/json (errors are JSON).
func (s *CallsService) GetTranscript(ctx context.Context, callID string, opts ...Option) (io.ReadCloser, *Response, error) {
	return s.client.stream(ctx, streamSpec{
		e: endpoint{method: http.MethodGet, path: "/calls/{call_id}/transcript", params: []string{callID},
			accept: "text/plain, application/json"},
		goMethod: "Calls.GetTranscript",
	}, opts)
}
