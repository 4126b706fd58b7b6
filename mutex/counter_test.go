package mutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestCounterUnderLockEndsExact runs the article's increment and decrement,
// and a crowd of incrementers, against the locked counter of
// lostupdate_test.go, with nothing forcing the order. Without the lock the
// counts would come out wrong only when the scheduler happened to interleave
// the updates badly; the race detector (go test -race) would report the
// unguarded accesses on every run. TestLockPreventsTheLostUpdate is the proof
// that fails without -race.
func TestCounterUnderLockEndsExact(t *testing.T) {
	t.Run("increments and decrements cancel out", func(t *testing.T) {
		var c lockedCounter
		var wg sync.WaitGroup
		for _, delta := range []int{+1, -1} {
			wg.Go(func() {
				for range 1000 {
					c.add(delta, noSteps)
				}
			})
		}
		watchdog.Within(t, "M2: the locked increments and decrements all finish", wg.Wait)
		require.Equal(t, 0, c.n, "count after 1000 increments and 1000 decrements (M2)")
	})

	t.Run("many goroutines lose no increment", func(t *testing.T) {
		const goroutines, perGoroutine = 8, 1000
		var c lockedCounter
		var wg sync.WaitGroup
		for range goroutines {
			wg.Go(func() {
				for range perGoroutine {
					c.add(+1, noSteps)
				}
			})
		}
		watchdog.Within(t, "M2: the locked increments all finish", wg.Wait)
		require.Equal(t, goroutines*perGoroutine, c.n, "count after %d goroutines × %d increments (M2)", goroutines, perGoroutine)
	})
}
