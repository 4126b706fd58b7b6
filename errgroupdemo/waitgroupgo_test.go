package errgroupdemo_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// TestWaitGroupGoWaitsLikeAGroup proves the first half of E5: for tasks
// that cannot fail, WaitGroup.Go and a zero Group do the same job, every
// result in its slot and Wait returning at the same instant, when the
// slowest task ends.
func TestWaitGroupGoWaitsLikeAGroup(t *testing.T) {
	// work runs task i for i+1 seconds of fake time and returns the squares
	// and the instant Wait returned, with start as the one way to run a task.
	work := func(start func(task func()), wait func()) ([]int, time.Duration) {
		begin := time.Now()
		squares := make([]int, 3)
		for i := range squares {
			start(func() {
				time.Sleep(time.Duration(i+1) * time.Second)
				squares[i] = i * i
			})
		}
		wait()
		return squares, time.Since(begin)
	}

	synctest.Test(t, func(t *testing.T) {
		var wg sync.WaitGroup
		squares, took := work(wg.Go, wg.Wait)
		require.Equal(t, []int{0, 1, 4}, squares, "results with WaitGroup.Go (E5)")
		require.Equal(t, 3*time.Second, took, "instant WaitGroup.Wait returned (E5)")

		var g errgroup.Group
		squares, took = work(
			func(task func()) { g.Go(func() error { task(); return nil }) },
			func() { require.NoError(t, g.Wait()) },
		)
		require.Equal(t, []int{0, 1, 4}, squares, "results with a zero errgroup.Group (E5)")
		require.Equal(t, 3*time.Second, took, "instant Group.Wait returned (E5)")
	})
}

// TestWaitGroupGoKeepsEveryError proves the second half of E5: when the
// caller needs every error, errgroup is the wrong tool, since it keeps the
// first and drops the rest, while WaitGroup.Go with a slot per task keeps
// them all, joined in input order.
func TestWaitGroupGoKeepsEveryError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// Task i fails at 3-i seconds: task 2 first, task 0 last.
		fail := func(i int) error {
			time.Sleep(time.Duration(3-i) * time.Second)
			return fmt.Errorf("task %d failed", i)
		}

		var g errgroup.Group
		for i := range 3 {
			g.Go(func() error { return fail(i) })
		}
		require.EqualError(t, g.Wait(), "task 2 failed", "errgroup's error; want only the first in time (E1, E5)")

		errs := make([]error, 3)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() { errs[i] = fail(i) })
		}
		wg.Wait()
		require.EqualError(t, errors.Join(errs...), "task 0 failed\ntask 1 failed\ntask 2 failed",
			"errors.Join of the WaitGroup.Go slots; want every error, in input order (E5)")
	})
}
