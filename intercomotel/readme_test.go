package intercomotel_test

import (
	"testing"

	"github.com/go-intercom/intercom/internal/readmecheck"
)

// TestREADMESnippetCompiles builds the README's intercomotel snippet.
func TestREADMESnippetCompiles(t *testing.T) {
	readmecheck.CheckNested(t, "/intercomotel", "github.com/go-intercom/intercom/intercomotel", `package main

import (
	"context"
	"log/slog"
	"testing"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomotel"
)

var (
	_ = context.Background
	_ = slog.Default
	_ = intercom.NewClient
	_ = intercomotel.New
	_ testing.TB
)

`)
}
