package atomicdemo_test

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// Config is never changed once published: writers publish a changed copy.
type Config struct {
	Version int
	Limits  map[string]int
}

// current holds the published Config. Readers Load it without a lock.
var current atomic.Pointer[Config]

// setLimit publishes a copy of the current Config with one limit changed.
// The CompareAndSwap fails if another writer published in between, and
// then the copy is made again from the newer Config.
func setLimit(name string, n int) {
	for {
		old := current.Load()
		next := &Config{Version: old.Version + 1, Limits: maps.Clone(old.Limits)}
		next.Limits[name] = n
		if current.CompareAndSwap(old, next) {
			return
		}
	}
}

// This example publishes configuration by copy-on-write through an
// atomic.Pointer. A Load that observes a Store is synchronized after it, so
// a reader sees the whole Config the writer built; and since a published
// Config never changes, a reader may keep using the one it loaded while
// writers publish new ones.
func Example_copyOnWrite() {
	current.Store(&Config{Limits: map[string]int{"conns": 10}})
	snapshot := current.Load() // a reader holds on to version 0

	var wg sync.WaitGroup
	for i, name := range []string{"conns", "rps", "body"} {
		wg.Go(func() { setLimit(name, 100*(i+1)) })
	}
	wg.Wait()

	cfg := current.Load()
	for _, k := range slices.Sorted(maps.Keys(cfg.Limits)) {
		fmt.Printf("%s=%d ", k, cfg.Limits[k])
	}
	fmt.Println("version", cfg.Version)
	fmt.Println("the reader's snapshot:", snapshot.Limits, "version", snapshot.Version)
	// Output:
	// body=300 conns=100 rps=200 version 3
	// the reader's snapshot: map[conns:10] version 0
}
