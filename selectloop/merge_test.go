package selectloop_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/selectloop"
)

// TestMerge checks the helper that shows the nil-channel idiom: it forwards
// every value, never a zero value from a closed input, keeps waiting on the
// input still open, and closes its result only when both inputs are closed.
// Each subtest runs in a bubble, which fails if Merge's goroutine is left
// blocked when the subtest ends.
func TestMerge(t *testing.T) {
	// send sends vals on c, then closes it.
	send := func(c chan<- int, vals ...int) {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}

	t.Run("every value, each input in order", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			go send(a, 1, 2, 3, 4, 5)
			go send(b, 10, 20, 30)
			var fromA, fromB []int
			for v := range selectloop.Merge(a, b) {
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
		synctest.Test(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			out := selectloop.Merge(a, b)
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
	t.Run("a reader that stops early leaves Merge waiting to send", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			go send(a, 1, 2)
			go send(b, 10)
			out := selectloop.Merge(a, b)
			<-out // the reader takes one value and stops reading
			synctest.Wait()
			// Everything is durably blocked, the merge goroutine in its send:
			// that is the leak. Reading on is the only way to release it.
			select {
			case _, ok := <-out:
				require.True(t, ok, "Merge closed its result with values left to send")
			default:
				require.Fail(t, "Merge was not waiting to send its next value")
			}
			for range out {
			}
		})
	})
	t.Run("two inputs closed from the start", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			a, b := make(chan int), make(chan int)
			close(a)
			close(b)
			_, ok := <-selectloop.Merge(a, b)
			require.False(t, ok, "result delivered a value from two closed inputs")
		})
	})
}
