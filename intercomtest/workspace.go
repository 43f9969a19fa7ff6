package intercomtest

import (
	"net/http"
	"strconv"
)

// seed creates the admins, teams and ticket types every server starts with.
func (st *state) seed() {
	t := st.created - 86400*30
	addAdmin := func(id, name, email, job string, away bool, teams ...string) {
		teamIDs := []any{}
		for _, tm := range teams {
			n, _ := strconv.ParseInt(tm, 10, 64)
			teamIDs = append(teamIDs, n)
		}
		st.admins[id] = obj{
			"type": "admin", "id": id, "name": name, "email": email, "job_title": job,
			"away_mode_enabled": away, "away_mode_reassign": away, "has_inbox_seat": true,
			"team_ids": teamIDs,
		}
		st.adminIDs = append(st.adminIDs, id)
	}
	addAdmin(AdminID, "Ada Lovelace", "ada@intercomtest.example", "Support Lead", false, SupportTeamID)
	addAdmin(SecondAdminID, "Grace Hopper", "grace@intercomtest.example", "Support Engineer", false, SupportTeamID)
	addAdmin(AwayAdminID, "Alan Turing", "alan@intercomtest.example", "Billing Specialist", true, BillingTeamID)

	addTeam := func(id, name string, admins ...string) {
		ids := []any{}
		for _, a := range admins {
			n, _ := strconv.ParseInt(a, 10, 64)
			ids = append(ids, n)
		}
		st.teams[id] = obj{
			"type": "team", "id": id, "name": name, "admin_ids": ids,
			"admin_priority_level": obj{"primary_admin_ids": ids, "secondary_admin_ids": []any{}},
		}
		st.teamIDs = append(st.teamIDs, id)
	}
	addTeam(SupportTeamID, "Support", AdminID, SecondAdminID)
	addTeam(BillingTeamID, "Billing", AwayAdminID)

	attrID := 260
	addTicketType := func(id, name, description, icon, category string) {
		n, _ := strconv.ParseInt(id, 10, 64)
		attr := func(name, description string, order int, multiline bool) obj {
			attrID++
			return obj{
				"type": "ticket_type_attribute", "id": strconv.Itoa(attrID), "workspace_id": WorkspaceID,
				"name": name, "description": description, "data_type": "string",
				"input_options": obj{"multiline": multiline}, "order": order,
				"required_to_create": false, "required_to_create_for_contacts": false,
				"visible_on_create": true, "visible_to_contacts": true, "default": true,
				"ticket_type_id": n, "archived": false, "created_at": t, "updated_at": t,
			}
		}
		st.ticketTypes[id] = obj{
			"type": "ticket_type", "id": id, "name": name, "description": description, "icon": icon,
			"workspace_id": WorkspaceID, "archived": false, "created_at": t, "updated_at": t,
			"is_internal": category == "Back-office", "category": category,
			"ticket_type_attributes": obj{"type": "list", "data": []any{
				attr("_default_title_", "", 0, false),
				attr("_default_description_", "", 1, true),
			}},
		}
		st.ticketTypeIDs = append(st.ticketTypeIDs, id)
	}
	addTicketType(BugReportTicketTypeID, "Bug Report", "Something does not work as it should", "🐞", "Customer")
	addTicketType(FeatureRequestTicketTypeID, "Feature Request", "Something a customer would like", "💡", "Customer")
	addTicketType(BackOfficeTicketTypeID, "Refund Approval", "A refund waiting for approval", "💸", "Back-office")
	st.seedTicketStates()
}

// adminRef is the author object of an admin in parts and notes.
func (st *state) adminRef(id string) obj {
	a := st.admins[id]
	if a == nil {
		return obj{"type": "admin", "id": id}
	}
	return obj{"type": "admin", "id": id, "name": a["name"], "email": a["email"]}
}

// lookupAdmin resolves an admin id sent as a string or a number.
func (st *state) lookupAdmin(v any) (string, *reply) {
	id := idString(v)
	if id == "" {
		rp := fieldErr(http.StatusBadRequest, "parameter_not_found", "admin_id", "admin_id is required")
		return "", &rp
	}
	if st.admins[id] == nil {
		rp := notFound("admin_not_found", "Admin not found")
		return "", &rp
	}
	return id, nil
}

func registerWorkspace(rt *router) {
	rt.add(http.MethodGet, "/me", func(c *call) reply {
		a := cloneObj(c.st.admins[AdminID])
		delete(a, "job_title")
		delete(a, "away_mode_enabled")
		delete(a, "away_mode_reassign")
		a["email_verified"] = true
		a["avatar"] = obj{"type": "avatar", "image_url": "https://static.intercomassets.com/assets/default-avatars/admins/128.png"}
		a["app"] = obj{
			"type": "app", "id_code": WorkspaceID, "name": "intercomtest", "created_at": c.st.created - 86400*365,
			"secure": false, "identity_verification": false, "timezone": "UTC", "region": "US",
		}
		return ok(a)
	})
	rt.add(http.MethodGet, "/admins", func(c *call) reply {
		list := []any{}
		for _, id := range c.st.adminIDs {
			a := cloneObj(c.st.admins[id])
			if c.query.Get("display_avatar") == "true" {
				a["avatar"] = "https://static.intercomassets.com/assets/default-avatars/admins/128.png"
			}
			list = append(list, a)
		}
		return ok(obj{"type": "admin.list", "admins": list})
	})
	rt.add(http.MethodGet, "/admins/{id}", func(c *call) reply {
		a := c.st.admins[c.param("id")]
		if a == nil {
			return notFound("admin_not_found", "Admin not found")
		}
		return ok(cloneObj(a))
	})
	rt.add(http.MethodPut, "/admins/{id}/away", func(c *call) reply {
		a := c.st.admins[c.param("id")]
		if a == nil {
			return notFound("admin_not_found", "Admin not found")
		}
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		away, ok1 := body["away_mode_enabled"].(bool)
		reassign, ok2 := body["away_mode_reassign"].(bool)
		if !ok1 || !ok2 {
			return badRequest("away_mode_enabled", "away_mode_enabled and away_mode_reassign are required booleans")
		}
		a["away_mode_enabled"], a["away_mode_reassign"] = away, reassign
		return ok(cloneObj(a))
	})
	rt.add(http.MethodGet, "/teams", func(c *call) reply {
		list := []any{}
		for _, id := range c.st.teamIDs {
			list = append(list, cloneObj(c.st.teams[id]))
		}
		return ok(obj{"type": "team.list", "teams": list})
	})
	rt.add(http.MethodGet, "/teams/{id}", func(c *call) reply {
		t := c.st.teams[c.param("id")]
		if t == nil {
			return notFound("team_not_found", "Team not found")
		}
		return ok(cloneObj(t))
	})
	rt.add(http.MethodGet, "/ticket_types", func(c *call) reply {
		list := []any{}
		for _, id := range c.st.ticketTypeIDs {
			list = append(list, c.renderTicketType(c.st.ticketTypes[id]))
		}
		return ok(obj{"type": "list", "data": list})
	})
	rt.add(http.MethodGet, "/ticket_types/{id}", func(c *call) reply {
		t := c.st.ticketTypes[c.param("id")]
		if t == nil {
			return notFound("not_found", "Ticket type not found")
		}
		return ok(c.renderTicketType(t))
	})
}
