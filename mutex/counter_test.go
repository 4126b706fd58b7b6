package mutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCounterUnderLockEndsExact runs the article's increment and decrement,
// and a crowd of incrementers, against counters guarded by a Mutex. Without
// the lock the final counts would come out short, and under -race the race
// detector would report the unguarded accesses.
func TestCounterUnderLockEndsExact(t *testing.T) {
	t.Run("increments and decrements cancel out", func(t *testing.T) {
		var (
			mu    sync.Mutex
			count int
			wg    sync.WaitGroup
		)
		for _, delta := range []int{+1, -1} {
			wg.Go(func() {
				for range 1000 {
					mu.Lock()
					count += delta
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		require.Equal(t, 0, count, "count after 1000 increments and 1000 decrements")
	})

	t.Run("many goroutines lose no increment", func(t *testing.T) {
		const goroutines, perGoroutine = 8, 1000
		var (
			mu    sync.Mutex
			count int
			wg    sync.WaitGroup
		)
		for range goroutines {
			wg.Go(func() {
				for range perGoroutine {
					mu.Lock()
					count++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		require.Equal(t, goroutines*perGoroutine, count, "count after %d goroutines × %d increments", goroutines, perGoroutine)
	})
}

// TestLockedIncrementCannotBeInterleaved replays the interleaving of
// Example_lostUpdate with the lock held across the read and the write. The
// second incrementer cannot cut in between (its TryLock fails), so it waits
// for its turn and no update is lost.
func TestLockedIncrementCannotBeInterleaved(t *testing.T) {
	var mu sync.Mutex
	count := 0 // guarded by mu
	read := make(chan struct{})
	write := make(chan struct{})
	var wg sync.WaitGroup

	wg.Go(func() { // A: count++ in its steps, holding the lock throughout
		mu.Lock()
		defer mu.Unlock()
		v := count
		close(read)
		<-write
		count = v + 1
	})
	<-read
	// B wants to increment between A's read and A's write, the step that
	// loses an update without the lock.
	require.False(t, mu.TryLock(), "B's TryLock between A's read and write = true; want false")
	close(write)
	wg.Wait()
	mu.Lock() // B's turn: after A's write
	count++
	mu.Unlock()
	require.Equal(t, 2, count, "count after two locked increments")
}
