package channel_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// TestChannelsShareMemoryByCommunicating checks the memory-model guarantee
// behind "share memory by communicating": a channel operation orders the
// memory accesses around it, so plain, unlocked variables can be handed from
// goroutine to goroutine. Without the guarantee these tests would fail under
// the race detector (go test -race), which reports unordered accesses;
// TestRaceDetectorJudgesSharing shows it doing so, and
// TestCommunicatingLosesNoUpdate is the proof that needs no -race. Each test
// runs in a synctest bubble, so a receive that never gets its value fails at
// once as a deadlock of the bubble instead of hanging.
func TestChannelsShareMemoryByCommunicating(t *testing.T) {
	t.Run("a send publishes the sender's writes to the receiver", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			ch := make(chan map[string]int, 1)
			go func() {
				m := map[string]int{"a": 1}
				m["b"] = 2 // written before the send, never again by this goroutine
				ch <- m
			}()
			m := <-ch
			m["c"] = 3 // the receiver owns the map now
			require.Equal(t, map[string]int{"a": 1, "b": 2, "c": 3}, m)
		})
	})

	t.Run("an unbuffered receive publishes the receiver's writes to the sender", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var note string
			ch := make(chan struct{})
			done := make(chan string)
			go func() {
				ch <- struct{}{} // returns only after the receive below
				done <- note     // so it sees what was written before that receive
			}()
			note = "written before the receive"
			<-ch
			require.Equal(t, "written before the receive", <-done)
		})
	})
}
