package channel_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// TestLenAndCap checks what len and cap report: cap is the buffer's size,
// fixed at make; len is how many values wait in it, and a close leaves them
// there. It runs in a synctest bubble, so a receive that blocked would fail
// at once as a deadlock of the bubble.
func TestLenAndCap(t *testing.T) {
	synctest.Test(t, testLenAndCap)
}

func testLenAndCap(t *testing.T) {
	ch := make(chan int, 3)
	steps := []struct {
		name     string
		do       func()
		len, cap int
	}{
		{"made", func() {}, 0, 3},
		{"sent 1", func() { ch <- 1 }, 1, 3},
		{"sent 2", func() { ch <- 2 }, 2, 3},
		{"received", func() { <-ch }, 1, 3},
		{"closed", func() { close(ch) }, 1, 3},
		{"received after close", func() { <-ch }, 0, 3},
		{"received zero value", func() { <-ch }, 0, 3},
	}
	for _, s := range steps {
		s.do()
		require.Equal(t, s.len, len(ch), "len after %s", s.name)
		require.Equal(t, s.cap, cap(ch), "cap after %s", s.name)
	}

	var nilCh chan int
	require.Equal(t, 0, len(nilCh), "len of nil channel")
	require.Equal(t, 0, cap(nilCh), "cap of nil channel")
}

// TestUnbufferedChannelHoldsNothing checks that an unbuffered channel never
// holds a value: while a sender waits, len is still 0, because the value
// passes straight from sender to receiver.
func TestUnbufferedChannelHoldsNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		go func() { ch <- 1 }()
		synctest.Wait() // the sender is blocked in its send
		require.Equal(t, 0, len(ch), "len while a sender waits")
		require.Equal(t, 0, cap(ch), "cap")
		require.Equal(t, 1, <-ch)
	})
}

// TestTimerChannelReportsNoBuffer checks the one channel whose len and cap
// do not say what it holds: a timer's channel has a value ready once the
// timer has fired, yet len and cap report 0. This is the Go 1.23 timer
// design, which this module's go line selects on Go 1.26 and which Go 1.27
// applies to every program (the timer package has the details).
func TestTimerChannelReportsNoBuffer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		timer := time.NewTimer(time.Second)
		time.Sleep(2 * time.Second) // past the timer's expiry
		require.Equal(t, 0, len(timer.C), "len of a fired timer's channel")
		require.Equal(t, 0, cap(timer.C), "cap of a timer's channel")
		select {
		case <-timer.C:
		default:
			t.Fatal("a receive from the fired timer's channel would block; want the expiry time ready")
		}
	})
}
