package errgroupdemo_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t, Example, Example_withContext, Example_waitCancelsContext,
		Example_setLimit, Example_tryGo, Example_setLimitPanics, Example_panicToError,
		Example_waitGroupGo)
}
