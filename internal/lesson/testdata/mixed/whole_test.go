package mixed_test

import "fmt"

type loud string

func (l loud) String() string { return string(l) + "!" }

func Example_whole() {
	fmt.Println(loud("hello"))
	// Output: hello!
}
