package done_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/stretchr/testify/require"
)

// childEnv marks a child process started by runChild; its value is the name
// of the test whose child body should run.
const childEnv = "GOPRIMER_DONE_CHILD"

// inChild reports whether this process is the child that runChild started
// for t. A child leaks goroutines on purpose, prints what the parent asks
// for, and ends with os.Exit(0), skipping the leak check of TestMain.
func inChild(t *testing.T) bool {
	return os.Getenv(childEnv) == t.Name()
}

// runChild runs the test binary again as a child process that runs only t,
// with inChild true, and returns what the child printed on standard output.
// A leak that can never be undone has to happen in a process of its own.
// claim says what the child shows; see [runTestBinary].
func runChild(t *testing.T, claim string) string {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	return runTestBinary(t, exe, claim)
}

// runTestBinary runs the test binary exe as the child of t, as runChild
// does, and returns its standard output.
//
// Every child here finishes in well under a second. One that has not
// exited within [watchdog.Limit] is hung, for example because a goroutine
// the claim says is blocked is spinning instead: it is sent SIGQUIT, so
// that it prints the stacks of its goroutines, and the test fails naming
// claim, with those stacks.
func runTestBinary(t *testing.T, exe, claim string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), watchdog.Limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe,
		"-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1")
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGQUIT) }
	cmd.WaitDelay = 5 * time.Second // then SIGKILL
	cmd.Env = append(os.Environ(),
		childEnv+"="+t.Name(),
		// A child built with -race would otherwise sleep 1s before exiting.
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		require.Failf(t, "hung: "+claim,
			"the child process did not exit within %v; its goroutines:\n%s", watchdog.Limit, stderr.String())
	}
	require.NoError(t, err, "child process failed (%s); its stderr:\n%s", claim, stderr.String())
	return stdout.String()
}
