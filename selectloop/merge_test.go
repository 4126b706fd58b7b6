package selectloop_test

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/goprimer/concurrency/selectloop"
)

// TestMerge checks the helper that shows the nil-channel idiom: it forwards
// every value, never a zero value from a closed input, keeps waiting on the
// input still open, and closes its result only when both inputs are closed.
// Each subtest runs in a bubble, which fails if Merge's goroutine is left
// blocked when the subtest ends. A Merge that kept selecting on a closed
// input, instead of setting it to nil, would spin in the bubble, where
// synctest sees no deadlock and the fake clock stands still: the watchdog
// fails such a subtest in seconds.
func TestMerge(t *testing.T) {
	// bubble runs f in a synctest bubble under the watchdog.
	bubble := func(t *testing.T, f func(t *testing.T)) {
		t.Helper()
		watchdog.Within(t, "Merge disables a closed input instead of spinning on it", func() {
			synctest.Test(t, f)
		})
	}
	// send sends vals on c, then closes it.
	send := func(c chan<- int, vals ...int) {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}

	t.Run("every value, each input in order", func(t *testing.T) {
		bubble(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			go send(a, 1, 2, 3, 4, 5)
			go send(b, 10, 20, 30)
			var fromA, fromB []int
			for v := range selectloop.Merge(t.Context(), a, b) {
				if v < 10 {
					fromA = append(fromA, v)
				} else {
					fromB = append(fromB, v)
				}
			}
			require.Equal(t, []int{1, 2, 3, 4, 5}, fromA)
			require.Equal(t, []int{10, 20, 30}, fromB)
		})
	})
	t.Run("a closed input is disabled while the other stays open", func(t *testing.T) {
		bubble(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			out := selectloop.Merge(t.Context(), a, b)
			close(a)
			synctest.Wait() // Merge is now waiting on b alone
			require.Empty(t, received(out), "Merge forwarded something after a closed")

			b <- 42
			v, ok := <-out
			require.Equal(t, 42, v)
			require.True(t, ok, "result closed while b was still open")

			close(b)
			_, ok = <-out
			require.False(t, ok, "result still open after both inputs closed")
		})
	})
	t.Run("two inputs closed from the start", func(t *testing.T) {
		bubble(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			close(a)
			close(b)
			_, ok := <-selectloop.Merge(t.Context(), a, b)
			require.False(t, ok, "result delivered a value from two closed inputs")
		})
	})
}

// TestMergeStopsOnCancel proves the sentence of Merge's documentation that
// says how its goroutine ends, for a reader that stops before the result is
// closed. The inputs hold values and are never closed, so only ctx can end
// Merge. goleak lists the goroutines alive in the bubble that were not there
// before Merge was called: with the cancel there are none; without it,
// Merge's goroutine is still there, blocked waiting to send, and stays there
// for as long as the program runs. goleak's retries sleep on the bubble's
// fake clock, so finding that leak takes no real time.
func TestMergeStopsOnCancel(t *testing.T) {
	// inputs returns two channels that hold n values each and are never
	// closed.
	inputs := func(n int) (a, b chan int) {
		a, b = make(chan int, n), make(chan int, n)
		for i := range n {
			a <- i
			b <- n + i
		}
		return a, b
	}

	t.Run("a reader that stops early and cancels leaks nothing", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			a, b := inputs(3)
			out := selectloop.Merge(ctx, a, b)
			<-out // the reader takes one value and stops
			cancel()

			synctest.Wait()
			require.NoError(t, goleak.Find(others), "goroutines alive after cancel; want Merge's ended")
			// Merge waited to send its next value when ctx was cancelled: it
			// took the ctx case, sent nothing more and closed the result.
			v, ok := <-out
			require.False(t, ok, "received %v after Merge ended; want the result closed", v)
		})
	})
	t.Run("without the cancel Merge's goroutine leaks", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			a, b := inputs(3)
			out := selectloop.Merge(ctx, a, b)
			<-out // the reader takes one value and stops, without cancelling

			synctest.Wait() // every goroutine of the bubble is durably blocked
			leak := goleak.Find(others)
			require.Error(t, leak, "no goroutine alive after the reader stopped; want Merge's, blocked")
			require.Contains(t, leak.Error(), "selectloop.Merge", "goleak's report names the goroutine")
			require.Contains(t, leak.Error(), "in state select", "goleak's report shows it waiting in a select")

			// Only the cancel releases it, even now that nobody reads.
			cancel()
			synctest.Wait()
			require.NoError(t, goleak.Find(others), "goroutines alive after the late cancel; want Merge's ended")
			require.True(t, isClosed(out), "result still open after Merge ended")
		})
	})
	t.Run("cancel while Merge waits for input", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			a, b := make(chan int), make(chan int) // empty, never closed
			out := selectloop.Merge(ctx, a, b)
			synctest.Wait() // Merge waits to receive
			cancel()
			synctest.Wait()
			require.NoError(t, goleak.Find(others), "goroutines alive after cancel; want Merge's ended")
			require.True(t, isClosed(out), "result still open after Merge ended")
		})
	})
	t.Run("a reader that goes on after cancel sees the result closed", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			const n = 100
			a, b := inputs(n)
			out := selectloop.Merge(ctx, a, b)
			<-out
			cancel()
			// A few values may still come, as select picks at random among
			// ready cases, each at most with even odds against ctx.Done:
			// all 2n would come with probability below 2^-199.
			got := 1
			for range out {
				got++
			}
			require.Less(t, got, 2*n, "values received; want Merge to stop well before it forwards all %d", 2*n)
		})
	})
}
