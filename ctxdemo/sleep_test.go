package ctxdemo_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/ctxdemo"
)

func TestSleep(t *testing.T) {
	t.Run("a full pause returns nil", func(t *testing.T) {
		bubble(t, "a full pause returns nil", func(t *testing.T) {
			start := time.Now()
			require.NoError(t, ctxdemo.Sleep(t.Context(), 2*time.Second))
			require.Equal(t, 2*time.Second, time.Since(start), "Sleep returned at")
		})
	})

	t.Run("cancel cuts the pause short", func(t *testing.T) {
		bubble(t, "cancel cuts the pause short", func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			time.AfterFunc(700*time.Millisecond, cancel)
			requireErr(t, "Sleep", ctxdemo.Sleep(ctx, time.Hour), context.Canceled)
			require.Equal(t, 700*time.Millisecond, time.Since(start), "Sleep returned at")
		})
	})

	t.Run("a deadline cuts the pause short", func(t *testing.T) {
		bubble(t, "a deadline cuts the pause short", func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			requireErr(t, "Sleep", ctxdemo.Sleep(ctx, time.Hour), context.DeadlineExceeded)
			require.Equal(t, time.Second, time.Since(start), "Sleep returned at")
		})
	})

	t.Run("a context already done returns at once, even for a zero pause", func(t *testing.T) {
		bubble(t, "a context already done returns at once, even for a zero pause", func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			requireErr(t, "Sleep", ctxdemo.Sleep(ctx, 0), context.Canceled)
			requireErr(t, "Sleep", ctxdemo.Sleep(ctx, time.Hour), context.Canceled)
			require.Zero(t, time.Since(start), "Sleep returned at")
		})
	})
}
