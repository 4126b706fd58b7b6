package datarace_test

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// scOutcomes returns the outcomes of the store-buffering test that some
// interleaving explains, with how many interleavings end in each.
func scOutcomes() map[string]int {
	count := map[string]int{}
	for order := range interleavings(storeBuffering[0], storeBuffering[1]) {
		count[outcome(order)]++
	}
	return count
}

// TestInterleavingsOfTheStoreBufferingTest checks the model MM3 is stated
// in: two goroutines of two statements each interleave in six ways, each
// keeping its own program order, and none of them ends with both reads
// seeing 0.
func TestInterleavingsOfTheStoreBufferingTest(t *testing.T) {
	var orders []string
	for order := range interleavings(storeBuffering[0], storeBuffering[1]) {
		var texts []string
		for _, s := range order {
			texts = append(texts, s.text)
		}
		orders = append(orders, fmt.Sprint(texts))
	}
	require.Equal(t, []string{
		"[x = 1 r1 = y y = 1 r2 = x]",
		"[x = 1 y = 1 r1 = y r2 = x]",
		"[x = 1 y = 1 r2 = x r1 = y]",
		"[y = 1 x = 1 r1 = y r2 = x]",
		"[y = 1 x = 1 r2 = x r1 = y]",
		"[y = 1 r2 = x x = 1 r1 = y]",
	}, orders, "the interleavings, in program order for each goroutine (MM3)")
	require.Equal(t, map[string]int{"r1=0 r2=1": 1, "r1=1 r2=0": 1, "r1=1 r2=1": 4}, scOutcomes(),
		"outcomes of the interleavings (MM3)")
}

// TestAtomicStoreBufferingEndsInAnInterleaving is the in-process half of
// MM3: the store-buffering test written with atomics is data-race-free, so
// every run must end in an outcome of some interleaving, never with both
// reads seeing 0. Each round releases both goroutines at once by closing
// start, so that their statements overlap as much as the machine allows.
func TestAtomicStoreBufferingEndsInAnInterleaving(t *testing.T) {
	allowed := scOutcomes()
	seen := map[string]int{}
	watchdog.Within(t, "MM3: the goroutines of each round return", func() {
		for range 200 {
			var x, y atomic.Int32
			var r1, r2 int32
			start := make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() { <-start; x.Store(1); r1 = y.Load() })
			wg.Go(func() { <-start; y.Store(1); r2 = x.Load() })
			close(start)
			wg.Wait()
			seen[fmt.Sprintf("r1=%d r2=%d", r1, r2)]++
		}
	})
	for o, n := range seen {
		require.Contains(t, allowed, o, "outcome seen in %d of 200 runs; want one of %v (MM3: DRF-SC)", n, slices.Sorted(maps.Keys(allowed)))
	}
}
