package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the datasets a reporting data export can read, with their
// attributes (API 2.14 and later); pass a dataset's id and attribute ids to
// Enqueue to start an export. The example runs against the in-process fake;
// with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.14")).
func ExampleReportingDataExportService_ListDatasets() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.14"))

	datasets, _, err := client.ReportingDataExport.ListDatasets(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range datasets.Data {
		fmt.Printf("%s (%s), time attribute %s\n", d.ID, d.Name, d.DefaultTimeAttributeID)
		for _, a := range d.Attributes {
			fmt.Println(" ", a.ID, a.Name)
		}
	}
	// Output:
	// conversation (Conversation), time attribute conversation_started_at
	//   conversation_id Conversation ID
}
