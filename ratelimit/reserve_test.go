package ratelimit_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// TestReserveTakesTheTokenNow checks RL2's Reserve at exact instants: it
// never refuses a request within the burst and never waits. It takes the
// next token at once, even one that comes in the future, and its Delay
// says how long the caller must wait before acting. On a Limiter of rate 4
// and burst 2, five Reserves at 0s must wait 0, 0, 250ms, 500ms and 750ms.
// Delay counts down as time passes, and while tokens are reserved ahead,
// Allow is refused.
func TestReserveTakesTheTokenNow(t *testing.T) {
	bubble(t, "RL2: Reserve answers at once", func(t *testing.T) {
		start := time.Now()
		lim := rate.NewLimiter(rate.Every(250*time.Millisecond), 2)
		var rs []*rate.Reservation
		var delays []time.Duration
		for range 5 {
			r := lim.Reserve()
			require.True(t, r.OK(), "Reserve within the burst: want OK (RL2)")
			rs = append(rs, r)
			delays = append(delays, r.Delay())
		}
		want := []time.Duration{0, 0, 250 * time.Millisecond, 500 * time.Millisecond, 750 * time.Millisecond}
		require.Equal(t, want, delays, "the Delays of five Reserves at 0s on a Limiter of rate 4 and burst 2 (RL2)")
		require.Zero(t, time.Since(start), "fake time after five Reserves; want none: Reserve never waits (RL2)")

		time.Sleep(300 * time.Millisecond)
		require.Equal(t, []time.Duration{0, 200 * time.Millisecond, 450 * time.Millisecond},
			[]time.Duration{rs[2].Delay(), rs[3].Delay(), rs[4].Delay()},
			"the Delays of the last three reservations at 300ms (RL2)")
		require.False(t, lim.Allow(), "Allow at 300ms with tokens reserved up to 750ms; want false (RL2)")
	})
}

// TestReservationCancel checks RL2's Cancel, in the three cases the pinned
// source tells apart, on a Limiter of rate 1 and burst 1 emptied at 0s.
func TestReservationCancel(t *testing.T) {
	t.Run("the latest reservation gives its token back", func(t *testing.T) {
		bubble(t, "RL2: Cancel of the latest reservation returns", func(t *testing.T) {
			lim := rate.NewLimiter(1, 1)
			require.True(t, lim.Allow(), "Allow of a fresh Limiter(1, 1)")
			r := lim.Reserve()
			require.Equal(t, time.Second, r.Delay(), "Delay of the first reservation at 0s")
			r.Cancel()
			require.Equal(t, time.Second, lim.Reserve().Delay(), "Delay of a reservation after Cancel; want 1s again, not 2s (RL2)")
		})
	})

	t.Run("an earlier reservation gives back nothing a later one builds on", func(t *testing.T) {
		bubble(t, "RL2: Cancel of an earlier reservation returns", func(t *testing.T) {
			lim := rate.NewLimiter(1, 1)
			require.True(t, lim.Allow(), "Allow of a fresh Limiter(1, 1)")
			first := lim.Reserve()  // the token of 1s
			second := lim.Reserve() // the token of 2s
			require.Equal(t, []time.Duration{time.Second, 2 * time.Second}, []time.Duration{first.Delay(), second.Delay()}, "Delays of two reservations at 0s")
			first.Cancel()
			require.Equal(t, 3*time.Second, lim.Reserve().Delay(), "Delay of a reservation after cancelling the first of two; want 3s: the second was counted from the first's token, so none comes back (RL2)")
		})
	})

	t.Run("a reservation whose time has come gives back nothing", func(t *testing.T) {
		bubble(t, "RL2: a late Cancel returns", func(t *testing.T) {
			lim := rate.NewLimiter(1, 1)
			require.True(t, lim.Allow(), "Allow of a fresh Limiter(1, 1)")
			r := lim.Reserve() // the token of 1s
			time.Sleep(1500 * time.Millisecond)
			r.Cancel() // too late: the token was due at 1s
			require.Equal(t, 0.5, lim.Tokens(), "tokens at 1.5s after a late Cancel; want 0.5, nothing given back (RL2)")
			require.False(t, lim.Allow(), "Allow at 1.5s after a late Cancel; want false (RL2)")
		})
	})
}

// TestReserveBeyondTheBurstIsNotOK checks RL2's one refusal by Reserve: n
// beyond the burst. The Reservation is not OK, its Delay is InfDuration,
// Cancel does nothing, and no token was taken.
func TestReserveBeyondTheBurstIsNotOK(t *testing.T) {
	bubble(t, "RL2: ReserveN beyond the burst returns", func(t *testing.T) {
		lim := rate.NewLimiter(1, 2)
		r := lim.ReserveN(time.Now(), 3)
		require.False(t, r.OK(), "ReserveN(now, 3) on a burst of 2: want not OK (RL2)")
		require.Equal(t, rate.InfDuration, r.Delay(), "Delay of a Reservation that is not OK (RL2)")
		r.Cancel()
		require.Equal(t, 2.0, lim.Tokens(), "tokens after the refused ReserveN and its Cancel; want 2, untouched (RL2)")
	})
}

// TestZeroRateReservationIsOKYetNeverDue checks a trap of the pinned
// source: OK does not mean the token will ever come. On an empty Limiter
// of rate 0, Reserve reports OK, since n is within the burst, and its
// Delay is InfDuration, about 292 years: sleeping for Delay would hang.
// Check Delay, or use Wait with a deadline, which fails at once.
func TestZeroRateReservationIsOKYetNeverDue(t *testing.T) {
	bubble(t, "RL2: Reserve on an empty zero-rate Limiter returns", func(t *testing.T) {
		lim := rate.NewLimiter(0, 1)
		require.True(t, lim.Allow(), "Allow of a fresh Limiter(0, 1)")
		r := lim.Reserve()
		require.True(t, r.OK(), "Reserve on an empty Limiter of rate 0: OK (RL2)")
		require.Equal(t, rate.InfDuration, r.Delay(), "Delay of that reservation; want InfDuration (RL2)")
	})
}
