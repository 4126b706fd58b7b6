package timer_test

import (
	"runtime"
	"testing"
	"testing/synctest"
	"time"
	"weak"

	"github.com/stretchr/testify/require"
)

// A weak pointer does not keep its object alive: after a full collection,
// Value returns nil exactly when nothing else referenced the object.

//go:noinline
func abandonedTimer() weak.Pointer[time.Timer] {
	return weak.Make(time.NewTimer(time.Hour))
}

//go:noinline
func abandonedTicker() weak.Pointer[time.Ticker] {
	return weak.Make(time.NewTicker(time.Hour))
}

func TestUnstoppedTimersAreCollected(t *testing.T) {
	t.Run("a Timer that was never stopped", func(t *testing.T) {
		timer := abandonedTimer()
		runtime.GC()
		require.Nil(t, timer.Value(), "an unreferenced, unstopped Timer survived a collection")
	})

	t.Run("a Ticker that was never stopped", func(t *testing.T) {
		ticker := abandonedTicker()
		runtime.GC()
		require.Nil(t, ticker.Value(), "an unreferenced, unstopped Ticker survived a collection")
	})

	t.Run("but an AfterFunc timer stays until f has run", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ran := make(chan struct{})
			timer := weak.Make(time.AfterFunc(time.Hour, func() { close(ran) }))
			runtime.GC()
			require.NotNil(t, timer.Value(), "a pending AfterFunc timer was collected; f must still run")
			<-ran
		})
	})
}
