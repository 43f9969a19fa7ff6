package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Search the admin activity log for some event types in a time window (API
// 2.16 and later); SearchActivityLogsAll follows the pages. The example
// runs against the in-process fake; with a real token, create the client
// with intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleAdminsService_SearchActivityLogs() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	logs, _, err := client.Admins.SearchActivityLogs(context.Background(), intercom.AdminSearchActivityLogsRequest{
		CreatedAtAfter:  1677253093,
		CreatedAtBefore: 1677861493,
		EventTypes:      []intercom.ActivityType{intercom.ActivityAppNameChange, intercom.ActivityMessageStateChange},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range logs.ActivityLogs {
		fmt.Println(l.CreatedAt, l.ActivityType, l.PerformedBy.Email)
		fmt.Println(" ", l.ActivityDescription)
	}
	// Output:
	// 2024-12-18T15:54:13Z app_name_change admin5@email.com
	//   Ciaran5 Lee changed your app name from before to after.
}
