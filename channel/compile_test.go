package channel_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// wrongDirection holds the source files of the wrong-direction cells. They
// carry a //go:build ignore line, so they belong to no package, and only
// the tests ever compile them.
const wrongDirection = "testdata/wrongdirection"

// checkCompiles type-checks the file src of testdata/wrongdirection with
// go/types and requires exactly the error want ("" for none). It then
// requires go build to report the same message on the same line, and
// nothing else for that file.
func checkCompiles(t *testing.T, src, want string) {
	t.Helper()
	path := filepath.ToSlash(filepath.Join(wrongDirection, src))
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	require.NoError(t, err)
	var errs []types.Error
	conf := types.Config{Error: func(err error) { errs = append(errs, err.(types.Error)) }}
	_, _ = conf.Check("wrongdirection", fset, []*ast.File{file}, nil)

	var wantBuild []string
	if want == "" {
		require.Empty(t, errs, "go/types errors")
	} else {
		require.Len(t, errs, 1, "go/types errors: %v", errs)
		require.Equal(t, want, errs[0].Msg, "go/types error")
		// The compiler may point at another column of the same line (for
		// a send, the statement rather than the arrow).
		wantBuild = []string{fmt.Sprintf("%s:%d: %s", path, fset.Position(errs[0].Pos).Line, want)}
	}
	require.Equal(t, wantBuild, buildErrors(t, path), "go build's errors for %s", path)
}

// buildOutput runs go build once on all the wrong-direction files together
// and returns what it printed.
var buildOutput = sync.OnceValues(func() (string, error) {
	files, err := filepath.Glob(filepath.Join(wrongDirection, "*.go"))
	if err != nil {
		return "", err
	}
	// Files named on the command line are built whatever their build
	// constraints say.
	cmd := exec.Command("go", append([]string{"build", "-o", os.DevNull}, files...)...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return "", fmt.Errorf("go build %v: ended with %v; want it to fail\n%s", files, err, out)
	}
	return string(out), nil
})

// buildErrors returns go build's error lines for the file path, each as
// "path:line: message" (the column left out).
func buildErrors(t *testing.T, path string) []string {
	t.Helper()
	out, err := buildOutput()
	require.NoError(t, err)
	var lines []string
	for line := range strings.Lines(out) {
		rest, found := strings.CutPrefix(strings.TrimSpace(line), path+":")
		if !found {
			continue
		}
		// rest is "line:col: message".
		lineNo, rest, _ := strings.Cut(rest, ":")
		_, msg, _ := strings.Cut(rest, ": ")
		lines = append(lines, fmt.Sprintf("%s:%s: %s", path, lineNo, msg))
	}
	return lines
}
