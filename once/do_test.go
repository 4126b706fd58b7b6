package once_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestDoRunsFOnceForConcurrentCallers proves O1 inside the test process: ten
// goroutines call Do at once, each with an f of its own; exactly one f runs,
// no Do has returned while it runs, and every caller reads what f wrote
// without a lock. Under -race the detector also checks that last part: the
// return from f is synchronized before the return of every Do.
// TestDoWaitsForFInAnotherGoroutine proves the waiting without timing.
func TestDoRunsFOnceForConcurrentCallers(t *testing.T) {
	const callers = 10
	var (
		once     sync.Once
		runs     atomic.Int32
		ranBy    = -1 // written by f only
		entered  = make(chan struct{})
		release  = make(chan struct{})
		returned = make(chan int, callers) // ranBy as each caller saw it after Do
		wg       sync.WaitGroup
	)
	for i := range callers {
		wg.Go(func() {
			once.Do(func() {
				if runs.Add(1) == 1 {
					close(entered)
				}
				<-release
				ranBy = i
			})
			returned <- ranBy
		})
	}
	watchdog.Within(t, "O1: one caller's f starts", func() { <-entered })
	// f is blocked on release. The other callers may or may not have
	// reached Do yet; either way none may have got past it.
	select {
	case got := <-returned:
		t.Fatalf("a Do returned while f was still running, seeing ranBy = %d (O1)", got)
	default:
	}
	close(release)
	watchdog.Within(t, "O1: every Do returns once f has returned", wg.Wait)
	close(returned)

	require.Equal(t, int32(1), runs.Load(), "calls of f among %d concurrent Do calls (O1)", callers)
	require.GreaterOrEqual(t, ranBy, 0, "ranBy after every Do returned; f should have set it")
	n := 0
	for got := range returned {
		n++
		require.Equal(t, ranBy, got, "ranBy as a caller saw it after Do returned; want f's write (O1)")
	}
	require.Equal(t, callers, n, "callers whose Do returned")
}

// TestDoIgnoresLaterFunctions checks the first half of O1 in sequence: once
// f has run, Do never calls another function, however many times it is
// called and whatever function it is given.
func TestDoIgnoresLaterFunctions(t *testing.T) {
	var once sync.Once
	var calls []string
	once.Do(func() { calls = append(calls, "first") })
	once.Do(func() { calls = append(calls, "second") })
	for range 3 {
		once.Do(func() { calls = append(calls, "later") })
	}
	require.Equal(t, []string{"first"}, calls, "functions Do called (O1)")
}
