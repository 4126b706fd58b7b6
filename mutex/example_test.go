package mutex_test

import (
	"fmt"
	"sync"
)

// This example is the article's counter: one goroutine adds one, another
// subtracts one, both under the same lock. Unlike the article, it prints only
// after Wait, so the output cannot depend on which goroutine ran first.
func Example() {
	var (
		mu    sync.Mutex // guards count
		count int
		wg    sync.WaitGroup
	)
	wg.Go(func() {
		mu.Lock()
		defer mu.Unlock()
		count++
	})
	wg.Go(func() {
		mu.Lock()
		defer mu.Unlock()
		count--
	})
	// Wait returns once both goroutines are done and makes their writes
	// visible here, so reading count needs no lock.
	wg.Wait()
	fmt.Println("count =", count)
	// Output: count = 0
}

// This example hammers one counter from ten goroutines, a thousand
// increments each. Every increment holds the lock, so none is lost.
func Example_manyGoroutines() {
	var (
		mu    sync.Mutex
		count int
		wg    sync.WaitGroup
	)
	for range 10 {
		wg.Go(func() {
			for range 1000 {
				mu.Lock()
				count++ // a read, an add and a write: nobody can cut in
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	fmt.Println("count =", count)
	// Output: count = 10000
}

// This example shows that a Mutex has one holder at a time: the worker asks
// for the lock while main holds it, and gets it only after main unlocks.
func Example_oneHolder() {
	var mu sync.Mutex
	asking := make(chan struct{})
	done := make(chan struct{})

	mu.Lock()
	go func() {
		defer close(done)
		fmt.Println("worker: asks for the lock")
		close(asking)
		mu.Lock() // waits: main holds the lock
		defer mu.Unlock()
		fmt.Println("worker: holds the lock")
	}()
	<-asking
	// The worker cannot print again before this line: it needs the lock.
	fmt.Println("main: unlocks")
	mu.Unlock()
	<-done
	// Output:
	// worker: asks for the lock
	// main: unlocks
	// worker: holds the lock
}

// This example shows why Unlock is deferred: the critical section panics,
// the deferred Unlock runs anyway, and the next caller gets the lock.
func Example_deferUnlock() {
	var mu sync.Mutex // guards scores
	scores := []int{10, 20, 30}

	bump := func(i int) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("bump(%d): %v", i, r)
			}
		}()
		mu.Lock()
		defer mu.Unlock() // runs while the panic unwinds, before the recover
		scores[i]++       // panics when i is out of range
		return nil
	}

	fmt.Println(bump(5))
	// Had the panic left the lock held, this call would block forever.
	err := bump(0)
	fmt.Println(err, scores)
	// Output:
	// bump(5): runtime error: index out of range [5] with length 3
	// <nil> [11 20 30]
}

// This example shows TryLock, which never waits: it takes a free lock and
// reports false for a held one, even to the goroutine holding it. Correct
// uses are rare; almost all code should call Lock.
func Example_tryLock() {
	var mu sync.Mutex

	fmt.Println("free, taken:", mu.TryLock())
	// A Mutex is not reentrant: its holder cannot lock it a second time.
	fmt.Println("held, taken:", mu.TryLock())
	mu.Unlock()
	fmt.Println("freed, taken:", mu.TryLock())
	mu.Unlock()
	// Output:
	// free, taken: true
	// held, taken: false
	// freed, taken: true
}

// This example replays, one step at a time, how two unlocked count++ lose an
// update: count++ reads, adds and writes, and B runs all of its count++
// between A's read and A's write. The channels force that interleaving (so
// there is no data race); without a lock the scheduler may pick it any time.
func Example_lostUpdate() {
	count := 0
	read := make(chan struct{})
	wrote := make(chan struct{})
	done := make(chan struct{})

	go func() { // A: count++ in its three steps
		defer close(done)
		v := count // A reads 0
		close(read)
		<-wrote       // B increments here
		count = v + 1 // A writes 1, erasing B's increment
	}()
	<-read
	count++ // B reads 0 and writes 1
	close(wrote)
	<-done
	fmt.Println("two increments, count =", count)
	// Output: two increments, count = 1
}
