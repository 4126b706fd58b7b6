package cond

import (
	"context"
	"sync"
)

// WaitContext waits on c until ready reports true or ctx is done, the
// cancellable wait that [sync.Cond] does not offer. It returns nil once
// ready() is true, even if ctx is done by then, and otherwise ctx.Err() as
// soon as it can lock c.L again after ctx is done.
//
// The caller must hold c.L, as for [sync.Cond.Wait], and holds it again
// when WaitContext returns; ready is always called with c.L held.
//
// A Cond cannot wake one chosen waiter, so when ctx ends, WaitContext's
// [context.AfterFunc] wakes all of c's waiters with [sync.Cond.Broadcast].
// Each of them re-checks its own condition and goes back to waiting, which
// is why every waiter must Wait in a loop; with many waiters and frequent
// cancellations those extra wake-ups add up.
func WaitContext(ctx context.Context, c *sync.Cond, ready func() bool) error {
	if ready() {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() {
		// Taking c.L first means this Broadcast cannot fall between the
		// ctx.Err check above (made with c.L held) and the Wait below, which
		// releases c.L only once it is registered as a waiter: a wake-up
		// sent there would be lost and the wait would never end.
		c.L.Lock()
		defer c.L.Unlock()
		c.Broadcast()
	})
	// Once the wait is over, the AfterFunc is no longer needed. If it has
	// already started, stop returns false and the AfterFunc's Broadcast
	// still runs, once the caller unlocks c.L: a harmless extra wake-up.
	defer stop()
	if testHookBeforeWait != nil {
		testHookBeforeWait()
	}
	for {
		c.Wait()
		if ready() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// testHookBeforeWait, when a test sets it, runs after the AfterFunc is
// registered and before the first Wait: the window in which an AfterFunc
// that broadcast without taking c.L would lose its wake-up.
var testHookBeforeWait func()
