package channel_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goprimer/concurrency/internal/watchdog"
)

// Claim C1 in practice: a counter that goroutines share by communicating
// cannot lose an update, and one they share by sharing memory can. count++
// reads, adds and writes, and an update is lost when another goroutine reads
// the counter between one goroutine's read and its write. The tests below
// force that interleaving with channels on every run, instead of waiting for
// the scheduler to pick it: A reads, then hands over to B, and writes only
// after B has read as well, or after B has had to wait. When both goroutines
// touch the counter, B reads the same value as A and one update is lost.
// When one goroutine owns the counter and the others send it their updates,
// the owner is busy with A's update, B's request waits, and the count is
// right. So a counter that stops communicating fails plain go test, with no
// -race needed.

// steps are the points at which a forced interleaving takes control of one
// update of a counter.
type steps struct {
	// waiting is called when the update finds the counter busy with
	// another update, just before it waits for it.
	waiting func()
	// between is called after the read, with the value read, and before
	// the write.
	between func(read int)
}

// ownedCounter is a counter owned by one goroutine: only the owner reads and
// writes the count. Other goroutines share the count by communicating: they
// send the owner an update and wait for its reply. close must be called, or
// the owner leaks.
type ownedCounter struct {
	updates chan update
	total   chan int
}

// update asks the owner to add delta, calling between after its read; the
// owner closes done once it has written.
type update struct {
	delta   int
	between func(read int)
	done    chan struct{}
}

func newOwnedCounter() *ownedCounter {
	c := &ownedCounter{updates: make(chan update), total: make(chan int)}
	go func() {
		n := 0 // only this goroutine touches n
		for u := range c.updates {
			v := n
			u.between(v)
			n = v + u.delta
			close(u.done)
		}
		c.total <- n
	}()
	return c
}

// add hands the update to the owner and returns once the owner has made it.
// It calls s.waiting when the owner is not ready to receive: in the forced
// interleaving, because it is busy with another update.
func (c *ownedCounter) add(delta int, s steps) {
	u := update{delta: delta, between: s.between, done: make(chan struct{})}
	select {
	case c.updates <- u:
	default:
		s.waiting()
		c.updates <- u
	}
	<-u.done
}

// close stops the owner and returns the count.
func (c *ownedCounter) close() int {
	close(c.updates)
	return <-c.total
}

// sharedCounter communicates by sharing memory: every goroutine reads and
// writes n itself, whenever it runs.
type sharedCounter struct {
	n int
}

// add performs n += delta in its three steps, calling s.between after the
// read. Nothing ever makes it wait, so it never calls s.waiting.
func (c *sharedCounter) add(delta int, s steps) {
	v := c.n
	s.between(v)
	c.n = v + delta
}

// interleaving is what the two updates did.
type interleaving struct {
	readA, readB int  // the values A and B read
	bWaited      bool // B found the counter busy and waited
}

// forceLostUpdate runs two updates on a counter at 0, A doing count++ and B
// count--, in the order that loses an update: A reads; B starts, and reads
// too unless it has to wait; A writes; B writes.
func forceLostUpdate(add func(delta int, s steps)) interleaving {
	var got interleaving
	aRead := make(chan struct{})
	aWrote := make(chan struct{})
	bRead := make(chan struct{})
	bWaits := make(chan struct{})
	var wg sync.WaitGroup

	wg.Go(func() {
		add(+1, steps{
			waiting: func() {}, // A comes first: it can wait only for the owner to start
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

// TestCommunicatingLosesNoUpdate forces, in both counters, the interleaving
// that loses an update: a count++ and a count-- end at -1 when the two
// goroutines share the counter's memory, and at 0 when they share it by
// communicating with the goroutine that owns it (C1).
func TestCommunicatingLosesNoUpdate(t *testing.T) {
	t.Run("sharing memory, B reads before A writes and A's count++ is lost", func(t *testing.T) {
		var c sharedCounter
		var got interleaving
		watchdog.Within(t, "the forced interleaving of two updates of shared memory ends", func() {
			got = forceLostUpdate(c.add)
		})
		require.Equal(t, -1, c.n, "count after count++ and count-- on shared memory; want -1, B's write erasing A's")
		require.Equal(t, interleaving{readA: 0, readB: 0}, got, "both updates read the counter before either wrote")
	})

	t.Run("communicating, B's update waits for the owner and the count is right (C1)", func(t *testing.T) {
		c := newOwnedCounter()
		var got interleaving
		var count int
		watchdog.Within(t, "C1: the owner takes B's update once it has written A's, and stops when closed", func() {
			got = forceLostUpdate(c.add)
			count = c.close()
		})
		require.Equal(t, 0, count, "count after count++ and count-- sent to the owner; want 0 (C1: only the owner touches the count, one update at a time)")
		require.Equal(t, interleaving{readA: 0, readB: 1, bWaited: true}, got, "B's update waits while the owner is busy with A's, then reads A's write (C1)")
	})
}
