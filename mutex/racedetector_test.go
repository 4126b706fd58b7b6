package mutex_test

import (
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/crashtest"
)

// raceExitCode is the status a program built with -race exits with when the
// race detector has reported a race (GORACE's exitcode option, 66 unless
// changed).
const raceExitCode = 66

// TestRaceDetectorJudgesTheCounter is the second proof of M2. It builds
// testdata/racecounter with -race and runs both of its forms: the
// unguarded counter must make the race detector report a data race and exit
// with status 66, whatever order the goroutines ran in; the counter under
// the Mutex must run silent and exit with status 0.
func TestRaceDetectorJudgesTheCounter(t *testing.T) {
	t.Parallel()
	bin := crashtest.Build(t, "./testdata/racecounter", "-race")

	t.Run("the unguarded counter is reported as a data race", func(t *testing.T) {
		r := crashtest.Run(t, exec.Command(bin, "unguarded"))
		require.Equal(t, raceExitCode, r.ExitCode, "exit status of the unguarded counter built with -race\nstderr:\n%s", r.Stderr)
		require.Contains(t, r.Stderr, "WARNING: DATA RACE", "the race detector's report")
		require.Contains(t, r.Stderr, "main.unguarded.func1()", "the report shows the racing goroutines")
		require.Regexp(t, `^count = -?\d+\n$`, r.Stdout, "the program still prints a count")
	})

	t.Run("the counter under the Mutex runs silent (M2)", func(t *testing.T) {
		r := crashtest.Run(t, exec.Command(bin, "guarded"))
		require.Equal(t, 0, r.ExitCode, "exit status of the guarded counter built with -race\nstderr:\n%s", r.Stderr)
		require.Empty(t, r.Stderr, "the guarded counter's standard error; want no race report (M2)")
		require.Equal(t, "count = 0\n", r.Stdout, "the guarded counter's output (M2)")
	})
}
