package broken

import (
	"fmt"
	"testing"
)

func TestMain(m *testing.M) { m.Run() }

// This example is in the internal test package and calls a helper of
// another file.
func Example_notPlayable() {
	fmt.Println(Helper())
	// Output: 1
}
