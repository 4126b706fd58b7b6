package timeline_test

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/timeline"
)

// childEnv, set to "gc", makes the test binary a child that records a
// trace of one garbage collection started inside the region and writes
// the trace to its standard output; see TestRuntimeGoroutinesAreNotLanes.
const childEnv = "TIMELINE_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "gc" {
		// Run with GOGC=off, this is the process's first collection, so
		// the goroutine that starts it also creates the GC workers.
		data, err := timeline.Record(runtime.GC)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Stdout.Write(data)
		os.Exit(0)
	}
	goleak.VerifyTestMain(m)
}
