package channel_test

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

// TestRaceDetectorJudgesSharing is the second proof of C1. It builds
// testdata/racesum with -race and runs both of its forms: goroutines adding
// to a shared total must make the race detector report a data race and exit
// with status 66, whatever order they ran in; goroutines sending their parts
// to the one goroutine that owns the total must run silent and exit with
// status 0.
func TestRaceDetectorJudgesSharing(t *testing.T) {
	t.Parallel()
	bin := crashtest.Build(t, "./testdata/racesum", "-race")

	t.Run("communicating by sharing memory is reported as a data race", func(t *testing.T) {
		r := crashtest.Run(t, exec.Command(bin, "shared"))
		require.Equal(t, raceExitCode, r.ExitCode, "exit status of the shared total built with -race\nstderr:\n%s", r.Stderr)
		require.Contains(t, r.Stderr, "WARNING: DATA RACE", "the race detector's report")
		require.Contains(t, r.Stderr, "main.sharing.func1()", "the report shows the racing goroutines")
		require.Regexp(t, `^sum = \d+\n$`, r.Stdout, "the program still prints a sum")
	})

	t.Run("sharing memory by communicating runs silent (C1)", func(t *testing.T) {
		r := crashtest.Run(t, exec.Command(bin, "channel"))
		require.Equal(t, 0, r.ExitCode, "exit status of the channel form built with -race\nstderr:\n%s", r.Stderr)
		require.Empty(t, r.Stderr, "the channel form's standard error; want no race report (C1)")
		require.Equal(t, "sum = 55\n", r.Stdout, "the channel form's output (C1)")
	})
}
