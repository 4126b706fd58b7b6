// Package errgroupdemo is a runnable lesson on [golang.org/x/sync/errgroup],
// the Go team's package for running a group of tasks that can fail: wait for
// all of them, keep the first error, cancel the rest, and bound how many run
// at once. Every sentence here was checked against errgroup v0.25.0, the
// version this module's go.mod pins. The package exports nothing; its
// examples and tests are the content.
//
// A [golang.org/x/sync/errgroup.Group] works like a [sync.WaitGroup] whose
// tasks return an error. [golang.org/x/sync/errgroup.Group.Go] takes a
// func() error and starts it in a new goroutine;
// [golang.org/x/sync/errgroup.Group.Wait] blocks until every function
// given to Go has returned, then returns the first non-nil error among
// them, or nil. The zero Group is ready to use: no limit on the tasks
// running at once, and no context to cancel.
//
// # The first error wins, and Wait waits for everyone
//
// "First" means first in time: the first task to return a non-nil error
// stores it, and the errors of tasks that fail later are dropped, whatever
// order the tasks were started in. Wait does not return at the first
// error. It waits for every task, the failing one and all the others,
// and only then reports the error. In a zero Group nothing tells the other
// tasks to stop, so they all run to their end.
//
// Wait also stands for the happens-before edge a WaitGroup gives: every
// write a task made before returning is visible after Wait returns, so
// tasks can write their results into their own slots, results[i], and the
// caller reads them after Wait with no lock. The first call to Go must
// happen before Wait, and a Group is meant for one batch of tasks, not to
// be reused for another.
//
// # WithContext cancels the others
//
// [golang.org/x/sync/errgroup.WithContext] returns a Group and a context
// derived from the one given. That context is cancelled the first time a
// task returns a non-nil error, or the first time Wait returns, whichever
// comes first. It is made with [context.WithCancelCause], and the first
// error is the cause: after a failure, ctx.Err() is [context.Canceled] and
// [context.Cause] returns the task's own error. When every task succeeds,
// Wait cancels the context on its way out, with the cause
// [context.Canceled].
//
// What people get wrong:
//
//   - Cancelling is asking. A task that never looks at ctx keeps running,
//     and Wait waits for it: Wait returns when the slowest task returns,
//     not at the first error.
//   - Go does not look at the context either. After the first failure, Go
//     still starts every function it is given; a loop that feeds the group
//     must check ctx itself, or each task must start with a ctx.Err() check.
//   - The context ends with Wait. It belongs to the group's tasks: passing
//     it on to work that runs after Wait hands that work a context that is
//     already cancelled.
//
// # SetLimit and TryGo
//
// [golang.org/x/sync/errgroup.Group.SetLimit](n) lets at most n tasks of the
// group be active at once. Inside, the Group holds a buffered channel of
// capacity n as a semaphore: Go sends a token before it starts a task, and
// the task's goroutine receives it back after the function has returned.
// So Go blocks while n tasks are active, and returns as soon as one of them
// has returned. A test measures, on the fake clock, the largest number of
// tasks running at once under a limit of 2, and finds exactly 2. A negative
// n removes the limit. A limit of zero admits nothing.
//
// [golang.org/x/sync/errgroup.Group.TryGo] is the Go that never blocks: it
// starts the function and reports true if a slot is free, and otherwise
// reports false and does not run the function at all. Without a limit it
// always starts it.
//
// The limit must not change while tasks are active. The claims list says
// that changing it while tasks run panics; the source is narrower. SetLimit
// with n >= 0 panics if tasks started under the current limit are still
// running, and
// its panic value is an error, not a string, whose text is, with two tasks
// running:
//
//	errgroup: modify limit while 2 goroutines in the group are still active
//
// The check counts the tokens of the current limit, and nothing else, so it
// has blind spots. Removing the limit with a negative n never panics. And a
// Group that has no limit yet holds no tokens: setting one while its tasks
// run does not panic, but each of those tasks, when it returns, waits to
// take back a token it never put in. Only a later Go or TryGo would put one
// in; with none coming, the task waits for good, and so does Wait. A test
// shows both blind spots.
//
// # When a task panics
//
// The claims list asked what a panic in a task does, "as the pinned version
// really behaves". In v0.25.0 errgroup does not recover panics. The panic
// runs in the task's own goroutine, which the Group started, so nothing the
// caller of Go or Wait does can recover it: the program dies (unless main
// exits first, see below), printing the task's panic value and the stack
// of the task, with exit status 2. Wait
// does not re-panic and never returns the panic as an error. The source
// explains why, in a comment that cites Go issues #53757, #74275, #74304
// and #74306: carrying the panic over to Wait would delay it, turn its
// stack into a mere value that crash monitors cannot see, and could hide
// it entirely in a deadlock if the panic left the program unable to reach
// Wait.
//
// There is a subtler consequence. The Group's bookkeeping (giving back the
// limit token and marking the task done) is deferred in the task's
// goroutine, and deferred calls run while a panic unwinds, before the
// runtime prints the panic and ends the process. So Wait can return, with
// a nil error, in that window; a test holds the panic back and shows a main
// that returns from Wait and exits with status 0, the panic never printed.
// A task that ends through [runtime.Goexit] (t.FailNow, say) is no panic:
// the bookkeeping runs, no error is stored, and Wait returns normally.
//
// If a panic in a task should become an error, recover it inside the task,
// as the example named panicToError does, and return it.
//
// # When WaitGroup.Go is enough
//
// Use errgroup when a task can fail and the caller wants one error back, or
// when the first failure should cancel the rest (WithContext), or to bound
// the tasks (SetLimit). When tasks cannot fail and nothing needs
// cancelling, [sync.WaitGroup.Go] (Go 1.25) does the same work with no
// dependency: it waits for every task at the same instant a Group would.
// It is also the better tool when the caller needs every error, not only
// the first: errgroup keeps one error and drops the rest, while tasks
// started with WaitGroup.Go can write errs[i] and the caller can join them
// with [errors.Join].
//
// The two differ on panics as well. Since Go 1.26, WaitGroup.Go recovers a
// panic, skips Done and panics again, so Wait cannot return before the
// panic ends the process; errgroup's deferred bookkeeping lets Wait return
// while the panic unwinds. The package
// [github.com/goprimer/concurrency/waitgroup] proves the WaitGroup side.
package errgroupdemo
