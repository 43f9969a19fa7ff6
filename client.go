package intercom

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/go-intercom/intercom/internal/http2"
)

// Version is the SDK version, sent in the User-Agent.
const Version = "0.1.0"

const userAgentBase = "intercom-go/" + Version

// Client talks to one Intercom workspace. It is safe for concurrent use;
// create one and share it.
type Client struct {
	cfg  settings
	http *http.Client // a copy of the configured client with the timeout applied
	hdr  clientHeaders
	// spare is a body buffer kept across garbage collections (which empty
	// bufPool), so that a client used from one goroutine at a time, such as
	// a pagination loop, always reads into the same buffer.
	spare atomic.Pointer[[]byte]

	common service

	// Services, one per resource of the API.
	Admins            *AdminsService
	AIContent         *AIContentService
	Articles          *ArticlesService
	Audiences         *AudiencesService
	Content           *ContentService
	ContentSnippets   *ContentSnippetsService
	HelpCenter        *HelpCenterService
	InternalArticles  *InternalArticlesService
	Companies         *CompaniesService
	Contacts          *ContactsService
	Conversations     *ConversationsService
	DataAttributes    *DataAttributesService
	DataEvents        *DataEventsService
	DataExport        *DataExportService
	Messages          *MessagesService
	News              *NewsService
	Notes             *NotesService
	Segments          *SegmentsService
	SubscriptionTypes *SubscriptionTypesService
	Switch            *SwitchService
	Tags              *TagsService
	Teams             *TeamsService
	TicketTypes       *TicketTypesService
	Tickets           *TicketsService
	Visitors          *VisitorsService

	// Services of the endpoints added after API 2.10 (see each method's
	// versions in endpoint_versions.go).
	AwayStatusReasons      *AwayStatusReasonsService
	Brands                 *BrandsService
	ConversationAttributes *ConversationAttributesService
	CustomObjectInstances  *CustomObjectInstancesService
	Emails                 *EmailsService
	Macros                 *MacrosService
	TicketStates           *TicketStatesService
	// Services of endpoints added after API 2.10.
	Calls               *CallsService
	DataConnectors      *DataConnectorsService
	FinAgent            *FinAgentService
	IPAllowlist         *IPAllowlistService
	Jobs                *JobsService
	OfficeHours         *OfficeHoursService
	ReportingDataExport *ReportingDataExportService
	Workflows           *WorkflowsService
}

// service is the shared shape of every resource service.
type service struct{ client *Client }

// The resource services, one per area of Intercom's API; each is reached
// through the Client field of the same name (client.Contacts, client.Tickets, …).
type (
	// AdminsService covers the workspace's teammates (admins): the admin the
	// token belongs to (Me), listing and fetching admins, setting one away, and
	// the workspace's admin activity logs.
	AdminsService service
	// ArticlesService covers Help Center articles: creating, updating,
	// publishing, listing, deleting and searching them.
	ArticlesService service
	// HelpCenterService covers the Help Centers of a workspace and the
	// collections that group their articles.
	HelpCenterService service
	// CompaniesService covers companies: creating or updating one by its
	// company_id, fetching, listing (by page, sorted or by scroll), deleting,
	// and attaching contacts to them.
	CompaniesService service
	// ContactsService covers contacts, Intercom's users and leads: creating,
	// updating, searching, listing, merging, archiving and deleting them, and
	// listing their companies, segments, subscriptions and tags.
	ContactsService service
	// ConversationsService covers conversations: starting them, replying as
	// an admin or a contact, assigning, snoozing, opening and closing them,
	// adding participants, redacting parts, listing and searching them, and
	// converting them to tickets.
	ConversationsService service
	// DataAttributesService covers data attributes, the standard and custom
	// fields of contacts, companies and conversations: listing them and
	// creating or updating custom ones.
	DataAttributesService service
	// DataEventsService covers data events, the activity a workspace records
	// against its users: submitting events, listing a user's events and
	// sending event summaries.
	DataEventsService service
	// DataExportService covers message data exports: starting an export job
	// for a date range, following or cancelling it, and downloading its
	// gzipped CSV.
	DataExportService service
	// MessagesService covers outbound messages: an in-app or email message
	// sent by an admin to a contact.
	MessagesService service
	// NewsService covers News: news items (drafting, publishing, updating,
	// deleting them) and the newsfeeds they appear in.
	NewsService service
	// NotesService covers the notes admins leave on a contact: adding,
	// listing and fetching them.
	NotesService service
	// SegmentsService covers segments, the saved filters of contacts defined
	// in Intercom's UI: listing and fetching them.
	SegmentsService service
	// SubscriptionTypesService covers subscription types, the kinds of
	// messages contacts can opt in to or out of: listing them and subscribing
	// or unsubscribing a contact.
	SubscriptionTypesService service
	// SwitchService covers Switch: moving a phone caller to a Messenger
	// conversation by sending them a link by SMS.
	SwitchService service
	// TagsService covers tags: creating, renaming, listing and deleting them,
	// and tagging or untagging contacts, companies, conversations and tickets.
	TagsService service
	// TeamsService covers the workspace's teams of admins: listing and
	// fetching them.
	TeamsService service
	// TicketTypesService covers ticket types, the kinds of tickets a workspace
	// defines: creating, updating, listing and fetching them, and creating and
	// updating their attributes (the fields their tickets carry).
	TicketTypesService service
	// TicketsService covers tickets: creating them for contacts, fetching,
	// updating (state, assignment, attributes), replying to and searching
	// them.
	TicketsService service
	// VisitorsService covers visitors, the anonymous people of the Messenger:
	// fetching and updating them, and converting one to a user or lead.
	VisitorsService service
	// AIContentService covers the AI Content library of Fin (API 2.12 and
	// later): content import sources and the external pages imported from
	// them.
	AIContentService service
	// AudiencesService covers audiences (API 2.16 and later), the groups of
	// contacts Fin's content can be targeted to.
	AudiencesService service
	// ContentService covers the Knowledge Hub as a whole (API 2.16 and
	// later): searching its content and running bulk actions over it.
	ContentService service
	// ContentSnippetsService covers content snippets (API 2.16 and later),
	// reusable pieces of content for Fin and Copilot, and their tags.
	ContentSnippetsService service
	// InternalArticlesService covers internal articles (API 2.13 and later),
	// the articles only teammates see: creating, updating, listing,
	// searching and deleting them, and (2.16) their tags.
	InternalArticlesService service
	// AwayStatusReasonsService covers the reasons admins give for being away
	// (API 2.14 and later): listing them.
	AwayStatusReasonsService service
	// BrandsService covers the brands of a workspace (API 2.15 and later):
	// listing and fetching them.
	BrandsService service
	// ConversationAttributesService covers the attributes conversations
	// carry (API 2.16 and later): creating, listing, fetching, updating and
	// archiving them, and managing the options of list attributes.
	ConversationAttributesService service
	// CustomObjectInstancesService covers the instances of custom objects
	// (API 2.13 and later): creating or updating, fetching, listing and
	// deleting them.
	CustomObjectInstancesService service
	// EmailsService covers the sender email addresses of a workspace (API
	// 2.15 and later): listing and fetching their settings.
	EmailsService service
	// MacrosService covers macros, the saved replies of the Inbox (API 2.16
	// and later): listing and fetching them.
	MacrosService service
	// TicketStatesService covers the states tickets move through (API 2.12
	// and later): listing them.
	TicketStatesService service

	// CallsService covers phone calls (API 2.14 and later): listing and
	// fetching calls, their recordings and transcripts, finding the calls of
	// conversations, and Fin Voice calls (2.15 and later).
	CallsService service
	// DataConnectorsService covers data connectors (API 2.16 and later), the
	// HTTP requests to external APIs that workflows and AI agents make:
	// creating, updating, listing and deleting them, and reading their
	// execution results.
	DataConnectorsService service
	// FinAgentService covers the Fin Agent API (API 2.14 and later): starting
	// a conversation with Fin, replying to it and submitting a CSAT rating.
	FinAgentService service
	// IPAllowlistService covers the workspace's IP allowlist (API 2.14 and
	// later): reading and updating it.
	IPAllowlistService service
	// JobsService covers the asynchronous jobs Intercom runs for some
	// requests (API 2.14 and later): reading a job's status.
	JobsService service
	// OfficeHoursService covers office hours schedules (API 2.16 and later):
	// the weekly hours a workspace is open, and their exceptions (holidays,
	// special hours).
	OfficeHoursService service
	// ReportingDataExportService covers reporting data exports (API 2.14 and
	// later): listing the datasets, enqueueing an export job, following it
	// and downloading its data.
	ReportingDataExportService service
	// WorkflowsService covers workflows (API 2.15 and later): exporting a
	// workflow's configuration.
	WorkflowsService service
)

// NewClient returns a client for the workspace the token belongs to. A
// token (or WithTokenSource) is required. The defaults are the US region,
// API version 2.10, a 60s timeout per attempt and DefaultRetryPolicy.
func NewClient(token string, opts ...Option) (*Client, error) {
	cfg := settings{
		base:             BaseURLUS,
		httpClient:       &http.Client{Transport: newTransport()},
		timeout:          DefaultTimeout,
		apiVersion:       DefaultAPIVersion,
		retry:            DefaultRetryPolicy(),
		maxResponseBytes: DefaultMaxResponseBytes,
	}
	if token != "" {
		cfg.tokens = StaticToken(token)
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.tokens == nil {
		return nil, ErrMissingToken
	}
	if st, ok := cfg.tokens.(StaticToken); ok && strings.TrimSpace(string(st)) == "" {
		return nil, ErrMissingToken
	}
	c := &Client{cfg: cfg}
	c.http = httpClientFor(cfg)
	c.hdr = headersFor(cfg)
	c.common.client = c
	c.Admins = (*AdminsService)(&c.common)
	c.AIContent = (*AIContentService)(&c.common)
	c.Articles = (*ArticlesService)(&c.common)
	c.Audiences = (*AudiencesService)(&c.common)
	c.Content = (*ContentService)(&c.common)
	c.ContentSnippets = (*ContentSnippetsService)(&c.common)
	c.HelpCenter = (*HelpCenterService)(&c.common)
	c.InternalArticles = (*InternalArticlesService)(&c.common)
	c.Companies = (*CompaniesService)(&c.common)
	c.Contacts = (*ContactsService)(&c.common)
	c.Conversations = (*ConversationsService)(&c.common)
	c.DataAttributes = (*DataAttributesService)(&c.common)
	c.DataEvents = (*DataEventsService)(&c.common)
	c.DataExport = (*DataExportService)(&c.common)
	c.Messages = (*MessagesService)(&c.common)
	c.News = (*NewsService)(&c.common)
	c.Notes = (*NotesService)(&c.common)
	c.Segments = (*SegmentsService)(&c.common)
	c.SubscriptionTypes = (*SubscriptionTypesService)(&c.common)
	c.Switch = (*SwitchService)(&c.common)
	c.Tags = (*TagsService)(&c.common)
	c.Teams = (*TeamsService)(&c.common)
	c.TicketTypes = (*TicketTypesService)(&c.common)
	c.Tickets = (*TicketsService)(&c.common)
	c.Visitors = (*VisitorsService)(&c.common)
	c.AwayStatusReasons = (*AwayStatusReasonsService)(&c.common)
	c.Brands = (*BrandsService)(&c.common)
	c.ConversationAttributes = (*ConversationAttributesService)(&c.common)
	c.CustomObjectInstances = (*CustomObjectInstancesService)(&c.common)
	c.Emails = (*EmailsService)(&c.common)
	c.Macros = (*MacrosService)(&c.common)
	c.TicketStates = (*TicketStatesService)(&c.common)
	c.Calls = (*CallsService)(&c.common)
	c.DataConnectors = (*DataConnectorsService)(&c.common)
	c.FinAgent = (*FinAgentService)(&c.common)
	c.IPAllowlist = (*IPAllowlistService)(&c.common)
	c.Jobs = (*JobsService)(&c.common)
	c.OfficeHours = (*OfficeHoursService)(&c.common)
	c.ReportingDataExport = (*ReportingDataExportService)(&c.common)
	c.Workflows = (*WorkflowsService)(&c.common)
	return c, nil
}

// newTransport returns the transport of a client created without
// WithHTTPClient: its own copy of http.DefaultTransport, so that closing idle
// connections after a failed call (go-retryablehttp does) touches only this
// client's connections, with room for concurrent callers to keep theirs.
func newTransport() http.RoundTripper {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	t = t.Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}

// BaseURL returns the base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.cfg.base }

// clientHeaders are the header values every call of a client sends, built
// once. Requests share these slices (transports only read request headers),
// so a call allocates no header values of its own.
type clientHeaders struct {
	token     string   // the static token auth was built for, if any
	auth      []string // "Bearer " + token
	version   string
	versionHd []string
	userAgent string
	uaHd      []string
}

// The values of the headers that do not depend on settings.
var (
	acceptJSON      = []string{"application/json"}
	contentTypeJSON = []string{"application/json"}
)

// headersFor builds the header values of a client's settings.
func headersFor(cfg settings) clientHeaders {
	h := clientHeaders{version: cfg.apiVersion, versionHd: []string{cfg.apiVersion},
		userAgent: cfg.userAgent, uaHd: []string{userAgentFor(cfg.userAgent)}}
	if st, ok := cfg.tokens.(StaticToken); ok {
		h.token, h.auth = string(st), []string{"Bearer " + string(st)}
	}
	return h
}

// userAgentFor is the SDK's user agent followed by the caller's product token.
func userAgentFor(extra string) string {
	if extra == "" {
		return userAgentBase
	}
	return userAgentBase + " " + extra
}

// httpClientFor copies the configured HTTP client and applies the timeout,
// so the caller's client is never modified. A caller's transport is wrapped
// so that the SDK cannot close its idle connections (go-retryablehttp does so
// after a failed call, which would drop the caller's connections to other
// hosts too); the SDK's own transport is used as it is.
func httpClientFor(cfg settings) *http.Client {
	hc := *cfg.httpClient
	if cfg.timeoutSet || hc.Timeout == 0 {
		hc.Timeout = cfg.timeout
	}
	if cfg.callerHTTPClient {
		hc.Transport = callerTransport(hc.Transport)
	}
	hc.CheckRedirect = redirectPolicy(cfg.httpClient.CheckRedirect)
	return &hc
}

// callerTransport wraps a transport the SDK does not own so that it exposes
// only RoundTrip: http.Client.CloseIdleConnections then leaves it alone. An
// *http.Transport goes in http2.Transport, which keeps http.Client's cheap
// context-deadline path for timeouts (see that package).
func callerTransport(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	if t, ok := rt.(*http.Transport); ok {
		return http2.Wrap(t)
	}
	return roundTripOnly{rt}
}

// roundTripOnly exposes only RoundTrip of the transport it holds.
type roundTripOnly struct{ rt http.RoundTripper }

// RoundTrip sends the request on the held transport.
func (t roundTripOnly) RoundTrip(r *http.Request) (*http.Response, error) { return t.rt.RoundTrip(r) }

// redirectHeaders are the only request headers kept on a redirect to
// another origin: the token, the caller's WithHeader values and the Referer
// (which names the original URL, query included) stay behind.
var redirectHeaders = [...]string{"Accept", "User-Agent", "Intercom-Version"}

// redirectPolicy wraps a redirect policy with the SDK's rules:
//
//   - Only GET and HEAD requests are redirected. Following a redirect of a
//     write would either turn it into a GET (301, 302, 303: the answer to
//     the GET would come back as if it were the write's result) or resend
//     its body to wherever Location says (307, 308). The redirect response
//     is returned instead, and the call fails with a *RedirectError.
//   - Never from https to http: the request (its headers, its query) would
//     cross the network in clear text.
//   - On a redirect to another origin (scheme, host or port), only the
//     headers in redirectHeaders go along. net/http itself keeps
//     Authorization on a redirect to the same host name on another port,
//     and custom headers everywhere.
//   - Never a Referer.
func redirectPolicy(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first, prev := via[0], via[len(via)-1]
		if first.Method != http.MethodGet && first.Method != http.MethodHead {
			return http.ErrUseLastResponse
		}
		if strings.EqualFold(prev.URL.Scheme, "https") && !strings.EqualFold(req.URL.Scheme, "https") {
			return http.ErrUseLastResponse
		}
		req.Header.Del("Referer")
		if !strings.EqualFold(req.URL.Scheme, first.URL.Scheme) || !strings.EqualFold(req.URL.Host, first.URL.Host) {
			h := make(http.Header, len(redirectHeaders))
			for _, k := range redirectHeaders {
				if v := req.Header[k]; len(v) > 0 {
					h[k] = v
				}
			}
			req.Header = h
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}
