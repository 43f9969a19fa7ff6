package intercom

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clearableFields are free-text fields a user may clear: on an update they
// are Opt, so that "" (or null, where Intercom takes it) can be sent.
var clearableFields = map[string]bool{
	"Description": true, "Email": true, "ExternalID": true, "Phone": true, "Avatar": true,
	"Website": true, "Industry": true, "Plan": true,
}

// TestRequestFieldsFollowTheOptionalRule walks every request type of the
// package (structs named …Request, and the reply bodies) and checks the rule
// in CONTRIBUTING.md: required fields plain; optional numbers and booleans
// Opt (their zero is a value to send); Opt fields omitzero; no pointers;
// nullable only on Opt; clearable text Opt on updates.
func TestRequestFieldsFollowTheOptionalRule(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		parsed = append(parsed, af)
	}
	checked, violations := requestRuleViolations(parsed)
	assert.Greater(t, checked, 40, "the walk found the request types")
	assert.Empty(t, violations)

	// The walk catches each kind of violation.
	bad, err := parser.ParseFile(fset, "bad.go", `package intercom
type UpdateThingRequest struct {
	Size        int            `+"`json:\"size,omitempty\"`"+`
	Ptr         *bool          `+"`json:\"ptr,omitempty\"`"+`
	Website     string         `+"`json:\"website,omitempty\"`"+`
	Read        Opt[bool]      `+"`json:\"read\"`"+`
	Nul         string         `+"`json:\"nul\" intercom:\"nullable\"`"+`
	Fine        Opt[int]       `+"`json:\"fine,omitzero\"`"+`
	Required    int            `+"`json:\"required\"`"+`
}`, 0)
	require.NoError(t, err)
	_, violations = requestRuleViolations([]*ast.File{bad})
	require.Len(t, violations, 5, "%q", violations)
	for i, field := range []string{"Size", "Ptr", "Website", "Read", "Nul"} {
		assert.Contains(t, violations[i], "UpdateThingRequest."+field)
	}
}

// requestRuleViolations checks the request types of files against the rule
// and returns how many it checked and what breaks the rule.
func requestRuleViolations(files []*ast.File) (checked int, violations []string) {
	for _, af := range files {
		ast.Inspect(af, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			name := ts.Name.Name
			if !ok || !isRequestType(name) {
				return true
			}
			checked++
			for _, fl := range st.Fields.List {
				tag := ""
				if fl.Tag != nil {
					tag = strings.Trim(fl.Tag.Value, "`")
				}
				st := reflect.StructTag(tag)
				jsonTag, nullableTag := st.Get("json"), hasTagOption(st.Get("intercom"), "nullable")
				typ := exprString(fl.Type)
				isOpt := strings.HasPrefix(typ, "Opt[")
				for _, id := range fl.Names {
					field := name + "." + id.Name
					bad := func(format string, args ...any) {
						violations = append(violations, field+": "+fmt.Sprintf(format, args...))
					}
					switch {
					case strings.HasPrefix(typ, "*"):
						bad("is a pointer (%s): use a value with omitzero, or Opt", typ)
					case (typ == "bool" || typ == "int" || typ == "int64" || typ == "float64") && hasTagOption(jsonTag, "omitempty"):
						bad("is an optional %s with omitempty, so its zero cannot be sent: make it Opt[%s]", typ, typ)
					case strings.HasPrefix(name, "Update") && clearableFields[id.Name] && !isOpt:
						bad("can be cleared on an update: make it Opt[string]")
					case isOpt && !hasTagOption(jsonTag, "omitzero"):
						bad("is an Opt without omitzero")
					case nullableTag && !isOpt:
						bad("is tagged nullable but is no Opt")
					}
				}
			}
			return true
		})
	}
	return checked, violations
}

// isRequestType reports whether a type is a request body: …Request, or one
// of the reply bodies.
func isRequestType(name string) bool {
	switch name {
	case "ConversationContactReply", "ConversationAdminReply", "TicketContactReply", "TicketAdminReply":
		return true
	}
	return strings.HasSuffix(name, "Request")
}

func exprString(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return "*" + exprString(t.X)
	case *ast.ArrayType:
		return "[]" + exprString(t.Elt)
	case *ast.MapType:
		return "map[" + exprString(t.Key) + "]" + exprString(t.Value)
	case *ast.IndexExpr:
		return exprString(t.X) + "[" + exprString(t.Index) + "]"
	case *ast.SelectorExpr:
		return exprString(t.X) + "." + t.Sel.Name
	}
	return "?"
}
