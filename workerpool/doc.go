// Package workerpool is a runnable lesson on bounded parallelism: running
// many jobs with at most N at a time, getting their results back in input
// order, and stopping early at the first error or when the caller cancels,
// with nothing left running. The article does not cover it; this section
// goes beyond it. It exports one function, [Map], an ordered pool small
// enough to read in one sitting; the examples and tests are the rest of
// the lesson. Every sentence about golang.org/x/sync was checked against
// v0.25.0, the version this module's go.mod pins.
//
// # Workers ranging over a jobs channel
//
// The plain pool is N goroutines that each run for range jobs, and one
// goroutine that sends the jobs. Two channels, two closers, one rule: only
// a sender may close a channel, and only when no send on it can follow,
// since a send on a closed channel panics.
//
//   - jobs has one sender, the goroutine that feeds the pool. It closes
//     jobs after the last job, and that close is the stop signal: each
//     worker's range loop ends once jobs is closed, and a worker returns.
//     Without it the workers wait for more work forever
//     (TestClosingJobsEndsTheWorkers).
//   - results has N senders, the workers, so none of them may close it:
//     the others may still send. It is closed by a goroutine that waits for
//     the workers ([sync.WaitGroup.Wait]) and then closes it, and the
//     consumer ranges over results until that close. Closing results when
//     the last job has been sent is too early: a worker still working on a
//     job then panics with "send on closed channel"
//     (TestClosingResultsBeforeTheWorkersReturnPanics).
//
// Example_workers is that pool. An unbuffered jobs channel also paces the
// feeder: a send waits until a worker is free to take the job.
//
// # Results in input order
//
// A pool does not keep order. Results reach the consumer in the order the
// jobs finish, whatever order they were sent in: Example_completionOrder
// shows a second job's result arriving first, and
// TestPlainPoolDeliversInCompletionOrder runs four jobs on the fake clock
// in every one of the 24 orders they can finish in and finds the results
// in exactly that order each time.
//
// The fix is an index. Send each job with its position in the input, and
// put each result back at its position: either the result carries the index
// and the consumer writes out[r.i], or, as [Map] does, the worker writes
// results[i] itself. The second needs no results channel and no lock: each
// slot is written by exactly one call, and [sync.WaitGroup.Wait] returning
// means every write is visible to the caller. What must not happen is
// several workers calling append on one shared slice, which is a data race.
// TestMapReturnsResultsInInputOrder checks Map on the same 24 finishing
// orders with one to five workers.
//
// # One bound, four ways
//
// A fixed pool of N workers is one way to run at most N jobs at a time.
// There are others, and they give the same bound:
//
//   - N worker goroutines ranging over a jobs channel, as above.
//   - A goroutine per job in a [golang.org/x/sync/errgroup.Group] with
//     [golang.org/x/sync/errgroup.Group.SetLimit](N): Go blocks until the
//     new goroutine can start without more than N of the group's goroutines
//     being active.
//   - A goroutine per job, started after
//     [golang.org/x/sync/semaphore.Weighted.Acquire](ctx, 1) on a semaphore
//     of size N; the job calls Release(1) when it ends.
//   - The same with a buffered channel of capacity N: a send takes a slot,
//     a receive gives it back. The memory model's rule that the k-th
//     receive from a channel of capacity C is synchronized before the
//     (k+C)-th send completes is what makes it a counting semaphore.
//
// A bound is proven by measuring it. Each job increments an atomic
// in-flight counter on entry and decrements it on exit, and a
// compare-and-swap loop keeps the largest value the counter ever held.
// TestTheBoundIsReachedAndNeverExceeded runs six jobs of 1s in each of the
// four ways and through [Map], with limits 1 to 4, on the fake clock of
// [testing/synctest]: the jobs start in waves of the limit (with a limit of
// 2, at exactly 0s, 0s, 1s, 1s, 2s and 2s), the run ends when the waves
// predict (3s), and the largest count is exactly the limit. Exactly, not at
// most: a bound that is never reached proves nothing, and
// TestTheMeterSeesAnExcess shows the same counter reading 6 when the jobs
// run unbounded. Example_sameBound makes the bound reached in an example,
// where no fake clock is available, by pairing the jobs on unbuffered
// channels: a pair can only meet while both of its jobs are running.
//
// Which one to choose:
//
//   - A fixed pool runs every job on the same N goroutines, however many
//     jobs there are, and suits workers that keep something of their own,
//     a connection or a buffer, from one job to the next.
//   - errgroup with SetLimit is the shortest code when jobs can fail and
//     the first error should win; with
//     [golang.org/x/sync/errgroup.WithContext] it also cancels the others.
//     Its Go does not look at the context, so after the first error it
//     still starts every job it is given: a job that must not start late
//     checks ctx.Err() first. The package
//     github.com/goprimer/concurrency/errgroupdemo shows this.
//   - A Weighted semaphore lets jobs count for different weights, and its
//     Acquire returns ctx's error once ctx is done, so a loop that acquires
//     before each go statement can stop there. A buffered channel does the
//     same for equal weights with nothing to import. Acquire before the go
//     statement, not inside the new goroutine: inside, the bound still
//     holds the jobs, but every goroutine is created at once
//     (TestAcquireInsideTheGoroutineBoundsJobsNotGoroutines). The package
//     github.com/goprimer/concurrency/semaphoredemo covers both semaphores.
//
// # Stopping early, leaving nothing behind
//
// [Map] stops at the first error. A call of f that fails cancels the
// context every call shares, and the first to do so sets its error as the
// cause ([context.WithCancelCause]). From then on:
//
//   - the feeder sends no more jobs: its send is a select that also waits
//     for the context to be done, and it closes jobs as it leaves;
//   - a worker that receives a job once the context is done returns
//     without calling f. This check matters: when a worker is waiting and
//     the context is done, both of the feeder's select cases are ready, and
//     select picks one at random, so a job can still be handed out.
//     TestMapWithADoneContextStartsNothing samples 200 runs with a done
//     context and finds f never called; with the check taken out, f ran
//     in 73 to 110 of the 200 runs on this project's machine;
//   - calls of f already running are not interrupted. They see their
//     context cancelled, and Map waits for each to return.
//
// Cancellation from the caller takes the same path: the context Map
// derives from ctx is done when ctx is. Map returns whichever ended
// the work first, the first error of f or [context.Cause] of the caller's
// context, never an error a call returned only because it saw the
// cancellation (Example_firstError, Example_cancel).
//
// "Nothing leaked" is checked on the fake clock. In TestMapStopsAtTheFirstError,
// on two workers, job 1 fails at 0.5s while job 0, which ignores its
// context, runs until 5s: Map returns job 1's error at exactly 5s, jobs 2
// to 5 were never started, and goleak, asked right after Map returns, finds
// no goroutine Map started still alive (its few retries sleep on the fake
// clock and would miss only a goroutine ending within half a second). TestMapStopsWhenTheContextEnds does
// the same for a 2.5s timeout on ten 1s jobs: jobs 0 to 5 start at 0s, 1s
// and 2s, jobs 4 and 5 return at the deadline, Map returns then, and jobs
// 6 to 9 never start. Every test also runs under goleak.VerifyTestMain,
// which fails the package if any goroutine outlives the tests.
//
// What people get wrong:
//
//   - Returning at the first error without waiting for the calls still
//     running. Their goroutines keep working after the caller has moved
//     on, and anything they write races with it; Map waits.
//   - A feeder that sends with a plain jobs <- i. Once the workers stop
//     taking jobs, it blocks for good on the next send: a leak, and if
//     the caller waits for it, a deadlock (TestAPlainSendFeederLeaks).
//   - Trusting the feeder's select alone to stop handing out jobs; see the
//     worker's check above.
//   - Assuming results arrive in input order; index them.
package workerpool
