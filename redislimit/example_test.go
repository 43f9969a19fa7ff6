package redislimit_test

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/redislimit"
	"github.com/redis/go-redis/v9"
)

// Every replica of a service creates its client like this: the same Name
// (and the same Redis) means one budget for all of them. The fake Intercom
// stands in for the real API here; with a real token, create the client
// with intercom.NewClient(token, ...) instead.
func Example() {
	srv := intercomtest.NewServer(intercomtest.WithRateLimit(1666, 10*time.Second))
	defer srv.Close()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	lim, err := redislimit.New(rdb, redislimit.Options{
		Name:   "acme-prod-app", // a name for the app, never its token
		Limit:  1666,            // per 10-second window: Intercom's default for a private app
		Logger: logger,          // says once if Redis is unreachable, and when it is back
	})
	if err != nil {
		log.Fatal(err)
	}
	client, err := intercom.NewClient(srv.Token(), intercom.WithBaseURL(srv.URL()),
		intercom.WithLimiter(lim), intercom.WithLogger(logger))
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	for range 3 {
		me, resp, err := client.Admins.Me(ctx)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(me.Type, resp.Rate.Limit)
	}
	// Output:
	// admin 1666
	// admin 1666
	// admin 1666
}
