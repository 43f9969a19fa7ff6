package redislimit_test

import (
	"testing"

	"github.com/go-intercom/intercom/internal/readmecheck"
)

// TestREADMESnippetCompiles builds the README's redislimit snippet.
func TestREADMESnippetCompiles(t *testing.T) {
	readmecheck.CheckNested(t, "redislimit.", "github.com/go-intercom/intercom/redislimit", `package main

import (
	"context"
	"log"
	"log/slog"
	"testing"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/redislimit"
	"github.com/redis/go-redis/v9"
)

var (
	_ = context.Background
	_ = log.Println
	_ = slog.Default
	_ = intercom.NewClient
	_ = redislimit.New
	_ = redis.NewClient
	_ testing.TB
)

`)
}
