package intercomtest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Start a fake Intercom, use the client it gives, and look at what the
// client sent. In a test, intercomtest.New(t) does the same and closes the
// server when the test ends.
func ExampleNewServer() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client() // an *intercom.Client with the server's URL and token
	ctx := context.Background()

	contact, _, err := client.Contacts.Create(ctx, intercom.ContactCreateRequest{
		Role:  intercom.ContactRoleLead,
		Email: "grace@example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	got, _, err := client.Contacts.Get(ctx, contact.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.Email, got.Role)

	_, _, err = client.Contacts.Get(ctx, "no-such-contact", nil)
	fmt.Println(errors.Is(err, intercom.ErrNotFound))

	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Status)
	}
	// Output:
	// grace@example.com lead
	// true
	// POST 200
	// GET 200
	// GET 404
}

// Make the next request fail, to test how your code handles Intercom's
// errors. The client here does not retry, so the 503 reaches the caller
// (the SDK's default policy would retry the GET and succeed).
func ExampleServer_FailNext() {
	srv := intercomtest.NewServer()
	defer srv.Close()
	client := srv.Client(intercom.WithMaxRetries(0))
	ctx := context.Background()

	srv.FailNext(1, http.StatusServiceUnavailable)
	_, _, err := client.Admins.Me(ctx)
	var apiErr *intercom.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, errors.Is(err, intercom.ErrServer), apiErr.Errors[0].Code)
	}

	me, _, err := client.Admins.Me(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("then:", me.Name)
	// Output:
	// 503 true service_unavailable
	// then: Ada Lovelace
}
