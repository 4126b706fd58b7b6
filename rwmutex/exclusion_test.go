package rwmutex_test

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestWriterExcludesEveryone checks the first rule and half of the third:
// while a goroutine holds the write lock, no other writer and no reader can
// enter.
func TestWriterExcludesEveryone(t *testing.T) {
	watchdog.Within(t, "a writer locks a free RWMutex and, with it held, keeps writers and readers out", func() {
		var mu sync.RWMutex
		mu.Lock()
		assert.False(t, canLock(&mu), "a second writer could enter while a writer held the lock")
		assert.False(t, canRLock(&mu), "a reader could enter while a writer held the lock")
		mu.Unlock()
		require.True(t, canLock(&mu), "no writer could enter after Unlock")
		require.True(t, canRLock(&mu), "no reader could enter after Unlock")
	})
}

// TestReaderExcludesWriters checks the other half of the third rule: while
// any reader holds the lock, a writer cannot enter, though readers can.
func TestReaderExcludesWriters(t *testing.T) {
	watchdog.Within(t, "a reader locks a free RWMutex and, with it held, keeps writers out", func() {
		var mu sync.RWMutex
		mu.RLock()
		assert.False(t, canLock(&mu), "a writer could enter while a reader held the lock")
		assert.True(t, canRLock(&mu), "a second reader could not enter while a reader held the lock")
		mu.RUnlock()
		require.True(t, canLock(&mu), "no writer could enter after RUnlock")
	})
}

// TestReadersNeverSeeAHalfDoneWrite checks exclusion with the blocking calls
// under load. Writers change two fields in two steps under Lock; readers
// read both under RLock. Both yield the processor in the middle of their
// critical section, inviting the other side in: if the locks did not
// exclude each other, a reader would see the fields differ, and the race
// detector would report the unsynchronized accesses.
func TestReadersNeverSeeAHalfDoneWrite(t *testing.T) {
	watchdog.Within(t, "every Lock and RLock of the writers and readers returns, each unlock letting the other side in", func() {
		const (
			writers = 2
			readers = 2
			rounds  = 200
		)
		var (
			mu   sync.RWMutex
			a, b int // equal whenever no writer holds the lock
			torn atomic.Int64
			wg   sync.WaitGroup
		)
		for range writers {
			wg.Go(func() {
				for range rounds {
					mu.Lock()
					a++
					runtime.Gosched()
					b++
					mu.Unlock()
				}
			})
		}
		for range readers {
			wg.Go(func() {
				for range rounds {
					mu.RLock()
					x := a
					runtime.Gosched()
					y := b
					mu.RUnlock()
					if x != y {
						torn.Add(1)
					}
				}
			})
		}
		wg.Wait()
		require.Zero(t, torn.Load(), "reads that saw a half-done write")
		require.Equal(t, writers*rounds, a, "a after all writes")
		require.Equal(t, writers*rounds, b, "b after all writes")
	})
}
