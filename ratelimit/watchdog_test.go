package ratelimit_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_tokens,
		Example_allow,
		Example_reserve,
		Example_wait,
		Example_waitErrors,
		Example_limits,
	)
}
