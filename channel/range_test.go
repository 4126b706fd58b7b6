package channel_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestRangeEndsOnlyAtClose checks that for v := range ch receives every
// value and ends when, and only when, the channel is closed and drained.
func TestRangeEndsOnlyAtClose(t *testing.T) {
	t.Run("an open channel keeps the loop waiting", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ch := make(chan int)
			result := make(chan []int, 1)
			go func() {
				var got []int
				for v := range ch {
					got = append(got, v)
				}
				result <- got
			}()
			ch <- 1
			ch <- 2
			synctest.Wait()
			require.Empty(t, result, "the loop ended with the channel open")

			close(ch)
			require.Equal(t, []int{1, 2}, <-result)
		})
	})

	t.Run("a closed channel's buffered values are all received", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ch := make(chan int, 3)
			ch <- 1
			ch <- 2
			close(ch)
			var got []int
			for v := range ch {
				got = append(got, v)
			}
			require.Equal(t, []int{1, 2}, got)
		})
	})
}
