// Package pool is a runnable lesson on [sync.Pool], a cache of temporary
// objects that takes allocations off a hot path. The article stops before
// the Pool; this section goes beyond it. Every claim below is shown by an
// example and checked by a test that would fail if the claim were false.
// The package exports nothing; its examples and tests are the content.
//
// # What a Pool is for
//
// Some objects are allocated, used for a moment and dropped, over and over:
// a buffer to format a line into, a scratch array to read into. A Pool keeps
// such objects between uses. [sync.Pool.Get] hands one out and
// [sync.Pool.Put] gives it back, so the next caller can take it instead of
// allocating, and the garbage collector has less to do. The fmt package, for
// one, keeps its printers in a Pool.
//
// A Pool is safe for use by many goroutines at once, and its zero value is
// an empty Pool, ready to use. Its one field, New, is optional: it makes the
// objects Get hands out when it finds none, and it must not be changed while
// Get may be running.
//
// # What Get returns
//
// Get returns one of three things: an item that some caller Put, whichever
// the Pool picks; when it finds none, the result of calling New; and when it
// finds none and New is nil, nil (Example_whatGetReturns). The documentation
// adds that Get may ignore the Pool and treat it as empty, and that callers
// should assume no relation between the values they Put and the values Get
// returns.
//
// The source shows why. A Pool keeps one cache per P, the scheduler's
// processors, of which there are GOMAXPROCS. Each cache has a private slot
// and a shared list. Put fills its P's private slot if that is empty and
// otherwise pushes onto the head of its P's shared list. Get takes its own
// P's private item, else the head of its own shared list, else it steals
// from the tail of another P's shared list, and only then looks in the
// victim cache (next section). It never takes another P's private item, so
// an item can sit in the Pool while a Get running on another P calls New.
// Nor is the Pool a stack: on one P, after Put(a) and then Put(b) into an
// empty Pool, Get returns a, the item that went into the private slot, not
// b, the one Put last.
//
// So code that uses a Pool:
//
//   - works with every outcome: it asserts the type, and checks for nil if
//     the Pool has no New;
//   - resets what it gets: an item comes back exactly as it was Put, the
//     last user's bytes still in it;
//   - stops using an item once it has Put it back, because from then on
//     another goroutine may have it.
//
// Put(nil) does nothing. In the terms of the Go memory model, a Put(x)
// synchronizes before the Get that returns x, and so does New's return of x, so the writes the last user made to x are visible
// to the next one.
//
// # The garbage collector empties a Pool
//
// A Pool is a cache, not a store: the documentation says any item in it may
// be removed at any time without notice. What happens in Go 1.26 and 1.27 is
// this. Every garbage collection cycle starts, with the world stopped, by
// calling the sync package's poolCleanup, which drops every Pool's victim
// cache and moves its per-P caches into the victim cache. Get tries the
// victim cache last, after its own P's cache and the other Ps' shared lists;
// the source says this is so that the objects in it age out if at all
// possible. So an item Put before a
// cycle is still in the Pool after it, and an item that nobody takes is gone
// after the second cycle, and freed if nothing else points to it
// (Example_emptiedByGC). A cycle is any collection, whether [runtime.GC]
// starts it or the runtime does, as the heap grows for instance, so an
// item's time in a Pool is measured in cycles, not seconds.
//
// An idle Pool is therefore empty after two cycles, while a busy one keeps
// its items: each Get takes an item out of the victim cache and the Put that
// follows puts it into a per-P cache again, so the next cleanup only moves
// it to the victim cache once more. Because items vanish without notice, a Pool is no place for
// anything that must be closed, such as a file or a connection.
//
// # Tests, GOMAXPROCS and the race detector
//
// Whether Get finds a given item depends on things a test must control. The
// goroutine may move to another P between Put and Get, for instance while
// [runtime.GC] has it parked, and then Get cannot see an item left in the
// first P's private slot. A collection the runtime starts on its own ages
// every item by a cycle. So the tests here that expect an item back first
// set GOMAXPROCS to 1, so that there is one P, and turn automatic collection
// off with [runtime/debug.SetGCPercent](-1), so that only their own
// [runtime.GC] calls count; both settings are restored when the test ends.
// [testing.AllocsPerRun] sets GOMAXPROCS to 1 by itself while it measures.
//
// Built with -race, Put drops its item at random one time in four: in
// sync/pool.go, Put returns early when race.Enabled and runtime_randn(4) is
// 0. A test that Puts one item and requires it back thus fails about one
// run in four under go test -race. The tests here define a constant,
// raceEnabled, in two files with opposite build constraints (race_test.go
// with //go:build race, norace_test.go with //go:build !race). Without -race
// they require exact reuse; with it they also accept that nothing came back,
// and still require that whatever comes back is an item they Put.
// TestRaceBuildDropsPuts counts the drops: about 250 in 1000 under -race,
// none without it. The examples print nothing that depends on reuse, so
// their output is the same in both builds.
//
// # What a Pool saves
//
// The examples and benchmarks count the lines of a short text through a
// 4 KiB read buffer. countLinesFresh makes a new buffer per call, which
// escapes to the heap through the io.Reader it is read from; countLines gets
// one from a Pool and puts it back. [testing.AllocsPerRun] gives one
// allocation per call for the first and none for the second
// (Example_allocations). Run the benchmarks with
//
//	go test -run '^$' -bench . -benchmem -count=6 ./pool/ > new.txt
//	benchstat new.txt
//
// and the fresh buffer costs 4096 B/op and 1 allocs/op, the pooled one
// 0 B/op and 0 allocs/op, serial and parallel alike. The times were measured
// on linux/amd64 with Go 1.26.8, on a two-vCPU virtual machine that other
// jobs were loading heavily, so they are rough: benchstat's medians of six
// runs were 0.51 µs pooled and 5.5 µs fresh for one caller, 0.39 µs and
// 7.8 µs for two at once, with spreads of ±41% to ±190%. The order is firm:
// the slowest pooled run was still more than three times faster than the
// fastest fresh one. Measure your own hot path before pooling: a Pool pays when objects are big or
// allocated very often, and the documentation warns that it does not pay
// for a free list inside a short-lived object.
//
// Pool pointers. Put takes an any, and a slice, unlike a pointer, needs an
// allocation of its own to become one: pooling []byte values saves the
// buffer but still costs one allocation per Put, while pooling *[]byte, a
// *bytes.Buffer or a pointer to an array costs none (TestPutPointersNotSlices).
//
// # Cap what you put back
//
// A buffer grows to fit the biggest job it has done, and a Pool hands any
// item to any caller. One huge request leaves a huge buffer in the Pool;
// every later caller may get it however little it needs, and as long as the
// Pool is busy no collection removes it. Under load, with many buffers
// pooled, each can grow to the largest size ever needed, and the Pool then
// holds that size once per buffer while most of the work needs far less (Go
// issue 23199). The fix is
// to put back only buffers up to a limit and leave bigger ones to the
// garbage collector. The standard library does this: fmt and log put their
// pooled objects back without any buffer that has grown beyond 64 KiB. Example_capWhatYouPut shows
// the check; TestPoolKeepsTheLargestBufferAlive serves one 1 MiB request and
// three hundred 64-byte ones over three collections. When everything is put
// back, a build without -race finds the 1 MiB buffer alive at the end and
// handed to the small requests (a race build may have dropped it); when only
// buffers up to 64 KiB are put back, the 1 MiB one is freed at the first
// collection.
//
// # A Pool must not be copied after first use
//
// A Pool holds a noCopy field whose Lock and Unlock methods exist only for
// go vet: its copylocks check reports a Pool copied by a value receiver, a
// by-value parameter, an assignment or a range variable, with messages such
// as "assignment copies lock value to p: sync.Pool contains sync.noCopy".
// The vet pass that go test runs does not include copylocks, so run go vet
// itself. Unlike a [sync.Cond], a Pool has no check at run time, and a copy
// misbehaves quietly. A Pool's first Get or Put that reaches the per-P
// caches creates them and registers the Pool for cleanup. A copy taken after
// that points at the same caches without being registered: an item Put into
// the copy comes out of the original, and the collector, which empties only
// registered Pools, never empties the copy. Keep a Pool in a package-level
// variable, or in a struct used through a pointer with pointer-receiver
// methods (Example_poolInAStruct).
//
// # Go 1.26 and Go 1.27
//
// The Pool behaves the same in both releases. Their sync/pool.go differ only
// in how two atomic helpers are imported, and the runtime calls poolCleanup
// at the start of each cycle in both.
//
// # What people get wrong
//
//   - Expecting the item they Put, or one that is reset. Get promises
//     neither.
//   - Counting on a Pool to keep items: a collection ages them, and two
//     empty an idle Pool.
//   - Testing reuse without allowing for -race, where Put drops items, or
//     for a goroutine that changed P.
//   - Pooling slices rather than pointers, and paying an allocation per Put.
//   - Putting back buffers of any size, so the Pool keeps the largest alive.
//   - Copying a Pool, which go vet reports and the runtime does not.
package pool
