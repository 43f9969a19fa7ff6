package spectest

import (
	"fmt"
	"sort"
	"sync"
)

// Endpoint is one endpoint of the API across the versions of Versions: a
// method and a path, whatever each version names the path's placeholders
// (2.11 and 2.14 rename most of them, such as {id} to {contact_id}, without
// changing the wire).
type Endpoint struct {
	// Method is the upper-case HTTP method.
	Method string
	// Path is the canonical template: the one of the oldest version that
	// has the endpoint, so 2.10's for every endpoint of 2.10 (the templates
	// the SDK's methods use).
	Path string
	// Tag is the first tag of the newest version that has the endpoint.
	Tag string
	// Versions lists the versions that have the endpoint, oldest first.
	Versions []string
	// Operations maps each version of Versions to the endpoint's
	// operationId there (see Operation.ID for the operations without one).
	Operations map[string]string
	// Paths maps each version of Versions to the template as it writes it.
	Paths map[string]string
}

var (
	endpointsOnce sync.Once
	endpointsVal  []Endpoint
	endpointsErr  error
)

// Endpoints returns every endpoint of the seven descriptions (232), sorted
// by canonical path, then method. It loads every description, once per
// process, and panics if one cannot be loaded.
func Endpoints() []Endpoint {
	endpointsOnce.Do(func() { endpointsVal, endpointsErr = buildEndpoints() })
	if endpointsErr != nil {
		panic(endpointsErr)
	}
	out := make([]Endpoint, len(endpointsVal))
	for i, e := range endpointsVal {
		e.Versions = append([]string(nil), e.Versions...)
		e.Operations, e.Paths = cloneMap(e.Operations), cloneMap(e.Paths)
		out[i] = e
	}
	return out
}

// EndpointKey returns the key that identifies an endpoint across versions:
// the method and the path with every placeholder emptied, such as
// "GET /contacts/{}" for both GET /contacts/{id} and GET /contacts/{contact_id}.
func EndpointKey(method, path string) string {
	return method + " " + placeholderRE.ReplaceAllString(path, "{}")
}

func buildEndpoints() ([]Endpoint, error) {
	byKey := map[string]*Endpoint{}
	var order []*Endpoint
	for _, v := range versions {
		sp, err := loadVersion(v)
		if err != nil {
			return nil, err
		}
		for _, op := range sp.ops {
			key := EndpointKey(op.Method, op.Path)
			e := byKey[key]
			if e == nil {
				e = &Endpoint{Method: op.Method, Path: op.Path, Operations: map[string]string{}, Paths: map[string]string{}}
				byKey[key] = e
				order = append(order, e)
			}
			if _, dup := e.Paths[v]; dup {
				return nil, fmt.Errorf("spectest: %s: %s %s and %s %s are the same endpoint", v, op.Method, e.Paths[v], op.Method, op.Path)
			}
			e.Versions = append(e.Versions, v)
			e.Operations[v], e.Paths[v], e.Tag = op.ID, op.Path, op.Tag
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].Path != order[j].Path {
			return order[i].Path < order[j].Path
		}
		return order[i].Method < order[j].Method
	})
	out := make([]Endpoint, len(order))
	for i, e := range order {
		out[i] = *e
	}
	return out, nil
}

func cloneMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
