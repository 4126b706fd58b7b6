package once_test

import (
	"fmt"
	"slices"
	"sync"
)

// This example has ten goroutines need the same settings. Once.Do builds them
// once, and every goroutine reads them without a lock, because no Do returns
// before the one call of f has returned.
func Example() {
	var (
		once     sync.Once
		settings map[string]string // written only inside once.Do
		builds   int
		wg       sync.WaitGroup
	)
	ports := make([]string, 10)
	for i := range ports {
		wg.Go(func() {
			once.Do(func() {
				builds++
				settings = map[string]string{"port": "8080"}
			})
			ports[i] = settings["port"]
		})
	}
	wg.Wait()
	fmt.Println("builds:", builds)
	fmt.Println("ports seen:", slices.Compact(ports))
	// Output:
	// builds: 1
	// ports seen: [8080]
}

// This example shows a second caller arriving while f runs: its Do waits
// until f has returned, and then returns without calling its own function.
func Example_waitForF() {
	var once sync.Once
	var wg sync.WaitGroup
	started, calling, finish := make(chan struct{}), make(chan struct{}), make(chan struct{})

	wg.Go(func() {
		once.Do(func() {
			fmt.Println("first: f starts")
			close(started)
			<-finish
			fmt.Println("first: f returns")
		})
	})
	<-started
	wg.Go(func() {
		fmt.Println("second: calls Do")
		close(calling)
		once.Do(func() { fmt.Println("second: never printed") })
		fmt.Println("second: Do returned")
	})
	<-calling
	fmt.Println("main: lets f finish")
	close(finish)
	wg.Wait()
	// Output:
	// first: f starts
	// second: calls Do
	// main: lets f finish
	// first: f returns
	// second: Do returned
}

// This example shows that a panic in f counts as done: the panic reaches the
// caller whose Do ran f, and a later Do returns without calling anything.
func Example_panic() {
	var once sync.Once
	setUp := func(f func()) {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered:", r)
			}
		}()
		once.Do(f)
		fmt.Println("Do returned")
	}

	setUp(func() { panic("config file missing") })
	setUp(func() { fmt.Println("second f runs") })
	// Output:
	// recovered: config file missing
	// Do returned
}

// This example calls Do inside f, on a different Once, which is fine: the
// cache needs the database, so warming the cache opens it first. Calling
// warmCache from inside cacheOnce's own f, or dbOnce.Do from inside openDB's
// f, would wait for itself forever.
func Example_nestedOnces() {
	var dbOnce, cacheOnce sync.Once
	var steps []string
	openDB := func() {
		dbOnce.Do(func() { steps = append(steps, "open db") })
	}
	warmCache := func() {
		cacheOnce.Do(func() {
			openDB() // another Once: it does not wait for cacheOnce
			steps = append(steps, "warm cache")
		})
	}

	warmCache()
	openDB()
	warmCache()
	fmt.Println(steps)
	// Output: [open db warm cache]
}
