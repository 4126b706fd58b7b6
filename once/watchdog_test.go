package once_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_waitForF,
		Example_panic,
		Example_nestedOnces,
		Example_onceFunc,
		Example_onceValues,
		Example_repanic,
		Example_lazyInit,
	)
}
