package errgroupdemo_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// TestSetLimitBoundsTheActiveTasks proves E3 on the fake clock: with a
// limit of 2, five tasks of 1s each start two at a time, each call of Go
// returns only when a slot is free, and the most tasks ever running at
// once, measured, is exactly 2.
func TestSetLimitBoundsTheActiveTasks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const limit, tasks = 2, 5
		start := time.Now()
		var running gauge
		started := make([]time.Duration, tasks)
		goReturned := make([]time.Duration, tasks)

		var g errgroup.Group
		g.SetLimit(limit)
		for i := range tasks {
			g.Go(func() error {
				running.enter()
				defer running.leave()
				started[i] = time.Since(start)
				time.Sleep(time.Second)
				return nil
			})
			goReturned[i] = time.Since(start)
		}
		require.NoError(t, g.Wait())

		require.EqualValues(t, limit, running.most.Load(), "most tasks running at once; want exactly the limit (E3)")
		require.Equal(t, seconds(0, 0, 1, 1, 2), goReturned, "instants each call of Go returned; want Go blocked at the limit (E3)")
		require.Equal(t, seconds(0, 0, 1, 1, 2), started, "instants each task started (E3)")
		require.Equal(t, 3*time.Second, time.Since(start), "instant Wait returned")
	})
}

// TestGoBlocksAtTheLimit proves E3 step by step: with the only slot
// taken, Go blocks, and it returns once the task holding the slot has
// returned.
func TestGoBlocksAtTheLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g errgroup.Group
		g.SetLimit(1)
		gate, open := newGate(t)
		g.Go(func() error { <-gate; return nil })

		secondRan := false
		goReturned := inBackground(func() {
			g.Go(func() error { secondRan = true; return nil })
		})
		synctest.Wait()
		require.False(t, closed(goReturned), "Go returned while the only slot was taken; want it blocked (E3)")

		open()
		synctest.Wait()
		require.True(t, closed(goReturned), "Go still blocked after the first task returned; want it returned (E3)")
		require.NoError(t, g.Wait())
		require.True(t, secondRan, "the second task never ran")
	})
}

// TestTryGoReportsFalseAtTheLimit proves E3's TryGo: at the limit it
// returns false at once and does not run the function; below the limit,
// or with no limit, it starts it.
func TestTryGoReportsFalseAtTheLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g errgroup.Group
		g.SetLimit(2)
		gate, open := newGate(t)
		var ran atomic.Int32
		task := func() error { <-gate; ran.Add(1); return nil }

		require.True(t, g.TryGo(task), "TryGo with 0 of 2 slots taken")
		require.True(t, g.TryGo(task), "TryGo with 1 of 2 slots taken")
		require.False(t, tryGoAtOnce(t, &g, func() error { ran.Add(100); return nil }),
			"TryGo with 2 of 2 slots taken; want false (E3)")

		open()
		require.NoError(t, g.Wait())
		require.EqualValues(t, 2, ran.Load(), "tasks run; want the two TryGo started, not the refused one (E3)")
		require.True(t, g.TryGo(func() error { return nil }), "TryGo after Wait, every slot free")
		require.NoError(t, g.Wait())
	})

	t.Run("a limit of zero admits nothing", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var g errgroup.Group
			g.SetLimit(0)
			ran := false
			require.False(t, tryGoAtOnce(t, &g, func() error { ran = true; return nil }),
				"TryGo under SetLimit(0); want false (E3)")
			require.NoError(t, g.Wait())
			require.False(t, ran, "a task ran under a limit of zero")
		})
	})

	t.Run("a negative limit removes the limit", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var g errgroup.Group
			g.SetLimit(1)
			g.SetLimit(-1)
			gate, open := newGate(t)
			for i := range 3 {
				require.True(t, g.TryGo(func() error { <-gate; return nil }), "TryGo of task %d with no limit", i)
			}
			open()
			require.NoError(t, g.Wait())
		})
	})
}

// TestSetLimitWhileTasksAreActivePanics proves E3's misuse rule with the
// exact panic value of v0.25.0: an error (made by fmt.Errorf), whose text
// counts the active tasks. Once they have returned, the limit may change.
func TestSetLimitWhileTasksAreActivePanics(t *testing.T) {
	for _, tc := range []struct {
		active int
		want   string
	}{
		{1, "errgroup: modify limit while 1 goroutines in the group are still active"},
		{2, "errgroup: modify limit while 2 goroutines in the group are still active"},
	} {
		t.Run(fmt.Sprintf("%d active", tc.active), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var g errgroup.Group
				g.SetLimit(2)
				gate, open := newGate(t)
				for range tc.active {
					g.Go(func() error { <-gate; return nil })
				}

				r := recoverPanic(func() { g.SetLimit(3) })
				require.NotNil(t, r, "SetLimit(3) with %d tasks active did not panic; want a panic (E3)", tc.active)
				err, isError := r.(error)
				require.True(t, isError, "panic value %#v is a %T; want an error (E3)", r, r)
				require.EqualError(t, err, tc.want, "SetLimit's panic (E3)")

				open()
				require.NoError(t, g.Wait())
				require.Nil(t, recoverPanic(func() { g.SetLimit(3) }), "SetLimit after Wait, no task active; want no panic")
			})
		})
	}
}

// TestSetLimitChecksOnlyTheCurrentLimitsTokens shows the blind spots of
// E3's panic, as v0.25.0 counts: the check sees only tokens of the current
// limit.
func TestSetLimitChecksOnlyTheCurrentLimitsTokens(t *testing.T) {
	t.Run("removing the limit while tasks run does not panic", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var g errgroup.Group
			g.SetLimit(1)
			gate, open := newGate(t)
			g.Go(func() error { <-gate; return nil })

			require.Nil(t, recoverPanic(func() { g.SetLimit(-1) }), "SetLimit(-1) with a task active; want no panic")
			require.True(t, g.TryGo(func() error { <-gate; return nil }), "TryGo after the limit was removed, one task active")

			open()
			require.NoError(t, g.Wait())
		})
	})

	t.Run("a limit set while unlimited tasks run hangs them", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var g errgroup.Group // no limit: Go takes no token
			gate, open := newGate(t)
			for range 2 {
				g.Go(func() error { <-gate; return nil })
			}

			require.Nil(t, recoverPanic(func() { g.SetLimit(1) }),
				"SetLimit(1) with two tasks started without a limit active; want no panic, they hold no token")

			// Both tasks return, then wait to take back a token from the
			// new limit's empty channel, so Wait cannot return.
			open()
			result := waitInBackground(g.Wait)
			synctest.Wait()
			require.Empty(t, result, "Wait returned; want it stuck behind tasks waiting for tokens they never put in")

			// Clean up. Each TryGo puts in a token, which one stuck task
			// takes at once, and counts a task of its own; the counter never
			// falls to zero before that, as WaitGroup.Add requires. The two
			// new tasks then need no token: the limit is gone before they
			// return.
			cleanup := make(chan struct{})
			for i := range 2 {
				require.True(t, g.TryGo(func() error { <-cleanup; return nil }), "cleanup TryGo %d, a task waiting for its token", i)
			}
			g.SetLimit(-1)
			close(cleanup)
			require.NoError(t, <-result, "Wait's error after the cleanup")
		})
	})
}

// tryGoAtOnce calls g.TryGo(f) in the bubble and returns what it
// reported. If TryGo has not returned once every goroutine of the bubble
// is blocked, it fails the test: TryGo must never block (E3).
func tryGoAtOnce(t *testing.T, g *errgroup.Group, f func() error) bool {
	t.Helper()
	var started bool
	returned := inBackground(func() { started = g.TryGo(f) })
	synctest.Wait()
	require.True(t, closed(returned), "TryGo is blocked; want it to return at once (E3)")
	return started
}
