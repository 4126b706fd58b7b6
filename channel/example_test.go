package channel_test

import "fmt"

// This example shares memory by communicating instead of guarding it with a lock.
func Example() {
	// Each goroutine sends its result rather than adding it to a shared
	// total, so only main ever touches total and nothing needs a lock.
	squares := make(chan int)
	for i := range 5 {
		go func() { squares <- (i + 1) * (i + 1) }()
	}
	total := 0
	for range 5 {
		total += <-squares // each receive takes one value, in whatever order they come
	}
	fmt.Println("1² + 2² + 3² + 4² + 5² =", total)
	// Output: 1² + 2² + 3² + 4² + 5² = 55
}

// This example shows that an unbuffered send completes only when received.
func Example_unbuffered() {
	ch := make(chan string) // no buffer: len and cap are always 0
	sent := make(chan struct{})
	go func() {
		ch <- "hello"
		close(sent)
	}()
	// Nobody has received yet, so the send cannot have completed, however
	// long the sender has been running.
	select {
	case <-sent:
		fmt.Println("the send completed alone")
	default:
		fmt.Println("the sender is still waiting")
	}
	fmt.Println("received", <-ch)
	<-sent // the value has changed hands, so the send returns
	fmt.Println("the send completed; len", len(ch), "cap", cap(ch))
	// Output:
	// the sender is still waiting
	// received hello
	// the send completed; len 0 cap 0
}

// This example shows a buffered channel's len, cap and first-in, first-out order.
func Example_buffered() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2 // no receiver needed: the values wait in the buffer
	fmt.Println("len", len(ch), "cap", cap(ch))
	ch <- 3
	select {
	case ch <- 4:
		fmt.Println("sent 4")
	default: // the buffer is full, so a plain send would block
		fmt.Println("full: a fourth send would block")
	}
	first := <-ch
	second := <-ch
	fmt.Println(first, second, "then len", len(ch))
	// Output:
	// len 2 cap 3
	// full: a fourth send would block
	// 1 2 then len 1
}

// This example ranges over a channel until its sender closes it.
func Example_range() {
	words := make(chan string)
	go func() {
		defer close(words) // without the close, the loop below would never end
		for _, w := range []string{"one", "two", "three"} {
			words <- w
		}
	}()
	for w := range words {
		fmt.Println(w)
	}
	fmt.Println("closed")
	// Output:
	// one
	// two
	// three
	// closed
}

// This example uses comma-ok to tell a sent zero value from a closed channel.
func Example_commaOk() {
	ch := make(chan int, 2)
	ch <- 0
	close(ch) // the buffered 0 is still delivered after the close
	for range 3 {
		v, ok := <-ch
		fmt.Println(v, ok)
	}
	// Output:
	// 0 true
	// 0 false
	// 0 false
}
