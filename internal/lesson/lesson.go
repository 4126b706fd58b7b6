// Package lesson loads the section packages of this module the way go/doc
// and pkg.go.dev see them: the package documentation and the examples with
// their verified output. The conventions test checks them with it.
package lesson

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Module is the import path of this module.
const Module = "github.com/goprimer/concurrency"

// A Topic names one section and the package that covers it.
type Topic struct {
	Package string // directory and package name, such as "channel"
	// Title is the article's own heading for the section or, for a
	// section beyond the article, the API or idea it covers.
	Title   string
	Summary string // what the package shows, in a line
	Beyond  bool   // the section goes beyond the article
	// Imports lists the packages outside the standard library, such as
	// "golang.org/x/sync/errgroup", that the section teaches and that its
	// examples may therefore import besides the section's own package.
	Imports []string
}

// Topics lists the sections: the article's eight in its order, then those
// beyond it.
var Topics = []Topic{
	{Package: "waitgroup", Title: "WaitGroup", Summary: "waiting for a group of goroutines; Add before go; wg.Go"},
	{Package: "mutex", Title: "互斥锁和读写锁", Summary: "one holder at a time; defer Unlock; fatal misuse"},
	{Package: "rwmutex", Title: "互斥锁和读写锁", Summary: "one writer or many readers; writer preference; when it pays"},
	{Package: "channel", Title: "Channel", Summary: "every cell of the channel-state table, performed"},
	{Package: "selectloop", Title: "for-select", Summary: "select, random choice, for-select, the cost of spinning"},
	{Package: "done", Title: "done channel", Summary: "leaks, the done channel, and pipeline stages that stop"},
	{Package: "ctxdemo", Title: "Context 包", Summary: "cancellation, deadlines and values down a context tree"},
	{Package: "timer", Title: "定时器", Summary: "time.After, Timer, Ticker under the Go 1.23 rules"},

	{Package: "once", Title: "sync.Once", Summary: "one run for every caller; OnceFunc, OnceValue; panics", Beyond: true},
	{Package: "cond", Title: "sync.Cond", Summary: "Wait in a loop, Signal and Broadcast, cancellable waits", Beyond: true},
	{Package: "pool", Title: "sync.Pool", Summary: "what Get returns, emptied by the GC, allocations saved", Beyond: true},
	{Package: "atomicdemo", Title: "sync/atomic", Summary: "lost updates, typed atomics, CAS loops, publishing", Beyond: true},
	{Package: "datarace", Title: "memory model", Summary: "happens-before edges, DRF-SC, the race detector", Beyond: true},
	{Package: "errgroupdemo", Title: "errgroup", Summary: "first error, cancelling the rest, SetLimit, panics", Beyond: true,
		Imports: []string{"golang.org/x/sync/errgroup"}},
	{Package: "semaphoredemo", Title: "semaphore", Summary: "weighted semaphores in FIFO order; channel semaphores", Beyond: true,
		Imports: []string{"golang.org/x/sync/semaphore"}},
	{Package: "singleflightdemo", Title: "singleflight", Summary: "one execution for concurrent callers; DoChan, Forget", Beyond: true,
		Imports: []string{"golang.org/x/sync/singleflight"}},
	{Package: "workerpool", Title: "worker pool", Summary: "N workers, results in order, one bound four ways", Beyond: true,
		Imports: []string{"golang.org/x/sync/errgroup", "golang.org/x/sync/semaphore"}},
	{Package: "ratelimit", Title: "rate limiting", Summary: "tickers, token bursts, rate.Limiter's Allow, Wait, Reserve", Beyond: true,
		Imports: []string{"golang.org/x/time/rate"}},
}

// A Section is one loaded section package.
type Section struct {
	Topic
	Dir        string
	ImportPath string
	Fset       *token.FileSet
	Files      []*ast.File // the package's own files
	TestFiles  []*ast.File // its _test.go files, in either test package
	Doc        *doc.Package
	// Examples holds every example function of the test files, whether
	// or not go/doc attaches it to anything, in the order a reader meets
	// them: the package example, those of example_test.go, then the rest.
	Examples []*doc.Example
	// Tests holds the names of the test functions go test runs, such as
	// "TestNegativeCounterPanics", in source order; TestMain is not one.
	Tests []string
}

// Load parses the package in dir, which is the section t of the module
// rooted at root. Files excluded from the default build are skipped, as the
// go command skips them.
func Load(root string, t Topic) (*Section, error) {
	return load(root, t, true)
}

// LoadDoc is [Load] for a reader of the section: of the test files, it
// parses only those that declare an example. That is all go doc,
// pkg.go.dev and primer show, the same Doc and Examples as Load's, in
// half the time. TestFiles then holds only those files, and Tests only
// their tests.
//
// A test file declares an example if a line of it starts with
// "func Example", as every example function does in gofmt's layout.
func LoadDoc(root string, t Topic) (*Section, error) {
	return load(root, t, false)
}

func load(root string, t Topic, allTests bool) (*Section, error) {
	s := &Section{
		Topic:      t,
		Dir:        filepath.Join(root, t.Package),
		ImportPath: path.Join(Module, t.Package),
		Fset:       token.NewFileSet(),
	}
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return nil, err
	}
	ctxt := build.Default
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(s.Dir, name))
		if err != nil {
			return nil, err
		}
		testFile := strings.HasSuffix(name, "_test.go")
		if testFile && !allTests && !bytes.Contains(src, []byte("\nfunc Example")) {
			continue
		}
		ctxt.OpenFile = func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(src)), nil }
		if ok, err := ctxt.MatchFile(s.Dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(s.Fset, filepath.Join(s.Dir, name), src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if testFile {
			s.TestFiles = append(s.TestFiles, f)
		} else {
			s.Files = append(s.Files, f)
		}
	}
	if len(s.Files) == 0 {
		return nil, fmt.Errorf("%s: no Go files", s.Dir)
	}
	s.Doc, err = doc.NewFromFiles(s.Fset, slices.Concat(s.Files, s.TestFiles), s.ImportPath, doc.PreserveAST)
	if err != nil {
		return nil, err
	}
	s.Examples = doc.Examples(s.TestFiles...)
	for _, f := range s.TestFiles {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && isTest(fn.Name.Name) {
				s.Tests = append(s.Tests, fn.Name.Name)
			}
		}
	}
	slices.SortFunc(s.Examples, s.lessonOrder)
	return s, nil
}

// lessonOrder orders examples as a reader meets them: the package example
// first, then those of example_test.go, then the whole-file examples of
// other files, each in source order.
func (s *Section) lessonOrder(a, b *doc.Example) int {
	rank := func(ex *doc.Example) int {
		switch {
		case ex.Name == "":
			return 0
		case filepath.Base(s.Fset.File(ex.Code.Pos()).Name()) == "example_test.go":
			return 1
		default:
			return 2
		}
	}
	if c := cmp.Compare(rank(a), rank(b)); c != 0 {
		return c
	}
	return cmp.Compare(a.Code.Pos(), b.Code.Pos())
}

// isTest reports whether name is the name of a test function, as go test
// sees it: Test followed by nothing or by a character that is not a
// lower-case letter.
func isTest(name string) bool {
	rest, ok := strings.CutPrefix(name, "Test")
	if !ok || name == "TestMain" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLower(r)
}

// FuncName returns the name of the function that declares ex, such as
// "Example_addBeforeGo".
func FuncName(ex *doc.Example) string { return "Example" + ex.Name }

// File returns the file that declares ex.
func (s *Section) File(ex *doc.Example) *ast.File {
	for _, f := range s.TestFiles {
		if f.FileStart <= ex.Code.Pos() && ex.Code.Pos() < f.FileEnd {
			return f
		}
	}
	return nil
}

// Attached reports the names of the example functions that go/doc attaches
// to the package or to one of its exported names: those pkg.go.dev shows.
func (s *Section) Attached() map[string]bool {
	names := make(map[string]bool)
	add := func(exs []*doc.Example) {
		for _, ex := range exs {
			names[FuncName(ex)] = true
		}
	}
	add(s.Doc.Examples)
	for _, f := range s.Doc.Funcs {
		add(f.Examples)
	}
	for _, t := range s.Doc.Types {
		add(t.Examples)
		for _, f := range t.Funcs {
			add(f.Examples)
		}
		for _, m := range t.Methods {
			add(m.Examples)
		}
	}
	return names
}
