// Package exampleenv is the setup the example commands share: it picks the
// Intercom they talk to from the environment (the workspace of
// INTERCOM_TOKEN, or else an in-process fake of package intercomtest) and
// runs a command's body with a client of it.
package exampleenv

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
)

// Client returns a client for the workspace of INTERCOM_TOKEN, in the region
// INTERCOM_REGION names (us, eu or au; us when empty), or, when there is no
// token, a client of an in-process fake Intercom, which it says on stderr
// (fake is then true). getenv reads the environment; name is the example's,
// and the client's user agent is name + "-example". opts are applied last
// (an API version, for instance). done releases what it started.
func Client(name string, getenv func(string) string, stderr io.Writer, opts ...intercom.Option) (client *intercom.Client, fake bool, done func(), err error) {
	userAgent := intercom.WithUserAgent(name + "-example")
	token := strings.TrimSpace(getenv("INTERCOM_TOKEN"))
	if token == "" {
		srv := intercomtest.NewServer()
		fmt.Fprintf(stderr, "INTERCOM_TOKEN is not set: running against the in-process fake Intercom at %s\n", srv.URL())
		return srv.Client(append([]intercom.Option{userAgent}, opts...)...), true, srv.Close, nil
	}
	client, err = intercom.NewClient(token, append([]intercom.Option{
		intercom.WithRegion(intercom.Region(getenv("INTERCOM_REGION"))),
		userAgent}, opts...)...)
	if err != nil {
		return nil, false, nil, err
	}
	return client, false, func() {}, nil
}

// Main is the main function of the example command name. It makes a client
// as Client does from the process's environment and calls run with it,
// whether it is of the fake, and a context that ends on an interrupt. If
// making the client or run fails, Main prints the error after name on
// stderr and exits with status 1, once the fake, if any, is closed. opts
// are passed on to Client.
func Main(name string, run func(ctx context.Context, client *intercom.Client, fake bool) error, opts ...intercom.Option) {
	if err := mainErr(name, run, opts); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

func mainErr(name string, run func(ctx context.Context, client *intercom.Client, fake bool) error, opts []intercom.Option) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	client, fake, done, err := Client(name, os.Getenv, os.Stderr, opts...)
	if err != nil {
		return err
	}
	defer done()
	return run(ctx, client, fake)
}
