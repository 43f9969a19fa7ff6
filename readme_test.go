package intercom

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-intercom/intercom/internal/readmecheck"
	"github.com/stretchr/testify/require"
)

// TestREADMESnippetsCompile builds every Go snippet of the README but the
// nested modules' (intercomotel and redislimit build theirs in their own
// tests), in a scratch module that points at this one: a snippet that no
// longer compiles fails here.
func TestREADMESnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a scratch module")
	}
	t.Parallel()
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	gosum, err := os.ReadFile("go.sum")
	require.NoError(t, err)
	root, err := filepath.Abs(".")
	require.NoError(t, err)
	built := readmecheck.Check(t, readme, func(code string) bool {
		return !strings.Contains(code, "/intercomotel") && !strings.Contains(code, "redis.")
	}, snippetPrelude, gosum, readmecheck.Module{Path: "github.com/go-intercom/intercom", Dir: root})
	require.Greater(t, built, 4)
}

// snippetPrelude starts every scratch file: the imports snippets use, each
// used once so that none is unused.
const snippetPrelude = `package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/go-intercom/intercom"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/webhooks"
)

var (
	_ = context.Background
	_ = errors.Is
	_ = fmt.Println
	_ = log.Println
	_ = slog.Default
	_ = http.Handle
	_ = os.Getenv
	_ = time.Second
	_ = intercom.NewClient
	_ = intercomtest.New
	_ = webhooks.NewHandler
	_ testing.TB
)

`
