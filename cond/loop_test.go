package cond_test

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
)

// queue is a slice of ints guarded by a Mutex, with a Cond announcing that
// it is no longer empty.
type queue struct {
	mu       sync.Mutex
	items    []int // guarded by mu
	notEmpty *sync.Cond
}

func newQueue() *queue {
	q := &queue{}
	q.notEmpty = sync.NewCond(&q.mu)
	return q
}

// push adds v; the caller must hold q.mu.
func (q *queue) push(v int) { q.items = append(q.items, v) }

// pop takes the first item, reporting false if there is none; the caller
// must hold q.mu.
func (q *queue) pop() (int, bool) {
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

// takeIf is the broken consumer: it checks the condition once, with if.
func (q *queue) takeIf() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	return q.pop()
}

// take is the right consumer: it waits in a loop until the queue has an
// item, so it always gets one.
func (q *queue) take() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	return q.pop()
}

// TestWaitBelongsInALoop proves CD2: when Wait returns, the condition it
// waited for may be false again, because between the wake-up and the
// re-lock another goroutine took the lock and changed it. A consumer that
// checks once with if goes on with an empty queue; one that checks in a loop
// waits again.
func TestWaitBelongsInALoop(t *testing.T) {
	type result struct {
		v  int
		ok bool
	}

	t.Run("Broadcast wakes two consumers for one item: with if, one finds nothing", func(t *testing.T) {
		bubble(t, "CD2: both consumers return after Broadcast", func(t *testing.T) {
			q := newQueue()
			results := make(chan result, 2)
			for range 2 {
				go func() {
					v, ok := q.takeIf()
					results <- result{v, ok}
				}()
			}
			synctest.Wait() // both are in Wait
			q.mu.Lock()
			q.push(7)
			q.notEmpty.Broadcast()
			q.mu.Unlock()
			got := []result{<-results, <-results}
			require.ElementsMatch(t, []result{{7, true}, {0, false}}, got,
				"CD2: what the two if-consumers got; the second to lock found the queue empty")
		})
	})

	t.Run("Broadcast wakes two consumers for one item: with a loop, one waits again", func(t *testing.T) {
		bubble(t, "CD2: each looping consumer gets an item", func(t *testing.T) {
			q := newQueue()
			results := make(chan result, 2)
			for range 2 {
				go func() {
					v, ok := q.take()
					results <- result{v, ok}
				}()
			}
			synctest.Wait()
			q.mu.Lock()
			q.push(7)
			q.notEmpty.Broadcast()
			q.mu.Unlock()
			synctest.Wait() // the winner has returned; the other is back in Wait
			require.Equal(t, 1, len(results), "CD2: consumers returned after one item")
			require.Equal(t, result{7, true}, <-results, "CD2: the first consumer's result")
			q.mu.Lock()
			q.push(8)
			q.notEmpty.Signal()
			q.mu.Unlock()
			require.Equal(t, result{8, true}, <-results, "CD2: the second consumer's result")
		})
	})

	// Signal's documentation warns that goroutines trying to lock c.L may
	// get it before the woken waiter. Here the goroutine that signals is
	// that goroutine: it takes the item back before unlocking, the one
	// interleaving the scheduler may otherwise choose at random.
	t.Run("the item is taken between the wake-up and the re-lock: with if, the consumer finds nothing", func(t *testing.T) {
		bubble(t, "CD2: the if-consumer returns after Signal", func(t *testing.T) {
			q := newQueue()
			results := make(chan result, 1)
			go func() {
				v, ok := q.takeIf()
				results <- result{v, ok}
			}()
			synctest.Wait()
			q.mu.Lock()
			q.push(7)
			q.notEmpty.Signal() // the consumer is woken; it needs q.mu to return
			_, _ = q.pop()
			q.mu.Unlock()
			require.Equal(t, result{0, false}, <-results, "CD2: the if-consumer's result")
		})
	})

	t.Run("the item is taken between the wake-up and the re-lock: with a loop, the consumer waits again", func(t *testing.T) {
		bubble(t, "CD2: the looping consumer gets the next item", func(t *testing.T) {
			q := newQueue()
			results := make(chan result, 1)
			go func() {
				v, ok := q.take()
				results <- result{v, ok}
			}()
			synctest.Wait()
			q.mu.Lock()
			q.push(7)
			q.notEmpty.Signal()
			_, _ = q.pop()
			q.mu.Unlock()
			synctest.Wait()
			require.Equal(t, 0, len(results), "CD2: the looping consumer returned with the queue empty")
			q.mu.Lock()
			q.push(8)
			q.notEmpty.Signal()
			q.mu.Unlock()
			require.Equal(t, result{8, true}, <-results, "CD2: the looping consumer's result")
		})
	})
}
