package errgroupdemo_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any test or example leaves a goroutine behind:
// every task a Group starts must have returned by the end.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
