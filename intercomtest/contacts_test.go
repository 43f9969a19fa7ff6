package intercomtest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func TestContactLifecycle(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	var raw []byte
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Email:            "ada@example.com",
		ExternalID:       "u-1",
		Name:             intercom.Some("Ada"),
		Phone:            intercom.Some("+353 1 234"),
		Avatar:           intercom.Some("https://example.com/ada.png"),
		SignedUpAt:       intercom.Some(intercom.Timestamp(1700000000)),
		OwnerID:          intercom.Some("991267002"),
		CustomAttributes: intercom.Some(map[string]any{"plan": "pro", "seats": 3}),
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, c)
	require.Len(t, c.ID, 24)
	require.Equal(t, intercom.ContactRoleUser, c.Role, "role defaults to user")
	require.Equal(t, "example.com", c.EmailDomain)
	require.Equal(t, "https://example.com/ada.png", c.Avatar.ImageURL)
	require.Equal(t, intercom.ID("991267002"), c.OwnerID)
	require.Equal(t, intercom.Timestamp(1700000000), c.SignedUpAt)
	require.Equal(t, map[string]any{"plan": "pro", "seats": float64(3)}, c.CustomAttributes)
	require.Equal(t, "/contacts/"+c.ID+"/tags", c.Tags.URL)
	require.Equal(t, intercomtest.WorkspaceID, c.WorkspaceID)

	got, _, err := client.Contacts.Get(ctx, c.ID, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, got)
	require.Equal(t, c, got)

	// Update: set one field, clear others with null, leave the rest alone.
	up, _, err := client.Contacts.Update(ctx, c.ID, intercom.ContactUpdateRequest{
		Name:             intercom.Some("Ada Lovelace"),
		Phone:            intercom.Null[string](),
		Avatar:           intercom.Null[string](),
		OwnerID:          intercom.Null[intercom.ID](),
		CustomAttributes: intercom.Some(map[string]any{"plan": nil, "team": "analytics"}),
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	require.Equal(t, "Ada Lovelace", up.Name)
	require.Empty(t, up.Phone)
	require.Empty(t, up.Avatar.ImageURL)
	require.Empty(t, up.OwnerID)
	require.Equal(t, "ada@example.com", up.Email, "fields not sent are kept")
	require.Equal(t, intercom.Timestamp(1700000000), up.SignedUpAt)
	require.Equal(t, map[string]any{"seats": float64(3), "team": "analytics"}, up.CustomAttributes)
	var wire map[string]any
	require.NoError(t, json.Unmarshal(raw, &wire))
	require.Nil(t, wire["phone"], "a cleared field is sent as null")
	require.Contains(t, wire, "phone")

	up, _, err = client.Contacts.Update(ctx, c.ID, intercom.ContactUpdateRequest{CustomAttributes: intercom.Null[map[string]any]()})
	require.NoError(t, err)
	require.Empty(t, up.CustomAttributes, "null clears every custom attribute")

	arch, _, err := client.Contacts.Archive(ctx, c.ID)
	require.NoError(t, err)
	require.True(t, arch.Archived)
	list, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Empty(t, list.Data, "archived contacts are not listed")
	unarch, _, err := client.Contacts.Unarchive(ctx, c.ID)
	require.NoError(t, err)
	require.False(t, unarch.Archived)
	list, _, err = client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Data, 1)

	del, _, err := client.Contacts.Delete(ctx, c.ID)
	require.NoError(t, err)
	require.True(t, del.Deleted)
	require.Equal(t, "u-1", del.ExternalID)
	_, _, err = client.Contacts.Get(ctx, c.ID, nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = client.Contacts.Delete(ctx, c.ID)
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestContactValidation(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	_, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "dup@example.com"})
	require.NoError(t, err)

	_, _, err = client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "DUP@example.com"})
	require.ErrorIs(t, err, intercom.ErrConflict, "a second user with the same email")
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Contains(t, apiErr.Errors[0].Message, "already exists with id=")

	_, _, err = client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "dup@example.com", Role: intercom.ContactRoleLead})
	require.NoError(t, err, "leads may share an email")

	var out json.RawMessage
	_, err = client.Do(ctx, http.MethodPost, "/contacts", map[string]any{"name": "nobody"}, &out)
	require.ErrorIs(t, err, intercom.ErrValidation, "no email, external_id or role")
	_, err = client.Do(ctx, http.MethodPost, "/contacts", map[string]any{"role": "admin"}, &out)
	require.ErrorIs(t, err, intercom.ErrValidation)
	_, err = client.Do(ctx, http.MethodPost, "/contacts", map[string]any{"email": "o@example.com", "owner_id": 1}, &out)
	require.ErrorIs(t, err, intercom.ErrValidation, "owner_id must be an admin")
}

func TestContactMerge(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	lead, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Role: intercom.ContactRoleLead, Phone: intercom.Some("555"),
		CustomAttributes: intercom.Some(map[string]any{"source": "ad"})})
	require.NoError(t, err)
	user, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "u@example.com"})
	require.NoError(t, err)
	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "vip"})
	require.NoError(t, err)
	_, _, err = client.Contacts.AttachTag(ctx, lead.ID, intercom.ContactAttachTagRequest{ID: tag.ID})
	require.NoError(t, err)

	_, _, err = client.Contacts.Merge(ctx, intercom.ContactMergeRequest{From: user.ID, Into: lead.ID})
	require.ErrorIs(t, err, intercom.ErrValidation, "only a lead merges into a user")

	merged, _, err := client.Contacts.Merge(ctx, intercom.ContactMergeRequest{From: lead.ID, Into: user.ID})
	require.NoError(t, err)
	require.Equal(t, user.ID, merged.ID)
	require.Equal(t, "555", merged.Phone, "the lead's data fills the user's gaps")
	require.Equal(t, "ad", merged.CustomAttributes["source"])
	require.Len(t, merged.Tags.Data, 1)
	require.Equal(t, tag.ID, merged.Tags.Data[0].ID)
	_, _, err = client.Contacts.Get(ctx, lead.ID, nil)
	require.ErrorIs(t, err, intercom.ErrNotFound, "the lead is gone")
}

func TestContactListPagination(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	var ids []intercom.ID
	for i := range 7 {
		c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: fmt.Sprintf("p%d@example.com", i)})
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}

	var raw []byte
	p1, _, err := client.Contacts.List(ctx, &intercom.ContactListOptions{PerPage: 3}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, p1)
	require.Equal(t, 7, p1.TotalCount)
	require.Equal(t, 1, p1.Pages.Page)
	require.Equal(t, 3, p1.Pages.PerPage)
	require.Equal(t, 3, p1.Pages.TotalPages)
	require.NotEmpty(t, p1.Pages.Next.StartingAfter)
	require.Equal(t, ids[:3], contactIDs(p1.Data))

	p2, _, err := client.Contacts.List(ctx, &intercom.ContactListOptions{PerPage: 3, StartingAfter: p1.Pages.Next.StartingAfter})
	require.NoError(t, err)
	require.Equal(t, ids[3:6], contactIDs(p2.Data))
	require.Equal(t, 2, p2.Pages.Page)

	// The cursor survives the deletion of the contact it points after.
	_, _, err = client.Contacts.Delete(ctx, string(ids[5]))
	require.NoError(t, err)
	p3, _, err := client.Contacts.List(ctx, &intercom.ContactListOptions{PerPage: 3, StartingAfter: p2.Pages.Next.StartingAfter})
	require.NoError(t, err)
	require.Equal(t, ids[6:], contactIDs(p3.Data))
	require.True(t, p3.Pages.Next.IsZero(), "the last page has no next cursor")
	require.False(t, p3.Pages.HasMore())

	all, err := intercom.Collect(client.Contacts.ListAll(ctx, &intercom.ContactListOptions{PerPage: 2}))
	require.NoError(t, err)
	require.Equal(t, append(append([]intercom.ID{}, ids[:5]...), ids[6]), contactIDs(all))

	def, _, err := client.Contacts.List(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, 50, def.Pages.PerPage, "Intercom's default page size")

	_, _, err = client.Contacts.List(ctx, &intercom.ContactListOptions{PerPage: 151})
	require.ErrorIs(t, err, intercom.ErrValidation)
	_, _, err = client.Contacts.List(ctx, &intercom.ContactListOptions{StartingAfter: "garbage!"})
	require.ErrorIs(t, err, intercom.ErrValidation)
}

func contactIDs(cs []intercom.Contact) []intercom.ID {
	var out []intercom.ID
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestContactSubresources(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "s@example.com"})
	require.NoError(t, err)
	segs, _, err := client.Contacts.ListSegments(ctx, c.ID)
	require.NoError(t, err)
	require.Empty(t, segs.Data)
	subs, _, err := client.Contacts.ListSubscriptions(ctx, c.ID)
	require.NoError(t, err)
	require.Empty(t, subs.Data)
	_, _, err = client.Contacts.ListSegments(ctx, "missing")
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestContactByExternalIDAndBlock(t *testing.T) {
	t.Parallel()
	srv, client, ctx := setup(t)
	user, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "ext@example.com", ExternalID: "u-ext"})
	require.NoError(t, err)
	_, _, err = client.Contacts.Create(ctx, intercom.ContactCreateRequest{Role: intercom.ContactRoleLead, ExternalID: "l-ext"})
	require.NoError(t, err)
	c13 := srv.Client(intercom.WithAPIVersion("2.13"))

	var raw []byte
	got, _, err := c13.Contacts.GetByExternalID(ctx, "u-ext", nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, got)
	require.Equal(t, user.ID, got.ID)
	require.Equal(t, "ext@example.com", got.Email)
	_, _, err = c13.Contacts.GetByExternalID(ctx, "l-ext", nil)
	require.ErrorIs(t, err, intercom.ErrNotFound, "leads are not found by external id")
	_, _, err = c13.Contacts.GetByExternalID(ctx, "nobody", nil)
	require.ErrorIs(t, err, intercom.ErrNotFound)

	blocked, _, err := c13.Contacts.Block(ctx, user.ID, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, blocked)
	require.Equal(t, intercom.ContactBlocked{Type: "contact", ID: user.ID, ExternalID: "u-ext", Blocked: true}, *blocked)
	_, _, err = c13.Contacts.Block(ctx, "000000000000000000000000")
	require.ErrorIs(t, err, intercom.ErrNotFound)
}
