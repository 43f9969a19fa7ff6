package intercom_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/go-intercom/intercom"
)

// Build the query (1 OR 2) AND (3 OR 4) from Intercom's nesting example:
// users or leads with an example.com address, created after 1 January 2020
// or owned by admin 42. Validate checks Intercom's limits before sending.
func ExampleAnd() {
	req := intercom.SearchRequest{
		Query: intercom.And(
			intercom.Or(
				intercom.Filter("role", intercom.OpIn, intercom.StringsValue("user", "lead")),
				intercom.Filter("email", intercom.OpEndsWith, intercom.StringValue("@example.com")),
			),
			intercom.Or(
				intercom.Filter("created_at", intercom.OpGreaterThan, intercom.StringValue("1577836800")),
				intercom.Filter("owner_id", intercom.OpEquals, intercom.IntValue(42)),
			),
		),
		Pagination: intercom.SearchPagination{PerPage: 50},
	}
	if err := req.Validate(); err != nil {
		fmt.Println(err)
		return
	}

	// An encoder without HTML escaping keeps ">" as Intercom's examples write it.
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(req); err != nil {
		fmt.Println(err)
	}

	// A third level of groups is over Intercom's limit.
	tooDeep := intercom.And(intercom.Or(intercom.And(
		intercom.Filter("name", intercom.OpContains, intercom.StringValue("Ada")),
	)))
	fmt.Println(tooDeep.Validate())
	// Output:
	// {
	//   "query": {
	//     "operator": "AND",
	//     "value": [
	//       {
	//         "operator": "OR",
	//         "value": [
	//           {
	//             "field": "role",
	//             "operator": "IN",
	//             "value": [
	//               "user",
	//               "lead"
	//             ]
	//           },
	//           {
	//             "field": "email",
	//             "operator": "$",
	//             "value": "@example.com"
	//           }
	//         ]
	//       },
	//       {
	//         "operator": "OR",
	//         "value": [
	//           {
	//             "field": "created_at",
	//             "operator": ">",
	//             "value": "1577836800"
	//           },
	//           {
	//             "field": "owner_id",
	//             "operator": "=",
	//             "value": 42
	//           }
	//         ]
	//       }
	//     ]
	//   },
	//   "pagination": {
	//     "per_page": 50
	//   }
	// }
	// intercom: invalid request: query.value[0].value[0] nests groups 3 levels deep; Intercom allows at most 2 (group → group → filter)
}
