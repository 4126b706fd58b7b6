package errgroupdemo_test

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// TestWaitReturnsTheErrorThatHappenedFirst proves E1 on the fake clock:
// task 0, started first, fails at 3s; task 1 fails at 1s; task 2 succeeds
// at 5s. Wait returns at 5s, when the last task has returned, with task
// 1's error: first in time, not first started. Task 0's error is dropped.
func TestWaitReturnsTheErrorThatHappenedFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		errSlow := errors.New("task 0 failed at 3s")
		errFast := errors.New("task 1 failed at 1s")

		var g errgroup.Group
		g.Go(func() error { time.Sleep(3 * time.Second); return errSlow })
		g.Go(func() error { time.Sleep(1 * time.Second); return errFast })
		g.Go(func() error { time.Sleep(5 * time.Second); return nil })
		err := g.Wait()

		require.Equal(t, 5*time.Second, time.Since(start),
			"instant Wait returned; want 5s, when the last task returned (E1: Wait waits for every task)")
		require.Equal(t, errFast, err, "Wait's error; want the error that happened first (E1)")
	})
}

// TestWaitWaitsForEveryTask proves E1 step by step: a failure does not end
// Wait, and Wait stays blocked until the very last task has returned.
func TestWaitWaitsForEveryTask(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errFailed := errors.New("task failed")
		gate0, open0 := newGate(t)
		gate1, open1 := newGate(t)

		var g errgroup.Group
		g.Go(func() error { return errFailed })
		g.Go(func() error { <-gate0; return nil })
		g.Go(func() error { <-gate1; return nil })
		result := waitInBackground(g.Wait)

		synctest.Wait()
		require.Empty(t, result, "Wait returned after the failure with two tasks still running; want it blocked (E1)")

		open0()
		synctest.Wait()
		require.Empty(t, result, "Wait returned with one task still running; want it blocked (E1)")

		open1()
		synctest.Wait()
		require.Len(t, result, 1, "Wait still blocked after the last task returned; want it returned (E1)")
		require.Equal(t, errFailed, <-result, "Wait's error (E1)")
	})
}

// TestZeroGroupLetsEveryTaskFinish proves that a zero Group cancels
// nothing (E1, E2): a task that fails at once stops no one, and the others
// do all their work.
func TestZeroGroupLetsEveryTaskFinish(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		finished := make([]time.Duration, 3)

		var g errgroup.Group
		g.Go(func() error { return errors.New("failed at once") })
		for i := range finished {
			g.Go(func() error {
				time.Sleep(time.Duration(i+1) * time.Second)
				finished[i] = time.Since(start)
				return nil
			})
		}
		require.EqualError(t, g.Wait(), "failed at once", "Wait's error")
		require.Equal(t, seconds(1, 2, 3), finished,
			"instants the other tasks finished their work, read after Wait; want every one done (E1)")
	})
}

// TestWaitWithoutTasksReturnsNil checks the empty case of E1: a Group with
// no tasks has nothing to wait for and no error.
func TestWaitWithoutTasksReturnsNil(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var g errgroup.Group
		require.NoError(t, g.Wait(), "Wait on a Group with no tasks")
		require.Zero(t, time.Since(start), "time Wait took with no tasks")
	})
}
