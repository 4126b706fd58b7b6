package selectloop_test

import (
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestSelectWaitsOnEveryCase shows that one select waits on all of its
// operations at once, receives and sends alike: whichever becomes possible
// first is the one that runs. If select waited on its cases one after the
// other, the goroutine would stay stuck on the first case and the second
// subtest would deadlock the bubble.
func TestSelectWaitsOnEveryCase(t *testing.T) {
	// waitOnBoth receives from in or sends 1 to out, and reports which.
	waitOnBoth := func(in, out chan int) <-chan string {
		chosen := make(chan string, 1)
		go func() {
			select {
			case v := <-in:
				chosen <- fmt.Sprint("received ", v)
			case out <- 1:
				chosen <- "sent"
			}
		}()
		return chosen
	}

	t.Run("a send to the first case wakes it", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			in, out := make(chan int), make(chan int)
			chosen := waitOnBoth(in, out)
			synctest.Wait() // now blocked on both operations
			require.Empty(t, received(chosen), "select returned before any case was ready")

			in <- 7
			require.Equal(t, "received 7", <-chosen)
		})
	})
	t.Run("a receive from the second case wakes it", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			in, out := make(chan int), make(chan int)
			chosen := waitOnBoth(in, out)
			synctest.Wait()
			require.Empty(t, received(chosen), "select returned before any case was ready")

			require.Equal(t, 1, <-out)
			require.Equal(t, "sent", <-chosen)
		})
	})
}
