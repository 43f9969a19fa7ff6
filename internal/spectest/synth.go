package spectest

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// maxSynthDepth bounds the nesting of a synthesized example, so that
// recursive schemas (a search query, a conversation part's parent) end.
const maxSynthDepth = 6

// schemaExample builds an example value for a response that declares a
// schema but no example (ArchiveContact in 2.13 and later, the Fin Voice
// operations of 2.15, …): the schema's own example where it gives one,
// else the first enum value, else a placeholder of the schema's type, with
// every property of an object filled in the same way, one item per array,
// and the first alternative of a oneOf or anyOf.
func schemaExample(ref *openapi3.SchemaRef, depth int) any {
	if ref == nil || ref.Value == nil || depth > maxSynthDepth {
		return nil
	}
	s := ref.Value
	if s.Example != nil {
		return s.Example
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	switch {
	case len(s.AllOf) > 0:
		merged := map[string]any{}
		for _, part := range s.AllOf {
			if m, ok := schemaExample(part, depth+1).(map[string]any); ok {
				for k, v := range m {
					merged[k] = v
				}
			}
		}
		for k, v := range objectExample(s, depth) {
			merged[k] = v
		}
		return merged
	case len(s.OneOf) > 0:
		return schemaExample(s.OneOf[0], depth+1)
	case len(s.AnyOf) > 0:
		return schemaExample(s.AnyOf[0], depth+1)
	}
	switch {
	case s.Type.Is(openapi3.TypeString):
		return "string"
	case s.Type.Is(openapi3.TypeInteger):
		return 1
	case s.Type.Is(openapi3.TypeNumber):
		return 1.5
	case s.Type.Is(openapi3.TypeBoolean):
		return true
	case s.Type.Is(openapi3.TypeArray):
		if item := schemaExample(s.Items, depth+1); item != nil {
			return []any{item}
		}
		return []any{}
	}
	return objectExample(s, depth)
}

// objectExample fills every property of s.
func objectExample(s *openapi3.Schema, depth int) map[string]any {
	out := make(map[string]any, len(s.Properties))
	for _, name := range componentNames(s.Properties) {
		if v := schemaExample(s.Properties[name], depth+1); v != nil {
			out[name] = v
		}
	}
	return out
}
