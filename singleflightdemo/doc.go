// Package singleflightdemo is a runnable lesson on
// [golang.org/x/sync/singleflight], at v0.25.0, the version this module
// pins: duplicate call suppression. When many goroutines ask for the same
// thing at once, such as a cache miss on a popular key, one of them does the
// work and the others wait for it and take its result. The article stops
// before this; it is one of the sections beyond it. The package exports
// nothing: its examples and tests are the content, and every sentence below
// was checked against the source of that version.
//
// # One execution for many callers
//
// A [golang.org/x/sync/singleflight.Group] is a namespace of keys. Its zero
// value is ready to use, and it is safe for concurrent use.
// [golang.org/x/sync/singleflight.Group.Do](key, fn) looks the key up. If no
// call with that key is in flight, Do records one and runs fn in the
// caller's own goroutine. If one is, Do waits for it and returns its result
// without running fn. Every caller gets the same value and the same error:
// a pointer, slice or map in the value is shared by all of them, so none may
// change it without synchronisation.
//
// The third result, shared, reports whether the value was given to more than
// one caller. It is true for every caller that joined a call, and for the
// caller that ran fn only if someone joined it. It is about the call, not the
// key: two calls in a row with one key both report false.
//
// Sharing lasts only while the call is in flight. Once a caller has the
// result, the key is free again, and the next Do runs fn anew. A Group is
// not a cache: neither results nor errors are remembered; put a cache in
// front of it if results should outlive the call. Calls with different keys
// run independently, each key with a call of its own.
//
// # Knowing who is waiting
//
// A proof of sharing must know that the callers it counts joined before fn
// returned; a caller that comes late runs fn a second time. Sleeping and
// hoping proves nothing. The tests run in a [testing/synctest] bubble, where
// a caller waiting in Do is durably blocked: it waits on a [sync.WaitGroup]
// whose Add ran in the bubble. Once [testing/synctest.Wait] returns while fn
// is held on a channel, every caller has joined. The Group's own
// [sync.Mutex] is not durably blocking, so every such test also runs under a
// watchdog. The examples cannot use a bubble and rely on causality instead:
// [golang.org/x/sync/singleflight.Group.DoChan] has joined the call in
// flight by the time it returns, so a caller that has called DoChan is
// known to be waiting.
//
// # DoChan: stop waiting without stopping the work
//
// DoChan(key, fn) is Do without the wait. It returns at once with a channel
// that receives one [golang.org/x/sync/singleflight.Result], holding Val,
// Err and Shared, when the call ends. If DoChan starts the call, fn runs in
// a new goroutine. A caller selects on that channel and on a timer or a
// context's Done, and gives up if the second comes first. That does not stop
// fn, which runs on and delivers to every caller still waiting. The channel
// has a buffer of one, so the result sent to a caller who left never blocks
// the call, and the abandoned channel leaks nothing. It is never closed:
// receive from it once, and never range over it.
//
// fn takes no context, and a common mistake is to let it use the context of
// whichever caller happened to start the call. When that caller is
// cancelled, fn fails, and its error reaches every waiter, however much time
// their own contexts allow. Give fn a context of its own instead: the first
// caller's context detached with [context.WithoutCancel], bounded by a
// timeout of its own.
//
// # Forget
//
// [golang.org/x/sync/singleflight.Group.Forget](key) removes the key's call
// from the Group without stopping it. The callers that joined it still get
// its result, but the next Do or DoChan with that key starts a new
// execution. When the forgotten call ends it removes only itself, so a
// caller arriving after that joins the new call. A caller that gave up on a
// call which seems stuck can Forget the key, so that later callers do not
// join the stuck call.
//
// # Errors, panics and runtime.Goexit
//
// An error from fn is a result like any other: every caller gets the same
// error value, and shared is set as for a value.
//
// A panic in fn is recovered in the goroutine that ran fn, and wrapped in an
// error of an unexported type that carries the panic value and the stack
// taken at the recovery, which shows fn's frames. Its Error method returns
// the value formatted with %v, a blank line, and the stack without its first
// line (the one naming the goroutine). Its Unwrap method returns the value
// if that is an error, so [errors.Is] and [errors.As] see through the
// wrapper. What happens next depends on who waits:
//
//   - With only Do callers, each of them panics with that same error value,
//     the caller that ran fn and every caller that waited. A recover in any
//     of them gets it, and the Group stays usable.
//   - With a DoChan caller waiting, the program crashes: singleflight panics
//     again in a goroutine it starts for that alone, where no recover can
//     reach, so that no DoChan caller waits for ever for a result that will
//     never come. This holds whether the call was started by Do or by
//     DoChan. The runtime prints "panic: " and the error's text, the value
//     first and then fn's stack, indented, and the program exits with
//     status 2.
//
// So a fn given to DoChan that can panic must recover its own panics and
// return them as errors.
//
// When fn calls [runtime.Goexit], as t.FailNow does in a test, the goroutine
// that ran fn exits, and every Do caller that waited exits too, without
// returning and without a panic to recover. A DoChan caller gets nothing at
// all: its channel stays empty, and only its own timeout ends the wait. In
// every case the key is released, and the next call runs fn again.
//
// The claims list (SF3) says that an error or a panic of the shared call
// reaches every waiter. That holds for errors. A panic reaches every Do
// caller, but with a DoChan caller waiting it ends the whole program, and a
// Goexit reaches Do callers only.
//
// # What people get wrong
//
//   - Expecting a cache. Results and errors are forgotten the moment the
//     call returns.
//   - Changing the shared value. Every caller holds the same one.
//   - Waiting on DoChan's channel with no timeout or context. A fn that hangs,
//     or calls runtime.Goexit, leaves such a caller waiting for ever.
//   - Believing that a caller who gives up stops the work. Only fn can stop
//     itself; Forget only keeps later callers away from it.
//   - Letting fn use the first caller's context, which turns one caller's
//     cancellation into every caller's error.
//   - Letting fn panic under DoChan, which crashes the program.
package singleflightdemo
