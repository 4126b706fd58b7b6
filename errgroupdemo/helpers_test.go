package errgroupdemo_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// newGate returns a channel for tasks to block on and a function that
// opens it, closing the channel once however often it is called. The gate
// also opens when the test ends, so a test that fails halfway leaves no
// task blocked behind it, which synctest would otherwise report as a
// deadlock on top of the failure.
func newGate(t *testing.T) (gate <-chan struct{}, open func()) {
	ch := make(chan struct{})
	open = sync.OnceFunc(func() { close(ch) })
	t.Cleanup(open)
	return ch, open
}

// closed reports, without blocking, whether ch has been closed.
func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// inBackground calls f in a new goroutine and returns a channel that is
// closed when f has returned.
func inBackground(f func()) <-chan struct{} {
	returned := make(chan struct{})
	go func() {
		defer close(returned)
		f()
	}()
	return returned
}

// waitInBackground calls wait, a Group's Wait, in a new goroutine. The
// channel it returns delivers wait's error once wait has returned.
func waitInBackground(wait func() error) <-chan error {
	result := make(chan error, 1)
	go func() { result <- wait() }()
	return result
}

// recoverPanic calls f and returns what it panicked with, or nil.
func recoverPanic(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// gauge counts the tasks running at a time and remembers the most it saw.
type gauge struct {
	running, most atomic.Int64
}

// enter counts one more task running.
func (g *gauge) enter() {
	n := g.running.Add(1)
	for {
		m := g.most.Load()
		if n <= m || g.most.CompareAndSwap(m, n) {
			return
		}
	}
}

// leave counts one task fewer.
func (g *gauge) leave() { g.running.Add(-1) }

// seconds turns whole seconds into durations, for instants on the fake
// clock.
func seconds(s ...int) []time.Duration {
	d := make([]time.Duration, len(s))
	for i, n := range s {
		d[i] = time.Duration(n) * time.Second
	}
	return d
}
