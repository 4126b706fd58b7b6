package done_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any test or example leaves a goroutine behind.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
