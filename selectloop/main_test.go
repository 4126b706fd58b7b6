package selectloop_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the test binary if any test or example leaves a goroutine
// running, such as a for-select loop that never saw its done channel.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
