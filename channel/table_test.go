package channel_test

import (
	"fmt"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
)

// op is one of the three channel operations of the table.
type op int

const (
	recv op = iota
	send
	closeOp
)

// sentValue is what every send in the table sends.
const sentValue = 9

// outcome is what one operation did.
type outcome struct {
	v        int    // the value received (receive only)
	ok       bool   // the receive's ok (receive only)
	panicked string // the message of the runtime.Error it panicked with, or ""
}

// cell is one cell of the article's table: an operation on a channel in one
// state, and what must happen.
type cell struct {
	name  string // the subtest name: the cell as a sentence
	claim string // the claim ID in CLAIMS.md
	op    op
	state func() chan int // makes a fresh channel in the cell's state

	// Cells that block: what the other side does to let the operation
	// proceed, or nil when nothing ever can (a nil channel).
	blocks bool
	wake   func(t *testing.T, ch chan int)

	want   outcome // what the operation returns, after wake for blocking cells
	left   []int   // the values still buffered afterwards, oldest first
	closed bool    // whether the channel is closed afterwards

	// Wrong-direction cells: a file under testdata/wrongdirection and the
	// compiler's exact message, or "" when the file must compile.
	src        string
	compileErr string
}

// Channel states. The buffered channels have room for two values.
func nilChan() chan int    { return nil }
func unbuffered() chan int { return make(chan int) }
func empty() chan int      { return make(chan int, 2) }
func notEmpty() chan int   { return withValues(1) }
func full() chan int       { return withValues(1, 2) }
func closedNotDrained() chan int {
	ch := withValues(1)
	close(ch)
	return ch
}
func closedDrained() chan int {
	ch := empty()
	close(ch)
	return ch
}

func withValues(values ...int) chan int {
	ch := make(chan int, 2)
	for _, v := range values {
		ch <- v
	}
	return ch
}

var cells = []cell{
	// Receive.
	{name: "receive from nil channel blocks forever", claim: "C2",
		op: recv, state: nilChan, blocks: true},
	{name: "receive from channel with values yields the oldest with ok true", claim: "C3",
		op: recv, state: notEmpty, want: outcome{v: 1, ok: true}},
	{name: "receive from full channel yields the oldest with ok true", claim: "C3",
		op: recv, state: full, want: outcome{v: 1, ok: true}, left: []int{2}},
	{name: "receive from empty channel blocks until a send", claim: "C4",
		op: recv, state: empty, blocks: true,
		wake: func(t *testing.T, ch chan int) { ch <- 7 },
		want: outcome{v: 7, ok: true}},
	{name: "receive from unbuffered channel blocks until a send", claim: "C4",
		op: recv, state: unbuffered, blocks: true,
		wake: func(t *testing.T, ch chan int) { ch <- 7 },
		want: outcome{v: 7, ok: true}},
	{name: "receive from closed drained channel yields zero and false", claim: "C5",
		op: recv, state: closedDrained, want: outcome{v: 0, ok: false}, closed: true},
	{name: "receive from closed channel still yields its buffered values with ok true", claim: "C5, C13",
		op: recv, state: closedNotDrained, want: outcome{v: 1, ok: true}, closed: true},
	{name: "receive from send-only channel does not compile", claim: "C6",
		src:        "receive_from_send_only.go",
		compileErr: "invalid operation: cannot receive from send-only channel chan<- int ch (variable of type chan<- int)"},

	// Send.
	{name: "send to nil channel blocks forever", claim: "C7",
		op: send, state: nilChan, blocks: true},
	{name: "send to empty channel writes into the buffer", claim: "C8",
		op: send, state: empty, left: []int{sentValue}},
	{name: "send to channel with values writes behind them", claim: "C8",
		op: send, state: notEmpty, left: []int{1, sentValue}},
	{name: "send to full channel blocks until a receive makes room", claim: "C9",
		op: send, state: full, blocks: true,
		wake: func(t *testing.T, ch chan int) { require.Equal(t, 1, <-ch) },
		left: []int{2, sentValue}},
	{name: "send to unbuffered channel blocks until a receive takes the value", claim: "C9",
		op: send, state: unbuffered, blocks: true,
		wake: func(t *testing.T, ch chan int) { require.Equal(t, sentValue, <-ch) }},
	{name: "send to closed channel panics", claim: "C10",
		op: send, state: closedDrained, want: outcome{panicked: "send on closed channel"}, closed: true},
	{name: "send to closed channel with values panics", claim: "C10",
		op: send, state: closedNotDrained, want: outcome{panicked: "send on closed channel"}, left: []int{1}, closed: true},
	{name: "send to receive-only channel does not compile", claim: "C11",
		src:        "send_to_receive_only.go",
		compileErr: "invalid operation: cannot send to receive-only channel <-chan int ch (variable of type <-chan int)"},

	// Close.
	{name: "close of nil channel panics", claim: "C12",
		op: closeOp, state: nilChan, want: outcome{panicked: "close of nil channel"}},
	{name: "close of channel with values keeps them for receivers, then zero and false", claim: "C13",
		op: closeOp, state: notEmpty, left: []int{1}, closed: true},
	{name: "close of full channel keeps all values for receivers, then zero and false", claim: "C13",
		op: closeOp, state: full, left: []int{1, 2}, closed: true},
	{name: "close of empty channel makes receives yield zero and false", claim: "C14",
		op: closeOp, state: empty, closed: true},
	{name: "close of unbuffered channel makes receives yield zero and false", claim: "C14",
		op: closeOp, state: unbuffered, closed: true},
	{name: "close of closed channel panics", claim: "C15",
		op: closeOp, state: closedDrained, want: outcome{panicked: "close of closed channel"}, closed: true},
	{name: "close of receive-only channel does not compile", claim: "C16",
		src:        "close_receive_only.go",
		compileErr: "invalid operation: cannot close receive-only channel ch (variable of type <-chan int)"},
	{name: "close of send-only channel compiles", claim: "C16",
		src: "close_send_only.go"},
}

// TestEveryCellOfTheTable performs each cell of the article's table and
// checks its exact outcome.
func TestEveryCellOfTheTable(t *testing.T) {
	for _, c := range cells {
		t.Run(c.name, func(t *testing.T) {
			switch {
			case c.src != "":
				checkCompiles(t, c.src, c.compileErr)
			case c.blocks:
				checkBlocks(t, c)
			default:
				checkProceeds(t, c)
			}
		})
	}
}

// checkProceeds checks a cell whose operation does not block: both a
// non-blocking attempt and the plain statement give the wanted outcome and
// leave the channel as wanted.
func checkProceeds(t *testing.T, c cell) {
	t.Helper()
	ch := c.state()
	got, ready := tryNow(c.op, ch)
	require.True(t, ready, "a non-blocking attempt found the operation not ready; want it to proceed")
	require.Equal(t, c.want, got, "non-blocking attempt")
	requireContents(t, ch, c.left, c.closed)

	ch = c.state()
	got = do(c.op, ch)
	require.Equal(t, c.want, got, "plain operation")
	requireContents(t, ch, c.left, c.closed)
}

// checkBlocks checks a cell whose operation blocks, in two ways. A
// non-blocking attempt reports it not ready. And in a synctest bubble, a
// goroutine performing it is durably blocked, still is after a day of fake
// time, and proceeds as soon as the other side acts. A nil channel has no
// other side: there the goroutine also waits on a second channel that the
// test closes to let it go, and the nil channel's case must never fire.
func checkBlocks(t *testing.T, c cell) {
	t.Helper()
	ch := c.state()
	_, ready := tryNow(c.op, ch)
	require.False(t, ready, "a non-blocking attempt proceeded; want it to find the operation not ready")

	synctest.Test(t, func(t *testing.T) {
		ch := c.state() // created in the bubble, so blocking on it is durable
		type result struct {
			got       outcome
			abandoned bool
		}
		done := make(chan result, 1)
		abandon := make(chan struct{})
		go func() {
			if c.wake == nil {
				got, abandoned := doUnlessAbandoned(c.op, ch, abandon)
				done <- result{got, abandoned}
				return
			}
			done <- result{got: do(c.op, ch)}
		}()

		synctest.Wait() // returns once the goroutine is durably blocked
		start := time.Now()
		time.Sleep(24 * time.Hour)
		require.Equal(t, 24*time.Hour, time.Since(start), "fake time slept")
		select {
		case r := <-done:
			t.Fatalf("the operation returned %+v; want it still blocked after a day", r)
		default:
		}

		if c.wake == nil {
			close(abandon)
			r := <-done
			require.True(t, r.abandoned, "the nil channel's case fired with %+v; want it never to", r.got)
			return
		}
		c.wake(t, ch)
		synctest.Wait() // the goroutine has run as far as it can
		select {
		case r := <-done:
			require.Equal(t, c.want, r.got)
			require.Equal(t, start.Add(24*time.Hour), time.Now(), "it proceeded at once")
		default:
			t.Fatal("the operation is still blocked after the other side acted")
		}
		requireContents(t, ch, c.left, c.closed)
	})
}

// tryNow performs o on ch without blocking. A select with a default case
// takes the default exactly when the operation would block; ready is false
// then. A panic counts as ready: the operation did not wait.
func tryNow(o op, ch chan int) (got outcome, ready bool) {
	defer func() {
		if got.panicked = panicMessage(recover()); got.panicked != "" {
			ready = true
		}
	}()
	switch o {
	case recv:
		select {
		case got.v, got.ok = <-ch:
			return got, true
		default:
			return got, false
		}
	case send:
		select {
		case ch <- sentValue:
			return got, true
		default:
			return got, false
		}
	default: // close never blocks
		close(ch)
		return got, true
	}
}

// do performs o on ch as a plain statement would.
func do(o op, ch chan int) (got outcome) {
	defer func() { got.panicked = panicMessage(recover()) }()
	switch o {
	case recv:
		got.v, got.ok = <-ch
	case send:
		ch <- sentValue
	default:
		close(ch)
	}
	return got
}

// doUnlessAbandoned performs o (a receive or a send) on ch, but gives up
// when abandon is closed, reporting that it did.
func doUnlessAbandoned(o op, ch chan int, abandon <-chan struct{}) (got outcome, abandoned bool) {
	switch o {
	case recv:
		select {
		case got.v, got.ok = <-ch:
		case <-abandon:
			abandoned = true
		}
	case send:
		select {
		case ch <- sentValue:
		case <-abandon:
			abandoned = true
		}
	default:
		panic("close never blocks")
	}
	return got, abandoned
}

// panicMessage describes a recovered value: "" for none, the message of a
// runtime.Error, and anything else marked as not being one.
func panicMessage(r any) string {
	switch r := r.(type) {
	case nil:
		return ""
	case runtime.Error:
		return r.Error()
	default:
		return fmt.Sprintf("not a runtime.Error: %#v", r)
	}
}

// requireContents checks what ch holds, by receiving without blocking: the
// values left, oldest first, each with ok true; then, on a closed channel,
// the zero value with ok false (twice: it never runs out), and on an open
// one, nothing (a receive would block).
func requireContents(t *testing.T, ch chan int, left []int, closed bool) {
	t.Helper()
	if ch == nil {
		require.Empty(t, left, "a nil channel holds nothing")
		return
	}
	require.Equal(t, len(left), len(ch), "len(ch)")
	for _, v := range left {
		got, ready := tryNow(recv, ch)
		require.True(t, ready, "a receive would block; want %d left", v)
		require.Equal(t, outcome{v: v, ok: true}, got)
	}
	for range 2 {
		got, ready := tryNow(recv, ch)
		if !closed {
			require.False(t, ready, "an open channel gave %+v after the values left; want a receive to block", got)
			return
		}
		require.True(t, ready, "a receive from the closed channel would block")
		require.Equal(t, outcome{v: 0, ok: false}, got, "receive after the values left")
	}
}
