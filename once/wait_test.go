package once_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDoWaitsForFInAnotherGoroutine proves the second half of O1 with no
// timing involved: no call of Do returns before f has returned. In the child
// (testdata/onceprog, form "waiter") one goroutine's f never returns, a
// second goroutine calls Do on the same Once, and main waits for that call
// to return. Because Do waits, every goroutine ends up blocked and the
// runtime ends the child with a deadlock; the trace shows the second caller
// parked in sync.Mutex.Lock inside Do. Had Do returned early, as the
// compare-and-swap version in sync/once.go's comment does, main would have
// printed a line and exited normally, and the test would fail naming O1.
func TestDoWaitsForFInAnotherGoroutine(t *testing.T) {
	t.Parallel()
	r := runDeadlocked(t, buildNoCgo(t), "waiter", "O1: a second Do waits while the first call's f runs")
	require.Empty(t, r.Stdout, "the child's output; want none: the second Do must not return, nor run its f (O1)")

	second := goroutineIn(t, r.Stderr, "[sync.Mutex.Lock]")
	require.Contains(t, second, "sync.(*Once).Do(", "the parked goroutine should be inside Once.Do (O1)")
	require.Contains(t, second, "main.waiter.func2()", "the parked goroutine should be the second caller (O1)")

	first := goroutineIn(t, r.Stderr, "[select (no cases)]")
	require.Contains(t, first, "main.waiter.func1.1()", "the first caller should still be inside its f (O1)")
	require.Contains(t, goroutineIn(t, r.Stderr, "[chan receive]"), "main.waiter()", "main should wait for the second Do to return")
	require.Equal(t, 3, strings.Count(r.Stderr, "\ngoroutine "), "goroutines in the trace; want main and the two callers\n%s", r.Stderr)
}
