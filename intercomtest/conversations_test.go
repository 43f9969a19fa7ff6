package intercomtest_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

func partTypes(c *intercom.Conversation) []intercom.ConversationPartType {
	var out []intercom.ConversationPartType
	for _, p := range c.ConversationParts.ConversationParts {
		out = append(out, p.PartType)
	}
	return out
}

func TestConversationLifecycle(t *testing.T) {
	t.Parallel()
	clock := &steppingClock{now: t0}
	_, client, ctx := setup(t, intercomtest.WithClock(clock.Now))
	ada, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "ada@example.com", ExternalID: "u-ada", Name: intercom.Some("Ada")})
	require.NoError(t, err)

	var raw []byte
	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: ada.ID}, Body: "Hello there",
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, msg)
	require.Equal(t, "user_message", msg.Type)
	require.Equal(t, "Hello there", msg.Body)
	require.Equal(t, intercom.MessageTypeInApp, msg.MessageType)
	id := msg.ConversationID
	require.NotEmpty(t, id)

	conv, _, err := client.Conversations.Get(ctx, id, nil, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, conv)
	require.Equal(t, intercom.ConversationStateOpen, conv.State)
	require.True(t, conv.Open)
	require.Equal(t, "<p>Hello there</p>", conv.Source.Body)
	require.Equal(t, "customer_initiated", conv.Source.DeliveredAs)
	require.Equal(t, "ada@example.com", conv.Source.Author.Email)
	require.Equal(t, msg.ID, conv.Source.ID)
	require.Len(t, conv.Contacts.Contacts, 1)
	require.Equal(t, ada.ID, conv.Contacts.Contacts[0].ID)
	require.Equal(t, "u-ada", conv.Contacts.Contacts[0].ExternalID)
	require.Equal(t, intercom.UnixTime(t0), conv.WaitingSince)
	require.Empty(t, conv.AdminAssigneeID)
	require.Nil(t, conv.Teammates)

	clock.Advance(time.Minute)
	conv, _, err = client.Conversations.Reply(ctx, id, intercom.ConversationAdminReply{AdminID: intercomtest.AdminID, Body: "Hi Ada"}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, conv)
	require.Zero(t, conv.WaitingSince, "an admin comment ends the wait")
	require.NotNil(t, conv.Teammates)
	require.Equal(t, intercom.ID(intercomtest.AdminID), conv.Teammates.Teammates[0].ID)
	last := conv.ConversationParts.ConversationParts[0]
	require.Equal(t, "admin", last.Author.Type)
	require.Equal(t, "Ada Lovelace", last.Author.Name)
	require.Equal(t, "<p>Hi Ada</p>", last.Body)
	require.Equal(t, intercom.UnixTime(t0.Add(time.Minute)), conv.UpdatedAt)

	conv, _, err = client.Conversations.Reply(ctx, id, intercom.ConversationAdminReply{AdminID: intercomtest.SecondAdminID, MessageType: intercom.ConversationReplyNote, Body: "<b>VIP</b>"})
	require.NoError(t, err)
	require.Equal(t, []intercom.ConversationPartType{"comment", "note"}, partTypes(conv))
	require.Equal(t, "<b>VIP</b>", conv.ConversationParts.ConversationParts[1].Body)

	for _, r := range []intercom.ConversationContactReply{
		{IntercomUserID: ada.ID, Body: "by id"},
		{Email: "ada@example.com", Body: "by email"},
		{UserID: "u-ada", Body: "by user_id", AttachmentURLs: []string{"https://example.com/shot.png"}},
	} {
		conv, _, err = client.Conversations.Reply(ctx, id, r)
		require.NoError(t, err)
	}
	require.Equal(t, []intercom.ConversationPartType{"comment", "note", "comment", "comment", "comment"}, partTypes(conv))
	lastPart := conv.ConversationParts.ConversationParts[4]
	require.Equal(t, "user", lastPart.Author.Type)
	require.Len(t, lastPart.Attachments, 1)
	require.Equal(t, "shot.png", lastPart.Attachments[0].Name)
	require.NotZero(t, conv.WaitingSince)

	// Snooze for an hour; it reopens by itself when the hour has passed.
	until := intercom.UnixTime(clock.Now().Add(time.Hour))
	conv, _, err = client.Conversations.Snooze(ctx, id, intercom.ConversationSnoozeRequest{AdminID: intercomtest.AdminID, SnoozedUntil: until})
	require.NoError(t, err)
	require.Equal(t, intercom.ConversationStateSnoozed, conv.State)
	require.True(t, conv.Open, "snoozed conversations count as open")
	require.Equal(t, until, conv.SnoozedUntil)
	clock.Advance(2 * time.Hour)
	conv, _, err = client.Conversations.Get(ctx, id, nil)
	require.NoError(t, err)
	require.Equal(t, intercom.ConversationStateOpen, conv.State)
	require.Zero(t, conv.SnoozedUntil)

	conv, _, err = client.Conversations.Close(ctx, id, intercom.ConversationCloseRequest{AdminID: intercomtest.AdminID, Body: "Bye"})
	require.NoError(t, err)
	require.Equal(t, intercom.ConversationStateClosed, conv.State)
	require.False(t, conv.Open)
	closePart := conv.ConversationParts.ConversationParts[len(conv.ConversationParts.ConversationParts)-1]
	require.Equal(t, intercom.ConversationPartClose, closePart.PartType)
	require.Equal(t, "<p>Bye</p>", closePart.Body)

	// A contact's reply reopens a closed conversation ("last" is their latest).
	conv, _, err = client.Conversations.Reply(ctx, "last", intercom.ConversationContactReply{IntercomUserID: ada.ID, Body: "One more thing"})
	require.NoError(t, err)
	require.Equal(t, intercom.ID(id), conv.ID)
	require.Equal(t, intercom.ConversationStateOpen, conv.State)
	require.Equal(t, intercom.ConversationPartOpen, partTypes(conv)[len(partTypes(conv))-1])

	conv, _, err = client.Conversations.Close(ctx, id, intercom.ConversationCloseRequest{AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	require.Equal(t, intercom.ConversationStateClosed, conv.State)
	conv, _, err = client.Conversations.Open(ctx, id, intercom.ConversationOpenRequest{AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	require.Equal(t, intercom.ConversationStateOpen, conv.State)

	// Assignment.
	conv, _, err = client.Conversations.Assign(ctx, id, intercom.ConversationAssignRequest{AdminID: intercomtest.AdminID, AssigneeID: intercomtest.SecondAdminID, Type: intercom.AssigneeAdmin, Body: "yours"})
	require.NoError(t, err)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), conv.AdminAssigneeID)
	assign := conv.ConversationParts.ConversationParts[len(conv.ConversationParts.ConversationParts)-1]
	require.Equal(t, intercom.ConversationPartAssignment, assign.PartType)
	require.NotNil(t, assign.AssignedTo)
	require.Equal(t, intercom.Reference{Type: "admin", ID: intercomtest.SecondAdminID}, *assign.AssignedTo)
	conv, _, err = client.Conversations.Assign(ctx, id, intercom.ConversationAssignRequest{AdminID: intercomtest.AdminID, AssigneeID: intercomtest.BillingTeamID, Type: intercom.AssigneeTeam})
	require.NoError(t, err)
	require.Equal(t, intercom.ID(intercomtest.BillingTeamID), conv.TeamAssigneeID)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), conv.AdminAssigneeID)
	conv, _, err = client.Conversations.Assign(ctx, id, intercom.ConversationAssignRequest{AdminID: intercomtest.AdminID, AssigneeID: "0", Type: intercom.AssigneeAdmin})
	require.NoError(t, err)
	require.Empty(t, conv.AdminAssigneeID, `"0" unassigns`)

	_, _, err = client.Conversations.Assign(ctx, id, intercom.ConversationAssignRequest{AdminID: intercomtest.AdminID, AssigneeID: "42", Type: intercom.AssigneeTeam})
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = client.Conversations.Close(ctx, id, intercom.ConversationCloseRequest{AdminID: "42"})
	var apiErr *intercom.APIError
	require.ErrorAs(t, err, &apiErr)
	require.True(t, apiErr.HasCode("admin_not_found"))
	_, _, err = client.Conversations.Close(ctx, "999999", intercom.ConversationCloseRequest{AdminID: intercomtest.AdminID})
	require.ErrorIs(t, err, intercom.ErrNotFound)
	_, _, err = client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: "123_doesnt_exist"}, Body: "x"})
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestConversationUpdateAndDisplay(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "d@example.com"})
	require.NoError(t, err)
	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: c.ID}, Body: "Plain"})
	require.NoError(t, err)
	id := msg.ConversationID

	conv, _, err := client.Conversations.Update(ctx, id, intercom.ConversationUpdateRequest{
		Read: intercom.Some(true), CustomAttributes: map[string]any{"issue_type": "billing", "priority_score": 3},
	}, nil)
	require.NoError(t, err)
	require.True(t, conv.Read)
	require.Equal(t, map[string]any{"issue_type": "billing", "priority_score": float64(3)}, conv.CustomAttributes)

	conv, _, err = client.Conversations.Get(ctx, id, &intercom.ConversationDisplayOptions{DisplayAs: intercom.DisplayAsPlaintext})
	require.NoError(t, err)
	require.Equal(t, "Plain", conv.Source.Body)
}

func TestConversationListPagination(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "l@example.com"})
	require.NoError(t, err)
	var ids []intercom.ID
	for i := range 5 {
		m, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
			From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: c.ID}, Body: fmt.Sprint("msg ", i)})
		require.NoError(t, err)
		ids = append(ids, m.ConversationID)
	}
	var raw []byte
	p1, _, err := client.Conversations.List(ctx, &intercom.ConversationListOptions{PerPage: 2}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, p1)
	require.Equal(t, "conversation.list", p1.Type)
	require.Equal(t, 5, p1.TotalCount)
	require.Len(t, p1.Conversations, 2)
	require.NotEmpty(t, p1.Pages.Next.StartingAfter)

	all, err := intercom.Collect(client.Conversations.ListAll(ctx, &intercom.ConversationListOptions{PerPage: 2}))
	require.NoError(t, err)
	var got []intercom.ID
	for _, cv := range all {
		got = append(got, cv.ID)
		require.Empty(t, cv.ConversationParts.ConversationParts, "lists carry no parts")
	}
	require.Equal(t, ids, got)
}

func TestConversationParticipantsAndTags(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	a, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "a@example.com"})
	require.NoError(t, err)
	b, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "b@example.com", ExternalID: "ub"})
	require.NoError(t, err)
	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: a.ID}, Body: "group"})
	require.NoError(t, err)
	id := msg.ConversationID

	var raw []byte
	res, _, err := client.Conversations.AttachContact(ctx, id, intercom.ConversationAttachContactRequest{AdminID: intercomtest.AdminID,
		Customer: intercom.ConversationCustomer{UserID: "ub"}}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, res)
	require.Len(t, res.Customers, 2)
	require.Equal(t, b.ID, res.Customers[1].ID)

	res, _, err = client.Conversations.DetachContact(ctx, id, a.ID, intercom.ConversationDetachContactRequest{AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	require.Len(t, res.Customers, 1)
	require.Equal(t, b.ID, res.Customers[0].ID)

	tag, _, err := client.Tags.CreateOrUpdate(ctx, intercom.TagCreateOrUpdateRequest{Name: "Urgent"})
	require.NoError(t, err)
	applied, _, err := client.Conversations.AttachTag(ctx, id, intercom.ConversationAttachTagRequest{ID: tag.ID, AdminID: intercomtest.SecondAdminID}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, applied)
	require.Equal(t, "Urgent", applied.Name)
	require.Equal(t, intercom.ID(intercomtest.SecondAdminID), applied.AppliedBy.ID)
	require.NotZero(t, applied.AppliedAt)
	conv, _, err := client.Conversations.Get(ctx, id, nil)
	require.NoError(t, err)
	require.Len(t, conv.Tags.Tags, 1)
	require.Equal(t, tag.ID, conv.Tags.Tags[0].ID)

	_, _, err = client.Conversations.DetachTag(ctx, id, tag.ID, intercom.ConversationDetachTagRequest{AdminID: intercomtest.AdminID})
	require.NoError(t, err)
	conv, _, err = client.Conversations.Get(ctx, id, nil)
	require.NoError(t, err)
	require.Empty(t, conv.Tags.Tags)

	_, _, err = client.Conversations.AttachTag(ctx, id, intercom.ConversationAttachTagRequest{ID: "404404", AdminID: intercomtest.AdminID})
	require.ErrorIs(t, err, intercom.ErrNotFound)
}

func TestAdminMessages(t *testing.T) {
	t.Parallel()
	_, client, ctx := setup(t)
	c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{Email: "m@example.com"})
	require.NoError(t, err)
	var raw []byte
	msg, _, err := client.Messages.Create(ctx, intercom.MessageCreateRequest{
		MessageType: intercom.MessageRequestEmail, Subject: "Welcome", Body: "Hi!", Template: intercom.MessageTemplatePlain,
		From:                                  intercom.MessageSender{ID: intercomtest.AdminID},
		To:                                    intercom.MessageRecipient{Type: "user", ID: c.ID},
		CreateConversationWithoutContactReply: intercom.Some(true),
	}, intercom.WithResponseBody(&raw))
	require.NoError(t, err)
	assertLossless(t, raw, msg)
	require.Equal(t, "admin_message", msg.Type)
	require.Equal(t, intercom.MessageTypeEmail, msg.MessageType)
	require.NotNil(t, msg.Owner)
	require.Equal(t, intercom.ID(intercomtest.AdminID), msg.Owner.ID)
	require.NotEmpty(t, msg.ConversationID)

	conv, _, err := client.Conversations.Get(ctx, msg.ConversationID, nil)
	require.NoError(t, err)
	require.Equal(t, intercom.ConversationSourceEmail, conv.Source.Type)
	require.Equal(t, "admin_initiated", conv.Source.DeliveredAs)
	require.Equal(t, "Welcome", conv.Source.Subject)

	msg, _, err = client.Messages.Create(ctx, intercom.MessageCreateRequest{
		MessageType: intercom.MessageRequestInApp, Body: "In-app", From: intercom.MessageSender{ID: intercomtest.AdminID},
		To: intercom.MessageRecipient{Type: "user", Email: "m@example.com"},
	})
	require.NoError(t, err)
	require.Equal(t, intercom.MessageTypeInApp, msg.MessageType)
	require.Empty(t, msg.ConversationID)

	msg, _, err = client.Messages.Create(ctx, intercom.MessageCreateRequest{Body: "from the user", From: intercom.MessageSender{Type: "user", ID: c.ID}})
	require.NoError(t, err)
	require.Equal(t, "user_message", msg.Type)
	require.NotEmpty(t, msg.ConversationID)

	_, _, err = client.Messages.Create(ctx, intercom.MessageCreateRequest{
		MessageType: intercom.MessageRequestInApp, Body: "x", From: intercom.MessageSender{ID: intercomtest.AdminID},
		To: intercom.MessageRecipient{Type: "user", ID: "nobody"}})
	require.ErrorIs(t, err, intercom.ErrNotFound)
}
