package intercom_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Share one throttle among every goroutine and every client using the same
// app's token, so that together they stay under Intercom's rate limit
// instead of meeting 429s. Here two clients share a throttle of 3 requests
// an hour (Intercom's default for a private app is NewThrottle(1666,
// 10*time.Second)): the first three calls go at once, and a fourth, whose
// context would end long before the window frees a slot, fails at once
// rather than wait. The example runs against the in-process fake; with a
// real token, create the clients with intercom.NewClient(token,
// intercom.WithThrottle(throttle)).
func ExampleNewThrottle() {
	srv := intercomtest.NewServer()
	defer srv.Close()

	throttle := intercom.NewThrottle(3, time.Hour)
	admins := srv.Client(intercom.WithThrottle(throttle))
	teams := srv.Client(intercom.WithThrottle(throttle))

	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if _, _, err := admins.Admins.Me(context.Background()); err != nil {
				log.Fatal(err)
			}
		})
	}
	wg.Wait()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, _, err := teams.Teams.List(ctx)
	fmt.Println("fourth call:", errors.Is(err, context.DeadlineExceeded))

	// A call may skip the client's throttle.
	_, _, err = teams.Teams.List(ctx, intercom.WithThrottle(nil))
	fmt.Println("unthrottled call:", err)
	fmt.Println("requests the server saw:", len(srv.Requests()))
	// Output:
	// fourth call: true
	// unthrottled call: <nil>
	// requests the server saw: 4
}
