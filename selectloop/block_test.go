package selectloop_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSelectWithNoReadyCaseBlocks shows that a select whose cases cannot
// proceed neither fails nor gives up: it waits, here through an hour of the
// bubble's fake clock, until a case becomes ready.
func TestSelectWithNoReadyCaseBlocks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := make(chan int), make(chan int)
		got := make(chan int, 1)
		go func() {
			select {
			case v := <-a:
				got <- v
			case v := <-b:
				got <- v
			}
		}()

		// Go 1.27's synctest.Sleep does these two steps in one call; the
		// suite also runs on Go 1.26, which does not have it.
		time.Sleep(time.Hour) // returns only once the goroutine is durably blocked
		synctest.Wait()
		require.Empty(t, received(got), "select returned with no case ready")

		b <- 2
		require.Equal(t, 2, <-got)
	})
}

// TestSelectWithDefaultNeverBlocks shows that with a default case, select
// runs default at once when no other case is ready. Each subtest runs in a
// bubble, so if the select blocked instead, the bubble would report a
// deadlock rather than hang.
func TestSelectWithDefaultNeverBlocks(t *testing.T) {
	tryReceive := func(c chan int) string {
		select {
		case <-c:
			return "received"
		default:
			return "default"
		}
	}
	trySend := func(c chan int) string {
		select {
		case c <- 1:
			return "sent"
		default:
			return "default"
		}
	}

	t.Run("receive from an empty channel", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			require.Equal(t, "default", tryReceive(make(chan int)))
			require.Equal(t, "default", tryReceive(make(chan int, 1)))
		})
	})
	t.Run("send with nobody to receive and no room", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			require.Equal(t, "default", trySend(make(chan int)))
			full := make(chan int, 1)
			full <- 0
			require.Equal(t, "default", trySend(full))
		})
	})
	t.Run("default is not taken while a case is ready", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			c := make(chan int, 100)
			for range 100 {
				require.Equal(t, "sent", trySend(c))
			}
			for range 100 {
				require.Equal(t, "received", tryReceive(c))
			}
			require.Equal(t, "default", tryReceive(c))
		})
	})
}
