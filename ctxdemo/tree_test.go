package ctxdemo_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// newTree builds a tree of contexts of every kind, named as below, and
// returns the nodes and the cancel functions of root and a:
//
//	root (WithCancel)
//	├── a (WithCancel)
//	│   └── a1 (WithCancelCause)
//	├── b (WithTimeout, 1h)
//	│   └── b1 (WithDeadline, 2h: capped at b's 1h)
//	└── c (WithValue)
//	    └── c1 (WithCancel)
func newTree(t *testing.T) (nodes map[string]context.Context, cancelRoot, cancelA context.CancelFunc) {
	type key struct{}
	root, cancelRoot := context.WithCancel(context.Background())
	t.Cleanup(cancelRoot)
	a, cancelA := context.WithCancel(root)
	t.Cleanup(cancelA)
	a1, cancelA1 := context.WithCancelCause(a)
	t.Cleanup(func() { cancelA1(nil) })
	b, cancelB := context.WithTimeout(root, time.Hour)
	t.Cleanup(cancelB)
	b1, cancelB1 := context.WithDeadline(b, time.Now().Add(2*time.Hour))
	t.Cleanup(cancelB1)
	c := context.WithValue(root, key{}, "c")
	c1, cancelC1 := context.WithCancel(c)
	t.Cleanup(cancelC1)
	nodes = map[string]context.Context{"root": root, "a": a, "a1": a1, "b": b, "b1": b1, "c": c, "c1": c1}
	return nodes, cancelRoot, cancelA
}

func TestCancellingAParentCancelsEveryDescendant(t *testing.T) {
	nodes, cancelRoot, _ := newTree(t)
	cancelRoot()
	// No waiting: the whole tree is the context package's own, so cancel
	// returns after every descendant has been cancelled (propagate_test.go
	// shows where that stops being true).
	for name, ctx := range nodes {
		requireErr(t, name+".Err()", ctx.Err(), context.Canceled)
		require.True(t, isClosed(ctx.Done()), "%s.Done() closed", name)
	}
}

func TestCancellingAChildLeavesParentAndSiblingsAlone(t *testing.T) {
	nodes, _, cancelA := newTree(t)
	cancelA()
	for name, ctx := range nodes {
		switch name {
		case "a", "a1": // a and the subtree below it
			requireErr(t, name+".Err()", ctx.Err(), context.Canceled)
		default:
			require.NoError(t, ctx.Err(), "%s.Err() after cancelling a", name)
			require.False(t, isClosed(ctx.Done()), "%s.Done() closed after cancelling a", name)
		}
	}
}

func TestAChildsDeadlineIsNeverLaterThanItsParents(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		parent, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		child, cancelChild := context.WithTimeout(parent, 5*time.Second)
		defer cancelChild()

		d, ok := child.Deadline()
		require.True(t, ok)
		require.Equal(t, start.Add(time.Second), d, "child's Deadline; want its parent's, the earlier one")
		<-child.Done()
		require.Equal(t, time.Second, time.Since(start), "child's Done closed at")
		requireErr(t, "child.Err()", child.Err(), context.DeadlineExceeded)
	})
}

func TestAChildsDeadlineCanBeEarlierThanItsParents(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		parent, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		child, cancelChild := context.WithTimeout(parent, 300*time.Millisecond)
		defer cancelChild()

		d, _ := child.Deadline()
		require.Equal(t, start.Add(300*time.Millisecond), d, "child's Deadline")
		<-child.Done()
		require.Equal(t, 300*time.Millisecond, time.Since(start), "child's Done closed at")
		synctest.Wait() // let anything the child's expiry might set off run
		require.NoError(t, parent.Err(), "the parent outlives its child's deadline")

		<-parent.Done()
		require.Equal(t, time.Second, time.Since(start), "parent's Done closed at")
	})
}

// TestACancelledParentPassesItsCause checks that a descendant learns why
// its ancestor ended, deadline or cause, not only that it did.
func TestACancelledParentPassesItsCause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errShutdown := errors.New("server shutting down")
		parent, cancel := context.WithCancelCause(t.Context())
		child, cancelChild := context.WithTimeout(parent, time.Hour)
		defer cancelChild()

		cancel(errShutdown)
		requireErr(t, "child.Err()", child.Err(), context.Canceled)
		requireErr(t, "context.Cause(child)", context.Cause(child), errShutdown)
	})
}
