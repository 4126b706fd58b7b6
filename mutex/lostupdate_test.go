package mutex_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// count++ reads, adds and writes. It loses an update when another goroutine
// reads the counter after this one has read it and before this one has
// written it. The scheduler picks that interleaving only now and then, so a
// test that merely hammers an unguarded counter may pass, and only the race
// detector is sure to catch it. The tests in this file do not leave it to the
// scheduler: channels force the interleaving on every run. A reads, then
// hands over to B, and writes only after B has read as well, or after B has
// had to wait. Without the lock B reads the same value as A and one update is
// lost; with the lock B waits, and the count is right. So breaking the lock
// fails plain go test, with no -race needed.

// steps are the points at which a forced interleaving takes control of one
// update of a counter.
type steps struct {
	// waiting is called when the update finds the counter in use by
	// another goroutine, just before it waits for it.
	waiting func()
	// between is called after the read, with the value read, and before
	// the write.
	between func(read int)
}

// noSteps lets an update run through without stopping.
var noSteps = steps{waiting: func() {}, between: func(int) {}}

// lockedCounter is the article's counter: n is read and written only with
// mu held.
type lockedCounter struct {
	mu sync.Mutex // guards n
	n  int
}

// add performs n += delta in its three steps, read, add and write, under the
// lock, calling s.between after the read.
func (c *lockedCounter) add(delta int, s steps) {
	c.lock(s.waiting)
	defer c.mu.Unlock()
	v := c.n
	s.between(v)
	c.n = v + delta
}

// lock is c.mu.Lock, except that it calls waiting first when it will have
// to wait: TryLock fails only while another goroutine holds the lock.
func (c *lockedCounter) lock(waiting func()) {
	if !c.mu.TryLock() {
		waiting()
		c.mu.Lock()
	}
}

// bareCounter is the same counter without a lock: every goroutine reads and
// writes n whenever it runs.
type bareCounter struct {
	n int
}

// add performs n += delta in its three steps, calling s.between after the
// read. Nothing ever makes it wait, so it never calls s.waiting.
func (c *bareCounter) add(delta int, s steps) {
	v := c.n
	s.between(v)
	c.n = v + delta
}

// interleaving is what the two updates did.
type interleaving struct {
	readA, readB int  // the values A and B read
	bWaited      bool // B found the counter in use and waited
}

// forceLostUpdate runs the article's two updates on a counter at 0, A doing
// count++ and B count--, in the order that loses an update: A reads; B
// starts, and reads too unless it has to wait; A writes; B writes.
func forceLostUpdate(add func(delta int, s steps)) interleaving {
	var got interleaving
	aRead := make(chan struct{})
	aWrote := make(chan struct{})
	bRead := make(chan struct{})
	bWaits := make(chan struct{})
	var wg sync.WaitGroup

	wg.Go(func() {
		add(+1, steps{
			waiting: func() {}, // A comes first and finds the counter free
			between: func(v int) {
				got.readA = v
				close(aRead)
				// Hand over to B, and write only once B has read
				// too, or is waiting for A to finish.
				select {
				case <-bRead:
				case <-bWaits:
				}
			},
		})
		close(aWrote)
	})
	<-aRead
	wg.Go(func() {
		add(-1, steps{
			waiting: func() {
				got.bWaited = true
				close(bWaits)
			},
			between: func(v int) {
				got.readB = v
				close(bRead)
				<-aWrote // B writes after A
			},
		})
	})
	wg.Wait()
	return got
}

// TestLockPreventsTheLostUpdate forces, in both counters, the interleaving
// that loses an update, and checks the counts: the article's count++ and
// count-- end at 0 under the lock (claim M2), at -1 without it.
func TestLockPreventsTheLostUpdate(t *testing.T) {
	t.Run("without the lock B reads before A writes and A's count++ is lost", func(t *testing.T) {
		var c bareCounter
		var got interleaving
		watchdog.Within(t, "the forced interleaving of two unguarded updates ends", func() {
			got = forceLostUpdate(c.add)
		})
		require.Equal(t, -1, c.n, "count after count++ and count-- without the lock; want -1, B's write erasing A's")
		require.Equal(t, interleaving{readA: 0, readB: 0}, got, "both updates read the counter before either wrote")
	})

	t.Run("with the lock B waits for A's write and the count is right (M2)", func(t *testing.T) {
		var c lockedCounter
		var got interleaving
		watchdog.Within(t, "M2: with the lock held, B waits for A to write and unlock, then updates the counter", func() {
			got = forceLostUpdate(c.add)
		})
		require.Equal(t, 0, c.n, "count after count++ and count-- under the lock; want 0 (M2: the lock keeps B from reading between A's read and A's write)")
		require.Equal(t, interleaving{readA: 0, readB: 1, bWaited: true}, got, "B waits for the lock, then reads A's write (M2)")
	})
}
