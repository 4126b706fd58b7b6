// Package clean has a mistake that vet does not see: a want comment here
// is a claim that Check must refuse.
package clean

import "sync"

func addBefore() {
	var wg sync.WaitGroup
	wg.Add(1) // want "WaitGroup.Add called from inside new goroutine"
	go func() {
		defer wg.Done()
	}()
	wg.Wait()
}
