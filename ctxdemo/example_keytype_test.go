package ctxdemo_test

import (
	"context"
	"fmt"
	"sync"
)

// userKey is the key for the user in a context: the safe form of the
// article's WithValue(ctx, "key", "add value"). Its type is unexported, and
// Go hides unexported names per package, not per file: every file of this
// package (ctxdemo_test) can name userKey, no other package can. So no other
// package can make the key, to look the value up or to shadow it with a
// value of its own. The package itself goes through the two functions
// below, and a package that shares the value exports just those.
type userKey struct{}

// withUser returns a copy of ctx carrying user.
func withUser(ctx context.Context, user string) context.Context {
	return context.WithValue(ctx, userKey{}, user)
}

// userFrom returns the user stored in ctx, if any. The type assertion
// turns "no value" into ok == false instead of a panic.
func userFrom(ctx context.Context) (string, bool) {
	user, ok := ctx.Value(userKey{}).(string)
	return user, ok
}

// This example is the article's WithValue program, with a safe key type.
func Example_keyType() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx = withUser(ctx, "alice")

	worker := func(ctx context.Context, ready chan<- struct{}) {
		user, ok := userFrom(ctx)
		fmt.Println("user:", user, ok)
		close(ready)
		<-ctx.Done()
		fmt.Println("Err:", ctx.Err())
	}
	ready := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { worker(ctx, ready) })

	<-ready // cancel once the worker has read the value
	cancel()
	wg.Wait()
	// Output:
	// user: alice true
	// Err: context canceled
}
