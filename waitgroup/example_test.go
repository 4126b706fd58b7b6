package waitgroup_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// This example is the article's program: count the goroutine with Add before
// starting it, call Done when it finishes, and Wait for the count to reach zero.
func Example() {
	var wg sync.WaitGroup // the zero value is ready to use

	// Add before the go statement, so Wait cannot miss this goroutine.
	wg.Add(1)
	go func() {
		// Deferred, Done runs however the function returns.
		defer wg.Done()
		fmt.Println("goroutine finished")
	}()

	wg.Wait() // blocks until Done has brought the counter back to zero
	fmt.Println("main continues")
	// Output:
	// goroutine finished
	// main continues
}

// This example uses WaitGroup.Go (Go 1.25), which does the Add, the go
// statement and the deferred Done in one call.
func Example_go() {
	nums := []int{1, 2, 3, 4}
	var sum, product int

	var wg sync.WaitGroup
	// Each task writes only its own variable, so the tasks need no lock.
	wg.Go(func() {
		for _, n := range nums {
			sum += n
		}
	})
	wg.Go(func() {
		product = 1
		for _, n := range nums {
			product *= n
		}
	})
	wg.Wait() // both writes happen before Wait returns
	fmt.Println("sum:", sum, "product:", product)
	// Output:
	// sum: 10 product: 24
}

// This example collects one result per worker into its own slot, so the output
// is in input order whichever worker finishes first.
func Example_results() {
	docs := []string{
		"a waitgroup waits",
		"for a group of goroutines",
		"to finish",
	}
	words := make([]int, len(docs)) // slot i belongs to worker i

	var wg sync.WaitGroup
	for i, doc := range docs {
		wg.Go(func() {
			// No two workers write the same element: no lock is needed.
			words[i] = len(strings.Fields(doc))
		})
	}
	wg.Wait() // every slot is written before Wait returns
	for i, doc := range docs {
		fmt.Printf("%q: %d words\n", doc, words[i])
	}
	// Output:
	// "a waitgroup waits": 3 words
	// "for a group of goroutines": 5 words
	// "to finish": 2 words
}

// This example keeps every worker's error in its own slot and joins them after
// Wait, in input order.
func Example_errors() {
	inputs := []string{"7", "seven", "42", "4x2"}
	nums := make([]int, len(inputs))
	errs := make([]error, len(inputs))

	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Go(func() {
			nums[i], errs[i] = strconv.Atoi(in)
		})
	}
	wg.Wait()

	// Join skips nil errors; the result is nil when every worker succeeded.
	if err := errors.Join(errs...); err != nil {
		fmt.Println(err)
	}
	fmt.Println(nums)
	// Output:
	// strconv.Atoi: parsing "seven": invalid syntax
	// strconv.Atoi: parsing "4x2": invalid syntax
	// [7 0 42 0]
}

// This example keeps only the first error and cancels the other workers: what
// golang.org/x/sync/errgroup does for you with WithContext.
func Example_firstError() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	// fail records the first error it is given and stops everyone else.
	fail := func(err error) {
		once.Do(func() {
			firstErr = err
			cancel()
		})
	}
	for i := range 3 {
		wg.Go(func() {
			if i == 1 {
				fail(fmt.Errorf("worker %d: disk full", i))
				return
			}
			// The others run until cancelled; their errors come later and are dropped.
			<-ctx.Done()
			fail(fmt.Errorf("worker %d: %w", i, ctx.Err()))
		})
	}
	wg.Wait()
	fmt.Println(firstErr)
	// Output:
	// worker 1: disk full
}

// This example shows what goes wrong when Add runs inside the goroutine: a
// channel holds the goroutine back, as a busy scheduler might, and Wait
// returns before the work is even counted.
func Example_addInsideGoroutine() {
	var wg sync.WaitGroup
	start := make(chan struct{})
	finished := make(chan struct{})
	result := "not ready"

	go func() {
		<-start   // not yet scheduled, so to speak
		wg.Add(1) // WRONG: counted too late, Wait may be over already
		defer wg.Done()
		result = "ready"
		close(finished)
	}()

	wg.Wait() // the counter is still zero, so Wait returns at once
	fmt.Println("after Wait:", result)

	close(start)
	<-finished // the goroutine runs only now; wait for it properly
	fmt.Println("after the goroutine:", result)
	// Output:
	// after Wait: not ready
	// after the goroutine: ready
}

// This example calls Done once more than Add: the counter would go negative,
// so the WaitGroup panics.
func Example_negativeCounter() {
	defer func() {
		// The panic value is a plain string, not an error.
		r := recover()
		fmt.Printf("%T: %v\n", r, r)
	}()

	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done() // one Done too many
	// Output:
	// string: sync: negative WaitGroup counter
}
