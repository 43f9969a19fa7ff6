package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Export the complete configuration of a workflow (API 2.15 and later),
// e.g. to keep it under version control. The example runs against the
// in-process fake; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.15")).
func ExampleWorkflowsService_Export() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.15"))

	export, _, err := client.Workflows.Export(context.Background(), "67890")
	if err != nil {
		log.Fatal(err)
	}
	w := export.Workflow
	fmt.Println("export", export.ExportVersion, "of app", export.AppID)
	fmt.Println(w.ID, w.Title, w.State, w.TriggerType, w.TargetChannels)
	// Output:
	// export 1.0 of app 12345
	// 67890 My Workflow live inbound_conversation [chat]
}
