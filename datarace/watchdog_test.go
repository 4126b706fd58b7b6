package datarace_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn runs every example under the watchdog before go test
// runs them unbounded, so a broken blocking claim fails within seconds.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t,
		Example,
		Example_goStatement,
		Example_send,
		Example_close,
		Example_unbuffered,
		Example_capacity,
		Example_mutex,
		Example_once,
		Example_waitGroup,
		Example_atomic,
		Example_interleavings,
		Example_pathNotTaken,
	)
}
