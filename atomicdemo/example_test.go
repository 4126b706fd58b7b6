package atomicdemo_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"
)

// This example counts from ten goroutines with atomic.Int64: every Add is
// one indivisible read-modify-write, so no increment is lost and no lock is
// needed.
func Example() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			for range 1000 {
				hits.Add(1)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits =", hits.Load())
	// Output: hits = 10000
}

// This example forces the interleaving that loses an update: B increments
// between A's Load and A's Store. Each call is atomic, the pair is not, so
// Load then Store loses B's increment exactly as n++ would. Add has no gap
// for B to fall into.
func Example_loadThenStore() {
	var n atomic.Int64
	read := make(chan struct{})
	bDone := make(chan struct{})
	aDone := make(chan struct{})

	go func() { // A
		defer close(aDone)
		v := n.Load() // A reads 0
		close(read)
		<-bDone
		n.Store(v + 1) // A writes 1 over B's 1
	}()
	<-read
	n.Store(n.Load() + 1) // B reads 0 and writes 1
	close(bDone)
	<-aDone
	fmt.Println("Load then Store, twice:", n.Load())

	n.Store(0)
	var wg sync.WaitGroup
	wg.Go(func() { n.Add(1) })
	n.Add(1)
	wg.Wait()
	fmt.Println("Add, twice:", n.Load())
	// Output:
	// Load then Store, twice: 1
	// Add, twice: 2
}

// This example keeps a server's statistics in the typed atomics. Each field
// is used only through its methods, so no access can forget to be atomic,
// and the 64-bit ones are 8-byte aligned on every platform, 32-bit ones
// included.
func Example_typed() {
	var stats struct {
		ready    atomic.Bool
		errors   atomic.Int32
		requests atomic.Int64
		bytes    atomic.Uint64
		lastPath atomic.Pointer[string]
	}
	stats.ready.Store(true)

	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			path := fmt.Sprintf("/page/%d", i)
			stats.requests.Add(1)
			stats.bytes.Add(512)
			if i == 3 {
				stats.errors.Add(1)
				stats.lastPath.Store(&path)
			}
		})
	}
	wg.Wait()
	fmt.Println("ready:", stats.ready.Load())
	fmt.Println("requests:", stats.requests.Load(), "bytes:", stats.bytes.Load())
	fmt.Println("errors:", stats.errors.Load(), "last:", *stats.lastPath.Load())
	fmt.Println("alignment of atomic.Int64:", unsafe.Alignof(stats.requests))
	// Output:
	// ready: true
	// requests: 4 bytes: 2048
	// errors: 1 last: /page/3
	// alignment of atomic.Int64: 8
}

// This example keeps a running maximum with a CompareAndSwap loop: read the
// current value, and swap in the new one only if nobody changed it since;
// otherwise read again. No update is lost and nothing waits for a lock.
func Example_runningMax() {
	var longest atomic.Int64 // the longest response time seen, in ms
	record := func(ms int64) {
		for {
			cur := longest.Load()
			if ms <= cur || longest.CompareAndSwap(cur, ms) {
				return
			}
		}
	}

	times := []int64{12, 87, 5, 140, 33, 91, 140, 2}
	var wg sync.WaitGroup
	for _, ms := range times {
		wg.Go(func() { record(ms) })
	}
	wg.Wait()
	fmt.Println("longest:", longest.Load(), "ms")
	// Output: longest: 140 ms
}

// This example shows atomic.Value's two panics, Store(nil) and a Store of
// another type than the first, and atomic.Pointer, its typed replacement,
// where the type is checked by the compiler and nil is a normal value.
func Example_valuePanics() {
	try := func(f func()) {
		defer func() { fmt.Println("panic:", recover()) }()
		f()
	}
	var v atomic.Value
	v.Store("v1")
	try(func() { v.Store(nil) })
	try(func() { v.Store(2) }) // an int into a Value that holds a string
	fmt.Println("still:", v.Load())

	var p atomic.Pointer[string]
	s := "v1"
	p.Store(&s)
	p.Store(nil) // fine: a nil *string
	fmt.Println("pointer:", p.Load())
	// Output:
	// panic: sync/atomic: store of nil value into Value
	// panic: sync/atomic: store of inconsistently typed value into Value
	// still: v1
	// pointer: <nil>
}

// This example keeps a connection's state as bits of a Uint32. Or sets
// bits and And clears them, and both return the value from before the
// change, so the goroutine that sets a bit first knows it was first.
func Example_flags() {
	const (
		open uint32 = 1 << iota
		writing
		closing
	)
	var state atomic.Uint32
	state.Or(open | writing)
	old := state.And(^writing) // done writing
	fmt.Printf("before And: %03b, after: %03b\n", old, state.Load())

	// Several goroutines try to close; only the first Or sees the bit clear.
	var firsts atomic.Int32
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if state.Or(closing)&closing == 0 {
				firsts.Add(1) // this goroutine does the closing
			}
		})
	}
	wg.Wait()
	fmt.Printf("closers: %d, state: %03b\n", firsts.Load(), state.Load())
	// Output:
	// before And: 011, after: 001
	// closers: 1, state: 101
}
