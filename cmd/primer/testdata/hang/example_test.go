package hang_test

import (
	"fmt"
	"time"
)

// This example returns.
func Example() {
	fmt.Println("returned")
	// Output: returned
}

// This example does not return before primer stops it.
func Example_hangs() {
	time.Sleep(time.Hour)
	// Output:
}
