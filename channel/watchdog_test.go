package channel_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_unbuffered,
		Example_buffered,
		Example_range,
		Example_commaOk,
		Example_directions,
		Example_ownership,
		Example_table,
	)
}
