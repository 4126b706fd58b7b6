package waitgroup_test

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// Inside a synctest bubble, Wait on a WaitGroup whose Add ran in the bubble is
// durably blocking, so synctest.Wait returns once Wait has really blocked.

func TestWaitBlocksWhileCounterIsAboveZero(t *testing.T) {
	t.Run("Add(2) needs two Done calls", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var wg sync.WaitGroup
			wg.Add(2)
			returned := waitInBackground(wg.Wait)

			synctest.Wait()
			require.False(t, closed(returned), "Wait returned with the counter at 2; want it blocked")

			wg.Done()
			synctest.Wait()
			require.False(t, closed(returned), "Wait returned with the counter at 1; want it blocked")

			wg.Done()
			synctest.Wait()
			require.True(t, closed(returned), "Wait still blocked with the counter at 0; want it returned")
		})
	})

	t.Run("a negative delta counts down like Done", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var wg sync.WaitGroup
			wg.Add(3)
			returned := waitInBackground(wg.Wait)

			wg.Add(-2)
			synctest.Wait()
			require.False(t, closed(returned), "Wait returned with the counter at 1; want it blocked")

			wg.Done()
			synctest.Wait()
			require.True(t, closed(returned), "Wait still blocked with the counter at 0; want it returned")
		})
	})

	t.Run("every waiter is released at zero", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var wg sync.WaitGroup
			wg.Add(1)
			first := waitInBackground(wg.Wait)
			second := waitInBackground(wg.Wait)

			synctest.Wait()
			require.False(t, closed(first) || closed(second), "a Wait returned with the counter at 1; want both blocked")

			wg.Done()
			synctest.Wait()
			require.True(t, closed(first) && closed(second), "a Wait still blocked with the counter at 0; want both returned")
		})
	})
}

func TestWaitWaitsForTheWholeGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// Worker i works for i+1 seconds of fake time and records when it ended.
		ended := make([]time.Duration, 3)
		var wg sync.WaitGroup
		for i := range ended {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(i+1) * time.Second)
				ended[i] = time.Since(start)
			}()
		}
		wg.Wait()

		require.Equal(t, 3*time.Second, time.Since(start), "Wait returned at this instant; want when the slowest worker ended")
		require.Equal(t, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}, ended,
			"instants the workers ended, read after Wait")
	})
}

func TestGoWaitsForF(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var finished bool
		var wg sync.WaitGroup
		wg.Go(func() {
			time.Sleep(time.Second)
			finished = true
		})
		wg.Wait()

		require.Equal(t, time.Second, time.Since(start), "Wait returned at this instant; want when f returned")
		require.True(t, finished, "f had not finished when Wait returned")
	})
}
