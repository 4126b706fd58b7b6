package singleflightdemo_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/singleflight"
)

var errBroken = errors.New("broken invariant")

// ending is how a caller's goroutine ended.
type ending struct {
	returned  bool // Do returned
	recovered any  // what a deferred recover got
}

// callAll starts callers goroutines that each call g.Do(key, fn) and
// record how they ended, waits until every one is durably blocked (fn
// must block until release is closed), then closes release and waits for
// them all. It runs inside a bubble.
func callAll(g *singleflight.Group, callers int, fn func() (any, error), release chan struct{}) []ending {
	endings := make([]ending, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() {
			defer func() { endings[i].recovered = recover() }()
			g.Do("k", fn)
			endings[i].returned = true
		})
	}
	synctest.Wait()
	close(release)
	wg.Wait()
	return endings
}

// TestPanicReachesEveryDoCaller proves SF3 for panics with Do: fn's panic is
// recovered in the goroutine that ran it, wrapped in an error that carries
// the panic value and fn's stack, and panicked again in every caller,
// first and waiting alike, with the same error value. The wrapper's type is
// unexported, but Unwrap gives back a panic value that is an error, and its
// text starts with the value, a blank line and the stack. The Group stays
// usable: the next call runs normally.
func TestPanicReachesEveryDoCaller(t *testing.T) {
	bubble(t, "SF3: a panic of the shared call reaches every Do caller", func(t *testing.T) {
		var g singleflight.Group
		var calls atomic.Int32
		release := make(chan struct{})
		endings := callAll(&g, 3, func() (any, error) {
			calls.Add(1)
			<-release
			panic(errBroken)
		}, release)

		require.Equal(t, int32(1), calls.Load(), "executions of fn")
		first := endings[0].recovered
		for i, e := range endings {
			require.False(t, e.returned, "caller %d: Do returned; want it to panic", i)
			require.True(t, e.recovered == first, "caller %d recovered %v; want the same value as caller 0", i, e.recovered)
		}
		err, ok := first.(error)
		require.True(t, ok, "recovered a %T; want an error", first)
		require.Equal(t, "*singleflight.panicError", fmt.Sprintf("%T", err), "type of the recovered value")
		require.ErrorIs(t, err, errBroken, "the wrapper unwraps to the panic value")
		require.True(t, strings.HasPrefix(err.Error(), "broken invariant\n\nruntime/debug.Stack()\n"),
			"Error() = %q...; want the value, a blank line, then the stack without its goroutine line", err.Error()[:60])
		require.Contains(t, err.Error(), "TestPanicReachesEveryDoCaller", "the stack is fn's own")

		v, err, shared := g.Do("k", func() (any, error) { return "fine", nil })
		require.Equal(t, result{"fine", nil, false}, result{v, err, shared}, "the call after the panic")
	})
}

// TestPanicValueThatIsNotAnError proves the other case of SF3's wrapper: a
// panic value that is not an error is still recovered as an error, whose
// text starts with the value and which unwraps to nothing.
func TestPanicValueThatIsNotAnError(t *testing.T) {
	var g singleflight.Group
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		g.Do("k", func() (any, error) { panic("boom") })
	}()
	err, ok := recovered.(error)
	require.True(t, ok, "recovered a %T; want an error", recovered)
	require.True(t, strings.HasPrefix(err.Error(), "boom\n\n"), "Error() = %q...; want it to start with the value and a blank line", err.Error()[:20])
	require.Nil(t, errors.Unwrap(err), "Unwrap of a wrapped string panic")
}

// TestGoexitEndsEveryDoCaller proves SF3 for runtime.Goexit (which
// t.FailNow calls): when fn calls it, the goroutine that ran fn exits, and
// so does every Do caller that waited, without returning and without a
// panic to recover. The key is released, and the next call runs fn again.
func TestGoexitEndsEveryDoCaller(t *testing.T) {
	bubble(t, "SF3: runtime.Goexit in the shared call ends every Do caller", func(t *testing.T) {
		var g singleflight.Group
		var calls atomic.Int32
		release := make(chan struct{})
		endings := callAll(&g, 3, func() (any, error) {
			calls.Add(1)
			<-release
			runtime.Goexit()
			return nil, nil
		}, release)

		require.Equal(t, int32(1), calls.Load(), "executions of fn")
		for i, e := range endings {
			require.Equal(t, ending{}, e, "caller %d: want it neither returned nor panicked", i)
		}

		v, err, shared := g.Do("k", func() (any, error) { return "again", nil })
		require.Equal(t, result{"again", nil, false}, result{v, err, shared}, "the call after the Goexit")
	})
}

// TestGoexitLeavesDoChanWaitersWaiting proves how the pinned version treats
// a DoChan caller when fn calls runtime.Goexit (SF3): nothing is ever sent
// on its channel, so only a timeout ends the wait. The key is released all
// the same, and the next call runs fn again.
func TestGoexitLeavesDoChanWaitersWaiting(t *testing.T) {
	bubble(t, "SF3: after runtime.Goexit in fn, a DoChan caller receives nothing", func(t *testing.T) {
		var g singleflight.Group
		start := time.Now()
		ch := g.DoChan("k", func() (any, error) {
			runtime.Goexit()
			return nil, nil
		})
		select {
		case r := <-ch:
			t.Fatalf("DoChan caller received %+v; want nothing", r)
		case <-time.After(time.Hour):
		}
		require.Equal(t, time.Hour, time.Since(start), "still nothing received at")

		v, err, shared := g.Do("k", func() (any, error) { return "again", nil })
		require.Equal(t, result{"again", nil, false}, result{v, err, shared}, "the call after the Goexit")
	})
}
