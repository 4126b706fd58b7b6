// Command racesum adds up the squares of 1 to 5, each computed by a
// goroutine of its own, and prints the sum. The argument chooses how the
// goroutines share the total: "channel" has each send its square to main,
// the only goroutine that touches the total (share memory by
// communicating); "shared" has each add its square to the total itself
// (communicate by sharing memory).
//
// TestRaceDetectorJudgesSharing builds it with -race. Built so, the shared
// form makes the race detector print "WARNING: DATA RACE" and the program
// exit with status 66; the channel form prints only the sum, 55, and exits
// with status 0.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: racesum channel|shared")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "channel":
		fmt.Println("sum =", communicating())
	case "shared":
		fmt.Println("sum =", sharing())
	default:
		fmt.Fprintf(os.Stderr, "racesum: unknown form %q\n", os.Args[1])
		os.Exit(2)
	}
}

// communicating receives every square; only this goroutine touches total.
func communicating() int {
	squares := make(chan int)
	for i := range 5 {
		go func() { squares <- (i + 1) * (i + 1) }()
	}
	total := 0
	for range 5 {
		total += <-squares
	}
	return total
}

// sharing lets every goroutine add to total, with nothing ordering the
// updates: a data race, whatever order they happen to run in.
func sharing() int {
	total := 0
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() { total += (i + 1) * (i + 1) })
	}
	wg.Wait()
	return total
}
