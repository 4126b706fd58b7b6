package singleflightdemo_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

// This example collapses two requests for one key into one execution: the
// second caller joins the query in flight, and both get its result.
func Example() {
	var g singleflight.Group
	var queries atomic.Int32
	started, release := make(chan struct{}), make(chan struct{})
	query := func() (any, error) {
		if queries.Add(1) == 1 {
			close(started)
		}
		<-release // the query is slow: it ends when released
		return "Ada Lovelace", nil
	}

	var wg sync.WaitGroup
	wg.Go(func() {
		v, err, shared := g.Do("user:42", query)
		fmt.Println("first caller: ", v, err, shared)
	})
	<-started // the first call is in flight

	// DoChan has joined the call by the time it returns, so the second
	// caller is surely waiting when the query ends.
	second := g.DoChan("user:42", query)
	close(release)
	wg.Wait()
	r := <-second
	fmt.Println("second caller:", r.Val, r.Err, r.Shared)
	fmt.Println("queries run:", queries.Load())
	// Output:
	// first caller:  Ada Lovelace <nil> true
	// second caller: Ada Lovelace <nil> true
	// queries run: 1
}

// This example stops waiting for a slow call at a timeout, with DoChan and a
// context. The call is not stopped: it runs on for the caller who stayed.
func Example_timeout() {
	var g singleflight.Group
	release := make(chan struct{})
	report := func() (any, error) {
		<-release
		return "monthly report", nil
	}
	patient := g.DoChan("report", report)   // starts the call
	impatient := g.DoChan("report", report) // joins it

	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	select {
	case r := <-impatient:
		fmt.Println("impatient caller got:", r.Val)
	case <-ctx.Done(): // the call cannot end before release is closed
		fmt.Println("impatient caller gave up:", ctx.Err())
	}

	close(release)
	r := <-patient
	fmt.Println("patient caller got:", r.Val, r.Shared)
	// Output:
	// impatient caller gave up: context deadline exceeded
	// patient caller got: monthly report true
}

// This example calls Forget so that the next caller starts a new execution
// instead of joining the one in flight, which runs on for those it has.
func Example_forget() {
	var g singleflight.Group
	release := make(chan struct{})
	v1 := g.DoChan("config", func() (any, error) {
		<-release
		return "v1", nil
	})
	joined := g.DoChan("config", func() (any, error) { return "v2", nil })

	g.Forget("config")
	v, err, shared := g.Do("config", func() (any, error) { return "v2", nil })
	fmt.Println("after Forget:", v, err, shared)

	close(release)
	fmt.Println("joined before Forget:", (<-joined).Val)
	fmt.Println("first caller:", (<-v1).Val)
	// Output:
	// after Forget: v2 <nil> false
	// joined before Forget: v1
	// first caller: v1
}
