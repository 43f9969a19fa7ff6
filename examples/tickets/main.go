// Command tickets walks a ticket through its life: it creates a customer
// ticket for a new contact, replies as the contact and as an admin, moves
// the ticket through its states while assigning it, finds it with a search,
// and deletes the contact it created.
//
// With INTERCOM_TOKEN set it talks to that workspace (INTERCOM_REGION picks
// us, eu or au; us by default), which needs at least one ticket type of
// category Customer. Without it, it runs against the in-process fake of
// package intercomtest and says so on stderr:
//
//	go run ./examples/tickets
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
	exampleenv.Main("tickets", func(ctx context.Context, client *intercom.Client, _ bool) error {
		return run(ctx, client, os.Stdout)
	})
}

// newClient returns the client main runs with: see exampleenv.Client.
func newClient(getenv func(string) string, stderr io.Writer) (client *intercom.Client, done func(), err error) {
	client, _, done, err = exampleenv.Client("tickets", getenv, stderr)
	return client, done, err
}

// run is the ticket workflow. It writes what happens to out.
func run(ctx context.Context, client *intercom.Client, out io.Writer) (err error) {
	me, _, err := client.Admins.Me(ctx)
	if err != nil {
		return fmt.Errorf("identifying the admin of the token: %w", err)
	}
	adminID := me.ID
	fmt.Fprintf(out, "acting as %s (admin %s)\n", me.Name, adminID)

	types, _, err := client.TicketTypes.List(ctx)
	if err != nil {
		return fmt.Errorf("listing ticket types: %w", err)
	}
	var tt *intercom.TicketType
	for i := range types.Data {
		if t := &types.Data[i]; t.Category == intercom.TicketCategoryCustomer && !t.Archived {
			tt = t
			break
		}
	}
	if tt == nil {
		return fmt.Errorf("the workspace has no Customer ticket type (of %d types): create one in Intercom's settings", len(types.Data))
	}
	fmt.Fprintf(out, "using ticket type %s %q (%s)\n", tt.ID, tt.Name, tt.Category)

	stamp := time.Now().UnixNano()
	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:  intercom.ContactRoleUser,
		Email: fmt.Sprintf("tickets-%d@example.com", stamp),
		Name:  intercom.Some("Margaret Hamilton"),
	})
	if err != nil {
		return fmt.Errorf("creating the contact: %w", err)
	}
	fmt.Fprintf(out, "created contact %s <%s>\n", contact.ID, contact.Email)
	defer func() {
		if _, _, derr := client.Contacts.Delete(context.WithoutCancel(ctx), contact.ID); derr != nil {
			if err == nil {
				err = fmt.Errorf("deleting the contact: %w", derr)
			}
			return
		}
		fmt.Fprintf(out, "cleanup: deleted contact %s\n", contact.ID)
	}()

	title := fmt.Sprintf("Invoice PDF is blank (%d)", stamp)
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
		TicketTypeID: tt.ID,
		Contacts:     []intercom.TicketContactIdentifier{{ID: contact.ID}},
		TicketAttributes: intercom.TicketAttributes{
			"_default_title_":       title,
			"_default_description_": "Downloading the March invoice gives an empty PDF.",
		},
	})
	if err != nil {
		return fmt.Errorf("creating the ticket: %w", err)
	}
	ticketID := tk.ID
	fmt.Fprintf(out, "created ticket %s (#%s) %q: state %s\n", tk.ID, tk.TicketID, tk.TicketAttributes.Title(), tk.TicketState)

	part, _, err := client.Tickets.Reply(ctx, ticketID, intercom.TicketContactReply{
		IntercomUserID: contact.ID,
		Body:           "It happens in every browser I tried.",
	})
	if err != nil {
		return fmt.Errorf("replying as the contact: %w", err)
	}
	fmt.Fprintf(out, "contact replied: part %s (%s)\n", part.ID, part.PartType)

	part, _, err = client.Tickets.Reply(ctx, ticketID, intercom.TicketAdminReply{
		MessageType: intercom.TicketReplyNote,
		AdminID:     adminID,
		Body:        "Reproduced: the PDF renderer times out on long invoices.",
	})
	if err != nil {
		return fmt.Errorf("adding a note: %w", err)
	}
	fmt.Fprintf(out, "admin added a note: part %s (%s)\n", part.ID, part.PartType)

	steps := []struct {
		label string
		req   intercom.TicketUpdateRequest
	}{
		{"assigned to " + me.Name + " and started", intercom.TicketUpdateRequest{
			State:      intercom.TicketStateInProgress,
			Assignment: intercom.TicketAssignment{AdminID: adminID, AssigneeID: adminID},
		}},
		{"waiting on the customer", intercom.TicketUpdateRequest{State: intercom.TicketStateWaitingOnCustomer}},
		{"resolved", intercom.TicketUpdateRequest{State: intercom.TicketStateResolved}},
	}
	for _, s := range steps {
		if s.req.State == intercom.TicketStateResolved {
			part, _, err = client.Tickets.Reply(ctx, ticketID, intercom.TicketAdminReply{
				MessageType: intercom.TicketReplyComment,
				AdminID:     adminID,
				Body:        "Fixed: the invoice downloads correctly now.",
			})
			if err != nil {
				return fmt.Errorf("replying as the admin: %w", err)
			}
			fmt.Fprintf(out, "admin replied: part %s (%s)\n", part.ID, part.PartType)
		}
		tk, _, err = client.Tickets.Update(ctx, ticketID, s.req)
		if err != nil {
			return fmt.Errorf("updating the ticket (%s): %w", s.label, err)
		}
		fmt.Fprintf(out, "%s: state %s (%s), admin assignee %s\n", s.label, tk.TicketState, tk.TicketStateInternalLabel, orNone(tk.AdminAssigneeID))
	}

	// Search: resolved tickets created since yesterday. Intercom compares
	// dates by day, and indexes new tickets within seconds, so poll a little.
	since := time.Now().Add(-24 * time.Hour).Unix()
	query := intercom.SearchRequest{Query: intercom.And(
		intercom.Filter("state", intercom.OpEquals, intercom.StringValue(string(intercom.TicketStateResolved))),
		intercom.Filter("created_at", intercom.OpGreaterThan, intercom.StringValue(fmt.Sprint(since))),
	)}
	var matched int
	var foundOurs bool
	for attempt := 1; ; attempt++ {
		matched, foundOurs = 0, false
		for t, err := range client.Tickets.SearchAll(ctx, query) {
			if err != nil {
				return fmt.Errorf("searching tickets: %w", err)
			}
			matched++
			foundOurs = foundOurs || t.ID == ticketID
		}
		if foundOurs || attempt == 15 {
			break
		}
		if err := sleep(ctx, time.Second); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "search (state = resolved AND created_at > yesterday): %d ticket(s), ours included: %t\n", matched, foundOurs)

	tk, _, err = client.Tickets.Get(ctx, ticketID)
	if err != nil {
		return fmt.Errorf("fetching the ticket: %w", err)
	}
	var parts []string
	for _, p := range tk.TicketParts.TicketParts {
		parts = append(parts, p.PartType)
	}
	fmt.Fprintf(out, "ticket %s has %d parts: %s\n", tk.ID, len(parts), strings.Join(parts, ", "))
	return nil
}

func orNone(id intercom.ID) string {
	if id == "" || id == "0" {
		return "none"
	}
	return string(id)
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
