package intercom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom/internal/spectest"
	"github.com/stretchr/testify/require"
)

const contactTestID = "63a07ddf05a32042dffac965"

// contactPageJSON renders a contact list page with the given ids and next
// cursor ("" for none).
func contactPageJSON(next string, ids ...string) string {
	data := make([]map[string]any, len(ids))
	for i, id := range ids {
		data[i] = map[string]any{"type": "contact", "id": id, "role": "user", "email": id + "@example.com"}
	}
	pages := map[string]any{"type": "pages", "page": 1, "per_page": len(ids), "total_pages": 2}
	if next != "" {
		pages["next"] = map[string]any{"per_page": len(ids), "starting_after": next}
	}
	b, _ := json.Marshal(map[string]any{"type": "list", "data": data, "total_count": 3, "pages": pages})
	return string(b)
}

func contactIDs(cs []Contact) []ID {
	out := make([]ID, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func TestContactsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()

	got, rec := exercise(t, srv, "ListContacts", "Contacts.List", func() (*ContactList, *Response, error) {
		return c.Contacts.List(ctx, nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Equal(t, 10, got.Pages.PerPage)
	require.Empty(t, got.Data)
	require.False(t, got.Pages.HasMore())

	opt := &ContactListOptions{PerPage: 2, StartingAfter: "WzE3MTcwMjE3OTEwMDAsIjY2NTdhYyJd"}
	_, _, err := c.Contacts.List(ctx, opt)
	require.NoError(t, err)
	rec = srv.LastRequest()
	require.Equal(t, "ListContacts", rec.OperationID)
	testQuery(t, rec, "per_page=2&starting_after=WzE3MTcwMjE3OTEwMDAsIjY2NTdhYyJd")
}

func TestContactsListAllPagesLazily(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("ListContacts", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("starting_after") {
		case "":
			_, _ = io.WriteString(w, contactPageJSON("cursor-2", "c1", "c2"))
		case "cursor-2":
			_, _ = io.WriteString(w, contactPageJSON("", "c3"))
		default:
			w.WriteHeader(http.StatusBadRequest)
		}
	})

	opt := &ContactListOptions{PerPage: 2}
	all, err := Collect(c.Contacts.ListAll(ctx, opt))
	require.NoError(t, err)
	require.Equal(t, []ID{"c1", "c2", "c3"}, contactIDs(all))
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "per_page=2&starting_after=cursor-2")
	require.Equal(t, ContactListOptions{PerPage: 2}, *opt, "the caller's options must not change")

	// Breaking out after the first contact sends no further request.
	before := len(srv.Requests())
	for ct, err := range c.Contacts.ListAll(ctx, nil) {
		require.NoError(t, err)
		require.Equal(t, ID("c1"), ct.ID)
		break
	}
	require.Len(t, srv.Requests(), before+1)
	testQuery(t, srv.LastRequest(), "")
}

func TestContactsListAllStalledCursor(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	page := 0 // new items on every page, so that only the cursor repeats
	srv.RespondFunc("ListContacts", func(w http.ResponseWriter, r *http.Request) {
		page++
		_, _ = io.WriteString(w, contactPageJSON("same", fmt.Sprintf("c%d", page)))
	})
	var ids []ID
	var gotErr error
	for ct, err := range c.Contacts.ListAll(context.Background(), nil) {
		if err != nil {
			gotErr = err
			break
		}
		ids = append(ids, ct.ID)
	}
	require.ErrorIs(t, gotErr, ErrCursorStalled)
	require.Equal(t, []ID{"c1", "c2"}, ids)
	require.Len(t, srv.Requests(), 2)
}

func TestContactsCreate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()

	req := ContactCreateRequest{Email: "joebloggs@intercom.io", Phone: Null[string](), Name: Some("Joe Bloggs")}
	got, rec := exercise(t, srv, "CreateContact", "Contacts.Create", func() (*Contact, *Response, error) {
		return c.Contacts.Create(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"email":"joebloggs@intercom.io","phone":null,"name":"Joe Bloggs"}`)
	require.Equal(t, "application/json", rec.Header.Get("Content-Type"))

	require.Equal(t, ID("6657ac676abd0166b52ae248"), got.ID)
	require.Equal(t, "this_is_an_id272_that_should_be_at_least_", got.WorkspaceID)
	require.Equal(t, ContactRoleUser, got.Role)
	require.Equal(t, "joebloggs@intercom.io", got.Email)
	require.Equal(t, Timestamp(1717021799), got.CreatedAt)
	require.Zero(t, got.SignedUpAt)
	require.Equal(t, "location", got.Location.Type)
	require.Equal(t, "/contacts/6657ac676abd0166b52ae248/tags", got.Tags.URL)
	require.Equal(t, "/contacts/6657ac676abd0166b52ae248/subscriptions", got.OptedInSubscriptionTypes.URL)
	require.Equal(t, "list", got.SocialProfiles.Type)
	require.NotNil(t, got.CustomAttributes)

	// A role alone or an external id alone is enough.
	_, _, err := c.Contacts.Create(ctx, ContactCreateRequest{Role: ContactRoleLead})
	require.NoError(t, err)
	require.JSONEq(t, `{"role":"lead"}`, string(srv.LastRequest().Body))
	_, _, err = c.Contacts.Create(ctx, ContactCreateRequest{ExternalID: "ext-1", OwnerID: Some("123"),
		SignedUpAt: Some(Timestamp(1571672154)), CustomAttributes: Some(map[string]any{"paid_subscriber": true, "monthly_spend": 155.5})})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"external_id":"ext-1","signed_up_at":1571672154,"custom_attributes":{"monthly_spend":155.5,"paid_subscriber":true},"owner_id":123}`)
}

func TestContactsCreateValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	for _, req := range []ContactCreateRequest{
		{},
		{Name: Some("Ada"), Phone: Some("+353871234567")},
		{Email: "  ", ExternalID: " "},
	} {
		_, resp, err := c.Contacts.Create(context.Background(), req)
		require.ErrorIs(t, err, ErrInvalidRequest)
		require.Nil(t, resp)
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, "email", ie.Field)
	}
	require.Empty(t, srv.Requests())
}

func TestContactsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "ShowContact", "Contacts.Get", func() (*Contact, *Response, error) {
		return c.Contacts.Get(context.Background(), contactTestID, nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/"+contactTestID)
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("6657ac5f6abd0166b52ae242"), got.ID)
	require.Equal(t, "70", got.ExternalID)
	require.Equal(t, "Joe Bloggs", got.Name)
	require.Equal(t, "joe@bloggs.com", got.Email)
	require.Equal(t, Timestamp(1717021791), got.SignedUpAt)
	require.Empty(t, got.Phone)
	require.Empty(t, got.OwnerID)
	require.Zero(t, got.Avatar)

	// 2.16 takes include_merge_history; earlier versions refuse it unsent.
	c16, srv16 := newSpecClientAt(t, "2.16")
	_, _, err := c16.Contacts.Get(context.Background(), contactTestID, &ContactGetOptions{IncludeMergeHistory: true})
	require.NoError(t, err)
	testQuery(t, srv16.LastRequest(), "include_merge_history=true")
	before := len(srv.Requests())
	_, _, err = c.Contacts.Get(context.Background(), contactTestID, &ContactGetOptions{IncludeMergeHistory: true})
	requireVersionErr(t, err, "2.10", http.MethodGet, "/contacts/{id}", "ShowContact", "include_merge_history", "2.16")
	require.Len(t, srv.Requests(), before, "nothing sent")
}

func TestContactsDecodesFullContact(t *testing.T) {
	t.Parallel()
	// Fields the spec examples leave null, with the shapes Intercom sends.
	body := `{"type":"contact","id":"c1","owner_id":123,"avatar":{"type":"avatar","image_url":"https://example.org/a.jpg"},
	  "social_profiles":{"type":"list","data":[{"type":"social_profile","name":"Twitter","url":"http://twitter.com/th1sland"}]},
	  "location":{"type":"location","country":"Ireland","region":"Dublin","city":"Dublin","country_code":"IRL","continent_code":"EU"},
	  "tags":{"type":"list","data":[{"type":"tag","id":"124","url":"/tags/124"}],"url":"/contacts/c1/tags","total_count":11,"has_more":true},
	  "companies":{"type":"list","data":[{"type":"company","id":"5ba6","url":"/companies/5ba6"}],"url":"/contacts/c1/companies","total_count":1,"has_more":false},
	  "custom_attributes":{"plan":"pro","seats":3,"trial":false,"meta":{"a":1},"gone":null},
	  "last_seen_at":1571672154,"ios_last_seen_at":1571672155,"utm_source":"newsletter","referrer":"https://example.com/pricing","role":"lead"}`
	var ct Contact
	require.NoError(t, Unmarshal([]byte(body), &ct))
	require.Equal(t, ID("123"), ct.OwnerID)
	require.Equal(t, "https://example.org/a.jpg", ct.Avatar.ImageURL)
	require.Equal(t, "Twitter", ct.SocialProfiles.Data[0].Name)
	require.Equal(t, "IRL", ct.Location.CountryCode)
	require.Equal(t, ID("124"), ct.Tags.Data[0].ID)
	require.True(t, ct.Tags.HasMore)
	require.Equal(t, 11, ct.Tags.TotalCount)
	require.Equal(t, "/companies/5ba6", ct.Companies.Data[0].URL)
	require.Equal(t, "pro", ct.CustomAttributes["plan"])
	require.Equal(t, map[string]any{"a": float64(1)}, ct.CustomAttributes["meta"])
	require.Contains(t, ct.CustomAttributes, "gone")
	require.Equal(t, time.Unix(1571672154, 0).UTC(), ct.LastSeenAt.Time())
	require.Equal(t, Timestamp(1571672155), ct.IOSLastSeenAt)
	require.Equal(t, "newsletter", ct.UTMSource)
	require.Equal(t, "https://example.com/pricing", ct.Referrer)
	require.Equal(t, ContactRoleLead, ct.Role)

	// A null avatar decodes as the zero value.
	var withNull Contact
	require.NoError(t, json.Unmarshal([]byte(`{"avatar":null}`), &withNull))
	require.Zero(t, withNull.Avatar)

	var unknown Contact
	require.NoError(t, json.Unmarshal([]byte(`{"role":"visitor","brand_new_field":1}`), &unknown))
	require.Equal(t, ContactRole("visitor"), unknown.Role)
}

func TestContactsUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	req := ContactUpdateRequest{Email: Some("joebloggs@intercom.io"), Name: Some("joe bloggs"), Phone: Null[string]()}
	got, rec := exercise(t, srv, "UpdateContact", "Contacts.Update", func() (*Contact, *Response, error) {
		return c.Contacts.Update(context.Background(), contactTestID, req)
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/contacts/"+contactTestID)
	testQuery(t, rec, "")
	// Null sends null; the fields left alone are not sent at all.
	testJSONBody(t, rec, `{"email":"joebloggs@intercom.io","phone":null,"name":"joe bloggs"}`)
	require.Equal(t, ID("6657ac5e6abd0166b52ae241"), got.ID)
	require.Equal(t, "joe bloggs", got.Name)
	require.Empty(t, got.Phone)
}

func TestContactsUpdateRequestTriState(t *testing.T) {
	t.Parallel()
	enc := func(r ContactUpdateRequest) string {
		t.Helper()
		b, err := json.Marshal(r)
		require.NoError(t, err)
		return string(b)
	}
	// Omitted: nothing is sent.
	require.Equal(t, `{}`, enc(ContactUpdateRequest{}))
	// Null: every clearable field is sent as null.
	require.Equal(t, `{"phone":null,"name":null,"avatar":null,"signed_up_at":null,"last_seen_at":null,"unsubscribed_from_emails":null,"custom_attributes":null,"owner_id":null}`,
		enc(ContactUpdateRequest{
			Phone: Null[string](), Name: Null[string](), Avatar: Null[string](), SignedUpAt: Null[Timestamp](),
			LastSeenAt: Null[Timestamp](), OwnerID: Null[ID](), UnsubscribedFromEmails: Null[bool](),
			CustomAttributes: Null[map[string]any](),
		}))
	// Values, including the zero values that omitempty would have dropped.
	require.Equal(t, `{"role":"user","external_id":"e1","email":"a@b.c","phone":"","name":"Ada","avatar":"https://x/a.png","signed_up_at":0,"last_seen_at":1571672154,"unsubscribed_from_emails":false,"custom_attributes":{"plan":null},"owner_id":"0"}`,
		enc(ContactUpdateRequest{
			Role: ContactRoleUser, ExternalID: Some("e1"), Email: Some("a@b.c"), Phone: Some(""), Name: Some("Ada"),
			Avatar: Some("https://x/a.png"), SignedUpAt: Some(Timestamp(0)), LastSeenAt: Some(Timestamp(1571672154)),
			OwnerID: Some("0"), UnsubscribedFromEmails: Some(false), CustomAttributes: Some(map[string]any{"plan": nil}),
		}))

	// The same on the wire, through the spec server (which accepts the nulls).
	c, srv := newSpecClient(t)
	_, _, err := c.Contacts.Update(context.Background(), contactTestID, ContactUpdateRequest{
		OwnerID: Null[ID](), UnsubscribedFromEmails: Some(true), CustomAttributes: Null[map[string]any](),
	})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"unsubscribed_from_emails":true,"custom_attributes":null,"owner_id":null}`)
}

func TestContactsDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "DeleteContact", "Contacts.Delete", func() (*ContactDeleted, *Response, error) {
		return c.Contacts.Delete(context.Background(), contactTestID)
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/contacts/"+contactTestID)
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("6657ac616abd0166b52ae243"), got.ID)
	require.Equal(t, "70", got.ExternalID)
	require.True(t, got.Deleted)
}

func TestContactsMerge(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "MergeContact", "Contacts.Merge", func() (*Contact, *Response, error) {
		return c.Contacts.Merge(context.Background(), ContactMergeRequest{From: "6657ac626abd0166b52ae244", Into: "6657ac626abd0166b52ae245"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/merge")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"from":"6657ac626abd0166b52ae244","into":"6657ac626abd0166b52ae245"}`)
	require.Equal(t, ID("6657ac626abd0166b52ae245"), got.ID)

	for _, req := range []ContactMergeRequest{{Into: "u"}, {From: "l"}, {From: " ", Into: "u"}} {
		_, _, err := c.Contacts.Merge(context.Background(), req)
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), 1)
}

func TestContactsSearch(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	req := SearchRequest{
		Query:      And(Filter("created_at", OpGreaterThan, StringValue("1306054154"))),
		Pagination: SearchPagination{PerPage: 5},
	}
	got, rec := exercise(t, srv, "SearchContacts", "Contacts.Search", func() (*ContactList, *Response, error) {
		return c.Contacts.Search(context.Background(), req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/search")
	testQuery(t, rec, "")
	require.JSONEq(t, string(spectestRequestExample(t, "SearchContacts")), string(rec.Body))
	require.JSONEq(t, `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5}}`, string(rec.Body))
	require.Equal(t, "list", got.Type)
	require.Equal(t, 5, got.Pages.PerPage)
	require.Empty(t, got.Data)
}

// spectestRequestExample returns the first request-body example of opID.
func spectestRequestExample(t *testing.T, opID string) []byte {
	t.Helper()
	for _, op := range spectest.Operations() {
		if op.ID != opID {
			continue
		}
		doc := spectest.Doc()
		o := doc.Paths.Find(op.Path).GetOperation(op.Method)
		for _, ex := range o.RequestBody.Value.Content["application/json"].Examples {
			b, err := json.Marshal(ex.Value.Value)
			require.NoError(t, err)
			return b
		}
	}
	require.FailNow(t, "no request example for "+opID)
	return nil
}

func TestContactsSearchValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	bad := []SearchRequest{
		{}, // no query
		{Query: Filter("email", OpIn, StringValue("a@b.c"))},                                                 // IN takes a list
		{Query: Filter("email", OpEquals, StringValue("a@b.c")), Pagination: SearchPagination{PerPage: 151}}, // over 150
		{Query: And(Or(And(Filter("name", OpContains, StringValue("Ada")))))},                                // nested too deep
	}
	for i, req := range bad {
		_, resp, err := c.Contacts.Search(ctx, req)
		require.ErrorIs(t, err, ErrInvalidRequest, "case %d", i)
		require.Nil(t, resp)
		for _, err := range c.Contacts.SearchAll(ctx, req) {
			require.ErrorIs(t, err, ErrInvalidRequest, "case %d", i)
		}
	}
	require.Empty(t, srv.Requests())
}

func TestContactsSearchRetriesLikeAGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t, WithRetryPolicy(RetryPolicy{MaxRetries: 1, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}))
	calls := 0
	srv.RespondFunc("SearchContacts", func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, contactPageJSON("", "c1"))
	})
	got, _, err := c.Contacts.Search(context.Background(), SearchRequest{Query: Filter("email", OpEquals, StringValue("a@b.c"))})
	require.NoError(t, err)
	require.Equal(t, []ID{"c1"}, contactIDs(got.Data))
	require.Len(t, srv.Requests(), 2, "a search changes nothing, so a 503 is retried")
}

func TestContactsSearchAllPagesLazily(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("SearchContacts", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Pagination *SearchPagination `json:"pagination"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		switch {
		case body.Pagination == nil || body.Pagination.StartingAfter == "":
			_, _ = io.WriteString(w, contactPageJSON("cursor-2", "c1", "c2"))
		case body.Pagination.StartingAfter == "cursor-2":
			_, _ = io.WriteString(w, contactPageJSON("", "c3"))
		default:
			w.WriteHeader(http.StatusBadRequest)
		}
	})

	req := SearchRequest{Query: Filter("role", OpEquals, StringValue("user")), Pagination: SearchPagination{PerPage: 2}}
	all, err := Collect(c.Contacts.SearchAll(ctx, req))
	require.NoError(t, err)
	require.Equal(t, []ID{"c1", "c2", "c3"}, contactIDs(all))
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testJSONBody(t, reqs[0], `{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"per_page":2}}`)
	testJSONBody(t, reqs[1], `{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"per_page":2,"starting_after":"cursor-2"}}`)
	require.Equal(t, SearchPagination{PerPage: 2}, req.Pagination, "the caller's request must not change")

	// Without pagination the first request sends none; the second only the cursor.
	noPg := SearchRequest{Query: Filter("role", OpEquals, StringValue("user"))}
	all, err = Collect(c.Contacts.SearchAll(ctx, noPg))
	require.NoError(t, err)
	require.Len(t, all, 3)
	reqs = srv.Requests()[2:]
	require.Len(t, reqs, 2)
	testJSONBody(t, reqs[0], `{"query":{"field":"role","operator":"=","value":"user"}}`)
	testJSONBody(t, reqs[1], `{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"starting_after":"cursor-2"}}`)
	require.Zero(t, noPg.Pagination)

	// Breaking out after the first contact sends no further request.
	before := len(srv.Requests())
	n := 0
	for _, err := range c.Contacts.SearchAll(ctx, req) {
		require.NoError(t, err)
		n++
		break
	}
	require.Equal(t, 1, n)
	require.Len(t, srv.Requests(), before+1)
}

func TestContactsArchiveUnarchive(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	arch, rec := exercise(t, srv, "ArchiveContact", "Contacts.Archive", func() (*ContactArchived, *Response, error) {
		return c.Contacts.Archive(ctx, contactTestID)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/"+contactTestID+"/archive")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("6657ac686abd0166b52ae249"), arch.ID)
	require.True(t, arch.Archived)

	un, rec := exercise(t, srv, "UnarchiveContact", "Contacts.Unarchive", func() (*ContactUnarchived, *Response, error) {
		return c.Contacts.Unarchive(ctx, contactTestID)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/"+contactTestID+"/unarchive")
	testNoBody(t, rec)
	require.Equal(t, ID("6657ac696abd0166b52ae24a"), un.ID)
	require.Equal(t, "70", un.ExternalID)
	require.False(t, un.Archived)
}

func TestContactsListCompanies(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "listCompaniesForAContact", "Contacts.ListCompanies", func() (*ContactAttachedCompanies, *Response, error) {
		return c.Contacts.ListCompanies(ctx, contactTestID, nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/"+contactTestID+"/companies")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("6657ac486abd0166b52ae21a"), got.Data[0].ID)
	require.Equal(t, "1", got.Data[0].CompanyID)
	require.Equal(t, "company12", got.Data[0].Name)
	require.Equal(t, 1, got.TotalCount)
	require.Equal(t, 1, got.Pages.TotalPages)
	require.False(t, got.Pages.HasMore())

	_, _, err := c.Contacts.ListCompanies(ctx, contactTestID, &ContactListCompaniesOptions{Page: 2, PerPage: 5})
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "page=2&per_page=5")

	// The description names the array "companies"; that shape decodes too.
	var l ContactAttachedCompanies
	require.NoError(t, json.Unmarshal([]byte(`{"type":"list","companies":[{"type":"company","id":"x"}],"total_count":1}`), &l))
	require.Equal(t, ID("x"), l.Data[0].ID)
}

// companiesPageJSON renders page page of total of a contact's companies,
// with next as the pages.next value (a JSON literal).
func companiesPageJSON(page, total int, next string, ids ...string) string {
	data := make([]string, len(ids))
	for i, id := range ids {
		data[i] = fmt.Sprintf(`{"type":"company","id":%q,"name":"co %s"}`, id, id)
	}
	list := "[]"
	if len(data) > 0 {
		list = "[" + strings.Join(data, ",") + "]"
	}
	return fmt.Sprintf(`{"type":"list","data":%s,"pages":{"type":"pages","next":%s,"page":%d,"per_page":%d,"total_pages":%d},"total_count":3}`,
		list, next, page, len(ids), total)
}

func TestContactsListCompaniesAllFollowsPageNumberNotHost(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("listCompaniesForAContact", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "":
			// The link points at another host: only its page number may be used.
			_, _ = io.WriteString(w, companiesPageJSON(1, 2, `"https://evil.example.com/contacts/x/companies?page=2&per_page=2"`, "co1", "co2"))
		case "2":
			_, _ = io.WriteString(w, companiesPageJSON(2, 2, "null", "co3"))
		default:
			w.WriteHeader(http.StatusBadRequest)
		}
	})
	opt := &ContactListCompaniesOptions{PerPage: 2}
	var ids []ID
	for co, err := range c.Contacts.ListCompaniesAll(ctx, contactTestID, opt) {
		require.NoError(t, err)
		ids = append(ids, co.ID)
	}
	require.Equal(t, []ID{"co1", "co2", "co3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	for _, r := range reqs {
		testPath(t, r, "/contacts/"+contactTestID+"/companies")
	}
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, ContactListCompaniesOptions{PerPage: 2}, *opt)

	// Breaking out after the first company sends no further request.
	before := len(srv.Requests())
	for _, err := range c.Contacts.ListCompaniesAll(ctx, contactTestID, nil) {
		require.NoError(t, err)
		break
	}
	require.Len(t, srv.Requests(), before+1)
}

func TestContactsListCompaniesAllStopsOnBackwardLink(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.RespondFunc("listCompaniesForAContact", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, companiesPageJSON(1, 3, `"https://api.intercom.io/contacts/x/companies?page=1"`, "co1"))
	})
	var ids []ID
	var gotErr error
	for co, err := range c.Contacts.ListCompaniesAll(context.Background(), contactTestID, nil) {
		if err != nil {
			gotErr = err
			continue
		}
		ids = append(ids, co.ID)
	}
	require.ErrorIs(t, gotErr, ErrCursorStalled)
	require.ErrorContains(t, gotErr, "page 1 links to page 1")
	require.Equal(t, []ID{"co1"}, ids, "the page's companies are yielded before the error")
	require.Len(t, srv.Requests(), 1)
}

func TestContactsCompaniesNextPage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		pages Pages
		items int
		want  string
	}{
		{"link", Pages{Page: 1, TotalPages: 3, Next: PageNext{URL: "https://api.intercom.io/contacts/a/companies?per_page=50&page=2"}}, 1, "2"},
		{"relative link", Pages{Next: PageNext{URL: "/contacts/a/companies?page=7"}}, 1, "7"},
		{"no link, more pages", Pages{Page: 2, TotalPages: 3}, 1, "3"},
		{"last page", Pages{Page: 3, TotalPages: 3}, 1, ""},
		{"link without page", Pages{Page: 1, TotalPages: 1, Next: PageNext{URL: "https://api.intercom.io/x"}}, 1, ""},
		{"empty page", Pages{Page: 1, TotalPages: 3, Next: PageNext{URL: "/x?page=2"}}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, contactCompaniesNextPage(tc.pages, tc.items))
		})
	}
}

func TestContactsListSegments(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listSegmentsForAContact", "Contacts.ListSegments", func() (*ContactSegments, *Response, error) {
		return c.Contacts.ListSegments(context.Background(), contactTestID)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/"+contactTestID+"/segments")
	testQuery(t, rec, "")
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("6657ac4e6abd0166b52ae22a"), got.Data[0].ID)
	require.Equal(t, SegmentPersonUser, got.Data[0].PersonType)
	require.Equal(t, Timestamp(1717021774), got.Data[0].CreatedAt)
}

func TestContactsListSubscriptions(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listSubscriptionsForAContact", "Contacts.ListSubscriptions", func() (*SubscriptionTypeList, *Response, error) {
		return c.Contacts.ListSubscriptions(context.Background(), contactTestID)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/"+contactTestID+"/subscriptions")
	testQuery(t, rec, "")
	require.Len(t, got.Data, 2)
	require.Equal(t, ID("139"), got.Data[0].ID)
	require.Equal(t, SubscriptionConsentOptOut, got.Data[0].ConsentType)
	require.Equal(t, SubscriptionConsentOptIn, got.Data[1].ConsentType)
	require.Equal(t, []SubscriptionContentType{SubscriptionContentSMSMessage}, got.Data[1].ContentTypes)
}

func TestContactsListTags(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listTagsForAContact", "Contacts.ListTags", func() (*TagList, *Response, error) {
		return c.Contacts.ListTags(context.Background(), contactTestID)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/contacts/"+contactTestID+"/tags")
	testQuery(t, rec, "")
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("124"), got.Data[0].ID)
	require.Equal(t, "Manual tag", got.Data[0].Name)
	require.Equal(t, ID("456"), got.Data[0].AppliedBy.ID)
	require.Equal(t, Timestamp(1663597223), got.Data[0].AppliedAt)
}

func TestContactsNotFound(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.Respond("listSegmentsForAContact", http.StatusNotFound, "Contact not found")
	got, resp, err := c.Contacts.ListSegments(context.Background(), "missing")
	require.Nil(t, got)
	require.NotNil(t, resp)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	require.ErrorIs(t, err, ErrNotFound)
	require.NotErrorIs(t, err, ErrInvalidRequest)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	require.Equal(t, "error.list", apiErr.Type)
	require.Equal(t, "2efc9471-95f0-4bc2-987f-78bb324b21e2", apiErr.RequestID)
	require.Equal(t, []ErrorEntry{{Code: "not_found", Message: "User Not Found"}}, apiErr.Errors)
	require.True(t, apiErr.HasCode("not_found"))
	testPath(t, srv.LastRequest(), "/contacts/missing/segments")
}

func TestContactsEmptyPathIDs(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	calls := map[string]func(id string) error{
		"Get": func(id string) error { _, _, err := c.Contacts.Get(ctx, id, nil); return err },
		"Update": func(id string) error {
			_, _, err := c.Contacts.Update(ctx, id, ContactUpdateRequest{Name: Some("x")})
			return err
		},
		"Delete":            func(id string) error { _, _, err := c.Contacts.Delete(ctx, id); return err },
		"Archive":           func(id string) error { _, _, err := c.Contacts.Archive(ctx, id); return err },
		"Unarchive":         func(id string) error { _, _, err := c.Contacts.Unarchive(ctx, id); return err },
		"ListCompanies":     func(id string) error { _, _, err := c.Contacts.ListCompanies(ctx, id, nil); return err },
		"ListSegments":      func(id string) error { _, _, err := c.Contacts.ListSegments(ctx, id); return err },
		"ListSubscriptions": func(id string) error { _, _, err := c.Contacts.ListSubscriptions(ctx, id); return err },
		"ListTags":          func(id string) error { _, _, err := c.Contacts.ListTags(ctx, id); return err },
		"ListCompaniesAll": func(id string) error {
			_, err := Collect(c.Contacts.ListCompaniesAll(ctx, id, nil))
			return err
		},
	}
	for name, call := range calls {
		for _, id := range []string{"", "  "} {
			err := call(id)
			require.ErrorIs(t, err, ErrInvalidRequest, name)
			var ie *InvalidRequestError
			require.True(t, errors.As(err, &ie), name)
			require.Contains(t, []string{"id", "contact_id"}, ie.Field, name)
		}
	}
	require.Empty(t, srv.Requests())
}

func TestContactsPathIDIsEscaped(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	_, _, err := c.Contacts.Get(context.Background(), "a b?c", nil)
	require.NoError(t, err)
	rec := srv.LastRequest()
	require.Equal(t, "ShowContact", rec.OperationID)
	testPath(t, rec, "/contacts/a%20b%3Fc")
	testQuery(t, rec, "")
}
