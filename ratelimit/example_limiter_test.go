package ratelimit_test

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/time/rate"
)

// This example shows a Limiter's rate and burst with AllowN, which takes
// the instant to decide for as an argument, where Allow uses time.Now.
func Example_allow() {
	lim := rate.NewLimiter(rate.Every(time.Second), 2) // one token a second, bucket of 2
	start := time.Now()
	allow := func(after time.Duration) bool { return lim.AllowN(start.Add(after), 1) }

	fmt.Println("at 0s:  ", allow(0), allow(0), allow(0)) // the full bucket: a burst of 2
	fmt.Println("at 0.5s:", allow(500*time.Millisecond))  // half a token is not enough
	fmt.Println("at 1s:  ", allow(time.Second), allow(time.Second))
	fmt.Println("at 60s: ", allow(time.Minute), allow(time.Minute), allow(time.Minute)) // idle: never more than the burst
	// Output:
	// at 0s:   true true false
	// at 0.5s: false
	// at 1s:   true false
	// at 60s:  true true false
}

// This example reserves tokens ahead with ReserveN and DelayFrom, which take
// the instant as an argument: each reservation says how long to wait before
// acting, and Cancel gives the latest one back.
func Example_reserve() {
	lim := rate.NewLimiter(rate.Every(time.Second), 1)
	now := time.Now()
	for i := range 3 {
		r := lim.ReserveN(now, 1)
		fmt.Printf("reservation %d: act in %v\n", i+1, r.DelayFrom(now))
	}

	r := lim.ReserveN(now, 1)
	fmt.Println("reservation 4: act in", r.DelayFrom(now))
	r.CancelAt(now) // we will not act: the token of 3s goes back
	fmt.Println("after cancelling it: act in", lim.ReserveN(now, 1).DelayFrom(now))

	r = lim.ReserveN(now, 2) // more than the burst can ever hold
	fmt.Println("2 tokens: ok", r.OK(), "wait for ever", r.DelayFrom(now) == rate.InfDuration)
	// Output:
	// reservation 1: act in 0s
	// reservation 2: act in 1s
	// reservation 3: act in 2s
	// reservation 4: act in 3s
	// after cancelling it: act in 3s
	// 2 tokens: ok false wait for ever true
}

// This example calls Wait before each request. It returns nil once the
// request may go, and the context's error if the context ends first.
func Example_wait() {
	lim := rate.NewLimiter(rate.Every(time.Millisecond), 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i := range 3 {
		if err := lim.Wait(ctx); err != nil { // blocks until a token is there
			fmt.Println("wait:", err)
			return
		}
		fmt.Println("request", i+1)
	}
	cancel() // the caller gives up: Wait fails whether or not a token is there
	fmt.Println("after cancel:", lim.Wait(ctx))
	// Output:
	// request 1
	// request 2
	// request 3
	// after cancel: context canceled
}

// This example shows the two errors with which Wait returns at once,
// without waiting: n beyond the burst, and a token that would come only
// after the context's deadline.
func Example_waitErrors() {
	lim := rate.NewLimiter(rate.Every(time.Hour), 2)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	fmt.Println(lim.WaitN(ctx, 3)) // the bucket never holds 3
	fmt.Println(lim.WaitN(ctx, 2)) // the full bucket: no wait
	fmt.Println(lim.Wait(ctx))     // the next token comes in an hour, the deadline in a minute
	// Output:
	// rate: Wait(n=3) exceeds limiter's burst 2
	// <nil>
	// rate: Wait(n=1) would exceed context deadline
}

// This example shows the limiters that allow nothing or everything: a zero
// burst allows no event, nor does the zero Limiter, a zero rate allows only
// the first burst, and Inf allows every event, whatever the burst.
func Example_limits() {
	var zero rate.Limiter
	noBurst := rate.NewLimiter(1000, 0)
	noRate := rate.NewLimiter(0, 2)
	inf := rate.NewLimiter(rate.Inf, 0)

	fmt.Println("zero Limiter:", zero.Allow(), zero.Wait(context.Background()))
	fmt.Println("burst 0:     ", noBurst.Allow())
	fmt.Println("rate 0:      ", noRate.Allow(), noRate.Allow(), noRate.Allow())
	fmt.Println("rate Inf:    ", inf.AllowN(time.Now(), 1000), inf.WaitN(context.Background(), 1000))
	// Output:
	// zero Limiter: false rate: Wait(n=1) exceeds limiter's burst 0
	// burst 0:      false
	// rate 0:       true true false
	// rate Inf:     true <nil>
}
