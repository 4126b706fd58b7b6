package channel_test

import "fmt"

// countdown owns the channel it returns: it creates it, is its only sender,
// and closes it once, after its last send. Returning it as <-chan int hands
// out the receiving end only, so no caller can send on it or close it, and
// no one can send on it after the close or close it twice.
func countdown(from int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := from; i > 0; i-- {
			ch <- i
		}
	}()
	return ch
}

// This example shows ownership: the creator writes and closes; consumers only read.
func Example_ownership() {
	ticks := countdown(3)
	for v := range ticks { // ends when the owner closes the channel
		fmt.Println(v)
	}
	// ticks <- 0 or close(ticks) here would not compile: ticks is receive-only.
	fmt.Println("liftoff")
	// Output:
	// 3
	// 2
	// 1
	// liftoff
}
