package done_test

import (
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/done"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestTake(t *testing.T) {
	t.Run("passes on the first n values, then closes and ends", func(t *testing.T) {
		bubble(t, "Take passes on the first n values, then closes and ends", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			require.Equal(t, []int{1, 2}, collect(done.Take(stop, done.Generate(stop, 1, 2, 3, 4), 2)))
			closeDone() // releases Generate, which still holds 3
			synctest.Wait()
			requireAllEnded(t, others)
		})
	})

	t.Run("closes early when its input closes", func(t *testing.T) {
		bubble(t, "Take closes early when its input closes", func(t *testing.T) {
			stop, _ := newDone(t)
			require.Equal(t, []int{1, 2}, collect(done.Take(stop, done.Generate(stop, 1, 2), 5)))
		})
	})

	for _, n := range []int{0, -1} {
		t.Run("closes at once for n <= 0", func(t *testing.T) {
			bubble(t, "Take closes at once for n <= 0", func(t *testing.T) {
				stop, _ := newDone(t)
				never := make(chan int) // Take must not even try to read it
				requireClosed(t, done.Take(stop, never, n))
			})
		})
	}

	t.Run("stops on done while waiting for input", func(t *testing.T) {
		bubble(t, "Take stops on done while waiting for input", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			c := done.Take(stop, make(chan int), 3) // an input that never delivers
			synctest.Wait()
			requireBlockedIn(t, others, "done.Take[...].func1", "select")
			closeDone()
			requireClosed(t, c)
			requireAllEnded(t, others)
		})
	})

	t.Run("stops on done while waiting to send", func(t *testing.T) {
		bubble(t, "Take stops on done while waiting to send", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			in := make(chan int, 1)
			in <- 7
			c := done.Take(stop, in, 3) // takes 7, then finds no reader
			synctest.Wait()
			require.Empty(t, in, "Take did not read its input")
			closeDone()
			requireClosed(t, c) // 7 is dropped, not delivered after done
			requireAllEnded(t, others)
		})
	})
}
