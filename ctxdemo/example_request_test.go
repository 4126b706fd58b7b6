package ctxdemo_test

import (
	"context"
	"fmt"

	"github.com/goprimer/concurrency/ctxdemo"
)

// serve handles one request for a user's page, as an http.Handler would
// with r.Context(): it fans out to two lookups and joins their results.
func serve(ctx context.Context, user string) (string, error) {
	parts, err := ctxdemo.Handle(ctx,
		func(ctx context.Context) (string, error) { return profile(ctx, user) },
		func(ctx context.Context) (string, error) { return orders(ctx, user) },
	)
	if err != nil {
		return "", fmt.Errorf("serve %s: %w", user, err)
	}
	return parts[0] + " " + parts[1], nil
}

// profile and orders stand for calls to two backends. Like every function
// below serve, they take the context first and pass it on.
func profile(ctx context.Context, user string) (string, error) {
	return query(ctx, "profiles", user)
}

func orders(ctx context.Context, user string) (string, error) {
	return query(ctx, "orders", user)
}

// query is the lowest layer: it checks the context before costly work and
// tags what it does with the request ID it finds there.
func query(ctx context.Context, table, key string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err // the request is over: do nothing
	}
	id, _ := ctxdemo.RequestID(ctx)
	return fmt.Sprintf("[%s %s/%s]", id, table, key), nil
}

// This example follows one request through layers that each take ctx first.
func Example_request() {
	ctx := ctxdemo.WithRequestID(context.Background(), "req-1")
	page, err := serve(ctx, "alice")
	fmt.Println(page, err)

	// The same call for a client that has already gone away.
	ctx, cancel := context.WithCancel(ctxdemo.WithRequestID(context.Background(), "req-2"))
	cancel()
	_, err = serve(ctx, "bob")
	fmt.Println(err)
	// Output:
	// [req-1 profiles/alice] [req-1 orders/alice] <nil>
	// serve bob: context canceled
}
