package cond_test

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestClosedChannelIsAOneTimeBroadcast proves the first half of CD4: for an
// event that happens once, closing a channel does what Broadcast does with
// less to get wrong. The close wakes every receiver, no lock or flag is
// needed, a receiver that comes after the close passes at once (where a
// Cond's late waiter would wait for a Broadcast that already happened), and
// the receive sits in a select beside a context, so it can give up.
func TestClosedChannelIsAOneTimeBroadcast(t *testing.T) {
	t.Run("close wakes every receiver", func(t *testing.T) {
		bubble(t, "CD4: close wakes every receiver", func(t *testing.T) {
			start := make(chan struct{})
			var passed sync.WaitGroup
			for range 3 {
				passed.Go(func() { <-start })
			}
			synctest.Wait() // all three are blocked on the receive
			close(start)
			passed.Wait()
		})
	})

	t.Run("a receiver after the close passes at once", func(t *testing.T) {
		bubble(t, "CD4: a receive from a closed channel does not block", func(t *testing.T) {
			start := make(chan struct{})
			close(start)
			before := time.Now()
			<-start
			require.Equal(t, time.Duration(0), time.Since(before), "CD4: time the late receive took")
		})
	})

	t.Run("the wait gives up when its context ends", func(t *testing.T) {
		bubble(t, "CD4: a select over the event and ctx.Done returns at the deadline", func(t *testing.T) {
			begin := time.Now()
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			start := make(chan struct{}) // never closed
			var err error
			select {
			case <-start:
			case <-ctx.Done():
				err = ctx.Err()
			}
			require.ErrorIs(t, err, context.DeadlineExceeded, "CD4: why the wait ended")
			require.Equal(t, time.Second, time.Since(begin), "CD4: the wait ended at")
		})
	})
}
