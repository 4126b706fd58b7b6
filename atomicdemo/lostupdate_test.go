package atomicdemo_test

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// An increment that reads, computes and writes in separate steps loses an
// update when another goroutine writes between its read and its write. The
// scheduler picks that interleaving only now and then; the tests in this
// file force it with channels on every run. A reads and then stops at its
// gap; B runs its whole increment; then A goes on. Each hand-over is a
// channel operation, so the steps are ordered and there is no data race,
// only the lost update itself.

// gapIncrement is an increment with a gap: it calls gap after each read
// and before the write (or the compare-and-swap) that uses the value read.
type gapIncrement func(gap func())

// forceGap runs a on its own goroutine, and b in the first gap of a: after
// a's first read and before its write. It returns how many times a reached
// its gap, which is more than once only for an increment that retries.
func forceGap(t *testing.T, claim string, a gapIncrement, b func()) int {
	t.Helper()
	aRead := make(chan struct{})
	bDone := make(chan struct{})
	gaps := 0 // touched only by A's goroutine until wg.Wait
	var wg sync.WaitGroup
	watchdog.Within(t, claim, func() {
		wg.Go(func() {
			a(func() {
				gaps++
				if gaps == 1 {
					close(aRead) // hand over to B ...
					<-bDone      // ... and go on once B's increment is done
				}
			})
		})
		<-aRead
		b()
		close(bDone)
		wg.Wait()
	})
	return gaps
}

// TestIncrementWithAGapLosesAnUpdate forces B's increment into the gap of
// A's and checks that B's update is lost by n++ on an int and by Load then
// Store on an atomic.Int64 (claim A1: each atomic operation is indivisible,
// a sequence of them is not), and kept by an Add, which reads the current
// value as it writes, and by a CompareAndSwap loop, which notices the
// change and tries again (A1, A3).
func TestIncrementWithAGapLosesAnUpdate(t *testing.T) {
	t.Run("n++ on an int loses B's increment", func(t *testing.T) {
		n := 0
		gaps := forceGap(t, "A1: two n++ with B forced into A's gap both finish",
			func(gap func()) {
				v := n // n++ is this read ...
				gap()
				n = v + 1 // ... and this write
			},
			func() { n++ },
		)
		require.Equal(t, 1, n, "n after two n++ with B between A's read and write; want 1, B's increment lost (A1)")
		require.Equal(t, 1, gaps, "times A reached its gap")
	})

	t.Run("Load then Store on an atomic.Int64 loses B's increment too", func(t *testing.T) {
		var n atomic.Int64
		forceGap(t, "A1: two Load-then-Store increments with B forced into A's gap both finish",
			func(gap func()) {
				v := n.Load()
				gap()
				n.Store(v + 1)
			},
			func() { n.Store(n.Load() + 1) },
		)
		require.Equal(t, int64(1), n.Load(), "n after two Load-then-Store increments with B in A's gap; want 1: each call is atomic, the pair is not (A1)")
	})

	t.Run("Add after the gap counts B's increment", func(t *testing.T) {
		var n atomic.Int64
		var aGot int64 // written by A, read after A is done
		forceGap(t, "A1: an Add with B forced in before it finishes",
			func(gap func()) {
				_ = n.Load() // what A saw before the gap no longer matters
				gap()
				aGot = n.Add(1) // reads and writes in one step
			},
			func() { n.Add(1) },
		)
		require.Equal(t, int64(2), n.Load(), "n after B's Add in A's gap and A's Add; want 2 (A1)")
		require.Equal(t, int64(2), aGot, "A's Add returns the new value, counting B's increment (A1)")
	})

	t.Run("a CompareAndSwap loop sees B's increment and retries", func(t *testing.T) {
		var n atomic.Int64
		gaps := forceGap(t, "A3: a CompareAndSwap loop with B forced into its gap finishes",
			func(gap func()) {
				for {
					v := n.Load()
					gap()
					if n.CompareAndSwap(v, v+1) {
						return
					}
				}
			},
			func() { n.Add(1) },
		)
		require.Equal(t, int64(2), n.Load(), "n after a CompareAndSwap-loop increment and an Add in its gap; want 2, no update lost (A1, A3)")
		require.Equal(t, 2, gaps, "times A read n: its first CompareAndSwap fails because B changed n, the second succeeds (A3)")
	})
}

// TestAddNeverLosesAnUpdate checks claim A1 for atomic.Int64.Add, which has
// no gap to force anything into: goroutines released together add one many
// times each, and every Add must return a new value no other Add returned,
// so that the values returned are exactly 1 to the total, each once. This
// test samples; it is not the deterministic proof, which is
// TestIncrementWithAGapLosesAnUpdate. An increment with a gap (Load then
// Store) fails it only when two goroutines really run at the same time and
// one lands in the other's gap: often on an idle multi-core machine, rarely
// on a busy one, never with one P and no preemption inside the gap.
func TestAddNeverLosesAnUpdate(t *testing.T) {
	const goroutines, adds = 8, 1000
	var n atomic.Int64
	got := make([][]int64, goroutines) // got[g] is written only by goroutine g
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			<-start // all begin together, to overlap as much as they can
			for range adds {
				got[g] = append(got[g], n.Add(1))
			}
		})
	}
	watchdog.Within(t, "A1: goroutines doing atomic.Int64.Add all finish", func() {
		close(start)
		wg.Wait()
	})
	all := slices.Sorted(slices.Values(slices.Concat(got...)))
	want := make([]int64, goroutines*adds)
	for i := range want {
		want[i] = int64(i + 1)
	}
	require.Equal(t, int64(goroutines*adds), n.Load(), "n after %d goroutines each did %d Add(1); want every Add counted (A1)", goroutines, adds)
	require.Equal(t, want, all, "the values the Adds returned, sorted; want 1 to %d, each exactly once (A1)", goroutines*adds)
}
