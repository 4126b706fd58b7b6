package channel_test

import "fmt"

// count sends 1 to n on out and closes it. The chan<- type lets it only
// send (and close), and the compiler holds it to that.
func count(n int, out chan<- int) {
	defer close(out) // closing is the sender's job, so a send-only channel may be closed
	for i := range n {
		out <- i + 1
	}
}

// square receives from in and sends squares on out: one direction for each.
// A receive from out or a send on in would not compile.
func square(in <-chan int, out chan<- int) {
	defer close(out)
	for v := range in {
		out <- v * v
	}
}

// This example wires a pipeline whose signatures declare which way values flow.
func Example_directions() {
	// The directions document each stage, and the compiler enforces them.
	numbers := make(chan int)
	squares := make(chan int)
	// A chan int converts implicitly to chan<- int and to <-chan int.
	go count(4, numbers)
	go square(numbers, squares)
	for v := range squares {
		fmt.Println(v)
	}
	// Output:
	// 1
	// 4
	// 9
	// 16
}
