package ratelimit_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// bubble runs f in a synctest bubble under the watchdog. The bubble's fake
// clock is what makes every instant exact: rate.Limiter reads time.Now and
// waits on a time.Timer, and both are faked. A goroutine waiting in
// Limiter.Wait is durably blocked, since it waits in a select on the
// timer's channel and ctx.Done(), both of the bubble, and the Limiter holds
// its sync.Mutex only while it does arithmetic
// (TestWaitIsDurablyBlocking). Were either false, a waiter would block where
// synctest cannot see it, synctest.Wait would not return and fake time would
// not advance: a hang the bubble cannot report. The watchdog then fails the
// test after [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// A result is what a goroutine reports back to the test goroutine: who it
// is, the instant on the bubble's clock at which its call returned, and the
// error the call returned.
type result struct {
	who string
	at  time.Duration
	err error
}

// tryReceive receives from c if a value is waiting, without blocking.
func tryReceive[T any](c <-chan T) (T, bool) {
	select {
	case v := <-c:
		return v, true
	default:
		var zero T
		return zero, false
	}
}
