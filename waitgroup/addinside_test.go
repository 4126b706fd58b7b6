package waitgroup_test

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestAddInsideGoroutineLetsWaitReturnEarly builds, with channels, the
// interleaving the Add-before-go rule exists for: the goroutine has not yet
// reached its Add when Wait runs, so Wait returns with the work uncounted.
// Starting the same goroutine with Go instead makes Wait wait.
func TestAddInsideGoroutineLetsWaitReturnEarly(t *testing.T) {
	t.Run("Add inside the goroutine: Wait returns before the work is counted", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var wg sync.WaitGroup
			start := make(chan struct{})
			worked := make(chan struct{})
			go func() {
				<-start // holds the goroutine before its Add
				wg.Add(1)
				defer wg.Done()
				close(worked)
			}()

			returned := waitInBackground(wg.Wait)
			synctest.Wait()
			require.True(t, closed(returned), "Wait blocked; want it returned, as the counter was still 0")
			require.False(t, closed(worked), "the work ran before Wait returned; want it not even started")

			close(start)
			synctest.Wait()
			require.True(t, closed(worked), "the work never ran after it was released")
		})
	})

	t.Run("Go counts the task before its goroutine runs: Wait waits", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var wg sync.WaitGroup
			start := make(chan struct{})
			worked := make(chan struct{})
			wg.Go(func() {
				<-start // the same hold-up as above
				close(worked)
			})

			returned := waitInBackground(wg.Wait)
			synctest.Wait()
			require.False(t, closed(returned), "Wait returned before the task ran; want it blocked")

			close(start)
			synctest.Wait()
			require.True(t, closed(worked), "the task never ran after it was released")
			require.True(t, closed(returned), "Wait still blocked after the task returned; want it returned")
		})
	})
}
