package mismatch_test

import "fmt"

// This example's comment promises what the code does not print.
func Example() {
	fmt.Println("what it prints")
	// Output: what it promises
}

// This example keeps its promise.
func Example_kept() {
	fmt.Println("as promised")
	// Output: as promised
}
