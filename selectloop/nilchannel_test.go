package selectloop_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestNilChannelDisablesItsCase shows that a case on a nil channel, send or
// receive, is never ready, while a case on a closed channel is ready every
// time. That is why a loop sets a closed input to nil.
func TestNilChannelDisablesItsCase(t *testing.T) {
	t.Run("nil cases are never chosen", func(t *testing.T) {
		var nilChan chan int
		for range 100 {
			select {
			case <-nilChan:
				t.Fatal("received from a nil channel")
			case nilChan <- 1:
				t.Fatal("sent to a nil channel")
			default:
			}
		}
	})
	t.Run("select waits while only nil cases and an idle channel remain", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var nilChan chan int
			done := make(chan struct{})
			returned := make(chan string, 1)
			go func() {
				select {
				case <-nilChan:
					returned <- "nil receive"
				case nilChan <- 1:
					returned <- "nil send"
				case <-done:
					returned <- "done"
				}
			}()
			synctest.Wait() // durably blocked: the nil cases can never proceed
			require.Empty(t, received(returned), "select returned while no case was ready")

			close(done)
			require.Equal(t, "done", <-returned)
		})
	})
	t.Run("a closed channel's case is always ready", func(t *testing.T) {
		closed := make(chan int)
		close(closed)
		for range 100 {
			select {
			case v, ok := <-closed:
				require.Equal(t, 0, v)
				require.False(t, ok)
			default:
				t.Fatal("a closed channel was not ready")
			}
		}
	})
}
