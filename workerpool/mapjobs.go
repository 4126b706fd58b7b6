package workerpool

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// Map calls f on every element of in, with at most workers calls running at
// once, and returns the results in the order of in: result i is f's result
// for in[i], however the calls overlap and whichever finishes first.
//
// Map starts a fixed pool: one feeder goroutine that sends the index of each
// element on an unbuffered jobs channel, in input order, and min(workers,
// len(in)) worker goroutines that range over that channel, call f, and
// write each result into its own slot of the returned slice.
//
// f gets a context derived from ctx. If a call of f returns an error, Map
// cancels that context, with the first such error as its cause, and stops:
// the feeder sends no more jobs, and a worker that receives a job once the
// context is done returns without calling f. Calls of f already running are not
// interrupted; they see the cancelled context and should return early. The
// same happens when ctx itself is done before every job has succeeded.
//
// Map returns only after the feeder and every worker have returned, so
// every call of f has returned and nothing Map started is left running. It
// returns the results and a nil error if every call of f succeeded.
// Otherwise it returns nil and what ended the work first: the first error
// a call of f returned, or, if ctx was done first, [context.Cause] of ctx,
// which is ctx.Err() unless ctx was given a cause, as
// [context.WithCancelCause] allows.
//
// Map panics if workers is less than 1. A panic in f is not recovered: like
// any panic in a goroutine, it ends the program.
func Map[T, R any](ctx context.Context, workers int, in []T, f func(context.Context, T) (R, error)) ([]R, error) {
	if workers < 1 {
		panic(fmt.Sprintf("workerpool: Map needs at least 1 worker, got %d", workers))
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil) // release the context's resources on every path

	// The feeder is the only sender on jobs, so it alone may close it, and
	// it does so as it returns: the workers' range loops end when jobs is
	// closed and drained.
	jobs := make(chan int)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(jobs)
		for i := range in {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	})

	results := make([]R, len(in))
	var succeeded atomic.Int64
	for range min(workers, len(in)) {
		wg.Go(func() {
			for i := range jobs {
				// The feeder's select picks at random when a worker is
				// waiting and ctx is done, so it may still send a job
				// after the first error. This check is what keeps that
				// job from starting.
				if ctx.Err() != nil {
					return
				}
				r, err := f(ctx, in[i])
				if err != nil {
					cancel(err) // only the first cancel sets the cause
					return
				}
				results[i] = r // slot i is written by this call alone
				succeeded.Add(1)
			}
		})
	}
	// A worker returns early only once ctx is done; the feeder then stops
	// and closes jobs, so the range loops of the others end too.
	wg.Wait()

	if succeeded.Load() == int64(len(in)) {
		return results, nil
	}
	return nil, context.Cause(ctx)
}
