package rwmutex

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"testing"
)

const (
	// cacheKeys is how many keys every benchmarked cache holds. A write to
	// the copy-on-write cache copies all of them.
	cacheKeys = 1000

	// workPerMicrosecond is how many rounds of burn take about a
	// microsecond: BenchmarkWork measured 0.95 µs for it on the 2-vCPU AMD
	// EPYC virtual machine this was written on. Run BenchmarkWork to see it
	// on yours.
	workPerMicrosecond = 500
)

// sink keeps the values the benchmarks read, so nothing is optimized away.
var sink atomic.Int64

// BenchmarkWork measures the unit of "work" in BenchmarkCache: about a
// microsecond of computation, with no lock involved.
func BenchmarkWork(b *testing.B) {
	x := 1
	for b.Loop() {
		x = burn(x, workPerMicrosecond)
	}
	sink.Add(int64(x))
}

// BenchmarkCache compares the four caches across the share of reads and the
// length of a read's critical section, from GOMAXPROCS goroutines at once.
// reads=100% has no writer at all: it is the limit the other shares approach,
// and it shows what even rare writes cost an RWMutex.
// Its names are key=value pairs for benchstat, for example
// BenchmarkCache/work=1us/reads=90%/lock=rwmutex; compare the locks with
//
//	benchstat -col /lock results.txt
func BenchmarkCache(b *testing.B) {
	keys := make([]string, cacheKeys)
	initial := make(map[string]int, cacheKeys)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
		initial[keys[i]] = i
	}
	works := []struct {
		name   string
		rounds int
	}{
		{"none", 0},
		{"1us", workPerMicrosecond},
	}
	for _, work := range works {
		for _, reads := range []int{50, 90, 99, 100} {
			for _, c := range caches {
				name := fmt.Sprintf("work=%s/reads=%d%%/lock=%s", work.name, reads, c.name)
				b.Run(name, func(b *testing.B) {
					cc := c.make(initial)
					b.ResetTimer() // time the operations, not the filling
					benchmarkCache(b, cc, keys, reads, work.rounds)
				})
			}
		}
	}
}

// benchmarkCache runs a mix of operations on c from parallel goroutines:
// reads out of every 100 operations are gets of an existing key, the others
// overwrite an existing key. Each goroutine picks keys with its own
// xorshift generator and spreads its writes evenly among its reads.
func benchmarkCache(b *testing.B, c cache, keys []string, reads, work int) {
	var goroutines atomic.Uint64
	b.RunParallel(func(pb *testing.PB) {
		// A distinct, nonzero seed for each goroutine.
		rnd := goroutines.Add(1) * 0x9E3779B97F4A7C15
		sum, share := 0, 0
		for pb.Next() {
			rnd ^= rnd << 13
			rnd ^= rnd >> 7
			rnd ^= rnd << 17
			key := keys[rnd%uint64(len(keys))]
			// Out of every 100 operations, 100-reads are writes, evenly
			// spaced: every other one at 50%, every tenth at 90%.
			if share += 100 - reads; share >= 100 {
				share -= 100
				c.set(key, int(rnd>>1))
				continue
			}
			v, ok := c.get(key, work)
			if !ok {
				b.Errorf("get(%q) found nothing; every key was set before the benchmark", key)
				return
			}
			sum += v
		}
		sink.Add(int64(sum))
	})
}
