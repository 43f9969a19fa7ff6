// Command customobjects links records of your own system to a ticket and
// follows the ticket through its states, with API 2.16: it mirrors two
// orders into Intercom as custom object instances (keyed by your order
// ids), opens a ticket about them for a new contact, records the ticket on
// the orders, moves the ticket through the workspace's ticket states
// (by ticket_state_id, as API 2.14 and later take it), marks the orders
// refunded once the ticket is resolved, reads them back, and deletes what
// it created but the ticket.
//
// With INTERCOM_TOKEN set it talks to that workspace (INTERCOM_REGION picks
// us, eu or au; us by default), which needs a ticket type of category
// Customer and a custom object type (INTERCOM_CUSTOM_OBJECT_TYPE, "Order"
// by default) with the attributes status (text), total (decimal) and
// ticket_id (text). Without it, it runs against the in-process fake of
// package intercomtest and says so on stderr:
//
//	go run ./examples/customobjects
package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/examples/internal/exampleenv"
)

// apiVersion is the version the example speaks: custom object instances
// need 2.13, the ticket update body with ticket_state_id and a top-level
// admin_id 2.14.
const apiVersion = "2.16"

func main() {
	exampleenv.Main("customobjects", func(ctx context.Context, client *intercom.Client, _ bool) error {
		return run(ctx, client, cmp.Or(os.Getenv("INTERCOM_CUSTOM_OBJECT_TYPE"), "Order"), os.Stdout)
	}, intercom.WithAPIVersion(apiVersion))
}

// newClient returns the client main runs with: see exampleenv.Client.
func newClient(getenv func(string) string, stderr io.Writer) (client *intercom.Client, done func(), err error) {
	client, _, done, err = exampleenv.Client("customobjects", getenv, stderr, intercom.WithAPIVersion(apiVersion))
	return client, done, err
}

// run is the workflow. It writes what happens to out.
func run(ctx context.Context, client *intercom.Client, objectType string, out io.Writer) (err error) {
	me, _, err := client.Admins.Me(ctx)
	if err != nil {
		return fmt.Errorf("identifying the admin of the token: %w", err)
	}
	fmt.Fprintf(out, "acting as %s (admin %s), API %s\n", me.Name, me.ID, apiVersion)

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
	fmt.Fprintf(out, "using ticket type %s %q\n", tt.ID, tt.Name)

	// The states the ticket type uses, in the workspace's order.
	states, _, err := client.TicketStates.List(ctx)
	if err != nil {
		return fmt.Errorf("listing ticket states: %w", err)
	}
	var path []intercom.TicketStateDetail
	for _, category := range []intercom.TicketState{intercom.TicketStateInProgress, intercom.TicketStateWaitingOnCustomer, intercom.TicketStateResolved} {
		for _, s := range states.Data {
			if s.Category == category && !s.Archived && usedBy(s, tt.ID) {
				path = append(path, s)
			}
		}
	}
	if len(path) == 0 || path[len(path)-1].Category != intercom.TicketStateResolved {
		return fmt.Errorf("ticket type %s has no resolved state", tt.ID)
	}
	var labels []string
	for _, s := range path {
		labels = append(labels, fmt.Sprintf("%s %q", s.ID, s.InternalLabel))
	}
	fmt.Fprintf(out, "states to go through: %s\n", strings.Join(labels, ", "))

	stamp := time.Now().UnixNano()
	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:  intercom.ContactRoleUser,
		Email: fmt.Sprintf("customobjects-%d@example.com", stamp),
		Name:  intercom.Some("Katherine Johnson"),
	})
	if err != nil {
		return fmt.Errorf("creating the contact: %w", err)
	}
	fmt.Fprintf(out, "created contact %s <%s>\n", contact.ID, contact.Email)
	cleanup := context.WithoutCancel(ctx)
	defer func() {
		if _, _, derr := client.Contacts.Delete(cleanup, contact.ID); derr != nil {
			err = cmp.Or(err, fmt.Errorf("deleting the contact: %w", derr))
			return
		}
		fmt.Fprintf(out, "cleanup: deleted contact %s\n", contact.ID)
	}()

	// Mirror two orders, keyed by your ids.
	orders := []struct {
		externalID string
		total      float64
	}{{fmt.Sprintf("order-%d-1", stamp), 42.5}, {fmt.Sprintf("order-%d-2", stamp), 17}}
	var orderIDs []string
	for _, o := range orders {
		inst, _, err := client.CustomObjectInstances.CreateOrUpdate(ctx, objectType, intercom.CustomObjectInstanceCreateOrUpdateRequest{
			ExternalID:        o.externalID,
			ExternalCreatedAt: intercom.Some(intercom.UnixTime(time.Now().Add(-72 * time.Hour))),
			CustomAttributes:  map[string]any{"status": "delivered", "total": o.total},
		})
		if err != nil {
			return fmt.Errorf("creating %s %s: %w", objectType, o.externalID, err)
		}
		orderIDs = append(orderIDs, o.externalID)
		fmt.Fprintf(out, "created %s %s (Intercom id %s): status %v, total %v\n", inst.Type, o.externalID, inst.ID, inst.CustomAttributes["status"], inst.CustomAttributes["total"])
	}
	defer func() {
		for _, ext := range orderIDs {
			if _, _, derr := client.CustomObjectInstances.DeleteByExternalID(cleanup, objectType, intercom.CustomObjectInstanceDeleteByExternalIDOptions{ExternalID: ext}); derr != nil {
				err = cmp.Or(err, fmt.Errorf("deleting %s %s: %w", objectType, ext, derr))
				continue
			}
			fmt.Fprintf(out, "cleanup: deleted %s %s\n", objectType, ext)
		}
	}()

	// A ticket about them.
	tk, _, err := client.Tickets.Create(ctx, intercom.TicketCreateRequest{
		TicketTypeID: tt.ID,
		Contacts:     []intercom.TicketContactIdentifier{{ID: contact.ID}},
		TicketAttributes: intercom.TicketAttributes{
			"_default_title_":       "Two orders arrived damaged",
			"_default_description_": "Orders " + strings.Join(orderIDs, " and ") + " arrived with broken seals.",
		},
	})
	if err != nil {
		return fmt.Errorf("creating the ticket: %w", err)
	}
	fmt.Fprintf(out, "created ticket %s (#%s): state %s %q\n", tk.ID, tk.TicketID, tk.TicketState.Category, tk.TicketState.InternalLabel)

	// Record the ticket on the orders: the same external id updates them.
	for _, ext := range orderIDs {
		inst, _, err := client.CustomObjectInstances.CreateOrUpdate(ctx, objectType, intercom.CustomObjectInstanceCreateOrUpdateRequest{
			ExternalID:       ext,
			CustomAttributes: map[string]any{"ticket_id": tk.ID},
		})
		if err != nil {
			return fmt.Errorf("linking %s %s to the ticket: %w", objectType, ext, err)
		}
		fmt.Fprintf(out, "linked %s %s to ticket %v\n", objectType, ext, inst.CustomAttributes["ticket_id"])
	}

	// Through the states: assigned to the token's admin on the first move.
	for i, s := range path {
		upd := intercom.TicketUpdateRequest{TicketStateID: s.ID, AdminID: me.ID}
		if i == 0 {
			upd.AssigneeID = me.ID
		}
		if tk, _, err = client.Tickets.Update(ctx, tk.ID, upd); err != nil {
			return fmt.Errorf("moving the ticket to %s: %w", s.InternalLabel, err)
		}
		fmt.Fprintf(out, "ticket moved to %s %q (customers see %q), admin assignee %s\n",
			tk.TicketState.Category, tk.TicketState.InternalLabel, tk.TicketState.ExternalLabel, tk.AdminAssigneeID)
	}

	// Resolved: refund the orders, then read them back by your ids.
	for _, ext := range orderIDs {
		if _, _, err := client.CustomObjectInstances.CreateOrUpdate(ctx, objectType, intercom.CustomObjectInstanceCreateOrUpdateRequest{
			ExternalID:       ext,
			CustomAttributes: map[string]any{"status": "refunded"},
		}); err != nil {
			return fmt.Errorf("refunding %s %s: %w", objectType, ext, err)
		}
	}
	for _, ext := range orderIDs {
		inst, _, err := client.CustomObjectInstances.GetByExternalID(ctx, objectType, intercom.CustomObjectInstanceGetByExternalIDOptions{ExternalID: ext})
		if err != nil {
			return fmt.Errorf("reading %s %s: %w", objectType, ext, err)
		}
		fmt.Fprintf(out, "%s %s: status %v, total %v, ticket %v\n", objectType, ext, inst.CustomAttributes["status"], inst.CustomAttributes["total"], inst.CustomAttributes["ticket_id"])
	}

	var parts []string
	for _, p := range tk.TicketParts.TicketParts {
		parts = append(parts, p.PartType)
	}
	fmt.Fprintf(out, "ticket %s has %d parts: %s\n", tk.ID, len(parts), strings.Join(parts, ", "))
	return nil
}

// usedBy reports whether the ticket type typeID uses the state s.
func usedBy(s intercom.TicketStateDetail, typeID intercom.ID) bool {
	for _, t := range s.TicketTypes.Data {
		if t.ID == typeID {
			return true
		}
	}
	return false
}
