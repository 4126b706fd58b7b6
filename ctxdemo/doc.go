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
//     cancellation or by its deadline; every call returns the same channel.
//     A context that can never end may return nil, and those of the
//     package do: Background, TODO, WithoutCancel, and values over them.
//   - [context.Context.Err]: nil while Done is open; afterwards
//     [context.Canceled] or [context.DeadlineExceeded], for good. In the
//     package's contexts this holds even while a cancel is under way: on
//     Go 1.26 and 1.27, an Err that finds the error waits for Done to be
//     closed before returning it, the fix for golang/go#75533, where the
//     lock-free Err of Go 1.25 could report the error a moment before the
//     close.
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
// [context.Background] is the usual root of a tree, for main,
// initialisation, tests and the top of an incoming request;
// [context.TODO] behaves the same and marks a place where the right one is
// not yet known. Neither can ever end: Done is nil and Err is nil forever.
//
// Every other context the package makes is derived from a parent, so
// contexts form a tree. Cancelling a context cancels all its descendants,
// except below a [context.WithoutCancel], which starts a tree of its own;
// cancelling a child leaves its parent and siblings alone. A child's
// deadline can be earlier than its parent's but never later: asking for a
// later one yields the parent's.
//
// A [picture of one run of ExampleHandle_cancel], drawn from the runtime's
// execution trace, shows one cancel reaching the workers of [Handle] that
// wait on their context's Done.
//
// How soon cancellation arrives depends on who made the contexts. A
// cancellable context that the package makes under contexts it made joins
// the list of children of its nearest cancellable ancestor, and cancelling
// a context cancels its list, and their lists, before the cancel function
// returns. So when every context on the way down is the package's own, the
// whole subtree is done by then. A type of one's own that embeds a context
// and passes Done and Value through to it counts as the context it wraps.
// Two things happen later, in goroutines of their own, as the
// documentation of [context.Context.Done] allows:
//
//   - A function registered with [context.AfterFunc] is started in a new
//     goroutine when the context ends, so it may run after cancel has
//     returned.
//   - A parent of another type, one with a Done channel of its own,
//     has no list to join. When a child is made of it, the package starts
//     a goroutine that waits for the parent's Done or the child's cancel.
//     The child is cancelled only when that goroutine has run, and the
//     goroutine lives until one of the two happens. A parent that has a
//     method AfterFunc(func()) func() bool is handed the function that
//     cancels the child instead, and when that runs is up to the parent.
//
// The tests prove each case on the fake clock, on Go 1.26 and 1.27, whose
// propagateCancel is the same.
//
// # Cancel, deadline, timeout
//
// [context.WithCancel] returns a child and a cancel function: calling it
// closes Done and sets Err to [context.Canceled]; later calls do nothing.
// [context.WithDeadline] closes Done when the clock reaches the deadline,
// with Err [context.DeadlineExceeded]; a deadline that is not in the
// future ends the context at once. [context.WithTimeout](ctx, d) is
// WithDeadline(ctx, time.Now().Add(d)). Whichever happens first, cancel,
// deadline or the parent's end, decides Err.
//
// Always call the cancel function, usually with defer right after creating
// the context, even when the deadline will end it anyway: until then the
// context keeps its timer and its place on its parent's list, or, under a
// parent of another type, the goroutine that watches it. go vet reports a
// cancel function that is discarded, or that some path to a return never
// uses (the lostcancel analyzer); testdata/lostcancel holds both mistakes
// and a test checks vet's exact words.
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
// "id" collide: the value stored nearer the leaf hides the other's. Keys of
// two distinct types can never meet, and no other package can name an
// unexported type: Go hides names per package, not per file, so every file
// of the declaring package can still use the key. A key type keeps others
// from looking a value up, not from seeing it: printing a context shows
// its values that are strings or have a String method. A key of an empty
// struct type costs no allocation. Values are for data that belongs to a
// request and crosses API boundaries, not for optional parameters.
//
// # Newer tools
//
// Go has added to the package since the article:
//
//   - [context.WithCancelCause] and [context.Cause] (Go 1.20): Err still says
//     "context canceled", and Cause tells why, to the context and to its
//     descendants. [context.WithTimeoutCause] and
//     [context.WithDeadlineCause] (Go 1.21) take the reason for a deadline
//     when the context is made, and return a plain [context.CancelFunc]:
//     calling it records no cause, so Cause then reports Canceled. Go 1.27
//     corrected the package overview, which said they return a
//     [context.CancelCauseFunc]; the code is the same in 1.26.
//   - [context.AfterFunc] (Go 1.21) runs a function in a goroutine of its own
//     once a context ends; its stop function withdraws it if it has not
//     started yet, and reports whether this call withdrew it.
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
//   - Its WithDeadline, WithTimeout and WithValue programs wait on the
//     real clock for 1 s, 1 s and 5 s. The tests here prove the same
//     timings to the nanosecond on the fake clock of [testing/synctest],
//     instantly. Examples cannot use the fake clock: five of them wait for
//     a real 10 ms deadline, and ExampleSleep for a real 1 ms timer, but
//     each prints only what follows from cause and effect.
//   - Its WithCancel, WithDeadline and WithTimeout workers poll Done in a
//     select with an empty default case, which spins a CPU core until the
//     context ends. Block on Done instead.
//   - Done is not closed "when the function is preempted": nothing is
//     preempted. It is closed when the context is cancelled or its deadline
//     passes, and the function has to notice.
//   - Deadline does not tell whether a goroutine will be cancelled; it
//     reports the context's deadline, if any. Value returns the value stored
//     under a key, not the key.
//   - Its WithValue worker sleeps a second between looks at Done, so it
//     notices cancellation up to a second late; [Sleep] waits on the timer
//     and the context together.
//
// [picture of one run of ExampleHandle_cancel]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/ctxdemo-ExampleHandle_cancel.svg
package ctxdemo
