package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the content import sources Fin learns from (API 2.12 and later). The
// example runs against the in-process fake, which answers with the example of
// API 2.16's description; with a real token, create the client with
// intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleAIContentService_ListContentImportSources() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	sources, _, err := client.AIContent.ListContentImportSources(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, src := range sources.Data {
		fmt.Println(src.ID, src.URL, src.Status, src.SyncBehavior)
	}
	// Output:
	// 33 https://support.example.com/us/1 active automatic
	// 34 https://support.example.com/us/2 active automatic
	// 35 https://support.example.com/us/3 active automatic
}
