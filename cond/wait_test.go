package cond_test

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestWaitUnlocksAndRelocks proves CD1: while a goroutine is in Wait, c.L is
// free for others to take, and when Wait returns, c.L is locked again.
func TestWaitUnlocksAndRelocks(t *testing.T) {
	bubble(t, "CD1: Wait unlocks L while it waits and locks it again before returning", func(t *testing.T) {
		var mu sync.Mutex
		c := sync.NewCond(&mu)
		heldAfterWait := make(chan bool)
		release := make(chan struct{})
		go func() {
			mu.Lock()
			c.Wait()
			heldAfterWait <- !mu.TryLock() // false only if L were free
			<-release
			mu.Unlock()
		}()
		synctest.Wait() // the waiter is in Wait, durably blocked
		require.True(t, mu.TryLock(), "CD1: TryLock by another goroutine while the waiter is in Wait")
		c.Signal()
		mu.Unlock()
		require.True(t, <-heldAfterWait, "CD1: L locked when Wait returned")
		require.False(t, mu.TryLock(), "CD1: TryLock by another goroutine after Wait returned (the waiter holds L)")
		close(release)
	})
}

// TestWaitReturnsOnlyWhenWoken proves the rest of CD1: in Go, unlike in
// some other systems, Wait has no spurious wake-ups and no timeout. A day
// of fake time passes and the waiter is still waiting; a Signal ends it.
func TestWaitReturnsOnlyWhenWoken(t *testing.T) {
	bubble(t, "CD1: Wait returns when signalled", func(t *testing.T) {
		start := time.Now()
		var mu sync.Mutex
		c := sync.NewCond(&mu)
		returned := make(chan time.Duration, 1)
		go func() {
			mu.Lock()
			defer mu.Unlock()
			c.Wait()
			returned <- time.Since(start)
		}()
		time.Sleep(24 * time.Hour)
		synctest.Wait()
		require.Equal(t, 0, len(returned), "CD1: Wait returned without a Signal or Broadcast")
		c.Signal()
		require.Equal(t, 24*time.Hour, <-returned, "CD1: Wait returned at")
	})
}

// TestWaitIsDurablyBlockingInABubble checks what the doc says about
// testing/synctest on Go 1.26 and 1.27, which every CD1–CD4 test here
// relies on: a goroutine in Wait counts as
// durably blocked (the runtime's isIdleInSynctest lists
// waitReasonSyncCondWait), so synctest.Wait returns while it waits and fake
// time moves on. Were it not, synctest.Wait would hang here, and the
// watchdog would end the test.
func TestWaitIsDurablyBlockingInABubble(t *testing.T) {
	bubble(t, "Cond.Wait is durably blocking: synctest.Wait returns while a goroutine waits", func(t *testing.T) {
		var mu sync.Mutex
		c := sync.NewCond(&mu)
		waiting := false // guarded by mu
		go func() {
			mu.Lock()
			defer mu.Unlock()
			waiting = true
			for waiting {
				c.Wait()
			}
		}()
		synctest.Wait()
		mu.Lock()
		require.True(t, waiting, "the waiter reached Wait")
		waiting = false
		mu.Unlock()
		c.Broadcast()
	})
}
