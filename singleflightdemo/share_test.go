package singleflightdemo_test

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/singleflight"
)

// answer is a value whose address tells the callers' results apart: callers
// that share an execution get the very same pointer.
type answer struct{ n int }

// TestConcurrentDoCallsShareOneExecution proves SF1: Do calls with one key
// that arrive while a call is in flight wait for it instead of running fn,
// all of them get its result, the same value and not a copy, and shared is
// true for every one of them, the first caller included.
func TestConcurrentDoCallsShareOneExecution(t *testing.T) {
	bubble(t, "SF1: concurrent Do calls with one key share one execution", func(t *testing.T) {
		var g singleflight.Group
		want := &answer{42}
		work := newGate(want, nil)

		const callers = 5
		results := make([]result, callers)
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				v, err, shared := g.Do("k", work.fn)
				results[i] = result{v, err, shared}
			})
		}
		// Every caller is now durably blocked: one in fn, on the gate, and
		// the others in Do, waiting for that call. None can still be on its
		// way in.
		synctest.Wait()
		require.Equal(t, int32(1), work.calls.Load(), "executions of fn with %d callers waiting", callers)

		work.open()
		wg.Wait()
		require.Equal(t, int32(1), work.calls.Load(), "executions of fn for %d concurrent callers", callers)
		for i, r := range results {
			require.NoError(t, r.err, "caller %d", i)
			require.Same(t, want, r.v, "caller %d got a value other than fn's own", i)
			require.True(t, r.shared, "caller %d: shared = false; want true, %d callers got one result", i, callers)
		}
	})
}

// TestLoneDoCallIsNotShared proves the other half of SF1: shared is false
// when nobody joined the call, so it reports sharing, not the key.
func TestLoneDoCallIsNotShared(t *testing.T) {
	var g singleflight.Group
	v, err, shared := g.Do("k", func() (any, error) { return "alone", nil })
	require.NoError(t, err)
	require.Equal(t, "alone", v)
	require.False(t, shared, "shared for a call nobody joined")
}

// TestDoIsNotACache proves a limit of SF1: sharing lasts only while the call
// is in flight. A Do that starts after the previous call returned runs fn
// again and gets the new result.
func TestDoIsNotACache(t *testing.T) {
	var g singleflight.Group
	calls := 0
	fn := func() (any, error) {
		calls++
		return calls, nil
	}
	for want := 1; want <= 3; want++ {
		v, err, shared := g.Do("k", fn)
		require.NoError(t, err)
		require.Equal(t, want, v, "call %d after the earlier ones returned", want)
		require.False(t, shared, "call %d shared", want)
	}
}

// TestDifferentKeysRunConcurrently proves that SF1's sharing is per key: two
// keys in flight at once run two executions, and neither is shared.
func TestDifferentKeysRunConcurrently(t *testing.T) {
	bubble(t, "SF1: calls with different keys do not wait for each other", func(t *testing.T) {
		var g singleflight.Group
		a, b := newGate("a", nil), newGate("b", nil)
		results := make([]result, 2)
		var wg sync.WaitGroup
		for i, work := range []*gate{a, b} {
			wg.Go(func() {
				v, err, shared := g.Do(work.val.(string), work.fn)
				results[i] = result{v, err, shared}
			})
		}
		synctest.Wait()
		require.Equal(t, []int32{1, 1}, []int32{a.calls.Load(), b.calls.Load()}, "executions in flight for keys a and b")

		a.open()
		b.open()
		wg.Wait()
		require.Equal(t, []result{{"a", nil, false}, {"b", nil, false}}, results)
	})
}
