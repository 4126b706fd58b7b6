package done_test

import (
	"os"
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any test or example leaves a goroutine behind,
// and then removes the test binary that TestRuntimeReportsLeakedGoroutine
// may have built.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.Cleanup(func(exitCode int) {
		if experimentDir != "" {
			os.RemoveAll(experimentDir)
		}
		os.Exit(exitCode)
	}))
}
