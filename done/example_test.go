package done_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/goprimer/concurrency/done"
)

// This example shows the done-channel pattern in its blocking form: the
// child waits in a select on its jobs and on done, with no default case, so
// it uses no CPU while idle and returns as soon as its parent closes done.
func Example() {
	done := make(chan struct{})
	jobs := make(chan string)
	stopped := make(chan struct{})

	go func() {
		defer close(stopped) // tells the parent that this goroutine has returned
		for {
			select { // no default: wait until one of the cases is ready
			case job := <-jobs:
				fmt.Println("child:", job)
			case <-done: // closed by the parent: time to stop
				return
			}
		}
	}()

	jobs <- "resize image"
	jobs <- "send email"
	close(done) // the parent asks the child to stop...
	<-stopped   // ...and waits until it has
	fmt.Println("child stopped")
	// Output:
	// child: resize image
	// child: send email
	// child stopped
}

// This example shows the commonest leak and its fix. Three replicas are asked
// the same question and the first answer wins; nobody reads the other two,
// so without the done case their goroutines would wait on their sends
// forever.
func Example_firstAnswer() {
	done := make(chan struct{})
	answers := make(chan int) // unbuffered: each send waits for a reader
	var released atomic.Int32
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			select {
			case answers <- 6 * 7: // every replica holds the same data
			case <-done: // the losers leave here instead of leaking
				released.Add(1)
			}
		})
	}

	fmt.Println("answer:", <-answers)
	close(done) // release the goroutines whose answers nobody will read
	wg.Wait()   // whoever starts goroutines makes sure they have stopped
	fmt.Println("released by done:", released.Load())
	// Output:
	// answer: 42
	// released by done: 2
}

// This example shows the same pattern with a context.Context, the form to
// use across API boundaries: ctx.Done() is a done channel, cancel closes it,
// and ctx.Err() tells the child why it was stopped.
func Example_context() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // always release the context's resources
	jobs := make(chan string)
	stopped := make(chan error)

	go func() {
		for {
			select {
			case job := <-jobs:
				fmt.Println("child:", job)
			case <-ctx.Done():
				stopped <- ctx.Err() // report why, then return
				return
			}
		}
	}()

	jobs <- "resize image"
	cancel()
	fmt.Println("child stopped:", <-stopped)
	// Output:
	// child: resize image
	// child stopped: context canceled
}

// This example builds a pipeline whose stages all stop on one context.
// Passing ctx.Done() as every stage's done channel, one cancel stops them
// all, including the stages still holding values nobody will read.
func Example_pipeline() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops Map, still holding 16 (or Generate, still holding 4)

	numbers := done.Generate(ctx.Done(), 1, 2, 3, 4)
	squares := done.Map(ctx.Done(), numbers, func(n int) int { return n * n })
	for sq := range done.Take(ctx.Done(), squares, 3) {
		fmt.Println(sq)
	}
	// Output:
	// 1
	// 4
	// 9
}

// This example reads every value of a generator: the range loop ends because
// the generator closes its channel after the last value.
func ExampleGenerate() {
	stop := make(chan struct{})
	defer close(stop) // would release the generator had the loop stopped early

	for word := range done.Generate(stop, "ready", "set", "go") {
		fmt.Println(word)
	}
	// Output:
	// ready
	// set
	// go
}

// This example takes five values from an endless generator. Take stops
// after five, but Repeat would wait on its next send forever: closing stop
// is the only thing that ends it.
func ExampleRepeat() {
	stop := make(chan struct{})
	defer close(stop) // ends Repeat's goroutine

	var got []int
	for v := range done.Take(stop, done.Repeat(stop, 1, 2), 5) {
		got = append(got, v)
	}
	fmt.Println(got)
	// Output: [1 2 1 2 1]
}

// This example takes the first two values of a longer stream. Take closes
// its channel after two values; the generator feeding it keeps the third
// until stop is closed.
func ExampleTake() {
	stop := make(chan struct{})
	defer close(stop) // releases Generate, still waiting to send "c"

	letters := done.Generate(stop, "a", "b", "c", "d")
	for letter := range done.Take(stop, letters, 2) {
		fmt.Println(letter)
	}
	// Output:
	// a
	// b
}

// This example chains a generator and a stage: Map closes its channel when
// its input closes, so the closing travels down the pipeline and ends the
// range loop.
func ExampleMap() {
	stop := make(chan struct{})
	defer close(stop)

	words := done.Generate(stop, "go", "chan", "select")
	for shout := range done.Map(stop, words, strings.ToUpper) {
		fmt.Println(shout)
	}
	// Output:
	// GO
	// CHAN
	// SELECT
}

// This example ranges over a channel that its owner never closes. OrDone
// lets a plain for range loop end anyway: the reader closes stop once it
// has what it needs.
func ExampleOrDone() {
	stop := make(chan struct{})
	events := make(chan string) // owned elsewhere: never closed
	go func() {
		events <- "connected"
		events <- "ready"
	}() // sends two events and returns, leaving events open

	for event := range done.OrDone(stop, events) {
		fmt.Println(event)
		if event == "ready" {
			close(stop) // nothing more to wait for: end the loop
		}
	}
	fmt.Println("loop ended")
	// Output:
	// connected
	// ready
	// loop ended
}
