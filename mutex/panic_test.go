package mutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// outOfRange is the runtime's message for scores[5] on a three-element slice:
// the panic the critical sections below run into.
const outOfRange = "runtime error: index out of range [5] with length 3"

// TestDeferredUnlockSurvivesPanic shows that a deferred Unlock runs while a
// panic unwinds, so a recovered panic leaves the lock free.
func TestDeferredUnlockSurvivesPanic(t *testing.T) {
	var mu sync.Mutex
	scores := []int{10, 20, 30}
	bump := func(i int) {
		mu.Lock()
		defer mu.Unlock()
		scores[i]++
	}

	require.PanicsWithError(t, outOfRange, func() { bump(5) })
	require.True(t, mu.TryLock(), "TryLock after the recovered panic = false; want true (the deferred Unlock should have run)")
	mu.Unlock()
	bump(0)
	require.Equal(t, []int{11, 20, 30}, scores, "scores after bump(0)")
}

// TestUnlockWithoutDeferStaysLockedAfterPanic is the counterpart: an Unlock
// that is not deferred is skipped by the panic, and the lock stays held by
// nobody who will ever release it. Every later Lock would block forever.
func TestUnlockWithoutDeferStaysLockedAfterPanic(t *testing.T) {
	var mu sync.Mutex
	scores := []int{10, 20, 30}
	bump := func(i int) {
		mu.Lock()
		scores[i]++
		mu.Unlock() // never reached when the line above panics
	}

	require.PanicsWithError(t, outOfRange, func() { bump(5) })
	require.False(t, mu.TryLock(), "TryLock after the recovered panic = true; want false (Unlock was skipped)")
	mu.Unlock() // any goroutine may unlock; this one cleans up
	require.Equal(t, []int{10, 20, 30}, scores, "scores after the failed bump")
}
