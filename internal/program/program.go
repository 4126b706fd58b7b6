// Package program turns the examples of a section into one program, the
// way pkg.go.dev's Run button turns each into a program of its own, and
// builds it with one go build (so one link for the whole section).
//
// Each example's program (go/doc's Play code) becomes a package of the
// generated module, unchanged but for its package clause and its init
// functions, which run when the example starts instead of when the
// program does. So names never collide between examples. The program's
// main calls the example named by its one argument:
//
//	program Example_table
//
// through the function runExample of the file run.go, which by default
// just calls it; a tool that needs to watch an example run (trace it,
// time it) writes its own run.go with [Options.Run]. [TracedRun] is one:
// a program built with it records the runtime execution trace of an
// example when the environment variable [TraceEnv] names a file.
//
// The program's module requires this module and replaces it by the
// directory of its source, so examples that import the section's own
// package build from that source, which is only read.
package program

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/goprimer/concurrency/internal/gocmd"
	"github.com/goprimer/concurrency/internal/lesson"
	"github.com/goprimer/concurrency/internal/timeline"
)

// Module is the module path of a generated program.
const Module = "primer.run"

// An Example is one example of the program.
type Example struct {
	Doc     *doc.Example // the example it is made of
	Name    string       // its function's name, such as "Example_table"
	Code    string       // its Play program, as pkg.go.dev shows it
	Imports []string     // what Code imports from beyond the standard library
	// Err says why the example is not part of the program: go/doc cannot
	// make a program of it. Then Code is empty.
	Err error
}

// A Program is a section's examples, made into one Go program.
type Program struct {
	Dir      string // the directory of its module
	Binary   string // the executable Build writes
	Examples []*Example

	source string // the module's source directory
	run    []byte // Options.Run
}

// Options changes the program New describes.
type Options struct {
	// Run replaces the file run.go of package main. It must define
	//
	//	func runExample(name string, main func())
	//
	// which main calls with the example's name and its main function.
	Run []byte
}

const defaultRun = `package main

// runExample runs one example: it calls the example's main function.
func runExample(name string, main func()) { main() }
`

// TraceEnv is the environment variable that makes a program built with
// [TracedRun] record the trace of the example it runs, into the file it
// names.
const TraceEnv = "PRIMER_TRACE"

// TracedRun is a run.go for [Options.Run] that traces. With [TraceEnv]
// unset or empty, runExample just calls the example's main function, as
// the default run.go does. With it set, runExample removes it from the
// environment the example sees, creates the file it names, starts the
// runtime's execution trace into it, runs main inside the trace region
// [timeline.Region] on the goroutine that called it, stops the trace and
// closes the file; a trace that cannot be started or written makes the
// program exit with status 3 before or after the example, with a line on
// its standard error. The example's standard output is its own: the trace
// goes only to the file. If main panics, the trace is still stopped and
// written, up to the panic (the region ends as the panic leaves it), and
// the panic goes on.
var TracedRun = fmt.Appendf(nil, `package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
)

// runExample runs one example: it calls the example's main function, in
// the trace region %[2]q if %[1]s names a file to write the trace to.
func runExample(name string, main func()) {
	file := os.Getenv(%[1]q)
	if file == "" {
		main()
		return
	}
	os.Unsetenv(%[1]q)
	f, err := os.Create(file)
	if err != nil {
		traceFailed(name, err)
	}
	w := &traceWriter{f: f}
	if err := trace.Start(w); err != nil {
		traceFailed(name, err)
	}
	stopped := false
	defer func() {
		if !stopped { // main panicked: keep what was recorded
			trace.Stop()
			f.Close()
		}
	}()
	trace.WithRegion(context.Background(), %[2]q, main)
	trace.Stop() // returns once every write of the trace is done
	stopped = true
	if err := w.err; err != nil {
		traceFailed(name, err)
	}
	if err := f.Close(); err != nil {
		traceFailed(name, err)
	}
}

// A traceWriter writes the trace to its file and keeps the first error,
// which package trace would drop.
type traceWriter struct {
	f   *os.File
	err error
}

func (w *traceWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if w.err == nil {
		w.err = err
	}
	return n, err
}

func traceFailed(name string, err error) {
	fmt.Fprintf(os.Stderr, "program: tracing %%s: %%v\n", name, err)
	os.Exit(3)
}
`, TraceEnv, timeline.Region)

// PlayName returns the name fn, a function of a program as the runtime
// names it (in a stack or an execution trace), would have in the
// example's own Play program, where the example's code is package main:
// "primer.run/Example_table.main.func1" is "main.main.func1", and
// "primer.run/Example_table.worker" is "main.worker". Other names, of the
// standard library or this module, are returned as they are.
func PlayName(fn string) string {
	rest, ok := strings.CutPrefix(fn, Module+"/")
	if !ok {
		return fn
	}
	if _, name, ok := strings.Cut(rest, "."); ok {
		return "main." + name
	}
	return fn
}

// New describes the program of the examples exs of section s, for the
// module source in the directory source, to live in dir: each example's
// name, code and imports. It writes nothing, so that a caller that needs
// only the examples' code (a test of how they are shown) creates no file
// and pays for no more than formatting it; [Program.Write] writes the
// program.
func New(dir, source string, s *lesson.Section, exs []*doc.Example, opts Options) (*Program, error) {
	p := &Program{Dir: dir, Binary: filepath.Join(dir, "program"), source: source, run: opts.Run}
	for _, ex := range exs {
		e := &Example{Doc: ex, Name: lesson.FuncName(ex)}
		p.Examples = append(p.Examples, e)
		if ex.Play == nil {
			e.Err = errors.New("not playable: go/doc cannot make a program of it")
			continue
		}
		var code bytes.Buffer
		if err := format.Node(&code, s.Fset, ex.Play); err != nil {
			return nil, fmt.Errorf("%s: %v", e.Name, err)
		}
		e.Code = code.String()
		for _, d := range ex.Play.Decls {
			if d, ok := d.(*ast.GenDecl); ok && d.Tok == token.IMPORT {
				for _, spec := range d.Specs {
					ip, err := strconv.Unquote(spec.(*ast.ImportSpec).Path.Value)
					if err == nil && !standard(ip) {
						e.Imports = append(e.Imports, ip)
					}
				}
			}
		}
	}
	return p, nil
}

// Write writes the program's module into p.Dir, which must exist and be
// empty: a package per example and the package main that runs them.
func (p *Program) Write() error {
	files := map[string][]byte{}
	var imports, entries strings.Builder
	dirs := map[string]bool{}
	for i, e := range p.Examples {
		if e.Err != nil {
			continue
		}
		pkg, entry, err := asPackage(e.Code)
		if err != nil {
			return fmt.Errorf("%s: %v", e.Name, err)
		}
		// A directory per example, named after it unless that name
		// differs from another only in case.
		name := e.Name
		if dirs[strings.ToLower(name)] {
			name = fmt.Sprintf("%s_%d", name, i)
		}
		dirs[strings.ToLower(name)] = true
		files[path.Join(name, "main.go")] = pkg
		fmt.Fprintf(&imports, "\te%d %q\n", i, Module+"/"+name)
		fmt.Fprintf(&entries, "\t%q: e%d.%s,\n", e.Name, i, entry)
	}
	gomod, err := goMod(p.source)
	if err != nil {
		return err
	}
	files["go.mod"] = gomod
	if sum, err := os.ReadFile(filepath.Join(p.source, "go.sum")); err == nil {
		files["go.sum"] = sum
	}
	files["main.go"] = fmt.Appendf(nil, mainTemplate, imports.String(), entries.String())
	files["run.go"] = []byte(defaultRun)
	if p.run != nil {
		files["run.go"] = p.run
	}
	for name, data := range files {
		file := filepath.Join(p.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

const mainTemplate = `// Code generated by primer. DO NOT EDIT.

// The program runs the example its argument names.
package main

import (
	"fmt"
	"os"

%s)

var examples = map[string]func(){
%s}

func main() {
	if len(os.Args) != 2 || examples[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: program EXAMPLE")
		os.Exit(2)
	}
	runExample(os.Args[1], examples[os.Args[1]])
}
`

// asPackage turns a Play program into package example, with a function
// that runs the program's init functions, then its main, and returns
// it and that function's name: Main, unless the program declares Main
// itself (its own names are left alone).
func asPackage(code string) (src []byte, entry string, err error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", code, parser.ParseComments)
	if err != nil {
		return nil, "", err
	}
	taken := map[string]bool{}
	for _, spec := range f.Imports {
		if spec.Name != nil {
			taken[spec.Name.Name] = true
		} else if ip, err := strconv.Unquote(spec.Path.Value); err == nil {
			taken[path.Base(ip)] = true
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				taken[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					taken[spec.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						taken[n.Name] = true
					}
				}
			}
		}
	}
	fresh := func(base string) string {
		name := base
		for i := 1; taken[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		taken[name] = true
		return name
	}
	entry = fresh("Main")
	var inits []string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
			fn.Name.Name = fresh("init")
			inits = append(inits, fn.Name.Name+"()\n")
		}
	}
	f.Name.Name = "example"
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, "", err
	}
	fmt.Fprintf(&b, "\n// %s runs the example.\nfunc %s() {\n%smain()\n}\n", entry, entry, strings.Join(inits, ""))
	return b.Bytes(), entry, nil
}

// standard reports whether the import path ip is of the standard library:
// its first element has no dot.
func standard(ip string) bool {
	first, _, _ := strings.Cut(ip, "/")
	return !strings.Contains(first, ".")
}

// goMod returns the go.mod of a program that builds against the module
// source in the directory source.
func goMod(source string) ([]byte, error) {
	name := filepath.Join(source, "go.mod")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	mf, err := modfile.ParseLax(name, data, nil)
	if err != nil {
		return nil, err
	}
	if mf.Module == nil {
		return nil, fmt.Errorf("%s: no module line", name)
	}
	goVersion := "1.26.0"
	if mf.Go != nil {
		goVersion = mf.Go.Version
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	// The version is a placeholder: the replace decides what builds.
	return fmt.Appendf(nil, "module %s\n\ngo %s\n\nrequire %s v0.0.0-00010101000000-000000000000\n\nreplace %s => %s\n",
		Module, goVersion, mf.Module.Mod.Path, mf.Module.Mod.Path, modfile.AutoQuote(abs)), nil
}

// Build builds the program with one go command, with the go command's own
// temporary files in the program's directory, and returns the go
// command's output if it fails.
//
// Where cp exists, the go command is go run -exec cp, which copies the
// executable to p.Binary instead of running it. go run keeps the
// executables it links in the build cache (since Go 1.24), and with
// -trimpath nothing in the build depends on the temporary directory, so a
// section built before is copied from the cache instead of linked again.
// Elsewhere it is go build, which links every time.
func (p *Program) Build(ctx context.Context) error {
	tmp := filepath.Join(p.Dir, "gotmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	args := []string{"build", "-trimpath", "-o", p.Binary, "."}
	if _, err := exec.LookPath("cp"); err == nil {
		args = []string{"run", "-trimpath", "-exec", "cp", ".", p.Binary}
	}
	cmd := gocmd.Command(ctx, p.Dir, args...)
	cmd.Env = append(cmd.Env, "GOTMPDIR="+tmp)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("go %s: %v\n%s", args[0], err, out)
	}
	return nil
}
