package selectloop_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_nonBlocking,
		Example_noPriority,
		Example_priority,
		Example_evaluationOrder,
		Example_nilDisablesCase,
		ExampleMerge,
		ExampleMerge_stopEarly,
		Example_timeout,
		Example_sendIterationValues,
		Example_workInDefault,
		Example_workAfterSelect,
		Example_blockingLoop,
	)
}
