// Package datarace is a runnable lesson on the Go memory model and the race
// detector: what a data race is, which operations order the memory accesses
// of different goroutines, what a program without data races is promised,
// and what go test -race can and cannot find. The article stops before this
// ground, though every section of it depends on it. Every claim below is
// shown by an example and checked by a test that would fail if the claim
// were false.
//
// # What a data race is
//
// A data race is two goroutines accessing the same variable, at least one
// of them writing, with nothing ordering the two accesses. Reading a value
// that nobody writes is not a race, however many goroutines do it, and
// neither is writing different variables, such as different elements of
// one slice (the package example does both). Whether the accesses really
// overlapped in time does not matter: what matters is that no
// synchronization puts one before the other, so on another run, machine
// or compiler they may overlap.
//
// The race detector, built in with the -race flag of the go command (go
// build, go run, go test), watches the accesses a program makes as it runs and reports
// pairs of them that nothing orders. Except on macOS it needs cgo: with
// CGO_ENABLED=0 the go command refuses -race. The tests build a program from testdata/racy with
// -race and run it in modes. In the mode where two goroutines each write one
// string, the program prints "WARNING: DATA RACE", then the write it caught
// ("Write at" an address, by a goroutine, with its stack), then the earlier
// write it conflicts with ("Previous write at" the same address, by the
// other goroutine, with its stack), then where each goroutine was created.
// At exit it prints "Found 1 data race(s)" and exits with status 66 (the
// default of GORACE's exitcode option), whichever goroutine ran first.
// The program runs on after the report; only its exit status changes.
// Under go test -race, a race also fails the test during which it was
// detected, with "race detected during execution of test".
//
// # Happens before
//
// Within one goroutine, each statement sees the effects of the statements
// before it (program order). Between goroutines, the memory model (https://go.dev/ref/mem) orders accesses
// only through synchronizing operations: when one of them is "synchronized
// before" another, everything sequenced before the first happens before
// everything sequenced after the second. A read is sure to see a write only
// if the write happens before it, through a chain of program order and
// such edges. These are the edges, each with the example that relies on it:
//
//   - The go statement is synchronized before the new goroutine starts
//     (Example_goStatement).
//   - A send on a channel is synchronized before the matching receive
//     completes, buffered or not (Example_send).
//   - Closing a channel is synchronized before a receive that returns
//     because the channel is closed (Example_close).
//   - On an unbuffered channel, a receive is synchronized before the
//     matching send completes (Example_unbuffered).
//   - On a channel of capacity C, the k-th receive is synchronized before
//     the (k+C)-th send completes. This generalizes the previous rule, and
//     it is why a buffered channel works as a counting semaphore: with C = 1
//     it is a lock (Example_capacity).
//   - For a [sync.Mutex] or [sync.RWMutex], the n-th call of Unlock is
//     synchronized before the m-th call of Lock returns, for any n < m
//     (Example_mutex). A TryLock that fails orders nothing.
//   - The return of f is synchronized before the return of every call of
//     [sync.Once.Do] with it (Example_once).
//   - [sync.WaitGroup.Done] is synchronized before the return of the
//     [sync.WaitGroup.Wait] it unblocks, and so is the return of the function
//     passed to [sync.WaitGroup.Go] (Example_waitGroup).
//   - An atomic operation of [sync/atomic] that observes the effect of
//     another is synchronized after it (Example_atomic).
//
// A goroutine's exit is in none of these: it is not guaranteed to be
// synchronized before anything, so a goroutine's last writes reach nobody
// unless it synchronizes after them, by a send, a close, Done or an Unlock.
// The documentation of sync and sync/atomic states these edges in the
// memory model's terms, and adds those of [sync.Cond], [sync.Map] and
// [sync.Pool].
//
// Each edge is also checked by the race detector. The test builds one
// program with -race and runs a mode per edge: each writes in one goroutine
// and reads or writes again in another, ordered by that edge, and runs
// silent. Three near misses beside them are reported, exit status 66: a
// write made after the go statement, which the new goroutine may or may not
// see; the unbuffered hand-off (write, then receive; send, then read) on a
// channel of capacity 1, where the send no longer waits for the receive;
// and two workers behind a channel semaphore of capacity 2, where neither
// send waits for a receive.
//
// # DRF-SC
//
// A program is data-race-free when no run of it has a data race. Such a
// program behaves as if its goroutines took turns on a single processor,
// one step at a time (a read, a write or a synchronizing operation), each
// goroutine in its own program order: whatever it prints, some
// interleaving of its goroutines' steps explains it. This
// promise is called DRF-SC, for "data-race-free programs are sequentially
// consistent". The memory model as revised for Go 1.19 states it, as C,
// C++, Java, JavaScript, Rust and Swift do for their programs. It means that
// once your program is free of data races, you may reason about it by
// interleaving, and need not think about caches or reordering compilers.
//
// A program with a data race gets no such promise. Its goroutines may see
// each other's writes in an order no interleaving explains, and a race on a
// string, slice, interface or map can leave it inconsistent, which in most
// implementations can corrupt memory. The memory model allows an
// implementation to report a race and halt; a -race build reports it, and
// by default runs on and exits with status 66 at the end.
//
// The store-buffering test shows the difference. Goroutine 1 runs x = 1
// and then r1 = y; goroutine 2 runs y = 1 and then r2 = x. Example_interleavings
// tries all six interleavings: each ends with r1 = 1 or r2 = 1, never with
// both 0, because whichever read runs last comes after both writes. Written
// with atomics, the test is data-race-free, and a test runs it 200 times
// and checks that every outcome is one of those. Written with plain
// variables, it races on x and on y, and the race detector reports both.
// What cannot be shown on demand is the forbidden outcome itself: in
// 200 000 runs of the plain version on the machine this was written on,
// none ended with both reads 0. That is no evidence the racy version is
// safe. A data race is a bug whatever a run happens to print, and the
// race detector's report is what shows it.
//
// # What the race detector cannot see
//
// The detector judges the accesses a program makes while it runs, and
// nothing else. A race on a path that does not run is not reported:
// Example_pathNotTaken passes go test -race although the function it calls
// has a racy read in verbose mode, which the example never turns on. The
// test runs the same program both ways: with the path not taken it exits
// with status 0 and prints no report; with the path taken, it is reported
// and exits with status 66. So a silent go test -race means only that the
// tests did not run into a race. Run it with tests that exercise the
// concurrent paths, and, where the cost allows, run a -race build under
// realistic load.
//
// Nor is it sure to report every race on a path that runs: it keeps a
// bounded record of past accesses and goroutines. When the test's racy
// path started a hundred short goroutines, 8 runs in 300 with
// GOMAXPROCS=4 went unreported on a two-core machine; starting ten, it
// was reported in 1,500 runs out of 1,500.
//
// The detector also models channels of zero-size elements, such as
// chan struct{}, coarsely: runtime/chan.go (racenotify) records every send
// and receive on such a buffered channel on one synchronization object,
// which orders more than the memory model does, so a race between holders
// of a struct{} semaphore of capacity 2 may go unreported, depending on how
// the goroutines are scheduled. The semaphore modes of the test use int
// tokens for that reason.
//
// # What the race detector costs
//
// A -race build calls into the detector at every memory access the
// compiler instruments (those of the program and the standard library,
// not of the runtime) and at every synchronizing operation, and the
// detector keeps shadow state for the memory the program uses, so a -race
// build runs slower and uses more memory. BenchmarkRaceCost measures four kinds of
// work; run it without and with -race and compare:
//
//	go test -run '^$' -bench RaceCost -count=6 ./datarace/ > norace.txt
//	go test -race -run '^$' -bench RaceCost -count=6 ./datarace/ > race.txt
//	benchstat norace.txt race.txt
//
// On linux/amd64 with Go 1.26.8, on a two-vCPU virtual machine (AMD EPYC)
// that was shared with other jobs while it ran (load average between 10
// and 21), benchstat gave these medians of six runs. The load made the
// spread wide, from ±10% to ±126%, so read the ratios as orders of
// magnitude, not as exact figures:
//
//	               without -race   with -race   ratio
//	sum                  3.71 µs      62.4 µs     ×17
//	mutex               34.5 ns     1845 ns       ×54
//	channel              317 ns      2704 ns      ×8.5
//	goroutine           1.24 µs      23.1 µs      ×19
//
// The cost depends on the kind of work: every read of sum's slice and
// every Lock and Unlock calls into the detector, a channel operation was
// already costly and grows least. Memory grows too. Measured with
// /usr/bin/time as the peak resident memory of the test binary running one
// sub-benchmark for 100 000 iterations, sum, mutex and channel took about
// 8 MiB without -race and 24 MiB with it; goroutine, which starts 100 000
// goroutines one after another, took 12 MiB and 111 MiB.
//
// # Go 1.26 and Go 1.27
//
// Nothing in this lesson differs between the two releases. The memory
// model in Go 1.26's doc directory is the version of June 6, 2022. In the
// sources of both releases, the sentences of sync/once.go, sync/mutex.go,
// sync/rwmutex.go, sync/waitgroup.go and sync/atomic/doc.go that state
// their edges are the same, and so is racenotify in runtime/chan.go; Go
// 1.27 only adds a note on integer sizes to sync/atomic's package doc. The
// tests run on both.
//
// # What people get wrong
//
//   - "The tests pass with -race, so there is no race": only the paths the
//     tests ran were judged.
//   - Waiting for a flag in a loop (for !done {}) with a plain bool: a data
//     race, and the memory model does not even promise the loop ends. Wait
//     on a channel, a WaitGroup or a Cond instead.
//   - Double-checked initialization with a plain pointer or bool: seeing the
//     flag set does not mean seeing what was written before it. Use
//     [sync.Once] or [sync.OnceValue].
//   - Expecting a goroutine's writes to be visible once it has exited, or
//     after a time.Sleep: neither is synchronization.
//   - Swapping send and receive on a buffered channel: there a receive is
//     not synchronized before the send it matches, only before the send C
//     places later.
//   - "A race on an int is harmless": the program is no longer promised
//     sequential consistency, and on strings, slices, interfaces and maps a
//     race can corrupt memory.
package datarace
