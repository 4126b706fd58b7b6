// Package selectloop is a runnable lesson on the select statement and the
// for-select loop, the article's "for-select" section: how one goroutine
// waits on several channels at once, what select does when no case or
// several cases are ready, the two for-select loops the article shows, and
// the CPU a loop burns when its select has an empty default and nothing else
// to do. The package exports one helper, [Merge]; the examples and tests are
// the content.
//
// A select looks like a switch whose cases are channel operations, each a
// send or a receive. It waits until at least one of them can proceed, runs
// exactly one, and then runs that case's body. The article's example lists
// case <-c2 twice; it means one case for c1 and one for c2, and the package
// example shows the corrected version receiving from both.
//
// # When no case is ready, and default
//
// If no case can proceed, select blocks until one can. It does not fail,
// return early or time out by itself: in the tests a select with nothing
// ready is still waiting after an hour of fake time. A nil channel is never
// ready, so a select whose only cases are on nil channels waits for ever.
//
// A default case changes that: when no other case is ready, select runs
// default at once, so a select with default never blocks. That makes
// non-blocking channel operations: try to receive and carry on if nothing is
// there, try to send and drop the value if nobody can take it. Default is
// taken only when no case is ready; it is not one more candidate in a draw.
//
// # When several cases are ready
//
// If more than one case can proceed, select picks one of them uniformly at
// random. There is no priority: the first case in the source is not
// preferred, and with two cases always ready each wins about half the time
// (the tests check ten thousand selects against bounds that a fair runtime
// misses with probability below 1e-20). Randomness keeps a busy channel
// from starving the others. When one channel must come first, build the
// priority yourself: an outer select with default takes the urgent channel
// alone, and only when it has nothing does an inner select wait on both.
//
// A [picture of one run of Example], drawn from the runtime's execution
// trace, shows main's two selects over time beside the two senders.
//
// The article says select's cases have "no test order". That is loose. On
// entering a select, Go evaluates the channel operand of every case and the
// value of every send, exactly once and in source order, whether or not the
// case will run; waiting and waking up evaluate nothing again. Only the
// choice among the cases that are ready is random. The left-hand side of a
// receive with assignment, as in case m[key()] = <-c, is the exception: it
// is evaluated only for the chosen case, after the choice.
//
// # Nil channels and timeouts
//
// A closed channel is always ready to receive from, yielding the zero value
// and false; a nil channel never is. So a loop that reads several channels
// until all are closed sets each closed one to nil, which disables its case
// and lets select wait on the rest instead of spinning on the closed
// channel. [Merge] is written that way. It also takes a [context.Context]
// and waits on ctx.Done() beside every channel operation, so the goroutine
// it starts ends when its reader cancels, even if the inputs are never
// closed: a reader that stops early does not leave it blocked for ever.
//
// A case on the channel from [time.After] bounds a wait: select returns with
// the value if it comes first, or when the timer fires, whichever is first.
// On the fake clock of [testing/synctest] the tests see it return at exactly
// the value's arrival or exactly at the timeout. Timers in loops (a new
// timer on every turn, or one deadline for the whole loop) are the subject
// of [github.com/goprimer/concurrency/timer].
//
// # The for-select loop
//
// The article shows two uses of a select inside a for loop. The first sends
// the values of an iteration on a channel. In its version the select has a
// single case, which is exactly a plain send (staticcheck says so, check
// S1000): it blocks when nobody can take the value. The loop becomes worth
// writing with a second case on a done channel, so that the sender stops
// when the receiver wants no more values instead of blocking for ever.
//
// The second use loops until a done channel is closed and does a unit of
// work on every turn. It comes in two forms: the work sits in the default
// case, or it follows the select, whose default is then empty. The two
// behave the same. Each turn checks
// done before starting a unit of work; a unit already running is never
// interrupted, and the loop stops at its next check. Two things differ in
// practice. In the first form a break inside default leaves only the
// select, not the loop (staticcheck reports such a break, check SA4011); to
// leave the loop from inside a select, return or use a labeled break. In
// the second form the work is outside the select, so break and continue
// mean the loop.
//
// Both forms are right when every turn has real work to do, such as a long
// computation cut into pieces, checking between pieces whether to stop. The
// channel that closes is the parent's way to stop its child; see
// [github.com/goprimer/concurrency/done] for the rule behind it.
//
// # An empty default spins
//
// A select with a default case never waits, so a loop around it that has
// no work to do on a turn never waits either: it checks done, finds it
// open, takes default and goes round again at once, keeping a CPU core busy
// doing nothing until done closes. The article's two for-select forms do
// not fall into this, since every turn does its unit of work. Its programs
// whose child only waits do. In the done-channel example, and in the
// WithCancel, WithDeadline and WithTimeout examples of its context section,
// the child loops over a select on done, or on ctx.Done(), with an empty
// default and nothing else in the loop; it spins from the moment it starts
// until that channel closes, which takes a whole second in the deadline and
// timeout examples. The child of the WithValue example does not spin: its
// default prints the value and sleeps for a second, so it polls, and it
// notices the cancel up to a second late. The same spin happens when a loop
// polls a channel for work with an empty default beside it.
//
// BenchmarkIdleWorker measures a worker that gets one job a millisecond.
// On a two-core Linux machine with Go 1.26, the worker with an empty
// default turned 25,000 to 30,000 times per job, about 40 ns a turn, and the
// process used a full core (1.0 cpu-cores); the worker without default
// turned once per job, and the process used 0.02 to 0.05 of a core. With
// GOMAXPROCS=1 the spinner also holds the only processor until the scheduler
// preempts it, so the goroutine handing out jobs waits its turn: in two runs
// of three, a job due every millisecond took about 21 ms.
//
// The fix is to wait for the event instead of polling for it. Put what the
// goroutine waits for, the jobs channel, a timer, the done channel, in the
// select's cases and drop the default: select then parks the goroutine,
// which uses no CPU until a case is ready, and its loop turns exactly once
// per event. The blocking-loop example prints its turns: one per job and
// one for the stop, where the same loop with an empty default prints
// hundreds of turns or more. A test
// checks it too: while the spinning worker makes a thousand idle turns, the
// blocking worker makes none, and [testing/synctest.Wait] sees it durably
// blocked.
//
// # Go 1.26 and 1.27
//
// Nothing in this lesson differs between the two releases: the runtime's
// select (runtime/select.go) is the same in both. Go 1.27 removed the
// asynctimerchan setting, through which Go 1.26 still gives a module whose
// go line is older than 1.23 the old timer channels; a timeout case in a
// select works the same with either kind, and
// [github.com/goprimer/concurrency/timer] teaches what changed.
//
// [picture of one run of Example]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/selectloop-Example.svg
package selectloop
