package datarace_test

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// This example relies on the go statement: it is synchronized before the
// new goroutine starts, so the goroutine sees what was written before it.
func Example_goStatement() {
	greeting := "hello" // written before the go statement
	var wg sync.WaitGroup
	wg.Go(func() {
		fmt.Println(greeting)
	})
	wg.Wait()
	// Output:
	// hello
}

// This example relies on a send: it is synchronized before the matching
// receive completes, so the receiver sees what the sender wrote before
// sending.
func Example_send() {
	var result string
	ch := make(chan struct{}, 1) // buffered or not, the rule is the same
	go func() {
		result = "computed"
		ch <- struct{}{}
	}()
	<-ch
	fmt.Println(result)
	// Output:
	// computed
}

// This example relies on close: it is synchronized before a receive that
// returns because the channel is closed, so every goroutine that sees the
// close sees what was written before it.
func Example_close() {
	var config string
	ready := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range results {
		wg.Go(func() {
			<-ready // returns once ready is closed
			results[i] = fmt.Sprint(i, ":", config)
		})
	}
	config = "loaded"
	close(ready) // publishes config to every waiting goroutine at once
	wg.Wait()
	fmt.Println(results)
	// Output:
	// [0:loaded 1:loaded 2:loaded]
}

// This example relies on an unbuffered channel: the receive is synchronized
// before the send completes, so the sender sees what the receiver wrote
// before receiving. With a buffered channel the send would not wait for the
// receive, and reading note would be a data race.
func Example_unbuffered() {
	var note string
	ch := make(chan int) // unbuffered: capacity 0
	go func() {
		note = "written before the receive"
		<-ch
	}()
	ch <- 0 // completes only after the receive
	fmt.Println(note)
	// Output:
	// written before the receive
}

// This example relies on the capacity rule: on a channel of capacity C, the
// k-th receive is synchronized before the (k+C)-th send completes. With C = 1
// the channel is a lock: whoever sends next sees what the last holder wrote
// before receiving.
func Example_capacity() {
	sem := make(chan struct{}, 1) // a send acquires, a receive releases
	var total int                 // guarded by sem
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			sem <- struct{}{}
			total += i + 1
			<-sem
		})
	}
	wg.Wait()
	fmt.Println("total:", total)
	// Output:
	// total: 55
}

// This example relies on a Mutex: the n-th Unlock is synchronized before the
// (n+1)-th Lock returns, so each holder sees every earlier holder's writes.
func Example_mutex() {
	var (
		mu  sync.Mutex
		log []string // guarded by mu
	)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			log = append(log, fmt.Sprint("entry ", len(log)+1))
		})
	}
	wg.Wait()
	fmt.Println(log)
	// Output:
	// [entry 1 entry 2 entry 3]
}

// This example relies on Once: the return from f is synchronized before the
// return from every call of Do, so every caller sees what f wrote.
func Example_once() {
	var (
		once   sync.Once
		config map[string]string
	)
	load := func() {
		config = map[string]string{"mode": "fast"}
	}
	modes := make([]string, 3)
	var wg sync.WaitGroup
	for i := range modes {
		wg.Go(func() {
			once.Do(load) // one call runs load; the others wait for it
			modes[i] = config["mode"]
		})
	}
	wg.Wait()
	fmt.Println(modes)
	// Output:
	// [fast fast fast]
}

// This example relies on a WaitGroup: Done is synchronized before the return
// of the Wait it unblocks, so after Wait every goroutine's result is there.
func Example_waitGroup() {
	lengths := make([]int, 3)
	var wg sync.WaitGroup
	for i, word := range []string{"go", "chan", "select"} {
		wg.Add(1)
		go func() {
			defer wg.Done() // after the write below
			lengths[i] = len(word)
		}()
	}
	wg.Wait()
	fmt.Println(lengths)
	// Output:
	// [2 4 6]
}

// This example relies on atomics: an atomic operation that observes another
// is synchronized after it. Each goroutine writes its own slot and then adds
// one to arrived; the goroutine whose Add returns 3 has observed the other
// two Adds, and so sees all three slots.
func Example_atomic() {
	var (
		parts   [3]string
		arrived atomic.Int32
		joined  string
	)
	var wg sync.WaitGroup
	for i, word := range []string{"happens", "before", "edges"} {
		wg.Go(func() {
			parts[i] = word
			if arrived.Add(1) == int32(len(parts)) {
				joined = parts[0] + "-" + parts[1] + " " + parts[2] // the last to arrive
			}
		})
	}
	wg.Wait()
	fmt.Println(joined)
	// Output:
	// happens-before edges
}
