package ctxdemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWithCancel(t *testing.T) {
	t.Run("cancel closes Done and sets Err to Canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		require.False(t, isClosed(ctx.Done()), "Done closed before cancel")
		require.NoError(t, ctx.Err())
		cancel()
		require.True(t, isClosed(ctx.Done()), "Done closed after cancel")
		requireErr(t, "Err()", ctx.Err(), context.Canceled)
		require.Equal(t, "context canceled", ctx.Err().Error())
	})

	t.Run("calling cancel again does nothing", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		cancel() // a CancelFunc may be called any number of times
		requireErr(t, "Err()", ctx.Err(), context.Canceled)
	})

	t.Run("cancel after the deadline keeps DeadlineExceeded", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			<-ctx.Done()
			cancel() // still needed, to release the context; changes nothing
			requireErr(t, "Err()", ctx.Err(), context.DeadlineExceeded)
		})
	})

	// The article's WithCancel program, without its busy loop: the worker
	// blocks on Done instead of spinning through an empty default case.
	t.Run("a worker blocked on Done stops at the instant of cancel", func(t *testing.T) {
		bubble(t, "a worker blocked on Done stops at the instant of cancel", func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()

			stopped := startWorker(ctx, start)
			// Wait returns only once the worker is durably blocked: a
			// worker polling Done in a loop would never get there, and
			// the watchdog of bubble would fail this test after
			// watchdog.Limit.
			synctest.Wait()

			time.Sleep(300 * time.Millisecond)
			cancel()
			stoppedAt, err := stopped()
			require.Equal(t, 300*time.Millisecond, stoppedAt, "worker stopped at")
			requireErr(t, "worker's Err()", err, context.Canceled)
		})
	})
}
