package ctxdemo_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWithDeadline(t *testing.T) {
	t.Run("Done closes at exactly the deadline", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithDeadline(t.Context(), start.Add(time.Second))
			defer cancel()

			time.Sleep(time.Second - time.Nanosecond)
			synctest.Wait()
			require.NoError(t, ctx.Err(), "Err() one nanosecond before the deadline")
			require.False(t, isClosed(ctx.Done()), "Done closed one nanosecond before the deadline")

			<-ctx.Done()
			require.Equal(t, time.Second, time.Since(start), "Done closed at")
			requireErr(t, "Err()", ctx.Err(), context.DeadlineExceeded)
		})
	})

	t.Run("a deadline already past ends the context at birth", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
			defer cancel()
			requireErr(t, "Err() right after WithDeadline", ctx.Err(), context.DeadlineExceeded)
			d, _ := ctx.Deadline()
			require.Equal(t, time.Now().Add(-time.Second), d, "Deadline keeps the time it was given")
		})
	})

	t.Run("DeadlineExceeded is a timeout error", func(t *testing.T) {
		err := context.DeadlineExceeded
		require.Equal(t, "context deadline exceeded", err.Error())
		// net.Error and os.IsTimeout look for this method.
		var timeout interface{ Timeout() bool }
		require.True(t, errors.As(err, &timeout) && timeout.Timeout(), "DeadlineExceeded.Timeout()")
		require.NotErrorIs(t, err, context.Canceled)
	})

	// The article's WithDeadline program, on the fake clock and without
	// its busy loop.
	t.Run("a worker blocked on Done stops at the deadline", func(t *testing.T) {
		bubble(t, "a worker blocked on Done stops at the deadline", func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithDeadline(t.Context(), start.Add(time.Second))
			defer cancel()

			stopped := startWorker(ctx, start)
			stoppedAt, err := stopped()
			require.Equal(t, time.Second, stoppedAt, "worker stopped at")
			requireErr(t, "worker's Err()", err, context.DeadlineExceeded)
		})
	})
}

func TestWithTimeout(t *testing.T) {
	t.Run("the deadline is the time of the call plus the timeout", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			time.Sleep(500 * time.Millisecond) // the clock runs before the call
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()

			d, ok := ctx.Deadline()
			require.True(t, ok)
			require.Equal(t, start.Add(1500*time.Millisecond), d, "Deadline")
			<-ctx.Done()
			require.Equal(t, 1500*time.Millisecond, time.Since(start), "Done closed at")
			requireErr(t, "Err()", ctx.Err(), context.DeadlineExceeded)
		})
	})

	t.Run("not a nanosecond early", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			time.Sleep(time.Second - time.Nanosecond)
			synctest.Wait()
			require.NoError(t, ctx.Err(), "Err() one nanosecond before the timeout")
			time.Sleep(time.Nanosecond)
			synctest.Wait()
			requireErr(t, "Err() at the timeout", ctx.Err(), context.DeadlineExceeded)
		})
	})

	t.Run("a zero or negative timeout ends the context at birth", func(t *testing.T) {
		for _, d := range []time.Duration{0, -time.Second} {
			ctx, cancel := context.WithTimeout(t.Context(), d)
			requireErr(t, "Err() right after WithTimeout", ctx.Err(), context.DeadlineExceeded)
			cancel()
		}
	})

	// The article's WithTimeout program, on the fake clock and without its
	// busy loop.
	t.Run("a worker blocked on Done stops when the timeout elapses", func(t *testing.T) {
		bubble(t, "a worker blocked on Done stops when the timeout elapses", func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()

			stopped := startWorker(ctx, start)
			stoppedAt, err := stopped()
			require.Equal(t, time.Second, stoppedAt, "worker stopped at")
			requireErr(t, "worker's Err()", err, context.DeadlineExceeded)
		})
	})
}
