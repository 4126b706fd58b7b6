package semaphoredemo_test

import (
	"fmt"
	"sync"
)

// This example uses a buffered channel as a counting semaphore: a send
// acquires a slot, a receive releases it, and the capacity is the limit.
func Example_channel() {
	limit := make(chan struct{}, 2) // at most two at a time
	lengths := make([]int, 5)
	words := []string{"one", "three", "five", "seven", "eleven"}
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() {
			limit <- struct{}{}        // blocks while two others hold a slot
			defer func() { <-limit }() // frees the slot for the next sender
			lengths[i] = len(w)
		})
	}
	wg.Wait()
	fmt.Println(lengths)
	// Output: [3 5 4 5 6]
}

// This example uses a channel of capacity 1 as a lock around a plain
// counter. The memory model orders each receive before the completion of
// the next send, so every holder sees the writes of the one before it.
func Example_channelLock() {
	lock := make(chan struct{}, 1)
	count := 0
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			lock <- struct{}{} // lock
			count++
			<-lock // unlock
		})
	}
	wg.Wait()
	fmt.Println("count:", count)
	// Output: count: 100
}
