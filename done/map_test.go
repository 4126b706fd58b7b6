package done_test

import (
	"strings"
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/done"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMap(t *testing.T) {
	t.Run("applies f in order, then closes and ends when its input closes", func(t *testing.T) {
		bubble(t, "Map applies f in order, then closes and ends when its input closes", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, _ := newDone(t)
			upper := done.Map(stop, done.Generate(stop, "a", "b"), strings.ToUpper)
			require.Equal(t, []string{"A", "B"}, collect(upper))
			synctest.Wait()
			requireAllEnded(t, others)
		})
	})

	t.Run("stops on done while waiting for input", func(t *testing.T) {
		bubble(t, "Map stops on done while waiting for input", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			c := done.Map(stop, make(chan int), func(n int) int { return n })
			synctest.Wait()
			closeDone()
			requireClosed(t, c)
			requireAllEnded(t, others)
		})
	})

	t.Run("stops on done while waiting to send", func(t *testing.T) {
		bubble(t, "Map stops on done while waiting to send", func(t *testing.T) {
			others := goleak.IgnoreCurrent()
			stop, closeDone := newDone(t)
			var calls []int
			c := done.Map(stop, done.Repeat(stop, 1), func(n int) int {
				calls = append(calls, n)
				return n * 10
			})
			synctest.Wait() // Map has called f once and waits for a reader
			require.Equal(t, []int{1}, calls)
			closeDone()
			requireClosed(t, c)
			requireAllEnded(t, others)
		})
	})
}
