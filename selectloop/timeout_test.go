package selectloop_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestTimeoutCase puts a time.After case beside a receive and checks, on the
// bubble's fake clock, the exact instant select returns: when the value
// arrives first, at its arrival; otherwise at the timeout, to the nanosecond.
func TestTimeoutCase(t *testing.T) {
	// receiveWithin waits for a value on c for at most d.
	receiveWithin := func(c <-chan string, d time.Duration) (string, bool) {
		select {
		case v := <-c:
			return v, true
		case <-time.After(d):
			return "", false
		}
	}
	// sendAfter sends v on a new channel after d. The channel has room for
	// the value, so the sender never blocks if nobody receives.
	sendAfter := func(d time.Duration, v string) <-chan string {
		c := make(chan string, 1)
		go func() {
			time.Sleep(d)
			c <- v
		}()
		return c
	}

	t.Run("value before the timeout", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			v, ok := receiveWithin(sendAfter(2*time.Second, "result"), 3*time.Second)
			require.True(t, ok, "timed out")
			require.Equal(t, "result", v)
			require.Equal(t, 2*time.Second, time.Since(start), "returned at the value's arrival")
		})
	})
	t.Run("timeout before the value", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			late := sendAfter(5*time.Second, "late")
			_, ok := receiveWithin(late, 3*time.Second)
			require.False(t, ok, "got a value that was sent after the timeout")
			require.Equal(t, 3*time.Second, time.Since(start), "returned at the timeout")

			// The value still comes, two seconds after select stopped waiting for it.
			require.Equal(t, "late", <-late)
			require.Equal(t, 5*time.Second, time.Since(start))
		})
	})
}
