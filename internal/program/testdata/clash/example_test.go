package clash_test

import "fmt"

func greeting() string { return "one" }

// This example declares greeting, as Example_whole does.
func Example() {
	fmt.Println(greeting())
	// Output: one
}
