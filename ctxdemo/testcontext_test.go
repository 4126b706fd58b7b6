package ctxdemo_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestTContextEndsWithTheTest shows the context a test should pass to the
// code it tests: t.Context is live while the test runs and is cancelled as
// the test ends, before its Cleanup functions run, so a goroutine the test
// started on it stops by itself.
func TestTContextEndsWithTheTest(t *testing.T) {
	var ctx context.Context
	stopped := make(chan error)
	t.Run("inner test", func(t *testing.T) {
		ctx = t.Context()
		require.NoError(t, ctx.Err(), "t.Context().Err() while the test runs")
		go func() {
			<-ctx.Done()
			stopped <- ctx.Err()
		}()
		t.Cleanup(func() {
			// Cleanup runs after the cancellation: it can wait for what
			// the cancellation stops. Were the context not cancelled by
			// now, the receive would never return: the watchdog bounds it.
			watchdog.Within(t, "t.Context is cancelled before the Cleanup functions run", func() {
				assert.ErrorIs(t, <-stopped, context.Canceled, "the goroutine's view, seen from Cleanup")
			})
		})
	})
	requireErr(t, "the inner test's context, after it ended", ctx.Err(), context.Canceled)
}
