package ratelimit_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestTickerPacesOneEventPerTick checks RL1's ticker: a loop that receives
// a tick before each event handles its events at exactly 1s, 2s, 3s and 4s,
// the first one a whole interval after the ticker starts, not at once.
// Handling that takes less than an interval (300ms here) does not shift
// the schedule, because the ticker's schedule is fixed when it starts.
func TestTickerPacesOneEventPerTick(t *testing.T) {
	bubble(t, "RL1: a ticker-paced loop handles one event per tick", func(t *testing.T) {
		start := time.Now()
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		var got []time.Duration
		for range 4 {
			<-ticker.C
			got = append(got, time.Since(start))
			time.Sleep(300 * time.Millisecond) // handling the event
		}
		want := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second}
		require.Equal(t, want, got, "the instants at which a ticker of 1s let four events through (RL1)")
	})
}

// TestTickerSavesNoBurst checks the other half of RL1's ticker, the contrast
// with a token channel: a ticker's channel holds one tick at most, so a
// loop that pauses for 10.5s finds one tick waiting and then goes back to
// the schedule, at 11s and 12s. It never catches up on the ten ticks it
// missed. (How a ticker drops ticks is the timer section's lesson.)
func TestTickerSavesNoBurst(t *testing.T) {
	bubble(t, "RL1: a ticker-paced loop resumes after a pause", func(t *testing.T) {
		start := time.Now()
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		time.Sleep(10500 * time.Millisecond) // ten ticks were due meanwhile
		var got []time.Duration
		for range 3 {
			<-ticker.C
			got = append(got, time.Since(start))
		}
		want := []time.Duration{10500 * time.Millisecond, 11 * time.Second, 12 * time.Second}
		require.Equal(t, want, got, "the instants of three events after a pause of 10.5s: want one saved tick, then the schedule (RL1)")
	})
}
