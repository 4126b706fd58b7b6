package semaphoredemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/semaphore"
)

// TestAcquireWaitIsDurablyBlocking checks what the other bubbles of this
// package rely on to prove SM1 and SM2: a goroutine waiting in Acquire
// counts as durably blocked inside a synctest bubble, so synctest.Wait
// returns and fake time advances while it waits. Acquire waits in a select
// on ctx.Done() and on a channel it makes itself, inside the bubble; the
// Weighted's sync.Mutex is held only around its bookkeeping, never across
// the wait. Were the wait not durable, synctest.Wait would hang unseen, so
// the watchdog guards it.
func TestAcquireWaitIsDurablyBlocking(t *testing.T) {
	for _, c := range []struct {
		name string
		ctx  func(t *testing.T) context.Context
	}{
		{"with the bubble's t.Context()", func(t *testing.T) context.Context { return t.Context() }},
		// Background's Done is nil, and a select leaves nil cases out.
		{"with context.Background, whose Done is nil", func(*testing.T) context.Context { return context.Background() }},
	} {
		t.Run(c.name, func(t *testing.T) {
			bubble(t, "SM1: a goroutine waiting in Acquire is durably blocked in a synctest bubble", func(t *testing.T) {
				sem := semaphore.NewWeighted(1)
				require.True(t, sem.TryAcquire(1), "TryAcquire(1) of a fresh Weighted(1)")
				start := time.Now()
				done := make(chan result, 1)
				go func() {
					err := sem.Acquire(c.ctx(t), 1)
					done <- result{"waiter", time.Since(start), err}
				}()
				synctest.Wait() // returns only once the waiter is durably blocked
				_, ok := tryReceive(done)
				require.False(t, ok, "Acquire(1) on a full Weighted(1) returned; want it waiting (SM1)")

				time.Sleep(time.Hour) // fake time advances past a durably blocked waiter
				sem.Release(1)
				r := <-done
				require.NoError(t, r.err, "Acquire after Release (SM1)")
				require.Equal(t, time.Hour, r.at, "Acquire returned at this instant; want 1h, when Release ran (SM1)")
				sem.Release(1)
			})
		})
	}
}

// TestAcquireBlocksUntilEnoughIsFree checks SM1's first half: Acquire(ctx, n)
// returns only when n units are free at once, not when some are.
func TestAcquireBlocksUntilEnoughIsFree(t *testing.T) {
	bubble(t, "SM1: Acquire(5) returns when 5 units are free", func(t *testing.T) {
		sem := semaphore.NewWeighted(10)
		require.NoError(t, sem.Acquire(t.Context(), 8))
		start := time.Now()
		done := make(chan result, 1)
		go func() {
			err := sem.Acquire(t.Context(), 5)
			done <- result{"waiter", time.Since(start), err}
		}()

		time.Sleep(time.Second)
		sem.Release(1) // 3 free: not enough
		synctest.Wait()
		_, ok := tryReceive(done)
		require.False(t, ok, "Acquire(5) returned with 3 of 10 free; want it still waiting (SM1)")

		time.Sleep(time.Second)
		sem.Release(2) // 5 free
		r := <-done
		require.NoError(t, r.err, "Acquire(5) once 5 were free (SM1)")
		require.Equal(t, 2*time.Second, r.at, "Acquire(5) returned at this instant; want 2s, when the 5th unit came free (SM1)")
		require.False(t, sem.TryAcquire(1), "TryAcquire(1) after the waiter took 5 of the 5 free: want false, all 10 held")
		sem.Release(10)
	})
}

// TestFailedAcquireHoldsNothing checks SM1's second half: when ctx is done
// first, Acquire returns ctx.Err() itself and leaves the semaphore as it
// found it: no weight held, no place kept in the queue. After each failure
// the whole weight can be taken at once.
func TestFailedAcquireHoldsNothing(t *testing.T) {
	t.Run("a deadline that passes while waiting", func(t *testing.T) {
		bubble(t, "SM1: Acquire returns at the deadline", func(t *testing.T) {
			sem := semaphore.NewWeighted(10)
			require.NoError(t, sem.Acquire(t.Context(), 8))
			start := time.Now()
			ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
			defer cancel()

			err := sem.Acquire(ctx, 5)
			require.Equal(t, context.DeadlineExceeded, err, "Acquire(5) with 2 free and a 3s deadline: want ctx.Err() itself (SM1)")
			require.Equal(t, 3*time.Second, time.Since(start), "Acquire gave up at this instant; want 3s, the deadline (SM1)")

			// No place kept in the queue: a queued waiter would make
			// TryAcquire refuse even the 2 free units (SM2).
			require.True(t, sem.TryAcquire(2), "TryAcquire(2) after the failed Acquire: want true, 2 free and nobody waiting (SM1)")
			sem.Release(10)
			require.True(t, sem.TryAcquire(10), "TryAcquire(10) after releasing all 10: want true, the failed Acquire holds nothing (SM1)")
			sem.Release(10)
		})
	})

	t.Run("a context already done fails even when the weight is free", func(t *testing.T) {
		sem := semaphore.NewWeighted(10)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		require.Equal(t, context.Canceled, sem.Acquire(ctx, 1), "Acquire(1) on an idle Weighted(10) with a cancelled ctx: want ctx.Err() (SM1)")
		require.True(t, sem.TryAcquire(10), "TryAcquire(10) after the failed Acquire: want true, it holds nothing (SM1)")
		sem.Release(10)
	})

	t.Run("cancelled while waiting: the waiter leaves the queue", func(t *testing.T) {
		bubble(t, "SM1: a cancelled waiter returns", func(t *testing.T) {
			sem := semaphore.NewWeighted(10)
			require.NoError(t, sem.Acquire(t.Context(), 10))
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error, 1)
			go func() { done <- sem.Acquire(ctx, 5) }()
			synctest.Wait() // queued
			cancel()
			synctest.Wait() // the waiter has woken, left the queue and returned
			sem.Release(10)
			require.Equal(t, context.Canceled, <-done, "Acquire(5) cancelled while waiting (SM1)")
			require.True(t, sem.TryAcquire(10), "TryAcquire(10): want true, the cancelled waiter holds nothing (SM1)")
			sem.Release(10)
		})
	})

	// Here the weight is granted (Release hands it to the waiter and closes
	// its channel) after ctx is done but before the waiter may have run.
	// Whichever of its select's cases the waiter then takes, Acquire sees
	// ctx done and gives the weight back: the source's "Pretend we didn't
	// and put the tokens back". Which path runs depends on the scheduler;
	// the claim holds on every one, and the 20 rounds try several.
	t.Run("granted after ctx is done, before the waiter runs: given back", func(t *testing.T) {
		bubble(t, "SM1: a waiter granted after cancellation returns", func(t *testing.T) {
			for round := range 20 {
				sem := semaphore.NewWeighted(10)
				require.NoError(t, sem.Acquire(t.Context(), 10))
				ctx, cancel := context.WithCancel(t.Context())
				done := make(chan error, 1)
				go func() { done <- sem.Acquire(ctx, 5) }()
				synctest.Wait() // queued
				cancel()
				sem.Release(10) // no synctest.Wait between: grant and cancellation together
				require.Equal(t, context.Canceled, <-done, "round %d: Acquire(5) whose ctx was cancelled before the grant (SM1)", round)
				require.True(t, sem.TryAcquire(10), "round %d: TryAcquire(10): want true, the weight granted to the cancelled waiter was given back (SM1)", round)
				sem.Release(10)
			}
		})
	})
}

// TestAcquireMoreThanSizeWaitsForCtx checks a case of SM1 that the source
// treats apart: a request for more than the semaphore's size can never be
// met, so Acquire does not queue it ("Don't make other Acquire calls block on
// one that's doomed to fail") and simply waits for ctx. Others meanwhile
// acquire as if it were not there.
func TestAcquireMoreThanSizeWaitsForCtx(t *testing.T) {
	bubble(t, "SM1: Acquire(11) on a Weighted(10) returns at the deadline", func(t *testing.T) {
		sem := semaphore.NewWeighted(10)
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		done := make(chan result, 1)
		go func() {
			err := sem.Acquire(ctx, 11)
			done <- result{"doomed", time.Since(start), err}
		}()
		synctest.Wait()

		require.True(t, sem.TryAcquire(1), "TryAcquire(1) while Acquire(11) waits: want true, a doomed request is not queued (SM1, SM2)")
		require.NoError(t, sem.Acquire(t.Context(), 9), "Acquire(9) while Acquire(11) waits (SM1)")
		require.Zero(t, time.Since(start), "Acquire(9) returned after this long; want at once")
		sem.Release(10)

		r := <-done
		require.Equal(t, context.DeadlineExceeded, r.err, "Acquire(11) on a Weighted(10): want ctx.Err() (SM1)")
		require.Equal(t, 5*time.Second, r.at, "Acquire(11) returned at this instant; want 5s, the deadline (SM1)")
		require.True(t, sem.TryAcquire(10), "TryAcquire(10) after the doomed Acquire: want true (SM1)")
		sem.Release(10)
	})
}

// TestTryAcquireNeverBlocks checks SM1's TryAcquire: it answers at once, and
// takes the weight only when it answers true. Run in a bubble with no other
// goroutine, a TryAcquire that blocked would be reported as a deadlock.
func TestTryAcquireNeverBlocks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		sem := semaphore.NewWeighted(3)
		require.True(t, sem.TryAcquire(2), "TryAcquire(2) of 3 free (SM1)")
		require.False(t, sem.TryAcquire(2), "TryAcquire(2) of 1 free: want false (SM1)")
		require.True(t, sem.TryAcquire(1), "TryAcquire(1) of 1 free: want true, the refused call took nothing (SM1)")
		require.False(t, sem.TryAcquire(1), "TryAcquire(1) of 0 free: want false (SM1)")
		require.False(t, sem.TryAcquire(4), "TryAcquire(4) of a Weighted(3): want false (SM1)")
		require.True(t, sem.TryAcquire(0), "TryAcquire(0) with nobody waiting: want true (SM1)")
		require.Zero(t, time.Since(start), "fake time passed during TryAcquire calls; want none")
		sem.Release(3)
		require.True(t, sem.TryAcquire(3), "TryAcquire(3) after releasing all 3 (SM1)")
		sem.Release(3)
	})
}
