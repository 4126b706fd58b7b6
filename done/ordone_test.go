package done_test

import (
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/done"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestOrDone(t *testing.T) {
	t.Run("forwards every value until its input closes", func(t *testing.T) {
		bubble(t, "OrDone forwards every value until its input closes", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, _ := newDone(t)
			in := make(chan int, 3)
			in <- 1
			in <- 2
			close(in)
			require.Equal(t, []int{1, 2}, collect(done.OrDone(stop, in)))
			synctest.Wait()
			requireAllEnded(t, others)
		})
	})

	t.Run("ends a range loop over a channel that never closes", func(t *testing.T) {
		bubble(t, "OrDone ends a range loop over a channel that never closes", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			never := make(chan int, 1) // nobody will ever close it
			never <- 1
			var got []int
			for v := range done.OrDone(stop, never) {
				got = append(got, v)
				closeDone() // without it, this loop would wait forever
			}
			require.Equal(t, []int{1}, got)
			synctest.Wait()
			requireAllEnded(t, others)
		})
	})

	t.Run("stops on done while waiting to send", func(t *testing.T) {
		bubble(t, "OrDone stops on done while waiting to send", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			in := make(chan int, 1)
			in <- 1
			c := done.OrDone(stop, in)
			synctest.Wait()
			require.Empty(t, in, "OrDone did not read its input")
			closeDone()
			requireClosed(t, c)
			requireAllEnded(t, others)
		})
	})
}
