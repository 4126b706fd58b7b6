package ctxdemo_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		ExampleHandle,
		ExampleHandle_cancel,
		ExampleHandle_failure,
		ExampleHandle_timeout,
		ExampleWithRequestID,
		ExampleRequestID,
		ExampleSleep,
		Example_interface,
		Example_backgroundAndTODO,
		Example_tree,
		Example_childDeadline,
		Example_cancel,
		Example_deadline,
		Example_timeout,
		Example_value,
		Example_cause,
		Example_timeoutCause,
		Example_afterFunc,
		Example_withoutCancel,
		Example_misuse,
		Example_keyType,
		Example_request,
	)
}
