package broken_test

import (
	"fmt"

	"github.com/stretchr/testify/require"
)

func ExampleBroken() {
	fmt.Println("never run")
}

// This example's order is not fixed.
func Example_unordered() {
	require.True(nil, true)
	fmt.Println("a")
	// Unordered output:
	// a
}
