package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom/intercomtest"
)

// List the workspace's teams and how many admins each has. The example runs
// against the in-process fake; with a real token, create the client with
// intercom.NewClient(token).
func ExampleTeamsService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client()

	teams, _, err := client.Teams.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range teams.Teams {
		fmt.Println(t.ID, t.Name, len(t.AdminIDs), "admin(s)")
	}
	// Output:
	// 5017001 Support 2 admin(s)
	// 5017002 Billing 1 admin(s)
}
