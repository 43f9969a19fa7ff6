package intercom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompaniesCreateOrUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := CompanyCreateOrUpdateRequest{
		CompanyID:        "company_remote_id",
		Name:             "my company",
		RemoteCreatedAt:  1374138000,
		Industry:         "Manufacturing",
		CustomAttributes: map[string]any{"industry": "manufacturing"},
	}
	got, rec := exercise(t, srv, "createOrUpdateCompany", "Companies.CreateOrUpdate", func() (*Company, *Response, error) {
		return c.Companies.CreateOrUpdate(ctx, req)
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/companies")
	testQuery(t, rec, "")
	// Zero fields are left out; exact bytes, in field order.
	testJSONBody(t, rec, `{"company_id":"company_remote_id","name":"my company","industry":"Manufacturing",`+
		`"custom_attributes":{"industry":"manufacturing"},"remote_created_at":1374138000}`)
	require.Equal(t, "application/json", rec.Header.Get("Content-Type"))

	require.Equal(t, ID("6657ac2e6abd0166b52ae1a7"), got.ID)
	require.Equal(t, "company_remote_id", got.CompanyID)
	require.Equal(t, "my company", got.Name)
	require.Equal(t, Timestamp(1374138000), got.RemoteCreatedAt)
	require.Equal(t, Timestamp(1717021743), got.CreatedAt)
	require.Equal(t, "tag.list", got.Tags.Type)
	require.Equal(t, "segment.list", got.Segments.Type)
	require.Equal(t, "manufacturing", got.CustomAttributes["industry"])

	// Every field set: the whole request shape.
	full := CompanyCreateOrUpdateRequest{CompanyID: "c1", Name: "Acme", Plan: "Pro", Size: Some(100), Website: "https://acme.test",
		Industry: "Software", CustomAttributes: map[string]any{"tier": "gold"}, RemoteCreatedAt: 1394531169, MonthlySpend: Some(1000)}
	_, _, err := c.Companies.CreateOrUpdate(ctx, full)
	require.NoError(t, err)
	require.JSONEq(t, `{"company_id":"c1","name":"Acme","plan":"Pro","size":100,"website":"https://acme.test",
		"industry":"Software","custom_attributes":{"tier":"gold"},"remote_created_at":1394531169,"monthly_spend":1000}`, string(srv.LastRequest().Body))
}

func TestCompaniesCreateOrUpdateBadRequest(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.Respond("createOrUpdateCompany", 400, "Bad Request")
	_, _, err := c.Companies.CreateOrUpdate(context.Background(), CompanyCreateOrUpdateRequest{Name: "x"})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 400, apiErr.StatusCode)
	require.True(t, apiErr.HasCode("bad_request"))
	require.Equal(t, "bad 'test' parameter", apiErr.Errors[0].Message)
}

func TestCompaniesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	opt := &CompanyListOptions{Name: "my company", TagID: "678910", SegmentID: "98765", Page: 2, PerPage: 15}
	got, rec := exercise(t, srv, "retrieveCompany", "Companies.List", func() (*CompanyList, *Response, error) {
		return c.Companies.List(ctx, opt)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/companies")
	testQuery(t, rec, "name=my+company&page=2&per_page=15&segment_id=98765&tag_id=678910")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("6657ac306abd0166b52ae1af"), got.Data[0].ID)
	require.Equal(t, 4, got.Data[0].UserCount)
	require.Equal(t, 1, got.TotalCount)
	require.Equal(t, 1, got.Pages.TotalPages)
	require.Equal(t, 2, opt.Page, "options must not be modified")

	// No options: no query.
	_, _, err := c.Companies.List(ctx, nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")

	// A lookup by company_id answers with a single company, not a list.
	srv.RespondJSON("retrieveCompany", 200, string(srv.Example("RetrieveACompanyById", 200, "")))
	one, _, err := c.Companies.List(ctx, &CompanyListOptions{CompanyID: "1"})
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "company_id=1")
	require.Len(t, one.Data, 1)
	require.Equal(t, ID("6657ac336abd0166b52ae1ba"), one.Data[0].ID)
	require.Equal(t, "company1", one.Data[0].Name)
	require.Equal(t, 1, one.TotalCount)
}

// companyPage renders a page-number page of companies with the given ids.
func companyPage(page, totalPages int, ids ...string) string {
	data := make([]map[string]any, len(ids))
	for i, id := range ids {
		data[i] = map[string]any{"type": "company", "id": id, "name": "company " + id}
	}
	b, _ := json.Marshal(map[string]any{
		"type": "list", "data": data, "total_count": 3,
		"pages": map[string]any{"type": "pages", "next": nil, "page": page, "per_page": 2, "total_pages": totalPages},
	})
	return string(b)
}

// servePages answers each request with pages[page query param], page 1
// when there is none.
func servePages(t *testing.T, pages map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Query().Get("page")
		if p == "" {
			p = "1"
		}
		body, ok := pages[p]
		if !ok {
			assert.Failf(t, "unexpected page", "page %q", p)
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = fmt.Fprint(w, body)
	}
}

func TestCompaniesListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("retrieveCompany", servePages(t, map[string]string{
		"1": companyPage(1, 2, "a", "b"),
		"2": companyPage(2, 2, "c"),
	}))
	opt := &CompanyListOptions{TagID: "678910", PerPage: 2}
	var ids []ID
	for co, err := range c.Companies.ListAll(ctx, opt) {
		require.NoError(t, err)
		ids = append(ids, co.ID)
	}
	require.Equal(t, []ID{"a", "b", "c"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2&tag_id=678910")
	testQuery(t, reqs[1], "page=2&per_page=2&tag_id=678910")
	require.Equal(t, 0, opt.Page, "options must not be modified")

	// Breaking after the first item sends no further request.
	for range c.Companies.ListAll(ctx, opt) {
		break
	}
	require.Len(t, srv.Requests(), 3)

	// An error ends the walk.
	srv.Respond("retrieveCompany", 404, "Company Not Found")
	var n int
	for _, err := range c.Companies.ListAll(ctx, nil) {
		require.ErrorIs(t, err, ErrNotFound)
		n++
	}
	require.Equal(t, 1, n)
}

func TestCompaniesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "RetrieveACompanyById", "Companies.Get", func() (*Company, *Response, error) {
		return c.Companies.Get(ctx, "6657ac336abd0166b52ae1ba")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/companies/6657ac336abd0166b52ae1ba")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("6657ac336abd0166b52ae1ba"), got.ID)
	require.Equal(t, "company1", got.Name)
	require.Equal(t, "this_is_an_id128_that_should_be_at_least_", got.AppID)
	require.Equal(t, 1, got.UserCount)

	// Path ids are escaped.
	_, _, err := c.Companies.Get(ctx, "a/b c")
	require.NoError(t, err)
	testPath(t, srv.LastRequest(), "/companies/a%2Fb%20c")
}

func TestCompaniesGetNotFound(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.Respond("RetrieveACompanyById", 404, "Company Not Found")
	got, resp, err := c.Companies.Get(context.Background(), "missing")
	require.Nil(t, got)
	require.NotNil(t, resp)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	require.ErrorIs(t, err, ErrNotFound)
	require.NotErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	require.Equal(t, "error.list", apiErr.Type)
	require.Equal(t, "18ce8279-dbfb-477f-9a00-3a1467881812", apiErr.RequestID)
	require.Equal(t, []ErrorEntry{{Code: "company_not_found", Message: "Company Not Found"}}, apiErr.Errors)
}

func TestCompaniesFullModel(t *testing.T) {
	t.Parallel()
	// Every field of the company schema decodes and re-encodes.
	in := `{"type":"company","id":"531ee472cce572a6ec000006","name":"Example Company Inc.","app_id":"ecahpwf5",
		"plan":{"type":"plan","id":"269315","name":"Pro"},"company_id":"6","remote_created_at":1663597223,
		"created_at":1663597224,"updated_at":1663597225,"last_request_at":1663597226,"size":100,
		"website":"https://www.intercom.com","industry":"Software","monthly_spend":100,"session_count":101,
		"user_count":102,"custom_attributes":{"paid_subscriber":true,"monthly_spend":155.5,"team_mates":9,"nested":{"a":null}},
		"tags":{"type":"tag.list","tags":[{"type":"tag","id":"123456","name":"Test tag"}]},
		"segments":{"type":"segment.list","segments":[{"type":"segment","id":"56203d253cba154d39010062","name":"Active",
		"created_at":1394621988,"updated_at":1394622004,"person_type":"contact","count":3}]}}`
	var co Company
	require.NoError(t, json.Unmarshal([]byte(in), &co))
	require.Equal(t, ID("269315"), co.Plan.ID)
	require.Equal(t, "Pro", co.Plan.Name)
	require.Equal(t, Timestamp(1663597226), co.LastRequestAt)
	require.Equal(t, 100, co.Size)
	require.Equal(t, true, co.CustomAttributes["paid_subscriber"])
	require.Equal(t, 155.5, co.CustomAttributes["monthly_spend"])
	require.Equal(t, []Tag{{Type: "tag", ID: "123456", Name: "Test tag"}}, co.Tags.Tags)
	require.Len(t, co.Segments.Segments, 1)
	require.Equal(t, SegmentPersonContact, co.Segments.Segments[0].PersonType)
	require.Equal(t, 3, *co.Segments.Segments[0].Count)
	out, err := json.Marshal(co)
	require.NoError(t, err)
	require.JSONEq(t, in, string(out))
}

func TestCompaniesUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	req := CompanyUpdateRequest{Name: Some("company2"), Plan: Some("Enterprise"), Size: Some(50), MonthlySpend: Some(120),
		CustomAttributes: map[string]any{"tier": "gold", "seats": 12}}
	got, rec := exercise(t, srv, "UpdateCompany", "Companies.Update", func() (*Company, *Response, error) {
		return c.Companies.Update(ctx, "6657ac356abd0166b52ae1c4", req)
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/companies/6657ac356abd0166b52ae1c4")
	testQuery(t, rec, "")
	// The spec declares no body, but the API takes the company fields; the
	// harness accepts (ignores) a body on an operation that declares none.
	testJSONBody(t, rec, `{"name":"company2","plan":"Enterprise","size":50,"custom_attributes":{"seats":12,"tier":"gold"},"monthly_spend":120}`)
	require.Equal(t, ID("6657ac356abd0166b52ae1c4"), got.ID)
	require.Equal(t, "company2", got.Name)

	// An empty update sends an empty object.
	_, _, err := c.Companies.Update(ctx, "x", CompanyUpdateRequest{})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{}`)

	// Zeros and empty strings are values to send: a website is cleared, a
	// size set to 0.
	_, _, err = c.Companies.Update(ctx, "x", CompanyUpdateRequest{Website: Some(""), Size: Some(0), MonthlySpend: Some(0)})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"size":0,"website":"","monthly_spend":0}`)
}

func TestCompaniesDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "deleteCompany", "Companies.Delete", func() (*CompanyDeleted, *Response, error) {
		return c.Companies.Delete(context.Background(), "6657ac386abd0166b52ae1ce")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/companies/6657ac386abd0166b52ae1ce")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, &CompanyDeleted{ID: "6657ac386abd0166b52ae1ce", Object: "company", Deleted: true}, got)
}

func TestCompaniesListContacts(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "ListAttachedContacts", "Companies.ListContacts", func() (*CompanyAttachedContacts, *Response, error) {
		return c.Companies.ListContacts(ctx, "6657ac336abd0166b52ae1ba", &CompanyListContactsOptions{Page: 3, PerPage: 50})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/companies/6657ac336abd0166b52ae1ba/contacts")
	testQuery(t, rec, "page=3&per_page=50")
	require.Equal(t, "list", got.Type)
	require.Empty(t, got.Data)
	require.Equal(t, 50, got.Pages.PerPage)
	require.False(t, got.Pages.HasMore())

	_, _, err := c.Companies.ListContacts(ctx, "abc", nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")
}

func TestCompaniesListContactsAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	page := func(n, total int, ids ...string) string {
		data := make([]map[string]any, len(ids))
		for i, id := range ids {
			data[i] = map[string]any{"type": "contact", "id": id, "email": id + "@example.com"}
		}
		b, _ := json.Marshal(map[string]any{"type": "list", "data": data, "total_count": 3,
			"pages": map[string]any{"type": "pages", "page": n, "per_page": 2, "total_pages": total}})
		return string(b)
	}
	srv.RespondFunc("ListAttachedContacts", servePages(t, map[string]string{
		"1": page(1, 2, "c1", "c2"),
		"2": page(2, 2, "c3"),
	}))
	var ids []ID
	for ct, err := range c.Companies.ListContactsAll(ctx, "co1", &CompanyListContactsOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, ct.ID)
	}
	require.Equal(t, []ID{"c1", "c2", "c3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testPath(t, reqs[1], "/companies/co1/contacts")
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")

	for range c.Companies.ListContactsAll(ctx, "co1", nil) {
		break
	}
	require.Len(t, srv.Requests(), 3)

	// An empty path id fails before any I/O.
	for _, err := range c.Companies.ListContactsAll(ctx, "", nil) {
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), 3)
}

func TestCompaniesListSegments(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "ListAttachedSegmentsForCompanies", "Companies.ListSegments", func() (*CompanyAttachedSegments, *Response, error) {
		return c.Companies.ListSegments(context.Background(), "6657ac336abd0166b52ae1ba")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/companies/6657ac336abd0166b52ae1ba/segments")
	testQuery(t, rec, "")
	require.Equal(t, "list", got.Type)
	require.Empty(t, got.Data)

	srv.RespondJSON("ListAttachedSegmentsForCompanies", 200,
		`{"type":"list","data":[{"type":"segment","id":"s1","name":"Active","person_type":"user","created_at":1717022008}]}`)
	got, _, err := c.Companies.ListSegments(context.Background(), "x")
	require.NoError(t, err)
	require.Equal(t, []Segment{{Type: "segment", ID: "s1", Name: "Active", PersonType: SegmentPersonUser, CreatedAt: 1717022008}}, got.Data)
}

func TestCompaniesListSorted(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "listAllCompanies", "Companies.ListSorted", func() (*CompanyList, *Response, error) {
		return c.Companies.ListSorted(ctx, &CompanyListSortedOptions{Page: 1, PerPage: 15, Order: CompanyOrderAsc})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/companies/list")
	testQuery(t, rec, "order=asc&page=1&per_page=15")
	testNoBody(t, rec, "POST /companies/list takes no body")
	require.Empty(t, rec.Header.Get("Content-Type"))
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("6657ac3e6abd0166b52ae1ea"), got.Data[0].ID)
	require.Equal(t, "remote_companies_scroll_2", got.Data[0].CompanyID)
	require.Equal(t, 15, got.Pages.PerPage)

	_, _, err := c.Companies.ListSorted(ctx, nil)
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "")
}

func TestCompaniesListSortedRetriesLikeAGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t, WithRetryPolicy(RetryPolicy{MaxRetries: 1, MinWait: time.Millisecond, MaxWait: 10 * time.Millisecond}))
	var calls atomic.Int32
	srv.RespondFunc("listAllCompanies", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		_, _ = w.Write(srv.Example("listAllCompanies", 200, ""))
	})
	got, _, err := c.Companies.ListSorted(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, int32(2), calls.Load(), "a read-only POST is retried on 5xx")
	require.Len(t, got.Data, 1)
}

func TestCompaniesListSortedAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondFunc("listAllCompanies", servePages(t, map[string]string{
		"1": companyPage(1, 2, "a", "b"),
		"2": companyPage(2, 2, "c"),
	}))
	opt := &CompanyListSortedOptions{PerPage: 2, Order: CompanyOrderDesc}
	got, err := Collect(c.Companies.ListSortedAll(ctx, opt))
	require.NoError(t, err)
	require.Len(t, got, 3)
	require.Equal(t, ID("c"), got[2].ID)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "order=desc&per_page=2")
	testQuery(t, reqs[1], "order=desc&page=2&per_page=2")
	testMethod(t, reqs[1], http.MethodPost)

	for range c.Companies.ListSortedAll(ctx, opt) {
		break
	}
	require.Len(t, srv.Requests(), 3)
}

func TestCompaniesScroll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "scrollOverAllCompanies", "Companies.Scroll", func() (*CompanyScroll, *Response, error) {
		return c.Companies.Scroll(ctx, nil)
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/companies/scroll")
	testQuery(t, rec, "", "the first page of a scroll sends no scroll_param")
	require.Equal(t, "1a1f7c90-23fa-4b23-b51e-83d17c1abb34", got.ScrollParam)
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("6657ac406abd0166b52ae1f0"), got.Data[0].ID)
	require.Zero(t, got.TotalCount)

	_, _, err := c.Companies.Scroll(ctx, &CompanyScrollOptions{ScrollParam: "1a1f7c90-23fa-4b23-b51e-83d17c1abb34"})
	require.NoError(t, err)
	testQuery(t, srv.LastRequest(), "scroll_param=1a1f7c90-23fa-4b23-b51e-83d17c1abb34")
}

func TestCompaniesScrollAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	const param = "25b649f7-4d33-4ef6-88f5-60e5b8244309"
	scrollPage := func(ids ...string) string {
		data := make([]map[string]any, len(ids))
		for i, id := range ids {
			data[i] = map[string]any{"type": "company", "id": id}
		}
		b, _ := json.Marshal(map[string]any{"type": "list", "data": data, "pages": nil, "total_count": nil, "scroll_param": param})
		return string(b)
	}
	var calls atomic.Int32
	srv.RespondFunc("scrollOverAllCompanies", func(w http.ResponseWriter, r *http.Request) {
		pages := []string{scrollPage("a", "b"), scrollPage("c"), scrollPage()}
		_, _ = fmt.Fprint(w, pages[min(int(calls.Add(1)), len(pages))-1])
	})
	var ids []ID
	for co, err := range c.Companies.ScrollAll(ctx) {
		require.NoError(t, err)
		ids = append(ids, co.ID)
	}
	require.Equal(t, []ID{"a", "b", "c"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 3, "the scroll ends on an empty page")
	testQuery(t, reqs[0], "")
	testQuery(t, reqs[1], "scroll_param="+param, "the scroll param is sent back")
	testQuery(t, reqs[2], "scroll_param="+param, "the same scroll param is reused")

	// Breaking after the first item sends no further request.
	calls.Store(0)
	for range c.Companies.ScrollAll(ctx) {
		break
	}
	require.Len(t, srv.Requests(), 4)
}

func TestCompaniesScrollExists(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	srv.RespondJSON("scrollOverAllCompanies", 400,
		`{"type":"error.list","request_id":"r-1","errors":[{"code":"scroll_exists","message":"scroll already exists for this workspace"}]}`)
	_, _, err := c.Companies.Scroll(ctx, nil)
	require.ErrorIs(t, err, ErrScrollExists)
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "r-1", apiErr.RequestID)

	// Without the code, the message alone identifies it.
	srv.RespondJSON("scrollOverAllCompanies", 400,
		`{"type":"error.list","request_id":null,"errors":[{"code":"bad_request","message":"Scroll already exists"}]}`)
	var errs []error
	for _, err := range c.Companies.ScrollAll(ctx) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	require.ErrorIs(t, errs[0], ErrScrollExists)

	// Other 400s are not a scroll conflict.
	srv.RespondJSON("scrollOverAllCompanies", 400,
		`{"type":"error.list","request_id":null,"errors":[{"code":"bad_request","message":"bad scroll_param"}]}`)
	_, _, err = c.Companies.Scroll(ctx, &CompanyScrollOptions{ScrollParam: "stale"})
	require.ErrorIs(t, err, ErrValidation)
	require.NotErrorIs(t, err, ErrScrollExists)
}

func TestContactsAttachCompany(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "attachContactToACompany", "Contacts.AttachCompany", func() (*Company, *Response, error) {
		return c.Contacts.AttachCompany(ctx, "6657ac426abd0166b52ae1f8", ContactAttachCompanyRequest{ID: "6657ac426abd0166b52ae1f9"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/6657ac426abd0166b52ae1f8/companies")
	testQuery(t, rec, "")
	testJSONBody(t, rec, `{"id":"6657ac426abd0166b52ae1f9"}`)
	require.Equal(t, ID("6657ac426abd0166b52ae1f9"), got.ID)
	require.Equal(t, "company6", got.Name)

	srv.Respond("attachContactToACompany", 400, "Contact Company Limit Exceeded")
	_, _, err := c.Contacts.AttachCompany(ctx, "ct", ContactAttachCompanyRequest{ID: "co"})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("contact_company_limit_exceeded"))
}

func TestContactsDetachCompany(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "detachContactFromACompany", "Contacts.DetachCompany", func() (*Company, *Response, error) {
		return c.Contacts.DetachCompany(context.Background(), "6657ac456abd0166b52ae208", "6657ac456abd0166b52ae209")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/contacts/6657ac456abd0166b52ae208/companies/6657ac456abd0166b52ae209")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, ID("6657ac456abd0166b52ae209"), got.ID)
	require.Equal(t, "company8", got.Name)
}

func TestCompaniesValidation(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	calls := []struct {
		name, field string
		call        func() error
	}{
		{"Get", "id", func() error { _, _, err := c.Companies.Get(ctx, ""); return err }},
		{"Update", "id", func() error {
			_, _, err := c.Companies.Update(ctx, " ", CompanyUpdateRequest{Name: Some("x")})
			return err
		}},
		{"Delete", "id", func() error { _, _, err := c.Companies.Delete(ctx, ""); return err }},
		{"ListContacts", "id", func() error { _, _, err := c.Companies.ListContacts(ctx, "", nil); return err }},
		{"ListSegments", "id", func() error { _, _, err := c.Companies.ListSegments(ctx, ""); return err }},
		{"AttachContact contact", "id", func() error {
			_, _, err := c.Contacts.AttachCompany(ctx, "", ContactAttachCompanyRequest{ID: "co"})
			return err
		}},
		{"AttachContact company", "id", func() error {
			_, _, err := c.Contacts.AttachCompany(ctx, "ct", ContactAttachCompanyRequest{ID: ""})
			return err
		}},
		{"DetachContact contact", "contact_id", func() error { _, _, err := c.Contacts.DetachCompany(ctx, "", "co"); return err }},
		{"DetachContact company", "id", func() error { _, _, err := c.Contacts.DetachCompany(ctx, "ct", ""); return err }},
	}
	for _, tc := range calls {
		err := tc.call()
		require.ErrorIs(t, err, ErrInvalidRequest, tc.name)
		var ire *InvalidRequestError
		require.True(t, errors.As(err, &ire), tc.name)
		require.Equal(t, tc.field, ire.Field, tc.name)
	}
	require.Empty(t, srv.Requests(), "validation errors must not send requests")
}

// TestCompaniesUpdateLaterVersions: from 2.14 the description declares the
// body of PUT /companies/{id}, which the request matches.
func TestCompaniesUpdateLaterVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, v := range []string{"2.14", "2.16"} {
		c, srv := newSpecClientAt(t, v)
		req := CompanyUpdateRequest{Name: Some("my company"), Plan: Some("Enterprise"), Size: Some(100), Website: Some("http://www.mycompany.com/"),
			Industry: Some("Manufacturing"), MonthlySpend: Some(1000), CustomAttributes: map[string]any{"paid_subscriber": true, "monthly_spend": 155.5}}
		got, rec := exercise(t, srv, "UpdateCompany", "Companies.Update", func() (*Company, *Response, error) {
			return c.Companies.Update(ctx, "6657ac356abd0166b52ae1c4", req)
		})
		testMethod(t, rec, http.MethodPut)
		testPath(t, rec, "/companies/6657ac356abd0166b52ae1c4")
		testJSONBody(t, rec, `{"name":"my company","plan":"Enterprise","size":100,"website":"http://www.mycompany.com/","industry":"Manufacturing",`+
			`"custom_attributes":{"monthly_spend":155.5,"paid_subscriber":true},"monthly_spend":1000}`)
		require.NotEmpty(t, got.ID)
	}
}

// TestCompaniesCreateOrUpdateLaterVersions: update_last_request_at is 2.16's.
func TestCompaniesCreateOrUpdateLaterVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	req := CompanyCreateOrUpdateRequest{CompanyID: "company_remote_id", Name: "my company", UpdateLastRequestAt: Some(true)}
	_, rec := exercise(t, srv, "createOrUpdateCompany", "Companies.CreateOrUpdate", func() (*Company, *Response, error) {
		return c.Companies.CreateOrUpdate(ctx, req)
	})
	testJSONBody(t, rec, `{"company_id":"company_remote_id","name":"my company","update_last_request_at":true}`)
	c15, srv15 := newSpecClientAt(t, "2.15")
	_, _, err := c15.Companies.CreateOrUpdate(ctx, req)
	requireVersionErr(t, err, "2.15", "POST", "/companies", "createOrUpdateCompany", "update_last_request_at", "2.16")
	require.Empty(t, srv15.Requests())
}
