package ratelimit_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/goprimer/concurrency/ratelimit"
	"github.com/stretchr/testify/require"
)

// TestTokensAllowABurstThenOnePerInterval checks RL1's token channel at
// exact instants. Tokens(ctx, 3, 1s) starts full, so five events taken at
// once go at 0s, 0s, 0s, 1s and 2s. Then the caller is idle: refills at 3s,
// 4s and 5s fill the channel, and the ticks of 6s to 10s find it full and
// are dropped. At 10.5s the caller has saved up exactly one burst, three
// events at once, and the fourth waits for the tick of 11s.
func TestTokensAllowABurstThenOnePerInterval(t *testing.T) {
	bubble(t, "RL1: events taking tokens from Tokens(ctx, 3, 1s) go through", func(t *testing.T) {
		start := time.Now()
		tokens := ratelimit.Tokens(t.Context(), 3, time.Second)
		require.Equal(t, 3, len(tokens), "tokens in the channel when Tokens returns; want a full burst (RL1)")
		take := func(n int) []time.Duration {
			var at []time.Duration
			for range n {
				<-tokens
				at = append(at, time.Since(start))
			}
			return at
		}

		want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second}
		require.Equal(t, want, take(5), "the instants of five events, one token each (RL1)")

		time.Sleep(8500 * time.Millisecond) // idle until 10.5s
		require.Equal(t, 3, len(tokens), "tokens saved up after 8.5s idle; want 3, the burst: refills that find it full are dropped (RL1)")
		want = []time.Duration{10500 * time.Millisecond, 10500 * time.Millisecond, 10500 * time.Millisecond, 11 * time.Second}
		require.Equal(t, want, take(4), "the instants of four events after the idle time (RL1)")
	})
}

// TestTokensStopWhenCtxIsDone checks RL1's ending: once ctx is done the
// refilling goroutine stops its ticker and returns. No token comes after
// the cancel, the ones left stay usable, and the bubble can end: had the
// goroutine kept running, synctest.Test would panic that the bubble's
// goroutines are blocked after the test function returned, and goleak
// would report the leak.
func TestTokensStopWhenCtxIsDone(t *testing.T) {
	bubble(t, "RL1: the refilling goroutine of Tokens returns when ctx is done", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		tokens := ratelimit.Tokens(ctx, 2, time.Second)
		<-tokens
		<-tokens
		time.Sleep(1500 * time.Millisecond) // the tick of 1s refilled one
		cancel()
		time.Sleep(time.Hour)
		synctest.Wait()
		require.Equal(t, 1, len(tokens), "tokens an hour after cancel; want 1, the one refilled before it (RL1)")
		_, ok := tryReceive(tokens)
		require.True(t, ok, "receive of the token left after cancel; want it to succeed (RL1)")
		_, ok = tryReceive(tokens)
		require.False(t, ok, "a second receive after cancel succeeded; want the channel empty and open (RL1)")
	})
}

// TestTokensPanicsOnBadArguments checks the misuse messages of RL1's
// Tokens: a burst below 1 or a non-positive interval is a bug, reported at
// the call, before any goroutine starts (goleak would report one).
func TestTokensPanicsOnBadArguments(t *testing.T) {
	ctx := t.Context()
	require.PanicsWithValue(t, "ratelimit: Tokens with burst < 1", func() { ratelimit.Tokens(ctx, 0, time.Second) }, "Tokens(ctx, 0, 1s)")
	require.PanicsWithValue(t, "ratelimit: Tokens with burst < 1", func() { ratelimit.Tokens(ctx, -1, time.Second) }, "Tokens(ctx, -1, 1s)")
	require.PanicsWithValue(t, "ratelimit: Tokens with interval <= 0", func() { ratelimit.Tokens(ctx, 1, 0) }, "Tokens(ctx, 1, 0)")
	require.PanicsWithValue(t, "ratelimit: Tokens with interval <= 0", func() { ratelimit.Tokens(ctx, 1, -time.Second) }, "Tokens(ctx, 1, -1s)")
}
