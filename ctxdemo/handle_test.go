package ctxdemo_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/ctxdemo"
)

// An ending records when, on the bubble's fake clock, a worker returned and
// with which error.
type ending struct {
	at  time.Duration
	err error
}

// slowWorker returns a worker that answers result after d, unless its
// context is done first; it records how it ended in *end. Handle reads
// nothing a worker writes, and the test reads *end only after Handle has
// returned, when every worker has.
func slowWorker(start time.Time, d time.Duration, result string, end *ending) ctxdemo.Worker {
	return func(ctx context.Context) (string, error) {
		err := ctxdemo.Sleep(ctx, d)
		*end = ending{time.Since(start), err}
		if err != nil {
			return "", err
		}
		return result, nil
	}
}

func requireEnding(t *testing.T, name string, got, want ending) {
	t.Helper()
	require.Equal(t, want.at, got.at, "%s returned at %v; want %v", name, got.at, want.at)
	requireErr(t, name+" error", got.err, want.err)
}

func TestHandleRunsWorkersConcurrentlyAndKeepsTheirOrder(t *testing.T) {
	bubble(t, "Handle runs its workers at once and returns when the slowest has", func(t *testing.T) {
		start := time.Now()
		ends := make([]ending, 3)
		results, err := ctxdemo.Handle(t.Context(),
			slowWorker(start, 3*time.Second, "a", &ends[0]),
			slowWorker(start, 1*time.Second, "b", &ends[1]),
			slowWorker(start, 2*time.Second, "c", &ends[2]),
		)
		require.NoError(t, err)
		require.Equal(t, []string{"a", "b", "c"}, results, "results in the workers' order, not in the order they finished")
		// One after the other, the workers would take 6s.
		require.Equal(t, 3*time.Second, time.Since(start), "Handle returned at; want the slowest worker's time")
	})
}

func TestHandleCarriesValuesAndTheDeadlineIntoEveryWorker(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ctx := ctxdemo.WithRequestID(t.Context(), "req-1")
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()

		type seen struct {
			id          string
			hasID       bool
			deadline    time.Time
			hasDeadline bool
		}
		got := make([]seen, 3)
		worker := func(i int) ctxdemo.Worker {
			return func(ctx context.Context) (string, error) {
				// This runs in a goroutine Handle started.
				id, ok := ctxdemo.RequestID(ctx)
				d, hasD := ctx.Deadline()
				got[i] = seen{id, ok, d, hasD}
				return id, nil
			}
		}
		_, err := ctxdemo.Handle(ctx, worker(0), worker(1), worker(2))
		require.NoError(t, err)
		want := seen{"req-1", true, start.Add(time.Second), true}
		for i, g := range got {
			require.Equal(t, want, g, "what worker %d saw of the request's context", i)
		}
	})
}

func TestHandleCancelStopsEveryWorkerAndReturnsErr(t *testing.T) {
	bubble(t, "cancelling the request stops every worker at that instant", func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		// The caller gives up after 250ms, as a server does when its
		// client disconnects.
		time.AfterFunc(250*time.Millisecond, cancel)

		ends := make([]ending, 3)
		results, err := ctxdemo.Handle(ctx,
			slowWorker(start, time.Hour, "a", &ends[0]),
			slowWorker(start, time.Hour, "b", &ends[1]),
			slowWorker(start, time.Hour, "c", &ends[2]),
		)
		requireErr(t, "Handle error", err, context.Canceled)
		require.Nil(t, results)
		require.Equal(t, 250*time.Millisecond, time.Since(start), "Handle returned at")
		for i, e := range ends {
			requireEnding(t, fmt.Sprintf("worker %d", i), e, ending{250 * time.Millisecond, context.Canceled})
		}
	})
}

func TestHandleDeadlineStopsTheSlowWorkers(t *testing.T) {
	bubble(t, "the request's deadline stops the slow workers", func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		defer cancel()

		ends := make([]ending, 3)
		_, err := ctxdemo.Handle(ctx,
			slowWorker(start, 1*time.Second, "fast", &ends[0]),
			slowWorker(start, 3*time.Second, "slow", &ends[1]),
			slowWorker(start, 5*time.Second, "slower", &ends[2]),
		)
		requireErr(t, "Handle error", err, context.DeadlineExceeded)
		require.Equal(t, 2*time.Second, time.Since(start), "Handle returned at")
		requireEnding(t, "fast worker", ends[0], ending{1 * time.Second, nil})
		requireEnding(t, "slow worker", ends[1], ending{2 * time.Second, context.DeadlineExceeded})
		requireEnding(t, "slower worker", ends[2], ending{2 * time.Second, context.DeadlineExceeded})
	})
}

func TestHandleFailingWorkerCancelsTheOthers(t *testing.T) {
	bubble(t, "a failing worker stops the others", func(t *testing.T) {
		start := time.Now()
		errBackend := errors.New("backend down")
		failing := func(ctx context.Context) (string, error) {
			if err := ctxdemo.Sleep(ctx, time.Second); err != nil {
				return "", err
			}
			return "", errBackend
		}
		ends := make([]ending, 2)
		_, err := ctxdemo.Handle(t.Context(),
			slowWorker(start, time.Hour, "a", &ends[0]),
			failing,
			slowWorker(start, time.Hour, "b", &ends[1]),
		)
		requireErr(t, "Handle error", err, errBackend)
		require.Equal(t, time.Second, time.Since(start), "Handle returned at")
		// The others saw their shared context cancelled, not the failure
		// itself: Err is always Canceled or DeadlineExceeded.
		for _, e := range ends {
			requireEnding(t, "waiting worker", e, ending{time.Second, context.Canceled})
		}
		require.NoError(t, t.Context().Err(), "the caller's context is not cancelled by a worker's failure")
	})
}

func TestHandleWaitsForWorkersThatIgnoreTheirContext(t *testing.T) {
	bubble(t, "Handle returns once the workers that ignore their context finish", func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		time.AfterFunc(time.Second, cancel)

		// A context only asks: a worker that never looks at it runs on.
		var finished atomic.Int32
		stubborn := func(context.Context) (string, error) {
			time.Sleep(5 * time.Second)
			finished.Add(1)
			return "late", nil
		}
		_, err := ctxdemo.Handle(ctx, stubborn, stubborn)
		requireErr(t, "Handle error", err, context.Canceled)
		require.Equal(t, 5*time.Second, time.Since(start), "Handle returned at; want when the stubborn workers finished")
		require.Equal(t, int32(2), finished.Load(), "workers finished before Handle returned")
	})
}

func TestHandleOnACancelledRequestReturnsAtOnce(t *testing.T) {
	bubble(t, "Handle on a cancelled request returns at once", func(t *testing.T) {
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		cancel()

		ends := make([]ending, 2)
		_, err := ctxdemo.Handle(ctx,
			slowWorker(start, time.Hour, "a", &ends[0]),
			slowWorker(start, time.Hour, "b", &ends[1]),
		)
		requireErr(t, "Handle error", err, context.Canceled)
		require.Zero(t, time.Since(start), "Handle returned at")
		for _, e := range ends {
			requireEnding(t, "worker", e, ending{0, context.Canceled})
		}
	})
}

func TestHandleWithoutWorkersSucceeds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) { // a Handle stuck waiting is a deadlock here
		results, err := ctxdemo.Handle(t.Context())
		require.NoError(t, err)
		require.Empty(t, results)
	})
}
