package singleflightdemo_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/singleflight"
)

// sleeper returns a function for DoChan that sleeps d on the clock and then
// returns val, counting its executions in calls. The calls run in DoChan's
// goroutines, with nothing ordering one after another, hence the atomic.
func sleeper(calls *atomic.Int32, d time.Duration, val string) func() (any, error) {
	return func() (any, error) {
		calls.Add(1)
		time.Sleep(d)
		return val, nil
	}
}

// TestForgetStartsAfresh proves SF2's Forget: after Forget, the next call
// runs fn again instead of joining the call in flight, which runs on and
// still delivers to the callers that had joined it. When the old call ends
// it removes only itself, so a caller arriving after that joins the new
// call. Every instant is exact on the fake clock.
func TestForgetStartsAfresh(t *testing.T) {
	bubble(t, "SF2: after Forget the next call starts a new execution", func(t *testing.T) {
		var g singleflight.Group
		start := time.Now()
		at := func() time.Duration { return time.Since(start) }
		var calls atomic.Int32

		old := g.DoChan("k", sleeper(&calls, 2*time.Second, "old")) // runs 0s to 2s
		joinedOld := g.DoChan("k", sleeper(&calls, 0, "unused"))

		time.Sleep(time.Second)
		g.Forget("k")
		fresh := g.DoChan("k", sleeper(&calls, 2*time.Second, "new")) // runs 1s to 3s
		joinedFresh := g.DoChan("k", sleeper(&calls, 0, "unused"))

		r := <-old
		require.Equal(t, 2*time.Second, at(), "the forgotten call delivered at")
		require.Equal(t, singleflight.Result{Val: "old", Shared: true}, r, "forgotten call's first caller")
		require.Equal(t, singleflight.Result{Val: "old", Shared: true}, <-joinedOld, "caller that joined before Forget")

		// The old call has ended. It did not delete the new call's entry.
		time.Sleep(500 * time.Millisecond)
		late := g.DoChan("k", sleeper(&calls, 0, "unused"))

		for name, ch := range map[string]<-chan singleflight.Result{
			"first caller after Forget":       fresh,
			"caller that joined it":           joinedFresh,
			"caller after the old call ended": late,
		} {
			require.Equal(t, singleflight.Result{Val: "new", Shared: true}, <-ch, name)
			require.Equal(t, 3*time.Second, at(), "%s got the result at", name)
		}
		require.Equal(t, int32(2), calls.Load(), "executions of fn: one before Forget, one after")
	})
}

// TestWithoutForgetACallerJoinsTheSlowCall is the contrast for SF2's Forget:
// without it, a caller that arrives while a slow call is in flight gets that
// call's result, at that call's end.
func TestWithoutForgetACallerJoinsTheSlowCall(t *testing.T) {
	bubble(t, "SF2: without Forget a later caller joins the call in flight", func(t *testing.T) {
		var g singleflight.Group
		start := time.Now()
		var calls atomic.Int32
		old := g.DoChan("k", sleeper(&calls, 2*time.Second, "old"))
		time.Sleep(time.Second)
		v, err, shared := g.Do("k", sleeper(&calls, 0, "new"))
		require.Equal(t, 2*time.Second, time.Since(start), "Do returned at")
		require.Equal(t, result{"old", nil, true}, result{v, err, shared}, "Do at 1s without Forget")
		require.Equal(t, singleflight.Result{Val: "old", Shared: true}, <-old)
		require.Equal(t, int32(1), calls.Load(), "executions of fn")
	})
}
