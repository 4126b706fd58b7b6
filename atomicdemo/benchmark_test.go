package atomicdemo_test

import (
	"sync"
	"sync/atomic"
	"testing"
)

// The benchmarks set the atomic forms of this lesson against a Mutex doing
// the same job, with every goroutine of RunParallel (one per P) at work at
// once. BenchmarkRunningMax raises a shared maximum: a CompareAndSwap loop
// against a Mutex around an int64. Each goroutine records its own rising
// numbers, so most calls try to store and goroutines collide.
// BenchmarkReadConfig reads a published configuration: an atomic.Pointer
// Load against RLock of a RWMutex and Lock of a Mutex. Each benchmark
// checks its result, so a broken form fails rather than looking fast. For
// an atomic counter against a Mutex, see the mutex package's benchmarks.

// highest returns the largest of the numbers each goroutine of a
// RunParallel reported to it.
type highest struct {
	mu  sync.Mutex
	max int64 // guarded by mu
}

func (h *highest) report(v int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.max = max(h.max, v)
}

func BenchmarkRunningMax(b *testing.B) {
	b.Run("cas", func(b *testing.B) {
		var m atomic.Int64
		var want highest
		b.RunParallel(func(pb *testing.PB) {
			var v int64
			for pb.Next() {
				v++
				for {
					cur := m.Load()
					if v <= cur || m.CompareAndSwap(cur, v) {
						break
					}
				}
			}
			want.report(v)
		})
		checkMax(b, m.Load(), want.max)
	})
	b.Run("mutex", func(b *testing.B) {
		var mu sync.Mutex
		var m int64 // guarded by mu
		var want highest
		b.RunParallel(func(pb *testing.PB) {
			var v int64
			for pb.Next() {
				v++
				mu.Lock()
				if v > m {
					m = v
				}
				mu.Unlock()
			}
			want.report(v)
		})
		checkMax(b, m, want.max)
	})
}

// checkMax fails the benchmark if the maximum is not the largest number
// recorded.
func checkMax(b *testing.B, got, want int64) {
	b.Helper()
	if got != want {
		b.Fatalf("maximum = %d; want %d, the largest number recorded", got, want)
	}
}

// benchConfig is the configuration the readers read.
type benchConfig struct {
	limit int
}

func BenchmarkReadConfig(b *testing.B) {
	want := &benchConfig{limit: 42}
	b.Run("atomic.Pointer", func(b *testing.B) {
		var cur atomic.Pointer[benchConfig]
		cur.Store(want)
		b.RunParallel(func(pb *testing.PB) {
			sum, reads := 0, 0
			for pb.Next() {
				sum += cur.Load().limit
				reads++
			}
			checkSum(b, sum, reads)
		})
	})
	b.Run("RWMutex", func(b *testing.B) {
		var mu sync.RWMutex
		cur := want // guarded by mu
		b.RunParallel(func(pb *testing.PB) {
			sum, reads := 0, 0
			for pb.Next() {
				mu.RLock()
				sum += cur.limit
				mu.RUnlock()
				reads++
			}
			checkSum(b, sum, reads)
		})
	})
	b.Run("Mutex", func(b *testing.B) {
		var mu sync.Mutex
		cur := want // guarded by mu
		b.RunParallel(func(pb *testing.PB) {
			sum, reads := 0, 0
			for pb.Next() {
				mu.Lock()
				sum += cur.limit
				mu.Unlock()
				reads++
			}
			checkSum(b, sum, reads)
		})
	})
}

// checkSum fails the benchmark unless every one of a goroutine's reads saw
// the limit 42. RunParallel's goroutines may call it: Errorf is safe there,
// unlike Fatalf.
func checkSum(b *testing.B, sum, reads int) {
	if sum != 42*reads {
		b.Errorf("sum of %d limits read = %d; want %d", reads, sum, 42*reads)
	}
}
