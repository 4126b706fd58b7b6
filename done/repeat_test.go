package done_test

import (
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/done"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestRepeat(t *testing.T) {
	t.Run("cycles through its values", func(t *testing.T) {
		bubble(t, "Repeat cycles through its values", func(t *testing.T) {
			stop, _ := newDone(t)
			c := done.Repeat(stop, 1, 2, 3)
			var got []int
			for range 7 {
				got = append(got, <-c)
			}
			require.Equal(t, []int{1, 2, 3, 1, 2, 3, 1}, got)
		})
	})

	t.Run("with no values closes at once", func(t *testing.T) {
		bubble(t, "Repeat with no values closes at once", func(t *testing.T) {
			stop, _ := newDone(t)
			requireClosed(t, done.Repeat[int](stop))
		})
	})

	t.Run("outlives the Take that stopped reading it, until done closes", func(t *testing.T) {
		bubble(t, "Repeat outlives the Take that stopped reading it, until done closes", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			repeated := done.Repeat(stop, "x")
			require.Equal(t, []string{"x", "x"}, collect(done.Take(stop, repeated, 2)))
			// Take has returned and closed its channel, but Repeat has no
			// end of its own: it waits to send the next "x".
			synctest.Wait()
			requireBlockedIn(t, others, "done.Repeat[...].func1", "select")
			require.NotContains(t, leakReport(others), "done.Take[", "Take's goroutine still alive after it closed its output")

			closeDone()
			requireClosed(t, repeated)
			requireAllEnded(t, others)
		})
	})
}
