package timer_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// These tests pin down the Go 1.23 rules for time.NewTimer. This module gets
// them on Go 1.26 because its go.mod says go 1.26.0, and every program gets
// them on Go 1.27 (see godebug_test.go for the old rules and the releases).

func TestTimerChannelIsUnbuffered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		timer := time.NewTimer(time.Second)
		require.Zero(t, cap(timer.C), "cap(timer.C); want 0, an unbuffered channel")
		require.Zero(t, len(timer.C), "len(timer.C) before expiry; want 0")

		time.Sleep(5 * time.Second)
		// Expired but not received: the value is not sitting in a buffer.
		require.Zero(t, len(timer.C), "len(timer.C) after expiry; want 0")

		// Received at 5s, the value still says when the timer expired.
		fired, received := tryReceive(timer.C)
		require.True(t, received, "no value from an expired timer; want one")
		require.Equal(t, time.Second, fired.Sub(start), "the value is start+this; want start+1s, the expiry")
	})
}

func TestTimerStop(t *testing.T) {
	t.Run("a running timer: true, and no value ever arrives", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			timer := time.NewTimer(time.Second)
			time.Sleep(500 * time.Millisecond)
			require.True(t, timer.Stop(), "Stop of a running timer; want true")

			time.Sleep(time.Hour) // far past the original expiry
			synctest.Wait()
			_, received := tryReceive(timer.C)
			require.False(t, received, "received a value after Stop returned true")
		})
	})

	t.Run("expired but not received: true, and the value is discarded", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			timer := time.NewTimer(time.Second)
			time.Sleep(2 * time.Second)
			require.True(t, timer.Stop(), "Stop of an expired timer whose value was never received; want true")

			synctest.Wait()
			_, received := tryReceive(timer.C)
			require.False(t, received, "received a stale value after Stop")
		})
	})

	// The pre-1.23 idiom if !t.Stop() { <-t.C } receives exactly when Stop
	// returns false. The two subtests below are those cases: nothing is
	// left to receive, so the idiom's receive would block for ever, as it
	// already did under the old rules (see godebug_test.go).
	t.Run("after the value was received: false, and a drain would block for ever", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			timer := time.NewTimer(time.Second)
			<-timer.C
			require.False(t, timer.Stop(), "Stop after the value was received; want false")

			time.Sleep(time.Hour)
			synctest.Wait()
			_, received := tryReceive(timer.C)
			require.False(t, received, "a value arrived after the only one was received; the drain would have taken it")
		})
	})

	t.Run("already stopped: false, and a drain would block for ever", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			timer := time.NewTimer(time.Second)
			timer.Stop()
			require.False(t, timer.Stop(), "second Stop; want false")

			time.Sleep(time.Hour)
			synctest.Wait()
			_, received := tryReceive(timer.C)
			require.False(t, received, "a stopped timer delivered a value; the drain would have taken it")
		})
	})

	t.Run("expired but not received: the drain idiom skips its receive, and nothing stale remains", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			timer := time.NewTimer(time.Second)
			time.Sleep(2 * time.Second)
			// Before Go 1.23 Stop returned false here and the receive took
			// the buffered value. Now Stop returns true and discards the
			// value, so the receive is skipped. Had Stop returned false with
			// nothing left to receive, the bubble would report the blocked
			// receive as a deadlock at once.
			if !timer.Stop() {
				<-timer.C
			}
			synctest.Wait()
			_, received := tryReceive(timer.C)
			require.False(t, received, "a stale value remained after the drain idiom")
		})
	})
}

func TestTimerReset(t *testing.T) {
	t.Run("a running timer: true, and it fires at the new expiry only", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			timer := time.NewTimer(time.Second)
			time.Sleep(500 * time.Millisecond)
			require.True(t, timer.Reset(2*time.Second), "Reset of a running timer; want true")

			time.Sleep(time.Second) // past the original expiry at 1s
			_, received := tryReceive(timer.C)
			require.False(t, received, "the timer fired at its old expiry after Reset")

			fired := <-timer.C
			require.Equal(t, 2500*time.Millisecond, at(start), "the timer fired at this instant; want 2.5s")
			require.Equal(t, 2500*time.Millisecond, fired.Sub(start), "the value is start+this; want start+2.5s")
		})
	})

	t.Run("expired but not received: true, and the stale value is discarded", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			timer := time.NewTimer(time.Second)
			time.Sleep(2 * time.Second)
			require.True(t, timer.Reset(time.Second), "Reset of an expired, unreceived timer; want true")

			_, received := tryReceive(timer.C)
			require.False(t, received, "received the stale value from before Reset")

			fired := <-timer.C
			require.Equal(t, 3*time.Second, at(start), "the timer fired at this instant; want 3s")
			require.Equal(t, 3*time.Second, fired.Sub(start), "the value is start+this; want start+3s, the new expiry")
		})
	})

	t.Run("after the value was received: false, and it fires again", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			timer := time.NewTimer(time.Second)
			<-timer.C
			require.False(t, timer.Reset(time.Second), "Reset after the value was received; want false")

			<-timer.C
			require.Equal(t, 2*time.Second, at(start), "the re-armed timer fired at this instant; want 2s")
		})
	})

	t.Run("after Stop: false, and it fires again", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			timer := time.NewTimer(time.Second)
			timer.Stop()
			require.False(t, timer.Reset(time.Second), "Reset after Stop; want false")

			<-timer.C
			require.Equal(t, time.Second, at(start), "the re-armed timer fired at this instant; want 1s")
		})
	})
}
