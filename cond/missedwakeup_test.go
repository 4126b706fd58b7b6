package cond_test

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/cond"
)

// chanLocker is a sync.Locker made of a channel with room for one token.
// A goroutine blocked in its Lock is blocked on a channel, which a synctest
// bubble counts as durably blocked, unlike one blocked on a sync.Mutex.
type chanLocker chan struct{}

func (l chanLocker) Lock()   { l <- struct{}{} }
func (l chanLocker) Unlock() { <-l }

// TestWaitContextCannotMissTheCancellation proves the detail CD4's
// cancellable wait depends on: the context ends in the worst place, after
// WaitContext has registered its AfterFunc and before it calls Wait, and
// the AfterFunc has run as far as it can before the Wait. Because it must
// take L first, its Broadcast comes after the Wait and wakes it. Were it to
// broadcast without L, the wake-up would reach nobody, the waiter would
// wait forever, and synctest would report the deadlock.
func TestWaitContextCannotMissTheCancellation(t *testing.T) {
	bubble(t, "CD4: WaitContext returns when its context ends just before the Wait", func(t *testing.T) {
		l := make(chanLocker, 1)
		c := sync.NewCond(l)
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		defer cond.SetTestHookBeforeWait(func() {
			cancel()
			synctest.Wait() // the AfterFunc has broadcast, or is blocked taking L
		})()
		res := make(chan error, 1)
		go func() {
			l.Lock()
			defer l.Unlock()
			res <- cond.WaitContext(ctx, c, func() bool { return false })
		}()
		require.ErrorIs(t, <-res, context.Canceled, "CD4: WaitContext's error")
	})
}
