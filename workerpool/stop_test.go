package workerpool_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/workerpool"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// A work describes a job of the stop tests: it works for d on the fake
// clock and then succeeds, or fails if fail is set. If honour is set, it
// returns ctx's error as soon as ctx is done; otherwise it ignores ctx.
type work struct {
	d      time.Duration
	fail   bool
	honour bool
}

// An outcome is what run saw: Map's results and error, the instant it
// returned, and the instant each job started, never for a job that did not.
type outcome struct {
	results  []int
	err      error
	returned time.Duration
	started  []time.Duration
}

// run calls Map on jobs with the given workers and parent context. Call i
// records the instant it started in started[i], a slot only it writes.
func run(ctx context.Context, workers int, jobs []work) outcome {
	start := time.Now()
	started := make([]time.Duration, len(jobs))
	for i := range started {
		started[i] = -1
	}
	indexes := make([]int, len(jobs))
	for i := range indexes {
		indexes[i] = i
	}
	results, err := workerpool.Map(ctx, workers, indexes, func(ctx context.Context, i int) (int, error) {
		started[i] = time.Since(start)
		j := jobs[i]
		var done <-chan struct{} // nil: never ready, for a job that ignores ctx
		if j.honour {
			done = ctx.Done()
		}
		select {
		case <-time.After(j.d):
		case <-done:
			return 0, fmt.Errorf("job %d: %w", i, ctx.Err())
		}
		if j.fail {
			return 0, fmt.Errorf("job %d failed", i)
		}
		return i, nil
	})
	return outcome{results, err, time.Since(start), started}
}

// never is the start instant of a job that never started.
const never = -1

// TestMapStopsAtTheFirstError proves WP3 on the fake clock: on two
// workers, job 1 fails at 0.5s while job 0, which ignores its context,
// works on until 5s. Map returns job 1's error at 5s, having waited for
// job 0; jobs 2 to 5 are never started; and every goroutine Map started
// has ended by the time it returns.
func TestMapStopsAtTheFirstError(t *testing.T) {
	bubble(t, "Map stops at the first error and leaves nothing running (WP3)", func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		jobs := []work{
			{d: 5 * time.Second},
			{d: 500 * time.Millisecond, fail: true},
			{d: time.Second}, {d: time.Second}, {d: time.Second}, {d: time.Second},
		}
		o := run(t.Context(), 2, jobs)

		require.EqualError(t, o.err, "job 1 failed", "Map's error; want the first (WP3)")
		require.Nil(t, o.results, "Map's results after a failure")
		require.Equal(t, 5*time.Second, o.returned, "instant Map returned; want 5s, when job 0, which ignores ctx, returned (WP3)")
		require.Equal(t, []time.Duration{0, 0, never, never, never, never}, o.started,
			"instants the jobs started (-1: never); want none after the failure (WP3)")
		requireAllEnded(t, others, "WP3")
	})
}

// TestMapCancelsTheCallsInProgress proves the other half of WP3's first
// error: a running call that honours its context sees it cancelled at the
// instant of the failure, and Map returns then, with the failure, not
// the cancellation that followed it.
func TestMapCancelsTheCallsInProgress(t *testing.T) {
	bubble(t, "Map cancels the calls in progress at the first error (WP3)", func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		jobs := []work{
			{d: time.Hour, honour: true},
			{d: time.Hour, honour: true},
			{d: 2 * time.Second, fail: true},
			{d: time.Hour}, {d: time.Hour},
		}
		o := run(t.Context(), 3, jobs)

		require.EqualError(t, o.err, "job 2 failed", "Map's error; want the failure, not job 0's or 1's cancellation (WP3)")
		require.Equal(t, 2*time.Second, o.returned, "instant Map returned; want the instant of the failure (WP3)")
		require.Equal(t, []time.Duration{0, 0, 0, never, never}, o.started, "instants the jobs started (WP3)")
		requireAllEnded(t, others, "WP3")
	})
}

// TestMapStopsWhenTheContextEnds proves WP3 for cancellation from outside:
// ten 1s jobs on two workers under a 2.5s timeout. Jobs 0 to 5 start in
// waves at 0s, 1s and 2s; at 2.5s jobs 4 and 5 see the deadline and
// return; Map returns then with context.DeadlineExceeded; jobs 6 to 9 never
// start and nothing is left running.
func TestMapStopsWhenTheContextEnds(t *testing.T) {
	bubble(t, "Map stops when its context ends and leaves nothing running (WP3)", func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
		defer cancel()
		jobs := make([]work, 10)
		for i := range jobs {
			jobs[i] = work{d: time.Second, honour: true}
		}
		o := run(ctx, 2, jobs)

		require.ErrorIs(t, o.err, context.DeadlineExceeded, "Map's error (WP3)")
		require.Equal(t, 2500*time.Millisecond, o.returned, "instant Map returned; want the deadline (WP3)")
		require.Equal(t, append(seconds(0, 0, 1, 1, 2, 2), never, never, never, never), o.started,
			"instants the jobs started (-1: never) (WP3)")
		requireAllEnded(t, others, "WP3")
	})
}

// TestMapReturnsTheCallersCause checks which error Map returns when the
// caller cancels with a cause (WP3): the cause, since it ended the work
// before the calls returned their errors.
func TestMapReturnsTheCallersCause(t *testing.T) {
	bubble(t, "Map returns the caller's cause (WP3)", func(t *testing.T) {
		errShutdown := errors.New("shutting down")
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		time.AfterFunc(time.Second, func() { cancel(errShutdown) })

		o := run(ctx, 1, []work{{d: time.Hour, honour: true}, {d: time.Hour}})
		require.Equal(t, errShutdown, o.err, "Map's error; want the caller's cause (WP3)")
		require.Equal(t, time.Second, o.returned, "instant Map returned")
		require.Equal(t, []time.Duration{0, never}, o.started, "instants the jobs started (WP3)")
	})
}

// TestMapWithADoneContextStartsNothing proves the worker's check behind
// WP3. With ctx already done, the feeder's select has two ready cases
// whenever a worker waits to receive, sending a job or seeing ctx done,
// and picks one at random, so jobs can still be handed out; the worker's
// check of ctx before f keeps every one of them from starting. The test
// samples: it calls Map 200 times, and without the check a job would be
// handed out, and f called, in about half of them.
func TestMapWithADoneContextStartsNothing(t *testing.T) {
	bubble(t, "Map with a done context starts nothing (WP3)", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		var calls atomic.Int64
		for range 200 {
			_, err := workerpool.Map(ctx, 4, []int{0, 1, 2, 3, 4, 5, 6, 7}, func(ctx context.Context, i int) (int, error) {
				calls.Add(1)
				return i, nil
			})
			require.Equal(t, context.Canceled, err, "Map's error with a done context (WP3)")
		}
		require.Zero(t, calls.Load(), "calls of f in 200 runs of Map with a done context; want none (WP3)")
	})
}

// TestAPlainSendFeederLeaks shows the feeder WP3 must not have: one that
// sends with a plain jobs <- i, to two workers that stop at the first error.
// Job 1 fails at once; at 1s the other worker finishes job 0, takes job 2,
// sees the failure and returns; and goleak finds the feeder blocked for
// good sending job 3. (The test then takes the rest of the jobs
// itself, so the feeder can end.)
func TestAPlainSendFeederLeaks(t *testing.T) {
	bubble(t, "a plain-send feeder blocks for good once the workers stop (WP3)", func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		jobs := make(chan int)
		go func() {
			defer close(jobs)
			for i := range 6 {
				jobs <- i // no way out when nobody receives
			}
		}()
		failed := make(chan struct{}) // closed by job 1, which fails
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				for i := range jobs {
					select {
					case <-failed:
						return // stop at the first error
					default:
					}
					if i == 1 {
						close(failed)
						return
					}
					time.Sleep(time.Second)
				}
			})
		}
		wg.Wait()
		synctest.Wait()

		err := goleak.Find(others)
		require.Error(t, err, "goleak found no goroutine left; want the feeder blocked in its send (WP3)")
		require.Contains(t, err.Error(), "in state chan send", "goleak's report; want a goroutine blocked in a send (WP3)")
		require.Contains(t, err.Error(), "TestAPlainSendFeederLeaks", "goleak's report; want the feeder (WP3)")

		for range jobs { // take the rest, so the feeder can end
		}
		requireAllEnded(t, others, "the feeder ends once its jobs are taken")
	})
}
