package timer_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestNonPositiveIntervals(t *testing.T) {
	t.Run("NewTicker panics", func(t *testing.T) {
		for _, d := range []time.Duration{0, -time.Second} {
			require.PanicsWithValue(t, "non-positive interval for NewTicker", func() {
				time.NewTicker(d).Stop()
			}, "time.NewTicker(%v)", d)
		}
	})

	t.Run("Ticker.Reset panics", func(t *testing.T) {
		ticker := time.NewTicker(time.Hour)
		defer ticker.Stop()
		require.PanicsWithValue(t, "non-positive interval for Ticker.Reset", func() {
			ticker.Reset(0)
		}, "ticker.Reset(0)")
	})

	t.Run("Tick returns nil, and a receive from it never completes", func(t *testing.T) {
		require.Nil(t, time.Tick(0), "time.Tick(0); want nil")
		require.Nil(t, time.Tick(-time.Second), "time.Tick(-1s); want nil")

		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			select {
			case <-time.Tick(0):
				t.Fatal("received from time.Tick(0)")
			case <-time.After(1000 * time.Hour):
			}
			require.Equal(t, 1000*time.Hour, at(start), "gave up waiting at this instant; want 1000h")
		})
	})

	t.Run("a Timer with a non-positive duration fires at once", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			<-time.NewTimer(0).C
			<-time.NewTimer(-time.Second).C
			<-time.After(-time.Hour)
			ran := make(chan struct{})
			time.AfterFunc(0, func() { close(ran) })
			<-ran
			require.Zero(t, at(start), "the timers fired after this long; want at once")
		})
	})
}
