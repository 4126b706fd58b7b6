// Command racecounter runs the article's counter, count++ in one goroutine
// and count-- in another, a thousand times each, and prints the count. The
// argument chooses the form: "guarded" takes a Mutex around every update,
// "unguarded" takes none.
//
// TestRaceDetectorJudgesTheCounter builds it with -race. Built so, the
// unguarded form makes the race detector print "WARNING: DATA RACE" with the
// stacks of both goroutines, and the program exits with status 66; the
// guarded form prints only the count, 0, and exits with status 0.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: racecounter guarded|unguarded")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "guarded":
		fmt.Println("count =", guarded())
	case "unguarded":
		fmt.Println("count =", unguarded())
	default:
		fmt.Fprintf(os.Stderr, "racecounter: unknown form %q\n", os.Args[1])
		os.Exit(2)
	}
}

// guarded updates count only with mu held.
func guarded() int {
	var (
		mu    sync.Mutex // guards count
		count int
		wg    sync.WaitGroup
	)
	for _, delta := range []int{+1, -1} {
		wg.Go(func() {
			for range 1000 {
				mu.Lock()
				count += delta
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return count
}

// unguarded updates count from both goroutines with nothing ordering the
// updates: a data race, whatever order they happen to run in.
func unguarded() int {
	var (
		count int
		wg    sync.WaitGroup
	)
	for _, delta := range []int{+1, -1} {
		wg.Go(func() {
			for range 1000 {
				count += delta
			}
		})
	}
	wg.Wait()
	return count
}
