package intercom

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestREADMESnippetsCompile builds every Go snippet of the README but the
// nested modules' (intercomotel, redislimit), whose imports this module does
// not have, in a scratch module that points at this one: a snippet that no longer compiles fails here. A
// snippet is a statement list run with ctx, client, token, err and t in
// scope, or whole declarations (starting with func).
func TestREADMESnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a scratch module")
	}
	t.Parallel()
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks)

	root, err := filepath.Abs(".")
	require.NoError(t, err)
	dir := t.TempDir()
	gomod := "module readmecheck\n\ngo 1.25.0\n\nrequire github.com/go-intercom/intercom v0.0.0\n\nreplace github.com/go-intercom/intercom => " + root + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	sum, err := os.ReadFile("go.sum")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))

	declared := regexp.MustCompile(`(?m)^(\w+(?:, \w+)*) :=`)
	built := 0
	for i, b := range blocks {
		code := b[1]
		if strings.Contains(code, "/intercomotel") || strings.Contains(code, "redis.") {
			continue // a nested module's snippet
		}
		// Import lines are the prelude's business.
		code = regexp.MustCompile(`(?m)^import "[^"]+"\n`).ReplaceAllString(code, "")
		var src strings.Builder
		src.WriteString(snippetPrelude)
		if strings.HasPrefix(code, "func ") {
			src.WriteString(code)
		} else {
			fmt.Fprintf(&src, "func snippet%d(ctx context.Context, client *intercom.Client, token string, err error, t *testing.T) error {\n\t_, _, _, _, _ = ctx, client, token, err, t\n\t{\n", i)
			src.WriteString(code)
			// Variables a snippet declares for the reader to use next.
			for _, m := range declared.FindAllStringSubmatch(code, -1) {
				for _, name := range strings.Split(m[1], ", ") {
					if name != "_" {
						fmt.Fprintf(&src, "\t_ = %s\n", name)
					}
				}
			}
			src.WriteString("\t}\n\treturn nil\n}\n")
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("snippet%d.go", i)), []byte(src.String()), 0o644))
		built++
	}
	require.Greater(t, built, 4)
	cmd := exec.Command("go", "vet", "-mod=mod", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "README snippets do not compile:\n%s", out)
}

// snippetPrelude starts every scratch file: the imports snippets use, each
// used once so that none is unused.
const snippetPrelude = `package main

import (
	"context"
	"errors"
	"fmt"
	"log"
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
	_ = http.Handle
	_ = os.Getenv
	_ = time.Second
	_ = intercom.NewClient
	_ = intercomtest.New
	_ = webhooks.NewHandler
	_ testing.TB
)

`
