package timer_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTickerTicksOnASchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()

		for n := 1; n <= 3; n++ {
			tick := <-ticker.C
			want := time.Duration(n) * time.Second
			require.Equal(t, want, at(start), "tick %d received at this instant; want %v", n, want)
			require.Equal(t, want, tick.Sub(start), "tick %d is start+this; want start+%v", n, want)
			// Work that takes less than a period does not shift the
			// schedule: the next tick still comes at a whole second.
			time.Sleep(300 * time.Millisecond)
		}
	})
}

func TestTickerDropsTicksForASlowReceiver(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()

		time.Sleep(3500 * time.Millisecond) // ticks were due at 1s, 2s and 3s
		tick, received := tryReceive(ticker.C)
		require.True(t, received, "no tick waiting after 3.5s; want one")
		require.Equal(t, time.Second, tick.Sub(start), "the waiting tick is start+this; want start+1s, the first one")

		// The ticks of 2s and 3s were dropped, not queued: the next
		// receive waits for the tick of 4s.
		tick = <-ticker.C
		require.Equal(t, 4*time.Second, at(start), "the next tick came at this instant; want 4s")
		require.Equal(t, 4*time.Second, tick.Sub(start), "the next tick is start+this; want start+4s")
	})
}

func TestTickerStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ticker := time.NewTicker(time.Second)
		time.Sleep(1500 * time.Millisecond) // the tick of 1s is waiting
		ticker.Stop()

		// No tick after Stop, not even the one that was waiting, and the
		// channel is not closed (a closed channel would be ready).
		time.Sleep(time.Hour)
		synctest.Wait()
		_, received := tryReceive(ticker.C)
		require.False(t, received, "received from a stopped ticker")

		// C stays open so that Reset can start the ticker again, on the
		// new period counted from the Reset.
		resetAt := time.Now()
		ticker.Reset(2 * time.Second)
		defer ticker.Stop()
		tick := <-ticker.C
		require.Equal(t, 2*time.Second, tick.Sub(resetAt), "the first tick after Stop and Reset(2s) is Reset+this; want Reset+2s")
	})
}

func TestTickerReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		time.Sleep(1500 * time.Millisecond) // the tick of 1s is waiting

		ticker.Reset(10 * time.Second)
		_, received := tryReceive(ticker.C)
		require.False(t, received, "received the tick from before Reset")

		// The new period counts from the Reset at 1.5s.
		tick := <-ticker.C
		require.Equal(t, 11500*time.Millisecond, at(start), "first tick after Reset came at this instant; want 11.5s")
		require.Equal(t, 11500*time.Millisecond, tick.Sub(start), "the tick is start+this; want start+11.5s")
		<-ticker.C
		require.Equal(t, 21500*time.Millisecond, at(start), "second tick after Reset came at this instant; want 21.5s")
	})
}

func TestTickDeliversLikeATicker(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		tick := time.Tick(time.Second)
		for n := 1; n <= 3; n++ {
			<-tick
			want := time.Duration(n) * time.Second
			require.Equal(t, want, at(start), "tick %d came at this instant; want %v", n, want)
		}
	})
}
