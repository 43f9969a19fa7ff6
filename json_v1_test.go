//go:build !go1.27 || !goexperiment.jsonv2

package intercom

import "testing"

// pauseDecodeCheck is json_v2_test.go's; without encoding/json/v2 there is
// no check to pause.
func pauseDecodeCheck(testing.TB) {}
