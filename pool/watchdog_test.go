package pool_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_whatGetReturns,
		Example_emptiedByGC,
		Example_allocations,
		Example_capWhatYouPut,
		Example_poolInAStruct,
	)
}
