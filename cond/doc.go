// Package cond is a runnable lesson on [sync.Cond], the condition variable:
// goroutines wait on it until some state they share has changed, and the
// goroutine that changes the state wakes them. The article's tour of sync
// ends with WaitGroup, Mutex and RWMutex; this section goes beyond it.
// Every claim below is shown by an example and checked by a test that
// would fail if the claim were false.
//
// # A condition variable
//
// A Cond does not hold the condition itself. The condition is ordinary
// state, say a queue being non-empty, guarded by a lock; the Cond only lets
// goroutines sleep until that state may have changed. The lock is the
// Cond's field L, a [sync.Locker], usually a *[sync.Mutex] (or
// [sync.RWMutex.RLocker] for readers of an RWMutex). [sync.NewCond] makes a
// Cond with a given L; a Cond declared as a value needs L set before use.
// Two rules bind every user: hold L while changing the condition, and hold
// L when calling Wait. Several Conds may share one L, one per condition
// (not empty, not full).
//
// # What Wait does
//
// [sync.Cond.Wait] unlocks c.L, suspends the goroutine, and locks c.L again
// before it returns. The first two steps are atomic as far as other users
// of the Cond can tell: the waiter is registered before L is released, so a
// Signal or Broadcast made by a goroutine holding L can never fall between
// the waiter's last look at the condition and its going to sleep. While the
// goroutine waits, L is free: that is how the goroutine that will change the
// condition gets in (Example_waitUnlocks). When Wait returns, the caller
// holds L again and may look at the condition.
//
// Calling Wait without holding L is not a panic: Wait's first act is
// c.L.Unlock, and for a Mutex that is
// "fatal error: sync: unlock of unlocked mutex", which ends the program.
//
// Wait has no timeout and, unlike condition variables in some other
// systems, no spurious wake-ups: it returns only after a Signal or
// Broadcast. A waiter nobody wakes waits forever. A Signal or Broadcast
// synchronizes before the Wait it unblocks, in the words of the Go memory
// model, and L orders everything else.
//
// # Wait in a loop
//
// Because L is free while Wait waits, the condition can change again
// between the wake-up and the moment Wait has locked L again. Broadcast
// wakes two consumers for one item, and the one that locks second finds
// the queue empty (Example_waitInALoop); and, as the documentation of
// [sync.Cond.Signal] warns, a goroutine that is just calling Lock may take
// L before the goroutine that Signal woke, and take the item first. A
// waiter also cannot tell why it was woken when one Cond announces several
// things. So the waiter re-checks the condition every time Wait returns:
//
//	c.L.Lock()
//	for !condition() {
//		c.Wait()
//	}
//	// use the condition, with c.L held
//	c.L.Unlock()
//
// With if instead of for, the code after the check runs with the condition
// false: the tests show a consumer that goes on with an empty queue and gets
// nothing.
//
// # Signal and Broadcast
//
// [sync.Cond.Signal] wakes one goroutine waiting on the Cond, if there is
// any; [sync.Cond.Broadcast] wakes all of them. Neither requires the caller
// to hold L, but the change to the condition must have been made with L
// held: a waiter looks at the condition and goes to sleep in one critical
// section, so a change made under L is either seen by its check or
// followed by a wake-up it receives. Signal suits a change that one waiter
// can use (one item pushed); Broadcast suits a change that concerns all of
// them (the queue was closed), or waiters that wait for different things
// on one Cond, where Signal might wake one that cannot proceed while the
// one that could sleeps on.
//
// Which waiter Signal wakes is not documented. The runtime wakes the one
// that started waiting first (runtime/sema.go gives waiters tickets in
// order), and one test here pins that down for the two Go releases this
// module supports, but correct code must not depend on it.
//
// A Cond remembers nothing. A Signal or Broadcast when no goroutine waits
// wakes nobody, and a goroutine that calls Wait afterwards waits for the
// next one. That is why the condition lives in variables, and why Wait
// always comes after a check of them.
//
// # A closed channel is usually the better broadcast
//
// The sync documentation itself says that for many simple uses channels
// serve better than a Cond: Broadcast corresponds to closing a channel and
// Signal to sending on one. For an event that happens once (start, stop,
// ready), closing a channel wins:
//
//   - it needs no lock, no flag and no loop;
//   - it is remembered: a goroutine that receives after the close passes at
//     once (Example_closedChannel), where a Cond's late waiter would wait
//     for a Broadcast that already happened;
//   - a receive can sit in a select beside ctx.Done() or a timer, so the
//     wait can give up, which Wait cannot.
//
// A channel can be closed only once, though. A Cond earns its place when
// the state changes over and over and many goroutines wait on it, each
// for its own condition, such as a bounded buffer whose producers wait for
// space and whose consumers wait for items: replacing a closed channel for
// every change means allocating one per change and guarding the swap with
// a lock.
//
// # A cancellable wait
//
// A Cond has no way to give up a wait: no timeout, no context. The way to
// add one is [context.AfterFunc]: when the context ends, a function takes L
// and calls Broadcast, and the waiter, re-checking in its loop, sees
// ctx.Err() and returns. [WaitContext] does this. The function takes L
// before it broadcasts so that its wake-up cannot fall between the
// waiter's check of ctx.Err and its Wait; without L it could, the wake-up
// would be lost, and the wait would never end. A test forces that worst
// moment, with the context ending just before the Wait. A Cond cannot wake one
// chosen goroutine, so every cancellation wakes all the Cond's waiters;
// they re-check and sleep again, which is harmless but costs work that
// grows with the number of waiters. The same pattern is the example of
// context.AfterFunc in the context package's documentation.
//
// # Do not copy a Cond
//
// A Cond must not be copied after first use. The copy has its own list of
// waiters, so a Signal or Broadcast on one never reaches the goroutines
// waiting on the other. Two checks catch copies. go vet's copylocks analyzer reports a
// copy it can see (a value receiver, a by-value parameter, a range
// variable, an assignment, a return), because Cond contains a noCopy field
// with Lock and Unlock methods; go test does not run copylocks, so run go
// vet itself. And the Cond checks itself at run time: its first Wait,
// Signal or Broadcast records its address, and a later call on a Cond at
// another address panics with "sync.Cond is copied". That catches copies
// vet cannot see, such as append moving a slice of structs that hold a
// Cond to a new array (Example_copied). The check fires only at the next
// call on the copy, and only if the original was used before it was
// copied; a Cond copied before first use works, though vet still reports
// the copy. The original keeps working. A Mutex has no run-time check: a
// copied Mutex silently stops excluding anyone. Keep a Cond behind a
// pointer, as [sync.NewCond] returns it, or in a struct that is itself
// always used through a pointer.
//
// # Testing with synctest
//
// Inside a [testing/synctest] bubble, a goroutine in Wait is durably
// blocked, on Go 1.26 and 1.27 alike: the synctest documentation lists
// [sync.Cond.Wait], and the runtime counts its wait reason as idle. So
// [testing/synctest.Wait] returns while goroutines wait on a Cond, fake
// time moves on, and a wait that nobody will ever wake ends the test at
// once with synctest's deadlock report. Re-locking L is another matter:
// a goroutine blocked on a [sync.Mutex] is not durably blocked, so a test
// where a woken waiter could stay stuck on L would hang unseen. The tests
// here therefore run every bubble under
// [github.com/goprimer/concurrency/internal/watchdog]. Waking a bubbled
// goroutine's Wait from outside its bubble is a fatal error.
//
// # Go 1.26 and Go 1.27
//
// The code of sync/cond.go and of the runtime's notify list is the same in
// both releases, so nothing in this lesson differs between them. Go 1.27
// adds a sentence to Broadcast's documentation: its cost grows with the
// number of waiting goroutines, so calling it with L held keeps L held
// that much longer.
//
// # What people get wrong
//
//   - Wait behind if instead of for: the condition may be false again when
//     Wait returns.
//   - Changing the condition without holding L: a waiter can check, miss the
//     change and sleep through the wake-up that announced it.
//   - Signal where waiters wait for different things: it may wake one that
//     cannot proceed and leave the one that could asleep.
//   - Expecting a Signal to be kept for a goroutine that waits later.
//   - A Cond for a one-time event, where closing a channel is simpler and
//     works in a select.
//   - Copying a Cond, or a struct holding one, after first use.
package cond
