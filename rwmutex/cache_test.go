package rwmutex

import (
	"maps"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// cache is what BenchmarkCache compares: a table of ints by string key,
// read far more often than written. get looks key up and, before it lets go
// of the data, spends work rounds of computation on the value, standing for
// what a reader does while it holds a lock: format it, copy a struct, walk a
// slice. The lock-based caches do that work inside the critical section,
// which is what makes a read critical section long.
type cache interface {
	get(key string, work int) (int, bool)
	set(key string, value int)
}

// burn does rounds of xorshift on x: deterministic CPU work that the compiler
// cannot drop, because the result is returned. BenchmarkWork measures it.
func burn(x, rounds int) int {
	for range rounds {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// mutexCache serializes every get and set with one Mutex.
type mutexCache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *mutexCache) get(key string, work int) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return burn(v, work), ok
}

func (c *mutexCache) set(key string, value int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}

// rwmutexCache lets gets run together under the read lock.
type rwmutexCache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *rwmutexCache) get(key string, work int) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return burn(v, work), ok
}

func (c *rwmutexCache) set(key string, value int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}

// syncMapCache is a sync.Map: reads take no lock, so the work runs after the
// lookup with nothing held.
type syncMapCache struct {
	m sync.Map // string to int
}

func (c *syncMapCache) get(key string, work int) (int, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		return 0, false
	}
	return burn(v.(int), work), true
}

func (c *syncMapCache) set(key string, value int) {
	c.m.Store(key, value)
}

// cowCache is copy-on-write: readers load a pointer to a map that nobody
// changes any more; a writer copies the map under a Mutex, changes the copy
// and publishes it with one atomic store.
type cowCache struct {
	mu sync.Mutex // serializes writers only
	m  atomic.Pointer[map[string]int]
}

func (c *cowCache) get(key string, work int) (int, bool) {
	v, ok := (*c.m.Load())[key]
	return burn(v, work), ok
}

func (c *cowCache) set(key string, value int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	next := maps.Clone(*c.m.Load())
	next[key] = value
	c.m.Store(&next)
}

// caches makes each kind of cache, filled with a copy of initial.
var caches = []struct {
	name string
	make func(initial map[string]int) cache
}{
	{"mutex", func(initial map[string]int) cache {
		return &mutexCache{m: maps.Clone(initial)}
	}},
	{"rwmutex", func(initial map[string]int) cache {
		return &rwmutexCache{m: maps.Clone(initial)}
	}},
	{"syncmap", func(initial map[string]int) cache {
		c := new(syncMapCache)
		for k, v := range initial {
			c.m.Store(k, v)
		}
		return c
	}},
	{"cow", func(initial map[string]int) cache {
		c := new(cowCache)
		m := maps.Clone(initial)
		c.m.Store(&m)
		return c
	}},
}

// TestCachesReadTheirWrites checks that the benchmarked caches are correct,
// so that the benchmark compares caches and not bugs: each returns what was
// stored, reports a missing key, and keeps every write of concurrent writers
// (run it with -race to check the synchronization too).
func TestCachesReadTheirWrites(t *testing.T) {
	const writers, keysEach = 4, 50
	for _, c := range caches {
		t.Run(c.name, func(t *testing.T) {
			watchdog.Within(t, "every get and set of concurrent writers returns", func() {
				cc := c.make(map[string]int{"a": 1})
				v, ok := cc.get("a", 0)
				require.True(t, ok, `get("a") found nothing`)
				require.Equal(t, 1, v, `get("a")`)
				_, ok = cc.get("b", 0)
				require.False(t, ok, `get("b") found a key that was never set`)

				var wg sync.WaitGroup
				for w := range writers {
					wg.Go(func() {
						for k := range keysEach {
							key := strconv.Itoa(w*keysEach + k)
							cc.set(key, k)
							cc.get(key, 1) // a read racing with the other writers
						}
					})
				}
				wg.Wait()
				for w := range writers {
					for k := range keysEach {
						key := strconv.Itoa(w*keysEach + k)
						v, ok := cc.get(key, 0)
						require.True(t, ok, "get(%q) found nothing after set", key)
						require.Equal(t, k, v, "get(%q)", key)
					}
				}
				v, _ = cc.get("a", 3)
				require.Equal(t, burn(1, 3), v, `get("a", 3) returns the value after 3 rounds of work`)
			})
		})
	}
}
