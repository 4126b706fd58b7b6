package rwmutex_test

import (
	"sync"
	"testing"

	"github.com/goprimer/concurrency/internal/crashtest"
)

// TestUnlockingWhatIsNotLockedIsFatal runs each misuse in a child process:
// these are fatal errors, which recover cannot catch, so they would end the
// test binary itself. Crossing the pairs fails the same way, because an
// RUnlock finds no read lock to undo and an Unlock no write lock.
func TestUnlockingWhatIsNotLockedIsFatal(t *testing.T) {
	t.Run("RUnlock without RLock", func(t *testing.T) {
		crashtest.Fatal(t, "fatal error: sync: RUnlock of unlocked RWMutex", func() {
			var mu sync.RWMutex
			mu.RUnlock()
		})
	})
	t.Run("Unlock without Lock", func(t *testing.T) {
		crashtest.Fatal(t, "fatal error: sync: Unlock of unlocked RWMutex", func() {
			var mu sync.RWMutex
			mu.Unlock()
		})
	})
	t.Run("RUnlock after Lock", func(t *testing.T) {
		crashtest.Fatal(t, "fatal error: sync: RUnlock of unlocked RWMutex", func() {
			var mu sync.RWMutex
			mu.Lock()
			mu.RUnlock()
		})
	})
	t.Run("Unlock after RLock", func(t *testing.T) {
		crashtest.Fatal(t, "fatal error: sync: Unlock of unlocked RWMutex", func() {
			var mu sync.RWMutex
			mu.RLock()
			mu.Unlock()
		})
	})
}
