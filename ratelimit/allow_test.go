package ratelimit_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// TestAllowSpendsTheBurstThenRefillsAtTheRate checks RL2's Allow at exact
// instants. A Limiter of rate 4 (one token every 250ms) and burst 3 starts
// full: three events pass at 0s and the fourth is refused. A refused Allow
// takes nothing, so at 250ms exactly one token has come back, and after 10s
// of idleness the bucket holds the burst, 3, not 40.
func TestAllowSpendsTheBurstThenRefillsAtTheRate(t *testing.T) {
	bubble(t, "RL2: Allow answers at once, at every instant", func(t *testing.T) {
		start := time.Now()
		require.Equal(t, rate.Limit(4), rate.Every(250*time.Millisecond), "rate.Every(250ms); want 4 events per second")
		// The trap of a Limit written as an interval: it compiles.
		require.Equal(t, rate.Limit(1e8), rate.Limit(100*time.Millisecond), "rate.Limit(100ms); want 100 million events per second")
		lim := rate.NewLimiter(rate.Every(250*time.Millisecond), 3)
		allow := func(n int) []bool {
			var got []bool
			for range n {
				got = append(got, lim.Allow())
			}
			return got
		}

		require.Equal(t, []bool{true, true, true, false}, allow(4), "Allow at 0s with a full bucket of 3 (RL2)")
		time.Sleep(100 * time.Millisecond)
		require.Equal(t, []bool{false}, allow(1), "Allow at 100ms, 0.4 of a token back (RL2)")
		require.Equal(t, 0.4, lim.Tokens(), "tokens at 100ms; want 0.4, the refused Allows took nothing (RL2)")
		time.Sleep(150 * time.Millisecond)
		require.Equal(t, []bool{true, false}, allow(2), "Allow at 250ms, one token back (RL2)")

		time.Sleep(10 * time.Second)
		require.Equal(t, 3.0, lim.Tokens(), "tokens after 10s idle; want 3, the burst (RL2)")
		require.Equal(t, []bool{true, true, true, false}, allow(4), "Allow after 10s idle (RL2)")
		require.Equal(t, 10250*time.Millisecond, time.Since(start), "fake time at the end; want 10.25s, the test's own sleeps: Allow never waits (RL2)")
	})
}

// TestZeroRateSpendsOnlyTheFirstBurst checks what a zero Limit does in the
// pinned source, which is more than the documentation's "A zero Limit
// allows no events": no token is ever added, but the bucket starts full, so
// NewLimiter(0, 2) allows two events and then none, however long one waits.
func TestZeroRateSpendsOnlyTheFirstBurst(t *testing.T) {
	bubble(t, "RL2: Allow on a zero-rate Limiter answers at once", func(t *testing.T) {
		lim := rate.NewLimiter(0, 2)
		require.True(t, lim.Allow(), "first Allow of NewLimiter(0, 2) (RL2)")
		require.True(t, lim.Allow(), "second Allow of NewLimiter(0, 2) (RL2)")
		require.False(t, lim.Allow(), "third Allow of NewLimiter(0, 2); want false (RL2)")
		time.Sleep(24 * time.Hour)
		require.False(t, lim.Allow(), "Allow a day later; want false, a zero rate never refills (RL2)")
	})
}

// TestZeroBurstAndInf checks RL2's special cases of the burst. A burst of 0
// allows nothing, whatever the rate, and so does the zero Limiter (rate 0,
// burst 0). A rate of Inf ignores the burst altogether: any number of
// events passes at once, even with a burst of 0.
func TestZeroBurstAndInf(t *testing.T) {
	bubble(t, "RL2: Allow with a zero burst or Inf answers at once", func(t *testing.T) {
		start := time.Now()
		require.False(t, rate.NewLimiter(1000, 0).Allow(), "Allow of NewLimiter(1000, 0); want false (RL2)")
		var zero rate.Limiter
		require.False(t, zero.Allow(), "Allow of a zero Limiter; want false (RL2)")
		time.Sleep(time.Hour)
		require.False(t, zero.Allow(), "Allow of a zero Limiter an hour later; want false (RL2)")

		inf := rate.NewLimiter(rate.Inf, 0)
		require.True(t, inf.AllowN(time.Now(), 1_000_000), "AllowN(now, 1e6) of NewLimiter(Inf, 0); want true (RL2)")
		require.True(t, inf.Allow(), "Allow of NewLimiter(Inf, 0) after a million; want true (RL2)")
		require.Equal(t, time.Hour, time.Since(start), "fake time at the end; want 1h, the test's own sleep (RL2)")
	})
}
