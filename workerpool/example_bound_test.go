package workerpool_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// withWorkers runs job(0) to job(n-1), at most limit at a time, on a fixed
// set of limit goroutines that range over a jobs channel.
func withWorkers(limit, n int, job func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range limit {
		wg.Go(func() {
			for i := range jobs {
				job(i)
			}
		})
	}
	for i := range n {
		jobs <- i // blocks while every worker is busy
	}
	close(jobs) // this loop is the only sender, so it closes jobs
	wg.Wait()
}

// withSetLimit starts a goroutine per job in an errgroup.Group whose Go
// blocks while limit of them are running.
func withSetLimit(limit, n int, job func(i int)) {
	var g errgroup.Group
	g.SetLimit(limit)
	for i := range n {
		g.Go(func() error {
			job(i)
			return nil
		})
	}
	_ = g.Wait() // no task returns an error
}

// withWeighted starts a goroutine per job once it holds one unit of a
// semaphore.Weighted of size limit, and gives the unit back when the job
// returns.
func withWeighted(limit, n int, job func(i int)) {
	sem := semaphore.NewWeighted(int64(limit))
	var wg sync.WaitGroup
	for i := range n {
		_ = sem.Acquire(context.Background(), 1) // Background is never done, so this cannot fail
		wg.Go(func() {
			defer sem.Release(1)
			job(i)
		})
	}
	wg.Wait()
}

// withChannel is withWeighted with a buffered channel as the semaphore:
// a send takes a slot, and blocks while all limit slots are taken.
func withChannel(limit, n int, job func(i int)) {
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i := range n {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			job(i)
		})
	}
	wg.Wait()
}

// A meter counts the jobs in flight and keeps the most it has seen at once.
type meter struct {
	now, most atomic.Int64
}

// start counts one more job in flight, raising most if now exceeds it.
func (m *meter) start() {
	n := m.now.Add(1)
	for {
		old := m.most.Load()
		if n <= old || m.most.CompareAndSwap(old, n) {
			return
		}
	}
}

// finish counts one job fewer.
func (m *meter) finish() { m.now.Add(-1) }

// This example bounds six jobs to two at a time in four ways and measures
// the most in flight at once: the bound is never exceeded, and it is reached.
func Example_sameBound() {
	ways := []struct {
		name string
		run  func(limit, n int, job func(i int))
	}{
		{"worker goroutines", withWorkers},
		{"errgroup.SetLimit", withSetLimit},
		{"semaphore.Weighted", withWeighted},
		{"buffered channel", withChannel},
	}
	for _, way := range ways {
		var m meter
		// Jobs 2k and 2k+1 meet on an unbuffered channel, a handoff that
		// completes only while both are running: each pair forces two jobs
		// in flight at once. (A bound of 1 would deadlock here.)
		pairs := make([]chan struct{}, 3)
		for k := range pairs {
			pairs[k] = make(chan struct{})
		}
		way.run(2, 6, func(i int) {
			m.start()
			defer m.finish()
			if i%2 == 0 {
				pairs[i/2] <- struct{}{}
			} else {
				<-pairs[i/2]
			}
		})
		fmt.Printf("%-18s most at once: %d\n", way.name, m.most.Load())
	}
	// Output:
	// worker goroutines  most at once: 2
	// errgroup.SetLimit  most at once: 2
	// semaphore.Weighted most at once: 2
	// buffered channel   most at once: 2
}
