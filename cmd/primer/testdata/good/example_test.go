package good_test

import "fmt"

// This example greets.
func Example() {
	fmt.Println("hello")
	// Output: hello
}

// This example counts to two.
func Example_count() {
	for i := range 2 {
		fmt.Println(i + 1)
	}
	// Output:
	// 1
	// 2
}
