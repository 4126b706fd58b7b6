package workerpool_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/workerpool"
	"github.com/stretchr/testify/require"
)

// TestClosingJobsEndsTheWorkers proves WP1's stop signal on the fake
// clock: three workers ranging over jobs finish six 1s jobs at 2s and then
// wait for more, an hour later still; they return at the instant jobs is
// closed, and not before.
func TestClosingJobsEndsTheWorkers(t *testing.T) {
	bubble(t, "workers ranging over jobs return when jobs is closed (WP1)", func(t *testing.T) {
		start := time.Now()
		jobs := make(chan int)
		finished := make([]time.Duration, 6)
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				for i := range jobs {
					time.Sleep(time.Second)
					finished[i] = time.Since(start)
				}
			})
		}
		returned := make(chan time.Duration, 1)
		go func() {
			wg.Wait()
			returned <- time.Since(start)
		}()

		for i := range 6 {
			jobs <- i
		}
		require.Equal(t, time.Second, time.Since(start), "instant the last job was handed out; want 1s, when the first three finished")
		time.Sleep(time.Hour)
		synctest.Wait()
		require.Equal(t, seconds(1, 1, 1, 2, 2, 2), finished, "instants the jobs finished")
		require.Empty(t, returned, "workers returned with jobs still open; want them waiting in range (WP1)")

		closedAt := time.Since(start)
		close(jobs)
		require.Equal(t, closedAt, <-returned, "instant the workers returned; want the instant jobs was closed (WP1)")
	})
}

// TestClosingResultsBeforeTheWorkersReturnPanics shows why WP1's results
// channel is closed by the goroutine that waits for the workers, not by the
// sender of jobs: closed as soon as the last job is sent, it is closed
// under a worker still working, whose send then panics with the runtime's
// exact message. (The worker finishes only after the close, through
// workDone; a close and a send with nothing ordering them would also be a
// data race, which the race detector reports.)
func TestClosingResultsBeforeTheWorkersReturnPanics(t *testing.T) {
	bubble(t, "a worker's send on a results channel closed too early panics (WP1)", func(t *testing.T) {
		jobs := make(chan int)
		results := make(chan int, 1)
		workDone := make(chan struct{}) // the worker's job takes until this closes
		panicked := make(chan any, 1)
		var wg sync.WaitGroup
		wg.Go(func() {
			defer func() { panicked <- recover() }()
			for n := range jobs {
				<-workDone
				results <- n * n
			}
		})

		jobs <- 3
		close(jobs)
		close(results) // wrong: the worker is still working on 3
		close(workDone)
		wg.Wait()

		r := <-panicked
		require.NotNil(t, r, "the worker's send on the closed results did not panic; want a panic (WP1)")
		err, isError := r.(error)
		require.True(t, isError, "panic value %#v is a %T; want a runtime error", r, r)
		require.EqualError(t, err, "send on closed channel", "the worker's panic (WP1)")
	})
}

// pool is the plain pool of Example_workers with indexed jobs: workers
// range over jobs, each result carries its job's index, and results is
// closed once every worker has returned. It returns the results in the
// order they arrived.
func pool(workers int, in []int, f func(int) int) []indexed {
	jobs := make(chan int)
	results := make(chan indexed)
	go func() {
		defer close(jobs)
		for i := range in {
			jobs <- i
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				results <- indexed{i, f(in[i])}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var arrived []indexed
	for r := range results {
		arrived = append(arrived, r)
	}
	return arrived
}

// An indexed result is job i's value.
type indexed struct{ i, v int }

// TestPlainPoolDeliversInCompletionOrder proves that order is not free
// (WP1): for every one of the 24 orders in which four jobs can finish, the
// plain pool delivers their results in exactly that order, so in 23 of
// them the results arrive out of input order. The index each result
// carries puts them back.
func TestPlainPoolDeliversInCompletionOrder(t *testing.T) {
	bubble(t, "the plain pool delivers results as the jobs finish (WP1)", func(t *testing.T) {
		for durations := range permutations(1, 2, 3, 4) {
			// Job i sleeps durations[i] seconds and returns them.
			arrived := pool(4, durations, func(d int) int {
				time.Sleep(time.Duration(d) * time.Second)
				return d
			})

			var values, jobs []int
			for _, r := range arrived {
				values = append(values, r.v)
				jobs = append(jobs, r.i)
			}
			require.Equal(t, []int{1, 2, 3, 4}, values,
				"arrival order of results for durations %v; want the order the jobs finished (WP1)", durations)

			ordered := make([]int, len(arrived))
			for _, r := range arrived {
				ordered[r.i] = r.v
			}
			require.Equal(t, durations, ordered, "results put back by index")
			if !slices.Equal(durations, []int{1, 2, 3, 4}) {
				require.NotEqual(t, []int{0, 1, 2, 3}, jobs,
					"jobs arrived in input order though they finished out of order (durations %v)", durations)
			}
		}
	})
}

// TestMapReturnsResultsInInputOrder proves Map's order (WP1): for every
// order in which four jobs can finish and with one to five workers, result
// i is f's result for input i, and Map returns at the exact instant the
// bound predicts.
func TestMapReturnsResultsInInputOrder(t *testing.T) {
	bubble(t, "Map returns results in input order (WP1)", func(t *testing.T) {
		for durations := range permutations(1, 2, 3, 4) {
			for workers := 1; workers <= 5; workers++ {
				start := time.Now()
				got, err := workerpool.Map(t.Context(), workers, durations,
					func(ctx context.Context, d int) (string, error) {
						time.Sleep(time.Duration(d) * time.Second)
						return fmt.Sprint(d, "s"), nil
					})
				require.NoError(t, err)
				want := make([]string, len(durations))
				for i, d := range durations {
					want[i] = fmt.Sprint(d, "s")
				}
				require.Equal(t, want, got, "Map's results for durations %v on %d workers; want input order (WP1)", durations, workers)
				require.Equal(t, schedule(workers, durations), time.Since(start),
					"instant Map returned for durations %v on %d workers", durations, workers)
			}
		}
	})
}

// schedule returns when jobs of the given durations, in seconds, handed out
// in order to the first free of n workers, have all finished.
func schedule(n int, durations []int) time.Duration {
	free := make([]int, n) // the instant each worker is free again
	end := 0
	for _, d := range durations {
		w := slices.Index(free, slices.Min(free))
		free[w] += d
		end = max(end, free[w])
	}
	return time.Duration(end) * time.Second
}

// permutations yields every ordering of vs.
func permutations(vs ...int) func(yield func([]int) bool) {
	return func(yield func([]int) bool) {
		var permute func(k int) bool
		permute = func(k int) bool {
			if k == len(vs) {
				return yield(slices.Clone(vs))
			}
			for i := k; i < len(vs); i++ {
				vs[k], vs[i] = vs[i], vs[k]
				if !permute(k + 1) {
					return false
				}
				vs[k], vs[i] = vs[i], vs[k]
			}
			return true
		}
		permute(0)
	}
}

// TestMapWithNoInput checks the edge of WP1: no input, no call of f, an
// empty result and no error.
func TestMapWithNoInput(t *testing.T) {
	bubble(t, "Map with no input returns at once", func(t *testing.T) {
		got, err := workerpool.Map(t.Context(), 3, []int(nil), func(ctx context.Context, n int) (int, error) {
			t.Error("f called with no input")
			return n, nil
		})
		require.NoError(t, err)
		require.Equal(t, []int{}, got, "Map's results with no input")
	})
}

// TestMapPanicsWithoutWorkers checks Map's misuse message (WP1): a pool
// needs at least one worker.
func TestMapPanicsWithoutWorkers(t *testing.T) {
	for _, workers := range []int{0, -1} {
		r := recoverPanic(func() {
			_, _ = workerpool.Map(t.Context(), workers, []int{1}, func(ctx context.Context, n int) (int, error) { return n, nil })
		})
		require.Equal(t, fmt.Sprintf("workerpool: Map needs at least 1 worker, got %d", workers), r,
			"Map's panic with %d workers", workers)
	}
}
