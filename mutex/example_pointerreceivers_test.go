package mutex_test

import (
	"fmt"
	"sync"
)

// Tally counts votes. It is safe for concurrent use and its zero value is
// ready to use. A Tally must not be copied after first use: a copy would get
// a lock of its own and guard nothing. So every method has a pointer
// receiver.
type Tally struct {
	mu    sync.Mutex // guards votes
	votes map[string]int
}

// Vote adds one vote for name.
//
// With a value receiver, (t Tally), Vote would lock a copy of the Mutex, and
// go vet would report "Vote passes lock by value".
func (t *Tally) Vote(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.votes == nil {
		t.votes = make(map[string]int)
	}
	t.votes[name]++
}

// Count returns the number of votes for name.
func (t *Tally) Count(name string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.votes[name]
}

// This example shows a type that holds a Mutex. Its methods have pointer
// receivers, so a hundred goroutines voting at once share one lock and one
// map.
func Example_pointerReceivers() {
	var tally Tally // the zero value is ready to use
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			if i%4 == 0 {
				tally.Vote("no")
			} else {
				tally.Vote("yes")
			}
		})
	}
	wg.Wait()
	fmt.Println("yes:", tally.Count("yes"), "no:", tally.Count("no"))
	// Output: yes: 75 no: 25
}
