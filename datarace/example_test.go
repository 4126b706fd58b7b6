package datarace_test

import (
	"fmt"
	"sync"
)

// This example shares data between goroutines without a data race: they all
// read the same limit, which nobody writes, each writes only its own element
// of squares, and main reads squares only after Wait.
func Example() {
	limit := 10 // read by every goroutine and written by none: no race
	squares := make([]int, 5)
	var wg sync.WaitGroup
	for i := range squares {
		wg.Go(func() {
			squares[i] = min(i*i, limit) // a variable of its own
		})
	}
	wg.Wait() // every goroutine's write happens before Wait returns
	fmt.Println(squares)
	// Output:
	// [0 1 4 9 10]
}
