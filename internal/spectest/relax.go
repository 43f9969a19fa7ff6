package spectest

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// This file holds every relaxation the harness applies to its validation copy
// of the description (never to Doc()). Each one exists because the
// description is wrong in a way that would make a correct request fail:
//
//  1. Integer-typed path parameters (pathParamRelaxations below). Ids travel
//     as strings in the SDK. Where the id really is numeric, the parameter
//     becomes a string that must match ^[0-9]+$ (same strictness, no
//     dependence on number parsing); where the spec's integer type is plainly
//     wrong (the contact id of /contacts/{id}/notes is a hex string like
//     63a07ddf05a32042dffac965) it becomes a plain string.
//
//  2. oneOf without a discriminator in request bodies becomes anyOf
//     (relaxRequestOneOf). The bodies of createContact/updateContact,
//     manageConversation, replyConversation (and its contact reply),
//     replyTicket (and its contact reply), createTag (POST /tags),
//     redactConversation, attachContactToConversation (customer),
//     createTicket (contacts[]) and the search query (and its filter value)
//     list alternatives that carry no additionalProperties: false and
//     overlap, so a valid body can match two of them and openapi3filter
//     rejects it with "matches more than one schema from oneOf". anyOf keeps
//     the useful part of the check (the body must match at least one
//     alternative: a search query of 5 still fails), and a failure message
//     says why each alternative failed.
//
//  3. "nullable: true" written beside a "$ref" (nullableRefSiblings), on 9
//     component properties. OpenAPI 3.0 tooling ignores siblings of $ref, so
//     the null that clears translated_content of a collection
//     (create/update_collection_request), or an explicit null pagination of
//     search_request, would be rejected. Such a property becomes
//     {nullable: true, allOf: [{$ref}]}.
//
//  4. The object query parameter "filter" of lisDataEvents (GET /events) is
//     a form-exploded oneOf of {user_id}, {intercom_user_id} and {email},
//     which openapi3filter cannot decode ("decoding oneOf failed"). It is
//     replaced by three optional string query parameters, and
//     extraChecks["lisDataEvents"] requires exactly one of them, which is
//     what the oneOf (each alternative additionalProperties: false) meant.
//
// Deliberately not relaxed: about 30 request *examples* send integers where
// the schema says string; the SDK sends what the schema says, so the schema
// stays. Bodies are never required (the description marks none required),
// and a body on an operation that declares none is ignored, as
// openapi3filter does by default.

// pathParamRelaxation changes the schema of one integer-typed path parameter.
type pathParamRelaxation struct {
	op, param string
	numeric   bool // true: string matching ^[0-9]+$; false: any string
}

// pathParamRelaxations lists every integer-typed path parameter of the 2.10
// description. relaxDoc fails if the description has one that is not listed
// (or a listed one that is not an integer), so the list stays complete.
var pathParamRelaxations = []pathParamRelaxation{
	{"retrieveAdmin", "id", true},               // GET /admins/{id}
	{"setAwayAdmin", "id", true},                // PUT /admins/{id}/away
	{"retrieveArticle", "id", true},             // GET /articles/{id}
	{"updateArticle", "id", true},               // PUT /articles/{id}
	{"deleteArticle", "id", true},               // DELETE /articles/{id}
	{"retrieveCollection", "id", true},          // GET /help_center/collections/{id}
	{"updateCollection", "id", true},            // PUT /help_center/collections/{id}
	{"deleteCollection", "id", true},            // DELETE /help_center/collections/{id}
	{"retrieveHelpCenter", "id", true},          // GET /help_center/help_centers/{id}
	{"retrieveNewsItem", "id", true},            // GET /news/news_items/{id}
	{"updateNewsItem", "id", true},              // PUT /news/news_items/{id}
	{"deleteNewsItem", "id", true},              // DELETE /news/news_items/{id}
	{"retrieveNote", "id", true},                // GET /notes/{id}
	{"updateDataAttribute", "id", true},         // PUT /data_attributes/{id}
	{"retrieveConversation", "id", true},        // GET /conversations/{id}
	{"updateConversation", "id", true},          // PUT /conversations/{id}
	{"convertConversationToTicket", "id", true}, // POST /conversations/{id}/convert
	{"listNotes", "id", false},                  // GET /contacts/{id}/notes: a contact id, not numeric
	{"createNote", "id", false},                 // POST /contacts/{id}/notes: a contact id, not numeric
}

// numericID is the pattern of the numeric ids of relaxation 1.
const numericID = "^[0-9]+$"

// nullableRefSiblings finds relaxation 3's places in the YAML tree:
// properties of component schemas written as {$ref, nullable: true}.
func nullableRefSiblings(top *yaml.Node) [][2]string {
	var out [][2]string
	pairs(child(child(top, "components"), "schemas"), func(schema string, sn *yaml.Node) {
		pairs(child(sn, "properties"), func(prop string, pn *yaml.Node) {
			if child(pn, "$ref") != nil && child(pn, "nullable") != nil && child(pn, "nullable").Value == "true" {
				out = append(out, [2]string{schema, prop})
			}
		})
	})
	return out
}

// relaxDoc applies the relaxations to the loaded validation copy; top is
// the document's YAML tree.
func relaxDoc(doc *openapi3.T, top *yaml.Node) error {
	var problems []string
	for _, sp := range nullableRefSiblings(top) {
		s := doc.Components.Schemas[sp[0]]
		if s == nil || s.Value == nil || s.Value.Properties[sp[1]] == nil {
			problems = append(problems, fmt.Sprintf("schema property %s.%s not found", sp[0], sp[1]))
			continue
		}
		orig := s.Value.Properties[sp[1]]
		s.Value.Properties[sp[1]] = &openapi3.SchemaRef{Value: &openapi3.Schema{
			Nullable: true,
			AllOf:    openapi3.SchemaRefs{orig},
		}}
	}

	want := map[[2]string]pathParamRelaxation{}
	for _, r := range pathParamRelaxations {
		want[[2]string{r.op, r.param}] = r
	}
	done := map[[2]string]bool{}
	seen := map[*openapi3.Schema]bool{}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for _, op := range item.Operations() {
			if op.OperationID == "lisDataEvents" {
				if err := splitEventsFilter(op); err != nil {
					problems = append(problems, err.Error())
				}
			}
			params := append(append(openapi3.Parameters{}, item.Parameters...), op.Parameters...)
			for _, pr := range params {
				p := pr.Value
				if p == nil || p.In != openapi3.ParameterInPath || p.Schema == nil || p.Schema.Value == nil {
					continue
				}
				key := [2]string{op.OperationID, p.Name}
				r, listed := want[key]
				isInt := p.Schema.Value.Type.Is(openapi3.TypeInteger)
				switch {
				case isInt && !listed:
					problems = append(problems, fmt.Sprintf("integer path parameter %s.%s is not in pathParamRelaxations", key[0], key[1]))
				case listed && !isInt:
					problems = append(problems, fmt.Sprintf("pathParamRelaxations lists %s.%s, which is not an integer", key[0], key[1]))
				case listed:
					s := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Description: p.Schema.Value.Description}
					if r.numeric {
						s.Pattern = numericID
					}
					p.Schema = &openapi3.SchemaRef{Value: s}
					done[key] = true
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					if mt != nil {
						relaxRequestOneOf(mt.Schema, seen)
					}
				}
			}
		}
	}
	for _, r := range pathParamRelaxations {
		if !done[[2]string{r.op, r.param}] {
			problems = append(problems, fmt.Sprintf("pathParamRelaxations lists %s.%s, which does not exist", r.op, r.param))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("relaxations out of date with the description:\n%s", strings.Join(problems, "\n"))
	}
	return nil
}

// eventsFilterKeys are the alternatives of the lisDataEvents filter.
var eventsFilterKeys = []string{"user_id", "intercom_user_id", "email"}

// splitEventsFilter applies relaxation 4 to the lisDataEvents operation.
func splitEventsFilter(op *openapi3.Operation) error {
	for i, pr := range op.Parameters {
		if pr.Value == nil || pr.Value.In != openapi3.ParameterInQuery || pr.Value.Name != "filter" {
			continue
		}
		var repl openapi3.Parameters
		for _, key := range eventsFilterKeys {
			repl = append(repl, &openapi3.ParameterRef{Value: &openapi3.Parameter{
				Name:   key,
				In:     openapi3.ParameterInQuery,
				Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}}},
			}})
		}
		op.Parameters = append(append(append(openapi3.Parameters{}, op.Parameters[:i]...), repl...), op.Parameters[i+1:]...)
		return nil
	}
	return fmt.Errorf("lisDataEvents has no query parameter \"filter\" any more: revisit relaxation 4")
}

// extraChecks are per-operation rules the harness applies after
// openapi3filter, to keep what a relaxation had to take away.
var extraChecks = map[string]func(q url.Values) []string{
	"lisDataEvents": func(q url.Values) []string {
		var present []string
		for _, key := range eventsFilterKeys {
			if _, ok := q[key]; ok {
				present = append(present, key)
			}
		}
		if len(present) != 1 {
			return []string{fmt.Sprintf("query parameter \"filter\": want exactly one of %q, got %q", eventsFilterKeys, present)}
		}
		return nil
	},
}

// relaxRequestOneOf turns every oneOf reachable from a request body schema
// into anyOf (relaxation 2). seen guards against cycles (the search query is
// recursive) and repeated work.
func relaxRequestOneOf(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return
	}
	s := ref.Value
	seen[s] = true
	if len(s.OneOf) > 0 {
		if len(s.AnyOf) == 0 {
			s.AnyOf = s.OneOf
		} else {
			s.AllOf = append(s.AllOf, &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: s.OneOf}})
		}
		s.OneOf = nil
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf} {
		for _, c := range group {
			relaxRequestOneOf(c, seen)
		}
	}
	relaxRequestOneOf(s.Not, seen)
	relaxRequestOneOf(s.Items, seen)
	relaxRequestOneOf(s.AdditionalProperties.Schema, seen)
	for _, name := range componentNames(s.Properties) {
		relaxRequestOneOf(s.Properties[name], seen)
	}
}

func componentNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
