package done_test

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"

	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

const (
	// leaked is how many goroutines the tests below leave blocked: enough
	// for the price to show plainly, few enough to start in milliseconds
	// even under the race detector.
	leaked = 1_000

	// minStack is the stack a brand-new goroutine gets, in every build on
	// linux/amd64: the runtime's stackMin, 2 KiB. (A goroutine that reuses
	// the record of an ended one gets the runtime's adaptive starting
	// size instead, never less than this.)
	minStack = 2 << 10

	// slack is stack memory the runtime may already hold, cached and free,
	// when a measurement starts, or allocate in whole 32 KiB spans beyond
	// what the goroutines use: the measured total may miss the expected
	// one by this much either way.
	slack = 256 << 10
)

// heldStack is the stack each goroutine blocked in blockForever holds:
// 2 KiB, or 4 KiB in a race build. Both builds start it at [minStack].
// But a function checks for stack room against a guard that leaves space
// for calls that never check, and a race build doubles that space
// (StackGuardMultiplier): the guard sits 928 bytes above the bottom of the
// stack normally and 1,728 bytes with -race, leaving 1,120 or 320 bytes of
// the 2 KiB for frames. blockForever's way into the scheduler fits in the
// first and not in the second, so under -race the runtime copies each
// stack once to 4 KiB, and the collector never halves it again, because it
// shrinks only a stack less than a quarter used, counting the guard.
func heldStack() int64 {
	if raceEnabled() {
		return 2 * minStack
	}
	return minStack
}

// raceEnabled reports whether this binary was built with -race.
func raceEnabled() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		panic("no build info in the test binary")
	}
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// metric returns the current value of the runtime/metrics counter name.
func metric(name string) int64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// stackBytes returns the memory the runtime holds for goroutine stacks.
func stackBytes() int64 {
	return metric("/memory/classes/heap/stacks:bytes")
}

// blockForever waits on a channel that nothing else can reach: no send, no
// receive and no close can ever reach it, so it never returns.
func blockForever() {
	<-make(chan struct{})
}

func TestLeakedGoroutinesAreNeverCollected(t *testing.T) {
	const (
		created  = "/sched/goroutines-created:goroutines" // since Go 1.26
		waiting  = "/sched/goroutines/waiting:goroutines" // since Go 1.26
		starting = "/gc/stack/starting-size:bytes"
	)
	if inChild(t) {
		// A goroutine that a collection interrupts before it has blocked
		// may need, and then keeps, a larger stack, so no collection runs
		// until every goroutine is parked: none is triggered while they
		// start, and the two below wait for them.
		debug.SetGCPercent(-1)
		runtime.GC()
		goroutines, made, stack, parked := runtime.NumGoroutine(), metric(created), stackBytes(), metric(waiting)
		start := metric(starting)
		for range leaked {
			go blockForever()
		}
		for metric(waiting)-parked < leaked {
			runtime.Gosched() // the child is bounded by runChild if they never park
		}
		// Two full collections: had the runtime any way to reclaim a
		// goroutine that can never run again, it has had it now.
		runtime.GC()
		runtime.GC()
		fmt.Println(runtime.NumGoroutine()-goroutines, metric(created)-made, stackBytes()-stack, start)
		os.Exit(0) // these goroutines leak on purpose: skip TestMain's check
	}

	var goroutines, made, stack, start int64
	_, err := fmt.Sscan(runChild(t, "a child that starts goroutines and runs two GCs exits"),
		&goroutines, &made, &stack, &start)
	require.NoError(t, err)
	require.Equal(t, int64(leaked), made, "goroutines created, by %s", created)
	require.Equal(t, int64(leaked), goroutines, "goroutines still counted after two GCs")
	want := leaked * heldStack()
	require.InDelta(t, want, stack, slack,
		"%d blocked goroutines hold %d bytes of stack after two GCs (race build: %v); want %d ± %d, %d KiB each",
		leaked, stack, raceEnabled(), want, slack, heldStack()>>10)
	t.Logf("%d goroutines blocked forever hold %.1f MiB of stack after GC, %d bytes each (race build: %v; %s was %d)",
		goroutines, float64(stack)/(1<<20), stack/goroutines, raceEnabled(), starting, start)
}

func TestClosingDoneEndsThemAll(t *testing.T) {
	// Start from a clean slate: goleak also waits for any goroutine of an
	// earlier test that is still on its way out.
	require.NoError(t, goleak.Find())
	goroutines, stack := runtime.NumGoroutine(), stackBytes()

	done := make(chan struct{})
	stop := sync.OnceFunc(func() { close(done) })
	var wg sync.WaitGroup
	t.Cleanup(func() { stop(); wg.Wait() }) // even if an assertion fails
	for range leaked {
		wg.Go(func() { <-done })
	}
	require.Equal(t, leaked, runtime.NumGoroutine()-goroutines, "goroutines alive while blocked on done")
	runtime.GC()
	held := stackBytes() - stack

	watchdog.Within(t, "closing done ends every goroutine blocked on it", func() {
		stop()
		wg.Wait()
	})
	require.NoError(t, goleak.Find(), "goroutines alive after done was closed")
	require.Equal(t, goroutines, runtime.NumGoroutine(), "goroutines after done was closed; want the count before they started")

	// Memory is reported, not asserted. In a process that has run goroutines
	// before, new ones reuse the stacks of ended ones, and freed stacks go
	// back to the runtime's caches first, so the differences depend on what
	// ran earlier. TestLeakedGoroutinesAreNeverCollected measures the price
	// in a fresh process instead.
	runtime.GC()
	t.Logf("%d goroutines blocked on done added %.1f MiB of stack; after close(done) and a GC, %.1f MiB remain added",
		leaked, float64(held)/(1<<20), float64(stackBytes()-stack)/(1<<20))
}
