package workerpool_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/goprimer/concurrency/workerpool"
)

// This example runs Map on three workers: the results come back in input
// order, even though the call for the first word finishes last.
func Example() {
	words := []string{"pool", "of", "three", "workers"}

	var others sync.WaitGroup // the calls for every word but the first
	others.Add(len(words) - 1)
	lengths, err := workerpool.Map(context.Background(), 3, words,
		func(ctx context.Context, w string) (int, error) {
			if w == words[0] {
				others.Wait() // finish only after all the others
			} else {
				defer others.Done()
			}
			return len(w), nil
		})
	fmt.Println(lengths, err)
	// Output:
	// [4 2 5 7] <nil>
}

// This example is the plain pool: three workers range over a jobs channel
// that its only sender closes, and the goroutine that waits for the
// workers closes results.
func Example_workers() {
	jobs := make(chan int)
	results := make(chan int)

	go func() {
		defer close(jobs) // no more jobs: each worker's range loop ends
		for n := 1; n <= 10; n++ {
			jobs <- n
		}
	}()

	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for n := range jobs {
				results <- n * n
			}
		})
	}
	// Three workers send on results, so no one of them may close it. It
	// is closed once all three have returned and nothing can send on it.
	go func() {
		wg.Wait()
		close(results)
	}()

	sum := 0
	for sq := range results { // arrival order varies; the sum does not
		sum += sq
	}
	fmt.Println("sum of the squares of 1 to 10:", sum)
	// Output:
	// sum of the squares of 1 to 10: 385
}

// This example shows that the plain pool delivers results in the order
// the jobs finish, not the order they were sent, and that an index puts
// them back in order.
func Example_completionOrder() {
	type result struct {
		job   int // the job's index in the input
		value string
	}
	inputs := []string{"first", "second"}
	jobs := make(chan int)
	results := make(chan result)
	firstArrived := make(chan struct{})

	go func() {
		defer close(jobs)
		for i := range inputs {
			jobs <- i
		}
	}()
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for i := range jobs {
				if i == 0 {
					<-firstArrived // job 0 is slow: it ends after a result has arrived
				}
				results <- result{i, inputs[i]}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var arrived []string
	ordered := make([]string, len(inputs))
	for r := range results {
		if arrived == nil {
			close(firstArrived)
		}
		arrived = append(arrived, r.value)
		ordered[r.job] = r.value // the index says where it belongs
	}
	fmt.Println("as they arrived:", arrived)
	fmt.Println("by index:       ", ordered)
	// Output:
	// as they arrived: [second first]
	// by index:        [first second]
}

// This example stops Map at the first error: the running call sees its
// context cancelled, and the jobs after the failure never start.
func Example_firstError() {
	called := make([]bool, 6) // call i writes only called[i]
	zeroRunning := make(chan struct{})
	results, err := workerpool.Map(context.Background(), 2, []int{0, 1, 2, 3, 4, 5},
		func(ctx context.Context, job int) (int, error) {
			called[job] = true
			if job == 1 {
				<-zeroRunning // fail only once job 0 is under way
				return 0, errors.New("job 1 failed")
			}
			close(zeroRunning)
			<-ctx.Done() // job 0 works until the pool stops it
			return 0, ctx.Err()
		})
	// Map has waited for every call, so called is safe to read.
	fmt.Println("error:", err)
	fmt.Println("results:", results)
	fmt.Println("called:", called)
	// Output:
	// error: job 1 failed
	// results: []
	// called: [true true false false false false]
}

// This example cancels Map from outside, once two jobs are running: both
// return, no other job starts, and Map returns the context's error.
func Example_cancel() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	started := make(chan int)
	go func() {
		<-started
		<-started
		cancel() // the caller gives up
	}()

	called := make([]bool, 4) // call i writes only called[i]
	_, err := workerpool.Map(ctx, 2, []int{0, 1, 2, 3},
		func(ctx context.Context, job int) (int, error) {
			called[job] = true
			started <- job
			<-ctx.Done()
			return 0, ctx.Err()
		})
	fmt.Println("error:", err)
	fmt.Println("called:", called)
	// Output:
	// error: context canceled
	// called: [true true false false]
}
