// Package waitgroup is a runnable lesson on [sync.WaitGroup], the "WaitGroup"
// part of the article's section on the sync package: how to wait for a group
// of goroutines, why Add must come before the go statement, what the Go 1.25
// method [sync.WaitGroup.Go] changes, and how to collect results and errors
// from the goroutines you waited for. The package exports nothing; its
// examples and tests are the content.
//
// A WaitGroup waits for a group of concurrent operations to finish. It holds
// a counter of unfinished tasks: [sync.WaitGroup.Add] adds delta to it,
// [sync.WaitGroup.Done] subtracts one, and [sync.WaitGroup.Wait] blocks until
// the counter is zero, then returns in every goroutine that was waiting. Its
// zero value is an empty group ready to use, so declare it with
// var wg sync.WaitGroup; there is nothing to construct.
//
// The article calls Add's argument the number of goroutines. More exactly it
// is a change to a task counter: it may be more than one (Add(n) before
// starting n goroutines) or negative (Add(-2) counts down like two Done
// calls), and a task need not be a goroutine at all.
//
// # The article's example, then and now
//
// The article counts one goroutine with Add(1), defers Done inside it, and
// calls Wait in main. That is still correct, and the package example shows it
// running. Since Go 1.25 the same program is written with
// [sync.WaitGroup.Go], which the standard library now asks callers to prefer:
//
//	var wg sync.WaitGroup
//	wg.Go(func() {
//		fmt.Println("goroutine finished")
//	})
//	wg.Wait()
//
// Go calls Add(1), starts the function in a new goroutine, and calls Done when
// it returns, also when it stops early through [runtime.Goexit], as
// t.FailNow does. Since Go 1.26, go fix makes this change for you: its
// waitgroup modernizer (named waitgroupgo since Go 1.27) turns Add(1), a go
// func literal and a deferred Done into one call of Go, in a module whose go
// line is 1.25 or later. A test runs go fix -diff on the article's program.
//
// # When the function panics
//
// The sync documentation says the function given to Go must not panic: a
// panic that it does not recover ends the program anyway. What Go does on
// the way depends on the release. Go 1.25, which added the method, called
// Done in a plain defer. The deferred Done ran while the panic unwound, so
// Wait could return, and main could even exit with status 0, before the
// runtime printed the panic and ended the process (golang/go#76126). Since
// Go 1.26, and unchanged in Go 1.27, Go recovers the panic, skips Done and
// panics again with the same value, which the runtime prints as
// "panic: ... [recovered, repanicked]": Wait never returns, and the process
// dies of the panic with exit status 2.
//
// The article's own form, Add(1) with defer wg.Done(), behaves on every
// release as Go did in 1.25: the deferred Done runs while the panic unwinds.
// Usually the panic still ends the process first. The test
// TestGoSkipsDoneWhenFPanics, in a child process, holds the panic back until
// the race is decided and sees both outcomes every time: with Go, exit
// status 2 and the panic printed; with the deferred Done, Wait returns, the
// process exits with status 0, and the panic is never printed.
//
// # Add before go
//
// The article warns that Add must run before the goroutine starts. The
// precise rule, from the sync documentation: an Add with a positive delta made
// while the counter is zero must happen before Wait. The reason is that Wait
// only looks at the counter. If Add runs inside the new
// goroutine, nothing orders it before Wait: when the scheduler runs the
// caller first, Wait sees a counter of zero and returns at once, while the
// work it was meant to wait for has not even been counted. The example named
// addInsideGoroutine builds that interleaving with channels, so the wrong
// result is printed on every run, not only when the scheduler happens to
// run the caller first.
//
// The fix is to call Add in the goroutine that will call Wait, before the go
// statement, or to use Go, which calls Add(1) before it starts the goroutine
// and so cannot have this bug. go vet's waitgroup analyzer reports the
// classic form, an Add that is the first statement of a go func literal, as
// "WaitGroup.Add called from inside new goroutine". It looks no further: an
// Add inside a named function started with go (go worker(&wg)) passes vet
// silently, and a test runs go vet to pin down both facts. The analyzer is
// the same in Go 1.26 and 1.27. The race detector complements vet at run time: even in a run where the late Add happens to come first and
// Wait then blocks for it, go test -race reports a data race between that Add
// and Wait, because nothing orders them.
//
// # Misuse
//
// Three mistakes to know:
//
//   - More Done calls than Add: the counter goes negative and Add panics with
//     the string "sync: negative WaitGroup counter" (a string, not an error).
//   - Copying a WaitGroup after first use: the copy has its own counter, so a
//     worker calling Done on a copy never releases the original's Wait. A
//     WaitGroup must not be copied after first use; pass *sync.WaitGroup, and
//     go vet's copylocks analyzer reports a WaitGroup passed or assigned by
//     value.
//   - Reusing a WaitGroup before the previous Wait has returned: new Add or
//     Go calls for a fresh batch must come after every earlier Wait returned.
//
// # Collecting results and errors
//
// A WaitGroup carries no values, so results travel through memory the
// workers and the waiter share. The simplest safe layout gives worker i its
// own slot: results[i] and errs[i]. No lock is needed because no two
// goroutines write the same element, and every Done happens before Wait
// returns, so reading the slots after Wait is race-free. The output follows
// the input's order, never the order in which workers happened to finish.
// errors.Join(errs...) then reports every failure, in input order.
//
// When one failure makes the rest pointless, keep the first error and cancel
// the others: a [sync.Once] stores the error and calls a
// [context.CancelFunc], and the workers watch the context. The package
// golang.org/x/sync/errgroup packages exactly this up: like a WaitGroup, but
// its Go takes a func() error, errgroup.WithContext cancels the shared
// context at the first error, and its Wait returns that error. Use it in real
// code; the example named firstError shows what it does inside.
package waitgroup
