package ratelimit_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// TestWaitIsDurablyBlocking checks what every Wait test here relies on: a
// goroutine waiting in Limiter.Wait counts as durably blocked inside a
// synctest bubble, so synctest.Wait returns and fake time advances while it
// waits. In golang.org/x/time v0.16.0, wait takes the Limiter's mutex to
// read the burst and the rate, releases it, reserves a token under the
// mutex again (reserveN unlocks by defer before it returns), and only then
// waits, in a select on ctx.Done() and the channel of a time.Timer it
// starts itself. With the bubble's t.Context() both channels belong to the
// bubble; with context.Background, Done is nil and the select leaves it
// out. A second goroutine calling Allow meanwhile is not held up.
func TestWaitIsDurablyBlocking(t *testing.T) {
	for _, c := range []struct {
		name string
		ctx  func(t *testing.T) context.Context
	}{
		{"with the bubble's t.Context()", func(t *testing.T) context.Context { return t.Context() }},
		{"with context.Background, whose Done is nil", func(*testing.T) context.Context { return context.Background() }},
	} {
		t.Run(c.name, func(t *testing.T) {
			bubble(t, "RL2: a goroutine waiting in Limiter.Wait is durably blocked in a synctest bubble", func(t *testing.T) {
				start := time.Now()
				lim := rate.NewLimiter(rate.Every(time.Hour), 1)
				require.True(t, lim.Allow(), "Allow of a fresh Limiter with burst 1")
				done := make(chan result, 1)
				go func() {
					err := lim.Wait(c.ctx(t))
					done <- result{"waiter", time.Since(start), err}
				}()
				synctest.Wait() // returns only once the waiter is durably blocked
				_, ok := tryReceive(done)
				require.False(t, ok, "Wait on an empty Limiter returned at once; want it waiting (RL2)")
				require.False(t, lim.Allow(), "Allow while Wait waits; want false at once, the waiter holds no lock (RL2)")

				r := <-done
				require.NoError(t, r.err, "Wait on an empty Limiter of one token an hour (RL2)")
				require.Equal(t, time.Hour, r.at, "Wait returned at this instant; want 1h, when the token was due (RL2)")
			})
		})
	}
}

// TestWaitPacesToTheRateAfterTheBurst checks RL2's Wait at exact instants:
// five goroutines call Wait at once on a Limiter of rate 1 and burst 2. The
// bucket's two tokens let two return at 0s; each of the others reserves the
// next token as it comes, so they return at 1s, 2s and 3s. Which goroutine
// gets which instant is up to the scheduler; the instants are not.
func TestWaitPacesToTheRateAfterTheBurst(t *testing.T) {
	bubble(t, "RL2: five Waits on a Limiter of rate 1 and burst 2 return", func(t *testing.T) {
		start := time.Now()
		lim := rate.NewLimiter(1, 2)
		done := make(chan result, 5)
		for i := range 5 {
			go func() {
				err := lim.Wait(t.Context())
				done <- result{fmt.Sprint("waiter ", i), time.Since(start), err}
			}()
		}
		var got []time.Duration
		for range 5 {
			r := <-done
			require.NoError(t, r.err, "%s: Wait (RL2)", r.who)
			got = append(got, r.at)
		}
		slices.Sort(got)
		want := []time.Duration{0, 0, time.Second, 2 * time.Second, 3 * time.Second}
		require.Equal(t, want, got, "the instants at which five Waits returned, sorted (RL2)")
	})
}

// TestWaitNWaitsForNTokens checks RL2's WaitN: it waits until n tokens are
// there at once. After a Limiter of rate 2 and burst 4 is emptied, WaitN(3)
// returns at 1.5s, when the third token has come. The limiter computes in
// float64 seconds and truncates to the nanosecond, so an interval that is
// not a whole number of nanoseconds shows: at rate 3, successive Waits
// return at 333.333333ms, 666.666666ms and 1s.
func TestWaitNWaitsForNTokens(t *testing.T) {
	bubble(t, "RL2: WaitN returns when n tokens have come", func(t *testing.T) {
		start := time.Now()
		lim := rate.NewLimiter(2, 4)
		require.True(t, lim.AllowN(time.Now(), 4), "AllowN(now, 4) of a full bucket of 4")
		require.NoError(t, lim.WaitN(t.Context(), 3), "WaitN(3) (RL2)")
		require.Equal(t, 1500*time.Millisecond, time.Since(start), "WaitN(3) at rate 2 returned at this instant; want 1.5s (RL2)")

		lim = rate.NewLimiter(3, 1)
		require.True(t, lim.Allow(), "Allow of a fresh Limiter(3, 1)")
		start = time.Now()
		var got []time.Duration
		for range 3 {
			require.NoError(t, lim.Wait(t.Context()), "Wait at rate 3 (RL2)")
			got = append(got, time.Since(start))
		}
		want := []time.Duration{333333333 * time.Nanosecond, 666666666 * time.Nanosecond, time.Second}
		require.Equal(t, want, got, "the instants of three Waits at rate 3 (RL2)")
	})
}

// TestWaitFailsAtOnce checks RL2's immediate errors, with the exact texts
// of golang.org/x/time v0.16.0. Each failure returns without the fake
// clock moving, and takes no token: the limiter is left as it was. A rate
// of Inf, which skips the burst check, is the one success here.
func TestWaitFailsAtOnce(t *testing.T) {
	t.Run("n exceeds the burst", func(t *testing.T) {
		bubble(t, "RL2: WaitN(4) on a burst of 3 returns", func(t *testing.T) {
			start := time.Now()
			lim := rate.NewLimiter(1, 3)
			err := lim.WaitN(t.Context(), 4)
			require.EqualError(t, err, "rate: Wait(n=4) exceeds limiter's burst 3", "WaitN(4) on a Limiter(1, 3) (RL2)")
			require.Zero(t, time.Since(start), "WaitN(4) on a burst of 3 returned after this long; want at once (RL2)")
			require.Equal(t, 3.0, lim.Tokens(), "tokens after the failed WaitN; want 3, it took none (RL2)")
		})
	})

	t.Run("the burst is checked first, then the context", func(t *testing.T) {
		bubble(t, "RL2: Wait with a context already done returns", func(t *testing.T) {
			start := time.Now()
			lim := rate.NewLimiter(1, 3)
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			require.EqualError(t, lim.WaitN(ctx, 4), "rate: Wait(n=4) exceeds limiter's burst 3", "WaitN(4) on a burst of 3 with a cancelled ctx: want the burst error (RL2)")
			require.Equal(t, context.Canceled, lim.WaitN(ctx, 3), "WaitN(3) on a full burst of 3 with a cancelled ctx: want ctx.Err(), even with the tokens there (RL2)")
			late, cancelLate := context.WithDeadline(t.Context(), start.Add(-time.Second))
			defer cancelLate()
			require.Equal(t, context.DeadlineExceeded, lim.Wait(late), "Wait with a deadline already past: want ctx.Err(), not the limiter's deadline error (RL2)")
			require.Equal(t, 3.0, lim.Tokens(), "tokens after the three failures; want 3 (RL2)")
			require.Zero(t, time.Since(start), "the failed Waits took this long; want no time (RL2)")
		})
	})

	t.Run("a zero burst fails every Wait, unless the rate is Inf", func(t *testing.T) {
		bubble(t, "RL2: Wait on a zero burst returns", func(t *testing.T) {
			start := time.Now()
			require.EqualError(t, rate.NewLimiter(1000, 0).Wait(t.Context()), "rate: Wait(n=1) exceeds limiter's burst 0", "Wait on a Limiter(1000, 0) (RL2)")
			var zero rate.Limiter
			require.EqualError(t, zero.Wait(t.Context()), "rate: Wait(n=1) exceeds limiter's burst 0", "Wait on a zero Limiter (RL2)")
			require.NoError(t, rate.NewLimiter(rate.Inf, 0).WaitN(t.Context(), 1000), "WaitN(1000) on a Limiter(Inf, 0) (RL2)")
			require.Zero(t, time.Since(start), "the Waits took this long; want no time (RL2)")
		})
	})

	t.Run("the token would come after the deadline", func(t *testing.T) {
		bubble(t, "RL2: Wait with a deadline before the next token returns", func(t *testing.T) {
			start := time.Now()
			lim := rate.NewLimiter(1, 1)
			require.True(t, lim.Allow(), "Allow of a fresh Limiter(1, 1)")
			ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
			defer cancel()
			err := lim.Wait(ctx)
			require.EqualError(t, err, "rate: Wait(n=1) would exceed context deadline", "Wait for a token due at 1s with a deadline at 0.5s (RL2)")
			require.Zero(t, time.Since(start), "Wait returned after this long; want at once, not at the deadline (RL2)")
			require.NoError(t, ctx.Err(), "ctx.Err() after the failed Wait; want nil, the deadline has not passed (RL2)")
			require.False(t, errors.Is(err, context.DeadlineExceeded), "errors.Is(%v, context.DeadlineExceeded) = true; want false, the error is the limiter's own (RL2)", err)

			// Nothing was reserved: a Wait without a deadline gets the
			// token of 1s, not one of 2s.
			require.NoError(t, lim.Wait(t.Context()), "Wait without a deadline (RL2)")
			require.Equal(t, time.Second, time.Since(start), "Wait after the failed one returned at this instant; want 1s (RL2)")
		})
	})

	t.Run("a zero rate with a deadline", func(t *testing.T) {
		bubble(t, "RL2: Wait on an empty Limiter of rate 0 with a deadline returns", func(t *testing.T) {
			start := time.Now()
			lim := rate.NewLimiter(0, 1)
			require.True(t, lim.Allow(), "Allow of a fresh Limiter(0, 1)")
			ctx, cancel := context.WithTimeout(t.Context(), 24*time.Hour)
			defer cancel()
			require.EqualError(t, lim.Wait(ctx), "rate: Wait(n=1) would exceed context deadline", "Wait on an empty Limiter of rate 0 with a deadline in a day (RL2)")
			require.Zero(t, time.Since(start), "Wait returned after this long; want at once (RL2)")
		})
	})
}

// TestWaitWithoutDeadlineOnZeroRateWaitsForCtx checks the case that has no
// immediate error: with no deadline, Wait on an empty Limiter of rate 0
// reserves a token InfDuration away and waits for ctx, however long that
// takes. It returns ctx.Err() when ctx is cancelled, here after a day.
func TestWaitWithoutDeadlineOnZeroRateWaitsForCtx(t *testing.T) {
	bubble(t, "RL2: Wait on an empty Limiter of rate 0 returns when ctx is cancelled", func(t *testing.T) {
		start := time.Now()
		lim := rate.NewLimiter(0, 1)
		require.True(t, lim.Allow(), "Allow of a fresh Limiter(0, 1)")
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan result, 1)
		go func() {
			err := lim.Wait(ctx)
			done <- result{"waiter", time.Since(start), err}
		}()
		time.Sleep(24 * time.Hour)
		synctest.Wait()
		_, ok := tryReceive(done)
		require.False(t, ok, "Wait on an empty Limiter of rate 0 returned within a day; want it waiting (RL2)")
		cancel()
		r := <-done
		require.Equal(t, result{"waiter", 24 * time.Hour, context.Canceled}, r, "Wait cancelled after a day (RL2)")
	})
}

// TestCancelledWaitGivesItsTokenBack checks RL2's Wait on cancellation: a
// Wait whose context is cancelled while it waits returns ctx.Err() at that
// instant and cancels its reservation, so the token it had reserved goes
// to the next caller. On a Limiter of rate 1 and burst 1, emptied at 0s,
// a Wait cancelled at 0.5s gives back the token of 1s, and a Wait called
// at 0.5s gets it at 1s, not at 2s.
func TestCancelledWaitGivesItsTokenBack(t *testing.T) {
	bubble(t, "RL2: a cancelled Wait and the Wait after it return", func(t *testing.T) {
		start := time.Now()
		lim := rate.NewLimiter(1, 1)
		require.True(t, lim.Allow(), "Allow of a fresh Limiter(1, 1)")
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan result, 1)
		go func() {
			err := lim.Wait(ctx)
			done <- result{"cancelled", time.Since(start), err}
		}()
		time.Sleep(500 * time.Millisecond)
		cancel()
		r := <-done
		require.Equal(t, result{"cancelled", 500 * time.Millisecond, context.Canceled}, r, "the Wait cancelled at 0.5s (RL2)")

		require.NoError(t, lim.Wait(t.Context()), "Wait after the cancelled one (RL2)")
		require.Equal(t, time.Second, time.Since(start), "the next Wait returned at this instant; want 1s, the token the cancelled Wait gave back (RL2)")
	})
}
