package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Check the status of an asynchronous job (API 2.14 and later), such as a
// ticket created through an enqueued request, and find the resource it
// made. The example runs against the in-process fake; with a real token,
// create the client with intercom.NewClient(token, intercom.WithAPIVersion("2.14")).
func ExampleJobsService_Get() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.14"))

	job, _, err := client.Jobs.Get(context.Background(), "2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(job.ID, job.Status, "done:", job.Status.Done())
	fmt.Println(job.ResourceType, job.ResourceID, job.ResourceURL)
	// Output:
	// 2 success done: true
	// ticket 20 https://api.intercom.io/tickets/20
}
