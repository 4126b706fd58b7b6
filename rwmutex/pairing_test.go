package rwmutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestEachUnlockUndoesItsOwnLock checks how the calls pair up: RUnlock
// undoes one RLock, Unlock undoes Lock, and RLocker's Lock and Unlock are
// RLock and RUnlock.
func TestEachUnlockUndoesItsOwnLock(t *testing.T) {
	t.Run("each RUnlock undoes one RLock", func(t *testing.T) {
		watchdog.Within(t, "each RLock returns, and as many RUnlocks as RLocks let a writer in", func() {
			var mu sync.RWMutex
			const holders = 3
			for held := range holders {
				// The probe keeps a lock whose read locks excluded each other
				// from hanging the test in RLock.
				require.True(t, canRLock(&mu), "a reader could not enter (read locks held: %d)", held)
				mu.RLock()
			}
			for left := holders; left > 0; left-- {
				require.False(t, canLock(&mu), "a writer could enter (read locks held: %d)", left)
				mu.RUnlock()
			}
			require.True(t, canLock(&mu), "no writer could enter after as many RUnlocks as RLocks")
		})
	})
	t.Run("Unlock undoes Lock", func(t *testing.T) {
		watchdog.Within(t, "Lock on a free RWMutex returns, and Unlock lets writers and readers in", func() {
			var mu sync.RWMutex
			mu.Lock()
			require.False(t, canRLock(&mu), "a reader could enter under Lock")
			mu.Unlock()
			require.True(t, canLock(&mu), "no writer could enter after Lock and Unlock")
			require.True(t, canRLock(&mu), "no reader could enter after Lock and Unlock")
		})
	})
	t.Run("RLocker locks for reading", func(t *testing.T) {
		watchdog.Within(t, "RLocker().Lock on a free RWMutex returns and takes the read lock", func() {
			var mu sync.RWMutex
			l := mu.RLocker()
			l.Lock()
			require.True(t, canRLock(&mu), "a reader could not enter under RLocker().Lock()")
			require.False(t, canLock(&mu), "a writer could enter under RLocker().Lock()")
			l.Unlock()
			require.True(t, canLock(&mu), "no writer could enter after RLocker().Unlock()")
		})
	})
}
