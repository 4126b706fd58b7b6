package ctxdemo_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goprimer/concurrency/ctxdemo"
)

// This example fans one request out to three workers, request ID included.
func ExampleHandle() {
	ctx := ctxdemo.WithRequestID(context.Background(), "req-42")

	lookup := func(what string) ctxdemo.Worker {
		return func(ctx context.Context) (string, error) {
			id, _ := ctxdemo.RequestID(ctx) // crossed into this goroutine with ctx
			return what + " for " + id, nil
		}
	}
	results, err := ctxdemo.Handle(ctx, lookup("profile"), lookup("orders"), lookup("ads"))
	if err != nil {
		fmt.Println(err)
		return
	}
	// In the workers' order, whatever order they finished in.
	for _, r := range results {
		fmt.Println(r)
	}
	// Output:
	// profile for req-42
	// orders for req-42
	// ads for req-42
}

// This example cancels a request while its workers run: all of them stop.
func ExampleHandle_cancel() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var running sync.WaitGroup
	running.Add(3)
	// The caller gives up once all three workers are running, as a server
	// does when its client disconnects. This goroutine ends after cancel.
	go func() {
		running.Wait()
		cancel()
	}()

	var stopped atomic.Int32
	worker := func(ctx context.Context) (string, error) {
		running.Done()
		<-ctx.Done() // a real worker selects on its I/O and ctx.Done()
		stopped.Add(1)
		return "", ctx.Err()
	}
	_, err := ctxdemo.Handle(ctx, worker, worker, worker)
	fmt.Println("Handle:", err)
	fmt.Println("workers stopped:", stopped.Load())
	// Output:
	// Handle: context canceled
	// workers stopped: 3
}

// This example shows a failing worker cancelling its siblings, not the caller.
func ExampleHandle_failure() {
	errDown := errors.New("orders: backend down")
	failing := func(ctx context.Context) (string, error) {
		return "", errDown
	}
	var sibling error // written by the worker, read after Handle returns
	waiting := func(ctx context.Context) (string, error) {
		<-ctx.Done() // closed by the failure, nothing else
		sibling = ctx.Err()
		return "", sibling
	}

	// The failure cancels the workers' shared context, one branch of the
	// call graph; the caller's context is not touched.
	ctx := context.Background()
	_, err := ctxdemo.Handle(ctx, waiting, failing)
	fmt.Println("Handle:", err)
	fmt.Println("sibling:", sibling)
	fmt.Println("caller:", ctx.Err())
	// Output:
	// Handle: orders: backend down
	// sibling: context canceled
	// caller: <nil>
}

// This example gives a request a deadline that one worker cannot meet.
func ExampleHandle_timeout() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel() // always: it releases the timer if the work ends first

	cached := func(ctx context.Context) (string, error) {
		return "from cache", nil
	}
	// A backend that never answers: only the deadline ends the wait.
	silent := func(ctx context.Context) (string, error) {
		<-ctx.Done()
		return "", ctx.Err()
	}
	// One worker missing the deadline fails the whole request.
	_, err := ctxdemo.Handle(ctx, cached, silent)
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output:
	// context deadline exceeded
	// true
}

// This example stores a request ID and reads it from a derived context.
func ExampleWithRequestID() {
	ctx := ctxdemo.WithRequestID(context.Background(), "req-7")
	ctx, cancel := context.WithCancel(ctx) // any kind of child sees the ID
	defer cancel()

	id, ok := ctxdemo.RequestID(ctx)
	fmt.Println(id, ok)

	// The ID crosses into any goroutine the context is passed to.
	got := make(chan string)
	go func(ctx context.Context) {
		id, _ := ctxdemo.RequestID(ctx)
		got <- id
	}(ctx)
	fmt.Println(<-got)
	// Output:
	// req-7 true
	// req-7
}

// This example shows RequestID with no ID and with two nested IDs.
func ExampleRequestID() {
	_, ok := ctxdemo.RequestID(context.Background())
	fmt.Println("found:", ok)

	outer := ctxdemo.WithRequestID(context.Background(), "req-1")
	inner := ctxdemo.WithRequestID(outer, "req-1.retry") // shadows, does not overwrite
	innerID, _ := ctxdemo.RequestID(inner)
	outerID, _ := ctxdemo.RequestID(outer)
	fmt.Println(innerID, outerID)
	// Output:
	// found: false
	// req-1.retry req-1
}

// This example shows a wait that cancellation interrupts, unlike time.Sleep.
func ExampleSleep() {
	fmt.Println(ctxdemo.Sleep(context.Background(), time.Millisecond))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// An hour's pause ends at once: the request is already over.
	fmt.Println(ctxdemo.Sleep(ctx, time.Hour))
	// Output:
	// <nil>
	// context canceled
}

// This example prints what the four methods return before and after cancel.
func Example_interface() {
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "v")
	ctx, cancel := context.WithTimeout(ctx, time.Hour)

	// show prints the answers of Deadline, Done, Err and Value.
	show := func(when string) {
		_, hasDeadline := ctx.Deadline()
		closed := false
		select { // one look, not a loop
		case <-ctx.Done():
			closed = true
		default:
		}
		fmt.Printf("%s: deadline %t, done %t, err %v, value %v\n",
			when, hasDeadline, closed, ctx.Err(), ctx.Value(key{}))
	}
	show("before")
	cancel()
	show("after")
	// Output:
	// before: deadline true, done false, err <nil>, value v
	// after: deadline true, done true, err context canceled, value v
}

// This example shows that Background and TODO can never be cancelled.
func Example_backgroundAndTODO() {
	for _, ctx := range []context.Context{context.Background(), context.TODO()} {
		_, hasDeadline := ctx.Deadline()
		fmt.Println(ctx, ctx.Done() == nil, ctx.Err(), hasDeadline)
	}

	// Cancelling a child leaves its root as it was.
	child, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(child.Err(), context.Background().Err())
	// Output:
	// context.Background true <nil> false
	// context.TODO true <nil> false
	// context canceled <nil>
}

// This example cancels one branch of a tree of contexts, then its root.
func Example_tree() {
	root, cancelRoot := context.WithCancel(context.Background())
	defer cancelRoot()
	left, cancelLeft := context.WithCancel(root)
	defer cancelLeft()
	right, cancelRight := context.WithCancel(root)
	defer cancelRight()
	rightChild, cancelRightChild := context.WithTimeout(right, time.Hour)
	defer cancelRightChild()

	// A child's end stays below it.
	cancelLeft()
	fmt.Println(root.Err(), left.Err(), right.Err())

	// The end of a parent reaches every descendant the context package
	// made before cancel returns.
	cancelRoot()
	fmt.Println(right.Err(), rightChild.Err())
	// Output:
	// <nil> context canceled <nil>
	// context canceled context canceled
}

// This example shows that a child cannot extend its parent's deadline.
func Example_childDeadline() {
	parent, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()

	parentDeadline, _ := parent.Deadline()
	childDeadline, _ := child.Deadline()
	fmt.Println("same deadline:", childDeadline.Equal(parentDeadline))

	<-child.Done() // after 10ms, not an hour
	fmt.Println(child.Err())
	// Output:
	// same deadline: true
	// context deadline exceeded
}

// This example is the article's WithCancel program without its busy loop.
func Example_cancel() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	worker := func(ctx context.Context) {
		<-ctx.Done()
		fmt.Println("Err:", ctx.Err())
	}
	var wg sync.WaitGroup
	wg.Go(func() { worker(ctx) })

	cancel()
	wg.Wait()
	// Output:
	// Err: context canceled
}

// This example is the article's WithDeadline program, in 10ms, without spinning.
func Example_deadline() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(10*time.Millisecond))
	defer cancel() // release the timer even if the work ends first

	worker := func(ctx context.Context) {
		<-ctx.Done() // closed by the clock passing the deadline
		fmt.Println("Err:", ctx.Err())
	}
	var wg sync.WaitGroup
	wg.Go(func() { worker(ctx) })
	wg.Wait()
	// Output:
	// Err: context deadline exceeded
}

// This example is the article's WithTimeout program, in 10ms, without spinning.
func Example_timeout() {
	// The same as WithDeadline(ctx, time.Now().Add(10*time.Millisecond)).
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()

	worker := func(ctx context.Context) {
		_, ok := ctx.Deadline()
		fmt.Println("has deadline:", ok)
		<-ctx.Done()
		fmt.Println("Err:", ctx.Err())
	}
	var wg sync.WaitGroup
	wg.Go(func() { worker(ctx) })
	wg.Wait()
	// Output:
	// has deadline: true
	// Err: context deadline exceeded
}

// This example looks values up through ancestors, with a key type of its own.
func Example_value() {
	type key string // declared in this function: no code outside it can name the type

	root := context.WithValue(context.Background(), key("user"), "alice")
	ctx, cancel := context.WithCancel(root)
	defer cancel()
	fmt.Println(ctx.Value(key("user"))) // found on the parent

	// A child can shadow a key; its parent keeps its value.
	admin := context.WithValue(ctx, key("user"), "root")
	fmt.Println(admin.Value(key("user")), ctx.Value(key("user")))

	// The same text of another type is another key.
	fmt.Println(ctx.Value("user"))
	// Output:
	// alice
	// root alice
	// <nil>
}

// This example records why a context was cancelled, with WithCancelCause.
func Example_cause() {
	ctx, cancel := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()

	// Err keeps saying "canceled"; Cause tells why, here and below.
	cancel(errors.New("client disconnected"))
	fmt.Println(child.Err())
	fmt.Println(context.Cause(child))
	// Output:
	// context canceled
	// client disconnected
}

// This example names the reason for a timeout with WithTimeoutCause.
func Example_timeoutCause() {
	errSlow := errors.New("inventory lookup too slow")
	ctx, cancel := context.WithTimeoutCause(context.Background(), 10*time.Millisecond, errSlow)
	defer cancel() // this cancel would set no cause: only the timeout does

	<-ctx.Done()
	fmt.Println(ctx.Err())
	fmt.Println(context.Cause(ctx))
	// Output:
	// context deadline exceeded
	// inventory lookup too slow
}

// This example runs a function when a context ends, and withdraws another.
func Example_afterFunc() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		fmt.Println("closing the connection") // runs in its own goroutine
		close(done)
	})
	cancel()
	<-done
	fmt.Println("stop after it ran:", stop())

	ctx, cancel = context.WithCancel(context.Background())
	stop = context.AfterFunc(ctx, func() { fmt.Println("never printed") })
	fmt.Println("stopped in time:", stop())
	cancel()
	// Output:
	// closing the connection
	// stop after it ran: false
	// stopped in time: true
}

// This example keeps a request's values for work that outlives the request.
func Example_withoutCancel() {
	type key struct{}
	request, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, "req-9"))
	// The audit record must be written even after the request ends.
	audit := context.WithoutCancel(request)

	cancel() // the request ends
	fmt.Println("request:", request.Err())
	fmt.Println("audit:", audit.Err(), audit.Done() == nil, audit.Value(key{}))
	// Output:
	// request: context canceled
	// audit: <nil> true req-9
}

// This example triggers the three panics of misusing the constructors.
func Example_misuse() {
	try := func(f func()) {
		defer func() { fmt.Println(recover()) }()
		f()
	}
	type key struct{}
	var parent context.Context // nil: a context nobody set

	try(func() { _ = context.WithValue(parent, key{}, "v") })
	try(func() { _ = context.WithValue(context.Background(), nil, "v") })
	//lint:ignore SA1029 staticcheck rejects this key before it can panic
	try(func() { _ = context.WithValue(context.Background(), []string{"k"}, "v") })
	// Output:
	// cannot create context from nil parent
	// nil key
	// key is not comparable
}
