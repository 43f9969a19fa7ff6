package intercomtest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestServerServesUnderABasePath(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	require.True(t, strings.HasSuffix(srv.URL(), intercomtest.BasePath), srv.URL())
	require.Equal(t, srv.URL(), client.BaseURL())
	require.Equal(t, intercomtest.DefaultToken, srv.Token())

	_, _, err := client.Admins.Me(ctx)
	require.NoError(t, err)
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	require.Equal(t, "/me", reqs[0].Path, "the base path is stripped")

	// Outside the base path there is nothing.
	root := strings.TrimSuffix(srv.URL(), intercomtest.BasePath)
	other, err := intercom.NewClient(srv.Token(), intercom.WithBaseURL(root), intercom.WithHTTPClient(srv.HTTPClient()))
	require.NoError(t, err)
	_, _, err = other.Admins.Me(ctx)
	require.ErrorIs(t, err, intercom.ErrNotFound)

	// Other base paths, or none, can be chosen.
	for _, base := range []string{"/proxy/intercom/", ""} {
		s2 := intercomtest.New(t, intercomtest.WithBasePath(base))
		me, _, err := s2.Client().Admins.Me(ctx)
		require.NoError(t, err, "base %q", base)
		require.Equal(t, intercom.ID(intercomtest.AdminID), me.ID)
	}
}

func TestNewClosesTheServerWhenTheTestEnds(t *testing.T) {
	t.Parallel()
	var url string
	var hc *http.Client
	t.Run("inner", func(t *testing.T) {
		srv := intercomtest.New(t)
		url, hc = srv.URL(), srv.HTTPClient()
	})
	_, err := hc.Get(url + "/me")
	require.Error(t, err)
}

func TestTokenIsChecked(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t, intercomtest.WithToken("s3cret"))
	require.Equal(t, "s3cret", srv.Token())
	_, _, err := srv.Client().Admins.Me(ctx)
	require.NoError(t, err)

	_, resp, err := srv.Client(intercom.WithToken("wrong")).Contacts.Get(ctx, "abc", nil)
	require.ErrorIs(t, err, intercom.ErrUnauthorized)
	require.NotNil(t, resp, "API errors come with their Response")
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)
	require.Equal(t, "error.list", apiErr.Type)
	require.True(t, apiErr.HasCode("unauthorized"))
	require.Equal(t, "Access Token Invalid", apiErr.Errors[0].Message)
	require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, apiErr.RequestID)
	require.Equal(t, apiErr.RequestID, apiErr.Response.Header.Get("X-Request-Id"), "the body's request_id is the header's")

	// No Authorization header at all.
	req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/me", nil)
	req.Header.Set("Intercom-Version", "2.10")
	res, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusUnauthorized, res.StatusCode)
}

func TestVersionIsChecked(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	for _, v := range []string{"2.10", "2.9", "1.0", "2.11", "2.16", "Unstable"} {
		_, _, err := srv.Client(intercom.WithAPIVersion(v)).Admins.Me(ctx)
		require.NoError(t, err, "version %s", v)
	}
	_, _, err := srv.Client(intercom.WithAPIVersion("2.99")).Admins.Me(ctx)
	require.ErrorIs(t, err, intercom.ErrValidation)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	require.True(t, apiErr.HasCode("intercom_version_invalid"))
	require.Contains(t, apiErr.Errors[0].Message, `"2.99"`)
	require.NotEmpty(t, apiErr.RequestID)

	// Missing header.
	req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/me", nil)
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	res, err := srv.HTTPClient().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
	var body struct {
		Type      string `json:"type"`
		RequestID string `json:"request_id"`
		Errors    []struct{ Code, Message string }
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
	require.Equal(t, "error.list", body.Type)
	require.Equal(t, "intercom_version_invalid", body.Errors[0].Code)
	require.Equal(t, res.Header.Get("X-Request-Id"), body.RequestID)
}

func TestErrorsAreErrorLists(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)

	_, _, err := client.Contacts.Get(ctx, "nope", nil)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	require.Equal(t, "error.list", apiErr.Type)
	require.True(t, apiErr.HasCode("not_found"))
	require.NotEmpty(t, apiErr.RequestID)

	_, _, err = client.Teams.Get(ctx, "1")
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("team_not_found"))

	// 422: removing the last participant of a conversation.
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "solo@example.com"})
	require.NoError(t, err)
	m, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: c.ID}, Body: "hi"})
	require.NoError(t, err)
	_, _, err = client.Conversations.DetachContact(ctx, m.ConversationID, c.ID, intercom.ConversationDetachContactRequest{AdminID: intercomtest.AdminID})
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusUnprocessableEntity, apiErr.StatusCode)
	require.ErrorIs(t, err, intercom.ErrValidation)
	require.Equal(t, "Removing the last customer is not allowed", apiErr.Errors[0].Message)
	require.NotEmpty(t, apiErr.RequestID)

	// An unknown route.
	_, err = client.Do(ctx, http.MethodGet, "/no/such/thing", nil, nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	// A known path with the wrong method.
	_, err = client.Do(ctx, http.MethodPatch, "/contacts", nil, nil)
	require.ErrorAs(t, err, &apiErr)
	require.Contains(t, apiErr.Errors[0].Message, "No route for PATCH /contacts")

	// A body that is not JSON.
	req, _ := http.NewRequest(http.MethodPost, client.BaseURL()+"/contacts", strings.NewReader("{nope"))
	req.Header.Set("Authorization", "Bearer "+intercomtest.DefaultToken)
	req.Header.Set("Intercom-Version", "2.10")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusBadRequest, res.StatusCode)
}

func TestRateLimitHeaders(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	_, r1, err := client.Admins.Me(ctx)
	require.NoError(t, err)
	_, r2, err := client.Admins.Me(ctx)
	require.NoError(t, err)
	require.Equal(t, intercomtest.DefaultRateLimit, r1.Rate.Limit)
	require.Equal(t, intercomtest.DefaultRateLimit-1, r1.Rate.Remaining)
	require.Equal(t, intercomtest.DefaultRateLimit-2, r2.Rate.Remaining)
	require.WithinDuration(t, time.Now().Add(intercomtest.DefaultRateWindow), r1.Rate.Reset, 2*time.Second)
	require.NotEmpty(t, r1.RequestID)
}

func TestRateLimitAnswers429AndTheSDKRetries(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t, intercomtest.WithRateLimit(2, time.Second))
	for range 2 {
		_, _, err := client.Admins.Me(ctx)
		require.NoError(t, err)
	}
	// The third request of the window is refused; the SDK waits until
	// X-RateLimit-Reset (at most two seconds away) and tries again.
	me, resp, err := client.Admins.Me(ctx)
	require.NoError(t, err)
	require.Equal(t, intercom.ID(intercomtest.AdminID), me.ID)
	require.Equal(t, 1, resp.Rate.Remaining, "the retry opened a new window")

	reqs := srv.Requests()
	var statuses []int
	for _, r := range reqs {
		statuses = append(statuses, r.Status)
	}
	require.Equal(t, []int{200, 200, 429, 200}, statuses, "not before the reset (a 429 again), once")
	// A bound that only a much longer wait (MaxWait is 30s) breaks, however
	// busy the machine.
	require.Less(t, reqs[3].Time.Sub(reqs[2].Time), 10*time.Second, "the retry waited for the reset, not longer")
}

func TestRateLimitBeyondMaxWaitReachesTheCaller(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t, intercomtest.WithRateLimit(1, time.Hour))
	_, _, err := client.Admins.Me(ctx)
	require.NoError(t, err)
	_, _, err = client.Admins.Me(ctx)
	require.ErrorIs(t, err, intercom.ErrRateLimited)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("rate_limit_exceeded"))
	require.NotEmpty(t, apiErr.RequestID)
	require.Equal(t, 1, apiErr.Rate.Limit)
	require.Equal(t, 0, apiErr.Rate.Remaining)
	require.InDelta(t, time.Hour.Seconds(), apiErr.RetryAfter.Seconds(), 5)
	require.Len(t, srv.Requests(), 2, "a reset an hour away is not waited for")
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)

	// GETs are retried through 503s.
	srv.FailNext(2, http.StatusServiceUnavailable)
	_, _, err := client.Teams.List(ctx)
	require.NoError(t, err)
	var statuses []int
	for _, r := range srv.Requests() {
		statuses = append(statuses, r.Status)
	}
	require.Equal(t, []int{503, 503, 200}, statuses)

	// A failed POST is not retried and changes nothing.
	srv.FailNext(1, http.StatusInternalServerError)
	_, _, err = client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "x@example.com"})
	require.ErrorIs(t, err, intercom.ErrServer)
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("server_error"))
	list, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data)

	// More failures than retries reach the caller; FailNext(0, …) cancels.
	srv.FailNext(10, http.StatusBadGateway)
	_, _, err = client.Teams.List(ctx, intercom.WithMaxRetries(1))
	require.ErrorIs(t, err, intercom.ErrServer)
	srv.FailNext(0, 0)
	_, _, err = client.Teams.List(ctx)
	require.NoError(t, err)
}

func TestFailNextWithRateLimit(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	srv.FailNext(1, http.StatusTooManyRequests)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "once@example.com"})
	require.NoError(t, err, "429s are retried for every method, after the reset")
	list, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
	require.Equal(t, c.ID, list.Data[0].ID)
	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	require.Equal(t, []int{429, 200, 200}, []int{reqs[0].Status, reqs[1].Status, reqs[2].Status})
}

func TestDropNext(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)

	srv.DropNext(1)
	teams, _, err := client.Teams.List(ctx)
	require.NoError(t, err, "a GET is retried after a dropped connection")
	require.Len(t, teams.Teams, 2)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	require.Equal(t, 0, reqs[0].Status, "the dropped request has no status")
	require.Equal(t, 200, reqs[1].Status)

	srv.DropNext(1)
	_, _, err = client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "x@example.com"})
	var connErr *intercom.ConnectionError
	require.ErrorAs(t, err, &connErr)
	require.True(t, connErr.MayHaveSucceeded, "a POST whose connection dropped may have been processed")
	list, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data, "the dropped request was not acted upon")
}

func TestDelay(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	srv.Delay(150 * time.Millisecond)
	start := time.Now()
	_, _, err := client.Teams.List(ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond)

	_, _, err = client.Teams.List(ctx, intercom.WithTimeout(30*time.Millisecond), intercom.WithMaxRetries(0))
	var connErr *intercom.ConnectionError
	require.ErrorAs(t, err, &connErr)

	cctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	_, _, err = client.Contacts.Create(cctx, intercom.ContactCreateRequest{Email: "late@example.com"})
	require.ErrorIs(t, err, context.DeadlineExceeded)

	srv.Delay(0)
	time.Sleep(200 * time.Millisecond) // let the abandoned request finish
	list, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data, "a request abandoned during the delay is not acted upon")
}

func TestRequestsRecordsWhatArrived(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	_, _, err := client.Contacts.List(ctx, &intercom.ContactListOptions{PerPage: 5}, intercom.WithHeader("X-Trace", "t1"))
	require.NoError(t, err)
	_, _, err = client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "a@example.com", Name: intercom.Some("A")})
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	require.Equal(t, http.MethodGet, reqs[0].Method)
	require.Equal(t, "/contacts", reqs[0].Path)
	require.Equal(t, "per_page=5", reqs[0].RawQuery)
	require.Equal(t, "5", reqs[0].Query.Get("per_page"))
	require.Equal(t, "t1", reqs[0].Header.Get("X-Trace"))
	require.Equal(t, "Bearer "+srv.Token(), reqs[0].Header.Get("Authorization"))
	require.Equal(t, "2.10", reqs[0].Header.Get("Intercom-Version"))
	require.Empty(t, reqs[0].Body)
	require.Equal(t, 200, reqs[0].Status)
	require.False(t, reqs[0].Time.IsZero())

	require.Equal(t, http.MethodPost, reqs[1].Method)
	var body map[string]any
	require.NoError(t, reqs[1].JSON(&body))
	require.Equal(t, map[string]any{"email": "a@example.com", "name": "A"}, body)

	// Copies: changing them does not change the server's record.
	reqs[0].Header.Set("X-Trace", "changed")
	reqs[1].Body[0] = 'X'
	again := srv.Requests()
	require.Equal(t, "t1", again[0].Header.Get("X-Trace"))
	require.Equal(t, byte('{'), again[1].Body[0])

	srv.ResetRequests()
	require.Empty(t, srv.Requests())
}

func TestConcurrentRequests(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	const n = 30
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: fmt.Sprintf("c%d@example.com", i)})
			if err == nil {
				_, _, err = client.Contacts.Get(ctx, c.ID, nil)
			}
			if err == nil {
				_, _, err = client.Contacts.Search(ctx, intercom.SearchRequest{
					Query:      intercom.Filter("email", intercom.OpContains, intercom.StringValue("@example")),
					Pagination: intercom.SearchPagination{PerPage: 3},
				})
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	all, err := intercom.Collect(client.Contacts.ListAll(ctx, &intercom.ContactListOptions{PerPage: 7}))
	require.NoError(t, err)
	ids := map[intercom.ID]bool{}
	for _, c := range all {
		ids[c.ID] = true
	}
	require.Len(t, ids, n)
	require.Len(t, srv.Requests(), 3*n+(n+6)/7)
}

func TestClock(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 5, 30, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	_, client, ctx := setup(t, intercomtest.WithClock(clock))
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "t@example.com"})
	require.NoError(t, err)
	require.Equal(t, intercom.UnixTime(now), c.CreatedAt)
}

func TestReplayedOperations(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	articles, _, err := client.Articles.List(ctx, nil)
	require.NoError(t, err)
	require.NotEmpty(t, articles.Data)

	var raw []byte
	segs, _, err := client.Segments.List(ctx, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	require.NotEmpty(t, segs.Segments)
	assertLossless(t, raw, segs)

	visitor, _, err := client.Visitors.Get(ctx, intercom.VisitorGetOptions{UserID: "some-user-id"})
	require.NoError(t, err)
	require.NotEmpty(t, visitor.ID)

	// The replayed answers still go through auth.
	_, _, err = srv.Client(intercom.WithToken("bad")).Articles.List(ctx, nil)
	require.ErrorIs(t, err, intercom.ErrUnauthorized)

	// Raw access: the body is the example, as JSON.
	res, err := srv.HTTPClient().Do(mustRequest(t, srv, http.MethodGet, "/help_center/help_centers"))
	require.NoError(t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	require.JSONEq(t, `{"type":"list","data":[]}`, string(b))
	require.True(t, strings.HasPrefix(res.Header.Get("Content-Type"), "application/json"))
}

func mustRequest(t *testing.T, srv *intercomtest.Server, method, path string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	req.Header.Set("Intercom-Version", "2.10")
	return req
}

func TestClientOptionsOverrideTheDefaults(t *testing.T) {
	t.Parallel()
	srv, _, ctx := setup(t)
	client := srv.Client(intercom.WithMaxRetries(0))
	srv.FailNext(1, http.StatusServiceUnavailable)
	_, _, err := client.Teams.List(ctx)
	require.ErrorIs(t, err, intercom.ErrServer)

	require.Panics(t, func() { srv.Client(intercom.WithRegion("mars")) })
}
