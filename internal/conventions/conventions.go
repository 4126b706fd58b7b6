package conventions

import (
	"fmt"
	"go/ast"
	"go/doc/comment"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/goprimer/concurrency/internal/lesson"
)

// minDocLen is the shortest package doc, in bytes, that can teach a section:
// a few paragraphs.
const minDocLen = 800

// Check returns what in s breaks the conventions, one message a problem,
// each naming the package and, where it applies, the example.
func Check(s *lesson.Section) []string {
	var problems []string
	report := func(format string, args ...any) {
		problems = append(problems, s.Package+": "+fmt.Sprintf(format, args...))
	}

	// The package doc lives in doc.go and teaches.
	for _, f := range s.Files {
		name := filepath.Base(s.Fset.File(f.Pos()).Name())
		switch {
		case name == "doc.go" && f.Doc == nil:
			report("doc.go has no package comment")
		case name != "doc.go" && f.Doc != nil:
			report("%s has a package comment; keep the package doc in doc.go alone", name)
		}
	}
	text := s.Doc.Doc
	if want := "Package " + s.Doc.Name + " "; !strings.HasPrefix(text, want) {
		report("package doc does not start with %q", want)
	}
	if len(text) < minDocLen {
		report("package doc has %d bytes; a lesson needs at least %d", len(text), minDocLen)
	}
	if !hasHeading(s.Doc.Parser().Parse(text)) {
		report("package doc has no # Heading")
	}

	// Every example is shown, run, verified and playable.
	if len(s.Examples) == 0 {
		report("no examples")
	}
	attached := s.Attached()
	guarded := watchdogExamples(s.TestFiles)
	for _, ex := range s.Examples {
		name := lesson.FuncName(ex)
		if !guarded[name] {
			report("%s is not listed in a watchdog.Examples call, so if its claim breaks and it hangs, nothing stops it before go test's timeout", name)
		}
		if !attached[name] {
			report("%s attaches to nothing in go/doc, so pkg.go.dev hides it: name it Example or Example_suffix, or ExampleName only for a name the package exports", name)
		}
		if ex.Doc == "" {
			report("%s has no doc comment saying what it shows", name)
		}
		switch {
		case ex.Output == "" && !ex.EmptyOutput:
			report("%s has no // Output: comment, so go test never runs it", name)
		case ex.Unordered:
			report("%s has // Unordered output:; examples print in a fixed order", name)
		}
		f := s.File(ex)
		if !strings.HasSuffix(f.Name.Name, "_test") {
			report("%s is in package %s; examples go in package %s_test so they read as user code", name, f.Name.Name, s.Doc.Name)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); !isStd(p) && p != s.ImportPath && !slices.Contains(s.Imports, p) {
				report("%s is in a file that imports %s; examples use only the standard library, the package they show and the packages its section teaches (Topic.Imports)", name, p)
			}
		}
		if ex.Play == nil {
			report("%s is not playable: it may use only imports, builtins and declarations of its own file", name)
		}
	}

	// The test binary checks for leaked goroutines.
	if !callsVerifyTestMain(s.TestFiles) {
		report("no TestMain calling goleak.VerifyTestMain")
	}
	return problems
}

// watchdogExamples returns the names of the functions passed to
// watchdog.Examples in files.
func watchdogExamples(files []*ast.File) map[string]bool {
	names := make(map[string]bool)
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isSelector(call.Fun, "watchdog", "Examples") {
				return true
			}
			for _, arg := range call.Args {
				if id, ok := arg.(*ast.Ident); ok {
					names[id.Name] = true
				}
			}
			return false
		})
	}
	return names
}

// isSelector reports whether e is pkg.name.
func isSelector(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg
}

func hasHeading(d *comment.Doc) bool {
	for _, b := range d.Content {
		if _, ok := b.(*comment.Heading); ok {
			return true
		}
	}
	return false
}

// isStd reports whether an import path belongs to the standard library,
// whose first element never has a dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func callsVerifyTestMain(files []*ast.File) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "TestMain" || fn.Recv != nil || fn.Body == nil {
				continue
			}
			found := false
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok && isSelector(e, "goleak", "VerifyTestMain") {
					found = true
				}
				return !found
			})
			if found {
				return true
			}
		}
	}
	return false
}
