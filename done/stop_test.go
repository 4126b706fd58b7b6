package done_test

import (
	"context"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// startWorker starts the child of the package example: a goroutine that
// handles jobs until done is closed, waiting in a select with no default
// case. It counts the turns of its loop, so a test can tell waiting from
// spinning. Its goroutine ends when done is closed; stopped is closed then.
func startWorker(done <-chan struct{}, jobs <-chan string) (handled *[]string, turns *atomic.Int64, stopped <-chan struct{}) {
	handled, turns = new([]string), new(atomic.Int64)
	s := make(chan struct{})
	go func() {
		defer close(s)
		for {
			turns.Add(1)
			select {
			case job := <-jobs:
				*handled = append(*handled, job)
			case <-done:
				return
			}
		}
	}()
	return handled, turns, s
}

func TestParentStopsChildByClosingDone(t *testing.T) {
	bubble(t, "an idle child waits without spinning, and closing done stops it", func(t *testing.T) {
		done, closeDone := newDone(t)
		jobs := make(chan string)
		handled, turns, stopped := startWorker(done, jobs)

		// An idle child waits without spinning. synctest.Wait returns only
		// once the child is durably blocked: a child spinning through an
		// empty default case would never let it return.
		synctest.Wait()
		time.Sleep(time.Hour) // an hour of fake time with nothing to do
		synctest.Wait()
		require.Equal(t, int64(1), turns.Load(), "loop turns while idle; want 1, the turn now waiting")

		// It does one turn per job.
		jobs <- "a"
		jobs <- "b"
		synctest.Wait()
		require.Equal(t, []string{"a", "b"}, *handled)
		require.Equal(t, int64(3), turns.Load(), "loop turns after two jobs")

		// It keeps running until done closes...
		select {
		case <-stopped:
			require.Fail(t, "child stopped before done was closed")
		default:
		}

		// ...and closing done stops it.
		closeDone()
		requireClosed(t, stopped)
		require.Equal(t, []string{"a", "b"}, *handled, "jobs handled after done")
	})
}

func TestCancelStopsChildLikeClosingDone(t *testing.T) {
	bubble(t, "cancel stops the child as closing done does", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		jobs := make(chan string)
		// ctx.Done() is a done channel: the same child works unchanged.
		handled, _, stopped := startWorker(ctx.Done(), jobs)
		jobs <- "a"
		synctest.Wait()
		select {
		case <-stopped:
			require.Fail(t, "child stopped before cancel")
		default:
		}

		cancel()
		requireClosed(t, stopped)
		require.Equal(t, []string{"a"}, *handled)
		require.ErrorIs(t, ctx.Err(), context.Canceled)
	})
}

func TestClosingDoneStopsEveryChild(t *testing.T) {
	bubble(t, "one close(done) stops every child", func(t *testing.T) {
		done, closeDone := newDone(t)
		jobs := make(chan string)
		var stopped []<-chan struct{}
		for range 3 {
			_, _, s := startWorker(done, jobs)
			stopped = append(stopped, s)
		}
		synctest.Wait() // all three are waiting

		closeDone() // one close, seen by every receiver
		for _, s := range stopped {
			requireClosed(t, s)
		}
	})
}
