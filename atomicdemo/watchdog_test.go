package atomicdemo_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_loadThenStore,
		Example_typed,
		Example_runningMax,
		Example_valuePanics,
		Example_flags,
		Example_copyOnWrite,
	)
}
