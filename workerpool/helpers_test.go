package workerpool_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// bubble runs f in a [testing/synctest] bubble under the watchdog. In the
// bubble a worker blocked for good on a channel, a select or a WaitGroup is
// a deadlock that synctest reports at once. A goroutine stuck on the
// sync.Mutex inside a semaphore.Weighted, or one that spins, is not
// durably blocked: synctest.Wait and fake time would stop, and the
// watchdog then fails the test after [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// seconds turns whole seconds into durations, for instants on the fake
// clock.
func seconds(s ...int) []time.Duration {
	d := make([]time.Duration, len(s))
	for i, n := range s {
		d[i] = time.Duration(n) * time.Second
	}
	return d
}

// requireAllEnded fails the test unless every goroutine started since
// others was recorded with [goleak.IgnoreCurrent] has returned. Called in
// a bubble, goleak's retries sleep on the fake clock and cost no real time.
func requireAllEnded(t *testing.T, others goleak.Option, claim string) {
	t.Helper()
	if err := goleak.Find(others); err != nil {
		require.Fail(t, "goroutines still alive; want every one ended ("+claim+")", err.Error())
	}
}

// recoverPanic calls f and returns what it panicked with, or nil.
func recoverPanic(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}
