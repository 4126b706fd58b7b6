// Package watchdog turns a hang into a fast failure that names the claim
// that broke.
//
// Many claims in this collection are about blocking, waking or stopping:
// Wait returns, Unlock lets the next locker in, closing done stops the
// child. When such a claim breaks, the code under test does not fail, it
// hangs, and go test would only notice at its -timeout, ten minutes later,
// with a goroutine dump that does not say what was being proved.
//
// Inside a [testing/synctest] bubble the bubble's deadlock report already
// fails at once, for every goroutine durably blocked on a channel, a
// select, a WaitGroup or a timer. Everything else (a goroutine blocked on a
// [sync.Mutex], a real-time wait, an example, which cannot run in a
// bubble) runs under [Within] or [Examples]: if it has not returned after
// [Limit], the test fails with the claim and the stacks of every goroutine.
//
// A goroutine that hangs can never be stopped or reclaimed, and an example
// that hangs in a test would hang again when go test runs it as an example,
// so the watchdog then stops the whole test binary with a panic, the way
// go test's own -timeout does, only in seconds and with the claim named.
package watchdog

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Limit is how long a claim may take before it counts as hung. Every test
// and example here finishes in milliseconds, even under -race on a loaded
// one-CPU machine, so ten seconds is never reached unless a claim is broken.
const Limit = 10 * time.Second

// Within runs f in a goroutine of its own and returns when f has returned.
// If f has not returned within [Limit], Within reports claim, with a dump
// of all goroutines, and stops the test binary.
//
// A panic in f is re-raised in the caller's goroutine, and f may call
// t.FailNow (a [runtime.Goexit]) as a test goroutine would.
func Within(t testing.TB, claim string, f func()) {
	t.Helper()
	within(t, Limit, claim, f)
}

// within is Within with the limit as a parameter, so that the package's own
// tests can prove a hang is caught without waiting ten seconds.
func within(t testing.TB, limit time.Duration, claim string, f func()) {
	t.Helper()
	type outcome struct {
		returned bool
		panicked any // what f panicked with; nil if it called runtime.Goexit
	}
	done := make(chan outcome, 1)
	go func() {
		returned := false
		defer func() {
			if returned {
				done <- outcome{returned: true}
				return
			}
			done <- outcome{panicked: recover()}
		}()
		f()
		returned = true
	}()

	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case o := <-done:
		switch {
		case o.panicked != nil:
			panic(o.panicked)
		case !o.returned:
			t.FailNow() // f called t.FailNow or t.Fatal, which end only f's goroutine
		}
	case <-timer.C:
		t.Errorf("hung: %s\n(no return within %v; all goroutines follow)\n\n%s", claim, limit, stacks())
		panic(fmt.Sprintf("watchdog: no return within %v: %s (a hung goroutine can never be reclaimed, so the test binary stops here)", limit, claim))
	}
}

// Examples calls each example function, with standard output sent to
// [os.DevNull], each under [Within], naming as the claim the example's
// name and the first sentence of its doc comment. Go test runs examples
// after the tests, without a bound; listing every example here first
// makes a hang in one fail within [Limit], before go test reaches it.
//
// Examples replaces [os.Stdout] while it runs, so it must not run in
// parallel with anything that prints.
func Examples(t *testing.T, examples ...func()) {
	t.Helper()
	runExamples(t, Limit, examples)
}

func runExamples(t *testing.T, limit time.Duration, examples []func()) {
	t.Helper()
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	stdout := os.Stdout
	os.Stdout = devNull
	defer func() { os.Stdout = stdout }()

	docs := exampleDocs()
	for _, example := range examples {
		name := funcName(example)
		doc, ok := docs[name]
		if !ok {
			doc = "(no doc comment)"
		}
		within(t, limit, name+": "+doc, example)
	}
}

// funcName returns the unqualified name of the function f, such as
// "Example_blockingLoop".
func funcName(f func()) string {
	full := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
	return full[strings.LastIndex(full, ".")+1:]
}

// exampleDocs returns the first sentence of the doc comment of every
// function in the _test.go files of the current directory, which is the
// package's own while go test runs, by name.
func exampleDocs() map[string]string {
	docs := make(map[string]string)
	files, _ := filepath.Glob("*_test.go")
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Doc != nil {
				doc := strings.Join(strings.Fields(fn.Doc.Text()), " ")
				if i := strings.Index(doc, ". "); i >= 0 {
					doc = doc[:i+1]
				}
				docs[fn.Name.Name] = doc
			}
		}
	}
	return docs
}

// stacks returns the stacks of all goroutines.
func stacks() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}
