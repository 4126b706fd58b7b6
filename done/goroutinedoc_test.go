package done_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// endsSentence is how this package's documentation says when a goroutine
// stops: whoever starts a goroutine makes sure it can stop, and tells the
// caller how.
const endsSentence = "Its goroutine ends when"

// TestEveryGoroutineStarterSaysHowItEnds parses the package's own source and
// checks that each function containing a go statement documents, in its doc
// comment, when that goroutine ends. The tests next to each function prove
// that it does.
func TestEveryGoroutineStarterSaysHowItEnds(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var starters []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || !startsGoroutine(fn.Body) {
				continue
			}
			starters = append(starters, fn.Name.Name)
			doc := strings.Join(strings.Fields(fn.Doc.Text()), " ") // sentences wrap
			require.Contains(t, doc, endsSentence,
				"%s starts a goroutine; its doc comment must say when that goroutine ends", fn.Name.Name)
		}
	}
	slices.Sort(starters)
	require.Equal(t, []string{"Generate", "Map", "OrDone", "Repeat", "Take"}, starters,
		"functions that start goroutines")
}

// startsGoroutine reports whether body contains a go statement.
func startsGoroutine(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.GoStmt); ok {
			found = true
		}
		return !found
	})
	return found
}
