package intercom

// Benchmarks of the SDK against the best hand-written net/http code, both
// talking to the same in-process server in one run. Run them with
//
//	go test -run '^$' -bench . -benchmem -count 6 .
//
// and compare each sdk/raw pair (docs/performance.md has the table and a
// one-liner that prints the ratios).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// benchShowContactJSON is the spec's ShowContact example (GET /contacts/{id}),
// in the spec's key order. TestBenchShowContactIsTheSpecExample keeps it in
// step with testdata/openapi/intercom-2.10.yaml.
const benchShowContactJSON = `{"type":"contact","id":"6657ac5f6abd0166b52ae242","workspace_id":"this_is_an_id252_that_should_be_at_least_","external_id":"70","role":"user","email":"joe@bloggs.com","phone":null,"name":"Joe Bloggs","avatar":null,"owner_id":null,"social_profiles":{"type":"list","data":[]},"has_hard_bounced":false,"marked_email_as_spam":false,"unsubscribed_from_emails":false,"created_at":1717021791,"updated_at":1717021791,"signed_up_at":1717021791,"last_seen_at":null,"last_replied_at":null,"last_contacted_at":null,"last_email_opened_at":null,"last_email_clicked_at":null,"language_override":null,"browser":null,"browser_version":null,"browser_language":null,"os":null,"location":{"type":"location","country":null,"region":null,"city":null,"country_code":null,"continent_code":null},"android_app_name":null,"android_app_version":null,"android_device":null,"android_os_version":null,"android_sdk_version":null,"android_last_seen_at":null,"ios_app_name":null,"ios_app_version":null,"ios_device":null,"ios_os_version":null,"ios_sdk_version":null,"ios_last_seen_at":null,"custom_attributes":{},"tags":{"type":"list","data":[],"url":"/contacts/6657ac5f6abd0166b52ae242/tags","total_count":0,"has_more":false},"notes":{"type":"list","data":[],"url":"/contacts/6657ac5f6abd0166b52ae242/notes","total_count":0,"has_more":false},"companies":{"type":"list","data":[],"url":"/contacts/6657ac5f6abd0166b52ae242/companies","total_count":0,"has_more":false},"opted_out_subscription_types":{"type":"list","data":[],"url":"/contacts/6657ac5f6abd0166b52ae242/subscriptions","total_count":0,"has_more":false},"opted_in_subscription_types":{"type":"list","data":[],"url":"/contacts/6657ac5f6abd0166b52ae242/subscriptions","total_count":0,"has_more":false},"utm_campaign":null,"utm_content":null,"utm_medium":null,"utm_source":null,"utm_term":null,"referrer":null}`

// appendFakeContact appends contact number i as Intercom sends a filled-in
// one: every string set, an avatar, a numeric owner id, a social profile,
// tags, a company and custom attributes.
func appendFakeContact(b []byte, i int) []byte {
	for _, part := range fakeContactParts {
		switch part {
		case "{id}":
			b = append(b, "6657ac5f6abd0166b5"...)
			b = appendHex6(b, i)
		case "{i}":
			b = strconv.AppendInt(b, int64(i), 10)
		case "{ts}":
			b = strconv.AppendInt(b, int64(1717021791+i), 10)
		default:
			b = append(b, part...)
		}
	}
	return b
}

func appendHex6(b []byte, i int) []byte {
	const digits = "0123456789abcdef"
	for shift := 20; shift >= 0; shift -= 4 {
		b = append(b, digits[(i>>shift)&0xf])
	}
	return b
}

// fakeContactParts is fakeContactTemplate split around its placeholders.
var fakeContactParts = func() []string {
	var parts []string
	rest := fakeContactTemplate
	for {
		i := strings.IndexByte(rest, '{')
		for i >= 0 && !strings.HasPrefix(rest[i:], "{id}") && !strings.HasPrefix(rest[i:], "{i}") && !strings.HasPrefix(rest[i:], "{ts}") {
			j := strings.IndexByte(rest[i+1:], '{')
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			return append(parts, rest)
		}
		j := i + strings.IndexByte(rest[i:], '}') + 1
		parts = append(parts, rest[:i], rest[i:j])
		rest = rest[j:]
	}
}()

const fakeContactTemplate = `{"type":"contact","id":"{id}","workspace_id":"ecahpwf5","external_id":"user-{i}",` +
	`"role":"user","email":"user{i}@example.com","email_domain":"example.com","phone":"+353871234567",` +
	`"name":"Contact Number {i}","avatar":{"type":"avatar","image_url":"https://static.intercomassets.com/avatars/{i}/square_128/avatar.png"},` +
	`"owner_id":5281337,"social_profiles":{"type":"list","data":[{"type":"social_profile","name":"Twitter","url":"https://twitter.com/user{i}"}]},` +
	`"has_hard_bounced":false,"marked_email_as_spam":false,"unsubscribed_from_emails":false,` +
	`"created_at":{ts},"updated_at":{ts},"signed_up_at":{ts},"last_seen_at":{ts},"last_replied_at":{ts},` +
	`"last_contacted_at":{ts},"last_email_opened_at":{ts},"last_email_clicked_at":{ts},"language_override":"en",` +
	`"browser":"chrome","browser_version":"124.0.6367.91","browser_language":"en-US","os":"OS X 14.4.1",` +
	`"location":{"type":"location","country":"Ireland","region":"Dublin","city":"Dublin","country_code":"IRL","continent_code":"EU"},` +
	`"android_app_name":null,"android_app_version":null,"android_device":null,"android_os_version":null,"android_sdk_version":null,"android_last_seen_at":null,` +
	`"ios_app_name":"Example","ios_app_version":"5.2.1","ios_device":"iPhone15,2","ios_os_version":"17.4.1","ios_sdk_version":"17.0.0","ios_last_seen_at":{ts},` +
	`"custom_attributes":{"plan":"pro","seats":12},` +
	`"tags":{"type":"list","data":[{"type":"tag","id":"81","url":"/tags/81"},{"type":"tag","id":"82","url":"/tags/82"}],"url":"/contacts/{id}/tags","total_count":2,"has_more":false},` +
	`"notes":{"type":"list","data":[],"url":"/contacts/{id}/notes","total_count":0,"has_more":false},` +
	`"companies":{"type":"list","data":[{"type":"company","id":"6657ac5f6abd0166b52ae000","url":"/companies/6657ac5f6abd0166b52ae000"}],"url":"/contacts/{id}/companies","total_count":1,"has_more":false},` +
	`"opted_out_subscription_types":{"type":"list","data":[],"url":"/contacts/{id}/subscriptions","total_count":0,"has_more":false},` +
	`"opted_in_subscription_types":{"type":"list","data":[],"url":"/contacts/{id}/subscriptions","total_count":0,"has_more":false},` +
	`"utm_campaign":"spring","utm_content":"banner","utm_medium":"email","utm_source":"newsletter","utm_term":"crm","referrer":"https://example.com/pricing"}`

// fakeContactPage renders the page of a cursor list of total contacts that
// starts at contact start: per contacts and, unless it is the last page, a
// next cursor naming the following start.
func fakeContactPage(start, per, total int) []byte {
	n := min(per, total-start)
	b := make([]byte, 0, n*2100+256)
	b = append(b, `{"type":"list","data":[`...)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendFakeContact(b, start+i)
	}
	b = append(b, `],"total_count":`...)
	b = strconv.AppendInt(b, int64(total), 10)
	b = append(b, `,"pages":{"type":"pages","page":`...)
	b = strconv.AppendInt(b, int64(start/per+1), 10)
	b = append(b, `,"per_page":`...)
	b = strconv.AppendInt(b, int64(per), 10)
	b = append(b, `,"total_pages":`...)
	b = strconv.AppendInt(b, int64((total+per-1)/per), 10)
	if start+n < total {
		b = append(b, `,"next":{"page":`...)
		b = strconv.AppendInt(b, int64(start/per+2), 10)
		b = append(b, `,"per_page":`...)
		b = strconv.AppendInt(b, int64(per), 10)
		b = append(b, `,"starting_after":"c`...)
		b = strconv.AppendInt(b, int64(start+n), 10)
		b = append(b, `"}`...)
	}
	b = append(b, "}}"...)
	return b
}

// contactServer is an in-process Intercom serving the benchmark's bodies:
// the ShowContact example, cursor pages of 150 contacts over a list of
// total (rendered once, up front), and the first page for searches.
type contactServer struct {
	*httptest.Server
	total int
	pages [][]byte // pages[k] starts at contact 150k
}

const benchPerPage = 150

func newContactServer(tb testing.TB, total int) *contactServer {
	tb.Helper()
	cs := &contactServer{total: total}
	for start := 0; start < total; start += benchPerPage {
		cs.pages = append(cs.pages, fakeContactPage(start, benchPerPage, total))
	}
	show := []byte(benchShowContactJSON)
	cs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer bench-token" {
			http.Error(w, `{"type":"error.list","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`, http.StatusUnauthorized)
			return
		}
		var body []byte
		switch {
		case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/contacts/"):
			body = show
		case r.Method == http.MethodGet && r.URL.Path == "/contacts":
			start := 0
			if c := r.URL.Query().Get("starting_after"); c != "" {
				start, _ = strconv.Atoi(strings.TrimPrefix(c, "c"))
			}
			if start%benchPerPage != 0 || start/benchPerPage >= len(cs.pages) {
				http.Error(w, `{"type":"error.list","errors":[{"code":"parameter_invalid","message":"bad cursor"}]}`, http.StatusBadRequest)
				return
			}
			body = cs.pages[start/benchPerPage]
		case r.Method == http.MethodPost && r.URL.Path == "/contacts/search":
			_, _ = io.Copy(io.Discard, r.Body)
			body = cs.pages[0]
		default:
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h["Content-Type"] = []string{"application/json; charset=utf-8"}
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		h["X-Request-Id"] = []string{"000mnigvhqu4ld2m1d3g"}
		h["X-Ratelimit-Limit"] = []string{"10000"}
		h["X-Ratelimit-Remaining"] = []string{"9999"}
		h["X-Ratelimit-Reset"] = []string{"1717021800"}
		_, _ = w.Write(body)
	}))
	tb.Cleanup(cs.Close)
	return cs
}

// benchTransport is a fresh transport, so that the SDK and the baseline
// never share connections.
func benchTransport(tb testing.TB) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 4
	tb.Cleanup(tr.CloseIdleConnections)
	return tr
}

func benchSDK(tb testing.TB, cs *contactServer) *Client {
	tb.Helper()
	c, err := NewClient("bench-token", WithBaseURL(cs.URL), WithHTTPClient(&http.Client{Transport: benchTransport(tb)}))
	require.NoError(tb, err)
	return c
}

// The baseline: what a careful hand-written client does. Value-typed
// structs with the SDK models' fields but plain string and int64 fields
// (no custom unmarshalers), the body read into one reused buffer, and
// json.Unmarshal. Its http.Client has the same 60s timeout as the SDK's, as
// production code should.

type rawContact struct {
	Type                      string             `json:"type"`
	ID                        string             `json:"id"`
	WorkspaceID               string             `json:"workspace_id"`
	ExternalID                string             `json:"external_id"`
	Role                      string             `json:"role"`
	Email                     string             `json:"email"`
	EmailDomain               string             `json:"email_domain"`
	Phone                     string             `json:"phone"`
	Name                      string             `json:"name"`
	Avatar                    rawAvatar          `json:"avatar"`
	OwnerID                   int64              `json:"owner_id"`
	SocialProfiles            rawSocialProfiles  `json:"social_profiles"`
	HasHardBounced            bool               `json:"has_hard_bounced"`
	MarkedEmailAsSpam         bool               `json:"marked_email_as_spam"`
	UnsubscribedFromEmails    bool               `json:"unsubscribed_from_emails"`
	CreatedAt                 int64              `json:"created_at"`
	UpdatedAt                 int64              `json:"updated_at"`
	SignedUpAt                int64              `json:"signed_up_at"`
	LastSeenAt                int64              `json:"last_seen_at"`
	LastRepliedAt             int64              `json:"last_replied_at"`
	LastContactedAt           int64              `json:"last_contacted_at"`
	LastEmailOpenedAt         int64              `json:"last_email_opened_at"`
	LastEmailClickedAt        int64              `json:"last_email_clicked_at"`
	LanguageOverride          string             `json:"language_override"`
	Browser                   string             `json:"browser"`
	BrowserVersion            string             `json:"browser_version"`
	BrowserLanguage           string             `json:"browser_language"`
	OS                        string             `json:"os"`
	Location                  rawLocation        `json:"location"`
	AndroidAppName            string             `json:"android_app_name"`
	AndroidAppVersion         string             `json:"android_app_version"`
	AndroidDevice             string             `json:"android_device"`
	AndroidOSVersion          string             `json:"android_os_version"`
	AndroidSDKVersion         string             `json:"android_sdk_version"`
	AndroidLastSeenAt         int64              `json:"android_last_seen_at"`
	IOSAppName                string             `json:"ios_app_name"`
	IOSAppVersion             string             `json:"ios_app_version"`
	IOSDevice                 string             `json:"ios_device"`
	IOSOSVersion              string             `json:"ios_os_version"`
	IOSSDKVersion             string             `json:"ios_sdk_version"`
	IOSLastSeenAt             int64              `json:"ios_last_seen_at"`
	CustomAttributes          map[string]any     `json:"custom_attributes"`
	Tags                      rawAddressableList `json:"tags"`
	Notes                     rawAddressableList `json:"notes"`
	Companies                 rawAddressableList `json:"companies"`
	OptedOutSubscriptionTypes rawAddressableList `json:"opted_out_subscription_types"`
	OptedInSubscriptionTypes  rawAddressableList `json:"opted_in_subscription_types"`
	UTMCampaign               string             `json:"utm_campaign"`
	UTMContent                string             `json:"utm_content"`
	UTMMedium                 string             `json:"utm_medium"`
	UTMSource                 string             `json:"utm_source"`
	UTMTerm                   string             `json:"utm_term"`
	Referrer                  string             `json:"referrer"`
}

type rawAvatar struct {
	Type     string `json:"type"`
	ImageURL string `json:"image_url"`
}

type rawLocation struct {
	Type          string `json:"type"`
	Country       string `json:"country"`
	Region        string `json:"region"`
	City          string `json:"city"`
	CountryCode   string `json:"country_code"`
	ContinentCode string `json:"continent_code"`
}

type rawSocialProfiles struct {
	Type string             `json:"type"`
	Data []rawSocialProfile `json:"data"`
}

type rawSocialProfile struct {
	Type string `json:"type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rawAddressableList struct {
	Type       string           `json:"type"`
	Data       []rawAddressable `json:"data"`
	URL        string           `json:"url"`
	TotalCount int              `json:"total_count"`
	HasMore    bool             `json:"has_more"`
}

type rawAddressable struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	URL  string `json:"url"`
}

type rawContactList struct {
	Type       string       `json:"type"`
	Data       []rawContact `json:"data"`
	TotalCount int          `json:"total_count"`
	Pages      rawPages     `json:"pages"`
}

type rawPages struct {
	Type       string      `json:"type"`
	Page       int         `json:"page"`
	PerPage    int         `json:"per_page"`
	TotalPages int         `json:"total_pages"`
	Next       rawPageNext `json:"next"`
}

type rawPageNext struct {
	Page          int    `json:"page"`
	PerPage       int    `json:"per_page"`
	StartingAfter string `json:"starting_after"`
}

type rawSearchFilter struct {
	Field    string `json:"field"`
	Operator string `json:"operator"`
	Value    any    `json:"value"`
}

type rawSearchRequest struct {
	Query struct {
		Operator string            `json:"operator"`
		Value    []rawSearchFilter `json:"value"`
	} `json:"query"`
	Pagination struct {
		PerPage       int    `json:"per_page,omitempty"`
		StartingAfter string `json:"starting_after,omitempty"`
	} `json:"pagination"`
}

// rawClient is the hand-written baseline. It is not safe for concurrent
// use (it reuses one buffer).
type rawClient struct {
	hc   *http.Client
	base string
	auth string
	buf  bytes.Buffer
}

func newRawClient(tb testing.TB, cs *contactServer) *rawClient {
	return &rawClient{
		hc:   &http.Client{Transport: benchTransport(tb), Timeout: DefaultTimeout},
		base: cs.URL,
		auth: "Bearer bench-token",
	}
}

func (c *rawClient) do(ctx context.Context, method, path string, body []byte, out any) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", c.auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Intercom-Version", "2.10")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	c.buf.Reset()
	if _, err := c.buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, c.buf.Bytes())
	}
	return json.Unmarshal(c.buf.Bytes(), out)
}

func (c *rawClient) getContact(ctx context.Context, id string) (rawContact, error) {
	var out rawContact
	err := c.do(ctx, http.MethodGet, "/contacts/"+id, nil, &out)
	return out, err
}

func (c *rawClient) listContacts(ctx context.Context, perPage int, startingAfter string) (rawContactList, error) {
	path := "/contacts?per_page=" + strconv.Itoa(perPage)
	if startingAfter != "" {
		path += "&starting_after=" + startingAfter
	}
	var out rawContactList
	err := c.do(ctx, http.MethodGet, path, nil, &out)
	return out, err
}

func (c *rawClient) searchContacts(ctx context.Context, req rawSearchRequest) (rawContactList, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return rawContactList{}, err
	}
	var out rawContactList
	err = c.do(ctx, http.MethodPost, "/contacts/search", body, &out)
	return out, err
}

// The search both sides send: users created after 1 January 2020, 150 a page.
func benchSearchSDK() SearchRequest {
	return SearchRequest{
		Query: And(
			Filter("role", OpEquals, StringValue("user")),
			Filter("created_at", OpGreaterThan, IntValue(1577836800)),
		),
		Pagination: SearchPagination{PerPage: benchPerPage},
	}
}

func benchSearchRaw() rawSearchRequest {
	var r rawSearchRequest
	r.Query.Operator = "AND"
	r.Query.Value = []rawSearchFilter{
		{Field: "role", Operator: "=", Value: "user"},
		{Field: "created_at", Operator: ">", Value: 1577836800},
	}
	r.Pagination.PerPage = benchPerPage
	return r
}

// benchPair is one benchmark, run by the SDK and by the baseline. sdk and
// raw set up a client of their own (closed with tb) and return one
// operation.
type benchPair struct {
	name     string
	bytes    int64 // response bytes per operation, for MB/s; 0 for none
	sdk, raw func(tb testing.TB) func() error
}

// benchPairs returns the benchmarks, all served by one server of 10,000
// contacts.
func benchPairs(tb testing.TB) []benchPair {
	const total = 10_000
	cs := newContactServer(tb, total)
	ctx := context.Background()
	const contactID = "6657ac5f6abd0166b52ae242"
	pageBytes := int64(len(cs.pages[0]))
	checkPage := func(n int, err error) error {
		if err == nil && n != benchPerPage {
			err = fmt.Errorf("%d contacts, want %d", n, benchPerPage)
		}
		return err
	}
	return []benchPair{
		{
			name: "GetContact",
			sdk: func(tb testing.TB) func() error {
				c := benchSDK(tb, cs)
				return func() error {
					ct, _, err := c.Contacts.Get(ctx, contactID, nil)
					if err == nil && ct.Email != "joe@bloggs.com" {
						err = fmt.Errorf("got %+v", ct)
					}
					return err
				}
			},
			raw: func(tb testing.TB) func() error {
				c := newRawClient(tb, cs)
				return func() error {
					ct, err := c.getContact(ctx, contactID)
					if err == nil && ct.Email != "joe@bloggs.com" {
						err = fmt.Errorf("got %+v", ct)
					}
					return err
				}
			},
		},
		{
			name:  "ListContacts150",
			bytes: pageBytes,
			sdk: func(tb testing.TB) func() error {
				c := benchSDK(tb, cs)
				return func() error {
					page, _, err := c.Contacts.List(ctx, &ContactListOptions{PerPage: benchPerPage})
					if err != nil {
						return err
					}
					return checkPage(len(page.Data), nil)
				}
			},
			raw: func(tb testing.TB) func() error {
				c := newRawClient(tb, cs)
				return func() error {
					page, err := c.listContacts(ctx, benchPerPage, "")
					return checkPage(len(page.Data), err)
				}
			},
		},
		{
			name:  "SearchContacts150",
			bytes: pageBytes,
			sdk: func(tb testing.TB) func() error {
				c := benchSDK(tb, cs)
				return func() error {
					page, _, err := c.Contacts.Search(ctx, benchSearchSDK())
					if err != nil {
						return err
					}
					return checkPage(len(page.Data), nil)
				}
			},
			raw: func(tb testing.TB) func() error {
				c := newRawClient(tb, cs)
				return func() error {
					page, err := c.searchContacts(ctx, benchSearchRaw())
					return checkPage(len(page.Data), err)
				}
			},
		},
		{
			name: "ListAllContacts10k",
			sdk: func(tb testing.TB) func() error {
				c := benchSDK(tb, cs)
				return func() error {
					n := 0
					for ct, err := range c.Contacts.ListAll(ctx, &ContactListOptions{PerPage: benchPerPage}) {
						if err != nil {
							return err
						}
						if ct.ID != "" {
							n++
						}
					}
					if n != total {
						return fmt.Errorf("walked %d contacts, want %d", n, total)
					}
					return nil
				}
			},
			raw: func(tb testing.TB) func() error {
				c := newRawClient(tb, cs)
				return func() error {
					n, cursor := 0, ""
					for {
						page, err := c.listContacts(ctx, benchPerPage, cursor)
						if err != nil {
							return err
						}
						for i := range page.Data {
							if page.Data[i].ID != "" {
								n++
							}
						}
						cursor = page.Pages.Next.StartingAfter
						if cursor == "" || len(page.Data) == 0 {
							break
						}
					}
					if n != total {
						return fmt.Errorf("walked %d contacts, want %d", n, total)
					}
					return nil
				}
			},
		},
	}
}

// benchOp runs op as a benchmark.
func benchOp(b *testing.B, setup func(testing.TB) func() error, bytes int64) {
	pauseDecodeCheck(b)
	op := setup(b)
	if bytes > 0 {
		b.SetBytes(bytes)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSDKvsRaw runs every benchmark with the SDK and with the
// hand-written baseline: compare BenchmarkSDKvsRaw/X/sdk with .../X/raw.
func BenchmarkSDKvsRaw(b *testing.B) {
	for _, p := range benchPairs(b) {
		b.Run(p.name, func(b *testing.B) {
			b.Run("sdk", func(b *testing.B) { benchOp(b, p.sdk, p.bytes) })
			b.Run("raw", func(b *testing.B) { benchOp(b, p.raw, p.bytes) })
		})
	}
}

// TestBenchRatios prints the sdk/raw ratios as a Markdown table. To be
// fair on a busy machine it alternates the two sides operation by
// operation, timing each one, and compares the medians; bytes and
// allocations are averages over the same operations. It runs only when
// INTERCOM_BENCH_SECONDS (the time to spend per benchmark) is set:
//
//	INTERCOM_BENCH_SECONDS=10 go test -run TestBenchRatios -v .
//
// With INTERCOM_BENCH_TSV set to a file name, it also appends its rows
// there, for TestBenchSideBySide (.ci/bench runs both).
func TestBenchRatios(t *testing.T) {
	secs, _ := strconv.ParseFloat(os.Getenv("INTERCOM_BENCH_SECONDS"), 64)
	if secs <= 0 {
		t.Skip("set INTERCOM_BENCH_SECONDS to run")
	}
	pauseDecodeCheck(t)
	var out, tsv strings.Builder
	fmt.Fprintf(&out, "%s, %s/%s, GOMAXPROCS=%d, %gs per benchmark\n\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), secs)
	out.WriteString("| benchmark | sdk time/op | raw time/op | time | sdk B/op | raw B/op | bytes | sdk allocs/op | raw allocs/op | allocs |\n")
	out.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range benchPairs(t) {
		sides := [2]func() error{p.sdk(t), p.raw(t)}
		var times [2][]float64
		var mallocs, bytes [2]uint64
		var ms runtime.MemStats
		for _, op := range sides { // warm up: connections, pools
			require.NoError(t, op())
		}
		deadline := time.Now().Add(time.Duration(secs * float64(time.Second)))
		for i := 0; i < 4 || time.Now().Before(deadline); i++ {
			for j := range sides {
				k := (i + j) % 2 // alternate which side goes first
				runtime.ReadMemStats(&ms)
				m0, b0 := ms.Mallocs, ms.TotalAlloc
				start := time.Now()
				err := sides[k]()
				d := time.Since(start)
				runtime.ReadMemStats(&ms)
				require.NoError(t, err)
				times[k] = append(times[k], float64(d))
				mallocs[k] += ms.Mallocs - m0
				bytes[k] += ms.TotalAlloc - b0
			}
		}
		n := uint64(len(times[0]))
		sdkT, rawT := median(times[0]), median(times[1])
		fmt.Fprintf(&out, "| %s | %s | %s | %.3f× | %d | %d | %.3f× | %d | %d | %+d (%.3f×) |\n", p.name,
			time.Duration(sdkT).Round(time.Microsecond), time.Duration(rawT).Round(time.Microsecond), sdkT/rawT,
			bytes[0]/n, bytes[1]/n, float64(bytes[0])/float64(bytes[1]),
			mallocs[0]/n, mallocs[1]/n, int64(mallocs[0]/n)-int64(mallocs[1]/n), float64(mallocs[0])/float64(mallocs[1]))
		fmt.Fprintf(&tsv, "%s\t%s\t%.0f\t%.0f\t%d\t%d\t%d\t%d\n", runtime.Version(), p.name, sdkT, rawT,
			bytes[0]/n, bytes[1]/n, mallocs[0]/n, mallocs[1]/n)
	}
	t.Log("\n" + out.String())
	if name := os.Getenv("INTERCOM_BENCH_TSV"); name != "" {
		f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		require.NoError(t, err)
		_, err = f.WriteString(tsv.String())
		require.NoError(t, errors.Join(err, f.Close()))
	}
}

// benchRow is one row of TestBenchRatios as INTERCOM_BENCH_TSV has it.
type benchRow struct {
	goVersion, name      string
	sdkTime, rawTime     float64 // median ns per operation
	sdkBytes, rawBytes   float64
	sdkAllocs, rawAllocs float64
}

// TestBenchSideBySide prints the rows TestBenchRatios appended to the file
// INTERCOM_BENCH_TSV as one Markdown table, benchmark by benchmark and Go
// release by Go release, in the order the releases first appear. Where a
// release ran several times (.ci/bench alternates them), each figure is
// the median over its runs. The last column compares the SDK's time with
// its time on the first release. It runs only when INTERCOM_BENCH_TSV is
// set and INTERCOM_BENCH_SECONDS is not.
func TestBenchSideBySide(t *testing.T) {
	name := os.Getenv("INTERCOM_BENCH_TSV")
	if name == "" || os.Getenv("INTERCOM_BENCH_SECONDS") != "" {
		t.Skip("set INTERCOM_BENCH_TSV (and not INTERCOM_BENCH_SECONDS) to run")
	}
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	runs := map[[2]string][]benchRow{}
	var versions, names []string
	for line := range strings.Lines(string(b)) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		require.Len(t, f, 8, "line %q", line)
		r := benchRow{goVersion: f[0], name: f[1]}
		for i, dst := range []*float64{&r.sdkTime, &r.rawTime, &r.sdkBytes, &r.rawBytes, &r.sdkAllocs, &r.rawAllocs} {
			*dst, err = strconv.ParseFloat(f[2+i], 64)
			require.NoError(t, err, "line %q", line)
		}
		if !slices.Contains(versions, r.goVersion) {
			versions = append(versions, r.goVersion)
		}
		if !slices.Contains(names, r.name) {
			names = append(names, r.name)
		}
		runs[[2]string{r.goVersion, r.name}] = append(runs[[2]string{r.goVersion, r.name}], r)
	}
	med := func(rs []benchRow, f func(benchRow) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		return median(v)
	}
	var out strings.Builder
	fmt.Fprintf(&out, "| Benchmark | Go | Runs | SDK time/op | Raw time/op | Time ratio | SDK B/op | Raw B/op | Bytes ratio | SDK allocs/op | Raw allocs/op | Allocs ratio | SDK time vs Go %s |\n", strings.TrimPrefix(versions[0], "go"))
	out.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, n := range names {
		first := 0.0
		for _, v := range versions {
			rs := runs[[2]string{v, n}]
			if len(rs) == 0 {
				continue
			}
			sdkT := med(rs, func(r benchRow) float64 { return r.sdkTime })
			vsFirst := "—"
			if first == 0 {
				first = sdkT
			} else {
				vsFirst = fmt.Sprintf("%.2f×", sdkT/first)
			}
			sdkB, rawB := med(rs, func(r benchRow) float64 { return r.sdkBytes }), med(rs, func(r benchRow) float64 { return r.rawBytes })
			sdkA, rawA := med(rs, func(r benchRow) float64 { return r.sdkAllocs }), med(rs, func(r benchRow) float64 { return r.rawAllocs })
			fmt.Fprintf(&out, "| %s | %s | %d | %s | %s | %.3f× | %s | %s | %.3f× | %s | %s | %.3f× | %s |\n", n, strings.TrimPrefix(v, "go"), len(rs),
				benchDuration(sdkT), benchDuration(med(rs, func(r benchRow) float64 { return r.rawTime })),
				med(rs, func(r benchRow) float64 { return r.sdkTime / r.rawTime }),
				benchCount(sdkB), benchCount(rawB), sdkB/rawB, benchCount(sdkA), benchCount(rawA), sdkA/rawA, vsFirst)
		}
	}
	fmt.Print(out.String())
}

// benchDuration rounds ns to three significant digits: 127µs, 2.08ms, 162ms.
func benchDuration(ns float64) string {
	d := time.Duration(ns)
	for _, u := range []time.Duration{time.Microsecond, 10 * time.Microsecond, 100 * time.Microsecond, time.Millisecond} {
		if d < 1000*u {
			return d.Round(u).String()
		}
	}
	return d.Round(time.Millisecond).String()
}

// benchCount writes n with thousands separators: 11,402.
func benchCount(n float64) string {
	s := strconv.FormatFloat(n, 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// raceEnabled reports whether the test binary was built with -race, which
// changes allocation counts (sync.Pool drops items at random).
func raceEnabled() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" {
				return s.Value == "true"
			}
		}
	}
	return false
}

// TestAllocationBudget holds the SDK to its memory targets against the
// baseline, on the same server: at most 10 more allocations than the
// baseline for one object and at most 10% more allocations and bytes for a
// page of 150 contacts. Allocation counts and a page's bytes, unlike times,
// are stable enough to gate on; one object's bytes are logged but not
// gated, as they move by about ±3% from one process to the next (the
// baseline's Get allocates 9.5 to 9.9 KB on Go 1.27.3). .ci/run runs it on
// the installed Go, on Go 1.25 and on Go 1.27, whose encoding/json is backed
// by encoding/json/v2 (json_v2.go).
func TestAllocationBudget(t *testing.T) {
	if raceEnabled() {
		t.Skip("allocation counts differ under the race detector")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	pauseDecodeCheck(t)
	cs := newContactServer(t, 1_000)
	ctx := context.Background()
	sdk, raw := benchSDK(t, cs), newRawClient(t, cs)
	type cost struct{ allocs, bytes float64 }
	// measure returns the mean allocations of f and the median of the
	// bytes it allocates: a median, so that the odd call that refills a
	// pool a collection emptied does not count.
	measure := func(f func()) cost {
		f() // warm up: connection, pools
		c := cost{allocs: testing.AllocsPerRun(20, f)}
		var ms runtime.MemStats
		var bytes []float64
		for range 21 {
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			f()
			runtime.ReadMemStats(&ms)
			bytes = append(bytes, float64(ms.TotalAlloc-before))
		}
		c.bytes = median(bytes)
		return c
	}
	getSDK := measure(func() {
		if _, _, err := sdk.Contacts.Get(ctx, "6657ac5f6abd0166b52ae242", nil); err != nil {
			t.Fatal(err)
		}
	})
	getRaw := measure(func() {
		if _, err := raw.getContact(ctx, "6657ac5f6abd0166b52ae242"); err != nil {
			t.Fatal(err)
		}
	})
	pageSDK := measure(func() {
		if _, _, err := sdk.Contacts.List(ctx, &ContactListOptions{PerPage: benchPerPage}); err != nil {
			t.Fatal(err)
		}
	})
	pageRaw := measure(func() {
		if _, err := raw.listContacts(ctx, benchPerPage, ""); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("%s: get: sdk %.0f, raw %.0f allocs, sdk %.0f, raw %.0f bytes (%.3f×); page of 150: sdk %.0f, raw %.0f allocs (%.3f×), sdk %.0f, raw %.0f bytes (%.3f×)",
		runtime.Version(), getSDK.allocs, getRaw.allocs, getSDK.bytes, getRaw.bytes, getSDK.bytes/getRaw.bytes,
		pageSDK.allocs, pageRaw.allocs, pageSDK.allocs/pageRaw.allocs, pageSDK.bytes, pageRaw.bytes, pageSDK.bytes/pageRaw.bytes)
	if getSDK.allocs > getRaw.allocs+10 {
		t.Errorf("%s: Contacts.Get allocates %.0f times, the baseline %.0f: over the budget of +10", runtime.Version(), getSDK.allocs, getRaw.allocs)
	}
	if pageSDK.allocs > pageRaw.allocs*1.1 {
		t.Errorf("%s: Contacts.List (150) allocates %.0f times, the baseline %.0f: over the budget of 1.1×", runtime.Version(), pageSDK.allocs, pageRaw.allocs)
	}
	if pageSDK.bytes > pageRaw.bytes*1.1 {
		t.Errorf("%s: Contacts.List (150) allocates %.0f bytes, the baseline %.0f: over the budget of 1.1×", runtime.Version(), pageSDK.bytes, pageRaw.bytes)
	}
}

// TestBenchShowContactIsTheSpecExample checks that the benchmark's literal
// is the spec's ShowContact example.
func TestBenchShowContactIsTheSpecExample(t *testing.T) {
	t.Parallel()
	_, srv := newSpecClient(t)
	var want, got any
	require.NoError(t, json.Unmarshal(srv.Example("ShowContact", 200, ""), &want))
	require.NoError(t, Unmarshal([]byte(benchShowContactJSON), &got))
	require.Equal(t, want, got)
}

// TestBenchFixturesDecodeAlike checks that the fake contacts decode to the
// same values through the SDK's models and the baseline's structs, so the
// benchmark compares like with like.
func TestBenchFixturesDecodeAlike(t *testing.T) {
	t.Parallel()
	page := fakeContactPage(0, 3, 3)
	var sdk ContactList
	var raw rawContactList
	require.NoError(t, Unmarshal(page, &sdk))
	require.NoError(t, json.Unmarshal(page, &raw))
	require.Len(t, sdk.Data, 3)
	require.Len(t, raw.Data, 3)
	for i := range sdk.Data {
		s, r := sdk.Data[i], raw.Data[i]
		require.Equal(t, r.ID, s.ID)
		require.Equal(t, strconv.FormatInt(r.OwnerID, 10), s.OwnerID)
		require.Equal(t, r.Avatar.ImageURL, s.Avatar.ImageURL)
		require.Equal(t, r.IOSLastSeenAt, int64(s.IOSLastSeenAt))
		require.Equal(t, r.Tags.Data[1].ID, string(s.Tags.Data[1].ID))
		require.Equal(t, r.CustomAttributes, s.CustomAttributes)
		require.Equal(t, r.Location.City, s.Location.City)
	}
}
