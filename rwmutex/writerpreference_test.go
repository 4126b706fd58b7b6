package rwmutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// TestWaitingWriterBlocksNewReaders shows the writer preference of RWMutex:
// once a writer waits in Lock, a new reader cannot get in, even though the
// lock is held only for reading. Were it otherwise, TryRLock would succeed.
func TestWaitingWriterBlocksNewReaders(t *testing.T) {
	var mu sync.RWMutex
	acquired := make(chan struct{}) // the writer's Lock returned
	release := make(chan struct{})  // the writer may unlock
	done := make(chan struct{})

	mu.RLock() // the test goroutine is the reader already inside
	go func() {
		defer close(done)
		mu.Lock()
		close(acquired)
		<-release
		mu.Unlock()
	}()
	waitUntilParked(t, "sync.RWMutex.Lock", acquired,
		"the writer's Lock returned while a reader held the lock; want it to wait")

	assert.False(t, canRLock(&mu), "a new reader could enter while a writer waited; want it kept out")

	mu.RUnlock() // the last reader leaves, so the waiting writer goes in
	watchdog.Within(t, "the last RUnlock lets the waiting writer's Lock return", func() { <-acquired })
	assert.False(t, canRLock(&mu), "a reader could enter while the writer held the lock")
	close(release)
	watchdog.Within(t, "the writer unlocks and returns once released", func() { <-done })
	require.True(t, canRLock(&mu), "no reader could enter after the writer unlocked")
}

// TestRecursiveReadLockDeadlocks builds the deadlock that writer preference
// causes: a goroutine holding a read lock calls RLock again just after a
// writer started waiting. The second RLock waits for the writer, the writer
// waits for the first read lock, and both stay parked. If a waiting writer
// did not block new readers, the second RLock would return and the test
// would fail.
func TestRecursiveReadLockDeadlocks(t *testing.T) {
	var (
		mu       sync.RWMutex
		holding  = make(chan struct{}) // the reader holds its first read lock
		again    = make(chan struct{}) // the reader may read-lock again
		second   = make(chan struct{}) // the reader's second RLock returned
		writerIn = make(chan struct{}) // the writer's Lock returned
		events   = make(chan string, 2)
		wg       sync.WaitGroup
	)
	wg.Go(func() { // the reader
		mu.RLock()
		close(holding)
		<-again
		mu.RLock() // a recursive read lock, as a helper that locks again would take
		events <- "reader: second read lock"
		close(second)
		mu.RUnlock()
		// The first read lock is released by the test goroutine below.
	})
	watchdog.Within(t, "the reader's first RLock, on a free RWMutex, returns", func() { <-holding })
	wg.Go(func() { // the writer
		mu.Lock()
		events <- "writer: write lock"
		close(writerIn)
		mu.Unlock()
	})
	waitUntilParked(t, "sync.RWMutex.Lock", writerIn,
		"the writer's Lock returned while a reader held the lock; want it to wait")
	close(again)
	waitUntilParked(t, "sync.RWMutex.RLock", second,
		"the second RLock returned while a writer waited; want it to wait for the writer")

	// The reader waits for the writer and the writer for the reader: a
	// deadlock, seen in one dump as both goroutines parked at once.
	require.Equal(t, map[string]int{"sync.RWMutex.RLock": 1, "sync.RWMutex.Lock": 1}, parked(t),
		"goroutines of this test by wait reason")

	// Neither can break the cycle. A third goroutine can, because an
	// RWMutex is not tied to the goroutine that locked it: release the
	// reader's first read lock on its behalf. The writer goes first, then the
	// reader's second RLock returns.
	mu.RUnlock()
	watchdog.Within(t, "releasing the reader's first read lock lets the writer in, then the reader's second RLock", wg.Wait)
	close(events)
	var got []string
	for e := range events {
		got = append(got, e)
	}
	require.Equal(t, []string{"writer: write lock", "reader: second read lock"}, got)
}

// TestReadLockCannotBeUpgraded shows that a read lock cannot be turned into
// a write lock: a goroutine holding RLock that calls Lock waits for every
// read lock to be released, its own included, so it waits for itself. Were
// it otherwise, its Lock would return and the test would fail.
func TestReadLockCannotBeUpgraded(t *testing.T) {
	var mu sync.RWMutex
	locked := make(chan struct{}) // the upgrading goroutine's Lock returned
	holding := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		mu.RLock()
		close(holding)
		mu.Lock() // an attempted upgrade: waits for its own read lock
		close(locked)
		mu.Unlock()
	})
	watchdog.Within(t, "RLock on a free RWMutex returns", func() { <-holding })
	waitUntilParked(t, "sync.RWMutex.Lock", locked,
		"Lock returned while its own goroutine held a read lock; want it to wait")

	// Only another goroutine can end the wait, by releasing the read lock
	// on the stuck goroutine's behalf: an RWMutex is not tied to the
	// goroutine that locked it.
	mu.RUnlock()
	watchdog.Within(t, "releasing the read lock lets the upgrading goroutine's Lock return", wg.Wait)
	require.True(t, canLock(&mu), "no writer could enter after the upgrader unlocked")
}
