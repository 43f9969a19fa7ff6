package redislimit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-intercom/intercom/internal/readmecheck"
)

// TestREADMESnippetCompiles builds the README's redislimit snippet.
func TestREADMESnippetCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a scratch module")
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	here, _ := filepath.Abs(".")
	root, _ := filepath.Abs("..")
	n := readmecheck.Check(t, readme, func(code string) bool { return strings.Contains(code, "redislimit.") }, `package main

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

`, gosum, readmecheck.Module{Path: "github.com/go-intercom/intercom", Dir: root},
		readmecheck.Module{Path: "github.com/go-intercom/intercom/redislimit", Dir: here})
	if n != 1 {
		t.Fatalf("built %d snippets, want the README's one redislimit snippet", n)
	}
}
