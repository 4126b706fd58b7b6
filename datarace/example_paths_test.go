package datarace_test

import (
	"fmt"
	"sync"
)

// count adds up 1 to 10 in a total guarded by a Mutex. In verbose mode it
// also starts a goroutine that reads the total without the lock: a data
// race, on a path that runs only when verbose is true.
func count(verbose bool) int {
	var (
		mu    sync.Mutex
		total int // guarded by mu
		wg    sync.WaitGroup
	)
	if verbose {
		wg.Go(func() {
			fmt.Println("so far:", total) // the bug: reads total without mu
		})
	}
	for i := range 10 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			total += i + 1
		})
	}
	wg.Wait()
	return total
}

// This example passes go test -race although count holds a data race: the
// race detector judges only the memory accesses that run, and the racy read
// runs only in verbose mode, which this example never turns on.
func Example_pathNotTaken() {
	fmt.Println("total:", count(false))
	// Output:
	// total: 55
}
