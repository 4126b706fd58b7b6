package cond_test

import (
	"fmt"
	"sync"
)

// This example is a queue whose consumer waits on a Cond until an item
// arrives, checking the condition in a loop; the producer signals after
// each change.
func Example() {
	var (
		mu     sync.Mutex
		items  []string // guarded by mu
		closed bool     // guarded by mu
		got    []string
		wg     sync.WaitGroup
	)
	changed := sync.NewCond(&mu)

	wg.Go(func() {
		mu.Lock()
		defer mu.Unlock()
		for {
			for len(items) == 0 && !closed {
				changed.Wait() // unlocks mu while it waits
			}
			if len(items) == 0 {
				return // closed and drained
			}
			got = append(got, items[0])
			items = items[1:]
		}
	})
	for _, s := range []string{"a", "b", "c"} {
		mu.Lock()
		items = append(items, s)
		mu.Unlock()
		changed.Signal()
	}
	mu.Lock()
	closed = true
	mu.Unlock()
	changed.Signal()
	wg.Wait()
	fmt.Println(got)
	// Output: [a b c]
}

// This example shows that Wait releases the lock while it waits, so main
// can take it, and holds the lock again when it returns.
func Example_waitUnlocks() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false // guarded by mu
	waiting := make(chan struct{})
	done := make(chan struct{})

	go func() {
		defer close(done)
		mu.Lock()
		defer mu.Unlock()
		fmt.Println("waiter: holds the lock, waits")
		close(waiting)
		for !ready {
			c.Wait()
		}
		fmt.Println("waiter: woke up; lock held:", !mu.TryLock())
	}()
	<-waiting
	mu.Lock() // possible only once the waiter's Wait has unlocked mu
	fmt.Println("main: took the lock while the waiter waits")
	ready = true
	c.Signal()
	mu.Unlock() // Wait cannot return before this: it must lock mu again
	<-done
	// Output:
	// waiter: holds the lock, waits
	// main: took the lock while the waiter waits
	// waiter: woke up; lock held: true
}

// This example shows why Wait belongs in a loop: Broadcast wakes two
// consumers for one item, and whichever locks second finds the queue empty
// again and goes back to waiting. With if instead of for, it would read
// from an empty queue.
func Example_waitInALoop() {
	var (
		mu    sync.Mutex
		queue []int // guarded by mu
		got   []int
		wg    sync.WaitGroup
	)
	notEmpty := sync.NewCond(&mu)
	waiting := make(chan struct{})

	for range 2 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			for len(queue) == 0 {
				waiting <- struct{}{} // mu stays locked until Wait releases it
				notEmpty.Wait()
			}
			got = append(got, queue[0])
			queue = queue[1:]
		})
	}
	<-waiting
	<-waiting
	mu.Lock() // both consumers are in Wait now
	queue = append(queue, 1)
	notEmpty.Broadcast()
	mu.Unlock()

	<-waiting // one consumer woke to an empty queue
	fmt.Println("one consumer found the queue empty and waits again")
	mu.Lock()
	queue = append(queue, 2)
	notEmpty.Signal()
	mu.Unlock()
	wg.Wait()
	fmt.Println("taken:", got)
	// Output:
	// one consumer found the queue empty and waits again
	// taken: [1 2]
}

// This example shows that Signal wakes one waiting goroutine and Broadcast
// wakes all the others: each waiter counts its wake-ups and takes a ticket.
func Example_signalAndBroadcast() {
	var (
		mu      sync.Mutex
		tickets int // guarded by mu
		wakeups int // guarded by mu
		wg      sync.WaitGroup
	)
	c := sync.NewCond(&mu)
	waiting := make(chan struct{})
	served := make(chan struct{})

	for range 3 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			waiting <- struct{}{}
			for tickets == 0 {
				c.Wait()
				wakeups++
			}
			tickets--
			served <- struct{}{}
		})
	}
	for range 3 {
		<-waiting
	}
	mu.Lock() // all three are in Wait now
	tickets = 1
	c.Signal()
	mu.Unlock()
	<-served
	mu.Lock()
	fmt.Println("after Signal, wake-ups:", wakeups)
	tickets = 2
	c.Broadcast()
	mu.Unlock()
	<-served
	<-served
	wg.Wait()
	fmt.Println("after Broadcast, wake-ups:", wakeups)
	// Output:
	// after Signal, wake-ups: 1
	// after Broadcast, wake-ups: 3
}

// This example shows a closed channel as a one-time broadcast: closing it
// releases every goroutine waiting to receive, and one that arrives after
// the close passes at once. A Cond would need a flag, a lock and a loop for
// the same, and a Broadcast that came before a Wait would be missed.
func Example_closedChannel() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range 2 {
		wg.Go(func() {
			<-start // blocks until start is closed
			results[i] = fmt.Sprint("runner ", i, ": started")
		})
	}
	close(start) // the broadcast: every receive from start now succeeds
	wg.Go(func() {
		<-start // a latecomer: the channel is already closed
		results[2] = "latecomer: started"
	})
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// runner 0: started
	// runner 1: started
	// latecomer: started
}

// This example shows a copy that vet cannot see: append moves a full
// slice to a new array, copying the Cond inside each element, and the moved
// Cond panics at its next use because it was used before the move.
func Example_copied() {
	type room struct {
		cond sync.Cond // by value: a slice of rooms must never grow
	}
	var mu sync.Mutex
	rooms := make([]room, 1)
	rooms[0].cond.L = &mu
	rooms[0].cond.Broadcast() // first use: the Cond records its address
	rooms = append(rooms, room{})

	defer func() { fmt.Println("recovered:", recover()) }()
	rooms[0].cond.Broadcast()
	// Output: recovered: sync.Cond is copied
}
