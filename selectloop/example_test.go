package selectloop_test

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/goprimer/concurrency/selectloop"
)

// This example is the article's select, corrected: each case names its own
// channel, and select waits until one of them can proceed.
func Example() {
	c1 := make(chan string) // the article declared c1 and c2,
	c2 := make(chan string) // then wrote case <-c2 twice
	go func() { c1 <- "one" }()
	go func() { c2 <- "two" }()

	// Each select waits on both channels and takes whichever is ready
	// first. Each channel delivers once, so two selects receive both.
	var got1, got2 string
	for range 2 {
		select {
		case got1 = <-c1:
		case got2 = <-c2:
		}
	}
	fmt.Println("c1:", got1)
	fmt.Println("c2:", got2)
	// Output:
	// c1: one
	// c2: two
}

// This example uses default for a receive and a send that never block: when
// no other case is ready, select runs default at once.
func Example_nonBlocking() {
	c := make(chan int, 1)

	select {
	case v := <-c:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing to receive") // the buffer is empty
	}

	c <- 1
	select {
	case c <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("buffer full: 2 not sent") // rather than wait for room
	}

	fmt.Println("buffer holds", <-c)
	// Output:
	// nothing to receive
	// buffer full: 2 not sent
	// buffer holds 1
}

// This example shows that select has no priority: with two cases always
// ready, each of them wins some of the selects.
func Example_noPriority() {
	// A closed channel is always ready to receive from.
	a := make(chan struct{})
	b := make(chan struct{})
	close(a)
	close(b)

	var winsA, winsB int
	for range 1000 {
		select { // a comes first in the source, which gives it no advantage
		case <-a:
			winsA++
		case <-b:
			winsB++
		}
	}
	// Each select picks a or b with probability 1/2, so one of them winning
	// all 1000 has probability 2 * 2^-1000 = 2^-999: this output is fixed.
	fmt.Println("a won some:", winsA > 0)
	fmt.Println("b won some:", winsB > 0)
	fmt.Println("total:", winsA+winsB)
	// Output:
	// a won some: true
	// b won some: true
	// total: 1000
}

// This example builds the priority that select lacks, with a nested select:
// urgent messages are taken first whenever one is ready.
func Example_priority() {
	urgent := make(chan string, 2)
	normal := make(chan string, 2)
	normal <- "normal 1"
	normal <- "normal 2"
	urgent <- "urgent 1"
	urgent <- "urgent 2"

	for range 4 {
		select {
		case msg := <-urgent:
			fmt.Println(msg)
		default:
			// Nothing urgent is ready: wait for either kind. A single
			// select over both would mix them up at random.
			select {
			case msg := <-urgent:
				fmt.Println(msg)
			case msg := <-normal:
				fmt.Println(msg)
			}
		}
	}
	// Output:
	// urgent 1
	// urgent 2
	// normal 1
	// normal 2
}

// This example shows that select evaluates every channel operand and every
// value to send exactly once, in source order, before it chooses a case.
func Example_evaluationOrder() {
	never := make(chan int)    // no receiver: its send case is never ready
	empty := make(chan int)    // no sender: its receive case is never ready
	ready := make(chan int, 1) // room for one value: its send case is ready

	// ch and val print when they are evaluated and pass their operand through.
	ch := func(name string, c chan int) chan int { fmt.Println("channel", name); return c }
	val := func(v int) int { fmt.Println("value", v); return v }

	select {
	case ch("never", never) <- val(1):
		fmt.Println("sent to never")
	case v := <-ch("empty", empty):
		fmt.Println("received", v)
	case ch("ready", ready) <- val(2):
		fmt.Println("sent", <-ready, "to ready")
	}
	// Output:
	// channel never
	// value 1
	// channel empty
	// channel ready
	// value 2
	// sent 2 to ready
}

// This example disables a case by setting its channel to nil: a closed
// channel is always ready, a nil channel never is.
func Example_nilDisablesCase() {
	finished := make(chan struct{})
	close(finished)

	for range 3 {
		select {
		case <-finished:
			fmt.Println("closed channel: ready at once")
			finished = nil // without this, the case would win every time
		default:
			fmt.Println("no case ready")
		}
	}
	// Output:
	// closed channel: ready at once
	// no case ready
	// no case ready
}

// This example merges two channels until both are closed; each input's
// values keep their order.
func ExampleMerge() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // ends Merge's goroutine if we stop reading early

	evens := make(chan int)
	odds := make(chan int)
	go func() {
		defer close(evens)
		for _, n := range []int{0, 2, 4} {
			evens <- n
		}
	}()
	go func() {
		defer close(odds)
		for _, n := range []int{1, 3} {
			odds <- n
		}
	}()

	// The two inputs interleave by chance, so sort by input to print.
	var gotEvens, gotOdds []int
	for n := range selectloop.Merge(ctx, evens, odds) { // ends when both are closed
		if n%2 == 0 {
			gotEvens = append(gotEvens, n)
		} else {
			gotOdds = append(gotOdds, n)
		}
	}
	fmt.Println(gotEvens, gotOdds)
	// Output:
	// [0 2 4] [1 3]
}

// This example stops reading before the inputs are closed: cancelling the
// context ends Merge's goroutine, which closes the result, instead of
// leaving it blocked for ever on its next send.
func ExampleMerge_stopEarly() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// Two inputs that hold values and are never closed.
	a, b := make(chan string, 10), make(chan string, 10)
	for range 10 {
		a <- "a"
		b <- "b"
	}

	merged := selectloop.Merge(ctx, a, b)
	taken := 0
	for range merged {
		taken++
		if taken == 3 {
			break // we want no more
		}
	}
	cancel() // Merge's goroutine returns instead of waiting to send

	// A value Merge was about to send may still come; then the result is
	// closed, because its goroutine has ended.
	for range merged {
	}
	fmt.Println("took", taken, "values, then the result closed")
	// Output:
	// took 3 values, then the result closed
}

// This example bounds a wait with a timeout case: the channel from
// time.After delivers once the duration has passed.
func Example_timeout() {
	ready := make(chan string, 1)
	ready <- "result"
	never := make(chan string) // nobody ever sends here

	select {
	case v := <-ready:
		fmt.Println("got", v) // a ready case wins; the timer does not matter
	case <-time.After(time.Hour):
		fmt.Println("timed out")
	}

	select {
	case v := <-never:
		fmt.Println("got", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out waiting for never")
	}
	// Output:
	// got result
	// timed out waiting for never
}

// This example is the article's loop that sends the values of an iteration,
// with the case that makes a select worth having: the sender also watches
// done, so it stops when the receiver wants no more instead of blocking.
func Example_sendIterationValues() {
	values := make(chan string)
	done := make(chan struct{})
	sent := 0

	var wg sync.WaitGroup
	wg.Go(func() {
		for _, s := range []string{"a", "b", "c", "d"} {
			select {
			case values <- s:
				sent++
			case <-done:
				return // nobody will receive the rest
			}
		}
	})

	fmt.Println(<-values, <-values)
	close(done) // we need no more values
	wg.Wait()
	fmt.Println("sent", sent, "of 4")
	// Output:
	// a b
	// sent 2 of 4
}

// This example is the article's first for-select form: the work sits in
// default, so each turn checks done before starting a unit of work, and a
// unit already running is never interrupted.
func Example_workInDefault() {
	done := make(chan struct{})
	started := make(chan int)     // the worker announces each unit of work
	finish := make(chan struct{}) // and ends it when told, so we control its length
	units := 0

	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
				units++
				started <- units
				<-finish
			}
		}
	})

	fmt.Println("unit", <-started, "started")
	finish <- struct{}{}
	fmt.Println("unit", <-started, "started")
	close(done)          // ask the worker to stop while unit 2 runs,
	finish <- struct{}{} // then let unit 2 end
	wg.Wait()
	fmt.Println("stopped after", units, "units")
	// Output:
	// unit 1 started
	// unit 2 started
	// stopped after 2 units
}

// This example is the article's second for-select form: the select only
// checks done, and the work follows it.
func Example_workAfterSelect() {
	// sumTo adds 1..n, one number per turn, unless done is closed first.
	sumTo := func(done <-chan struct{}, n int) (sum int, finished bool) {
		for i := 1; ; i++ {
			select {
			case <-done:
				return sum, false
			default: // done is open: go on to the work
			}
			// The work is outside the select, so a break or continue
			// here would belong to the loop, not to the select.
			sum += i
			if i == n {
				return sum, true
			}
		}
	}

	open := make(chan struct{})
	fmt.Println(sumTo(open, 100))
	closed := make(chan struct{})
	close(closed)
	fmt.Println(sumTo(closed, 100)) // stops before the first unit
	// Output:
	// 5050 true
	// 0 false
}

// This example is the loop to write when a worker waits for work: with no
// default, select parks the goroutine until a job or the stop arrives, so
// its loop turns exactly once per event, however long it waits between them.
func Example_blockingLoop() {
	done := make(chan struct{})
	jobs := make(chan int)
	type result struct{ square, turns int }
	// Room for every result: the worker hands each over without waiting
	// and is back at its select at once, before the next job exists.
	results := make(chan result, 3)
	stopTurns := 0

	var wg sync.WaitGroup
	wg.Go(func() {
		turns := 0 // loop turns since the last event
		for {
			turns++
			select {
			case <-done:
				stopTurns = turns
				return
			case j := <-jobs:
				results <- result{j * j, turns}
				turns = 0
			}
		}
	})

	for j := range 3 {
		jobs <- j + 1
		r := <-results
		fmt.Println("square", r.square, "after", r.turns, "turn")
	}
	close(done)
	wg.Wait()
	// With an empty default the idle worker would turn over and over
	// between events, and these counts would be large.
	fmt.Println("stop after", stopTurns, "turn")
	// Output:
	// square 1 after 1 turn
	// square 4 after 1 turn
	// square 9 after 1 turn
	// stop after 1 turn
}
