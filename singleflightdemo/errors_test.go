package singleflightdemo_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/singleflight"
)

var errDown = errors.New("database is down")

// requireSameErr fails the test unless got is the very error want, not
// another error with the same text. It is meant for the test goroutine only.
func requireSameErr(t *testing.T, got, want error, msgAndArgs ...any) {
	t.Helper()
	if got != want {
		require.Fail(t, fmt.Sprintf("error = %v (%T); want the very value %v (%T)", got, got, want, want), msgAndArgs...)
	}
}

// TestErrorReachesEveryWaiter proves SF3 for errors: the error fn returns
// goes, unchanged, to every caller that waited for the call, by Do and by
// DoChan, and each of them is told the result was shared.
func TestErrorReachesEveryWaiter(t *testing.T) {
	bubble(t, "SF3: an error of the shared call reaches every waiter", func(t *testing.T) {
		var g singleflight.Group
		work := newGate(nil, errDown)
		const callers = 3
		results := make([]result, callers)
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				v, err, shared := g.Do("k", work.fn)
				results[i] = result{v, err, shared}
			})
		}
		synctest.Wait() // one caller in fn, the others waiting for it
		viaChan := g.DoChan("k", work.fn)
		work.open()
		wg.Wait()
		r := <-viaChan

		require.Equal(t, int32(1), work.calls.Load(), "executions of fn")
		for i, r := range results {
			requireSameErr(t, r.err, errDown, "Do caller %d", i)
			require.Nil(t, r.v, "Do caller %d's value", i)
			require.True(t, r.shared, "Do caller %d: shared", i)
		}
		requireSameErr(t, r.Err, errDown)
		require.True(t, r.Shared, "DoChan caller: Shared")
	})
}

// TestErrorIsNotRemembered proves the limit of SF3: a failed call is over
// when it returns, so the next call runs fn again and can succeed.
func TestErrorIsNotRemembered(t *testing.T) {
	var g singleflight.Group
	_, err, _ := g.Do("k", func() (any, error) { return nil, errDown })
	requireSameErr(t, err, errDown)
	v, err, shared := g.Do("k", func() (any, error) { return "back up", nil })
	require.Equal(t, result{"back up", nil, false}, result{v, err, shared}, "the call after a failed one")
}
