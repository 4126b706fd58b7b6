package singleflightdemo_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/goprimer/concurrency/internal/crashtest"
	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/singleflight"
)

// crashes are the programs the child runs: fn panics while a DoChan caller
// waits for the call. The caller recovers in vain: the program dies before
// any deferred call of its runs.
var crashes = map[string]func(t *testing.T){
	// DoChan starts the call, in a goroutine of its own.
	"DoChan": func(t *testing.T) {
		var g singleflight.Group
		defer func() { fmt.Println("recovered:", recover()) }()
		ch := g.DoChan("k", func() (any, error) { panic("boom") })
		r := <-ch
		fmt.Printf("received %+v\n", r)
	},
	// Do starts the call and a DoChan caller joins it: the DoChan from
	// inside fn joins before fn panics.
	"Do with a DoChan caller waiting": func(t *testing.T) {
		var g singleflight.Group
		defer func() { fmt.Println("recovered:", recover()) }()
		g.Do("k", func() (any, error) {
			g.DoChan("k", nil)
			panic("boom")
		})
		fmt.Println("Do returned")
	},
}

// TestPanicWithADoChanCallerCrashesTheProgram proves the last part of SF3 in
// a child process: when a DoChan caller waits for a call whose fn panics,
// singleflight panics again in a new goroutine, so that the waiter is not
// left blocked for ever after a recover. No recover can reach that
// goroutine, and the program dies with status 2. The runtime prints the
// wrapped panic as its text: the value, then fn's stack, indented.
func TestPanicWithADoChanCallerCrashesTheProgram(t *testing.T) {
	t.Parallel()
	for mode, crash := range crashes {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			r := crashtest.Child(t, func() {
				watchdog.Within(t, "SF3: a panic with a DoChan caller waiting crashes the program ("+mode+")", func() {
					crash(t)
				})
			})

			require.Equal(t, 2, r.ExitCode, "child's exit status\nstdout:\n%s\nstderr:\n%s", r.Stdout, r.Stderr)
			lines := strings.SplitN(r.Stderr, "\n", 4)
			require.Len(t, lines, 4, "stderr:\n%s", r.Stderr)
			require.Equal(t, []string{"panic: boom", "\t", "\truntime/debug.Stack()"}, lines[:3],
				"first lines of the crash: the wrapped panic's text, indented\nstderr:\n%s", r.Stderr)
			panicText, goroutines, _ := strings.Cut(r.Stderr, "\n\ngoroutine ")
			require.Contains(t, panicText, "\n\tgithub.com/goprimer/concurrency/singleflightdemo_test.",
				"the printed panic holds fn's stack, indented\nstderr:\n%s", r.Stderr)
			require.Regexp(t, regexp.MustCompile(`^\d+ \[running\]:\ngolang\.org/x/sync/singleflight\.\(\*Group\)\.doCall\.`), goroutines,
				"the goroutine that panics is one singleflight started\nstderr:\n%s", r.Stderr)
			require.Empty(t, r.Stdout, "the caller recovered or received something")
		})
	}
}
