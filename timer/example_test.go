package timer_test

import (
	"fmt"
	"sync"
	"time"
)

// This example uses the channel returned by time.After as a one-shot timer: it
// delivers a single value, and a second receive finds nothing.
func Example() {
	start := time.Now()
	timeout := time.After(10 * time.Millisecond)

	fired := <-timeout // blocks until the timer fires
	// The value is the time the timer expired: never before start+10ms.
	fmt.Println("fired after at least 10ms:", fired.Sub(start) >= 10*time.Millisecond)

	// One-shot: there is no second value, and the channel is never closed,
	// so a non-blocking receive takes the default case.
	select {
	case <-timeout:
		fmt.Println("second value")
	default:
		fmt.Println("nothing more to receive")
	}
	// Output:
	// fired after at least 10ms: true
	// nothing more to receive
}

// This example puts a timeout case in a select: a result that is ready wins
// over a timeout that is not, and a result that never comes loses to it.
func Example_timeout() {
	ready := make(chan string, 1)
	ready <- "cached answer" // already buffered: this case is ready at once

	select {
	case v := <-ready:
		fmt.Println("got:", v)
	case <-time.After(time.Hour): // not ready for an hour, so it cannot win
		fmt.Println("timed out")
	}

	never := make(chan string) // nobody ever sends on it
	select {
	case v := <-never:
		fmt.Println("got:", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out")
	}
	// Output:
	// got: cached answer
	// timed out
}

// This example shows what Timer.Stop reports: true when it prevented the
// delivery, false when there was nothing left to prevent.
func Example_stop() {
	timer := time.NewTimer(time.Hour)
	fmt.Println("Stop a running timer:", timer.Stop())
	fmt.Println("Stop it again:", timer.Stop())

	// After Stop returns, no value from before the Stop can be received.
	select {
	case <-timer.C:
		fmt.Println("stale value")
	default:
		fmt.Println("nothing to receive")
	}

	fast := time.NewTimer(time.Millisecond)
	<-fast.C // the value is received: the timer has done its job
	fmt.Println("Stop after the receive:", fast.Stop())
	// Output:
	// Stop a running timer: true
	// Stop it again: false
	// nothing to receive
	// Stop after the receive: false
}

// This example resets a timer that has expired but whose value nobody
// received. Since Go 1.23, Reset discards that value: there is no need to
// drain the channel first.
func Example_reset() {
	timer := time.NewTimer(time.Millisecond)
	<-time.After(10 * time.Millisecond) // by now the timer has expired

	// The value was never received, so Reset reports true and drops it.
	fmt.Println("Reset:", timer.Reset(time.Hour))
	select {
	case <-timer.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}

	// Reset again: the next value comes from the new expiry.
	timer.Reset(time.Millisecond)
	<-timer.C
	fmt.Println("fired after the second Reset")
	// Output:
	// Reset: true
	// no stale value
	// fired after the second Reset
}

// This example calls a function after a delay with time.AfterFunc, and cancels
// another call before it happens.
func Example_afterFunc() {
	done := make(chan struct{})
	timer := time.AfterFunc(time.Millisecond, func() {
		fmt.Println("f runs in its own goroutine")
		close(done)
	})
	<-done // f signals when it has run; Stop would not wait for it
	fmt.Println("Stop after f ran:", timer.Stop())
	fmt.Println("C is nil:", timer.C == nil) // an AfterFunc timer sends nothing

	cancelled := time.AfterFunc(time.Hour, func() {
		fmt.Println("never printed")
	})
	fmt.Println("Stop before f runs:", cancelled.Stop()) // f will never run
	// Output:
	// f runs in its own goroutine
	// Stop after f ran: false
	// C is nil: true
	// Stop before f runs: true
}

// This example receives three ticks from a Ticker, changing its period with
// Reset first, and shows that no tick arrives after Stop.
func Example_ticker() {
	ticker := time.NewTicker(time.Hour)
	ticker.Reset(time.Millisecond) // the new period counts from now

	for i := range 3 {
		<-ticker.C
		fmt.Println("tick", i+1)
	}

	ticker.Stop() // Stop does not close C: a range over it would never end
	select {
	case <-ticker.C:
		fmt.Println("tick after Stop")
	default:
		fmt.Println("no tick after Stop")
	}
	// Output:
	// tick 1
	// tick 2
	// tick 3
	// no tick after Stop
}

// This example uses time.Tick, which returns only the ticking channel. Since
// Go 1.23 an unreferenced ticker is garbage collected, so Tick no longer leaks.
func Example_tick() {
	tick := time.Tick(time.Millisecond)
	for i := range 3 {
		<-tick
		fmt.Println("tick", i+1)
	}
	// Output:
	// tick 1
	// tick 2
	// tick 3
}

// This example shows the two ways a non-positive tick interval fails:
// time.Tick returns nil, and time.NewTicker panics.
func Example_nonPositiveInterval() {
	tick := time.Tick(0) // quietly nil: a receive from it blocks forever
	fmt.Println("time.Tick(0) is nil:", tick == nil)
	select {
	case <-tick:
		fmt.Println("tick")
	default:
		fmt.Println("no tick, now or ever")
	}

	defer func() {
		fmt.Println("NewTicker(0) panicked:", recover())
	}()
	ticker := time.NewTicker(0)
	ticker.Stop() // not reached
	// Output:
	// time.Tick(0) is nil: true
	// no tick, now or ever
	// NewTicker(0) panicked: non-positive interval for NewTicker
}

// This example bounds a whole for-select loop with one deadline created before
// the loop. A time.After inside the select would start afresh on every value
// and, against this producer that never pauses, would never fire.
func Example_loopDeadline() {
	values := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for n := 0; ; n++ {
			select {
			case values <- n:
			case <-done:
				return
			}
		}
	})

	deadline := time.After(10 * time.Millisecond) // one timer for the loop
loop:
	for {
		select {
		case <-values:
		case <-deadline:
			break loop
		}
	}
	close(done) // stop the producer, then wait for it
	wg.Wait()
	fmt.Println("the loop stopped at its deadline")
	// Output: the loop stopped at its deadline
}

// This example reuses one Timer for the per-value timeout of a loop: Reset
// re-arms it on every iteration without allocating and, since Go 1.23,
// without draining it first.
func Example_reusedTimer() {
	values := make(chan int, 3)
	values <- 1
	values <- 2
	values <- 3
	close(values)

	const timeout = time.Minute
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	sum := 0
	for {
		timer.Reset(timeout) // a fresh timeout for this value
		select {
		case v, ok := <-values:
			if !ok {
				fmt.Println("sum:", sum)
				return
			}
			sum += v
		case <-timer.C:
			fmt.Println("no value for", timeout)
			return
		}
	}
	// Output: sum: 6
}
