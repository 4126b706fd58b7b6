package singleflightdemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/internal/watchdog"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/singleflight"
)

// TestDoChanJoinsBeforeReturning proves the part of SF1 and SF2 the examples
// rely on: DoChan never blocks, and when it returns the caller has already
// joined the call in flight, so a test or example knows it is waiting
// without a synctest bubble.
func TestDoChanJoinsBeforeReturning(t *testing.T) {
	watchdog.Within(t, "SF2: DoChan joins the call in flight before it returns", func() {
		var g singleflight.Group
		work := newGate("value", nil)
		first := g.DoChan("k", work.fn) // starts fn in a goroutine of its own
		second := g.DoChan("k", func() (any, error) {
			return "a second execution", nil
		})
		work.open()
		for name, ch := range map[string]<-chan singleflight.Result{"first": first, "second": second} {
			r := <-ch
			require.Equal(t, singleflight.Result{Val: "value", Shared: true}, r, "%s DoChan caller's result", name)
		}
		require.Equal(t, int32(1), work.calls.Load(), "executions of fn")
	})
}

// TestDoChanStopsWaitingAtTheTimeout proves SF2: a caller selecting on
// DoChan's channel and a context gives up at exactly the context's deadline,
// while the call runs on and delivers at exactly its own end to the caller
// that stayed. The channel is buffered, so the result sent to the caller who
// left does not block the call: it finishes and its goroutine exits (the
// bubble would report it otherwise).
func TestDoChanStopsWaitingAtTheTimeout(t *testing.T) {
	bubble(t, "SF2: a DoChan caller stops waiting at its timeout", func(t *testing.T) {
		var g singleflight.Group
		start := time.Now()
		slow := func() (any, error) {
			time.Sleep(2 * time.Second)
			return "report", nil
		}
		patient := g.DoChan("k", slow)
		impatient := g.DoChan("k", slow)

		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		select {
		case r := <-impatient:
			t.Fatalf("impatient caller got %+v at %v; want it to give up at 1s", r, time.Since(start))
		case <-ctx.Done():
		}
		require.Equal(t, time.Second, time.Since(start), "impatient caller gave up at")
		require.Equal(t, context.DeadlineExceeded, ctx.Err())

		r := <-patient
		require.Equal(t, 2*time.Second, time.Since(start), "patient caller got the result at")
		require.Equal(t, singleflight.Result{Val: "report", Shared: true}, r, "patient caller's result")

		synctest.Wait() // the call's goroutine has exited
		require.Equal(t, 1, len(impatient), "results waiting in the channel nobody reads")
	})
}

// TestDoChanChannelIsNeverClosed proves what SF2's doc says of the channel:
// it receives one Result and is never closed, so a second receive (or a
// range over it) blocks for ever; here it loses to an hour's timer.
func TestDoChanChannelIsNeverClosed(t *testing.T) {
	bubble(t, "SF2: DoChan's channel delivers once and is never closed", func(t *testing.T) {
		var g singleflight.Group
		ch := g.DoChan("k", func() (any, error) { return 1, nil })
		require.Equal(t, singleflight.Result{Val: 1}, <-ch)

		start := time.Now()
		select {
		case r, ok := <-ch:
			t.Fatalf("second receive = %+v, %v; want it to block", r, ok)
		case <-time.After(time.Hour):
		}
		require.Equal(t, time.Hour, time.Since(start), "second receive still blocked after")
	})
}
