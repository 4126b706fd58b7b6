package semaphoredemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/semaphore"
)

// TestLargeWaiterBlocksLaterSmallOnes checks SM2 at exact instants: with 2
// of 10 units free, a request for 5 queues at 1s, and a request for 1 that
// comes at 2s waits behind it although 1 unit would fit. Release serves the
// queue from its head and stops at the first request that does not fit, so
// the large request gets its 5 at 3s and the small one its 1 only when the
// large one gives back at 4s. If Weighted let the small request jump the
// queue, it would return at 2s.
func TestLargeWaiterBlocksLaterSmallOnes(t *testing.T) {
	bubble(t, "SM2: the large and the small request are served in turn", func(t *testing.T) {
		sem := semaphore.NewWeighted(10)
		require.NoError(t, sem.Acquire(t.Context(), 8))
		start := time.Now()
		served := make(chan result, 2)
		go func() {
			time.Sleep(time.Second)
			err := sem.Acquire(t.Context(), 5)
			served <- result{"large", time.Since(start), err}
			if err == nil {
				time.Sleep(time.Second)
				sem.Release(5)
			}
		}()
		go func() {
			time.Sleep(2 * time.Second)
			err := sem.Acquire(t.Context(), 1)
			at := time.Since(start)
			if err == nil {
				sem.Release(1) // before reporting, so the test can count on it
			}
			served <- result{"small", at, err}
		}()

		time.Sleep(2500 * time.Millisecond)
		synctest.Wait()
		r, ok := tryReceive(served)
		require.False(t, ok, "%s request returned at %v with 2 of 10 free and the large one queued first; want both waiting (SM2)", r.who, r.at)
		require.False(t, sem.TryAcquire(1), "TryAcquire(1) with 2 free while a request for 5 waits: want false, it may not jump the queue (SM2)")

		time.Sleep(500 * time.Millisecond)
		sem.Release(3) // 5 free: enough for the head of the queue
		got := []result{<-served, <-served}
		want := []result{{"large", 3 * time.Second, nil}, {"small", 4 * time.Second, nil}}
		require.Equal(t, want, got, "who was served, and when (SM2)")
		sem.Release(5) // what is left of the test's 8
		require.True(t, sem.TryAcquire(10), "TryAcquire(10) once everyone gave back: want true")
		sem.Release(10)
	})
}

// TestCancelledHeadLetsTheQueueMove checks the other side of SM2: a large
// request at the head that gives up (its deadline passes) is removed, and
// the small request behind it, which fits, is served at that very instant.
func TestCancelledHeadLetsTheQueueMove(t *testing.T) {
	bubble(t, "SM2: the small request is served when the head gives up", func(t *testing.T) {
		sem := semaphore.NewWeighted(10)
		require.NoError(t, sem.Acquire(t.Context(), 8))
		start := time.Now()
		served := make(chan result, 2)
		go func() {
			time.Sleep(time.Second)
			ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond) // deadline at 2.5s
			defer cancel()
			err := sem.Acquire(ctx, 5)
			served <- result{"large", time.Since(start), err}
		}()
		go func() {
			time.Sleep(2 * time.Second)
			err := sem.Acquire(t.Context(), 1)
			served <- result{"small", time.Since(start), err}
		}()

		// Both return at 2.5s, in either order.
		got := map[string]result{}
		for range 2 {
			r := <-served
			got[r.who] = r
		}
		want := map[string]result{
			"large": {"large", 2500 * time.Millisecond, context.DeadlineExceeded},
			"small": {"small", 2500 * time.Millisecond, nil},
		}
		require.Equal(t, want, got, "who returned, when, with what error (SM2)")
		require.False(t, sem.TryAcquire(2), "TryAcquire(2) with 8+1 of 10 held: want false")
		require.True(t, sem.TryAcquire(1), "TryAcquire(1) with 8+1 of 10 held: want true, the large request holds nothing")
		sem.Release(10)
	})
}

// TestZeroWeightWaitsItsTurn checks a corner of SM2 that follows from the
// source: Acquire(ctx, 0) returns at once only when nobody is queued;
// behind a waiter it queues too, and is served in its turn.
func TestZeroWeightWaitsItsTurn(t *testing.T) {
	bubble(t, "SM2: Acquire(0) is served after the waiter ahead of it", func(t *testing.T) {
		sem := semaphore.NewWeighted(1)
		require.NoError(t, sem.Acquire(t.Context(), 0), "Acquire(0) with nobody queued")
		require.NoError(t, sem.Acquire(t.Context(), 1))
		start := time.Now()
		served := make(chan result, 2)
		go func() {
			err := sem.Acquire(t.Context(), 1)
			served <- result{"one", time.Since(start), err}
		}()
		synctest.Wait()
		require.False(t, sem.TryAcquire(0), "TryAcquire(0) while a request waits: want false (SM2)")
		go func() {
			time.Sleep(time.Second)
			err := sem.Acquire(t.Context(), 0)
			served <- result{"zero", time.Since(start), err}
		}()

		time.Sleep(2 * time.Second)
		sem.Release(1)
		got := []result{<-served, <-served}
		require.ElementsMatch(t, []result{{"one", 2 * time.Second, nil}, {"zero", 2 * time.Second, nil}}, got,
			"Acquire(0), queued at 1s behind a request for 1: want it served with that request at 2s, not at 1s (SM2)")
		sem.Release(1)
	})
}
