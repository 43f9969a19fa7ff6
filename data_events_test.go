package intercom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDataEventsCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, rec := exercise(t, srv, "createDataEvent", "DataEvents.Create", func() (*struct{}, *Response, error) {
		resp, err := c.DataEvents.Create(context.Background(), DataEventCreateRequest{
			EventName: "invited-friend", CreatedAt: 1671028894, UserID: "314159",
			Metadata: map[string]any{"invite_code": "ADDAFRIEND"},
		})
		return noResult(resp, err)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/events")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"event_name":"invited-friend","created_at":1671028894,"user_id":"314159","metadata":{"invite_code":"ADDAFRIEND"}}`)

	resp, err := c.DataEvents.Create(context.Background(), DataEventCreateRequest{EventName: "x", CreatedAt: 1, Email: "a@b.c"})
	require.NoError(t, err)
	require.Equal(t, http.StatusAccepted, resp.StatusCode)
	testJSONBody(t, srv.LastRequest(), `{"event_name":"x","created_at":1,"email":"a@b.c"}`)
}

func TestDataEventsCreateValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	for _, tc := range []struct {
		req   DataEventCreateRequest
		field string
	}{
		{DataEventCreateRequest{CreatedAt: 1, ID: "1"}, "event_name"},
		{DataEventCreateRequest{EventName: "e", ID: "1"}, "created_at"},
		{DataEventCreateRequest{EventName: "e", CreatedAt: 1}, "id|user_id|email"},
	} {
		_, err := c.DataEvents.Create(context.Background(), tc.req)
		require.ErrorIs(t, err, ErrInvalidRequest)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field)
	}
	require.Empty(t, srv.Requests())

	srv.Respond("createDataEvent", 401, "Unauthorized")
	_, err := c.DataEvents.Create(context.Background(), DataEventCreateRequest{EventName: "e", CreatedAt: 1, ID: "1"})
	require.ErrorIs(t, err, ErrUnauthorized)
}

func TestDataEventsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "lisDataEvents", "DataEvents.List", func() (*DataEventList, *Response, error) {
		return c.DataEvents.List(context.Background(), DataEventListOptions{UserID: "3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3", Summary: true})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/events")
	// The object parameter "filter" travels as a bare user_id=…, which the
	// harness accepts (form, explode).
	testQuery(t, rec, "summary=true&type=user&user_id=3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3")
	require.Empty(t, rec.Violations)
	require.Equal(t, DataEventTypeSummary, got.Type)
	require.Equal(t, "user26@email.com", got.Email)
	require.Equal(t, ID("6657ad1d6abd0166b52ae2d4"), got.IntercomUserID)
	require.Equal(t, "http://api.intercom.test/events?next page", got.Pages.Next)

	for _, tc := range []struct {
		opt   DataEventListOptions
		query string
	}{
		{DataEventListOptions{IntercomUserID: "63a0979a5eeebeaf28dd56ba"}, "intercom_user_id=63a0979a5eeebeaf28dd56ba&type=user"},
		{DataEventListOptions{Email: "a+b@example.com", PerPage: 2}, "email=a%2Bb%40example.com&per_page=2&type=user"},
	} {
		_, _, err := c.DataEvents.List(context.Background(), tc.opt)
		require.NoError(t, err)
		testQuery(t, srv.LastRequest(), tc.query)
		require.Empty(t, srv.LastRequest().Violations)
	}
}

func TestDataEventsListDecoding(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondJSON("lisDataEvents", 200, `{"type":"event.list","events":[{"type":"event","event_name":"placed-order","created_at":1389913941,
		"user_id":"314159","intercom_user_id":"63a0979a5eeebeaf28dd56ba","email":"x@example.com","metadata":{"order_date":1392036272,"stripe_invoice":"inv_3434343434","price":{"amount":3434,"currency":"eur"}}}],
		"pages":{"next":"https://api.intercom.io/events?per_page=1&before=1389913941064&intercom_user_id=63a0979a5eeebeaf28dd56ba&type=user","since":"https://api.intercom.io/events?since=1"}}`)
	got, _, err := c.DataEvents.List(context.Background(), DataEventListOptions{IntercomUserID: "63a0979a5eeebeaf28dd56ba"})
	require.NoError(t, err)
	require.Equal(t, "event.list", got.Type)
	require.Len(t, got.Events, 1)
	require.Nil(t, got.Summaries)
	ev := got.Events[0]
	require.Equal(t, "placed-order", ev.EventName)
	require.Equal(t, Timestamp(1389913941), ev.CreatedAt)
	require.Equal(t, map[string]any{"amount": float64(3434), "currency": "eur"}, ev.Metadata["price"])
	require.Equal(t, "https://api.intercom.io/events?since=1", got.Pages.Since)

	// Summaries decode into Summaries; first/last stay ISO-8601 strings.
	srv.RespondJSON("lisDataEvents", 200, `{"type":"event.summary","email":"e@x.com","intercom_user_id":"1","user_id":"2",
		"events":[{"name":"placed-order","first":"2014-01-16T23:12:21.000+00:00","last":"2014-01-16T23:12:21.000+00:00 ","count":1,"description":"d"}]}`)
	got, _, err = c.DataEvents.List(context.Background(), DataEventListOptions{UserID: "2", Summary: true})
	require.NoError(t, err)
	require.Nil(t, got.Events)
	require.Len(t, got.Summaries, 1)
	s := got.Summaries[0]
	require.Equal(t, "2014-01-16T23:12:21.000+00:00", s.First)
	require.Equal(t, 1, s.Count)
	last, err := s.LastTime()
	require.NoError(t, err)
	require.Equal(t, int64(1389913941), last.Unix())
	enc, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, `{"type":"event.summary","email":"e@x.com","intercom_user_id":"1","user_id":"2",
		"events":[{"name":"placed-order","first":"2014-01-16T23:12:21.000+00:00","last":"2014-01-16T23:12:21.000+00:00 ","count":1,"description":"d"}]}`, string(enc))
}

func TestDataEventsListValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	for _, opt := range []DataEventListOptions{
		{},
		{UserID: "1", Email: "a@b.c"},
		{UserID: "1", IntercomUserID: "2"},
		{UserID: "1", PerPage: -1},
	} {
		_, _, err := c.DataEvents.List(context.Background(), opt)
		require.ErrorIs(t, err, ErrInvalidRequest, "%+v", opt)
		for _, err := range c.DataEvents.ListAll(context.Background(), opt) {
			require.ErrorIs(t, err, ErrInvalidRequest)
		}
	}
	require.Empty(t, srv.Requests())
}

func TestDataEventsListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	page := func(names []string, next string) string {
		evs := make([]map[string]any, len(names))
		for i, n := range names {
			evs[i] = map[string]any{"type": "event", "event_name": n, "created_at": 1700000000 - i}
		}
		b, _ := json.Marshal(map[string]any{"type": "event.list", "events": evs, "pages": map[string]any{"next": next}})
		return string(b)
	}
	// The next link points at another host: only its query is used.
	srv.RespondFunc("lisDataEvents", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("before") {
		case "":
			fmt.Fprint(w, page([]string{"a", "b"}, "https://evil.example/events?before=1389913941064&intercom_user_id=63a0979a5eeebeaf28dd56ba&per_page=2&type=user"))
		case "1389913941064":
			fmt.Fprint(w, page([]string{"c"}, ""))
		default:
			w.WriteHeader(500)
		}
	})
	opt := DataEventListOptions{IntercomUserID: "63a0979a5eeebeaf28dd56ba", PerPage: 2, Summary: true}
	var names []string
	for ev, err := range c.DataEvents.ListAll(context.Background(), opt) {
		require.NoError(t, err)
		names = append(names, ev.EventName)
	}
	require.Equal(t, []string{"a", "b", "c"}, names)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "intercom_user_id=63a0979a5eeebeaf28dd56ba&per_page=2&type=user", "Summary is ignored by ListAll")
	testPath(t, reqs[1], "/events")
	testQuery(t, reqs[1], "before=1389913941064&intercom_user_id=63a0979a5eeebeaf28dd56ba&per_page=2&type=user")
	require.True(t, opt.Summary, "the caller's options are not changed")

	// Lazy: breaking after the first item sends no further request.
	for range c.DataEvents.ListAll(context.Background(), opt) {
		break
	}
	require.Len(t, srv.Requests(), 3)
}

func TestDataEventsListAllEndings(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	// A next link that repeats the current query stalls.
	page := 0 // new items on every page, so that only the link repeats
	srv.RespondFunc("lisDataEvents", func(w http.ResponseWriter, r *http.Request) {
		page++
		fmt.Fprintf(w, `{"type":"event.list","events":[{"event_name":"e%d"}],"pages":{"next":"https://api.intercom.io/events?intercom_user_id=1&type=user"}}`, page)
	})
	var n int
	var last error
	for _, err := range c.DataEvents.ListAll(context.Background(), DataEventListOptions{IntercomUserID: "1"}) {
		n++
		last = err
	}
	require.ErrorIs(t, last, ErrCursorStalled)
	require.Equal(t, 3, n, "two items then the error")

	// A next link to another path yields the page, then an error.
	srv.RespondJSON("lisDataEvents", 200, `{"type":"event.list","events":[{"event_name":"a"}],"pages":{"next":"https://api.intercom.io/admins?x=1"}}`)
	before := len(srv.Requests())
	var items []DataEvent
	for ev, err := range c.DataEvents.ListAll(context.Background(), DataEventListOptions{IntercomUserID: "1"}) {
		if err != nil {
			last = err
			break
		}
		items = append(items, ev)
	}
	require.Len(t, items, 1)
	require.ErrorIs(t, last, ErrInvalidRequest)
	require.Len(t, srv.Requests(), before+1)

	// An empty page ends the walk even with a next link.
	srv.RespondJSON("lisDataEvents", 200, `{"type":"event.list","events":[],"pages":{"next":"https://api.intercom.io/events?before=2&type=user&user_id=1"}}`)
	before = len(srv.Requests())
	for _, err := range c.DataEvents.ListAll(context.Background(), DataEventListOptions{UserID: "1"}) {
		require.NoError(t, err)
	}
	require.Len(t, srv.Requests(), before+1)

	// An API error ends the walk.
	srv.Respond("lisDataEvents", 401, "Unauthorized")
	for _, err := range c.DataEvents.ListAll(context.Background(), DataEventListOptions{UserID: "1"}) {
		last = err
	}
	var apiErr *APIError
	require.True(t, errors.As(last, &apiErr))
	require.ErrorIs(t, last, ErrUnauthorized)
}

func TestDataEventsSummaries(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, rec := exercise(t, srv, "dataEventSummaries", "DataEvents.Summaries", func() (*struct{}, *Response, error) {
		resp, err := c.DataEvents.Summaries(context.Background(), DataEventSummariesRequest{
			UserID:         "314159",
			EventSummaries: DataEventSummaryEntry{EventName: "invited-friend", Count: 1, First: 1671028894, Last: 1671028894},
		})
		return noResult(resp, err)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/events/summaries")
	testJSONBody(t, rec, `{"user_id":"314159","event_summaries":{"event_name":"invited-friend","count":1,"first":1671028894,"last":1671028894}}`)

	n := len(srv.Requests())
	_, err := c.DataEvents.Summaries(context.Background(), DataEventSummariesRequest{EventSummaries: DataEventSummaryEntry{EventName: "x"}})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, err = c.DataEvents.Summaries(context.Background(), DataEventSummariesRequest{UserID: "1"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}
