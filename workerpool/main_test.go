package workerpool_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any test or example leaves a goroutine behind:
// every worker, feeder and task a pool starts must have returned by the end.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
