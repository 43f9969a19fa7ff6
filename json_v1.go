//go:build !go1.27 || !goexperiment.jsonv2

// The side of json_v2.go for builds without encoding/json/v2 (Go 1.25 and
// 1.26 by default, Go 1.27 with GOEXPERIMENT=nojsonv2): the models decode
// with their UnmarshalJSON methods.

package intercom

// decodeJSON decodes a response body into out (ids may arrive as numbers).
func decodeJSON(body []byte, out any) error {
	return unmarshalModel(body, out)
}
