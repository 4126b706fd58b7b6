package ctxdemo_test

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// bubble runs f in a synctest bubble under the watchdog. A goroutine that
// spins instead of blocking (a worker whose select gains an empty default
// case, say) keeps fake time from advancing and synctest.Wait from
// returning, a hang that synctest cannot report; the watchdog fails the
// test after [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// isClosed reports whether ch is closed, with one receive that never
// blocks: a nil channel, or one still open, reports false.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// requireErr fails the test unless got is exactly want: the same error
// value, not a different error with the same text nor one that wraps it.
// It is meant for the test goroutine only.
func requireErr(t *testing.T, what string, got, want error) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %v (%T); want %v (%T)", what, got, got, want, want)
	}
}

// startWorker starts the worker of the article's context programs, rewritten
// to block on Done instead of spinning. The returned function waits for the
// worker and reports how long after start it stopped and the Err it saw.
func startWorker(ctx context.Context, start time.Time) (stopped func() (time.Duration, error)) {
	var stoppedAt time.Duration
	var err error
	var wg sync.WaitGroup
	wg.Go(func() {
		<-ctx.Done()
		stoppedAt, err = time.Since(start), ctx.Err()
	})
	return func() (time.Duration, error) {
		wg.Wait()
		return stoppedAt, err
	}
}
