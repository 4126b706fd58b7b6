package mixed_test

import (
	"fmt"
	"testing"

	"github.com/goprimer/concurrency/internal/lesson/testdata/mixed"
)

func Example() {
	fmt.Println(mixed.Greeting)
	// Output: hello
}

// Example_helper calls a helper of another file, so go/doc makes no
// program of it.
func Example_helper() {
	fmt.Println(shout(mixed.Greeting))
	// Output: HELLO
}

func TestInAnExampleFile(t *testing.T) {}
