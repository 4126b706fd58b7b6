// Command racy is the race detector's subject. Each mode, chosen by the one
// argument, runs a few goroutines that share a variable and prints a line.
// Some modes share it without synchronization: built with -race, they make
// the race detector print "WARNING: DATA RACE" with the stacks of both
// accesses and exit with status 66. The others order the same accesses by
// one happens-before edge of the Go memory model and exit silently with
// status 0.
//
// Every mode joins its goroutines before it returns, so each access has
// happened before the program exits, whatever order the scheduler chose.
// The race detector judges the order that synchronization imposes, not the
// order the accesses happened to run in, so its verdict on each mode is the
// same on every run.
//
// The tests in the datarace package build it with -race (through go run's
// cache, so it is linked once) and run every mode.
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// modes maps each argument to what it runs. A mode returns the line the
// program prints.
var modes = map[string]func() string{
	// MM1: a data race, and what is not one.
	"race":     race,
	"distinct": distinct,

	// MM2: one happens-before edge each, and a near miss beside some.
	"go":         goStatement,
	"go-late":    goLate,
	"send":       send,
	"close":      closeChannel,
	"unbuffered": func() string { return handoff(0) },
	"buffered":   func() string { return handoff(1) },
	"capacity1":  func() string { return semaphore(1) },
	"capacity2":  func() string { return semaphore(2) },
	"mutex":      mutex,
	"once":       once,
	"waitgroup":  waitGroup,
	"atomic":     lastArrival,

	// MM3: the store-buffering litmus test, with atomics and without.
	"litmus-atomic": litmusAtomic,
	"litmus-plain":  litmusPlain,

	// MM4: a racy path, not taken and taken.
	"path-not-taken": func() string { return count(false) },
	"path-taken":     func() string { return count(true) },
}

func main() {
	if len(os.Args) != 2 || modes[os.Args[1]] == nil {
		fmt.Fprintf(os.Stderr, "usage: racy %s\n", strings.Join(slices.Sorted(func(yield func(string) bool) {
			for m := range modes {
				if !yield(m) {
					return
				}
			}
		}), "|"))
		os.Exit(2)
	}
	fmt.Println(modes[os.Args[1]]())
}

// writeLeft and writeRight are the two racing writes of race, named so that
// the race report's stacks show them.
func writeLeft(p *string)  { *p = "left" }
func writeRight(p *string) { *p = "right" }

// race writes one variable from two goroutines with nothing ordering the
// writes: a write-write data race, whichever runs first.
func race() string {
	var s string
	var wg sync.WaitGroup
	wg.Go(func() { writeLeft(&s) })
	wg.Go(func() { writeRight(&s) })
	wg.Wait()
	return "race: written twice"
}

// distinct is not a race: the goroutines only read the shared limit, and
// each writes its own element of squares.
func distinct() string {
	limit := 10
	squares := make([]int, 4)
	var wg sync.WaitGroup
	for i := range squares {
		wg.Go(func() { squares[i] = min(i*i, limit) })
	}
	wg.Wait()
	return fmt.Sprint("distinct: ", squares)
}

// goStatement writes msg before the go statement, which is synchronized
// before the new goroutine starts.
func goStatement() string {
	var msg, got string
	var wg sync.WaitGroup
	msg = "hello"
	wg.Go(func() { got = msg })
	wg.Wait()
	return "go: " + got
}

// goLate writes msg after the go statement: nothing orders that write with
// the new goroutine's read.
func goLate() string {
	var msg, got string
	var wg sync.WaitGroup
	wg.Go(func() { got = msg })
	msg = "hello"
	wg.Wait()
	return fmt.Sprintf("go-late: %q", got) // "" or "hello"
}

// send writes msg before sending; the send is synchronized before the
// matching receive completes.
func send() string {
	var msg string
	ch := make(chan int, 1)
	go func() {
		msg = "hello"
		ch <- 0
	}()
	<-ch
	return "send: " + msg
}

// closeChannel writes msg before closing ch; the close is synchronized
// before a receive that returns because ch is closed.
func closeChannel() string {
	var msg string
	ch := make(chan struct{})
	go func() {
		msg = "hello"
		close(ch)
	}()
	<-ch
	return "close: " + msg
}

// handoff is the memory model's swapped example: the goroutine writes msg
// and then receives; main sends and then reads msg. On an unbuffered
// channel (capacity 0) the receive is synchronized before the send
// completes, so main sees the write. On a buffered channel the send
// completes without waiting for the receive, and main's read races with
// the write.
func handoff(capacity int) string {
	var msg string
	ch := make(chan int, capacity)
	done := make(chan struct{})
	go func() {
		msg = "hello"
		<-ch
		close(done)
	}()
	ch <- 0
	got := msg
	<-done // join, so the write has happened before the program exits
	return fmt.Sprintf("handoff, capacity %d: %q", capacity, got)
}

// semaphore runs two workers that each take a token from a channel of the
// given capacity, add one to the shared n, and give the token back. With
// capacity 1, the first receive is synchronized before the second send
// completes (the k-th receive before the (k+C)-th send), so the writes are
// ordered. With capacity 2 neither send waits for a receive, and the
// updates race.
//
// The tokens are ints, not the usual struct{}: for a channel of zero-size
// elements the race detector records every send and receive on a single
// synchronization object (runtime/chan.go, racenotify), so it may see more
// order than the memory model promises, and whether it reports capacity 2
// would then depend on the schedule.
func semaphore(capacity int) string {
	var n int
	sem := make(chan int, capacity)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			sem <- 0 // acquire
			n++
			<-sem // release
		})
	}
	wg.Wait()
	return fmt.Sprintf("capacity %d: n = %d", capacity, n)
}

// mutex writes one variable from two goroutines, each holding mu: the n-th
// Unlock is synchronized before the (n+1)-th Lock returns.
func mutex() string {
	var (
		mu sync.Mutex
		n  int // guarded by mu
		wg sync.WaitGroup
	)
	for range 2 {
		wg.Go(func() {
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	return fmt.Sprint("mutex: ", n)
}

// once has two goroutines call Do with the same setup and read what it
// wrote: the return from setup is synchronized before any Do returns.
func once() string {
	var (
		o     sync.Once
		msg   string
		wg    sync.WaitGroup
		reads [2]string
	)
	for i := range reads {
		wg.Go(func() {
			o.Do(func() { msg = "hello" })
			reads[i] = msg
		})
	}
	wg.Wait()
	return fmt.Sprint("once: ", reads)
}

// waitGroup writes msg before Done; Done is synchronized before the return
// of the Wait it unblocks.
func waitGroup() string {
	var msg string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		msg = "hello"
	}()
	wg.Wait()
	return "waitgroup: " + msg
}

// lastArrival has two goroutines write their own slot and then add one to
// an atomic counter. The one whose Add returns 2 observed the other's Add,
// which is therefore synchronized before it, so it can read both slots.
func lastArrival() string {
	var (
		parts   [2]string
		arrived atomic.Int32
		joined  string
		wg      sync.WaitGroup
	)
	for i, word := range []string{"hello", "world"} {
		wg.Go(func() {
			parts[i] = word
			if arrived.Add(1) == 2 {
				joined = parts[0] + " " + parts[1]
			}
		})
	}
	wg.Wait()
	return "atomic: " + joined
}

// litmusAtomic is the store-buffering test with atomics: each goroutine
// stores to its flag and loads the other's. In every sequentially
// consistent interleaving at least one load comes after the other
// goroutine's store, so r1 and r2 are never both 0.
func litmusAtomic() string {
	var x, y atomic.Int32
	var r1, r2 int32
	var wg sync.WaitGroup
	wg.Go(func() { x.Store(1); r1 = y.Load() })
	wg.Go(func() { y.Store(1); r2 = x.Load() })
	wg.Wait()
	if r1 == 0 && r2 == 0 {
		return "litmus-atomic: r1 = r2 = 0, not sequentially consistent"
	}
	return "litmus-atomic: sequentially consistent"
}

// litmusPlain is the same test with plain variables: a data race, so the
// program is promised nothing.
func litmusPlain() string {
	var x, y, r1, r2 int
	var wg sync.WaitGroup
	wg.Go(func() { x = 1; r1 = y })
	wg.Go(func() { y = 1; r2 = x })
	wg.Wait()
	return fmt.Sprintf("litmus-plain: r1 = %d, r2 = %d", r1, r2)
}

// count adds up 1 to 10 in a Mutex-guarded total. With verbose set, it
// also starts a goroutine that reads the total without the lock: a data
// race, on a path that runs only when verbose is true.
func count(verbose bool) string {
	var (
		mu     sync.Mutex
		total  int // guarded by mu
		peeked int
		wg     sync.WaitGroup
	)
	if verbose {
		wg.Go(func() { peeked = total }) // the bug: reads total without mu
	}
	for i := range 10 {
		wg.Go(func() {
			mu.Lock()
			total += i + 1
			mu.Unlock()
		})
	}
	wg.Wait()
	if verbose {
		return fmt.Sprintf("total: %d (peeked %d)", total, peeked)
	}
	return fmt.Sprint("total: ", total)
}
