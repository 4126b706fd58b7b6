package mutex_test

import (
	"sync"
	"sync/atomic"
	"testing"
)

// The benchmarks compare three ways to share a counter: a Mutex around an
// int64, an atomic.Int64, and a goroutine that owns the counter and takes
// increments over a channel. BenchmarkCounter has every goroutine of
// RunParallel (one per P) increment at once; BenchmarkCounterOneGoroutine
// measures the same operations without contention. Each benchmark checks the
// final count, so a broken counter fails rather than looking fast.

// channelCounter is a counter owned by one goroutine: Inc sends it a request,
// Close stops it and returns the total. Close must be called, or the owner
// goroutine leaks.
type channelCounter struct {
	inc   chan struct{}
	total chan int64
}

func newChannelCounter() *channelCounter {
	c := &channelCounter{inc: make(chan struct{}), total: make(chan int64)}
	go func() {
		var n int64 // only this goroutine touches n
		for range c.inc {
			n++
		}
		c.total <- n
	}()
	return c
}

func (c *channelCounter) Inc() { c.inc <- struct{}{} }

func (c *channelCounter) Close() int64 {
	close(c.inc)
	return <-c.total
}

func BenchmarkCounter(b *testing.B) {
	b.Run("mutex", func(b *testing.B) {
		var mu sync.Mutex
		var n int64 // guarded by mu
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				n++
				mu.Unlock()
			}
		})
		checkCount(b, n)
	})
	b.Run("atomic", func(b *testing.B) {
		var n atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				n.Add(1)
			}
		})
		checkCount(b, n.Load())
	})
	b.Run("channel", func(b *testing.B) {
		c := newChannelCounter()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				c.Inc()
			}
		})
		checkCount(b, c.Close())
	})
}

func BenchmarkCounterOneGoroutine(b *testing.B) {
	b.Run("mutex", func(b *testing.B) {
		var mu sync.Mutex
		var n int64
		for b.Loop() {
			mu.Lock()
			n++
			mu.Unlock()
		}
		checkCount(b, n)
	})
	b.Run("atomic", func(b *testing.B) {
		var n atomic.Int64
		for b.Loop() {
			n.Add(1)
		}
		checkCount(b, n.Load())
	})
	b.Run("channel", func(b *testing.B) {
		c := newChannelCounter()
		for b.Loop() {
			c.Inc()
		}
		checkCount(b, c.Close())
	})
}

// checkCount fails the benchmark if the counter lost or invented increments:
// after RunParallel or a b.Loop loop, b.N is the number of iterations run.
func checkCount(b *testing.B, got int64) {
	b.Helper()
	if got != int64(b.N) {
		b.Fatalf("counter = %d; want b.N = %d", got, b.N)
	}
}
