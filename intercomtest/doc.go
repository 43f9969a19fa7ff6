// Package intercomtest is an in-process fake of the Intercom REST API,
// versions 2.10 to 2.16, for testing code that uses the intercom SDK
// without a network or a real workspace.
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
// Of the later versions' endpoints, these keep state too, in the requested
// version's shapes:
//
//   - Ticket states (2.12 and later): seeded (a state per category for
//     every ticket type, and "With Dev Team", a second in_progress state of
//     Bug Report: see the *TicketStateID constants), listed by GET
//     /ticket_states, and on each ticket type from 2.12. A ticket's
//     ticket_state is the state object (id, category, internal_label,
//     external_label) from 2.12 and the category string, with
//     ticket_state_internal_label and ticket_state_external_label beside it,
//     before. PUT /tickets/{id} moves and assigns a ticket with each
//     version's body: state (a category, up to 2.11) or ticket_state_id
//     (from 2.12); an assignment object (up to 2.13) or top-level admin_id
//     and assignee_id (from 2.14). A field of another version is a 400
//     naming it. POST /tickets takes created_at from 2.11, and an
//     assignment and a conversation_to_link_id (linked both ways) from
//     2.14. Ticket searches take state (the category) and, from 2.12,
//     ticket_state_id. From 2.16, POST /tickets/{id}/change_type moves a
//     ticket to another type of its category and one of that type's states,
//     and POST and DELETE /tickets/{id}/linked_conversations link and
//     unlink a conversation (both ways; the ticket's category is not
//     checked, though Intercom links to tracker tickets only).
//   - Custom object instances (2.13 and later), of any type identifier
//     (OrderCustomObjectType is the one the examples use): create or update
//     by external_id, get by id (or external id) and by external_id, list
//     (2.16: by page; references_contact_id and references_conversation_id
//     keep the instances with an attribute holding that id), delete by id
//     and by external_id.
//   - Internal articles (2.13 and later): create, get, update, delete, list
//     and search (every article: folders are not modelled); body_markdown,
//     audience_ids and the AI availability flags from 2.16.
//   - Conversations: DELETE /conversations/{id} (2.13 and later, with
//     retain_metrics) removes one; GET /conversations/deleted (2.16) lists
//     the deleted ids by page, newest first or oldest first, with a next
//     URL. POST /conversations/{id}/merge (2.16) closes the conversation,
//     links it to the target, moves its contacts there and returns the
//     target with a merged_primary_conversation part.
//   - Company notes: GET /companies/{id}/notes (2.15 and later) and POST
//     (2.16); GET /notes/{id} finds them too.
//   - Contacts and tickets (2.13 and later): GET
//     /contacts/find_by_external_id/{external_id} finds a user (not a lead),
//     POST /contacts/{id}/block answers for the contact (nothing else
//     changes), DELETE /tickets/{id} deletes a ticket.
//
// Every other endpoint of the API answers, on each version that has it,
// with the example that version's OpenAPI description gives for it (or one
// built from its schema where it gives none). They are embedded in
// fixtures/operations.json, each answer stored once for all the versions
// that share it; regenerate it with go generate after a description
// changes. A request of a version without a description gets the answer of
// the oldest version that has the endpoint (before 2.10) or of the newest
// (Unstable). A call's transcript is the text of the description's example;
// its recording redirects, as Intercom's does, to a URL on the server that
// serves a few bytes without the token.
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
//     Intercom answering. Other versions are not checked. The stateful
//     endpoints of 2.10 answer with 2.10's shapes on every version, except
//     for tickets and ticket types (above); the replayed ones with the
//     requested version's.
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
