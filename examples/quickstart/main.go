// Command quickstart is a tour of the SDK: it creates contacts and finds
// them with a search, starts a conversation as one of them, replies as an
// admin and as the contact, snoozes and closes the conversation, pages
// through every contact of the workspace, and deletes what it created.
//
// With INTERCOM_TOKEN set it talks to that workspace (INTERCOM_REGION picks
// us, eu or au; us by default). Without it, it runs against the in-process
// fake of package intercomtest and says so on stderr:
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/examples/internal/exampleenv"
)

func main() {
	exampleenv.Main("quickstart", func(ctx context.Context, client *intercom.Client, _ bool) error {
		return run(ctx, client, os.Stdout)
	})
}

// newClient returns the client main runs with: see exampleenv.Client.
func newClient(getenv func(string) string, stderr io.Writer) (client *intercom.Client, done func(), err error) {
	client, _, done, err = exampleenv.Client("quickstart", getenv, stderr)
	return client, done, err
}

// run is the tour. It writes what happens to out.
func run(ctx context.Context, client *intercom.Client, out io.Writer) (err error) {
	me, _, err := client.Admins.Me(ctx)
	if err != nil {
		return fmt.Errorf("identifying the admin of the token: %w", err)
	}
	workspace := ""
	if me.App != nil {
		workspace = me.App.Name
	}
	fmt.Fprintf(out, "authenticated as %s (admin %s) in workspace %q\n", me.Name, me.ID, workspace)

	// Create three users with addresses unique to this run.
	stamp := time.Now().UnixNano()
	prefix := fmt.Sprintf("quickstart-%d-", stamp)
	names := []string{"Ada Lovelace", "Grace Hopper", "Katherine Johnson"}
	var created []*intercom.Contact
	defer func() {
		// Clean up even when a later step fails.
		deleted := 0
		for _, c := range created {
			if _, _, derr := client.Contacts.Delete(context.WithoutCancel(ctx), c.ID); derr == nil {
				deleted++
			} else if err == nil {
				err = fmt.Errorf("deleting contact %s: %w", c.ID, derr)
			}
		}
		fmt.Fprintf(out, "cleanup: deleted %d of %d contacts created by this run\n", deleted, len(created))
	}()
	for i, name := range names {
		c, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
			Role:       intercom.ContactRoleUser,
			Email:      fmt.Sprintf("%s%d@example.com", prefix, i+1),
			ExternalID: fmt.Sprintf("%s%d", prefix, i+1),
			Name:       intercom.Some(name),
		})
		if err != nil {
			return fmt.Errorf("creating contact %q: %w", name, err)
		}
		created = append(created, c)
		fmt.Fprintf(out, "created contact %s: %s <%s>\n", c.ID, c.Name, c.Email)
	}

	// Search for them: users whose email starts with this run's prefix.
	// Intercom indexes new contacts within seconds, so poll a little.
	query := intercom.SearchRequest{
		Query: intercom.And(
			intercom.Filter("email", intercom.OpStartsWith, intercom.StringValue(prefix)),
			intercom.Filter("role", intercom.OpEquals, intercom.StringValue("user")),
		),
		Pagination: intercom.SearchPagination{PerPage: 2},
	}
	var found []intercom.Contact
	for attempt := 1; ; attempt++ {
		found, err = intercom.Collect(client.Contacts.SearchAll(ctx, query))
		if err != nil {
			return fmt.Errorf("searching contacts: %w", err)
		}
		if len(found) >= len(created) || attempt == 15 {
			break
		}
		if err := sleep(ctx, time.Second); err != nil {
			return err
		}
	}
	var foundNames []string
	for _, c := range found {
		foundNames = append(foundNames, c.Name)
	}
	fmt.Fprintf(out, "search (email ^ %q AND role = user, 2 per page) found %d contacts: %s\n",
		prefix, len(found), strings.Join(foundNames, ", "))

	// Ada starts a conversation.
	ada := created[0]
	msg, _, err := client.Conversations.Create(ctx, intercom.ConversationCreateRequest{
		From: intercom.ConversationFrom{Type: intercom.ConversationFromUser, ID: ada.ID},
		Body: "Hi! I can't find last month's invoice.",
	})
	if err != nil {
		return fmt.Errorf("starting a conversation: %w", err)
	}
	convID := msg.ConversationID
	fmt.Fprintf(out, "%s started conversation %s with message %s\n", ada.Name, convID, msg.ID)

	conv, _, err := client.Conversations.Reply(ctx, convID, intercom.ConversationAdminReply{
		AdminID: me.ID,
		Body:    "Hello Ada, it is under Settings → Billing. Does that help?",
	})
	if err != nil {
		return fmt.Errorf("replying as the admin: %w", err)
	}
	fmt.Fprintf(out, "admin replied: conversation %s is %s with %d part(s)\n", conv.ID, conv.State, conv.ConversationParts.TotalCount)

	conv, _, err = client.Conversations.Reply(ctx, convID, intercom.ConversationContactReply{
		IntercomUserID: ada.ID,
		Body:           "Found it, thanks!",
	})
	if err != nil {
		return fmt.Errorf("replying as the contact: %w", err)
	}
	fmt.Fprintf(out, "contact replied: conversation %s is %s with %d part(s)\n", conv.ID, conv.State, conv.ConversationParts.TotalCount)

	until := intercom.UnixTime(time.Now().Add(time.Hour))
	conv, _, err = client.Conversations.Snooze(ctx, convID, intercom.ConversationSnoozeRequest{AdminID: me.ID, SnoozedUntil: until})
	if err != nil {
		return fmt.Errorf("snoozing: %w", err)
	}
	fmt.Fprintf(out, "snoozed: conversation %s is %s until %s\n", conv.ID, conv.State, conv.SnoozedUntil)

	conv, _, err = client.Conversations.Close(ctx, convID, intercom.ConversationCloseRequest{AdminID: me.ID, Body: "Glad we could help."})
	if err != nil {
		return fmt.Errorf("closing: %w", err)
	}
	var parts []string
	for _, p := range conv.ConversationParts.ConversationParts {
		parts = append(parts, string(p.PartType))
	}
	fmt.Fprintf(out, "closed: conversation %s is %s (open=%t); parts: %s\n", conv.ID, conv.State, conv.Open, strings.Join(parts, ", "))

	// Page through every contact of the workspace, 50 at a time.
	total, ours := 0, 0
	for c, err := range client.Contacts.ListAll(ctx, &intercom.ContactListOptions{PerPage: 50}) {
		if err != nil {
			return fmt.Errorf("listing contacts: %w", err)
		}
		total++
		if strings.HasPrefix(c.Email, prefix) {
			ours++
		}
	}
	fmt.Fprintf(out, "listed %d contacts in the workspace, %d of them created by this run\n", total, ours)
	return nil
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
