package cond_test

import (
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// bubble runs f in a synctest bubble under the watchdog. A goroutine in
// [sync.Cond.Wait] is durably blocked, so a wait that is never woken ends
// in synctest's deadlock report at once; but Wait re-locks c.L before it
// returns, and a goroutine blocked on a [sync.Mutex] is not durably
// blocked. Should a broken claim leave one stuck there, synctest.Wait and
// the bubble would hang unseen; the watchdog then fails the test after
// [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// isClosed reports whether ch is closed, with one receive that never
// blocks.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
