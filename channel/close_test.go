package channel_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestCloseWakesEveryBlockedReceiver checks that close is a broadcast: all
// goroutines waiting to receive wake up at once, each with the zero value
// and ok false. That is what makes a closed channel a "done" signal.
func TestCloseWakesEveryBlockedReceiver(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		type received struct {
			v  int
			ok bool
		}
		got := make(chan received, 3)
		for range 3 {
			go func() {
				v, ok := <-ch
				got <- received{v, ok}
			}()
		}
		synctest.Wait()
		require.Empty(t, got, "receivers woke before the close")

		close(ch)
		synctest.Wait()
		require.Len(t, got, 3, "receivers woken by one close")
		for range 3 {
			require.Equal(t, received{0, false}, <-got)
		}
	})
}

// TestCloseMakesBlockedSendersPanic checks what the article's table leaves
// out: a goroutine already blocked sending on a channel panics with "send on
// closed channel" when another goroutine closes it.
func TestCloseMakesBlockedSendersPanic(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		recovered := make(chan string, 1)
		go func() {
			defer func() { recovered <- panicMessage(recover()) }()
			ch <- 1
		}()
		synctest.Wait()
		require.Empty(t, recovered, "the sender returned before the close")

		close(ch)
		require.Equal(t, "send on closed channel", <-recovered, "the blocked sender's panic")
	})
}
