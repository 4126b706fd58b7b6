package ctxdemo_test

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/ctxdemo"
)

// TestAnUnexportedKeyIsHiddenPerPackage checks what an unexported key type
// hides, and from whom: Go decides visibility per package, not per file.
func TestAnUnexportedKeyIsHiddenPerPackage(t *testing.T) {
	t.Run("every file of the package can use the key", func(t *testing.T) {
		// userKey is declared in example_keytype_test.go; this file
		// belongs to the same package, so it compiles and reads the value
		// without the accessor functions.
		ctx := withUser(t.Context(), "alice")
		require.Equal(t, "alice", ctx.Value(userKey{}), "Value(userKey{}) from another file of the package")
	})

	t.Run("no other package can name the key", func(t *testing.T) {
		const src = `package other

import (
	"context"

	"github.com/goprimer/concurrency/ctxdemo"
)

func lookUp(ctx context.Context) (any, any) {
	id, _ := ctxdemo.RequestID(ctx) // the accessor: fine
	return id, ctx.Value(ctxdemo.requestIDKey{})
}
`
		require.Equal(t, []string{"other.go:11:31: name requestIDKey not exported by package ctxdemo"},
			typeErrors(t, src), "go/types errors of a package that reaches for ctxdemo's key")
	})

	t.Run("a key hides the value from lookups, not from printing", func(t *testing.T) {
		// A context's String shows every value that is a string or has a
		// String method: a key type keeps other packages from looking a
		// value up or replacing it, it does not make the value a secret.
		ctx := ctxdemo.WithRequestID(context.Background(), "req-1")
		require.Equal(t, "context.Background.WithValue(ctxdemo.requestIDKey, req-1)", fmt.Sprint(ctx))
	})
}

// typeErrors type-checks src, the file other.go of a package that imports
// context and ctxdemo, and returns its errors. It checks the real
// requestid.go as package ctxdemo; the context package it gives both is a
// stub with just the names they use, so the check takes milliseconds.
func typeErrors(t *testing.T, src string) []string {
	t.Helper()
	fset := token.NewFileSet()
	check := func(path, filename string, src any, imports map[string]*types.Package) (*types.Package, []string) {
		f, err := parser.ParseFile(fset, filename, src, 0)
		require.NoError(t, err)
		var errs []string
		conf := types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if p, ok := imports[path]; ok {
					return p, nil
				}
				return nil, fmt.Errorf("no package %q here", path)
			}),
			Error: func(err error) { errs = append(errs, err.Error()) },
		}
		pkg, _ := conf.Check(path, fset, []*ast.File{f}, nil)
		return pkg, errs
	}

	const contextStub = `package context

type Context interface{ Value(key any) any }

func WithValue(parent Context, key, val any) Context { return nil }
`
	ctxPkg, errs := check("context", "context.go", contextStub, nil)
	require.Empty(t, errs, "errors in the context stub")
	const ctxdemoPath = "github.com/goprimer/concurrency/ctxdemo"
	imports := map[string]*types.Package{"context": ctxPkg}
	ctxdemoPkg, errs := check(ctxdemoPath, "requestid.go", nil, imports)
	require.Empty(t, errs, "errors in requestid.go")
	imports[ctxdemoPath] = ctxdemoPkg
	_, errs = check("other", "other.go", src, imports)
	return errs
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
