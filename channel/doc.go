// Package channel shows what every channel operation does in every state of
// a channel, the table at the heart of the article's channel section, with
// each cell performed and checked by go test.
//
// Channels come from CSP, Hoare's communicating sequential processes, and
// carry Go's motto: do not communicate by sharing memory; instead, share
// memory by communicating. A send hands a value, and with it the right to use
// it, from one goroutine to another, and it orders the two: whatever the
// sender wrote before the send, the receiver sees after the receive. Values
// passed this way need no lock, as long as the sender stops using a value
// once it has sent it: then only one goroutine uses it at a time.
//
// The tests show the difference without waiting for the scheduler to pick
// a bad interleaving. Two goroutines update one counter, A with count++ and
// B with count--, and channels force the order that loses an update: A
// reads, hands over to B, and writes only once B has read too or has had to
// wait. When both goroutines touch the counter's memory, B reads what A
// read, and the count ends at -1. When one goroutine owns the counter and
// the others send it their updates, the owner is still busy with A's update
// when B's arrives, so B's waits, and the count ends at 0. The race detector
// is the second witness: built with -race, a program whose goroutines add to
// a shared total prints "WARNING: DATA RACE" and exits with status 66, and
// the same program whose goroutines send their parts to main runs silent.
//
// # Channel or mutex
//
// A channel is the right tool when data or an event moves between
// goroutines: handing off work and results, telling any number of
// goroutines at once that something is done (by closing a channel), or
// connecting the stages of a pipeline. When goroutines only take turns at
// one piece of state, a counter, a cache, a map, a [sync.Mutex] around the
// few lines that touch it is simpler and faster than a goroutine that owns
// the state and serves requests over channels. Choose whichever makes the
// code simplest; neither is the more idiomatic.
//
// # The table
//
// The example Example_table makes a channel in each state, performs each
// operation on it and prints what happened; go test checks that it prints
// exactly this. Nothing in it is written down in advance: a probe uses a
// select with a default case, which takes the default exactly when the
// operation would block, and recover, which turns a panic into its message.
// A wrong-direction operation never gets to run, so for those cells the
// example asks [go/types], as the compiler would. The buffered channels have
// room for two values; "not empty" holds one, "full" two. (A test checks that
// this copy of the table is what the example prints.)
//
//	operation  channel              result
//	receive    nil                  blocks
//	receive    open, empty          blocks
//	receive    open, not empty      1, true
//	receive    open, full           1, true
//	receive    unbuffered           blocks
//	receive    closed, not drained  1, true
//	receive    closed, drained      0, false
//	receive    send-only            compile error
//	receive    receive-only         compiles
//	send       nil                  blocks
//	send       open, empty          sends
//	send       open, not empty      sends
//	send       open, full           blocks
//	send       unbuffered           blocks
//	send       closed, not drained  panics: send on closed channel
//	send       closed, drained      panics: send on closed channel
//	send       send-only            compiles
//	send       receive-only         compile error
//	close      nil                  panics: close of nil channel
//	close      open, empty          closes; receives: 0, false
//	close      open, not empty      closes; receives: 1, true; 0, false
//	close      open, full           closes; receives: 1, true; 2, true; 0, false
//	close      unbuffered           closes; receives: 0, false
//	close      closed, not drained  panics: close of closed channel
//	close      closed, drained      panics: close of closed channel
//	close      send-only            compiles
//	close      receive-only         compile error
//
// "blocks" means the goroutine waits until another one acts: a receive until
// someone sends or closes, a send until someone receives or makes room. On a
// nil channel nobody ever can, so the goroutine blocks forever (in a select,
// a nil channel's case is simply never chosen). The three panics are
// [runtime.Error] values with exactly the messages shown: recover can catch
// them, but each is a bug, and a send inside a select panics just the same.
// The tests check every cell twice. A non-blocking attempt must proceed or
// report that it would block. Then the plain operation: for a blocking
// cell, in a goroutine in a [testing/synctest] bubble that stays blocked for
// a day of fake time and proceeds the instant the other side acts (on a nil
// channel, never). The compile errors are checked both with [go/types] and
// with go build.
//
// An unbuffered channel, make(chan T), is empty and full at once: a send
// waits for a receiver and a receive for a sender, and the value passes from
// hand to hand, so a completed send means the value was received. A
// buffered channel, make(chan T, n), lets n sends complete with no receiver;
// len reports how many values wait, cap how many fit. len is a snapshot: when
// other goroutines use the channel it may be stale by the time it is read, so
// ask with a select and a default instead. The channel of a [time.Timer] or
// [time.Ticker] is the exception: since the Go 1.23 timer design, len and cap
// report 0 even when a value is ready. On Go 1.26 a main module whose go line
// is older than 1.23 still gets the old timer channels; Go 1.27 gives every
// program the new ones (see [github.com/goprimer/concurrency/timer]).
//
// A [picture of one run of Example_unbuffered], drawn from the runtime's
// execution trace, shows the sender and main over time, and which of them
// waited for the other.
//
// # Where the article's table is loose
//
// The table above differs from the article's in four places:
//
//   - Its cell for closing a channel that still holds values is the loose
//     one. It says receives succeed until the channel is drained and then
//     give the zero value, but not that ok is what tells the two apart: each
//     buffered value comes out with ok true, then the zero value with ok
//     false, as often as asked. And its receive row contradicts it, saying a
//     closed channel gives the zero value and false: true only once the
//     channel is drained. The table above keeps the two closed states apart.
//   - After closing an empty channel, it says, receivers read "the
//     producer's default value". They read the zero value of the element
//     type; the producer has nothing to do with it. Only the comma-ok form
//     tells a sent zero from a closed channel.
//   - "Open and not full: the send writes" holds for buffered channels only.
//     An unbuffered channel is always full: a send blocks until a receiver
//     comes.
//   - It has no cell for closing a send-only channel. That compiles:
//     closing belongs to the sender, and only a receive-only channel cannot
//     be closed.
//
// It also leaves out what a close does to goroutines already waiting: every
// blocked receiver wakes with the zero value and false, which makes close a
// broadcast, and every blocked sender panics with "send on closed channel".
//
// # Directions and ownership
//
// Of the three operations, a chan<- T allows only send and close, a <-chan T
// only receive (len and cap work on both), and a value of a plain chan T is
// assignable to either without a conversion. A parameter or result
// with a direction is documentation that the compiler enforces.
//
// Directions make ownership visible. The goroutine that owns a channel
// creates it, is its only sender, closes it when done, and hands out only
// the receiving end, as a <-chan T; its consumers range over it. Sending on a
// closed channel or closing it twice then cannot happen, since the only
// goroutine able to do either is the one that closes it. With several
// senders, one goroutine closes the channel after a [sync.WaitGroup] says
// all of them have finished.
//
// # Blocked forever, and the deadlock detector
//
// When every goroutine of a program is blocked on channels or locks, the
// runtime ends it with "fatal error: all goroutines are asleep - deadlock!"
// and a trace of each goroutine, such as "goroutine 1 [chan send (nil
// chan)]". The detector is a last resort, not a guarantee: it stays silent,
// and the program hangs, for as long as
//
//   - some goroutines can still run: goroutines blocked forever while others
//     work are a leak, which no detector reports;
//   - a timer can still fire: a goroutine in [time.Sleep] or waiting on a
//     timer's channel ([time.After]), or a pending [time.AfterFunc]. The
//     runtime waits, since the timer may wake someone, and reports only
//     once no such timer is left;
//   - a goroutine is in a system call or waiting on the network;
//   - the program is built with cgo: the runtime then keeps a thread for
//     calls from C and counts it as running. A test binary that links net
//     (through testify, say) on a machine with a C compiler is such a
//     program, which is why the tests build their deadlocking program with
//     CGO_ENABLED=0. So is every program built with -race, since the race
//     runtime imports runtime/cgo: under -race, a deadlocked program hangs
//     instead of being reported.
//
// Making sure every goroutine can end is the programmer's job: see
// [github.com/goprimer/concurrency/done].
//
// [picture of one run of Example_unbuffered]: https://github.com/goprimer/concurrency/blob/main/docs/timelines/channel-Example_unbuffered.svg
package channel
