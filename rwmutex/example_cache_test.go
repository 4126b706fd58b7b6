package rwmutex_test

import (
	"fmt"
	"sync"
)

// Cache is a string-keyed table that many goroutines read and a few update.
// Its zero value is not ready to use; call NewCache.
type Cache struct {
	mu sync.RWMutex // guards m
	m  map[string]int
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{m: make(map[string]int)}
}

// Get only reads, so it takes the read lock: any number of Gets run at once.
func (c *Cache) Get(key string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

// Set writes, so it takes the write lock: it waits for the Gets in progress
// to finish, and no Get or Set runs while it holds the lock.
func (c *Cache) Set(key string, value int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}

// This example guards a read-mostly cache with an RWMutex: Get takes the read
// lock, Set the write lock, and each unlock is deferred right after its lock.
func Example() {
	c := NewCache()
	c.Set("go", 2009)
	c.Set("rust", 2015)

	// Many concurrent readers, each writing only its own slot of results.
	keys := []string{"go", "rust", "go", "zig"}
	results := make([]string, len(keys))
	var wg sync.WaitGroup
	for i, key := range keys {
		wg.Go(func() {
			if year, ok := c.Get(key); ok {
				results[i] = fmt.Sprintf("%s=%d", key, year)
			} else {
				results[i] = key + " missing"
			}
		})
	}
	wg.Wait()
	fmt.Println(results)
	// Output: [go=2009 rust=2015 go=2009 zig missing]
}
