package traced_test

import "fmt"

// This example blocks main on a receive until the goroutine it starts
// sends.
func Example_handoff() {
	ch := make(chan string)
	go func() { ch <- "handed over" }()
	fmt.Println(<-ch)
	// Output: handed over
}

// This example prints a line, then panics.
func Example_panics() {
	fmt.Println("before the panic")
	panic("on purpose")
	// Output: before the panic
}
