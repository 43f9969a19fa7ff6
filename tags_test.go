package intercom

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTagsList(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	got, rec := exercise(t, srv, "listTags", "Tags.List", func() (*TagList, *Response, error) {
		return c.Tags.List(context.Background())
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/tags")
	testQuery(t, rec, "")
	testNoBody(t, rec)
	require.Equal(t, "list", got.Type)
	require.Len(t, got.Data, 1)
	require.Equal(t, ID("146"), got.Data[0].ID)
	require.Equal(t, "Manual tag 1", got.Data[0].Name)
}

func TestTagsCreateOrUpdate(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "createTag", "Tags.CreateOrUpdate", func() (*Tag, *Response, error) {
		return c.Tags.CreateOrUpdate(ctx, TagCreateOrUpdateRequest{Name: "test"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tags")
	testJSONBody(t, rec, `{"name":"test"}`, "an empty id is left out")
	require.Equal(t, ID("149"), got.ID)
	require.Equal(t, "test", got.Name)
	require.Equal(t, "tag", got.Type)

	// Renaming sends the id.
	_, _, err := c.Tags.CreateOrUpdate(ctx, TagCreateOrUpdateRequest{Name: "renamed", ID: "656452352"})
	require.NoError(t, err)
	testJSONBody(t, srv.LastRequest(), `{"name":"renamed","id":"656452352"}`)

	n := len(srv.Requests())
	_, _, err = c.Tags.CreateOrUpdate(ctx, TagCreateOrUpdateRequest{ID: "1"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "name", ie.Field)
	require.Len(t, srv.Requests(), n, "nothing is sent")
}

func TestTagsCreateOrUpdateBadRequest(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	srv.Respond("createTag", 400, "Invalid parameters")
	_, _, err := c.Tags.CreateOrUpdate(context.Background(), TagCreateOrUpdateRequest{Name: "x"})
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 400, apiErr.StatusCode)
	require.True(t, apiErr.HasCode("parameter_invalid"))
	require.Equal(t, "invalid tag parameters", apiErr.Errors[0].Message)
}

// The other three operations of POST /tags; exercise maps createTag to
// CreateOrUpdate, so these are plain calls checked against the harness.
func TestTagsTagCompanies(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, _, err := c.Tags.TagCompanies(ctx, TagCompaniesRequest{Name: "Independent", Companies: []TagCompany{{ID: "531ee472cce572a6ec000006"}, {CompanyID: "6"}}})
	require.NoError(t, err)
	rec := srv.LastRequest()
	require.Equal(t, "createTag", rec.OperationID)
	require.Empty(t, rec.Violations)
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tags")
	testJSONBody(t, rec, `{"name":"Independent","companies":[{"id":"531ee472cce572a6ec000006"},{"company_id":"6"}]}`)
	require.Equal(t, ID("149"), got.ID)

	srv.Respond("createTag", 404, "Company not found")
	_, _, err = c.Tags.TagCompanies(ctx, TagCompaniesRequest{Name: "test", Companies: []TagCompany{{CompanyID: "123"}}})
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("company_not_found"))

	n := len(srv.Requests())
	for _, tc := range []struct {
		name      string
		companies []TagCompany
		field     string
	}{
		{"", []TagCompany{{ID: "1"}}, "name"},
		{"x", nil, "companies"},
		{"x", []TagCompany{{ID: "1"}, {}}, "companies[1]"},
		{"x", []TagCompany{{ID: "1", CompanyID: "2"}}, "companies[0]"},
	} {
		_, _, err := c.Tags.TagCompanies(ctx, TagCompaniesRequest{Name: tc.name, Companies: tc.companies})
		var ie *InvalidRequestError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, tc.field, ie.Field)
		_, _, err = c.Tags.UntagCompanies(ctx, TagUntagCompaniesRequest{Name: tc.name, Companies: tc.companies})
		require.ErrorIs(t, err, ErrInvalidRequest)
	}
	require.Len(t, srv.Requests(), n, "nothing is sent")
}

func TestTagsUntagCompanies(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	companies := []TagCompany{{CompanyID: "6"}, {ID: "531ee472cce572a6ec000006"}}
	got, _, err := c.Tags.UntagCompanies(context.Background(), TagUntagCompaniesRequest{Name: "Independent", Companies: companies})
	require.NoError(t, err)
	rec := srv.LastRequest()
	require.Equal(t, "createTag", rec.OperationID)
	require.Empty(t, rec.Violations)
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tags")
	testJSONBody(t, rec, `{"name":"Independent","companies":[{"company_id":"6","untag":true},{"id":"531ee472cce572a6ec000006","untag":true}]}`)
	require.Equal(t, []TagCompany{{CompanyID: "6"}, {ID: "531ee472cce572a6ec000006"}}, companies, "the caller's slice is not modified")
	require.Equal(t, "test", got.Name)
}

func TestTagsTagUsers(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, _, err := c.Tags.TagUsers(ctx, TagUsersRequest{Name: "Independent", Users: []TagUser{{ID: "5f7f0d217289f8d2f4262080"}, {ID: "5f7f0d217289f8d2f4262081"}}})
	require.NoError(t, err)
	rec := srv.LastRequest()
	require.Equal(t, "createTag", rec.OperationID)
	require.Empty(t, rec.Violations)
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tags")
	testJSONBody(t, rec, `{"name":"Independent","users":[{"id":"5f7f0d217289f8d2f4262080"},{"id":"5f7f0d217289f8d2f4262081"}]}`)
	require.Equal(t, ID("149"), got.ID)

	srv.Respond("createTag", 404, "User  not found")
	_, _, err = c.Tags.TagUsers(ctx, TagUsersRequest{Name: "test", Users: []TagUser{{ID: "123"}}})
	require.ErrorIs(t, err, ErrNotFound)

	n := len(srv.Requests())
	_, _, err = c.Tags.TagUsers(ctx, TagUsersRequest{Name: "", Users: []TagUser{{ID: "1"}}})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Tags.TagUsers(ctx, TagUsersRequest{Name: "x", Users: nil})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Tags.TagUsers(ctx, TagUsersRequest{Name: "x", Users: []TagUser{{ID: "1"}, {}}})
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "users[1].id", ie.Field)
	require.Len(t, srv.Requests(), n, "nothing is sent")
}

func TestTagsGet(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "findTag", "Tags.Get", func() (*Tag, *Response, error) {
		return c.Tags.Get(ctx, "157")
	})
	testMethod(t, rec, http.MethodGet)
	testPath(t, rec, "/tags/157")
	testNoBody(t, rec)
	require.Equal(t, ID("157"), got.ID)
	require.Equal(t, "Manual tag", got.Name)
	require.Zero(t, got.AppliedAt)
	require.Zero(t, got.AppliedBy)

	srv.Respond("findTag", 404, "Tag not found")
	_, resp, err := c.Tags.Get(ctx, "404")
	require.ErrorIs(t, err, ErrNotFound)
	require.NotNil(t, resp)
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	require.Equal(t, "244b7b5b-7b28-4760-888d-4be68ce30f33", apiErr.RequestID)
	require.True(t, apiErr.HasCode("not_found"))
	require.Equal(t, "Resource Not Found", apiErr.Errors[0].Message)

	n := len(srv.Requests())
	_, _, err = c.Tags.Get(ctx, "")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestTagsDelete(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	_, rec := exercise(t, srv, "deleteTag", "Tags.Delete", func() (*struct{}, *Response, error) {
		resp, err := c.Tags.Delete(ctx, "123")
		return noResult(resp, err)
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/tags/123")
	testNoBody(t, rec)

	srv.Respond("deleteTag", 400, "Tag has dependent objects")
	_, err := c.Tags.Delete(ctx, "123")
	require.ErrorIs(t, err, ErrValidation)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("tag_has_dependent_objects"))

	n := len(srv.Requests())
	_, err = c.Tags.Delete(ctx, " ")
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

// checkTagged asserts the tag of the successful tagging examples.
func checkTagged(t *testing.T, got *Tag, id string) {
	t.Helper()
	require.Equal(t, ID(id), got.ID)
	require.Equal(t, "Manual tag", got.Name)
	require.Equal(t, Timestamp(1663597223), got.AppliedAt)
	require.Equal(t, TagAppliedBy{Type: "admin", ID: "456"}, got.AppliedBy)
}

func TestContactsAttachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "attachTagToContact", "Contacts.AttachTag", func() (*Tag, *Response, error) {
		return c.Contacts.AttachTag(ctx, "63a07ddf05a32042dffac965", ContactAttachTagRequest{ID: "125"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/contacts/63a07ddf05a32042dffac965/tags")
	testJSONBody(t, rec, `{"id":"125"}`)
	checkTagged(t, got, "125")

	srv.Respond("attachTagToContact", 404, "Contact not found")
	_, _, err := c.Contacts.AttachTag(ctx, "nope", ContactAttachTagRequest{ID: "126"})
	require.ErrorIs(t, err, ErrNotFound)

	n := len(srv.Requests())
	_, _, err = c.Contacts.AttachTag(ctx, "", ContactAttachTagRequest{ID: "125"})
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, _, err = c.Contacts.AttachTag(ctx, "abc", ContactAttachTagRequest{ID: ""})
	require.ErrorIs(t, err, ErrInvalidRequest)
	require.Len(t, srv.Requests(), n)
}

func TestContactsDetachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "detachTagFromContact", "Contacts.DetachTag", func() (*Tag, *Response, error) {
		return c.Contacts.DetachTag(ctx, "63a07ddf05a32042dffac965", "128")
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/contacts/63a07ddf05a32042dffac965/tags/128")
	testNoBody(t, rec)
	checkTagged(t, got, "128")

	n := len(srv.Requests())
	_, _, err := c.Contacts.DetachTag(ctx, "abc", "")
	var ie *InvalidRequestError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "id", ie.Field)
	_, _, err = c.Contacts.DetachTag(ctx, "", "1")
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "contact_id", ie.Field)
	require.Len(t, srv.Requests(), n)
}

func TestConversationsAttachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "attachTagToConversation", "Conversations.AttachTag", func() (*Tag, *Response, error) {
		return c.Conversations.AttachTag(ctx, "64619700005694", ConversationAttachTagRequest{ID: "130", AdminID: "991267921"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/conversations/64619700005694/tags")
	testJSONBody(t, rec, `{"id":"130","admin_id":"991267921"}`)
	checkTagged(t, got, "130")

	srv.Respond("attachTagToConversation", 404, "Conversation not found")
	_, _, err := c.Conversations.AttachTag(ctx, "1", ConversationAttachTagRequest{ID: "131", AdminID: "991267923"})
	require.ErrorIs(t, err, ErrNotFound)

	n := len(srv.Requests())
	for _, args := range [][3]string{{"", "1", "2"}, {"1", "", "2"}, {"1", "2", ""}} {
		_, _, err := c.Conversations.AttachTag(ctx, args[0], ConversationAttachTagRequest{ID: args[1], AdminID: args[2]})
		require.ErrorIs(t, err, ErrInvalidRequest, "%q", args)
	}
	require.Len(t, srv.Requests(), n)
}

func TestConversationsDetachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "detachTagFromConversation", "Conversations.DetachTag", func() (*Tag, *Response, error) {
		return c.Conversations.DetachTag(ctx, "64619700005694", "133", ConversationDetachTagRequest{AdminID: "991267925"})
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/conversations/64619700005694/tags/133")
	testJSONBody(t, rec, `{"admin_id":"991267925"}`, "DELETE with a JSON body")
	require.Equal(t, "application/json", rec.Header.Get("Content-Type"))
	checkTagged(t, got, "133")

	srv.Respond("detachTagFromConversation", 404, "Tag not found")
	_, _, err := c.Conversations.DetachTag(ctx, "1", "2", ConversationDetachTagRequest{AdminID: "3"})
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("tag_not_found"))

	n := len(srv.Requests())
	for _, args := range [][3]string{{"", "1", "2"}, {"1", "", "2"}, {"1", "2", ""}} {
		_, _, err := c.Conversations.DetachTag(ctx, args[0], args[1], ConversationDetachTagRequest{AdminID: args[2]})
		require.ErrorIs(t, err, ErrInvalidRequest, "%q", args)
	}
	require.Len(t, srv.Requests(), n)
}

func TestTicketsAttachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "attachTagToTicket", "Tickets.AttachTag", func() (*Tag, *Response, error) {
		return c.Tickets.AttachTag(ctx, "64619700005694", TicketAttachTagRequest{ID: "165", AdminID: "991268239"})
	})
	testMethod(t, rec, http.MethodPost)
	testPath(t, rec, "/tickets/64619700005694/tags")
	testJSONBody(t, rec, `{"id":"165","admin_id":"991268239"}`)
	checkTagged(t, got, "165")

	srv.Respond("attachTagToTicket", 404, "Ticket not found")
	_, _, err := c.Tickets.AttachTag(ctx, "1", TicketAttachTagRequest{ID: "166", AdminID: "991268242"})
	require.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("ticket_not_found"))

	n := len(srv.Requests())
	for _, args := range [][3]string{{"", "1", "2"}, {"1", "", "2"}, {"1", "2", ""}} {
		_, _, err := c.Tickets.AttachTag(ctx, args[0], TicketAttachTagRequest{ID: args[1], AdminID: args[2]})
		require.ErrorIs(t, err, ErrInvalidRequest, "%q", args)
	}
	require.Len(t, srv.Requests(), n)
}

func TestTicketsDetachTag(t *testing.T) {
	t.Parallel()
	c, srv := newSpecClient(t)
	ctx := context.Background()
	got, rec := exercise(t, srv, "detachTagFromTicket", "Tickets.DetachTag", func() (*Tag, *Response, error) {
		return c.Tickets.DetachTag(ctx, "64619700005694", "168", TicketDetachTagRequest{AdminID: "991268248"})
	})
	testMethod(t, rec, http.MethodDelete)
	testPath(t, rec, "/tickets/64619700005694/tags/168")
	testJSONBody(t, rec, `{"admin_id":"991268248"}`, "DELETE with a JSON body")
	checkTagged(t, got, "168")

	n := len(srv.Requests())
	for _, args := range [][3]string{{"", "1", "2"}, {"1", "", "2"}, {"1", "2", ""}} {
		_, _, err := c.Tickets.DetachTag(ctx, args[0], args[1], TicketDetachTagRequest{AdminID: args[2]})
		require.ErrorIs(t, err, ErrInvalidRequest, "%q", args)
		require.False(t, errors.Is(err, ErrNotFound))
	}
	require.Len(t, srv.Requests(), n)
}
