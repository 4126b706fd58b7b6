package pool_test

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// onePNoAutoGC makes the Pool's behaviour a function of the test's own
// calls, for the rest of t:
//
//   - GOMAXPROCS is 1, so there is a single P and a single per-P cache. With
//     more Ps, the test goroutine could Put on one P and Get on another
//     (runtime.GC parks it, and it may resume anywhere), and Get never looks
//     in another P's private slot.
//   - The garbage collector runs only when the test calls runtime.GC.
//     SetGCPercent(-1) waits for a cycle in progress to finish and turns off
//     the heap trigger and the two-minute forced cycle; the memory limit is
//     lifted so it cannot start one either.
//
// Tests that call it must not be parallel: both settings are process-wide.
func onePNoAutoGC(t *testing.T) {
	t.Helper()
	procs := runtime.GOMAXPROCS(1)
	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(gcPercent)
		runtime.GOMAXPROCS(procs)
	})
}

// requireKept fails t unless got is want, the item the test Put into a
// Pool without New. In a race build, Put drops one item in four at random,
// so nil is accepted there too.
func requireKept(t *testing.T, got, want any, claim string) {
	t.Helper()
	switch {
	case got == want:
	case raceEnabled && got == nil:
		t.Logf("%s: Put dropped the item (race build)", claim)
	case raceEnabled:
		t.Fatalf("%s: Get returned %v; want %v, the item Put, or nil if Put dropped it (race build)", claim, got, want)
	default:
		t.Fatalf("%s: Get returned %v; want %v, the item Put", claim, got, want)
	}
}
