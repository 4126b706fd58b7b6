// Package ctxdemo shows, with runnable examples and tests, how the
// [context] package carries cancellation, deadlines and request-scoped
// values across goroutines and API boundaries.
//
// A server that handles a request often starts several goroutines: one per
// backend to ask, say. When the client goes away or the request runs out of
// time, all of them should stop, and while they run they need to know which
// request they serve. A [context.Context] carries exactly that, and so has
// two jobs: to cancel a whole branch of a call graph at once, and to carry
// data that belongs to one request, such as its ID.
//
// It works by convention. Every function downstream of the request takes
// the context as its first parameter, named ctx, and passes it on; no
// struct keeps one. [Handle] follows it: it fans a request out to [Worker]
// functions, each in its own goroutine and each given the context first,
// and stops them all when the request is cancelled. A test in this package
// checks the convention on every function of its code, tests and examples.
//
// # The interface
//
// A context answers four questions:
//
//   - [context.Context.Deadline]: when should the work be abandoned? It
//     reports ok == false when there is no deadline.
//   - [context.Context.Done]: a channel closed when the context ends, by
//     cancellation or by its deadline; every call returns the same channel,
//     and a context that can never end returns nil.
//   - [context.Context.Err]: nil while Done is open; afterwards
//     [context.Canceled] or [context.DeadlineExceeded], for good.
//   - [context.Context.Value]: the value stored under a key, here or in an
//     ancestor, or nil.
//
// A context only asks. It never stops a goroutine: code that should stop
// must watch Done, in a select beside its other channels or through a
// blocking call that takes ctx (as [Sleep] does), and return ctx.Err().
// That is why [Handle] still waits for a worker that ignores its context;
// it cancels its workers, but it never abandons a goroutine.
//
// # Roots and the tree
//
// [context.Background] is the root of every tree, for main, initialisation
// and tests; [context.TODO] behaves the same and marks a place where the
// right one is not yet known. Neither can ever end: Done is nil
// and Err is nil forever.
//
// Every other context is derived from a parent, so contexts form a tree.
// Cancelling a context cancels all its descendants, before the cancel
// function returns; cancelling a child leaves its parent and siblings alone.
// A child's deadline can be earlier than its parent's but never later:
// asking for a later one yields the parent's.
//
// # Cancel, deadline, timeout
//
// [context.WithCancel] returns a child and a cancel function: calling it
// closes Done and sets Err to [context.Canceled]; later calls do nothing.
// [context.WithDeadline] closes Done when the clock reaches the deadline,
// with Err [context.DeadlineExceeded]; a deadline already past ends the
// context at once. [context.WithTimeout](ctx, d) is
// WithDeadline(ctx, time.Now().Add(d)). Whichever happens first, cancel or
// deadline, decides Err.
//
// Always call the cancel function, usually with defer right after creating
// the context, even when the deadline will end it anyway: until then the
// context keeps its timer and its place among its parent's children. go vet
// reports a cancel function that is discarded or not called on every path
// (the lostcancel analyzer); testdata/lostcancel holds both mistakes and a
// test checks vet's exact words.
//
// # Values
//
// [context.WithValue] attaches one key and value; Value looks a key up in
// the context, then its parent, and so on to the root, so the nearest value
// wins: a child can shadow a key without changing what its parent holds.
// Values never flow up.
//
// Keys are compared with ==, so a key must have a type of its own: an
// unexported type, with functions to store and read the value, as
// [WithRequestID] and [RequestID] do. Two packages that both use the string
// "id" overwrite each other; keys of two distinct types can never meet. An
// empty struct type costs no allocation. Values are for data that belongs
// to a request and crosses API boundaries, not for optional parameters.
//
// # Newer tools
//
// Go has added to the package since the article:
//
//   - [context.WithCancelCause] and [context.Cause] (Go 1.20): Err still says
//     "context canceled", and Cause tells why, to the context and to its
//     descendants. [context.WithTimeoutCause] and
//     [context.WithDeadlineCause] (Go 1.21) name the reason for a deadline.
//   - [context.AfterFunc] (Go 1.21) runs a function in a goroutine of its own
//     once a context ends; its stop function withdraws it if it has not
//     started yet, and reports whether it did.
//   - [context.WithoutCancel] (Go 1.21) keeps a context's values but not its
//     cancellation or deadline, for work that must outlive a request.
//   - [testing.T.Context] (Go 1.24) is the context to pass to code under
//     test: it is cancelled as the test ends, just before its Cleanup
//     functions run.
//
// # Misuse
//
// The constructors panic rather than build a broken tree: a nil parent with
// "cannot create context from nil parent", and WithValue with "nil key" or
// "key is not comparable" for a key such as a slice. The tests check each
// message exactly.
//
// # Corrections to the article
//
// The article describes the package well, but some details need fixing:
//
//   - Its WithValue example uses the string "key" as a key, which any other
//     package may also use. Use an unexported key type with accessor
//     functions, as above (staticcheck's SA1029 reports string keys).
//   - Its examples wait on the real clock for 1 s, 1 s and 5 s. The tests
//     here prove the same timings to the nanosecond on the fake clock of
//     [testing/synctest], instantly; the examples use 10 ms deadlines and
//     print only what follows from cause and effect.
//   - Its workers poll Done in a select with an empty default case, which
//     spins a CPU core until the context ends. Block on Done instead.
//   - Done is not closed "when the function is preempted": nothing is
//     preempted. It is closed when the context is cancelled or its deadline
//     passes, and the function has to notice.
//   - Deadline does not tell whether a goroutine will be cancelled; it
//     reports the context's deadline, if any. Value returns the value stored
//     under a key, not the key.
//   - Its WithValue worker sleeps a second between looks at Done, so it
//     notices cancellation up to a second late; [Sleep] waits on the timer
//     and the context together.
package ctxdemo
