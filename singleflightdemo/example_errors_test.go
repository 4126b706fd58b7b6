package singleflightdemo_test

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sync/singleflight"
)

// This example shows an error reaching every caller of the call that
// failed, and the next call running the function again.
func Example_error() {
	var g singleflight.Group
	release := make(chan struct{})
	lookup := func() (any, error) {
		<-release
		return nil, errors.New("database is down")
	}
	first := g.DoChan("user:42", lookup)
	second := g.DoChan("user:42", lookup) // joins the first
	close(release)
	fmt.Println("first: ", (<-first).Err)
	fmt.Println("second:", (<-second).Err)

	// The failure is not remembered: the next call runs again.
	v, err, _ := g.Do("user:42", func() (any, error) { return "Ada Lovelace", nil })
	fmt.Println("next:  ", v, err)
	// Output:
	// first:  database is down
	// second: database is down
	// next:   Ada Lovelace <nil>
}

var errCorrupt = errors.New("corrupt index")

// This example recovers the panic that Do passes on from the function: an
// error whose text is the panic value followed by the function's stack, and
// which unwraps to the value.
func Example_panic() {
	var g singleflight.Group
	call := func() (recovered any) {
		defer func() { recovered = recover() }()
		g.Do("index", func() (any, error) { panic(errCorrupt) })
		return nil
	}

	err := call().(error)
	text, stack, _ := strings.Cut(err.Error(), "\n\n")
	fmt.Println("text:", text)
	fmt.Println("stack starts:", strings.SplitN(stack, "\n", 2)[0])
	fmt.Println("wraps the value:", errors.Is(err, errCorrupt))
	// Output:
	// text: corrupt index
	// stack starts: runtime/debug.Stack()
	// wraps the value: true
}
