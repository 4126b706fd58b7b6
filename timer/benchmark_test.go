package timer_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The cost of a timeout in a hot for-select loop. Each iteration receives a
// value that is already waiting, so the timeout never fires: what is measured
// is the price of arming it.

// receiveWithAfter waits for a value for at most d, with a new timer from
// time.After on every call.
func receiveWithAfter(values <-chan int, d time.Duration) (int, bool) {
	select {
	case v := <-values:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

// receiveWithTimer waits for a value for at most d, re-arming one Timer.
// Since Go 1.23, Reset needs no Stop and no drain before it.
func receiveWithTimer(values <-chan int, timer *time.Timer, d time.Duration) (int, bool) {
	timer.Reset(d)
	select {
	case v := <-values:
		return v, true
	case <-timer.C:
		return 0, false
	}
}

func BenchmarkTimeoutInHotLoop(b *testing.B) {
	const timeout = time.Minute
	b.Run("time.After each iteration", func(b *testing.B) {
		values := make(chan int, 1)
		for b.Loop() {
			values <- 1
			if _, ok := receiveWithAfter(values, timeout); !ok {
				b.Fatal("timed out with a value waiting")
			}
		}
	})
	b.Run("one Timer with Reset", func(b *testing.B) {
		values := make(chan int, 1)
		timer := time.NewTimer(timeout)
		defer timer.Stop()
		for b.Loop() {
			values <- 1
			if _, ok := receiveWithTimer(values, timer, timeout); !ok {
				b.Fatal("timed out with a value waiting")
			}
		}
	})
}

// TestTimeoutAllocations pins down the allocation figures behind the
// benchmark: time.After allocates a timer and its channel on every call,
// while a reused Timer allocates nothing.
func TestTimeoutAllocations(t *testing.T) {
	const timeout = time.Minute
	values := make(chan int, 1)
	after := testing.AllocsPerRun(100, func() {
		values <- 1
		receiveWithAfter(values, timeout)
	})
	require.Positive(t, after, "allocations per time.After timeout; want at least one")

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	reused := testing.AllocsPerRun(100, func() {
		values <- 1
		receiveWithTimer(values, timer, timeout)
	})
	require.Zero(t, reused, "allocations per Reset of a reused Timer; want none")
}
