package intercomtest_test

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// steppingClock is a clock that moves on only when told.
type steppingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *steppingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *steppingClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

var t0 = time.Date(2024, 5, 30, 9, 0, 0, 0, time.UTC)

// searchFixture is a workspace of four contacts created 100s apart.
type searchFixture struct {
	client *intercom.Client
	ctx    context.Context
	byName map[string]*intercom.Contact
	tagID  string
}

func newSearchFixture(t *testing.T) *searchFixture {
	clock := &steppingClock{now: t0}
	_, client, ctx := setup(t, intercomtest.WithClock(clock.Now))
	f := &searchFixture{client: client, ctx: ctx, byName: map[string]*intercom.Contact{}}
	for _, req := range []intercom.ContactCreateRequest{
		{Email: "ada@alpha.io", ExternalID: "u1", Name: intercom.Some("Ada Lovelace"),
			CustomAttributes: intercom.Some(map[string]any{"plan": "pro", "seats": 5, "beta": true})},
		{Email: "grace@beta.io", ExternalID: "u2", Name: intercom.Some("Grace Hopper"),
			CustomAttributes: intercom.Some(map[string]any{"plan": "free", "seats": 1})},
		{Email: "alan@alpha.io", Role: intercom.ContactRoleLead, Name: intercom.Some("Alan Turing"),
			CustomAttributes: intercom.Some(map[string]any{"plan": "pro", "seats": 12, "beta": false})},
		{Email: "kat@gamma.org", ExternalID: "u4", Name: intercom.Some("Katherine Johnson")},
	} {
		c, _, err := client.Contacts.Create(ctx, req)
		require.NoError(t, err)
		f.byName[first(c.Name)] = c
		clock.Advance(100 * time.Second)
	}
	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "vip"})
	require.NoError(t, err)
	f.tagID = tag.ID
	_, _, err = client.Contacts.AttachTag(ctx, string(f.byName["Grace"].ID), intercom.ContactAttachTagRequest{ID: f.tagID})
	require.NoError(t, err)
	return f
}

func first(name string) string {
	for i, r := range name {
		if r == ' ' {
			return name[:i]
		}
	}
	return name
}

// names runs a contact search and returns the first names found, sorted.
func (f *searchFixture) names(t *testing.T, q intercom.SearchFilter) []string {
	t.Helper()
	all, err := intercom.Collect(f.client.Contacts.SearchAll(f.ctx, intercom.SearchRequest{Query: q}))
	require.NoError(t, err)
	out := []string{}
	for _, c := range all {
		out = append(out, first(c.Name))
	}
	sort.Strings(out)
	return out
}

func ts(d time.Duration) string { return strconv.FormatInt(t0.Add(d).Unix(), 10) }

func TestSearchContactsOperatorByOperator(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t)
	S, I, B := intercom.StringValue, intercom.IntValue, intercom.BoolValue
	F := intercom.Filter
	cases := []struct {
		name string
		q    intercom.SearchFilter
		want []string
	}{
		{"= string", F("email", intercom.OpEquals, S("ada@alpha.io")), []string{"Ada"}},
		{"= is exact", F("email", intercom.OpEquals, S("ADA@alpha.io")), []string{}},
		{"= role", F("role", intercom.OpEquals, S("lead")), []string{"Alan"}},
		{"!=", F("role", intercom.OpNotEquals, S("user")), []string{"Alan"}},
		{"IN", F("external_id", intercom.OpIn, intercom.StringsValue("u1", "u4")), []string{"Ada", "Katherine"}},
		{"NIN (null is not in)", F("external_id", intercom.OpNotIn, intercom.StringsValue("u1", "u4")), []string{"Alan", "Grace"}},
		{"< timestamp as string", F("created_at", intercom.OpLessThan, S(ts(150*time.Second))), []string{"Ada", "Grace"}},
		{"<= boundary", F("created_at", intercom.OpLessOrEqual, S(ts(100*time.Second))), []string{"Ada", "Grace"}},
		{"> boundary", F("created_at", intercom.OpGreaterThan, S(ts(100*time.Second))), []string{"Alan", "Katherine"}},
		{">= integer", F("created_at", intercom.OpGreaterOrEqual, I(t0.Add(200*time.Second).Unix())), []string{"Alan", "Katherine"}},
		{"~ ignores case", F("name", intercom.OpContains, S("LOVE")), []string{"Ada"}},
		{"!~", F("email", intercom.OpNotContains, S("alpha")), []string{"Grace", "Katherine"}},
		{"^", F("email", intercom.OpStartsWith, S("ALAN")), []string{"Alan"}},
		{"$", F("email", intercom.OpEndsWith, S(".io")), []string{"Ada", "Alan", "Grace"}},
		{"custom attribute =", F("custom_attributes.plan", intercom.OpEquals, S("pro")), []string{"Ada", "Alan"}},
		{"custom attribute > number", F("custom_attributes.seats", intercom.OpGreaterThan, I(4)), []string{"Ada", "Alan"}},
		{"custom attribute < numeric string", F("custom_attributes.seats", intercom.OpLessThan, S("10")), []string{"Ada", "Grace"}},
		{"custom attribute = bool", F("custom_attributes.beta", intercom.OpEquals, B(true)), []string{"Ada"}},
		{"custom attribute = null (unset)", F("custom_attributes.beta", intercom.OpEquals, intercom.NullValue()), []string{"Grace", "Katherine"}},
		{"!= null", F("external_id", intercom.OpNotEquals, intercom.NullValue()), []string{"Ada", "Grace", "Katherine"}},
		{"IN integers", F("custom_attributes.seats", intercom.OpIn, intercom.IntsValue(1, 12)), []string{"Alan", "Grace"}},
		{"tag_id =", F("tag_id", intercom.OpEquals, S(f.tagID)), []string{"Grace"}},
		{"tag_id !=", F("tag_id", intercom.OpNotEquals, S(f.tagID)), []string{"Ada", "Alan", "Katherine"}},
		{"id =", F("id", intercom.OpEquals, S(string(f.byName["Katherine"].ID))), []string{"Katherine"}},
		{"nested path", F("location.country", intercom.OpEquals, intercom.NullValue()), []string{"Ada", "Alan", "Grace", "Katherine"}},
		{"AND of OR",
			intercom.And(
				F("role", intercom.OpEquals, S("user")),
				intercom.Or(F("email", intercom.OpEndsWith, S("alpha.io")), F("custom_attributes.seats", intercom.OpLessThan, I(2))),
			), []string{"Ada", "Grace"}},
		{"OR of AND",
			intercom.Or(
				intercom.And(F("role", intercom.OpEquals, S("lead")), F("custom_attributes.plan", intercom.OpEquals, S("pro"))),
				intercom.And(F("role", intercom.OpEquals, S("user")), F("email", intercom.OpStartsWith, S("kat"))),
			), []string{"Alan", "Katherine"}},
		{"AND with no match", intercom.And(F("role", intercom.OpEquals, S("lead")), F("email", intercom.OpEquals, S("ada@alpha.io"))), []string{}},
		{"OR of one", intercom.Or(F("name", intercom.OpEquals, S("Grace Hopper"))), []string{"Grace"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, f.names(t, tc.q))
		})
	}
}

func TestSearchContactsSeesUpdatesAndArchives(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t)
	q := intercom.Filter("custom_attributes.plan", intercom.OpEquals, intercom.StringValue("pro"))
	_, _, err := f.client.Contacts.Update(f.ctx, string(f.byName["Grace"].ID), intercom.ContactUpdateRequest{
		CustomAttributes: intercom.Some(map[string]any{"plan": "pro"})})
	require.NoError(t, err)
	require.Equal(t, []string{"Ada", "Alan", "Grace"}, f.names(t, q))
	_, _, err = f.client.Contacts.Archive(f.ctx, string(f.byName["Ada"].ID))
	require.NoError(t, err)
	require.Equal(t, []string{"Alan", "Grace"}, f.names(t, q), "archived contacts are not found")
}

func TestSearchPagination(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t)
	req := intercom.SearchRequest{
		Query:      intercom.Filter("email", intercom.OpContains, intercom.StringValue("@")),
		Pagination: intercom.SearchPagination{PerPage: 3},
	}
	var raw []byte
	p1, _, err := f.client.Contacts.Search(f.ctx, req, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, p1)
	require.Len(t, p1.Data, 3)
	require.Equal(t, 4, p1.TotalCount)
	require.Equal(t, 2, p1.Pages.TotalPages)
	require.NotEmpty(t, p1.Pages.Next.StartingAfter)

	req.Pagination.StartingAfter = p1.Pages.Next.StartingAfter
	p2, _, err := f.client.Contacts.Search(f.ctx, req)
	require.NoError(t, err)
	require.Len(t, p2.Data, 1)
	require.Equal(t, "Katherine Johnson", p2.Data[0].Name)
	require.False(t, p2.Pages.HasMore())

	def, _, err := f.client.Contacts.Search(f.ctx, intercom.SearchRequest{Query: req.Query})
	require.NoError(t, err)
	require.Equal(t, 50, def.Pages.PerPage)
}

func TestSearchRejectsBadQueries(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t)
	var apiErr *intercom.APIError

	_, _, err := f.client.Contacts.Search(f.ctx, intercom.SearchRequest{
		Query: intercom.And(intercom.Filter("emial", intercom.OpEquals, intercom.StringValue("x")))})
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	require.Equal(t, "query.value[0].field", apiErr.Errors[0].Field)
	require.Contains(t, apiErr.Errors[0].Message, `"emial"`)

	// Queries the SDK would refuse to send, sent raw.
	for name, body := range map[string]string{
		"three levels": `{"query":{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"}]}]}]}}`,
		"bad operator": `{"query":{"field":"role","operator":"LIKE","value":"user"}}`,
		"IN a string":  `{"query":{"field":"role","operator":"IN","value":"user"}}`,
		"per_page 200": `{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"per_page":200}}`,
		"not a query":  `{"query":"role=user"}`,
	} {
		_, err := f.client.Do(f.ctx, http.MethodPost, "/contacts/search", jsonRaw(body), nil)
		require.ErrorIs(t, err, intercom.ErrValidation, name)
	}
}

type jsonRaw string

func (j jsonRaw) MarshalJSON() ([]byte, error) { return []byte(j), nil }

func TestSearchConversations(t *testing.T) {
	t.Parallel()
	f := newSearchFixture(t)
	ctx, client := f.ctx, f.client
	start := func(name, body string) string {
		m, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
			From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: string(f.byName[name].ID)}, Body: body})
		require.NoError(t, err)
		return m.ConversationID
	}
	c1 := start("Ada", "Where is my invoice?")
	c2 := start("Grace", "Please close my account")
	c3 := start("Katherine", "Feature idea")
	_, _, err := client.Conversations.Assign(ctx, c1, intercom.ConversationAssignRequest{AdminID: intercomtest.AdminID, AssigneeID: intercomtest.SecondAdminID, Type: intercom.AssigneeAdmin})
	require.NoError(t, err)
	_, _, err = client.Conversations.Close(ctx, c2, intercom.ConversationCloseRequest{AdminID: intercomtest.SecondAdminID})
	require.NoError(t, err)
	_, _, err = client.Conversations.Snooze(ctx, c3, intercom.ConversationSnoozeRequest{AdminID: intercomtest.AdminID, SnoozedUntil: intercom.UnixTime(t0.Add(time.Hour))})
	require.NoError(t, err)
	_, _, err = client.Conversations.Assign(ctx, c3, intercom.ConversationAssignRequest{AdminID: intercomtest.AdminID, AssigneeID: intercomtest.SupportTeamID, Type: intercom.AssigneeTeam})
	require.NoError(t, err)
	_, _, err = client.Conversations.AttachTag(ctx, c2, intercom.ConversationAttachTagRequest{ID: f.tagID, AdminID: intercomtest.AdminID})
	require.NoError(t, err)

	ids := func(q intercom.SearchFilter) []string {
		t.Helper()
		all, err := intercom.Collect(client.Conversations.SearchAll(ctx, intercom.SearchRequest{Query: q, Pagination: intercom.SearchPagination{PerPage: 1}}))
		require.NoError(t, err)
		out := []string{}
		for _, c := range all {
			out = append(out, c.ID)
		}
		return out
	}
	S, F := intercom.StringValue, intercom.Filter
	require.Equal(t, []string{c2}, ids(F("state", intercom.OpEquals, S("closed"))))
	require.Equal(t, []string{c1, c3}, ids(F("open", intercom.OpEquals, intercom.BoolValue(true))))
	require.Equal(t, []string{c1}, ids(F("admin_assignee_id", intercom.OpEquals, intercom.IntValue(991267002))))
	require.Equal(t, []string{c1}, ids(F("admin_assignee_id", intercom.OpEquals, S(intercomtest.SecondAdminID))))
	require.Equal(t, []string{c3}, ids(F("team_assignee_id", intercom.OpEquals, S(intercomtest.SupportTeamID))))
	require.Equal(t, []string{c2, c3}, ids(F("admin_assignee_id", intercom.OpEquals, intercom.NullValue())))
	require.Equal(t, []string{c2}, ids(F("source.author.email", intercom.OpEquals, S("grace@beta.io"))))
	require.Equal(t, []string{c1, c2}, ids(F("source.body", intercom.OpContains, S("my"))))
	require.Equal(t, []string{c3}, ids(F("contact_ids", intercom.OpEquals, S(string(f.byName["Katherine"].ID)))))
	require.Equal(t, []string{c2}, ids(F("tag_ids", intercom.OpIn, intercom.StringsValue(f.tagID, "999"))))
	require.Equal(t, []string{c1, c2, c3}, ids(F("created_at", intercom.OpGreaterThan, S(ts(0)))))
	require.Equal(t, []string{c3}, ids(F("snoozed_until", intercom.OpGreaterThan, S(ts(0)))))
	require.Equal(t, []string{c1, c3}, ids(F("teammate_ids", intercom.OpEquals, S(intercomtest.AdminID))),
		"admins who managed the conversation are teammates")
	require.Equal(t, []string{c3}, ids(intercom.And(
		F("state", intercom.OpIn, intercom.StringsValue("snoozed", "closed")),
		intercom.Or(F("team_assignee_id", intercom.OpNotEquals, intercom.NullValue()), F("source.author.email", intercom.OpEndsWith, S(".org"))),
	)))

	var raw []byte
	res, _, err := client.Conversations.Search(ctx, intercom.SearchRequest{Query: F("state", intercom.OpEquals, S("open"))}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, res)
	require.Equal(t, 20, res.Pages.PerPage)
	require.Empty(t, res.Conversations[0].ConversationParts.ConversationParts, "search results carry no parts")

	_, _, err = client.Conversations.Search(ctx, intercom.SearchRequest{Query: F("stat", intercom.OpEquals, S("open"))})
	require.ErrorIs(t, err, intercom.ErrValidation)
}
