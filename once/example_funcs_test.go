package once_test

import (
	"fmt"
	"strconv"
	"sync"
)

// This example makes a close function safe to call from several places:
// OnceFunc runs it the first time and makes every later call do nothing.
func Example_onceFunc() {
	closeConn := sync.OnceFunc(func() { fmt.Println("connection closed") })
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(closeConn)
	}
	wg.Wait()
	closeConn()
	// Output: connection closed
}

// This example caches a result and its error with OnceValues. The error is
// cached like the value: the failed parse is not tried again.
func Example_onceValues() {
	parses := 0
	port := sync.OnceValues(func() (int, error) {
		parses++
		return strconv.Atoi("80x")
	})
	for range 2 {
		_, err := port()
		fmt.Println(err)
	}
	fmt.Println("parses:", parses)
	// Output:
	// strconv.Atoi: parsing "80x": invalid syntax
	// strconv.Atoi: parsing "80x": invalid syntax
	// parses: 1
}

// This example shows that a function made by OnceValue panics on every call
// when f panicked, with the same value each time, while f runs once.
func Example_repanic() {
	runs := 0
	limit := sync.OnceValue(func() int {
		runs++
		panic("no limit configured")
	})
	call := func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println("limit:", limit())
	}

	call()
	call()
	fmt.Println("runs:", runs)
	// Output:
	// recovered: no limit configured
	// recovered: no limit configured
	// runs: 1
}
