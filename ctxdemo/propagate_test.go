package ctxdemo_test

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// ownCtx is a Context of a type of one's own, as a library might write: it
// ends when its end method is called, with a Done channel that no context
// of the context package knows. It has no deadline and no values.
// (Embedding a context.Context would give it those methods, but it would
// also be a struct keeping a context, which convention_test.go forbids.)
//
// If hold is not nil, Err waits for hold to be closed once Done is closed.
// The goroutine that the context package starts to watch an ownCtx calls
// Err right after Done closes, so hold freezes that goroutine between
// waking and cancelling the child, and lets a test look at that moment.
type ownCtx struct {
	done chan struct{}
	hold chan struct{}
}

func newOwnCtx() *ownCtx {
	return &ownCtx{done: make(chan struct{})}
}

func (c *ownCtx) end() { close(c.done) }

func (c *ownCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *ownCtx) Done() <-chan struct{}       { return c.done }
func (c *ownCtx) Value(key any) any           { return nil }

func (c *ownCtx) Err() error {
	if !isClosed(c.done) {
		return nil
	}
	if c.hold != nil {
		<-c.hold
	}
	return context.Canceled
}

// hookedCtx is an ownCtx with an AfterFunc method. The context package
// hands that method the function that cancels a child, instead of starting
// a goroutine; this one keeps the functions, for the test to call.
type hookedCtx struct {
	*ownCtx
	registered []func()
	stopped    int // calls of the stop functions it returned
}

func (c *hookedCtx) AfterFunc(f func()) (stop func() bool) {
	c.registered = append(c.registered, f)
	return func() bool {
		c.stopped++
		return true
	}
}

// watchers counts the goroutines that the context package started to
// watch a parent of another type: the stack of each says it was "created
// by context.(*cancelCtx).propagateCancel", on Go 1.26 and 1.27 alike.
func watchers() int {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "created by context.(*cancelCtx).propagateCancel")
		}
		buf = make([]byte, 2*len(buf))
	}
}

// TestCancelReachesThePackagesDescendantsBeforeItReturns checks the
// synchronous half of cancellation: every descendant that the context
// package made, through contexts it made, is done when cancel returns,
// with no goroutine involved; only an AfterFunc function runs later.
func TestCancelReachesThePackagesDescendantsBeforeItReturns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type key struct{}
		start := time.Now()
		before := watchers()

		root, cancel := context.WithCancel(t.Context())
		defer cancel()
		value := context.WithValue(root, key{}, "v")
		timeout, cancelTimeout := context.WithTimeout(value, time.Hour)
		defer cancelTimeout()
		cause, cancelCause := context.WithCancelCause(timeout)
		defer cancelCause(nil)
		// A type of one's own that embeds a context and passes Done and
		// Value through to it counts as the context it wraps.
		wrapped := struct{ context.Context }{cause}
		leaf, cancelLeaf := context.WithCancel(wrapped)
		defer cancelLeaf()
		// A detached branch is not a descendant for cancellation.
		detached, cancelDetached := context.WithCancel(context.WithoutCancel(root))
		defer cancelDetached()

		release := make(chan struct{})
		finished := make(chan struct{})
		context.AfterFunc(leaf, func() {
			<-release
			close(finished)
		})
		require.Equal(t, before, watchers(), "goroutines watching a parent, for a tree the context package made")

		cancel()
		// No synctest.Wait, no receive: cancel itself did all of this.
		for name, ctx := range map[string]context.Context{"value": value, "timeout": timeout, "cause": cause, "leaf": leaf} {
			requireErr(t, name+".Err() as cancel returned", ctx.Err(), context.Canceled)
			require.True(t, isClosed(ctx.Done()), "%s.Done() closed as cancel returned", name)
		}
		require.NoError(t, detached.Err(), "the detached branch's Err()")

		// The AfterFunc function was started in a goroutine of its own:
		// cancel returned although it cannot finish until released.
		synctest.Wait()
		require.False(t, isClosed(finished), "the AfterFunc function finished before it was released")
		close(release)
		<-finished
		require.Zero(t, time.Since(start), "all of it happened at the instant of cancel")
	})
}

// TestCancelReachesAChildOfAnotherTypeThroughAGoroutine checks the
// asynchronous half: a child whose parent is a Context of another type is
// cancelled by a goroutine that the context package starts, not by the
// parent.
func TestCancelReachesAChildOfAnotherTypeThroughAGoroutine(t *testing.T) {
	t.Run("a goroutine watches the parent until the child is cancelled", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			before := watchers()
			child, cancelChild := context.WithCancel(newOwnCtx())
			defer cancelChild()
			require.Equal(t, before+1, watchers(), "goroutines watching a parent, after WithCancel on an ownCtx")

			// It stays while both live: a forgotten cancel leaks it.
			time.Sleep(time.Hour)
			require.Equal(t, before+1, watchers(), "goroutines watching a parent, an hour later")

			cancelChild()
			synctest.Wait() // the watcher saw the child's Done close and returned
			require.Equal(t, before, watchers(), "goroutines watching a parent, after the child's cancel")
			requireErr(t, "child.Err()", child.Err(), context.Canceled)
		})
	})

	t.Run("the child ends only when that goroutine runs", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			before := watchers()
			parent := newOwnCtx()
			parent.hold = make(chan struct{})
			child, cancelChild := context.WithCancel(parent)
			defer cancelChild()
			grandchild, cancelGrandchild := context.WithTimeout(child, time.Hour)
			defer cancelGrandchild()

			parent.end()
			synctest.Wait() // the watcher woke and waits in parent.Err
			require.NoError(t, child.Err(), "child.Err() after its parent ended, before the watcher cancelled it")
			require.False(t, isClosed(child.Done()), "child.Done() closed before the watcher cancelled it")
			require.NoError(t, grandchild.Err(), "grandchild.Err() before the watcher cancelled the child")

			close(parent.hold)
			synctest.Wait()
			requireErr(t, "child.Err() once the watcher ran", child.Err(), context.Canceled)
			// Below the child, the package's own rule holds again.
			requireErr(t, "grandchild.Err() once the watcher ran", grandchild.Err(), context.Canceled)
			require.Equal(t, before, watchers(), "goroutines watching a parent, after the parent ended")
		})
	})

	t.Run("a parent with an AfterFunc method is handed the child's cancellation", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			before := watchers()
			parent := &hookedCtx{ownCtx: newOwnCtx()}
			early, cancelEarly := context.WithCancel(parent)
			child, cancelChild := context.WithCancel(parent)
			defer cancelChild()
			require.Equal(t, before, watchers(), "goroutines watching a parent with an AfterFunc method")
			require.Len(t, parent.registered, 2, "functions registered with the parent's AfterFunc")

			// A child's own cancel withdraws its registration.
			cancelEarly()
			requireErr(t, "early.Err()", early.Err(), context.Canceled)
			require.Equal(t, 1, parent.stopped, "stop calls after one child's cancel")

			// The package relies on the method entirely: until the parent
			// calls what it was given, its end does not reach the child.
			parent.end()
			synctest.Wait()
			require.NoError(t, child.Err(), "child.Err() after the parent ended, before it called the function")
			parent.registered[1]()
			requireErr(t, "child.Err() once the parent called the function", child.Err(), context.Canceled)
		})
	})
}
