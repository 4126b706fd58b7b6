package done_test

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// bubble runs f in a [testing/synctest] bubble, under the watchdog. Inside
// the bubble a goroutine that blocks for good on a channel, a select or a
// WaitGroup is a deadlock that synctest reports at once. A goroutine that
// spins instead, as a stage or a child would if its select gained an empty
// default case, keeps synctest.Wait and the bubble from ever returning,
// and fake time never advances; [watchdog.Within] ends that after
// [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// The helpers below run inside a synctest bubble. There goleak's retries,
// which sleep between attempts while it still sees extra goroutines, sleep
// on the bubble's fake clock: finding a leak that is really there costs no
// real time, instead of about half a second of real sleeping.

// leakReport returns goleak's report of the goroutines alive now that were
// not alive when others was recorded with [goleak.IgnoreCurrent], or "" if
// there are none.
func leakReport(others goleak.Option) string {
	if err := goleak.Find(others); err != nil {
		return err.Error()
	}
	return ""
}

// requireAllEnded fails the test unless every goroutine started since others
// was recorded has returned.
func requireAllEnded(t *testing.T, others goleak.Option) {
	t.Helper()
	require.Empty(t, leakReport(others), "goroutines still alive; want all of them ended")
}

// requireBlockedIn fails the test unless goleak reports a goroutine started
// since others was recorded whose stack contains fn, blocked in state (for
// example "chan send").
func requireBlockedIn(t *testing.T, others goleak.Option, fn, state string) {
	t.Helper()
	report := leakReport(others)
	require.Contains(t, report, fn, "goleak report lacks the blocked goroutine")
	require.Contains(t, report, "in state "+state, "goleak report lacks the blocked state")
}

// requireClosed fails the test unless c is closed once every goroutine of
// the bubble has blocked or returned: a receive must report closed at once,
// without a value.
func requireClosed[T any](t *testing.T, c <-chan T) {
	t.Helper()
	synctest.Wait()
	select {
	case v, ok := <-c:
		require.False(t, ok, "received %v; want the channel closed", v)
	default:
		require.Fail(t, "channel still open and empty; want it closed")
	}
}

// collect reads c until it is closed and returns what it received.
func collect[T any](c <-chan T) []T {
	var got []T
	for v := range c {
		got = append(got, v)
	}
	return got
}

// newDone returns a done channel and a function that closes it. The channel
// is also closed when the test ends, so that a test failing halfway does not
// leave goroutines blocked in its bubble and turn the failure into a panic.
func newDone(t *testing.T) (done <-chan struct{}, stop func()) {
	c := make(chan struct{})
	stop = sync.OnceFunc(func() { close(c) })
	t.Cleanup(stop)
	return c, stop
}
