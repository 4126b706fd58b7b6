package timer_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// produce sends 0, 1, ... count-1 on the returned channel, one every period,
// then goes silent without closing it. It stops early when done is closed.
func produce(period time.Duration, count int, done <-chan struct{}) <-chan int {
	values := make(chan int)
	go func() {
		for i := range count {
			select {
			case <-time.After(period):
			case <-done:
				return
			}
			select {
			case values <- i:
			case <-done:
				return
			}
		}
	}()
	return values
}

// idleTimeoutLoop receives until no value has come for idle: time.After is
// evaluated, and a new timer started, every time the select is entered.
func idleTimeoutLoop(values <-chan int, idle time.Duration) (received int) {
	for {
		select {
		case <-values:
			received++
		case <-time.After(idle):
			return received
		}
	}
}

// idleTimeoutLoopReused is idleTimeoutLoop with one Timer, reset on every
// iteration instead of allocated.
func idleTimeoutLoopReused(values <-chan int, idle time.Duration) (received int) {
	timer := time.NewTimer(idle)
	defer timer.Stop()
	for {
		timer.Reset(idle)
		select {
		case <-values:
			received++
		case <-timer.C:
			return received
		}
	}
}

// deadlineLoop receives until total has passed since it started: its one
// timer is created before the loop.
func deadlineLoop(values <-chan int, total time.Duration) (received int) {
	deadline := time.After(total)
	for {
		select {
		case <-values:
			received++
		case <-deadline:
			return received
		}
	}
}

// A producer sends a value every 30s, ten in all, then falls silent: the
// values arrive at 30s, 60s, ... 300s.
func TestPerIterationTimeoutVersusLoopDeadline(t *testing.T) {
	loops := []struct {
		name     string
		loop     func(<-chan int) int
		wantN    int
		wantTime time.Duration
	}{
		{
			// Every value restarts the 50s timeout, so the loop lasts as
			// long as values keep coming, and ends 50s after the last one.
			name:     "a timeout per iteration waits for a 50s gap",
			loop:     func(v <-chan int) int { return idleTimeoutLoop(v, 50*time.Second) },
			wantN:    10,
			wantTime: 350 * time.Second,
		},
		{
			name:     "a reused Timer times out at the same instant",
			loop:     func(v <-chan int) int { return idleTimeoutLoopReused(v, 50*time.Second) },
			wantN:    10,
			wantTime: 350 * time.Second,
		},
		{
			// The deadline ignores the values: the loop ends at 100s,
			// after the values of 30s, 60s and 90s.
			name:     "a deadline for the loop ends it at 100s",
			loop:     func(v <-chan int) int { return deadlineLoop(v, 100*time.Second) },
			wantN:    3,
			wantTime: 100 * time.Second,
		},
	}
	for _, tt := range loops {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				done := make(chan struct{})
				defer close(done) // lets the producer return if the loop ended early

				n := tt.loop(produce(30*time.Second, 10, done))
				require.Equal(t, tt.wantTime, at(start), "the loop ended at this instant; want %v", tt.wantTime)
				require.Equal(t, tt.wantN, n, "the loop received this many values; want %d", tt.wantN)
			})
		})
	}
}
