package datarace_test

import (
	"sync"
	"testing"
)

// BenchmarkRaceCost measures four kinds of work whose cost the race
// detector changes. Run it twice, without and with -race, and compare the
// two with benchstat (the package doc gives the commands and the figures):
//
//   - sum reads a slice of 1024 ints: every read is an instrumented memory
//     access;
//   - mutex locks and unlocks an uncontended Mutex: a synchronizing
//     operation the detector records;
//   - channel sends and receives one value on a buffered channel;
//   - goroutine starts a goroutine and waits for it.
//
// Each sub-benchmark checks its result, so a broken one fails rather than
// looking fast.
func BenchmarkRaceCost(b *testing.B) {
	b.Run("sum", func(b *testing.B) {
		nums := make([]int, 1024)
		for i := range nums {
			nums[i] = i
		}
		var sum int
		for b.Loop() {
			sum = 0
			for _, n := range nums {
				sum += n
			}
		}
		if want := 1023 * 1024 / 2; sum != want {
			b.Fatalf("sum = %d; want %d", sum, want)
		}
	})
	b.Run("mutex", func(b *testing.B) {
		var mu sync.Mutex
		n := 0 // guarded by mu
		for b.Loop() {
			mu.Lock()
			n++
			mu.Unlock()
		}
		if n != b.N {
			b.Fatalf("n = %d; want b.N = %d", n, b.N)
		}
	})
	b.Run("channel", func(b *testing.B) {
		ch := make(chan int, 1)
		n := 0
		for b.Loop() {
			ch <- 1
			n += <-ch
		}
		if n != b.N {
			b.Fatalf("n = %d; want b.N = %d", n, b.N)
		}
	})
	b.Run("goroutine", func(b *testing.B) {
		n := 0
		for b.Loop() {
			var wg sync.WaitGroup
			wg.Go(func() { n++ })
			wg.Wait()
		}
		if n != b.N {
			b.Fatalf("n = %d; want b.N = %d", n, b.N)
		}
	})
}
