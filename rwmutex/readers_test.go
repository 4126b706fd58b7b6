package rwmutex_test

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestReadersHoldTheLockTogether proves that any number of goroutines hold
// the read lock at once: every reader takes RLock, reports in, and waits,
// still holding it, at a barrier that opens only when all have reported.
func TestReadersHoldTheLockTogether(t *testing.T) {
	watchdog.Within(t, "every reader gets the read lock while the others hold it, and all return once the barrier opens", func() {
		const readers = 5
		var (
			mu      sync.RWMutex
			arrived = make(chan int)      // a reader holds its read lock
			barrier = make(chan struct{}) // closed once all readers hold it
			wg      sync.WaitGroup
		)
		openBarrier := sync.OnceFunc(func() { close(barrier) })
		defer wg.Wait()
		defer openBarrier() // also on a failed require, so no reader is left behind

		for i := range readers {
			// Readers start one at a time. Before each one, a probe checks that
			// a read lock is still available: if read locks excluded each
			// other, the reader's RLock would block for good and the test would
			// hang; the probe turns that into a failure.
			require.True(t, canRLock(&mu), "a new reader could not enter (readers holding the lock: %d)", i)
			wg.Go(func() {
				mu.RLock()
				defer mu.RUnlock()
				arrived <- i
				<-barrier
			})
			require.Equal(t, i, <-arrived)
		}
		// All readers hold the read lock now, and will until the barrier opens.
		require.False(t, canLock(&mu), "a writer could enter while %d readers held the lock", readers)
		openBarrier()
		wg.Wait()
		require.True(t, canLock(&mu), "no writer could enter after every reader unlocked")
	})
}

// TestReadCriticalSectionsOverlapInTime measures on the fake clock why an
// RWMutex suits many readers: four readers that each hold the read lock for
// a millisecond are all done one millisecond after they start. Critical
// sections that excluded each other, as a Mutex's do, would take four
// milliseconds, one after another.
func TestReadCriticalSectionsOverlapInTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const (
			readers = 4
			hold    = time.Millisecond
		)
		var (
			mu sync.RWMutex
			wg sync.WaitGroup
		)
		start := time.Now()
		for i := range readers {
			wg.Go(func() {
				// TryRLock, not RLock: a goroutine blocked on a mutex is not
				// durably blocked, so the fake clock would stop and the
				// bubble hang. All readers take the lock at the same fake
				// instant, because time stands still until every one of
				// them sleeps.
				if !assert.True(t, mu.TryRLock(), "reader %d could not enter while others held the lock", i) {
					return
				}
				defer mu.RUnlock()
				time.Sleep(hold) // the read's work
			})
		}
		wg.Wait()
		require.Equal(t, hold, time.Since(start), "time for %d readers holding the lock %v each", readers, hold)
	})
}
