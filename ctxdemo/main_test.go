package ctxdemo_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any goroutine started by a test or an example is
// still alive at the end: every goroutine here must have a way to stop.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
