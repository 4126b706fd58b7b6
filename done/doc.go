// Package done is a runnable lesson on the done channel, the article's
// section "done channel": why a goroutine that blocks forever is a leak, how
// a parent stops its child by closing a channel, and the rule that whoever
// starts a goroutine makes sure it can stop. It also exports five small
// pipeline stages, [Generate], [Repeat], [Take], [Map] and [OrDone], each of
// which stops on a done channel. Every claim below is shown by an example and
// checked by a test that would fail if the claim were false.
//
// # A blocked goroutine is never collected
//
// Goroutines are cheap, not free. Each one has a stack of at least 2 KiB,
// and it keeps alive everything that stack refers to. The garbage collector
// frees memory nobody can reach, but it never ends a goroutine: a goroutine
// blocked on a channel that no other goroutine will ever send on, receive
// from or close stays blocked, with its stack and everything it references,
// until the program exits. That is a goroutine leak.
//
// The tests measure the price. In TestLeakedGoroutinesAreNeverCollected a
// child process leaves 1,000 goroutines blocked on channels that nothing else
// can reach, goroutines that can never run again, and runs two full garbage
// collections. [runtime.NumGoroutine] still counts every one of them, and
// they still hold 2 KiB of stack each, 4 KiB in a -race build: about 2 MiB
// and 4 MiB for the thousand on linux/amd64, with Go 1.26 and 1.27 alike.
// Run go test -v to see the figures logged on your machine.
//
// Why 2 KiB, and why twice that under -race? (The figures are the runtime's
// for Linux; some systems add room of their own.) A brand-new goroutine
// gets the runtime's minimum stack, 2 KiB, in every build. (A goroutine that reuses
// the record of one that has ended starts instead at the runtime's adaptive
// size: since Go 1.19, the average stack in use at the last collection,
// plus the guard described next, rounded up to a power of two and never
// below 2 KiB. GODEBUG=adaptivestackstart=0 turns that off.) Each function
// checks on entry that its frame fits above a guard line, and if it does
// not, the runtime copies the stack to one twice the size. Below the guard
// the runtime keeps room for chains of its own functions that never check,
// 800 bytes, and for one small frame, 128 bytes. A race build doubles the
// 800 (the runtime's StackGuardMultiplier), so the guard sits 1,728 bytes
// above the bottom of a 2 KiB stack instead of 928, and leaves 320 bytes
// for frames instead of 1,120. What a blocked goroutine calls on its way
// to parking, its own frame, the channel receive and the scheduler, needs
// more than 320 bytes at its deepest and less than 1,120: under -race each
// of these stacks is copied once, to 4 KiB. A collection halves a stack
// only when less than a quarter of it is in use, counting the room kept
// for functions that never check, so neither ever shrinks: 2 KiB is the
// smallest stack there is, and 1,600 bytes of room already fill more than
// a quarter of 4 KiB.
//
// TestClosingDoneEndsThemAll shows the fix: 1,000 goroutines blocked on a
// done channel all return once done is closed, and the goroutine count is
// back where it started. Their stacks are then free for the runtime to reuse
// or give back; how much a collection returns at once depends on the
// runtime's caches (each P keeps up to 63 ended goroutines, stacks included,
// for its next go statements), so the test logs that figure rather than
// asserting it.
//
// # Counting goroutines
//
// [runtime.NumGoroutine] counts the goroutines alive now, leaked ones
// included. Since Go 1.26 [runtime/metrics] also counts the goroutines
// created since the program started (/sched/goroutines-created:goroutines),
// and, approximately, those running, runnable, in a system call and
// waiting (/sched/goroutines/waiting:goroutines and its siblings). A count
// of live goroutines that keeps rising while the work does not is the
// usual first sign of a leak; none of these counts tells a goroutine that
// waits for a reason from one that can never wake.
// TestLeakedGoroutinesAreNeverCollected checks that its child created
// exactly 1,000 goroutines and that all 1,000 are still counted.
//
// # Catching a leak
//
// A leak is silent: nothing fails, the program just grows. Tests catch it
// with [go.uber.org/goleak]. Every package of this module ends its tests
// with goleak.VerifyTestMain, which fails the run if any goroutine started
// by a test or an example is still alive at the end.
// TestGoleakFindsAbandonedGenerator shows goleak.Find reporting a generator
// whose reader walked away, blocked in "chan send" in the function that
// started it, and then releases it so that the package's own check passes.
// Before it reports a leak, Find retries for about 0.43 s in case the extra
// goroutines are about to exit; goleak v1.3.0 has no option to shorten that.
// The tests call it inside a [testing/synctest] bubble, where those retries
// sleep on the fake clock and cost no real time.
//
// # The runtime's goroutineleak profile
//
// The runtime can find leaks too. The "goroutineleak" profile of
// [runtime/pprof] (also served by [net/http/pprof] as
// /debug/pprof/goroutineleak) runs a garbage collection when it is written,
// and that collection reports every goroutine blocked on a channel or sync
// primitive that no runnable goroutine can reach: a goroutine that nothing
// can ever wake. TestRuntimeReportsLeakedGoroutine shows it finding the
// abandoned generator, and only that goroutine: the test runner's own
// goroutines, blocked on channels that something can still reach, may yet
// be woken and are not reported. Finding a leak frees nothing, though.
//
// What differs by release:
//
//   - Go 1.26 has the profile as an experiment: only a program built with
//     GOEXPERIMENT=goroutineleakprofile has it, and pprof.Lookup returns nil
//     in any other. The first build with the experiment rebuilds the
//     standard library, which takes minutes; later ones come from the
//     build cache.
//   - Go 1.27 has it in every program, and the experiment is gone: with
//     GOEXPERIMENT=goroutineleakprofile set, the go command stops with
//     "go: unknown GOEXPERIMENT goroutineleakprofile". Go 1.27 also no
//     longer reports the main goroutine when it waits in an empty select{}.
//
// The test runs on both with a plain go test ./done: it checks that the
// profile is there exactly when the release says, then reads it in a child
// process, which on Go 1.27 is the test binary itself and on Go 1.26 is
// the package's test binary built again with the experiment. To see the
// report, run
//
//	go test -run TestRuntimeReportsLeakedGoroutine -v ./done/
//
// # The done channel
//
// A done channel is how a parent tells a child to stop. The parent creates
// it, passes it to the child as a receive-only chan struct{}, and closes it
// when the child should stop; nothing is ever sent on it. Closing is the
// signal because a receive from a closed channel never blocks: every child
// waiting on done, however many, sees the close at once, and so does a child
// that checks later. The child waits on done in the same select as its real
// work, with no default case, so it sleeps until either a job arrives or it
// is told to stop. The package example shows this form; a test counts the
// child's loop turns and finds one per event and none while idle, not even
// across an hour of fake time.
//
// Closing done asks the child to stop; it does not wait for it. A parent
// that must know the child has stopped waits for it as well, for example on
// a channel the child closes as it returns, or with a [sync.WaitGroup]. The
// example named firstAnswer shows the commonest leak of all and its fix:
// several goroutines race to answer, the caller takes the first answer, and
// closing done releases the losers, which would otherwise wait on their
// sends forever.
//
// # Generators and pipeline stages
//
// A stage of a pipeline is a function that starts a goroutine and returns
// the channel that goroutine sends on. The goroutine owns that channel: it
// is the only sender, and it closes the channel as it returns, so the next
// stage's range loop ends. [Generate] sends a list of values, [Repeat]
// repeats them without end, [Take] passes on the first n values of its
// input, [Map] applies a function to each, and [OrDone] wraps a channel that
// may never be closed, so that a range loop over it still ends when done is
// closed.
//
// A stage that stops reading does not stop the stage before it: in
// Take(done, Repeat(done, 1), 3), Take returns after three values, but
// Repeat waits to send the fourth until done is closed, and a test catches
// it waiting. So the code that builds a pipeline closes done when it is
// finished with it, usually with defer close(done), and every stage stops.
// A stage checks done only when it waits. Once done is closed, a reader
// that keeps reading may still receive a few values, because when a send
// and done are both ready, select picks one at random
// ([github.com/goprimer/concurrency/selectloop] shows that choice); soon
// after, the channel is closed.
//
// A [picture of one run of Example_pipeline], drawn from the runtime's
// execution trace, shows its stages passing values on, each waiting in a
// select on its channels and done.
//
// # Whoever starts a goroutine makes sure it can stop
//
// The article's rule is that a goroutine that starts another is responsible
// for making sure it can stop. In this package the rule is checked, not just
// stated: every function that starts a goroutine says in its documentation
// when that goroutine ends, in a sentence beginning "Its goroutine ends
// when", and TestEveryGoroutineStarterSaysHowItEnds parses the package's
// source to enforce it. The tests of each stage then prove the sentence
// true. They run in [testing/synctest] bubbles: after closing done they
// check with goleak that the stage's goroutine is gone and that its channel
// is closed, and synctest.Test itself fails if a goroutine of the bubble is
// still blocked when the test ends. A stage that spun instead of blocking
// would never let the bubble finish; each bubble runs under a watchdog
// that fails the test within seconds, naming what the stage should have
// done.
//
// # The same pattern with a context
//
// Across API boundaries the done channel usually travels inside a
// [context.Context]. [context.Context.Done] returns exactly such a channel,
// <-chan struct{}, closed when the context is cancelled, so it can be passed
// where these stages take done, and one cancel stops a whole pipeline. The
// examples named context and pipeline show both uses, and
// [context.Context.Err] tells the child why it was stopped. Contexts add
// deadlines, a tree of cancellation and request-scoped values;
// [github.com/goprimer/concurrency/ctxdemo] is the lesson on them.
//
// # Corrections to the article
//
// The article's done example loops over a select whose default case is
// empty. That loop never waits: it checks done, finds it open, and goes
// round again, keeping a CPU core busy until done is closed;
// [github.com/goprimer/concurrency/selectloop] measures the cost. Drop the
// default case and the select blocks until done is closed, as in the package
// example.
//
// Its main function also closes done and returns at once, so the child may
// not even have started, let alone stopped, when the program ends. Closing
// done is a request; wait for the child if its stopping matters.
//
// The article says goroutines are not garbage collected and that a leak
// lowers memory utilisation. More exactly, the runtime never ends a
// goroutine on its own, even one that provably can never run again, and a
// leaked goroutine keeps its stack and everything reachable from it for the
// life of the process. The article's chan interface{} works, but chan
// struct{} says that the channel carries no values, only its closing.
//
// [picture of one run of Example_pipeline]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/done-Example_pipeline.svg
package done
