package timer_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestAfterDeliversOneValueAtTheExactInstant(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		c := time.After(3 * time.Second)

		fired := <-c
		require.Equal(t, 3*time.Second, at(start), "receive returned at this instant; want 3s")
		require.Equal(t, 3*time.Second, fired.Sub(start), "the value is start+this; want the instant it expired, start+3s")

		// One-shot: an hour later there is no second value, and the
		// channel is not closed either (a closed one would be ready).
		time.Sleep(time.Hour)
		synctest.Wait()
		_, received := tryReceive(c)
		require.False(t, received, "a second receive from time.After's channel succeeded; want it to block")
	})
}

func TestTimeoutInSelect(t *testing.T) {
	t.Run("the timeout wins when the result never comes", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			never := make(chan int)

			select {
			case <-never:
				t.Fatal("received from a channel nobody sends on")
			case <-time.After(2 * time.Second):
			}
			require.Equal(t, 2*time.Second, at(start), "the timeout case ran at this instant; want 2s")
		})
	})

	t.Run("a result that arrives first wins", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			result := make(chan int)
			go func() {
				time.Sleep(time.Second)
				result <- 42
			}()

			select {
			case v := <-result:
				require.Equal(t, 42, v)
			case <-time.After(2 * time.Second):
				t.Fatal("the timeout won although the result came at 1s")
			}
			require.Equal(t, time.Second, at(start), "the result case ran at this instant; want 1s")
		})
	})

	t.Run("a ready result wins over a pending timeout", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			result := make(chan int, 1)
			result <- 7

			select {
			case v := <-result:
				require.Equal(t, 7, v)
			case <-time.After(time.Hour):
				t.Fatal("the timeout won although the result was ready")
			}
			require.Zero(t, at(start), "select with a ready case waited; want no wait")
		})
	})
}

// Unlike the Done channel of a context, which is closed and so releases every
// receiver, time.After sends one value: one receiver gets it.
func TestAfterWakesOnlyOneReceiver(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := time.After(time.Second)
		stop := make(chan struct{})
		woken := make(chan int, 2)
		for id := range 2 {
			go func() {
				select {
				case <-c:
					woken <- id
				case <-stop:
				}
			}()
		}

		time.Sleep(time.Hour)
		synctest.Wait() // both receivers have either woken or are blocked for good
		require.Equal(t, 1, len(woken), "receivers woken by one time.After; want exactly 1")
		close(stop) // release the other one
	})
}
