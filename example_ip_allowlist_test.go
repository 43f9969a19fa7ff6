package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Read the workspace's IP allowlist (API 2.14 and later): whether it is
// enforced and the addresses and CIDR ranges it lets in. The example runs
// against the in-process fake; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.14")).
func ExampleIPAllowlistService_Get() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.14"))

	allow, _, err := client.IPAllowlist.Get(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("enabled:", allow.Enabled)
	for _, ip := range allow.IPAllowlist {
		fmt.Println(ip)
	}
	// Output:
	// enabled: true
	// 192.168.1.0/24
	// 10.0.0.1
}
