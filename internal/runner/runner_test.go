package runner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/program"
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
		case "Example_traces":
			// Stands in for a traced program: it says whether it was
			// asked to trace, and writes a "trace" where asked.
			file, ok := os.LookupEnv(program.TraceEnv)
			fmt.Printf("traced: %v\n", ok)
			if ok {
				if err := os.WriteFile(file, []byte("trace of "+os.Args[1]), 0o644); err != nil {
					panic(err)
				}
			}
		case "Example_tracesAndFails":
			os.WriteFile(os.Getenv(program.TraceEnv), []byte("cut sh"), 0o644)
			os.Exit(2)
		}
		os.Exit(0)
	}
	goleak.VerifyTestMain(m)
}

func TestRunAllKeepsEachExampleApart(t *testing.T) {
	t.Setenv("RUNNER_TEST_PROGRAM", "1")
	names := []string{"Example_hello", "Example_fails", "Example_hello"}
	var counts []int
	results := runner.RunAll(t.Context(), os.Args[0], names, 2, runner.Options{Limit: 10 * time.Second}, func(n int) { counts = append(counts, n) })
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
	r := runner.Run(t.Context(), os.Args[0], "Example_hangs", runner.Options{Limit: 200 * time.Millisecond})
	assert.EqualError(t, r.Err, "Example_hangs did not return within 200ms: stopped")
	assert.Equal(t, "started\n", r.Stdout, "what it printed before it was stopped")
}

func TestEachTracedExampleGetsItsOwnTraceFile(t *testing.T) {
	t.Setenv("RUNNER_TEST_PROGRAM", "1")
	dir := t.TempDir()
	names := []string{"Example_traces", "Example_tracesAndFails", "Example_traces"}
	results := runner.RunAll(t.Context(), os.Args[0], names, 2, runner.Options{Limit: 10 * time.Second, TraceDir: dir}, nil)
	require.Len(t, results, 3)
	assert.Equal(t, runner.Result{Name: "Example_traces", Stdout: "traced: true\n", Trace: []byte("trace of Example_traces")}, results[0])
	assert.Equal(t, results[0], results[2])
	assert.EqualError(t, results[1].Err, "Example_tracesAndFails: exit status 2")
	assert.Equal(t, "cut sh", string(results[1].Trace), "what a failed example wrote of its trace")
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left, "trace files left after the runs")
}

func TestAnUntracedExampleIsNotAskedToTrace(t *testing.T) {
	t.Setenv("RUNNER_TEST_PROGRAM", "1")
	t.Setenv(program.TraceEnv, filepath.Join(t.TempDir(), "from-the-user.trace"))
	r := runner.Run(t.Context(), os.Args[0], "Example_traces", runner.Options{})
	assert.Equal(t, runner.Result{Name: "Example_traces", Stdout: "traced: false\n"}, r,
		"%s in primer's own environment does not reach the example", program.TraceEnv)
}

func TestATraceDirThatIsNotThereFailsTheExample(t *testing.T) {
	t.Setenv("RUNNER_TEST_PROGRAM", "1")
	r := runner.Run(t.Context(), os.Args[0], "Example_traces", runner.Options{TraceDir: filepath.Join(t.TempDir(), "gone")})
	require.Error(t, r.Err)
	assert.Regexp(t, `^Example_traces: open .*/gone/Example_traces-\d+\.trace: no such file or directory$`, r.Err.Error())
	assert.Empty(t, r.Stdout, "the example did not run")
}

func TestMatchesComparesAsGoTestDoes(t *testing.T) {
	assert.True(t, runner.Matches("a\r\nb\n\n", "  a\nb"))
	assert.False(t, runner.Matches("a\nb", "a\n b"))
}
