// Package intercom is a typed client for the Intercom REST API, versions
// 2.10 to 2.16: all 232 of their endpoints, with one set of models. It
// sends version 2.10 unless told otherwise.
//
// # Creating a client
//
// Create a Client with an access token and share it: it is safe for
// concurrent use. Each area of the API is a service reached through a field
// of the Client (client.Contacts, client.Conversations, client.Tickets, …):
//
//	client, err := intercom.NewClient(os.Getenv("INTERCOM_TOKEN"))
//	if err != nil {
//		return err // ErrMissingToken when the token is empty
//	}
//	contact, resp, err := client.Contacts.Get(ctx, "63a07ddf05a32042dffac965", nil)
//
// Every method takes a context first and returns the typed model, a
// *Response (the HTTP response, with Intercom's RequestID and the Rate
// limit state) and an error.
//
// Requests go to the US region unless WithRegion chooses RegionEU or
// RegionAU; WithBaseURL points the client at any other URL (a proxy, a
// fake), base path included. For OAuth tokens that rotate, give
// WithTokenSource a TokenSource: it is asked for the token on every call.
// The token is sent only in the Authorization header, and never logged or
// put in an error.
//
// # Options per client and per call
//
// The same Option values configure a client and a single call: NewClient
// takes them, and so does the trailing opts parameter of every method. A
// call's options override the client's for that call only:
//
//	client, err := intercom.NewClient(token, intercom.WithRegion(intercom.RegionEU), intercom.WithTimeout(20*time.Second))
//	list, _, err := client.Contacts.List(ctx, nil, intercom.WithTimeout(time.Minute)) // this call only
//
// Among them: WithHTTPClient (never modified: the client works on a copy),
// WithTimeout (per attempt), WithUserAgent, WithHeader, WithMaxResponseBytes,
// and WithResponseBody, which copies the raw JSON of a response for fields
// the models lack. Client.Do calls an endpoint the SDK does not model, with
// the same authentication, retries and errors.
//
// # Errors
//
// A non-2xx response is an *APIError carrying the status, Intercom's error
// codes, the request id, the rate-limit state and, for a 429, RetryAfter.
// It matches a sentinel by its status, so test errors with errors.Is and
// errors.As:
//
//	var apiErr *intercom.APIError
//	switch {
//	case errors.Is(err, intercom.ErrNotFound): // 404
//	case errors.Is(err, intercom.ErrRateLimited): // 429
//	case errors.Is(err, intercom.ErrInvalidRequest): // refused before anything was sent
//	case errors.As(err, &apiErr):
//		log.Printf("status %d, request %s", apiErr.StatusCode, apiErr.RequestID)
//	}
//
// The sentinels are ErrNotFound, ErrUnauthorized, ErrForbidden,
// ErrRateLimited, ErrConflict, ErrValidation, ErrServer, ErrScrollExists,
// ErrInvalidRequest (an *InvalidRequestError naming the field: a missing
// id, a bad search filter, a null where Intercom takes none),
// ErrUnsupportedByVersion, ErrMissingToken, ErrUnexpectedResponse,
// ErrResponseTooLarge, ErrCursorStalled and ErrRedirected.
//
// Other failures have their own types. A request that got no response is a
// *ConnectionError; its MayHaveSucceeded is true when a write may have
// reached Intercom and was therefore not retried, so check before sending
// it again. A 2xx body that is not the JSON expected is a *DecodeError
// (ErrUnexpectedResponse). A redirect the client does not follow (of a
// write, or from https to http) is a *RedirectError (ErrRedirected). A call
// that the chosen API version cannot make is a *VersionError (see API
// versions). ErrorKind names the kind of any of them, for logs and metrics.
//
// # Retries and the retry budget
//
// Calls are retried under a RetryPolicy (DefaultRetryPolicy: 3 retries,
// waits from 500ms doubling with jitter up to 30s). A 429 is retried for
// every method, after waiting until Intercom's reset; when that is further
// away than MaxWait the call returns ErrRateLimited at once instead.
// Server errors (500, 502, 503, 504) and lost connections are retried only
// for idempotent methods, for searches, and for calls given
// WithRetryNonIdempotent. WithMaxRetries(0) turns retries off;
// WithRetryPolicy replaces the policy.
//
// The policy's Budget, a *RetryBudget (NewRetryBudget,
// DefaultRetryBudget tokens by default), is shared by the calls of a
// client: each retry takes tokens and each success returns one, so during
// a sustained outage the client stops multiplying its load. Waiting out a
// 429 costs nothing from it.
//
// # Rate limits
//
// Intercom limits the calls of an app (10,000 a minute by default, counted
// in 10-second windows). Rather than meet 429s, share one Throttle among
// every goroutine and client using the app's token:
//
//	throttle := intercom.NewThrottle(1666, 10*time.Second)
//	client, err := intercom.NewClient(token, intercom.WithThrottle(throttle))
//
// The throttle paces every attempt, retries included, and also follows
// Intercom's X-RateLimit headers. A Throttle is a Limiter, the interface
// WithLimiter takes. A Throttle keeps one process under the limit; when
// many processes share a token, the nested module
// github.com/go-intercom/intercom/redislimit provides a Limiter that keeps
// one budget in Redis for all of them.
//
// # Pagination
//
// Each list has a one-page method (List, Search, Scroll, …) that returns
// the list model with its Pages, and a lazy iterator named after it with All
// appended (ListAll, SearchAll, ScrollAll, ListCompaniesAll, …) that returns
// an iter.Seq2 of the items. The iterator fetches
// a page only when the loop needs it and stops fetching when the loop
// breaks:
//
//	for c, err := range client.Contacts.ListAll(ctx, &intercom.ContactListOptions{PerPage: 150}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(c.ID, c.Email)
//	}
//
// It ends with ErrCursorStalled if Intercom hands back a cursor it has
// already given, instead of looping forever. Collect drains an iterator
// into a slice, for short lists.
//
// # Search
//
// SearchFilter builds Intercom's search queries: Filter makes one
// condition, And and Or group them (two levels at most, as Intercom
// allows), and StringValue, IntValue, BoolValue, NullValue, StringsValue
// and IntsValue type the values. Intercom's limits are checked before
// sending, as ErrInvalidRequest naming the filter:
//
//	req := intercom.SearchRequest{
//		Query: intercom.And(
//			intercom.Filter("role", intercom.OpEquals, intercom.StringValue("user")),
//			intercom.Filter("email", intercom.OpEndsWith, intercom.StringValue("@example.com")),
//		),
//		Pagination: intercom.SearchPagination{PerPage: 50},
//	}
//	for c, err := range client.Contacts.SearchAll(ctx, req) { … }
//
// # Optional fields: Opt, Some and Null
//
// Request fields that may be left out are Opt values: the zero Opt leaves
// the field out of the request, Some(v) sends v (Some(0) sends 0, Some("")
// an empty string), and Null sends null, which clears the value in
// Intercom:
//
//	client.Contacts.Update(ctx, id, intercom.ContactUpdateRequest{
//		Name:  intercom.Some("Ada King"),
//		Phone: intercom.Null[string](), // clears the phone number
//	})
//
// Null is accepted only on the fields Intercom accepts null for (those its
// API description marks nullable); anywhere else the call fails with
// ErrInvalidRequest naming the field, before anything is sent.
//
// # Ids and times
//
// Ids are plain strings (ID is another name for string): an id read from a
// model goes into any method or request field as it is, and so does an id
// from your database. Intercom sends some ids as JSON numbers; the client
// decodes them into the id fields with every digit (Unmarshal does the same
// for bodies you fetched yourself). Times are Timestamp, Unix
// seconds as Intercom sends them, with a Time method; UnixTime converts a
// time.Time.
//
// # API versions
//
// The client sends Intercom-Version 2.10 unless WithAPIVersion chooses
// another, per client or per call. For the versions the SDK knows, 2.10 to
// 2.16, each call is checked before anything is sent: an endpoint the
// version lacks (Calls.List on 2.10, Conversations.RunAssignmentRules from
// 2.12), or a request field set that it lacks, fails at once with a
// *VersionError naming the versions that have it (it matches both
// ErrUnsupportedByVersion and ErrInvalidRequest). Where a version changed a
// request's shape the client sends the one the version expects (a
// contact's owner_id: a number up to 2.15, a string in 2.16). Other version
// strings are sent as given, unchecked. One set of models serves every
// version: the fields a later version adds stay empty on older ones.
//
// # Observability
//
// WithObserver installs an Observer, which sees every call start, every
// attempt end (status, request id, rate-limit state, the wait before a
// retry and why) and every call end. Observers see path templates such as
// "/contacts/{id}", never filled-in paths, bodies or the token. WithLogger
// is one: a log/slog line per call. The nested module
// github.com/go-intercom/intercom/intercomotel is another, turning calls
// into OpenTelemetry spans and metrics:
//
//	obs, err := intercomotel.New()
//	client, err := intercom.NewClient(token, intercom.WithObserver(obs))
//
// # Webhooks
//
// Package github.com/go-intercom/intercom/webhooks receives Intercom's
// webhook notifications: its NewHandler verifies each notification's
// signature with the app's client secret and hands it over parsed, with
// typed accessors that return this package's models.
//
// # Testing with intercomtest
//
// Package github.com/go-intercom/intercom/intercomtest is an in-process
// fake of the API, for testing code that uses this package without a
// network or a workspace. It keeps contacts, companies, conversations,
// tickets, tags, notes and more in memory, evaluates searches, paginates,
// checks the token and the API version, and can inject faults:
//
//	srv := intercomtest.New(t) // closed when the test ends
//	client := srv.Client()     // a *Client pointed at the fake
//	srv.FailNext(1, http.StatusServiceUnavailable)
//
// The package example and the service examples that show their output run
// against it.
package intercom
