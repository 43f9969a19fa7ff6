package intercomtest

import "net/http"

// IDs of the ticket states every Server starts with (API 2.12 and later
// show them; before, a ticket's state is its category).
const (
	// SubmittedTicketStateID is the state of category submitted of every ticket type.
	SubmittedTicketStateID = "8601"
	// InProgressTicketStateID is the state of category in_progress of every ticket type.
	InProgressTicketStateID = "8602"
	// WaitingOnCustomerTicketStateID is the state of category
	// waiting_on_customer of every ticket type.
	WaitingOnCustomerTicketStateID = "8603"
	// ResolvedTicketStateID is the state of category resolved of every ticket type.
	ResolvedTicketStateID = "8604"
	// WithDevTeamTicketStateID is a second state of category in_progress
	// ("With Dev Team" for teammates, "In progress" for customers) that
	// only the Bug Report ticket type uses.
	WithDevTeamTicketStateID = "8605"
)

// ticketState is a seeded ticket state.
type ticketState struct {
	id, category, internalLabel, externalLabel string
	// types are the ids of the ticket types that use the state.
	types []string
}

// ref is the state as tickets and ticket types carry it.
func (ts *ticketState) ref() obj {
	return obj{"type": "ticket_state", "id": ts.id, "category": ts.category,
		"internal_label": ts.internalLabel, "external_label": ts.externalLabel}
}

// seedTicketStates creates the ticket states; the ticket types exist.
func (st *state) seedTicketStates() {
	all := st.ticketTypeIDs
	add := func(id, category, internal, external string, types []string) {
		st.ticketStates[id] = &ticketState{id: id, category: category, internalLabel: internal, externalLabel: external, types: types}
		st.ticketStateIDs = append(st.ticketStateIDs, id)
	}
	add(SubmittedTicketStateID, "submitted", "Submitted", "Submitted", all)
	add(InProgressTicketStateID, "in_progress", "In progress", "In progress", all)
	add(WaitingOnCustomerTicketStateID, "waiting_on_customer", "Waiting on customer", "Waiting on customer", all)
	add(ResolvedTicketStateID, "resolved", "Resolved", "Resolved", all)
	add(WithDevTeamTicketStateID, "in_progress", "With Dev Team", "In progress", []string{BugReportTicketTypeID})
}

// ticketStateOf returns the state of a category a ticket type uses first.
func (st *state) ticketStateOf(typeID, category string) *ticketState {
	for _, id := range st.ticketStateIDs {
		if ts := st.ticketStates[id]; ts.category == category && usesState(ts, typeID) {
			return ts
		}
	}
	return nil
}

func usesState(ts *ticketState, typeID string) bool {
	for _, t := range ts.types {
		if t == typeID {
			return true
		}
	}
	return false
}

// statesOfType lists the states a ticket type uses, as ticket types carry
// them from API 2.12.
func (st *state) statesOfType(typeID string) obj {
	data := []any{}
	for _, id := range st.ticketStateIDs {
		if ts := st.ticketStates[id]; usesState(ts, typeID) {
			data = append(data, ts.ref())
		}
	}
	return obj{"type": "list", "data": data}
}

// renderTicketType returns a ticket type as the request's version shows it:
// with its ticket states from 2.12.
func (c *call) renderTicketType(tt obj) obj {
	out := cloneObj(tt)
	if c.since("2.12") {
		out["ticket_states"] = c.st.statesOfType(idString(tt["id"]))
	}
	return out
}

func registerTicketStates(rt *router) {
	rt.add(http.MethodGet, "/ticket_states", func(c *call) reply {
		data := []any{}
		for _, id := range c.st.ticketStateIDs {
			ts := c.st.ticketStates[id]
			item := ts.ref()
			types := []any{}
			for _, tid := range ts.types {
				tt := c.st.ticketTypes[tid]
				types = append(types, obj{"type": "ticket_type", "id": tid, "name": tt["name"], "description": tt["description"],
					"icon": tt["icon"], "archived": tt["archived"], "is_internal": tt["is_internal"], "category": tt["category"]})
			}
			item["ticket_types"] = obj{"type": "list", "data": types}
			item["archived"] = false
			data = append(data, item)
		}
		return ok(obj{"type": "list", "data": data})
	})
}
