package spectest

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// This file holds every relaxation the harness applies to its validation copy
// of a description (never to Doc() or DocOf()). Each one exists because a
// description is wrong in a way that would make a correct request fail, or
// the harness unable to route or answer it. All seven descriptions (2.10 to
// 2.16) go through the same relaxations; where a relaxation names
// operations, the list covers every version:
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
//  5. Operations without an operationId (2.14 and later: the four
//     reporting-data export endpoints, POST /export/reporting_data/enqueue,
//     GET /export/reporting_data/{job_identifier},
//     GET /export/reporting_data/get_datasets and
//     GET /download/reporting_data/{job_identifier}) are named by their
//     lower-case method and path ("get /export/reporting_data/get_datasets"),
//     so that they can be routed, recorded and answered like the others.
//
//  6. Operations without a success response (successResponseMends): in 2.15
//     and later collectFinVoiceCallByPhoneNumber (GET
//     /fin_voice/phone_number/{phone_number}) declares only 401, 404 and
//     default, though its prose says it returns the matched call. It gets
//     the 200 response of collectFinVoiceCallById, its sibling that returns
//     the same ai_call_response by another key. (showCallRecording declares
//     only a 302 to the recording, which is what it does: its default answer
//     is that 302, without a body.)
//
//  7. Array schemas without "items" (mendArrayItems): in every version the
//     list branch of ticket_custom_attributes and
//     ticket_request_custom_attributes (the values of ticket attributes, and
//     so of convert_conversation_to_ticket_request.attributes) is
//     "type: array" without items, which OpenAPI 3.0 forbids and
//     kin-openapi's Validate rejects. Such a schema gets "items: {}" (any
//     item), which is what an absent items means in JSON Schema.
//
//  8. Path placeholders declared as query parameters (movePathParams): in
//     2.14 and later GET /download/reporting_data/{job_identifier} declares
//     job_identifier "in: query", so no operation defines the placeholder
//     and kin-openapi's Validate rejects the path. The parameter moves to
//     the path, where the template puts it.
//
//  9. Free-form values typed narrowly (freeFormValueMends): in 2.13 and
//     later the custom_attributes of
//     create_or_update_custom_object_instance_request declare
//     "additionalProperties: {type: string}", yet the description's own
//     request example (and every response example) carries a number
//     ("total_amount": 99.99): custom attributes hold strings, numbers,
//     booleans and nulls. So do a company's (2.14 and later, whose own
//     example holds true and 155.5) and a conversation's (the
//     custom_attributes component of 2.12 and later). Such a map takes
//     values of any type.
//
// 10. What only 2.11 says of translated content (translatedContent211): it
//     marks every property of group_content and article_content required,
//     and type of group_translated_content, where 2.10 and 2.12 and later
//     declare none, and its own request example of createArticle sends
//     translated_content without type; and it drops the nullable: true that
//     2.10 and 2.12 and later give article_translated_content and
//     group_translated_content (null clears an article's or a collection's
//     translations). The required lists are dropped and nullable restored
//     (the harness validates requests only, where these schemas are the
//     translated content a caller sends).
//
// 11. Request alternatives only the examples show (exampleAlternatives): in
//     2.16 createMessage takes message_type whatsapp, and its own example
//     of a WhatsApp message sends "to" as {"phone": 5547999998888, "name":
//     …}, which neither alternative of "to" (a recipient {type, id} or a
//     list of them) admits. "to" gains that third alternative, in the
//     versions whose message_type has whatsapp.
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

// pathParamRelaxations lists every integer-typed path parameter of the seven
// descriptions, by operationId and the parameter's name in the versions that
// declare it an integer (2.11 declares none; 2.14 and later rename most {id}
// parameters, e.g. to {admin_id}). relaxDoc fails if a description has one
// that is not listed, and TestRelaxationsComplete if a listed one is an
// integer in none of them, so the list stays complete and current.
var pathParamRelaxations = []pathParamRelaxation{
	// 2.10, 2.12 and 2.13:
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
	// 2.13 adds (and 2.14 renames, below):
	{"retrieveInternalArticle", "id", true}, // GET /internal_articles/{id}
	{"updateInternalArticle", "id", true},   // PUT /internal_articles/{id}
	{"deleteInternalArticle", "id", true},   // DELETE /internal_articles/{id}
	{"deleteConversation", "id", true},      // DELETE /conversations/{id}
	// 2.14 and later, with the parameters renamed:
	{"retrieveAdmin", "admin_id", true},                      // GET /admins/{admin_id}
	{"setAwayAdmin", "admin_id", true},                       // PUT /admins/{admin_id}/away
	{"retrieveArticle", "article_id", true},                  // GET /articles/{article_id}
	{"updateArticle", "article_id", true},                    // PUT /articles/{article_id}
	{"deleteArticle", "article_id", true},                    // DELETE /articles/{article_id}
	{"retrieveCollection", "collection_id", true},            // GET /help_center/collections/{collection_id}
	{"updateCollection", "collection_id", true},              // PUT /help_center/collections/{collection_id}
	{"deleteCollection", "collection_id", true},              // DELETE /help_center/collections/{collection_id}
	{"retrieveHelpCenter", "help_center_id", true},           // GET /help_center/help_centers/{help_center_id}
	{"retrieveInternalArticle", "internal_article_id", true}, // GET /internal_articles/{internal_article_id}
	{"updateInternalArticle", "internal_article_id", true},   // PUT /internal_articles/{internal_article_id}
	{"deleteInternalArticle", "internal_article_id", true},   // DELETE /internal_articles/{internal_article_id}
	{"createNote", "contact_id", false},                      // POST /contacts/{contact_id}/notes: a contact id, not numeric
	{"retrieveConversation", "conversation_id", true},        // GET /conversations/{conversation_id}
	{"updateConversation", "conversation_id", true},          // PUT /conversations/{conversation_id}
	{"deleteConversation", "conversation_id", true},          // DELETE /conversations/{conversation_id}
	{"convertConversationToTicket", "conversation_id", true}, // POST /conversations/{conversation_id}/convert
	{"updateDataAttribute", "data_attribute_id", true},       // PUT /data_attributes/{data_attribute_id}
	{"retrieveNewsItem", "news_item_id", true},               // GET /news/news_items/{news_item_id}
	{"updateNewsItem", "news_item_id", true},                 // PUT /news/news_items/{news_item_id}
	{"deleteNewsItem", "news_item_id", true},                 // DELETE /news/news_items/{news_item_id}
	{"retrieveNote", "note_id", true},                        // GET /notes/{note_id}
	// 2.15 adds:
	{"collectFinVoiceCallById", "id", true}, // GET /fin_voice/collect/{id}
	// 2.16 adds:
	{"retrieveArticleDraft", "id", true},                          // GET /articles/{id}/draft
	{"stageArticleDraft", "id", true},                             // PUT /articles/{id}/draft
	{"publishArticleDraft", "id", true},                           // POST /articles/{id}/draft/publish
	{"attachTagToArticle", "article_id", true},                    // POST /articles/{article_id}/tags
	{"detachTagFromArticle", "article_id", true},                  // DELETE /articles/{article_id}/tags/{id}
	{"listArticleVersions", "article_id", true},                   // GET /articles/{article_id}/versions
	{"retrieveArticleVersion", "article_id", true},                // GET /articles/{article_id}/versions/{id}
	{"attachTagToInternalArticle", "internal_article_id", true},   // POST /internal_articles/{internal_article_id}/tags
	{"detachTagFromInternalArticle", "internal_article_id", true}, // DELETE /internal_articles/{internal_article_id}/tags/{id}
	{"getConversationAttribute", "id", true},                      // GET /conversations/attributes/{id}
	{"updateConversationAttribute", "id", true},                   // PUT /conversations/attributes/{id}
	{"deleteConversationAttribute", "id", true},                   // DELETE /conversations/attributes/{id}
	{"createConversationAttributeOption", "id", true},             // POST /conversations/attributes/{id}/options
	{"updateConversationAttributeOption", "id", true},             // PUT /conversations/attributes/{id}/options/{option_id}
	{"deleteConversationAttributeOption", "id", true},             // DELETE /conversations/attributes/{id}/options/{option_id}
}

// successResponseMends lists relaxation 6: operations that declare no
// success response, with the operation whose 200 response they get.
var successResponseMends = map[string]string{
	"collectFinVoiceCallByPhoneNumber": "collectFinVoiceCallById",
}

// freeFormValueMends lists relaxation 9, as {schema, property}: maps whose
// values the description types as strings but whose examples carry other
// JSON values. A schema absent from a version is skipped.
var freeFormValueMends = [][2]string{
	// 2.13 and later: the request example sends "total_amount": 99.99.
	{"create_or_update_custom_object_instance_request", "custom_attributes"},
	// 2.14 and later: the property's own example is {"paid_subscriber":
	// true, "monthly_spend": 155.5, "team_mates": 9}.
	{"update_company_request", "custom_attributes"},
	{"create_or_update_company_request", "custom_attributes"},
	// 2.12 and later, the component itself ("" property): a conversation's
	// custom attributes, typed string, integer, datetime or a list of custom
	// object instances, while its example holds true and 155.5 (and null
	// clears one, as in 2.10, whose reference to it dangles).
	{"custom_attributes", ""},
}

// numericID is the pattern of the numeric ids of relaxation 1.
const numericID = "^[0-9]+$"

// translatedContent211 lists relaxation 10: the schemas whose required list
// is dropped, and those that are nullable (already, except in 2.11).
var translatedContent211 = struct{ unrequired, nullable []string }{
	unrequired: []string{"group_translated_content", "group_content", "article_content"},
	nullable:   []string{"article_translated_content", "group_translated_content"},
}

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
// the document's YAML tree. It returns the integer path parameters it
// relaxed, as {operationId, parameter}.
func relaxDoc(doc *openapi3.T, top *yaml.Node) (map[[2]string]bool, error) {
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
	for _, fm := range freeFormValueMends {
		s := doc.Components.Schemas[fm[0]]
		if s == nil || s.Value == nil {
			continue // not in this version
		}
		p := s
		if fm[1] != "" {
			p = s.Value.Properties[fm[1]]
		} else if s.Value.AdditionalProperties.Schema == nil {
			continue // already free-form (2.10 and 2.11 mend a dangling reference to it so)
		}
		if p == nil || p.Value == nil || p.Value.AdditionalProperties.Schema == nil {
			problems = append(problems, fmt.Sprintf("freeFormValueMends: %s.%s has no typed additionalProperties", fm[0], fm[1]))
			continue
		}
		if fm[1] == "" {
			s.Value.AdditionalProperties = openapi3.AdditionalProperties{} // the component itself
			continue
		}
		v := *p.Value // the property may be shared: change a copy
		v.AdditionalProperties = openapi3.AdditionalProperties{}
		s.Value.Properties[fm[1]] = &openapi3.SchemaRef{Value: &v}
	}
	for _, name := range translatedContent211.unrequired {
		if s := doc.Components.Schemas[name]; s != nil && s.Value != nil {
			s.Value.Required = nil
		}
	}
	for _, name := range translatedContent211.nullable {
		if s := doc.Components.Schemas[name]; s != nil && s.Value != nil {
			s.Value.Nullable = true
		}
	}
	for _, ea := range exampleAlternatives {
		s := doc.Components.Schemas[ea.schema]
		if s == nil || s.Value == nil || !ea.applies(s.Value) {
			continue // not in this version
		}
		p := s.Value.Properties[ea.property]
		if p == nil || p.Value == nil || len(p.Value.OneOf) == 0 {
			problems = append(problems, fmt.Sprintf("exampleAlternatives: %s.%s has no oneOf", ea.schema, ea.property))
			continue
		}
		cp := *p.Value
		cp.OneOf = append(append(openapi3.SchemaRefs{}, cp.OneOf...), &openapi3.SchemaRef{Value: ea.alternative()})
		s.Value.Properties[ea.property] = &openapi3.SchemaRef{Value: &cp}
	}
	itemsSeen := map[*openapi3.Schema]bool{}
	for _, name := range componentNames(doc.Components.Schemas) {
		mendArrayItems(doc.Components.Schemas[name], itemsSeen)
	}

	want := map[[2]string]pathParamRelaxation{}
	for _, r := range pathParamRelaxations {
		want[[2]string{r.op, r.param}] = r
	}
	done := map[[2]string]bool{}
	seen := map[*openapi3.Schema]bool{}
	byID := map[string]*openapi3.Operation{}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for method, op := range item.Operations() {
			if op.OperationID == "" {
				op.OperationID = strings.ToLower(method) + " " + path // relaxation 5
			}
			byID[op.OperationID] = op
			if err := movePathParams(path, item, op); err != nil {
				problems = append(problems, err.Error())
			}
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
				case listed && isInt:
					s := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Description: p.Schema.Value.Description}
					if r.numeric {
						s.Pattern = numericID
					}
					p.Schema = &openapi3.SchemaRef{Value: s}
					done[key] = true
				}
				// A listed parameter that is a string here is an integer
				// in another version: nothing to relax in this one.
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					if mt != nil {
						relaxRequestOneOf(mt.Schema, seen)
						mendArrayItems(mt.Schema, itemsSeen)
					}
				}
			}
		}
	}
	for _, id := range componentNames(successResponseMends) {
		op, from := byID[id], byID[successResponseMends[id]]
		switch {
		case op == nil:
			continue // not in this version
		case from == nil || from.Responses.Status(200) == nil:
			problems = append(problems, fmt.Sprintf("successResponseMends: %s has no 200 response to lend %s", successResponseMends[id], id))
		case hasSuccess(op):
			problems = append(problems, fmt.Sprintf("successResponseMends lists %s, which declares a success response", id))
		default:
			op.Responses.Set("200", from.Responses.Status(200))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("relaxations out of date with the description:\n%s", strings.Join(problems, "\n"))
	}
	return done, nil
}

// placeholderRE matches the placeholders of a path template.
var placeholderRE = regexp.MustCompile(`\{([^}]+)\}`)

// movePathParams applies relaxation 8 to op, at path in item.
func movePathParams(path string, item *openapi3.PathItem, op *openapi3.Operation) error {
	for _, m := range placeholderRE.FindAllStringSubmatch(path, -1) {
		name := m[1]
		if item.Parameters.GetByInAndName(openapi3.ParameterInPath, name) != nil ||
			op.Parameters.GetByInAndName(openapi3.ParameterInPath, name) != nil {
			continue
		}
		found := false
		for i, pr := range op.Parameters {
			if p := pr.Value; p != nil && p.In == openapi3.ParameterInQuery && p.Name == name {
				cp := *p
				cp.In, cp.Required = openapi3.ParameterInPath, true
				op.Parameters = append(append(append(openapi3.Parameters{}, op.Parameters[:i]...), &openapi3.ParameterRef{Value: &cp}), op.Parameters[i+1:]...)
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%s: placeholder {%s} is declared nowhere", path, name)
		}
	}
	return nil
}

// hasSuccess reports whether op declares a 2xx or 3xx response.
func hasSuccess(op *openapi3.Operation) bool {
	for code := range op.Responses.Map() {
		if len(code) == 3 && (code[0] == '2' || code[0] == '3') {
			return true
		}
	}
	return false
}

// mendArrayItems applies relaxation 7 to every schema reachable from ref.
func mendArrayItems(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return
	}
	s := ref.Value
	seen[s] = true
	if s.Type.Is(openapi3.TypeArray) && s.Items == nil {
		s.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, c := range group {
			mendArrayItems(c, seen)
		}
	}
	mendArrayItems(s.Not, seen)
	mendArrayItems(s.Items, seen)
	mendArrayItems(s.AdditionalProperties.Schema, seen)
	for _, name := range componentNames(s.Properties) {
		mendArrayItems(s.Properties[name], seen)
	}
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

// exampleAlternative is one entry of relaxation 11: a oneOf property of a
// component schema that gains an alternative, in the versions applies
// accepts.
type exampleAlternative struct {
	schema, property string
	applies          func(*openapi3.Schema) bool
	alternative      func() *openapi3.Schema
}

// exampleAlternatives lists relaxation 11.
var exampleAlternatives = []exampleAlternative{
	{ // a WhatsApp message goes to {phone, name}, as 2.16's example sends it
		schema: "create_message_request", property: "to",
		applies: func(s *openapi3.Schema) bool {
			mt := s.Properties["message_type"]
			return mt != nil && mt.Value != nil && slices.Contains(mt.Value.Enum, any("whatsapp"))
		},
		alternative: func() *openapi3.Schema {
			return &openapi3.Schema{
				Type:     &openapi3.Types{openapi3.TypeObject},
				Required: []string{"phone"},
				Properties: openapi3.Schemas{
					"phone": {Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeInteger}}},
					"name":  {Value: &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}}},
				},
			}
		},
	},
}
