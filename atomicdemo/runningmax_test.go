package atomicdemo_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// raiseTo raises m to v if v is larger, with a CompareAndSwap loop, and
// reports whether it stored v. It calls gap after deciding to store and
// before the CompareAndSwap, the point where another goroutine can change m.
func raiseTo(m *atomic.Int64, v int64, gap func()) bool {
	for {
		cur := m.Load()
		if v <= cur {
			return false // m is already at least v: nothing to do
		}
		gap()
		if m.CompareAndSwap(cur, v) {
			return true
		}
		// m changed since the Load: look at it again.
	}
}

// raiseToWithStore is the broken form: it compares and then stores, and a
// store made in between is overwritten.
func raiseToWithStore(m *atomic.Int64, v int64, gap func()) bool {
	if v <= m.Load() {
		return false
	}
	gap()
	m.Store(v)
	return true
}

// TestCompareAndSwapLoopKeepsTheMaximum forces B to record 7 in the gap of
// A, who is recording 5 and has seen 0 (claim A3). The CompareAndSwap loop
// fails its swap, sees 7 and stores nothing, so the maximum stays 7. A
// compare-then-Store overwrites B's 7 with 5.
func TestCompareAndSwapLoopKeepsTheMaximum(t *testing.T) {
	t.Run("the CompareAndSwap loop keeps B's larger value", func(t *testing.T) {
		var m atomic.Int64
		var aStored, bStored bool // aStored is written by A, read after A is done
		gaps := forceGap(t, "A3: raising a maximum with B forced into A's gap finishes",
			func(gap func()) { aStored = raiseTo(&m, 5, gap) },
			func() { bStored = raiseTo(&m, 7, func() {}) },
		)
		require.True(t, bStored, "B raised the maximum to 7")
		require.False(t, aStored, "A stored 5 over B's 7; want A to give up once it sees 7 (A3)")
		require.Equal(t, int64(7), m.Load(), "maximum after A recorded 5 and B recorded 7 in A's gap; want 7 (A3)")
		require.Equal(t, 1, gaps, "times A decided to store: once, before B; after its failed swap it saw 7 and gave up (A3)")
	})

	t.Run("compare then Store loses B's larger value", func(t *testing.T) {
		var m atomic.Int64
		forceGap(t, "A3: the compare-then-Store maximum with B forced into A's gap finishes",
			func(gap func()) { raiseToWithStore(&m, 5, gap) },
			func() { raiseToWithStore(&m, 7, func() {}) },
		)
		require.Equal(t, int64(5), m.Load(), "maximum after compare-then-Store of 5 with B's 7 in its gap; want 5, B's value lost")
	})
}

// TestCompareAndSwapLoopUnderContention records the numbers 1 to 4000 from
// eight goroutines at once, each taking every eighth number, so that their
// swaps collide; the maximum must end at 4000 (claim A3).
func TestCompareAndSwapLoopUnderContention(t *testing.T) {
	const goroutines, total = 8, 4000
	var m atomic.Int64
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			<-start
			for v := int64(g + 1); v <= total; v += goroutines {
				raiseTo(&m, v, func() {})
			}
		})
	}
	watchdog.Within(t, "A3: goroutines raising one maximum with CompareAndSwap all finish", func() {
		close(start)
		wg.Wait()
	})
	require.Equal(t, int64(total), m.Load(), "maximum of 1 to %d recorded concurrently (A3)", total)
}
