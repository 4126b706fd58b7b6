package semaphoredemo_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// bubble runs f in a synctest bubble under the watchdog. A goroutine waiting
// in Weighted.Acquire is durably blocked only while every channel of its
// select belongs to the bubble (TestAcquireWaitIsDurablyBlocking); a
// goroutine stuck on the semaphore's internal sync.Mutex never is. If either
// broke, synctest.Wait would not return and fake time would not advance, a
// hang the bubble cannot report; the watchdog then fails the test after
// [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// A result is what a goroutine reports back to the test goroutine: who it
// is, the instant on the bubble's clock its call returned, and the error.
type result struct {
	who string
	at  time.Duration
	err error
}

// tryReceive receives a result from c if one is waiting, without blocking.
func tryReceive(c <-chan result) (result, bool) {
	select {
	case r := <-c:
		return r, true
	default:
		return result{}, false
	}
}
