//go:build goexperiment.goroutineleakprofile

package done_test

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// abandonGenerator reads one value from leakyGenerate and returns. The
// generator's goroutine is left blocked on its next send, on a channel that
// no other goroutine can reach any more.
func abandonGenerator() {
	c := leakyGenerate(1, 2, 3)
	<-c
}

// TestRuntimeReportsLeakedGoroutine runs only in a toolchain built with
// GOEXPERIMENT=goroutineleakprofile (Go 1.26). That experiment adds the
// "goroutineleak" profile: writing it runs a garbage collection that marks as
// leaked every goroutine blocked on a channel or sync primitive that no
// runnable goroutine can reach. A leaked goroutine can never be woken, so
// the leak has to happen in a child process.
func TestRuntimeReportsLeakedGoroutine(t *testing.T) {
	if inChild(t) {
		abandonGenerator()
		profile := pprof.Lookup("goroutineleak")
		var report bytes.Buffer
		// A goroutine counts as leaked only once it is parked, and nothing
		// tells the parent when the generator has reached its next send; so
		// take the profile again, after yielding, until it is there. The
		// generator parks within microseconds; the bound only keeps a
		// broken runtime from hanging the test.
		for range 100 {
			report.Reset()
			if err := profile.WriteTo(&report, 1); err != nil {
				panic(err)
			}
			if strings.Contains(report.String(), "leakyGenerate") {
				break
			}
			runtime.Gosched()
		}
		fmt.Print(report.String())
		os.Exit(0) // the goroutine leaks on purpose: skip TestMain's check
	}

	report := runChild(t)
	require.True(t, strings.HasPrefix(report, "goroutineleak profile: total 1\n"),
		"profile header; want exactly one leaked goroutine:\n%s", report)
	require.Contains(t, report, "done_test.leakyGenerate.func1", "leaked goroutine's function")
	t.Logf("the runtime's report:\n%s", report)
}
