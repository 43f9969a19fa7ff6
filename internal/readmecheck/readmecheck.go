// Package readmecheck builds the Go snippets of a README in a scratch
// module, for the tests that keep them compiling (the root module's and the
// nested modules').
package readmecheck

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Module is a module the scratch module requires, and where it is.
type Module struct {
	Path, Dir string
}

var (
	goBlock  = regexp.MustCompile("(?s)```go\n(.*?)```")
	importLn = regexp.MustCompile(`(?m)^import "[^"]+"\n`)
	declared = regexp.MustCompile(`(?m)^(\w+(?:, \w+)*) :=`)
)

// Check builds every ```go block of readme that keep selects, with prelude
// (package clause, imports, and a use of each) ahead of it, in a scratch
// module that requires mods (from their directories) and takes its go.sum
// from gosum. A block is a statement list run with ctx, client, token, err,
// logger and t in scope, or whole declarations when it starts with func.
// It returns how many blocks were built.
func Check(t testing.TB, readme []byte, keep func(code string) bool, prelude string, gosum []byte, mods ...Module) int {
	t.Helper()
	dir := t.TempDir()
	var gomod strings.Builder
	gomod.WriteString("module readmecheck\n\ngo 1.25.0\n\n")
	for _, m := range mods {
		fmt.Fprintf(&gomod, "require %s v0.0.0\nreplace %s => %s\n", m.Path, m.Path, m.Dir)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", gomod.String())
	write("go.sum", string(gosum))
	built := 0
	for i, b := range goBlock.FindAllStringSubmatch(string(readme), -1) {
		code := b[1]
		if !keep(code) {
			continue
		}
		code = importLn.ReplaceAllString(code, "")
		var src strings.Builder
		src.WriteString(prelude)
		if strings.HasPrefix(code, "func ") {
			src.WriteString(code)
		} else {
			fmt.Fprintf(&src, "func snippet%d(ctx context.Context, client *intercom.Client, token string, err error, logger *slog.Logger, t *testing.T) error {\n\t_, _, _, _, _, _ = ctx, client, token, err, logger, t\n\t{\n", i)
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
		write(fmt.Sprintf("snippet%d.go", i), src.String())
		built++
	}
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("README snippets do not compile: %v\n%s", err, out)
	}
	return built
}

// CheckNested builds the one snippet of the repository's README (one
// directory up) that contains marker, from the nested module modPath whose
// tests run in the current directory, with prelude ahead of it.
func CheckNested(t testing.TB, marker, modPath, prelude string) {
	t.Helper()
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
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(here)
	n := Check(t, readme, func(code string) bool { return strings.Contains(code, marker) }, prelude, gosum,
		Module{Path: "github.com/go-intercom/intercom", Dir: root}, Module{Path: modPath, Dir: here})
	if n != 1 {
		t.Fatalf("built %d snippets containing %q, want the README's one", n, marker)
	}
}
