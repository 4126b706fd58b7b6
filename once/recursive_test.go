package once_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDoInsideFDeadlocks proves O3 in a child process (testdata/onceprog):
// f calls Do on its own Once, the inner Do blocks in the Mutex the outer Do
// holds, and with nothing else left to run the runtime ends the program
// with "fatal error: all goroutines are asleep - deadlock!". The message and
// the goroutine's state, [sync.Mutex.Lock], are the same in Go 1.26 and
// 1.27. The functions OnceValue returns deadlock the same way, since each
// wraps a Once.
func TestDoInsideFDeadlocks(t *testing.T) {
	t.Parallel()
	bin := buildNoCgo(t) // removed when the parallel subtests are done
	for _, tc := range []struct {
		form   string
		caller string // the function whose call blocks
		dos    int    // calls of Once.Do on the blocked goroutine's stack
	}{
		{"recursive-do", "main.recursiveDo.func1()", 2},
		{"recursive-oncevalue", "main.recursiveOnceValue.func1()", 2},
	} {
		t.Run(tc.form, func(t *testing.T) {
			t.Parallel()
			r := runDeadlocked(t, bin, tc.form, "O3: a call on the same Once from inside f never returns")
			require.Equal(t, "f runs\n", r.Stdout, "the child's output: f ran once and the inner call never returned (O3)")
			blocked := goroutineIn(t, r.Stderr, "[sync.Mutex.Lock]")
			require.True(t, strings.HasPrefix(blocked, "goroutine 1 "), "the main goroutine should be the blocked one (O3):\n%s", blocked)
			require.Contains(t, blocked, tc.caller, "the blocked call should come from inside f (O3)")
			require.Equal(t, tc.dos, strings.Count(blocked, "sync.(*Once).Do("), "calls of Once.Do on the blocked stack; want the outer one and the inner one (O3)\n%s", blocked)
		})
	}
}
