package done_test

import (
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/done"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestGenerate(t *testing.T) {
	t.Run("delivers every value in order, then closes and ends", func(t *testing.T) {
		bubble(t, "Generate delivers every value in order, then closes and ends", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, _ := newDone(t)
			require.Equal(t, []string{"a", "b", "c"}, collect(done.Generate(stop, "a", "b", "c")))
			synctest.Wait()
			requireAllEnded(t, others)
		})
	})

	t.Run("with no values closes at once", func(t *testing.T) {
		bubble(t, "Generate with no values closes at once", func(t *testing.T) {
			stop, _ := newDone(t)
			requireClosed(t, done.Generate[int](stop))
		})
	})

	t.Run("abandoned, it blocks until done closes, then closes and ends", func(t *testing.T) {
		bubble(t, "Generate, abandoned, blocks until done closes, then closes and ends", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			c := done.Generate(stop, 1, 2, 3)
			require.Equal(t, 1, <-c)
			// The reader walks away: the generator waits to send 2.
			synctest.Wait()
			requireBlockedIn(t, others, "done.Generate[...].func1", "select")

			closeDone()
			requireClosed(t, c)
			requireAllEnded(t, others)
		})
	})
}
