package singleflightdemo_test

import (
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// bubble runs f in a synctest bubble under the watchdog. Inside the bubble a
// caller waiting in Do is durably blocked (it waits on a WaitGroup whose Add
// ran in the bubble), so synctest.Wait returns once every caller has joined.
// Group's own Mutex is not durably blocking: were a future singleflight to
// park its waiters on a Mutex, synctest.Wait would never return, a hang
// synctest cannot report; the watchdog fails the test after
// [watchdog.Limit], naming claim.
func bubble(t *testing.T, claim string, f func(t *testing.T)) {
	t.Helper()
	watchdog.Within(t, claim, func() { synctest.Test(t, f) })
}

// result is what one call of Do returned.
type result struct {
	v      any
	err    error
	shared bool
}

// gate is a function for Do that counts its executions and blocks until the
// test opens the gate, so that the test decides when the call ends.
type gate struct {
	calls   atomic.Int32 // how many times fn has started
	release chan struct{}
	val     any
	err     error
}

func newGate(val any, err error) *gate {
	return &gate{release: make(chan struct{}), val: val, err: err}
}

func (g *gate) fn() (any, error) {
	g.calls.Add(1)
	<-g.release
	return g.val, g.err
}

func (g *gate) open() { close(g.release) }
