package datarace_test

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

// A step is one statement of a goroutine, run against the shared memory.
type step struct {
	text string
	run  func(mem map[string]int)
}

// storeBuffering is the store-buffering litmus test: each goroutine sets
// its own flag, then reads the other's.
var storeBuffering = [2][]step{
	{
		{"x = 1", func(mem map[string]int) { mem["x"] = 1 }},
		{"r1 = y", func(mem map[string]int) { mem["r1"] = mem["y"] }},
	},
	{
		{"y = 1", func(mem map[string]int) { mem["y"] = 1 }},
		{"r2 = x", func(mem map[string]int) { mem["r2"] = mem["x"] }},
	},
}

// interleavings yields every order of the steps of a and b that keeps each
// goroutine's own steps in program order.
func interleavings(a, b []step) iter.Seq[[]step] {
	return func(yield func([]step) bool) {
		var walk func(prefix, a, b []step) bool
		walk = func(prefix, a, b []step) bool {
			if len(a) == 0 || len(b) == 0 {
				return yield(slices.Concat(prefix, a, b))
			}
			return walk(append(slices.Clip(prefix), a[0]), a[1:], b) &&
				walk(append(slices.Clip(prefix), b[0]), a, b[1:])
		}
		walk(nil, a, b)
	}
}

// outcome runs the steps of one interleaving, one at a time, from zeroed
// memory, and reports what the two reads saw.
func outcome(order []step) string {
	mem := map[string]int{}
	for _, s := range order {
		s.run(mem)
	}
	return fmt.Sprintf("r1=%d r2=%d", mem["r1"], mem["r2"])
}

// This example lists what a data-race-free version of the store-buffering
// test may print: DRF-SC promises an outcome of some interleaving of the two
// goroutines, one statement at a time, and no interleaving ends with both
// reads seeing 0.
func Example_interleavings() {
	count := map[string]int{}
	for order := range interleavings(storeBuffering[0], storeBuffering[1]) {
		count[outcome(order)]++
	}
	for _, o := range slices.Sorted(maps.Keys(count)) {
		fmt.Printf("%s in %d of 6 interleavings\n", o, count[o])
	}
	// Output:
	// r1=0 r2=1 in 1 of 6 interleavings
	// r1=1 r2=0 in 1 of 6 interleavings
	// r1=1 r2=1 in 4 of 6 interleavings
}
