// Package mutex is a runnable lesson on [sync.Mutex], the mutual-exclusion
// lock: the first half of the article's section on mutexes and read-write
// locks (互斥锁和读写锁). Every claim below is shown by an example and checked by a test that
// would fail if the claim were false.
//
// # What a Mutex protects
//
// A Mutex guards a critical section: the code that reads and writes some
// shared state. One goroutine at a time can hold it. [sync.Mutex.Lock] takes
// a free lock at once; while another goroutine holds it, Lock blocks until
// it can take the lock, which is never before the holder calls
// [sync.Mutex.Unlock].
// Unlocking also publishes the holder's writes: everything done before
// Unlock is visible to whoever locks next.
//
// A [picture of one run of Example_oneHolder], drawn from the runtime's
// execution trace, shows the worker blocked in Lock until main unlocks.
//
// The article says the waiters then compete for the lock again. That is
// roughly what happens, and the documentation promises no order at all. The
// comments in the standard library's internal/sync/mutex.go describe two
// modes. In normal mode, Unlock wakes one waiter, and it competes with
// goroutines just arriving at Lock, which often win because they are
// already running. Once a waiter has waited more than a millisecond, the
// Mutex switches to starvation mode: Unlock hands the lock straight to the
// waiter at the head of the queue, and newcomers queue at the tail. It
// switches back when the waiter that gets the lock is the last in the queue
// or has waited less than a millisecond.
//
// The lock guards nothing by itself. It protects data only because every
// access to that data takes it, so say which fields a Mutex guards, usually
// by placing it just above them with a comment.
//
// A counter shows why the lock is needed. count++ is three steps, a read,
// an add and a write; two goroutines running it without a lock can both read
// the same value and one increment is lost (Example_lostUpdate replays that
// interleaving step by step). Holding the lock across the three steps makes
// them one step as far as other lockers can tell.
//
// The tests prove both sides without waiting for the scheduler to pick the
// bad interleaving. Channels make goroutine A read the counter, hand over to
// B, and write only once B has read too or has had to wait. Without the
// lock, B reads what A read, and the article's count++ and count-- end at -1;
// with it, B waits in Lock until A has written and unlocked, and they end at
// 0. So removing the lock fails plain go test. The race detector is the
// second witness. Built with -race, the article's counter without the lock
// prints "WARNING: DATA RACE" with the stacks of both goroutines and exits
// with status 66, whichever goroutine ran first: the detector looks for
// accesses that no synchronisation orders, not for accesses that happened to
// overlap. With the lock it runs silent. Under go test -race, the same report
// fails the test during which the race was detected.
//
// # Rules for a Mutex
//
// The zero value is an unlocked Mutex, ready to use: no constructor is
// needed, and a struct that embeds or holds one is ready as well.
//
// A Mutex must not be copied after first use. A copy is a separate lock with
// the original's state frozen in, so code locking the copy excludes nobody.
// The usual accidents are a method with a value receiver, a parameter or
// range variable of the struct type, and an assignment such as s := *p;
// go vet's copylocks check reports each of them. The vet pass that go test
// runs does not include copylocks, so run go vet itself. A type that holds a
// Mutex gives all its methods pointer receivers and is passed around by
// pointer (Example_pointerReceivers).
//
// Release the lock with defer right after taking it:
//
//	mu.Lock()
//	defer mu.Unlock()
//
// A deferred call runs even when the critical section panics, so a panic
// that is recovered further up leaves the lock free. An Unlock written at the
// end of the function is skipped by the panic, the Mutex stays locked with
// nobody left to unlock it, and every later Lock blocks forever. A deferred
// Unlock holds the lock until the function returns, so keep such functions
// small: do slow work such as I/O or channel sends outside them.
//
// A Mutex is not reentrant: a goroutine that holds it and calls Lock again
// blocks forever. It is also not owned by a goroutine: one goroutine may lock
// it and another unlock it, though code that does so is hard to follow.
//
// The Mutex is the same in Go 1.26 and Go 1.27: sync/mutex.go and
// internal/sync/mutex.go are unchanged between the two releases, so nothing
// in this lesson differs between them.
//
// # Misuse the runtime stops
//
// Calling Unlock on a Mutex that is not locked, whether it was never locked
// or is unlocked twice, ends the program with
// "fatal error: sync: unlock of unlocked mutex". This is a fatal error, not a
// panic: deferred functions do not run and recover cannot catch it. The tests
// run it in a child process to watch it happen.
//
// # TryLock
//
// [sync.Mutex.TryLock] takes the lock if it is free and otherwise returns
// false at once, without waiting. It exists, but the sync documentation warns
// that correct uses are rare and that reaching for it often points at a
// design problem with the lock. A false result tells you nothing lasting: the
// lock may be free a moment later. In this package TryLock appears as a probe
// in tests and examples, to show whether a lock is held; real code should
// almost always call Lock.
//
// # The article's example, corrected
//
// The article starts two goroutines on one counter, one doing count++ and
// one doing count--, each under the lock with a deferred Unlock, and prints
// "count=" inside each goroutine and once more after the WaitGroup. The lock
// does keep the counter consistent (it always ends at 0), but the two
// goroutines print in whichever order the scheduler runs them, so the first
// two lines read 1 then 0 on one run and -1 then 0 on another. An output that
// changes from run to run cannot be verified. The package example keeps the
// two locked goroutines and prints only after Wait, so its output is the same
// on every run.
//
// # Mutex, atomic or a channel for a counter
//
// The benchmarks share one counter three ways: a Mutex around an int64, the
// type [sync/atomic.Int64], and a goroutine that owns the counter and receives
// increments over a channel. BenchmarkCounter has all goroutines increment at
// once; BenchmarkCounterOneGoroutine has a single caller, so nothing
// contends (though the channel's owner is still a second goroutine). Run them
// with
//
//	go test -run '^$' -bench . -benchmem -count=6 ./mutex/ > new.txt
//	benchstat new.txt
//
// On linux/amd64 with Go 1.26.8, a two-vCPU virtual machine ("Oxide Virtual
// Turin-like Processor") with nothing else running, so that RunParallel ran
// two goroutines, benchstat gave these medians of six runs (spread within
// ±7%), in nanoseconds per increment:
//
//	                          atomic   Mutex   channel
//	two goroutines at once      12.4    18.6     147.8
//	a single caller              6.1    12.3     139.0
//
// None of them allocates. The order held in every run: the atomic is
// fastest, the Mutex costs a small multiple of it, and the channel is about
// ten times slower than the Mutex, because every increment is a hand-off
// between two goroutines. For a lone counter use [sync/atomic.Int64]. A Mutex
// earns its place when several values must change together, which a single
// atomic cannot do. A goroutine that owns state pays off when it does more
// than count, for example when it owns a connection or orders work, not as a
// faster lock.
//
// [picture of one run of Example_oneHolder]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/mutex-Example_oneHolder.svg
package mutex
