package once_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
)

// deadlock is the fatal error the runtime ends a program with when every
// goroutine is blocked, the same in Go 1.26 and Go 1.27.
const deadlock = "fatal error: all goroutines are asleep - deadlock!"

// raceExitCode is the status a program built with -race exits with after the
// race detector has reported a race (GORACE's exitcode, 66 unless changed).
const raceExitCode = 66

// buildNoCgo builds testdata/onceprog without cgo, so that the runtime's
// deadlock detector works in it: in a program that links cgo, as the test
// binary and every -race build do, the detector stays silent.
func buildNoCgo(t *testing.T) string {
	t.Helper()
	return crashtest.BuildNoCgo(t, "./testdata/onceprog")
}

// runDeadlocked runs form of bin, testdata/onceprog built by buildNoCgo, and
// checks that the child dies of a whole-program deadlock; if it does not,
// the failure names claim. It returns the child's output, with the traces of
// every goroutine.
func runDeadlocked(t *testing.T, bin, form, claim string) crashtest.Result {
	t.Helper()
	child := exec.Command(bin, form)
	child.Env = append(child.Environ(), "GOTRACEBACK=all") // list every goroutine
	r := crashtest.Run(t, child)
	require.Equal(t, deadlock, crashtest.FatalLine(r.Stderr),
		"%s: the child's fatal error; it exited with status %d and printed %q\nstderr:\n%s", claim, r.ExitCode, r.Stdout, r.Stderr)
	require.Equal(t, fatalExitCode, r.ExitCode, "%s: the child's exit status after the deadlock", claim)
	return r
}

// fatalExitCode is the status the runtime exits with after a fatal error.
const fatalExitCode = 2

// goroutineIn returns the trace of the one goroutine of stderr whose header
// contains state, such as "[sync.Mutex.Lock]", or fails the test.
func goroutineIn(t *testing.T, stderr, state string) string {
	t.Helper()
	var found []string
	for block := range strings.SplitSeq(stderr, "\n\n") {
		header, _, _ := strings.Cut(block, "\n")
		if strings.HasPrefix(header, "goroutine ") && strings.Contains(header, state) {
			found = append(found, block)
		}
	}
	require.Len(t, found, 1, "goroutines in state %s; stderr:\n%s", state, stderr)
	return found[0]
}
