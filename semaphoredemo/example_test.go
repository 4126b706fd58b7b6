package semaphoredemo_test

import (
	"context"
	"fmt"

	"golang.org/x/sync/semaphore"
)

// This example bounds how many goroutines work at once with a Weighted
// semaphore, and waits for the last of them by acquiring the whole weight.
func Example() {
	const limit = 2
	ctx := context.Background()
	sem := semaphore.NewWeighted(limit)
	squares := make([]int, 6)
	for i := range squares {
		// Blocks while two goroutines are working, until one releases.
		if err := sem.Acquire(ctx, 1); err != nil {
			fmt.Println("acquire:", err)
			return
		}
		go func() {
			defer sem.Release(1)
			squares[i] = (i + 1) * (i + 1)
		}()
	}
	// The whole weight is free only once every goroutine has released, and
	// each Release happens before the Acquire it makes possible.
	if err := sem.Acquire(ctx, limit); err != nil {
		fmt.Println("acquire:", err)
		return
	}
	fmt.Println(squares)
	// Output: [1 4 9 16 25 36]
}

// This example shows TryAcquire, which never waits: it takes the weight if
// it is free and reports false, taking nothing, if it is not.
func Example_tryAcquire() {
	sem := semaphore.NewWeighted(3)
	fmt.Println("take 2:", sem.TryAcquire(2))
	fmt.Println("take 2 more:", sem.TryAcquire(2)) // only 1 free
	fmt.Println("take 1:", sem.TryAcquire(1))      // the refused call took nothing
	sem.Release(3)
	fmt.Println("take 3 after releasing:", sem.TryAcquire(3))
	// Output:
	// take 2: true
	// take 2 more: false
	// take 1: true
	// take 3 after releasing: true
}

// This example shows that an Acquire whose context ends first returns the
// context's error and holds nothing: afterwards the whole weight is free.
func Example_acquireCanceled() {
	sem := semaphore.NewWeighted(2)
	_ = sem.TryAcquire(2) // main holds everything, so Acquire below must wait

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error)
	go func() { errc <- sem.Acquire(ctx, 1) }()
	// Whether the goroutine is already waiting or has not yet called
	// Acquire, a cancelled context makes Acquire fail.
	cancel()
	fmt.Println("acquire:", <-errc)

	sem.Release(2)
	fmt.Println("all 2 free again:", sem.TryAcquire(2))
	// Output:
	// acquire: context canceled
	// all 2 free again: true
}

// This example shows the one large request that does not hold up the
// queue: one for more than the semaphore's size, which can never be met,
// waits for its context without joining the queue.
func Example_tooLarge() {
	sem := semaphore.NewWeighted(10)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() { errc <- sem.Acquire(ctx, 11) }()

	// Whether or not the request for 11 has begun to wait, requests that
	// fit are served at once.
	fmt.Println("acquire 10:", sem.Acquire(context.Background(), 10))
	sem.Release(10)

	cancel() // without this, Acquire(ctx, 11) would wait for ever
	fmt.Println("acquire 11:", <-errc)
	// Output:
	// acquire 10: <nil>
	// acquire 11: context canceled
}

// This example shows the panic on releasing more weight than is held.
func Example_releaseTooMuch() {
	sem := semaphore.NewWeighted(2)
	_ = sem.TryAcquire(1)
	defer func() { fmt.Println("panic:", recover()) }()
	sem.Release(2) // only 1 is held
	// Output: panic: semaphore: released more than held
}
