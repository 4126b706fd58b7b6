// Package timer is a runnable lesson on the timers of package time, the
// article's section "定时器" (timers). The article makes one claim, that a
// channel can serve as a timer and that [time.After] makes one, and links out
// for the rest. This package proves that claim and adds what a reader of
// modern Go needs next: [time.Timer] with Stop and Reset under the rules of
// Go 1.23, [time.AfterFunc], [time.Ticker] and [time.Tick], a timeout in a
// select, the difference between a timeout per iteration and a deadline for a
// whole loop, what a timeout costs in a hot loop, and which timers a program
// gets on Go 1.26 and on Go 1.27. The package exports nothing; its examples
// and tests are the content.
//
// Every claim about time is tested inside a [testing/synctest] bubble, whose
// fake clock advances only when every goroutine in it is blocked, so the
// tests assert the exact instant at which a timer fires and still finish at
// once. Examples cannot use synctest; their output follows from causality
// alone, never from one sleep racing another, so it is the same on every
// machine.
//
// # A channel as a timer
//
// time.After(d) returns a receive-only channel on which one value arrives
// after at least d: the time at which the timer expired, even if it is
// received much later. It is one-shot. The
// channel delivers a single value and is never closed, so a second receive
// blocks forever, and of two goroutines receiving from it only one wakes up.
// That is the difference from the Done channel of a [context.Context], which
// is closed at its deadline and so releases every receiver, again and again.
//
// Its everyday use is a timeout case in a select: the select proceeds with
// whichever case becomes ready first. A result that is already waiting wins
// over a timeout that has not expired, and a result that never comes loses to
// it. select chooses at random only among cases that are ready at the same
// moment, so a buffered value against a timeout of an hour is a certain win.
//
// A correction: the article says its readers have already met a channel used
// as a timer, but none of its earlier programs uses time.After. The nearest
// thing is the Done channel of [context.WithTimeout] and
// [context.WithDeadline], which closes rather than sends.
//
// # Timer, Stop and Reset since Go 1.23
//
// time.After(d) is [time.NewTimer](d).C without the handle. Keep the
// [*time.Timer] when the timer may have to be cancelled or re-armed. Since
// Go 1.23 its rules are simple:
//
//   - C is unbuffered: cap(C) and len(C) are 0, even after the timer has
//     expired, because the value is handed over only when someone receives it.
//   - [time.Timer.Stop] returns true if it prevented a delivery: the timer was
//     running, or had expired but its value had not been received. It returns
//     false if the value was already received or the timer already stopped.
//     After Stop returns, no receive from C can get a value from before it.
//   - [time.Timer.Reset] re-arms the timer and reports the same thing as Stop.
//     A value from before the Reset is discarded: the next receive gets the
//     new expiry. There is no need to Stop and drain C first.
//
// Before Go 1.23, C had a buffer of one. An expired timer's value sat in it,
// Stop returned false, and the value was still there to be received after
// Stop or Reset. Hence the idiom of draining C when Stop returns false:
//
//	if !t.Stop() {
//		<-t.C
//	}
//
// It was safe only if nothing had received from C yet. Stop also returned
// false when the value had already been received, or the timer had been
// stopped before, and then the drain blocked for ever, since nothing would
// ever be sent. Under the new rules Stop returns false in those two cases
// only, so the idiom never receives anything: it skips the receive when
// Stop returns true, and blocks for ever when Stop returns false, in the
// same cases as before. Leave it out.
//
// # Which rules a program gets: Go 1.26 and Go 1.27
//
// On Go 1.26 the rules are chosen per program, by the GODEBUG setting
// asynctimerchan: 0 for the new rules, 1 for the old ones (a third value,
// 2, is meant only for debugging the runtime). Its default
// comes from the go line of the main module's go.mod, the module whose main
// package is built; the go lines of dependencies play no part. A main module
// that says go 1.23 or later gets the new rules. One that says go 1.22 or
// earlier gets asynctimerchan=1, even when built with Go 1.26, and with it
// the buffered channel, the stale values, and unstopped timers that stay in
// memory until they expire. A program can choose for itself with a
// //go:debug asynctimerchan=0 (or =1) directive above the package clause of
// its main package, for the whole module with a line "godebug
// asynctimerchan=0" in its go.mod, or when it starts, with the GODEBUG
// environment variable. The command go list -f '{{.DefaultGODEBUG}}'
// ./cmd/app shows the defaults a program gets, where they differ from the
// toolchain's own.
//
// Go 1.27 removed the setting, as the Go 1.26 release notes announced:
// every program gets the new rules, whatever its go line says. Package time
// no longer reads asynctimerchan, the runtime has lost its pre-1.23 code
// paths for timer channels, and the go command no longer derives a default
// from the go line. The setting is listed as removed, with 1 and 2 as its
// old values, and asking for one of those is an error as early as Go can
// see it:
//
//   - a //go:debug asynctimerchan=1 directive fails go build (go list lets
//     it pass);
//   - a line "godebug asynctimerchan=1" in go.mod fails go list and go build
//     alike;
//   - GODEBUG=asynctimerchan=1 in a program's environment kills it at
//     startup, before any init function of its own runs.
//
// The build reports the first, and the program dies of the last, with
//
//	invalid //go:debug: removed GODEBUG "asynctimerchan" set to old value "1" (https://go.dev/doc/godebug#go-127)
//	fatal error: removed GODEBUG "asynctimerchan" set to old value "1" in environment (https://go.dev/doc/godebug#go-127)
//
// The value 0 is still accepted, and changes nothing.
//
// This module says go 1.26.0, so its tests and examples get the new rules
// on either release. TestGoLineChoosesTheTimerRules asks the go command of
// the release running the tests what it makes of a go 1.22 module, of
// directives, of a godebug line and of a go 1.26.0 module that depends on a
// go 1.22 one, and builds and runs the go 1.22 module's programs: without a
// directive, cap(C) is 1 on Go 1.26 and 0 on Go 1.27.
// TestGODEBUGAsyncTimerChan starts a child process under
// GODEBUG=asynctimerchan=1. On Go 1.26 the child checks the old rules:
// cap(C) is 1, Stop and Reset return false after expiry, the stale value is
// received, and the drain blocks once the value has been received. It has
// to use the real clock, because testing/synctest refuses to run under that
// setting. On Go 1.27 the child dies at startup with the fatal error above.
//
// # Timers and the garbage collector
//
// Since Go 1.23 the garbage collector recovers a Timer or Ticker that nothing
// references any more, even if it was never stopped and has not expired. So
// time.After in a loop no longer keeps a timer alive per iteration until it
// expires, time.Tick no longer leaks a ticker, and defer t.Stop() is not
// needed for memory. Stop a timer when it must not fire. A pending
// [time.AfterFunc] timer is the exception by design: it stays alive until it
// has called its function. On Go 1.26 under asynctimerchan=1, unstopped
// timers are kept until they expire, and tickers for ever.
//
// # AfterFunc
//
// time.AfterFunc(d, f) calls f in a goroutine of its own after d and returns
// a *time.Timer whose C is nil: never receive from it. Stop returns true if
// f will not run. It returns false if f has already started, and it does not
// wait for f to finish: if the caller needs to know, f must say so, for
// example by closing a channel. Reset returns true if it moved a pending call,
// and false if it scheduled another one, which may overlap a run still in
// progress.
//
// # Tickers
//
// [time.NewTicker](d) delivers on C at d, 2d, 3d and so on. The schedule does
// not drift when the receiver takes time over each tick. C holds at most one
// tick, so a receiver that falls behind finds the oldest waiting tick and
// the rest are dropped, not queued. [time.Ticker.Stop] ends the ticks,
// discards one that was waiting, and does not close C, so a for range over C
// never ends by itself: stop a ticking loop with a done channel or a context.
// [time.Ticker.Reset] sets a new period counted from the call and discards a
// waiting tick; it also starts a stopped ticker again, which Go 1.27's
// documentation of Stop gives as one reason why C stays open. [time.Tick](d) is NewTicker(d).C, and since Go 1.23 there is
// no reason to avoid it when the ticker never needs to stop.
//
// A non-positive interval is a mistake that the two functions report
// differently. NewTicker(0) panics with "non-positive interval for
// NewTicker", and Ticker.Reset(0) with "non-positive interval for
// Ticker.Reset". time.Tick(0) returns nil instead, and a receive from a nil
// channel blocks forever: an interval read from a configuration that is 0
// silently stops the loop. Timers are different again: NewTimer, After and
// AfterFunc with a duration of 0 or less fire at once.
//
// # A timeout per iteration or a deadline for the loop
//
// In a for-select loop, a case <-time.After(d) starts a new timer every time
// the select is entered. That makes it an idle timeout: it fires only when d
// passes without any other case being ready, so a producer that sends more
// often than every d keeps the loop running for ever. To bound the whole
// loop, create the timer once, before the loop, with time.After, NewTimer or
// [context.WithTimeout]. The test TestPerIterationTimeoutVersusLoopDeadline
// shows both against one producer that sends every 30s, ten times: an idle
// timeout of 50s ends the loop at 350s, 50s after the last value, and a
// deadline of 100s ends it at exactly 100s after three values.
//
// # The cost of a timeout in a hot loop
//
// time.After allocates a new timer and its channel each time it is called.
// In a loop that runs millions of times, reuse one Timer and call Reset at
// the top of each iteration; under the Go 1.23 rules that needs no Stop and
// no drain. BenchmarkTimeoutInHotLoop compares the two when a value is
// always waiting, so only the cost of arming the timeout is measured. With
// Go 1.26.8 on linux/amd64, a two-vCPU virtual machine with nothing else
// running, benchstat over six runs of
// go test -run '^$' -bench . -benchmem -count=6 ./timer/ gave these medians
// (spread within ±3%):
//
//	time.After each iteration   317 ns/op   248 B/op   3 allocs/op
//	one Timer with Reset        182 ns/op     0 B/op   0 allocs/op
//
// The allocation figures are exact and the same on every run; the test
// TestTimeoutAllocations checks that time.After allocates and a reused Timer
// does not. A reused Timer costs about 40% less per iteration and leaves no
// garbage for the collector. Outside hot loops,
// time.After is fine, since its timers are collected.
package timer
