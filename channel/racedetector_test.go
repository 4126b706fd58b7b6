package channel_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
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
	bin := filepath.Join(t.TempDir(), "racesum")
	build := exec.CommandContext(t.Context(), "go", "build", "-race", "-o", bin, "./testdata/racesum")
	build.Env = append(build.Environ(), "CGO_ENABLED=1") // -race needs cgo
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build -race ./testdata/racesum:\n%s", out)

	t.Run("communicating by sharing memory is reported as a data race", func(t *testing.T) {
		stdout, stderr, code := runRaceChild(t, bin, "shared")
		require.Equal(t, raceExitCode, code, "exit status of the shared total built with -race\nstderr:\n%s", stderr)
		require.Contains(t, stderr, "WARNING: DATA RACE", "the race detector's report")
		require.Contains(t, stderr, "main.sharing.func1()", "the report shows the racing goroutines")
		require.Regexp(t, `^sum = \d+\n$`, stdout, "the program still prints a sum")
	})

	t.Run("sharing memory by communicating runs silent (C1)", func(t *testing.T) {
		stdout, stderr, code := runRaceChild(t, bin, "channel")
		require.Equal(t, 0, code, "exit status of the channel form built with -race\nstderr:\n%s", stderr)
		require.Empty(t, stderr, "the channel form's standard error; want no race report (C1)")
		require.Equal(t, "sum = 55\n", stdout, "the channel form's output (C1)")
	})
}

// runRaceChild runs the race-enabled program bin with args and returns its
// output and exit status. The race runtime's exit sleep is turned off, and
// GORACE set to nothing else, so the exit status is the default one. A minute
// is a safety net, never reached: each run takes milliseconds.
func runRaceChild(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(cmd.Environ(), "GORACE=atexit_sleep_ms=0")
	var outBuf, errBuf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outBuf, &errBuf
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "%s %v did not exit within a minute\nstderr:\n%s", bin, args, errBuf.String())
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running %s %v: %v", bin, args, err)
	}
	return outBuf.String(), errBuf.String(), cmd.ProcessState.ExitCode()
}
