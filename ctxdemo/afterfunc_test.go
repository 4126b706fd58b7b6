package ctxdemo_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestAfterFunc(t *testing.T) {
	t.Run("f runs once the context is done, at that instant", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithTimeout(t.Context(), time.Second)
			defer cancel()
			ranAt := make(chan time.Duration, 1)
			context.AfterFunc(ctx, func() { ranAt <- time.Since(start) })
			require.Equal(t, time.Second, <-ranAt, "f ran at")
		})
	})

	t.Run("f runs in a goroutine of its own", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			release := make(chan struct{})
			finished := make(chan struct{})
			context.AfterFunc(ctx, func() {
				<-release
				close(finished)
			})
			// Were f run by cancel itself, this call would never return.
			cancel()
			synctest.Wait()
			require.False(t, isClosed(finished), "f finished before it was released")
			close(release)
			<-finished
		})
	})

	t.Run("stop before the context ends means f never runs", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			ran := false
			stop := context.AfterFunc(ctx, func() { ran = true })
			require.True(t, stop(), "stop() before cancel")
			require.False(t, stop(), "stop() a second time")
			cancel()
			synctest.Wait() // f would have run by now
			require.False(t, ran, "f ran after stop")
		})
	})

	t.Run("stop after f started reports false", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			ran := make(chan struct{})
			stop := context.AfterFunc(ctx, func() { close(ran) })
			cancel()
			<-ran
			require.False(t, stop(), "stop() after f ran")
		})
	})

	t.Run("on a context already done f runs at once", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			ranAt := make(chan time.Duration, 1)
			context.AfterFunc(ctx, func() { ranAt <- time.Since(start) })
			require.Zero(t, <-ranAt, "f ran at")
		})
	})
}
