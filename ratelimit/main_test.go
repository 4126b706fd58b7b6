package ratelimit_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if any test or example leaves a goroutine behind,
// such as a Tokens refiller whose context never ended.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
