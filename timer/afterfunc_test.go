package timer_test

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

func TestAfterFunc(t *testing.T) {
	t.Run("f runs in its own goroutine at the exact instant", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ranAt := make(chan time.Duration, 1)
			timer := time.AfterFunc(time.Second, func() { ranAt <- at(start) })
			require.Nil(t, timer.C, "an AfterFunc timer's C; want nil")

			// The test goroutine sleeps through the expiry, so whatever ran
			// f at 1s was another goroutine.
			time.Sleep(5 * time.Second)
			got, ran := tryReceive(ranAt)
			require.True(t, ran, "f did not run while the caller slept")
			require.Equal(t, time.Second, got, "f ran at this instant; want 1s")
		})
	})

	t.Run("Stop before it fires: true, and f never runs", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ran := make(chan struct{})
			timer := time.AfterFunc(time.Second, func() { close(ran) })
			require.True(t, timer.Stop(), "Stop before f ran; want true")

			time.Sleep(time.Hour)
			synctest.Wait() // f would run in a goroutine of the bubble
			_, closed := tryReceive(ran)
			require.False(t, closed, "f ran after Stop returned true")
		})
	})

	t.Run("Stop after f started: false, without waiting for f", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			started := make(chan struct{})
			release := make(chan struct{})
			finished := make(chan struct{})
			timer := time.AfterFunc(time.Second, func() {
				close(started)
				<-release
				close(finished)
			})

			<-started
			require.False(t, timer.Stop(), "Stop after f started; want false")
			synctest.Wait()
			_, done := tryReceive(finished)
			require.False(t, done, "f finished although it was still waiting; Stop must not wait for it")

			close(release)
			<-finished
		})
	})

	t.Run("Reset before it fires: true, and f runs once at the new time", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ranAt := make(chan time.Duration, 2)
			timer := time.AfterFunc(time.Second, func() { ranAt <- at(start) })
			require.True(t, timer.Reset(3*time.Second), "Reset of a pending AfterFunc; want true")

			time.Sleep(time.Hour)
			synctest.Wait()
			require.Equal(t, 1, len(ranAt), "f ran this many times; want once")
			require.Equal(t, 3*time.Second, <-ranAt, "f ran at this instant; want 3s")
		})
	})

	t.Run("Reset after f started: false, and the next run may overlap it", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			startedAt := make(chan time.Duration, 2)
			release := make(chan struct{})
			var runs sync.WaitGroup
			runs.Add(2)
			timer := time.AfterFunc(time.Second, func() {
				defer runs.Done()
				startedAt <- at(start)
				<-release // the first run is still here when the second starts
			})

			require.Equal(t, time.Second, <-startedAt, "the first run started at this instant; want 1s")
			require.False(t, timer.Reset(time.Second), "Reset while f runs; want false")
			require.Equal(t, 2*time.Second, <-startedAt, "the second run started at this instant; want 2s, with the first still running")

			close(release)
			runs.Wait()
		})
	})

	t.Run("Reset after f ran: false, and f runs again", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			ranAt := make(chan time.Duration, 2)
			timer := time.AfterFunc(time.Second, func() { ranAt <- at(start) })

			require.Equal(t, time.Second, <-ranAt, "f ran at this instant; want 1s")
			require.False(t, timer.Reset(time.Second), "Reset after f ran; want false")
			require.Equal(t, 2*time.Second, <-ranAt, "f ran again at this instant; want 2s")
		})
	})
}
