package semaphoredemo_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/semaphore"
)

// TestChannelSemaphoreBoundsConcurrency checks SM3: with a buffered channel
// of capacity 3 as the semaphore (send to acquire, receive to release), nine
// jobs of one second each run exactly three at a time. The most seen at
// once is 3, and the last job ends at exactly 3s: fewer at a time would end
// later, more would end sooner.
func TestChannelSemaphoreBoundsConcurrency(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const limit, jobs = 3, 9
		sem := make(chan struct{}, limit)
		var running, most atomic.Int32
		start := time.Now()
		var wg sync.WaitGroup
		for range jobs {
			wg.Go(func() {
				sem <- struct{}{} // acquire: blocks while the buffer is full
				defer func() { <-sem }()
				n := running.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				time.Sleep(time.Second)
				running.Add(-1)
			})
		}
		wg.Wait()
		require.Equal(t, int32(limit), most.Load(), "most jobs running at once with a semaphore of capacity %d (SM3)", limit)
		require.Equal(t, 3*time.Second, time.Since(start), "all %d one-second jobs done at this instant; want 3s, three rounds of %d (SM3)", jobs, limit)
	})
}

// TestKthReceiveBeforeKPlusCthSend checks the memory model's capacity rule
// that SM3 rests on, as an observable order: on a channel of capacity 2, the
// 1st and 2nd sends complete at once, and the (k+2)-th send completes exactly
// when the k-th receive happens, here one receive per second.
func TestKthReceiveBeforeKPlusCthSend(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const capacity, sends = 2, 5
		ch := make(chan int, capacity)
		start := time.Now()
		completed := make(chan time.Duration, sends)
		go func() {
			for k := range sends {
				ch <- k + 1
				completed <- time.Since(start)
			}
		}()
		for range sends {
			time.Sleep(time.Second)
			<-ch // the k-th receive, at k seconds
		}
		var got []time.Duration
		for range sends {
			got = append(got, <-completed)
		}
		want := []time.Duration{0, 0, time.Second, 2 * time.Second, 3 * time.Second}
		require.Equal(t, want, got, "the instants at which sends 1..5 completed; the (k+2)-th waits for the k-th receive at k seconds (SM3)")
	})
}

// TestChannelOfCapacityOneIsALock checks SM3's memory-model half with plain,
// unsynchronised reads and writes of n. Each of ten goroutines reads n,
// sleeps a millisecond of fake time, and writes back n+1. With a channel of
// capacity 1 around that, the k-th receive (a release) happens before the
// (k+1)-th send (the next acquire) completes, so each goroutine sees the
// previous one's write: n ends at 10, at exactly 10ms, and the race detector
// (go test -race) finds nothing. Without the channel every goroutine would
// read 0 and n would end at 1.
func TestChannelOfCapacityOneIsALock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const goroutines = 10
		lock := make(chan struct{}, 1)
		n := 0
		start := time.Now()
		var wg sync.WaitGroup
		for range goroutines {
			wg.Go(func() {
				lock <- struct{}{}
				v := n
				time.Sleep(time.Millisecond) // every other goroutine gets to run here
				n = v + 1
				<-lock
			})
		}
		wg.Wait()
		require.Equal(t, goroutines, n, "n after %d read-sleep-write rounds under a channel of capacity 1 (SM3)", goroutines)
		require.Equal(t, goroutines*time.Millisecond, time.Since(start), "all rounds done at this instant; want one millisecond each, one at a time (SM3)")
	})
}

// TestCapacityAboveOneDoesNotProtectSharedData checks what SM3's rule does
// not give. With capacity 2 the rule orders the k-th release before the
// (k+2)-th acquire, but not two holders that are in at the same time: the
// pair in each round both read the same n and both write n+1, so ten
// read-sleep-write rounds end at 5, not 10. (n is an atomic here, so that
// this lost update is not also a data race that -race would report.)
func TestCapacityAboveOneDoesNotProtectSharedData(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const goroutines = 10
		sem := make(chan struct{}, 2)
		var n atomic.Int32
		var wg sync.WaitGroup
		for range goroutines {
			wg.Go(func() {
				sem <- struct{}{}
				v := n.Load()
				time.Sleep(time.Millisecond)
				n.Store(v + 1)
				<-sem
			})
		}
		wg.Wait()
		require.Equal(t, int32(goroutines/2), n.Load(), "n after %d read-sleep-write rounds, two holders at a time: want each pair to lose one update (SM3)", goroutines)
	})
}

// TestPiecemealSendsCanDeadlock checks a limit of SM3's channel semaphore
// that a Weighted does not share: a channel has no weights, and taking two
// slots by two sends is not atomic. Two goroutines that each need both slots
// of a capacity-2 channel take one each at 0s; at 1s each waits for the
// other's slot, and neither ever gets it. (A give-up channel lets the test
// end them at 2s; without it the bubble would report a deadlock.) Acquire(2)
// on a Weighted(2) takes both units at once or none: one goroutine works
// from 0s to 1s, the other from 1s to 2s.
func TestPiecemealSendsCanDeadlock(t *testing.T) {
	t.Run("two sends each on a channel: stuck", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sem := make(chan struct{}, 2)
			giveUp := make(chan struct{})
			start := time.Now()
			outcome := make(chan string, 2)
			for range 2 {
				go func() {
					sem <- struct{}{} // the first slot
					time.Sleep(time.Second)
					select {
					case sem <- struct{}{}: // the second
						outcome <- "got both slots"
					case <-giveUp:
						outcome <- "stuck holding one slot"
					}
				}()
			}
			time.Sleep(2 * time.Second)
			synctest.Wait()
			require.Len(t, outcome, 0, "a goroutine finished by 2s; want both stuck waiting for the other's slot (SM3)")
			close(giveUp)
			got := []string{<-outcome, <-outcome}
			require.Equal(t, []string{"stuck holding one slot", "stuck holding one slot"}, got, "how the two goroutines ended (SM3)")
			require.Equal(t, 2*time.Second, time.Since(start))
			<-sem
			<-sem
		})
	})

	t.Run("Acquire(2) on a Weighted: one after the other", func(t *testing.T) {
		bubble(t, "SM1: two Acquire(2) on a Weighted(2) both return", func(t *testing.T) {
			sem := semaphore.NewWeighted(2)
			start := time.Now()
			finished := make(chan time.Duration, 2)
			for range 2 {
				go func() {
					if err := sem.Acquire(t.Context(), 2); err != nil {
						finished <- -1
						return
					}
					time.Sleep(time.Second)
					sem.Release(2)
					finished <- time.Since(start)
				}()
			}
			got := []time.Duration{<-finished, <-finished}
			require.Equal(t, []time.Duration{time.Second, 2 * time.Second}, got, "instants at which the two goroutines finished; want one after the other (SM1)")
		})
	})
}
