package intercom_test

import (
	"context"
	"fmt"
	"log"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// List the workspace's office hours schedules (API 2.16 and later), with
// their time zone and weekly intervals (minutes from the start of the
// week). The example runs against the in-process fake; with a real token,
// create the client with intercom.NewClient(token, intercom.WithAPIVersion("2.16")).
func ExampleOfficeHoursService_List() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithAPIVersion("2.16"))

	schedules, _, err := client.OfficeHours.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range schedules.Data {
		fmt.Println(s.ID, s.Name, s.TimeZoneName, "24/7:", s.TwentyFourSeven)
		for _, iv := range s.TimeIntervals {
			fmt.Printf("  day %d: minute %d to %d\n", iv.DayOfWeek, iv.StartMinute, iv.EndMinute)
		}
	}
	// Output:
	// 123 Standard Support Hours America/New_York 24/7: false
	//   day 0: minute 540 to 1020
	//   day 1: minute 1980 to 2460
}
