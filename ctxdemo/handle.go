package ctxdemo

import (
	"context"
	"sync"
)

// A Worker does one part of a request, such as a call to a backend. Like
// every function downstream of a request, it takes the request's context as
// its first parameter.
//
// A Worker must return promptly once ctx is done, with ctx.Err() or an error
// wrapping it; it can read request-scoped values, such as [RequestID], from
// ctx.
type Worker func(ctx context.Context) (string, error)

// Handle serves one request the way a handler fans out to backends: it runs
// each worker in a goroutine of its own, all sharing a context derived from
// ctx, waits for them all and returns their results in the workers' order.
//
// Handle fails in one of two ways:
//   - if ctx is done (the caller cancelled the request or its deadline
//     passed) by the time the workers have returned, Handle returns ctx.Err();
//   - otherwise, if a worker returned an error, Handle cancels the context
//     of the other workers, so they stop early, and returns the first error
//     that occurred.
//
// Every goroutine Handle starts has returned by the time Handle returns: a
// worker that ignores its context delays Handle, but never leaks.
func Handle(ctx context.Context, workers ...Worker) ([]string, error) {
	// The workers share a child of ctx: cancelling it stops them all
	// without touching the caller's context, and it is cancelled in turn
	// whenever the caller's context is.
	workCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil) // release the child even when every worker succeeds

	results := make([]string, len(workers))
	var wg sync.WaitGroup
	for i, work := range workers {
		wg.Go(func() {
			res, err := work(workCtx)
			if err != nil {
				// The first call records err as the cause and stops
				// the others; later calls do nothing.
				cancel(err)
				return
			}
			results[i] = res // each goroutine writes only its own slot
		})
	}
	wg.Wait()

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := context.Cause(workCtx); err != nil {
		return nil, err
	}
	return results, nil
}
