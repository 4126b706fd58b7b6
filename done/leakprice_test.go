package done_test

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

const (
	// leaked is how many goroutines the tests below leave blocked: enough
	// for the price to show plainly, few enough to start in milliseconds
	// even under the race detector.
	leaked = 1_000

	// minStack is the smallest stack the runtime gives a new goroutine,
	// 2 KiB; a race-enabled build starts them at twice that.
	minStack = 2 << 10

	// slack is stack memory the runtime may already hold, cached and free,
	// when a measurement starts; new goroutines reuse it without growing
	// the total. The runtime caches up to 32 KiB of each stack size per P.
	slack = 256 << 10
)

// stackBytes returns the memory the runtime holds for goroutine stacks.
func stackBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/stacks:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// blockForever waits on a channel that nothing else can reach: no send, no
// receive and no close can ever reach it, so it never returns.
func blockForever() {
	<-make(chan struct{})
}

func TestLeakedGoroutinesAreNeverCollected(t *testing.T) {
	if inChild(t) {
		runtime.GC()
		goroutines, stack := runtime.NumGoroutine(), stackBytes()
		for range leaked {
			go blockForever()
		}
		// Two full collections: had the runtime any way to reclaim a
		// goroutine that can never run again, it has had it now.
		runtime.GC()
		runtime.GC()
		fmt.Println(runtime.NumGoroutine()-goroutines, stackBytes()-stack)
		os.Exit(0) // these goroutines leak on purpose: skip TestMain's check
	}

	var goroutines int
	var stack int64
	_, err := fmt.Sscan(runChild(t), &goroutines, &stack)
	require.NoError(t, err)
	require.Equal(t, leaked, goroutines, "goroutines still counted after two GCs")
	require.GreaterOrEqual(t, stack, int64(leaked*minStack-slack), "stack bytes they still hold")
	t.Logf("%d goroutines blocked forever hold %.1f MiB of stack after GC, %d bytes each",
		goroutines, float64(stack)/(1<<20), stack/int64(goroutines))
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

	stop()
	wg.Wait()
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
