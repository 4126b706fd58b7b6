// Package mistakes holds one mistake for each of two vet analyzers.
package mistakes

import "sync"

func addInside() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1) // want "WaitGroup.Add called from inside new goroutine"
		defer wg.Done()
	}()
	wg.Wait()
}

func byValue(mu sync.Mutex) {} // want "byValue passes lock by value: sync.Mutex"
