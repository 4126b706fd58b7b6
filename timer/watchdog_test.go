package timer_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_timeout,
		Example_stop,
		Example_reset,
		Example_afterFunc,
		Example_ticker,
		Example_tick,
		Example_nonPositiveInterval,
		Example_loopDeadline,
		Example_reusedTimer,
	)
}
