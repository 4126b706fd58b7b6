package cond_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/goprimer/concurrency/cond"
)

// This example makes a Cond wait cancellable: WaitContext returns
// context.Canceled when the waiter's context is cancelled, although the
// condition never became true.
func ExampleWaitContext() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready, checks := false, 0 // guarded by mu
	asked := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	done := make(chan error)
	go func() {
		mu.Lock()
		defer mu.Unlock()
		done <- cond.WaitContext(ctx, c, func() bool {
			checks++
			if checks == 1 {
				close(asked)
			}
			return ready
		})
	}()
	<-asked
	mu.Lock() // succeeds only once the waiter is in Wait, which unlocks mu
	cancel()  // WaitContext's AfterFunc broadcasts once it can lock mu
	mu.Unlock()
	err := <-done
	fmt.Println(err, errors.Is(err, context.Canceled))
	fmt.Println("condition checked", checks, "times")
	// Output:
	// context canceled true
	// condition checked 2 times
}
