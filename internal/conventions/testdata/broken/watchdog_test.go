package broken_test

import (
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestExamplesReturn lists one example of three; the other two are reported.
func TestExamplesReturn(t *testing.T) {
	watchdog.Examples(t, ExampleBroken)
}
