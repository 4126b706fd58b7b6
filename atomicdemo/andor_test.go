package atomicdemo_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestAndOrReturnTheOldValue checks claim A6 on every type that has And and
// Or (Go 1.23): Or sets the mask's bits, And keeps only the mask's bits, and
// both return the value from before the change, unlike Add, which returns
// the new one.
func TestAndOrReturnTheOldValue(t *testing.T) {
	t.Run("Uint32", func(t *testing.T) {
		var x atomic.Uint32
		x.Store(0b0101)
		require.Equal(t, uint32(0b0101), x.Or(0b0011), "Or(0b0011) on 0b0101 returns the old value (A6)")
		require.Equal(t, uint32(0b0111), x.Load(), "after Or(0b0011)")
		require.Equal(t, uint32(0b0111), x.And(^uint32(0b0010)), "And(^0b0010) on 0b0111 returns the old value (A6)")
		require.Equal(t, uint32(0b0101), x.Load(), "after And(^0b0010)")
	})
	t.Run("Uint64", func(t *testing.T) {
		var x atomic.Uint64
		require.Equal(t, uint64(0), x.Or(1<<63), "Or(1<<63) on 0 (A6)")
		require.Equal(t, uint64(1<<63), x.And(0), "And(0) on 1<<63 (A6)")
		require.Equal(t, uint64(0), x.Load(), "after And(0)")
	})
	t.Run("Int32", func(t *testing.T) {
		var x atomic.Int32
		x.Store(-1)
		require.Equal(t, int32(-1), x.And(0x0f), "And(0x0f) on -1 (A6)")
		require.Equal(t, int32(0x0f), x.Or(-16), "Or(-16) on 0x0f (A6)")
		require.Equal(t, int32(-1), x.Load(), "after Or(-16)")
	})
	t.Run("Int64", func(t *testing.T) {
		var x atomic.Int64
		require.Equal(t, int64(0), x.Or(6), "Or(6) on 0 (A6)")
		require.Equal(t, int64(6), x.And(3), "And(3) on 6 (A6)")
		require.Equal(t, int64(2), x.Load(), "after And(3)")
	})
	t.Run("Uintptr", func(t *testing.T) {
		var x atomic.Uintptr
		require.Equal(t, uintptr(0), x.Or(8), "Or(8) on 0 (A6)")
		require.Equal(t, uintptr(8), x.And(8), "And(8) on 8 (A6)")
		require.Equal(t, uintptr(8), x.Load(), "after And(8)")
	})
}

// TestOrAndSetAndClearBitsConcurrently has 32 goroutines each set its own
// bit of one Uint32 with Or, at once, then each clear it again with And
// (claim A6). No bit is lost, and the old value each call returns shows the
// caller's bit clear before its Or and set before its And, whatever the
// others did around it.
func TestOrAndSetAndClearBitsConcurrently(t *testing.T) {
	var x atomic.Uint32
	var olds [32][2]uint32 // olds[i] is written by goroutine i only
	run := func(claim string, op func(i int)) {
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range 32 {
			wg.Go(func() {
				<-start
				op(i)
			})
		}
		watchdog.Within(t, claim, func() {
			close(start)
			wg.Wait()
		})
	}
	run("A6: 32 goroutines each setting a bit with Or finish", func(i int) { olds[i][0] = x.Or(1 << i) })
	require.Equal(t, ^uint32(0), x.Load(), "after 32 Or calls, one bit each; want every bit set (A6)")
	run("A6: 32 goroutines each clearing a bit with And finish", func(i int) { olds[i][1] = x.And(^uint32(1 << i)) })
	require.Equal(t, uint32(0), x.Load(), "after 32 And calls, one bit each; want every bit clear (A6)")
	for i, o := range olds {
		require.Zero(t, o[0]&(1<<i), "old value %#x returned by Or(1<<%d) has bit %d set; want it clear (A6)", o[0], i, i)
		require.NotZero(t, o[1]&(1<<i), "old value %#x returned by And(^(1<<%d)) has bit %d clear; want it set (A6)", o[1], i, i)
	}
}

// TestOrPicksOneWinner uses Or as a test-and-set (claim A6): eight
// goroutines set the same bit at once, and exactly one of them gets an old
// value without it.
func TestOrPicksOneWinner(t *testing.T) {
	const closing = 1 << 2
	var state atomic.Uint32
	var winners atomic.Int32
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			<-start
			if state.Or(closing)&closing == 0 {
				winners.Add(1)
			}
		})
	}
	watchdog.Within(t, "A6: eight goroutines racing to set one bit with Or finish", func() {
		close(start)
		wg.Wait()
	})
	require.Equal(t, int32(1), winners.Load(), "goroutines whose Or found the bit clear (A6)")
	require.Equal(t, uint32(closing), state.Load(), "state after the Or calls")
}
