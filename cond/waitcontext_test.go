package cond_test

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/cond"
)

// gate is a condition for the tests of WaitContext: open, guarded by c.L.
type gate struct {
	mu   sync.Mutex
	c    *sync.Cond
	open bool // guarded by mu
}

func newGate() *gate {
	g := &gate{}
	g.c = sync.NewCond(&g.mu)
	return g
}

func (g *gate) isOpen() bool { return g.open }

// wait calls WaitContext with g.mu held and sends its result and the fake
// time it returned, and whether g.mu was held then, on the returned
// channel.
func (g *gate) wait(ctx context.Context, start time.Time) <-chan waitResult {
	res := make(chan waitResult, 1)
	go func() {
		g.mu.Lock()
		err := cond.WaitContext(ctx, g.c, g.isOpen)
		r := waitResult{err: err, at: time.Since(start), held: !g.mu.TryLock()}
		g.mu.Unlock()
		res <- r
	}()
	return res
}

type waitResult struct {
	err  error
	at   time.Duration
	held bool // g.mu was locked when WaitContext returned
}

// TestPlainWaitIgnoresItsContext proves the first claim of CD4: a Cond has
// no timeout and no cancellation. A waiter that checks ctx.Err in its loop
// sees the deadline only when something wakes it, here an hour late.
func TestPlainWaitIgnoresItsContext(t *testing.T) {
	bubble(t, "CD4: the plain waiter returns once broadcast", func(t *testing.T) {
		start := time.Now()
		g := newGate()
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		res := make(chan waitResult, 1)
		go func() {
			g.mu.Lock()
			defer g.mu.Unlock()
			for !g.open && ctx.Err() == nil {
				g.c.Wait()
			}
			res <- waitResult{err: ctx.Err(), at: time.Since(start)}
		}()
		time.Sleep(time.Hour)
		synctest.Wait()
		require.Equal(t, 0, len(res), "CD4: the plain waiter returned when its deadline passed")
		g.c.Broadcast()
		got := <-res
		require.ErrorIs(t, got.err, context.DeadlineExceeded, "CD4: ctx.Err() once woken")
		require.Equal(t, time.Hour, got.at, "CD4: the plain waiter returned at")
	})
}

// TestWaitContext proves the second claim of CD4: context.AfterFunc plus
// Broadcast makes a Cond wait end when its context does, at that instant,
// and otherwise leaves the Cond's behaviour alone.
func TestWaitContext(t *testing.T) {
	t.Run("returns the context's error at the deadline, holding L", func(t *testing.T) {
		bubble(t, "CD4: WaitContext returns when its context ends", func(t *testing.T) {
			start := time.Now()
			g := newGate()
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			got := <-g.wait(ctx, start)
			require.ErrorIs(t, got.err, context.DeadlineExceeded, "CD4: WaitContext's error")
			require.Equal(t, time.Second, got.at, "CD4: WaitContext returned at")
			require.True(t, got.held, "CD4: L held when WaitContext returned")
		})
	})

	t.Run("returns nil when the condition becomes true", func(t *testing.T) {
		bubble(t, "CD4: WaitContext returns when the condition holds", func(t *testing.T) {
			start := time.Now()
			g := newGate()
			ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
			defer cancel()
			res := g.wait(ctx, start)
			time.Sleep(time.Second)
			g.mu.Lock()
			g.open = true
			g.c.Broadcast()
			g.mu.Unlock()
			got := <-res
			require.NoError(t, got.err, "CD4: WaitContext's error")
			require.Equal(t, time.Second, got.at, "CD4: WaitContext returned at")
			require.True(t, got.held, "CD4: L held when WaitContext returned")
		})
	})

	t.Run("a true condition wins over a done context", func(t *testing.T) {
		bubble(t, "CD4: WaitContext returns at once when the condition already holds", func(t *testing.T) {
			g := newGate()
			g.open = true
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			require.NoError(t, (<-g.wait(ctx, time.Now())).err, "CD4: WaitContext's error with the condition true and ctx cancelled")
		})
	})

	t.Run("a done context returns at once", func(t *testing.T) {
		bubble(t, "CD4: WaitContext returns at once when ctx is already done", func(t *testing.T) {
			g := newGate()
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			got := <-g.wait(ctx, time.Now())
			require.ErrorIs(t, got.err, context.Canceled, "CD4: WaitContext's error with ctx cancelled before the call")
			require.Equal(t, time.Duration(0), got.at, "CD4: WaitContext returned at")
		})
	})

	t.Run("cancelling one waiter leaves the others waiting", func(t *testing.T) {
		bubble(t, "CD4: each WaitContext returns", func(t *testing.T) {
			start := time.Now()
			g := newGate()
			ctx1, cancel1 := context.WithCancel(t.Context())
			defer cancel1()
			ctx2, cancel2 := context.WithCancel(t.Context())
			defer cancel2()
			res1 := g.wait(ctx1, start)
			res2 := g.wait(ctx2, start)
			synctest.Wait()
			cancel1()
			got1 := <-res1
			require.ErrorIs(t, got1.err, context.Canceled, "CD4: the cancelled waiter's error")
			synctest.Wait() // the Broadcast woke the other waiter too; it went back to waiting
			require.Equal(t, 0, len(res2), "CD4: the other waiter returned when the first was cancelled")
			g.mu.Lock()
			g.open = true
			g.c.Broadcast()
			g.mu.Unlock()
			require.NoError(t, (<-res2).err, "CD4: the other waiter's error")
		})
	})

	t.Run("after it returns, its context no longer wakes anyone", func(t *testing.T) {
		bubble(t, "CD4: the bystander returns once broadcast", func(t *testing.T) {
			g := newGate()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			res := g.wait(ctx, time.Now())
			synctest.Wait()
			g.mu.Lock()
			g.open = true
			g.c.Broadcast()
			g.mu.Unlock()
			require.NoError(t, (<-res).err, "CD4: WaitContext's error")
			// A bystander now waits on the same Cond with no condition: any
			// Broadcast at all makes it return.
			bystander := make(chan struct{})
			go func() {
				g.mu.Lock()
				g.c.Wait()
				g.mu.Unlock()
				close(bystander)
			}()
			synctest.Wait()
			cancel()
			synctest.Wait()
			require.False(t, isClosed(bystander), "CD4: a Broadcast ran when the context ended after WaitContext returned: its AfterFunc was not stopped")
			g.c.Broadcast()
			<-bystander
		})
	})
}
