// Package intercomtest is an in-process fake of the Intercom REST API 2.10
// (and of its endpoints that later versions keep), for testing code that
// uses the intercom SDK without a network or a real workspace.
//
// Start a server and take a client pointed at it:
//
//	srv := intercomtest.New(t) // closed when the test ends
//	client := srv.Client()
//	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "ada@example.com"})
//
// The server listens on loopback and serves the API under a non-empty base
// path (BasePath), so the client's handling of base URLs is exercised too.
// State is kept in memory, per server, and is safe for concurrent requests.
//
// # What is stateful
//
// Contacts (create, get, update with null clearing, delete, archive,
// unarchive, merge, list, search), companies (create or update, get, update,
// delete, list, scroll, attach and detach contacts), conversations (create
// from a contact, admin messages, get, update, list, search, reply as an
// admin or a contact, close, snooze, open, assign), tickets (create, get,
// update, reply, search) and ticket types (list, get), tags (create, rename,
// list, get, delete, tag and untag contacts, companies, conversations and
// tickets), notes, admins (seeded; GET /me, away mode), teams (seeded),
// data events (create, list, summaries) and data export jobs, which move
// from pending to in_progress to completed on successive status checks and
// whose download is a gzipped CSV with a row per message admins sent (POST
// /messages) in the job's range, by calendar day (the job ends no_data when
// there are none).
//
// Every other operation of the API answers with the example the OpenAPI
// description gives for it (embedded in fixtures/operations.json; regenerate
// it with go generate after the description changes).
//
// # Realistic behaviour
//
//   - The bearer token is checked (401 with code "unauthorized"), and so is
//     Intercom-Version: missing or not one of Intercom's versions (1.0 to
//     2.16, and Unstable) is a 400 with code "intercom_version_invalid".
//   - A request of version 2.10 to 2.16 for an endpoint that version does
//     not have (POST /conversations/{id}/run_assignment_rules from 2.12 on,
//     GET /conversations/deleted before 2.16, …) is a 400 with code
//     "intercom_version_invalid" and the message "Requested resource is not
//     available in current API version.", as the 2.16 description shows
//     Intercom answering. Other versions are not checked. Whatever the
//     version, the server answers with 2.10's shapes, and takes 2.10's
//     requests, except a ticket update (PUT /tickets/{id}): from 2.14 it
//     takes admin_id (an integer) and assignee_id at the top level and
//     refuses the assignment object earlier versions take. An endpoint of
//     a later version that it does not model yet is a 501 with code
//     "not_implemented" naming it.
//   - Errors are Intercom's error.list bodies, each with a request_id that
//     is also sent as X-Request-Id.
//   - Lists paginate as Intercom's do: cursors (per_page, starting_after)
//     for contacts, conversations and searches, page numbers for companies
//     and notes, links for a contact's companies and for data events.
//   - Searches evaluate every operator (= != IN NIN < <= > >= ~ !~ ^ $) and
//     nested AND/OR groups over the stored objects (see Search fields below).
//   - Every response carries X-RateLimit-Limit, X-RateLimit-Remaining and
//     X-RateLimit-Reset; WithRateLimit sets a limit beyond which the server
//     answers 429.
//   - Fault hooks: FailNext answers the next requests with an error status,
//     DropNext closes their connections without an answer, Delay slows every
//     answer down. Requests returns what the server received.
//
// # Search fields
//
// A field is a dotted path into the object as the API returns it
// ("email", "custom_attributes.plan", "source.author.email",
// "ticket_attributes._default_title_"); a path through a list matches any of
// its elements. Intercom's search-only names are understood too: tag_id and
// segment_id for contacts; contact_ids, teammate_ids and tag_ids for
// conversations and tickets; state, ticket_type_id, title and the default
// ticket attributes for tickets. A field the object does not have is a 400.
// Equality and IN compare exactly: two strings as text, a number with a
// number or a numeric string as numbers (so timestamps may be sent as
// strings, as in Intercom's examples); < <= > >= compare numbers, numeric
// strings and other strings; ~ !~ ^ $ ignore case. Null only equals null,
// and a negative operator (!=, NIN, !~) holds for a list field when it holds
// for every element. Unlike Intercom, which matches date fields by
// calendar day, timestamps compare to the second, and new objects are
// searchable at once (Intercom's index lags by a few seconds).
package intercomtest

//go:generate go test -run TestFixturesUpToDate -update
