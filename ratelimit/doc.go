// Package ratelimit is a runnable lesson on rate limiting: holding a stream
// of events to a rate, so that a client does not flood a server or a loop
// does not spend an API quota in a second. It shows three ways, from the
// simplest: a [time.Ticker] that paces events to one per tick, a buffered
// channel of tokens that also allows bursts ([Tokens]), and the token bucket
// of [golang.org/x/time/rate], whose [golang.org/x/time/rate.Limiter] is
// what production code uses. The article does not cover rate limiting; this
// section goes beyond it. Every sentence about the rate package was checked
// against golang.org/x/time v0.16.0, the version this module's go.mod pins.
// The package exports only [Tokens]; its examples and tests are the rest of
// the content.
//
// Every instant here is tested exactly, on the fake clock of a
// [testing/synctest] bubble: a Limiter reads the time with [time.Now] and
// waits on a [time.Timer], and a bubble fakes both. Examples cannot use a
// bubble, so their output follows from causality alone, or from the
// Limiter's methods that take the instant as an argument (AllowN, ReserveN,
// DelayFrom, CancelAt), never from sleeps that race.
//
// # Pacing with a ticker
//
// A loop that receives from a ticker's channel before each event handles
// at most one event per tick (Example, TestTickerPacesOneEventPerTick). The
// first event waits a whole interval, since a ticker's first tick comes
// after one interval, not at once. Handling that takes less than an
// interval does not shift the schedule.
//
// A ticker's channel holds one tick at most, and the ticks that find it
// full are dropped. A loop that pauses for ten intervals therefore finds
// one tick waiting, handles one event at once, and is back on the
// schedule for the next: it never catches up on the ticks it missed
// (TestTickerSavesNoBurst). That is pacing, with no bursts. How Ticker,
// Stop and Reset behave under the rules of Go 1.23 and later is the lesson
// of [github.com/goprimer/concurrency/timer].
//
// # Bursts with a channel of tokens
//
// Traffic often comes in bursts, and a limit such as "ten requests a
// second" is often meant to allow ten at once after a quiet second. A
// buffered channel of tokens allows that. [Tokens](ctx, b, d) returns a
// channel of capacity b that is full at the start, and a goroutine adds
// one token per tick of a ticker of interval d; a token that finds the
// channel full is dropped. Receive a token before each event: b events go
// at once, then one per interval, and a caller idle for a long time has
// saved up one burst of b, never a backlog
// (Example_tokens, TestTokensAllowABurstThenOnePerInterval).
//
// The goroutine is the cost of this pattern: it runs until ctx is done,
// and then stops its ticker and returns (TestTokensStopWhenCtxIsDone). The
// channel is never closed, because a receive from a closed channel
// succeeds at once for ever, which would hand out tokens without end, so a
// caller that may outlive ctx must select on ctx.Done() beside its
// receive.
//
// # The token bucket of golang.org/x/time/rate
//
// A [golang.org/x/time/rate.Limiter] is the same bucket without a
// goroutine. [golang.org/x/time/rate.NewLimiter](r, b) makes a bucket of b
// tokens, full at the start and refilled at r tokens per second. The
// refill is continuous, not one token per tick: whenever the Limiter is
// asked, it adds r tokens for each second since it last counted, up to b,
// so a bucket emptied 100ms ago at r = 4 holds 0.4 of a token
// (TestAllowSpendsTheBurstThenRefillsAtTheRate). A
// [golang.org/x/time/rate.Limit] is a rate in events per second, a
// float64; [golang.org/x/time/rate.Every] turns an interval into one, so
// Every(250*time.Millisecond) is 4. A Limiter is safe for use by many
// goroutines at once. Its methods hold its [sync.Mutex] only while they
// count, never while a caller waits (TestWaitIsDurablyBlocking).
//
// It spends tokens in three ways, which differ in what they do when the
// token is not there yet:
//
//   - [golang.org/x/time/rate.Limiter.Allow] never waits. It takes a token
//     and reports true if one is there now, and otherwise reports false and
//     takes nothing (Example_allow). Use it to drop what exceeds the limit.
//   - [golang.org/x/time/rate.Limiter.Wait] reserves the next token,
//     blocks until its time comes, and returns nil, or returns an error
//     (see below). Waiters take the tokens in turn, as they come: five goroutines that call Wait at once
//     on a Limiter of rate 1 and burst 2 return at 0s, 0s, 1s, 2s and 3s
//     (Example_wait, TestWaitPacesToTheRateAfterTheBurst).
//   - [golang.org/x/time/rate.Limiter.Reserve] never waits either. It takes
//     the next token at once, even one that will come only in the future,
//     and returns a [*golang.org/x/time/rate.Reservation] whose Delay says
//     how long the caller must wait before it acts. Four Reserves at 0s on a
//     Limiter of rate 1 and burst 1 must wait 0s, 1s, 2s and 3s, and each Delay counts
//     down as time passes (Example_reserve, TestReserveTakesTheTokenNow).
//
// AllowN, WaitN and ReserveN spend n tokens at once; WaitN returns when n
// tokens are there together (TestWaitNWaitsForNTokens). The Limiter counts
// in float64 seconds and truncates a wait to whole nanoseconds, so a rate
// whose interval is not a whole number of nanoseconds shows it: at r = 3,
// successive Waits on an empty bucket return at 333.333333ms, 666.666666ms
// and 1s.
//
// # Wait's immediate errors
//
// WaitN checks three things before it waits, in this order, and each
// failure returns at once, without waiting and without taking a token
// (Example_waitErrors, TestWaitFailsAtOnce):
//
//   - n greater than the burst, unless the rate is Inf: the bucket can
//     never hold n tokens, and the error reads, for n = 4 and a burst of
//     3, "rate: Wait(n=4) exceeds limiter's burst 3". It comes first, so it
//     is the error even when ctx is already done.
//   - ctx already done: ctx.Err(), even when the tokens are there. A
//     context ended by its deadline counts: the error is then
//     [context.DeadlineExceeded].
//   - the tokens would come only after ctx's deadline: the error reads,
//     for n = 1, "rate: Wait(n=1) would exceed context deadline". Wait does not wait
//     for the deadline to pass, and reserves nothing, so a later Wait
//     without a deadline gets the token as soon as it comes.
//
// The two texts are made with [fmt.Errorf], with no sentinel to test with
// [errors.Is]. The deadline error does not wrap
// [context.DeadlineExceeded] and is not the context's own error: when Wait
// returns it, ctx.Err() may well still be nil. Only once these checks pass does Wait wait. If ctx ends while it
// waits, Wait returns ctx.Err() at that instant and cancels its
// reservation, so the token it had reserved goes to the next caller
// (TestCancelledWaitGivesItsTokenBack).
//
// # Reservations and Cancel
//
// [golang.org/x/time/rate.Reservation.Cancel] is for a caller that
// reserved and then decided not to act. It gives the tokens back "as much
// as possible", which in the pinned source means
// (TestReservationCancel):
//
//   - the latest reservation gives its tokens back, and the next Reserve
//     waits as long as the cancelled one would have;
//   - an earlier one gives back only the tokens that no later reservation
//     was counted from, so cancelling the first of two reservations in a
//     row gives back nothing;
//   - a reservation whose time to act has passed gives back nothing.
//
// A caller that reserves and neither acts nor cancels has spent the token
// all the same. Reserve refuses only n greater than the burst, and at a
// rate of Inf not even that. A refused Reservation's OK reports false, its
// Delay returns [golang.org/x/time/rate.InfDuration], and its Cancel does
// nothing (TestReserveBeyondTheBurstIsNotOK).
//
// # Inf, a zero burst and a zero rate
//
// A rate of [golang.org/x/time/rate.Inf] ignores the burst: Allow and
// Reserve succeed at once for any n, even with a burst of 0, and so does
// Wait unless ctx is already done. Otherwise a
// burst of 0 allows nothing: Allow always reports false, and every Wait
// fails with "rate: Wait(n=1) exceeds limiter's burst 0". The zero Limiter
// has a rate of 0 and a burst of 0, so it too allows nothing; make a
// Limiter with NewLimiter (Example_limits, TestZeroBurstAndInf).
//
// The documentation of Limit says "A zero Limit allows no events". The
// source allows a little more: a zero rate adds no tokens, but the bucket
// starts full, so NewLimiter(0, 2) allows two events and then none, ever
// (TestZeroRateSpendsOnlyTheFirstBurst). Once it is empty, Wait with a
// deadline a day away fails at once, Wait without one waits until ctx ends
// (TestWaitWithoutDeadlineOnZeroRateWaitsForCtx), and Reserve returns a
// reservation that reports OK, because n is within the burst, and whose
// Delay is InfDuration, about 292 years (TestZeroRateReservationIsOKYetNeverDue).
//
// # What people get wrong
//
//   - A Limit is not an interval. NewLimiter(100, 1) allows 100 events a
//     second, not one every 100ms, and rate.Limit(100*time.Millisecond)
//     compiles and means 100 million a second. Write
//     rate.Every(100*time.Millisecond).
//   - The bucket starts full. A limiter of burst 10 lets ten events through
//     at once the moment it is made, before any rate applies.
//   - A burst of 0 does not mean "no bursts": it means no events, unless
//     the rate is Inf. For strict pacing, use a burst of 1.
//   - Sleeping for a Reservation's Delay without looking at it: check OK,
//     and treat [golang.org/x/time/rate.InfDuration] as never.
//   - Reserving and then not acting without calling Cancel: the token is
//     spent all the same.
//   - Testing Wait's errors with errors.Is(err, context.DeadlineExceeded):
//     the limiter's deadline error does not match it.
//   - Starting a goroutine that refills tokens and never stopping it: it
//     runs, and holds its ticker, for as long as the program does. Give
//     it a context, as [Tokens] takes one.
//   - Expecting the first event of a ticker loop at once: it comes after
//     one interval.
package ratelimit
