package errgroupdemo_test

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"golang.org/x/sync/errgroup"
)

// This example parses three inputs in a Group: Wait waits for every task,
// the failing one included, and returns the error.
func Example() {
	inputs := []string{"12", "x7", "30"}
	nums := make([]int, len(inputs)) // slot i belongs to task i

	var g errgroup.Group // the zero Group: no limit, no context
	for i, in := range inputs {
		g.Go(func() error {
			n, err := strconv.Atoi(in)
			nums[i] = n
			return err
		})
	}
	// Every task has returned when Wait does, so the slots are safe to read.
	err := g.Wait()
	fmt.Println("error:", err)
	fmt.Println("results:", nums)
	// Output:
	// error: strconv.Atoi: parsing "x7": invalid syntax
	// results: [12 0 30]
}

// This example uses WithContext: the first failure cancels the context, the
// other tasks see it and stop, and Wait returns the first error only.
func Example_withContext() {
	g, ctx := errgroup.WithContext(context.Background())
	for i := range 3 {
		g.Go(func() error {
			if i == 1 {
				return fmt.Errorf("task %d: disk full", i)
			}
			// The others work until cancelled. Their errors come after the
			// first one, so Wait drops them.
			<-ctx.Done()
			return fmt.Errorf("task %d: %w", i, ctx.Err())
		})
	}
	fmt.Println("Wait:", g.Wait())
	fmt.Println("ctx.Err:", ctx.Err())
	fmt.Println("cause:", context.Cause(ctx)) // the first error is the cause
	// Output:
	// Wait: task 1: disk full
	// ctx.Err: context canceled
	// cause: task 1: disk full
}

// This example shows that Wait cancels the group's context even when every
// task succeeded: the context is for the tasks, not for what comes after.
func Example_waitCancelsContext() {
	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error { return nil })
	fmt.Println("before Wait:", ctx.Err()) // a nil error cancels nothing
	fmt.Println("Wait:", g.Wait())
	fmt.Println("after Wait:", ctx.Err())
	fmt.Println("cause:", context.Cause(ctx))
	// Output:
	// before Wait: <nil>
	// Wait: <nil>
	// after Wait: context canceled
	// cause: context canceled
}

// This example limits a group to two active tasks: the third call of Go
// blocks until one of the first two has returned.
func Example_setLimit() {
	var g errgroup.Group
	g.SetLimit(2)

	started := make(chan int)
	release := make([]chan struct{}, 4) // task i returns when release[i] closes
	for i := range release {
		release[i] = make(chan struct{})
	}
	fed := make(chan struct{})
	go func() { // Go blocks in this goroutine while two tasks are active
		defer close(fed)
		for i := range release {
			g.Go(func() error {
				started <- i
				<-release[i]
				return nil
			})
		}
	}()

	a, b := <-started, <-started
	fmt.Println("active:", min(a, b), max(a, b))
	close(release[0])
	fmt.Println("task 0 returned; started:", <-started)
	close(release[1])
	fmt.Println("task 1 returned; started:", <-started)

	close(release[2])
	close(release[3])
	<-fed // every Go has returned, so Wait cannot come before one of them
	_ = g.Wait()
	// Output:
	// active: 0 1
	// task 0 returned; started: 2
	// task 1 returned; started: 3
}

// This example calls TryGo at the limit: it reports false and does not run
// the function.
func Example_tryGo() {
	var g errgroup.Group
	g.SetLimit(1)
	release := make(chan struct{})
	g.Go(func() error { <-release; return nil })

	ran := false
	fmt.Println("started at the limit:", g.TryGo(func() error { ran = true; return nil }))
	close(release)
	_ = g.Wait()
	fmt.Println("ran:", ran)

	// The slot is free again once the task has returned.
	fmt.Println("started below the limit:", g.TryGo(func() error { ran = true; return nil }))
	_ = g.Wait()
	fmt.Println("ran:", ran)
	// Output:
	// started at the limit: false
	// ran: false
	// started below the limit: true
	// ran: true
}

// This example changes the limit while two tasks are active: SetLimit
// panics, and the panic value is an error.
func Example_setLimitPanics() {
	var g errgroup.Group
	g.SetLimit(2)
	release := make(chan struct{})
	for range 2 {
		g.Go(func() error { <-release; return nil })
	}

	func() {
		defer func() {
			err, isError := recover().(error)
			fmt.Println("panic value is an error:", isError)
			fmt.Println(err)
		}()
		g.SetLimit(4)
	}()

	close(release)
	_ = g.Wait()
	g.SetLimit(4) // no task is active now, so this is allowed
	fmt.Println("limit changed after Wait")
	// Output:
	// panic value is an error: true
	// errgroup: modify limit while 2 goroutines in the group are still active
	// limit changed after Wait
}

// This example recovers a panic inside the task and returns it as an error:
// errgroup does not recover panics, and one left alone ends the program.
func Example_panicToError() {
	// recovered wraps a task so that a panic in it becomes its error.
	recovered := func(task func() error) func() error {
		return func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("task panicked: %v", r)
				}
			}()
			return task()
		}
	}

	words := []string{"go", "wait"}
	lengths := make([]int, 3)
	var g errgroup.Group
	for i := range lengths {
		g.Go(recovered(func() error {
			lengths[i] = len(words[i]) // task 2 indexes past the end
			return nil
		}))
	}
	fmt.Println(g.Wait())
	fmt.Println(lengths)
	// Output:
	// task panicked: runtime error: index out of range [2] with length 2
	// [2 4 0]
}

// This example needs neither errors nor cancellation, so a sync.WaitGroup
// and its Go method are enough.
func Example_waitGroupGo() {
	words := []string{"errgroup", "waitgroup", "go"}
	lengths := make([]int, len(words))

	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() { lengths[i] = len(w) })
	}
	wg.Wait()
	fmt.Println(lengths)
	// Output:
	// [8 9 2]
}
