package ctxdemo

import "context"

// requestIDKey is the key under which [WithRequestID] stores a request ID.
//
// Its type is unexported, so no other package can build the same key: a
// key of type string, such as "requestID", would collide with any other
// package that happened to pick the same string. An empty struct costs
// nothing to store in an interface.
type requestIDKey struct{}

// WithRequestID returns a copy of ctx that carries id as the request ID.
// The ID is visible through [RequestID] on the returned context and on every
// context derived from it, in any goroutine the context is passed to.
//
// A request ID is the kind of value a context is for: data scoped to one
// request that crosses API boundaries. Optional parameters of a function
// belong in its parameter list instead.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request ID stored in ctx or in one of its ancestors
// by [WithRequestID], and whether there was one. When several ancestors
// carry an ID, the nearest one wins.
func RequestID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(requestIDKey{}).(string)
	return id, ok
}
