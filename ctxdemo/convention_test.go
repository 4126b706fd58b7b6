package ctxdemo_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// misplacedContexts lists the places in f that break the convention for
// contexts: a context.Context parameter anywhere but first, and a
// context.Context stored in a struct field. A struct whose one field is an
// embedded context.Context stores nothing for later: it is a Context
// itself, one that passes the methods it does not define to the context it
// wraps, as the context package's own types do. It also counts the function
// types that take a context, so a caller can tell an empty check from a
// passing one.
func misplacedContexts(fset *token.FileSet, f *ast.File) (problems []string, takers int) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			i := 0
			took := false
			for _, field := range n.Params.List {
				names := max(len(field.Names), 1) // "a, b T" declares two
				for range names {
					if isContextType(field.Type) {
						took = true
						if i != 0 {
							problems = append(problems, fmt.Sprintf("%s: context.Context is parameter %d; want it first",
								fset.Position(field.Pos()), i+1))
						}
					}
					i++
				}
			}
			if took {
				takers++
			}
		case *ast.StructType:
			if fs := n.Fields.List; len(fs) == 1 && len(fs[0].Names) == 0 && isContextType(fs[0].Type) {
				break // a Context wrapping a Context
			}
			for _, field := range n.Fields.List {
				if isContextType(field.Type) {
					problems = append(problems, fmt.Sprintf("%s: struct field of type context.Context; pass it as a parameter",
						fset.Position(field.Pos())))
				}
			}
		}
		return true
	})
	return problems, takers
}

func isContextType(expr ast.Expr) bool {
	sel, ok := expr.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "context" && sel.Sel.Name == "Context"
}

// TestContextComesFirst holds this package's own code, examples and tests
// to the convention: every function downstream of a request takes the
// context as its first parameter, and no struct keeps one.
func TestContextComesFirst(t *testing.T) {
	t.Parallel() // parses every file: overlap it with the other tests
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	total := 0
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		problems, takers := misplacedContexts(fset, f)
		require.Empty(t, problems, "misplaced contexts in %s", name)
		total += takers
	}
	// Handle, Worker, Sleep, WithRequestID, RequestID and the helpers of
	// the tests and examples: far more than this.
	require.GreaterOrEqual(t, total, 20, "functions found taking a context; too few for the check to mean anything")
}

// TestContextComesFirstCatchesMistakes shows the check above can fail.
func TestContextComesFirstCatchesMistakes(t *testing.T) {
	const src = `package p

import "context"

type server struct{ ctx context.Context }

type embedded struct {
	context.Context
	debug bool
}

type wrapper struct{ context.Context }

func fetch(url string, ctx context.Context) error { return nil }

func both(a, b int, ctx context.Context) {}

func good(ctx context.Context, url string) {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	problems, takers := misplacedContexts(fset, f)
	require.Equal(t, []string{
		"p.go:5:21: struct field of type context.Context; pass it as a parameter",
		"p.go:8:2: struct field of type context.Context; pass it as a parameter",
		"p.go:14:24: context.Context is parameter 2; want it first",
		"p.go:16:21: context.Context is parameter 3; want it first",
	}, problems)
	require.Equal(t, 3, takers, "functions taking a context")
}
