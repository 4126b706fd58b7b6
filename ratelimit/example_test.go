package ratelimit_test

import (
	"context"
	"fmt"
	"time"

	"github.com/goprimer/concurrency/ratelimit"
)

// This example paces a loop with a ticker: it handles one job per tick,
// the first one a whole interval after the ticker starts.
func Example() {
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
	for _, job := range []string{"a", "b", "c"} {
		<-ticker.C // wait for the next tick
		fmt.Println("handled job", job)
	}
	// Output:
	// handled job a
	// handled job b
	// handled job c
}

// This example takes tokens from a channel that starts full: a burst of
// three goes at once, and the fourth request must wait for a refill.
func Example_tokens() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops the goroutine that refills the channel
	tokens := ratelimit.Tokens(ctx, 3, time.Hour)

	fmt.Println("tokens at the start:", len(tokens))
	for i := range 4 {
		select {
		case <-tokens:
			fmt.Println("request", i+1, "goes at once")
		default: // the next token comes in an hour
			fmt.Println("request", i+1, "must wait")
		}
	}
	// Output:
	// tokens at the start: 3
	// request 1 goes at once
	// request 2 goes at once
	// request 3 goes at once
	// request 4 must wait
}
