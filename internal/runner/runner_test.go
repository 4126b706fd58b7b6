package runner_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/runner"
)

// TestMain makes the test binary, run with RUNNER_TEST_PROGRAM=1, stand in
// for a program of examples: its argument names the example.
func TestMain(m *testing.M) {
	if os.Getenv("RUNNER_TEST_PROGRAM") == "1" {
		switch os.Args[1] {
		case "Example_hello":
			fmt.Println("hello")
		case "Example_fails":
			fmt.Println("partial")
			fmt.Fprintln(os.Stderr, "panic: broken")
			os.Exit(2)
		case "Example_hangs":
			fmt.Println("started")
			time.Sleep(time.Hour) // until Run stops it
		}
		os.Exit(0)
	}
	goleak.VerifyTestMain(m)
}

func TestRunAllKeepsEachExampleApart(t *testing.T) {
	t.Setenv("RUNNER_TEST_PROGRAM", "1")
	names := []string{"Example_hello", "Example_fails", "Example_hello"}
	var counts []int
	results := runner.RunAll(t.Context(), os.Args[0], names, 2, 10*time.Second, func(n int) { counts = append(counts, n) })
	require.Len(t, results, 3)
	assert.Equal(t, runner.Result{Name: "Example_hello", Stdout: "hello\n"}, results[0])
	assert.Equal(t, results[0], results[2])
	assert.Equal(t, "partial\n", results[1].Stdout)
	assert.Equal(t, "panic: broken\n", results[1].Stderr)
	assert.EqualError(t, results[1].Err, "Example_fails: exit status 2")
	assert.Equal(t, []int{1, 2, 3}, counts, "progress after each example")
}

func TestAHungExampleIsStoppedAndNamed(t *testing.T) {
	t.Setenv("RUNNER_TEST_PROGRAM", "1")
	r := runner.Run(t.Context(), os.Args[0], "Example_hangs", 200*time.Millisecond)
	assert.EqualError(t, r.Err, "Example_hangs did not return within 200ms: stopped")
	assert.Equal(t, "started\n", r.Stdout, "what it printed before it was stopped")
}

func TestMatchesComparesAsGoTestDoes(t *testing.T) {
	assert.True(t, runner.Matches("a\r\nb\n\n", "  a\nb"))
	assert.False(t, runner.Matches("a\nb", "a\n b"))
}
