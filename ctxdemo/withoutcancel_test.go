package ctxdemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWithoutCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type key struct{}
		start := time.Now()
		parent, cancel := context.WithTimeout(context.WithValue(t.Context(), key{}, "req-1"), time.Second)
		defer cancel()
		detached := context.WithoutCancel(parent)

		<-parent.Done()
		synctest.Wait() // anything the parent's end set off has run

		require.Nil(t, detached.Done(), "Done(): nil, like Background's")
		require.NoError(t, detached.Err(), "Err() after the parent's deadline")
		require.NoError(t, context.Cause(detached))
		_, ok := detached.Deadline()
		require.False(t, ok, "the parent's deadline is not inherited")
		require.Equal(t, "req-1", detached.Value(key{}), "values are inherited")

		// A detached context can start a tree of its own, with its own
		// deadline counted from now.
		cleanup, cancelCleanup := context.WithTimeout(detached, 500*time.Millisecond)
		defer cancelCleanup()
		<-cleanup.Done()
		require.Equal(t, 1500*time.Millisecond, time.Since(start), "the detached child's deadline passed at")
	})
}
