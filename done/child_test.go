package done_test

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"testing"

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
func runChild(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.CommandContext(t.Context(), exe,
		"-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1")
	cmd.Env = append(os.Environ(),
		childEnv+"="+t.Name(),
		// A child built with -race would otherwise sleep 1s before exiting.
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "child process failed; its stderr:\n%s", stderr.String())
	return string(out)
}
