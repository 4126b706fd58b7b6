package errgroupdemo_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// TestWithContextCancelsAtTheFirstError proves E2 on the fake clock: one
// task fails at 1s and another, which would work for 10s, sees the
// context cancelled at exactly 1s, with the first error as its cause.
func TestWithContextCancelsAtTheFirstError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		errFirst := errors.New("failed at 1s")
		var stoppedAt time.Duration
		var stoppedBy, cause error

		g, ctx := errgroup.WithContext(t.Context())
		g.Go(func() error { time.Sleep(time.Second); return errFirst })
		g.Go(func() error {
			select {
			case <-time.After(10 * time.Second):
				return nil
			case <-ctx.Done():
				stoppedAt, stoppedBy, cause = time.Since(start), ctx.Err(), context.Cause(ctx)
				return ctx.Err()
			}
		})
		err := g.Wait()

		require.Equal(t, time.Second, stoppedAt, "instant the other task saw Done; want the instant of the first error (E2)")
		require.Equal(t, context.Canceled, stoppedBy, "ctx.Err() in the other task (E2)")
		require.Equal(t, errFirst, cause, "context.Cause(ctx) in the other task; want the first error (E2)")
		require.Equal(t, errFirst, err, "Wait's error; want the first error, not the Canceled that followed it (E1)")
		require.Equal(t, time.Second, time.Since(start), "instant Wait returned")
	})
}

// TestWithContextCancelsWhenWaitReturns proves the other half of E2: with
// no error the context stays alive while tasks run and is cancelled when
// Wait returns, with the cause context.Canceled.
func TestWithContextCancelsWhenWaitReturns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gate, open := newGate(t)
		g, ctx := errgroup.WithContext(t.Context())
		g.Go(func() error { return nil })
		g.Go(func() error { <-gate; return nil })

		synctest.Wait() // the first task has returned nil
		require.NoError(t, ctx.Err(), "ctx.Err() after a task returned nil, before Wait; want the context alive (E2)")

		open()
		require.NoError(t, g.Wait(), "Wait's error")
		require.Equal(t, context.Canceled, ctx.Err(), "ctx.Err() after Wait returned (E2)")
		require.Equal(t, context.Canceled, context.Cause(ctx), "context.Cause(ctx) after Wait returned with no error (E2)")
	})
}

// TestWaitWaitsForATaskThatIgnoresTheContext proves that cancelling only
// asks (E2 with E1): a task that never looks at ctx works on for 5s, and
// Wait returns then, not at the failure at 1s.
func TestWaitWaitsForATaskThatIgnoresTheContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		cancelledAt := make(chan time.Duration, 1)
		g, ctx := errgroup.WithContext(t.Context())
		context.AfterFunc(ctx, func() { cancelledAt <- time.Since(start) })

		g.Go(func() error { time.Sleep(time.Second); return errors.New("failed at 1s") })
		g.Go(func() error { time.Sleep(5 * time.Second); return nil }) // ignores ctx
		err := g.Wait()

		require.EqualError(t, err, "failed at 1s", "Wait's error")
		require.Equal(t, time.Second, <-cancelledAt, "instant the context was cancelled (E2)")
		require.Equal(t, 5*time.Second, time.Since(start),
			"instant Wait returned; want 5s, when the task that ignored ctx returned (E1, E2)")
	})
}

// TestGoStartsTasksAfterCancellation shows that Go does not look at the
// group's context (E2): after the first failure it still starts what it is
// given, and only a task that checks ctx stops at once.
func TestGoStartsTasksAfterCancellation(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g, ctx := errgroup.WithContext(t.Context())
		g.Go(func() error { return errors.New("failed") })
		synctest.Wait()
		require.Error(t, ctx.Err(), "ctx.Err() after the failure; want the context cancelled (E2)")

		started := false
		g.Go(func() error {
			started = true
			return ctx.Err() // the check a task should start with
		})
		require.EqualError(t, g.Wait(), "failed", "Wait's error")
		require.True(t, started, "the task given to Go after cancellation never ran; want Go to start it (E2)")
	})
}

// TestParentCancellationReachesTheGroup checks that the group's context is
// derived from the one given to WithContext (E2): cancelling the parent
// cancels it, with the parent's cause, and the tasks' errors reach Wait.
func TestParentCancellationReachesTheGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errShutdown := errors.New("shutting down")
		parent, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)

		g, ctx := errgroup.WithContext(parent)
		g.Go(func() error {
			select {
			case <-ctx.Done():
				return context.Cause(ctx)
			case <-time.After(time.Hour): // on the fake clock: a bound, not a wait
				return errors.New("the group's context was not cancelled within an hour")
			}
		})
		synctest.Wait()
		require.NoError(t, ctx.Err(), "group's ctx.Err() before the parent was cancelled")

		cancel(errShutdown)
		require.Equal(t, errShutdown, g.Wait(), "Wait's error; want the parent's cause, which the task returned (E2)")
	})
}
