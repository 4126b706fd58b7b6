package singleflightdemo_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

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

// TestFirstCallersContextEndsTheCallForAll proves a consequence of SF3: fn
// takes no context, so a fn that uses the context of the caller that
// started it fails when that caller is cancelled, and the error reaches
// every waiter, however much time their own contexts allow. A context
// detached with [context.WithoutCancel], bounded by a timeout of its own,
// keeps the call alive.
func TestFirstCallersContextEndsTheCallForAll(t *testing.T) {
	fetch := func(ctx context.Context) (any, error) {
		select {
		case <-time.After(2 * time.Second):
			return "page", nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	// run starts the call with a context cancelled at 1s, joins it at once,
	// and returns what the second caller got and when.
	run := func(t *testing.T, detach bool) (singleflight.Result, time.Duration) {
		var g singleflight.Group
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Second, cancel)
		defer cancel()
		g.DoChan("k", func() (any, error) {
			if detach {
				ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
				defer cancel()
				return fetch(ctx)
			}
			return fetch(ctx)
		})
		r := <-g.DoChan("k", nil) // joins: nil is never called
		return r, time.Since(start)
	}

	t.Run("the first caller's cancellation fails every waiter", func(t *testing.T) {
		bubble(t, "SF3: cancelling the first caller's context fails the shared call", func(t *testing.T) {
			r, at := run(t, false)
			require.Equal(t, time.Second, at, "second caller's result came at")
			requireSameErr(t, r.Err, context.Canceled, "second caller's error")
			require.True(t, r.Shared)
		})
	})
	t.Run("a detached context lets the call finish", func(t *testing.T) {
		bubble(t, "SF3: a context detached from the first caller keeps the shared call alive", func(t *testing.T) {
			r, at := run(t, true)
			require.Equal(t, 2*time.Second, at, "second caller's result came at")
			require.Equal(t, singleflight.Result{Val: "page", Shared: true}, r, "second caller's result")
		})
	})
}
