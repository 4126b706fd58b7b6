//go:build ignore

package mixed_test

import "fmt"

// Example_ignored is in a file the go command leaves out of every build,
// so neither go test nor lesson sees it.
func Example_ignored() {
	fmt.Println("never")
	// Output: never
}
