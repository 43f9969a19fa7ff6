package intercomtest

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// event is a stored data event.
type event struct {
	seq       int64
	id        string
	name      string
	createdAt int64
	contactID string
	metadata  obj
}

// eventSummary is what POST /events/summaries recorded for one event name.
type eventSummary struct {
	count       int
	first, last int64
}

func (st *state) renderEvent(e *event) obj {
	out := obj{"type": "event", "event_name": e.name, "created_at": e.createdAt, "id": e.id,
		"intercom_user_id": e.contactID, "user_id": nil, "email": nil, "metadata": cloneObj(e.metadata)}
	if ct := st.contacts[e.contactID]; ct != nil {
		out["user_id"], out["email"] = ct.fields["external_id"], ct.fields["email"]
	}
	return out
}

// isoTime formats Unix seconds as the ISO 8601 Intercom uses in summaries.
func isoTime(sec int64) string {
	return time.Unix(sec, 0).UTC().Format("2006-01-02T15:04:05.000Z")
}

func registerEvents(rt *router) {
	rt.add(http.MethodPost, "/events", func(c *call) reply {
		st := c.st
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		name := str(body, "event_name")
		if name == "" {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "event_name", "event_name is required")
		}
		created, isInt := toInt(body["created_at"])
		if !isInt || created <= 0 {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "created_at", "created_at must be a Unix timestamp")
		}
		id, userID, email := idString(body["id"]), idString(body["user_id"]), str(body, "email")
		if id == "" && userID == "" && email == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "user_id", "id, user_id or email is required")
		}
		ct := st.contactBy(id, userID, email)
		if ct == nil {
			return notFound("not_found", "User Not Found")
		}
		meta, _ := normalize(body["metadata"]).(map[string]any)
		st.events = append(st.events, &event{seq: st.nextSeq(), id: st.hexID(), name: name, createdAt: created,
			contactID: ct.id(), metadata: meta})
		return reply{status: http.StatusAccepted}
	})
	rt.add(http.MethodGet, "/events", listEvents)
	rt.add(http.MethodPost, "/events/summaries", func(c *call) reply {
		st := c.st
		body, rp := c.json()
		if rp != nil {
			return *rp
		}
		ct := st.contactBy("", idString(body["user_id"]), "")
		if ct == nil {
			return notFound("not_found", "User Not Found")
		}
		sum, _ := body["event_summaries"].(map[string]any)
		name := str(sum, "event_name")
		if name == "" {
			return fieldErr(http.StatusBadRequest, "parameter_invalid", "event_summaries.event_name", "event_name is required")
		}
		count, _ := toInt(sum["count"])
		first, _ := toInt(sum["first"])
		last, _ := toInt(sum["last"])
		if st.summaries == nil {
			st.summaries = map[string]map[string]eventSummary{}
		}
		if st.summaries[ct.id()] == nil {
			st.summaries[ct.id()] = map[string]eventSummary{}
		}
		st.summaries[ct.id()][name] = eventSummary{count: int(count), first: first, last: last}
		return reply{status: http.StatusOK}
	})
}

func listEvents(c *call) reply {
	st := c.st
	q := c.query
	if q.Get("type") != "user" {
		return fieldErr(http.StatusBadRequest, "parameter_invalid", "type", "type must be user")
	}
	ct := st.contactBy(q.Get("intercom_user_id"), q.Get("user_id"), q.Get("email"))
	if ct == nil {
		if q.Get("intercom_user_id") == "" && q.Get("user_id") == "" && q.Get("email") == "" {
			return fieldErr(http.StatusBadRequest, "parameter_not_found", "user_id", "intercom_user_id, user_id or email is required")
		}
		return notFound("not_found", "User Not Found")
	}
	var mine []*event
	for _, e := range st.events {
		if e.contactID == ct.id() {
			mine = append(mine, e)
		}
	}
	out := obj{"email": ct.fields["email"], "intercom_user_id": ct.id(), "user_id": ct.fields["external_id"]}
	if q.Get("summary") == "true" {
		type agg struct {
			name        string
			count       int
			first, last int64
		}
		var order []string
		sums := map[string]*agg{}
		add := func(name string, count int, first, last int64) {
			a := sums[name]
			if a == nil {
				a = &agg{name: name, first: first, last: last}
				sums[name] = a
				order = append(order, name)
			}
			a.count += count
			a.first, a.last = min(a.first, first), max(a.last, last)
		}
		for _, e := range mine {
			add(e.name, 1, e.createdAt, e.createdAt)
		}
		for name, s := range st.summaries[ct.id()] {
			add(name, s.count, s.first, s.last)
		}
		slices.Sort(order)
		list := []any{}
		for _, name := range order {
			a := sums[name]
			list = append(list, obj{"name": a.name, "first": isoTime(a.first), "last": isoTime(a.last), "count": a.count, "description": ""})
		}
		out["type"], out["events"], out["pages"] = "event.summary", list, obj{}
		return ok(out)
	}
	// Newest first; the cursor is the seq of the last event of the previous page.
	slices.Reverse(mine)
	per, rp := perPage(q.Get("per_page"), 50)
	if rp != nil {
		return *rp
	}
	start := 0
	if after := q.Get("starting_after"); after != "" {
		seq, valid := decodeCursor(after)
		if !valid {
			return badRequest("starting_after", "starting_after is not a valid cursor")
		}
		start = len(mine)
		for i, e := range mine {
			if e.seq < seq {
				start = i
				break
			}
		}
	}
	end := min(start+per, len(mine))
	list := []any{}
	for _, e := range mine[start:end] {
		list = append(list, st.renderEvent(e))
	}
	pages := obj{}
	if end < len(mine) {
		next := url.Values{"type": {"user"}, "intercom_user_id": {ct.id()}, "per_page": {strconv.Itoa(per)},
			"starting_after": {encodeCursor(mine[end-1].seq)}}
		pages["next"] = c.srv.URL() + "/events?" + next.Encode()
	}
	out["type"], out["events"], out["pages"] = "event.list", list, pages
	return ok(out)
}
