package intercomtest

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// IDs of the objects every Server starts with.
const (
	// AdminID is the admin the server's token belongs to: GET /me returns
	// it, and it is the author of tags and notes when a request names none.
	AdminID = "991267001"
	// SecondAdminID is another admin of the Support team.
	SecondAdminID = "991267002"
	// AwayAdminID is an admin of the Billing team who is away.
	AwayAdminID = "991267003"
	// SupportTeamID is the team of AdminID and SecondAdminID.
	SupportTeamID = "5017001"
	// BillingTeamID is the team of AwayAdminID.
	BillingTeamID = "5017002"
	// BugReportTicketTypeID is a Customer ticket type ("Bug Report").
	BugReportTicketTypeID = "87"
	// FeatureRequestTicketTypeID is a Customer ticket type ("Feature Request").
	FeatureRequestTicketTypeID = "88"
	// BackOfficeTicketTypeID is a Back-office ticket type ("Refund Approval").
	BackOfficeTicketTypeID = "89"
	// WorkspaceID is the id of the fake workspace.
	WorkspaceID = "intercomtest0workspace"
)

// obj is a JSON object as the API sends it.
type obj = map[string]any

// state is everything a Server stores. It is guarded by Server.mu.
type state struct {
	created int64 // Unix seconds when the server started
	seq     int64 // creation order of every object
	hexSeq  int64
	numSeq  int64

	admins        map[string]obj
	adminIDs      []string
	teams         map[string]obj
	teamIDs       []string
	ticketTypes   map[string]obj
	ticketTypeIDs []string
	// ticketStates are the seeded ticket states, in ticketStateIDs' order.
	ticketStates   map[string]*ticketState
	ticketStateIDs []string

	contacts      map[string]*contact
	companies     map[string]*company
	conversations map[string]*conversation
	tickets       map[string]*ticket
	ticketNumber  int64
	tags          map[string]*tag
	notes         map[string]*note
	events        []*event
	exports       map[string]*export
	scroll        *scroll
	summaries     map[string]map[string]eventSummary // by contact id, then event name
	planIDs       map[string]string                  // company plan ids by name
	// customObjects holds the custom object instances by type identifier, then id.
	customObjects map[string]map[string]*customObject
	// internalArticles holds the internal articles by id.
	internalArticles map[string]*internalArticle
	// deletedConversations are the conversations deleted, in order.
	deletedConversations []*deletedConversation
}

func newState(now time.Time) *state {
	st := &state{
		created:          now.Unix(),
		numSeq:           100,
		admins:           map[string]obj{},
		teams:            map[string]obj{},
		ticketTypes:      map[string]obj{},
		ticketStates:     map[string]*ticketState{},
		contacts:         map[string]*contact{},
		companies:        map[string]*company{},
		conversations:    map[string]*conversation{},
		tickets:          map[string]*ticket{},
		tags:             map[string]*tag{},
		notes:            map[string]*note{},
		exports:          map[string]*export{},
		planIDs:          map[string]string{},
		customObjects:    map[string]map[string]*customObject{},
		internalArticles: map[string]*internalArticle{},
	}
	st.seed()
	return st
}

// nextSeq returns the next creation sequence number.
func (st *state) nextSeq() int64 {
	st.seq++
	return st.seq
}

// hexID returns a new 24-hex-digit id, like Intercom's contact and company ids.
func (st *state) hexID() string {
	st.hexSeq++
	return fmt.Sprintf("%08x%016x", uint32(st.created), st.hexSeq)
}

// numID returns a new numeric id (as a string), unique across all kinds of
// object, like Intercom's conversation, tag and note ids.
func (st *state) numID() string {
	st.numSeq++
	return strconv.FormatInt(st.numSeq, 10)
}

// ---- pagination ----

const (
	maxPerPage = 150
)

// perPage reads per_page from a value (query string or JSON number),
// defaulting to def; it must be 1..150.
func perPage(v any, def int) (int, *reply) {
	if v == nil || v == "" {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < 1 || n > maxPerPage {
		rp := badRequest("per_page", fmt.Sprintf("per_page must be an integer between 1 and %d", maxPerPage))
		return 0, &rp
	}
	return int(n), nil
}

// pageNumber reads a page number (from 1).
func pageNumber(v string) (int, *reply) {
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		rp := badRequest("page", "page must be a positive integer")
		return 0, &rp
	}
	return n, nil
}

// cursorPage is one page of a cursor-paginated list.
type cursorPage[T any] struct {
	items      []T
	pages      obj
	totalCount int
}

// paginateCursor pages items (sorted by seq) after the cursor; the cursor
// names the seq of the last item of the previous page, so it survives
// deletions.
func paginateCursor[T any](items []T, seqOf func(T) int64, per int, after string) (cursorPage[T], *reply) {
	start := 0
	if after != "" {
		seq, ok := decodeCursor(after)
		if !ok {
			rp := badRequest("starting_after", "starting_after is not a valid cursor")
			return cursorPage[T]{}, &rp
		}
		start = sort.Search(len(items), func(i int) bool { return seqOf(items[i]) > seq })
	}
	end := min(start+per, len(items))
	page := items[start:end]
	totalPages := (len(items) + per - 1) / per
	pageNo := (start+per-1)/per + 1
	pages := obj{"type": "pages", "page": pageNo, "per_page": per, "total_pages": totalPages}
	if end < len(items) && len(page) > 0 {
		pages["next"] = obj{"page": pageNo + 1, "starting_after": encodeCursor(seqOf(page[len(page)-1]))}
	}
	return cursorPage[T]{items: page, pages: pages, totalCount: len(items)}, nil
}

func encodeCursor(seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("seq:" + strconv.FormatInt(seq, 10)))
}

func decodeCursor(s string) (int64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, false
	}
	rest, ok := strings.CutPrefix(string(b), "seq:")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(rest, 10, 64)
	return n, err == nil
}

// paginatePage pages items by page number; it returns the page's items and
// the pages block.
func paginatePage[T any](items []T, page, per int) ([]T, obj) {
	start := min((page-1)*per, len(items))
	end := min(start+per, len(items))
	totalPages := (len(items) + per - 1) / per
	return items[start:end], obj{"type": "pages", "next": nil, "page": page, "per_page": per, "total_pages": totalPages}
}

// ---- value helpers ----

// toInt converts a JSON number, a number or a numeric string to an int64.
func toInt(v any) (int64, bool) {
	f, ok := toFloat(v)
	if !ok || f != math.Trunc(f) {
		return 0, false
	}
	return int64(f), true
}

// toFloat converts a JSON number, a number or a numeric string to a float64.
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0, false
		}
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	return 0, false
}

// idString turns an id sent as a JSON string or number into a string.
func idString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// str returns body[key] as a string ("" when absent, null or not a string).
func str(body obj, key string) string {
	s, _ := body[key].(string)
	return s
}

// numericID returns a numeric id as a JSON number, as Intercom sends admin
// and team assignee ids; "" and "0" are null.
func numericID(id string) any {
	if id == "" || id == "0" {
		return nil
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		return n
	}
	return id
}

// clone deep-copies a JSON value.
func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = clone(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = clone(e)
		}
		return out
	case []obj:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = clone(e)
		}
		return out
	}
	return v
}

func cloneObj(m obj) obj {
	if m == nil {
		return obj{}
	}
	return clone(m).(obj)
}

// mergeAttributes applies a custom_attributes update: null clears them
// all, a null value clears one attribute, other values are set.
func mergeAttributes(dst obj, update any) (obj, *reply) {
	switch u := update.(type) {
	case nil:
		return obj{}, nil
	case map[string]any:
		out := cloneObj(dst)
		for k, v := range u {
			if v == nil {
				delete(out, k)
			} else {
				out[k] = normalize(v)
			}
		}
		return out, nil
	}
	rp := badRequest("custom_attributes", "custom_attributes must be an object")
	return nil, &rp
}

// normalize turns json.Numbers into int64 or float64 so that stored values
// encode and compare simply.
func normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlBody wraps plain text in a paragraph, as Intercom stores message bodies.
func htmlBody(s string) string {
	if s == "" || strings.HasPrefix(strings.TrimSpace(s), "<") {
		return s
	}
	return "<p>" + s + "</p>"
}

// plainText strips HTML tags, for display_as=plaintext.
func plainText(s string) string { return strings.TrimSpace(tagRE.ReplaceAllString(s, "")) }

// sortedBySeq returns the values of m sorted by creation order.
func sortedBySeq[T any](m map[string]T, seqOf func(T) int64) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(seqOf(a), seqOf(b)) })
	return out
}
