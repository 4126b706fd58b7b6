package pool_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPoolRemovesAllocations proves P3 with testing.AllocsPerRun, which runs
// the function on one P and divides the allocations by the runs, rounding
// down: countLinesFresh allocates its 4 KiB buffer on every call, countLines
// (example_allocs_test.go), once warmed up, never.
//
// The assertion holds in a race build too. There Put drops one buffer in
// four, and the next Get calls New, exactly one allocation (a pointer to an
// array needs no box to become an interface). So a thousand runs allocate
// about 250 times, which rounds down to 0; 1 would take every one of the
// thousand Puts to be dropped, a chance of 4^-1000.
func TestPoolRemovesAllocations(t *testing.T) {
	const text = "one\ntwo\nthree\n"
	r := strings.NewReader(text)
	fresh := testing.AllocsPerRun(1000, func() {
		r.Reset(text)
		_, _ = countLinesFresh(r)
	})
	pooled := testing.AllocsPerRun(1000, func() {
		r.Reset(text)
		_, _ = countLines(r)
	})
	require.Equal(t, 1.0, fresh, "P3: allocations per call with a new buffer")
	require.Equal(t, 0.0, pooled, "P3: allocations per call with a pooled buffer")
}

// TestRaceBuildDropsPuts proves the parenthesis of P2 that every test here
// allows for: in a race build, Put drops an item at random, one time in four
// (src/sync/pool.go: runtime_randn(4) == 0 under race.Enabled), so reuse is
// not certain even on one P with no GC. A thousand Put-then-Get rounds miss
// about 250 times there; the bounds (at least once, fewer than 500 times)
// are seven standard deviations and more away from that. Without -race,
// every round finds its item.
func TestRaceBuildDropsPuts(t *testing.T) {
	onePNoAutoGC(t)
	news := 0
	p := sync.Pool{New: func() any {
		news++
		return new(item)
	}}
	x := p.Get() // the first Get always calls New
	misses := 0
	for range 1000 {
		p.Put(x)
		before := news
		x = p.Get()
		if news != before {
			misses++
		}
	}
	t.Logf("Gets that found nothing after a Put: %d of 1000", misses)
	if raceEnabled {
		require.Positive(t, misses, "P2: Gets that missed after a Put (race build)")
		require.Less(t, misses, 500, "P2: Gets that missed after a Put (race build; about 250 expected)")
		return
	}
	require.Zero(t, misses, "P2: Gets that missed after a Put")
}

// TestPutPointersNotSlices checks the advice in P3's section of the package
// doc: a slice stored in a Pool is converted to an interface on every Put,
// and that conversion allocates a copy of the slice header, so the Pool
// saves the buffer but costs an allocation per call anyway. A pointer goes
// into an interface as it is. In a race build a dropped Put makes the next
// Get call New (two allocations in either Pool) about a quarter of the
// time; AllocsPerRun rounds that half an allocation down, and the figures
// would change only if more than half of the thousand Puts were dropped.
func TestPutPointersNotSlices(t *testing.T) {
	slices := sync.Pool{New: func() any { return make([]byte, 0, 64) }}
	pointers := sync.Pool{New: func() any {
		b := make([]byte, 0, 64)
		return &b
	}}
	viaSlice := testing.AllocsPerRun(1000, func() {
		b := slices.Get().([]byte)
		b = append(b[:0], "some bytes"...)
		//lint:ignore SA6002 putting a slice, which allocates, is what the test measures
		slices.Put(b)
	})
	viaPointer := testing.AllocsPerRun(1000, func() {
		p := pointers.Get().(*[]byte)
		*p = append((*p)[:0], "some bytes"...)
		pointers.Put(p)
	})
	require.Equal(t, 1.0, viaSlice, "P3: allocations per Get and Put of a []byte")
	require.Equal(t, 0.0, viaPointer, "P3: allocations per Get and Put of a *[]byte")
}
