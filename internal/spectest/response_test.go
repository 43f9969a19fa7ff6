package spectest

import (
	"encoding/json"
	"testing"
)

func TestDefaultResponse(t *testing.T) {
	t.Parallel()
	status, body, ct, err := DefaultResponse("2.16", "listTicketStates")
	if err != nil || status != 200 || ct != "application/json" || !json.Valid(body) {
		t.Fatalf("listTicketStates on 2.16: %d %q %v %.80s", status, ct, err, body)
	}
	status, body, _, err = DefaultResponse("2.14", "showCallRecording")
	if err != nil || status != 302 || len(body) != 0 {
		t.Fatalf("showCallRecording on 2.14: %d %v %.80s", status, err, body)
	}
	if _, _, _, err := DefaultResponse("2.10", "listTicketStates"); err == nil {
		t.Fatal("listTicketStates on 2.10: no error")
	}
}
