package intercom

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAudiencesList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "listAudiences", "Audiences.List", func() (*AudienceList, *Response, error) {
		return c.Audiences.List(context.Background(), &AudienceListOptions{Page: 1, PerPage: 50})
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/audiences")
	testQuery(t, rec, "page=1&per_page=50")
	testNoBody(t, rec)
	require.Len(t, got.Data, 2)
	a := got.Data[0]
	require.Equal(t, ID("123"), a.ID)
	require.Equal(t, "VIP Customers", a.Name)
	require.Equal(t, []AudiencePredicate{{Attribute: "company.name", Type: "string", Comparison: "contains", Value: "Acme"}}, a.Predicates)
	require.Equal(t, "role", a.RolePredicates[0].Type)
	require.Equal(t, 1, got.TotalPages)
}

func TestAudiencesListAll(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	srv.RespondFunc("listAudiences", knowledgePageHandler(t, []string{
		`[{"type":"audience","id":"1"},{"type":"audience","id":"2"}]`,
		`[{"type":"audience","id":"3"}]`,
	}, topPages))
	opt := &AudienceListOptions{PerPage: 2}
	var ids []ID
	for a, err := range c.Audiences.ListAll(context.Background(), opt) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Equal(t, []ID{"1", "2", "3"}, ids)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	testQuery(t, reqs[0], "per_page=2")
	testQuery(t, reqs[1], "page=2&per_page=2")
	require.Equal(t, &AudienceListOptions{PerPage: 2}, opt, "the caller's options must not change")
}

func TestAudiencesCreate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "createAudience", "Audiences.Create", func() (*Audience, *Response, error) {
		return c.Audiences.Create(ctx, AudienceCreateRequest{Name: "VIP Customers",
			Predicates:     []AudiencePredicate{{Attribute: "company.name", Type: "string", Comparison: "contains", Value: "Acme"}},
			RolePredicates: []AudiencePredicate{{Attribute: "role", Type: "role", Comparison: "eq", Value: "user"}}})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/audiences")
	testJSONBody(t, rec, `{"name":"VIP Customers","predicates":[{"attribute":"company.name","type":"string","comparison":"contains","value":"Acme"}],"role_predicates":[{"attribute":"role","type":"role","comparison":"eq","value":"user"}]}`)
	require.Equal(t, ID("789"), got.ID)

	c, srv = newSpecClientAt(t, "2.16")
	_, _, err := c.Audiences.Create(ctx, AudienceCreateRequest{})
	testInvalidNoIO(t, srv, err, "name")
}

func TestAudiencesGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "retrieveAudience", "Audiences.Get", func() (*Audience, *Response, error) {
		return c.Audiences.Get(context.Background(), "123")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/audiences/123")
	testNoBody(t, rec)
	require.Equal(t, ID("123"), got.ID)
	require.Equal(t, Timestamp(1717200000), got.CreatedAt)
}

func TestAudiencesUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	got, rec := exercise(t, srv, "updateAudience", "Audiences.Update", func() (*Audience, *Response, error) {
		return c.Audiences.Update(context.Background(), "123", AudienceUpdateRequest{Name: "Enterprise Accounts"})
	})
	testMethod(t, rec, http.MethodPut)
	testPath(t, rec, "/audiences/123")
	testJSONBody(t, rec, `{"name":"Enterprise Accounts"}`)
	require.Equal(t, "Enterprise Accounts", got.Name)
	require.Equal(t, Timestamp(1717200100), got.UpdatedAt)
}

func TestAudiencesDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClientAt(t, "2.16")
	_, rec := exercise(t, srv, "deleteAudience", "Audiences.Delete", func() (*struct{}, *Response, error) {
		return noResult(c.Audiences.Delete(context.Background(), "123"))
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/audiences/123")
	testNoBody(t, rec)
}

func TestAudiencesNotInAPI210(t *testing.T) {
	t.Parallel()
	c, srv := newVersionClient(t, "2.10")
	_, _, err := c.Audiences.List(context.Background(), nil)
	requireVersionErr(t, err, "2.10", "GET", "/audiences", "listAudiences", "", "2.16")
	require.Empty(t, srv.Requests())
}
