package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom/intercomtest"
)

// Find out which admin, and which workspace, the access token belongs to.
// The example runs against the in-process fake; with a real token, create
// the client with intercom.NewClient(token).
func ExampleAdminsService_Me() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	me, resp, err := client.Admins.Me(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.ID, me.Name, me.Email)
	if me.App != nil {
		fmt.Println("workspace:", me.App.IDCode, me.App.Name)
	}
	fmt.Println("request id set:", resp.RequestID != "")
	// Output:
	// 991267001 Ada Lovelace ada@intercomtest.example
	// workspace: intercomtest0workspace intercomtest
	// request id set: true
}
