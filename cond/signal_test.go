package cond_test

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// startWaiters starts n goroutines that each wait on c once, with no
// condition (so that every wake-up shows), and send their number on the
// returned channel when Wait returns. They start one at a time, each in
// Wait before the next begins. The channel has room for all n.
func startWaiters(c *sync.Cond, n int) <-chan int {
	woke := make(chan int, n)
	for i := range n {
		go func() {
			c.L.Lock()
			c.Wait()
			c.L.Unlock()
			woke <- i
		}()
		synctest.Wait()
	}
	return woke
}

// TestSignalWakesOneBroadcastWakesAll proves CD3 with three goroutines in
// Wait: Signal lets exactly one of them return, Broadcast all the others.
// Neither needs the caller to hold c.L, and these calls do not.
func TestSignalWakesOneBroadcastWakesAll(t *testing.T) {
	bubble(t, "CD3: every waiter returns after a Signal and a Broadcast", func(t *testing.T) {
		c := sync.NewCond(new(sync.Mutex))
		woke := startWaiters(c, 3)
		c.Signal()
		synctest.Wait()
		require.Equal(t, 1, len(woke), "CD3: waiters returned after one Signal")
		c.Broadcast()
		synctest.Wait()
		require.Equal(t, 3, len(woke), "CD3: waiters returned after Broadcast")
	})
}

// TestSignalWakesTheLongestWaiter goes with CD3 and pins down an
// implementation detail that the sync documentation does not promise: Signal wakes the goroutine that
// has waited longest (runtime/sema.go hands out tickets in the order
// goroutines enter Wait and notifyListNotifyOne wakes the lowest). The doc
// mentions it only to say that code must not rely on it.
func TestSignalWakesTheLongestWaiter(t *testing.T) {
	bubble(t, "CD3: each Signal lets one waiter return", func(t *testing.T) {
		c := sync.NewCond(new(sync.Mutex))
		woke := startWaiters(c, 3)
		var order []int
		for range 3 {
			c.Signal()
			order = append(order, <-woke)
		}
		require.Equal(t, []int{0, 1, 2}, order, "order in which Signal woke the waiters")
	})
}

// TestNotifyWithNoWaiterIsLost proves the other half of CD3, and the reason
// for CD4's advice: a Cond remembers nothing. A Signal or Broadcast when
// nobody waits wakes nobody, and a goroutine that starts waiting afterwards
// waits for the next one. That is why the condition itself lives in
// variables guarded by c.L, and why Wait sits behind a check of them.
func TestNotifyWithNoWaiterIsLost(t *testing.T) {
	bubble(t, "CD3: a later Signal wakes the late waiter", func(t *testing.T) {
		c := sync.NewCond(new(sync.Mutex))
		c.Signal()
		c.Broadcast()
		woke := startWaiters(c, 1)
		require.Equal(t, 0, len(woke), "CD3: the late waiter returned from Wait after an earlier Signal and Broadcast")
		c.Signal()
		require.Equal(t, 0, <-woke, "CD3: the waiter woken by the later Signal")
	})
}
