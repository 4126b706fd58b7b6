package rwmutex_test

import (
	"fmt"
	"sync"
)

// This example shows the three rules with the lock's non-blocking probes:
// whether a new writer (TryLock) or a new reader (TryRLock) could get in
// while nobody, a writer, or a reader holds the lock.
func Example_threeRules() {
	var mu sync.RWMutex
	// Real code calls Lock and RLock, which wait. The Try methods only look,
	// but a successful one takes the lock, so give it back at once.
	probe := func(holder string) {
		writer := mu.TryLock()
		if writer {
			mu.Unlock()
		}
		reader := mu.TryRLock()
		if reader {
			mu.RUnlock()
		}
		fmt.Printf("held by %-7s -> new writer: %-5t new reader: %t\n", holder, writer, reader)
	}

	probe("nobody")
	mu.Lock()
	probe("writer") // one writer, and no reader while it writes
	mu.Unlock()
	mu.RLock()
	probe("reader") // more readers, but no writer while they read
	mu.RUnlock()
	// Output:
	// held by nobody  -> new writer: true  new reader: true
	// held by writer  -> new writer: false new reader: false
	// held by reader  -> new writer: false new reader: true
}

// This example shows that any number of goroutines hold the read lock at the
// same time: each reader waits, read lock held, until all have arrived.
func Example_readersShare() {
	const readers = 3
	var (
		mu      sync.RWMutex
		arrived sync.WaitGroup // a barrier: each reader arrives once
		wg      sync.WaitGroup
	)
	arrived.Add(readers)
	for range readers {
		wg.Go(func() {
			mu.RLock()
			defer mu.RUnlock()
			arrived.Done()
			// If read locks excluded each other, the second reader would
			// never get here and this Wait would never return: a deadlock.
			arrived.Wait()
		})
	}
	wg.Wait()
	fmt.Println(readers, "readers held the read lock at the same time")
	// Output: 3 readers held the read lock at the same time
}

// This example shows a writer waiting for a reader: Lock blocks until the
// last read lock is released, so the writer always prints second.
func Example_writerWaitsForReader() {
	var mu sync.RWMutex
	asking := make(chan struct{})
	done := make(chan struct{})

	mu.RLock()
	go func() {
		defer close(done)
		close(asking)
		mu.Lock() // waits for main's read lock
		defer mu.Unlock()
		fmt.Println("writer: holds the write lock")
	}()
	<-asking
	fmt.Println("reader: releases the read lock")
	mu.RUnlock()
	<-done
	// Output:
	// reader: releases the read lock
	// writer: holds the write lock
}

// This example shows readers waiting for a writer: readers started while main
// holds the write lock get the read lock only after Unlock, so every one of
// them sees the new value and none sees the old one.
func Example_readersWaitForWriter() {
	var (
		mu     sync.RWMutex
		config = "old"
		seen   [3]string
		wg     sync.WaitGroup
	)
	mu.Lock()
	for i := range seen {
		wg.Go(func() {
			mu.RLock() // waits while main holds the write lock
			defer mu.RUnlock()
			seen[i] = config
		})
	}
	config = "new"
	mu.Unlock()
	wg.Wait()
	fmt.Println(seen)
	// Output: [new new new]
}

// This example shows RLocker: a sync.Locker whose Lock and Unlock take and
// release the read lock, for code that accepts any Locker.
func Example_rLocker() {
	var mu sync.RWMutex
	// withLock knows nothing about RWMutex; it takes the lock it is given.
	withLock := func(l sync.Locker, f func()) {
		l.Lock()
		defer l.Unlock()
		f()
	}
	// canEnter probes with the Try methods. A Try call that succeeds holds
	// the lock, so it is released at once, and only then.
	canEnter := func() (reader, writer bool) {
		if reader = mu.TryRLock(); reader {
			mu.RUnlock()
		}
		if writer = mu.TryLock(); writer {
			mu.Unlock()
		}
		return reader, writer
	}

	withLock(mu.RLocker(), func() {
		reader, writer := canEnter()
		fmt.Println("under RLocker, a reader can enter:", reader)
		fmt.Println("under RLocker, a writer can enter:", writer)
	})
	withLock(&mu, func() {
		reader, _ := canEnter()
		fmt.Println("under the RWMutex itself, a reader can enter:", reader)
	})
	// Output:
	// under RLocker, a reader can enter: true
	// under RLocker, a writer can enter: false
	// under the RWMutex itself, a reader can enter: false
}
