package done_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// leakyGenerate is [done.Generate] without a done channel: nothing but its
// reader can stop it. If the reader walks away early, its goroutine waits
// on the next send for the rest of the program.
func leakyGenerate(values ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, v := range values {
			out <- v // blocks until someone receives; nobody else can end it
		}
	}()
	return out
}

func TestGoleakFindsAbandonedGenerator(t *testing.T) {
	bubble(t, "goleak finds the abandoned generator blocked in chan send", func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		c := leakyGenerate(1, 2, 3)
		t.Cleanup(func() {
			for range c { // should the test fail early, still release the goroutine
			}
		})
		require.Equal(t, 1, <-c)
		// The reader stops here, as a caller that returns early would: the
		// goroutine is now blocked sending 2 and nothing will ever stop it.
		synctest.Wait()
		requireBlockedIn(t, others, "done_test.leakyGenerate.func1", "chan send")

		// Release it, so that the package's own leak check at the end of
		// the run still passes: only a reader can, by reading to the end.
		require.Equal(t, []int{2, 3}, collect(c))
		requireAllEnded(t, others)
	})
}

func TestGoleakFindRetriesForAbout430ms(t *testing.T) {
	bubble(t, "goleak.Find retries for 431.071ms of fake time before it reports a leak", func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		c := leakyGenerate(1)
		t.Cleanup(func() {
			for range c { // release the generator once measured
			}
		})
		synctest.Wait()

		start := time.Now() // the bubble's fake clock
		requireBlockedIn(t, others, "done_test.leakyGenerate.func1", "chan send")
		// goleak v1.3.0 sleeps 20 times before giving up: 1µs, 2µs, 4µs
		// and so on, capped at 100ms. The 17 doubling sleeps add up to
		// 131.071ms, then come 3 × 100ms. In the bubble they take no real
		// time at all.
		require.Equal(t, 431071*time.Microsecond, time.Since(start), "time Find spent retrying")
	})
}
