// Package semaphoredemo is a runnable lesson on counting semaphores: the
// weighted semaphore of [golang.org/x/sync/semaphore], and a buffered channel
// used as one. A semaphore bounds how many goroutines use something at once:
// connections, memory, CPU. The article does not cover it; this section goes
// beyond it. Every sentence about the package was checked against
// golang.org/x/sync v0.25.0, the version this module's go.mod pins, and
// every sentence about channels against the Go memory model. The package
// exports nothing; its examples and tests are the content.
//
// # Acquire, TryAcquire and Release
//
// [golang.org/x/sync/semaphore.NewWeighted] makes a
// [*golang.org/x/sync/semaphore.Weighted] with a total weight, its size, all
// of it free. [golang.org/x/sync/semaphore.Weighted.Acquire] with a weight n
// takes n units, waiting until n are free at the same time, not merely some
// of them (TestAcquireBlocksUntilEnoughIsFree), and returns nil.
// [golang.org/x/sync/semaphore.Weighted.Release] gives n back.
// [golang.org/x/sync/semaphore.Weighted.TryAcquire] never waits: it takes
// the n units and reports true if it can at once, and otherwise reports
// false and takes nothing (Example_tryAcquire, TestTryAcquireNeverBlocks).
// Weight lets one caller count for more than another: a job that needs four
// buffers acquires 4, a small one 1. With every weight 1, a Weighted is the
// plain counting semaphore (Example).
//
// A Weighted counts weight, not owners. Any goroutine may release what
// another acquired, and nothing checks that a caller releases what it took.
// Create it with NewWeighted: the zero Weighted has a size of 0 and admits
// no weight at all (TestZeroWeightedAdmitsNothing). It holds a [sync.Mutex], so pass it by pointer, as
// NewWeighted returns it.
//
// The package's documentation makes no memory-model promise, but the pinned
// implementation keeps one. Release and Acquire both lock the Weighted's
// mutex, and a waiter is woken by closing a channel while the releaser holds
// it, so a Release happens before the Acquire it lets through. That is what
// lets Example read the results its goroutines wrote after acquiring the
// whole weight, and it runs clean under the race detector.
//
// # A context that ends first
//
// Acquire also returns when ctx is done, and then it returns ctx.Err()
// itself, [context.Canceled] or [context.DeadlineExceeded], not the cause
// ([context.Cause] gives that). A failed Acquire leaves the semaphore as it
// found it: it holds no weight and keeps no place in the queue, so once the
// holders release, the whole weight can be taken again
// (Example_acquireCanceled, TestFailedAcquireHoldsNothing, which checks it
// at the exact instant of a deadline). Three cases in the source make that
// true:
//
//   - A ctx that is already done when Acquire is called fails it, even when
//     the weight is free.
//   - A waiter whose ctx ends leaves the queue and returns the error.
//   - A waiter that is granted its weight after its ctx is done, but before
//     it wakes up, gives the weight back and returns the error.
//
// A request for more than the semaphore's size can never be met. Acquire
// does not queue it, so it holds up nobody; it just waits for ctx to be
// done (Example_tooLarge, TestAcquireMoreThanSizeWaitsForCtx). With
// [context.Background] that wait never ends, and the goroutine leaks.
//
// # First come, first served
//
// Waiters are served strictly in the order they started to wait. Release
// hands the freed weight to the waiter at the head of the queue, then to
// the next, and stops at the first that does not fit, even if one behind it
// would. So a large request at the head blocks every later one, small ones
// included, and while any request is queued, TryAcquire reports false
// whatever is free (TestLargeWaiterBlocksLaterSmallOnes: with 2 of 10 units free, a
// request for 1 that comes after a request for 5 waits until the 5 have
// been served and given back). The source explains why: a semaphore of N
// used as a read-write lock, with readers acquiring 1 and a writer N, would
// starve the writer if readers could pass it. The price is that one large
// request can leave units idle while small ones wait. When the request at
// the head gives up, the queue moves on at once
// (TestCancelledHeadLetsTheQueueMove). Even Acquire(ctx, 0) queues behind
// a waiter (TestZeroWeightWaitsItsTurn).
//
// # Releasing more than held
//
// Release panics with "semaphore: released more than held" when it is asked
// to give back more than is held in all (Example_releaseTooMuch). It subtracts first
// and checks after, and the panic does not undo the subtraction: a program
// that recovers carries on with a semaphore that admits more than its size
// (TestReleaseMoreThanHeldPanics). Treat the panic as a bug to fix, never as
// an error to recover from. A negative weight panics too, with "semaphore: n
// < 0", and a negative size with "semaphore: size < 0".
//
// # A buffered channel as a semaphore
//
// Without a dependency, a channel of capacity C bounds a group to C at a
// time: a send acquires a slot, blocking while the buffer is full, and a
// receive releases one (Example_channel, TestChannelSemaphoreBoundsConcurrency).
// The Go memory model (https://go.dev/ref/mem) gives the rule that makes it
// a semaphore rather than a coincidence: the k-th receive from a channel of
// capacity C is synchronized before the completion of the (k+C)-th send on
// it. The (k+C)-th acquire cannot finish before the k-th release, and
// whatever the releasing goroutine wrote before its receive is visible to
// the acquiring goroutine after its send (TestKthReceiveBeforeKPlusCthSend
// shows the instants at which sends complete). With C = 1 that makes the
// channel a lock, each holder seeing the writes of the one before it
// (Example_channelLock, TestChannelOfCapacityOneIsALock). The other common
// form fills the channel with C tokens first and receives to acquire, sends
// to release; the rule that a send is synchronized before the completion of
// the receive that takes its value orders it the same way.
//
// # What people get wrong
//
//   - With C > 1, the capacity rule orders each release before a later
//     acquire, not the goroutines that hold slots at the same time. Data
//     they share needs its own lock (TestCapacityAboveOneDoesNotProtectSharedData).
//   - A channel has no weights. Taking k slots by k sends is not atomic: two
//     goroutines that each hold part of what they need can wait for each
//     other for ever (TestPiecemealSendsCanDeadlock). Acquire(ctx, k) of a
//     Weighted takes all k at once or none.
//   - A Weighted's Acquire can fail; check its error, and do not Release
//     after a failed Acquire.
//   - A request larger than the size does not fail at once. It waits for its
//     context, which must therefore be one that ends.
//   - A FIFO queue means a big request makes the small ones wait. Size the
//     requests, or use several semaphores, when that matters.
//
// # Testing it
//
// Every claim about waiting is tested inside a [testing/synctest] bubble at
// exact instants of the fake clock. A goroutine waiting in Acquire counts as
// durably blocked there, because it waits in a select on ctx.Done() and on a
// channel Acquire makes inside the bubble, and the Weighted's mutex is never
// held across a wait (TestAcquireWaitIsDurablyBlocking). That holds for a
// ctx from the bubble (its t.Context()) or [context.Background], whose Done
// is nil. Never pass in a ctx made outside the bubble, such as the
// enclosing test's t.Context(). If its Done channel was made outside, a
// select on it is not durably blocking, so synctest.Wait never returns and
// fake time never advances: a hang the bubble cannot report, which is why
// the tests run their bubbles under this module's internal/watchdog. If
// Done was first called inside the bubble, the channel belongs to the
// bubble, and cancelling the context from outside later is a fatal error,
// "close of synctest channel from outside bubble".
//
// Head-of-line blocking has no example. Nothing in the API tells another
// goroutine that a request has joined the queue, so outside a bubble the
// order of two requests is a race; inside one, synctest.Wait returns only
// once the waiter is parked in the queue.
package semaphoredemo
