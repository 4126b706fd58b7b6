package channel_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"text/tabwriter"
)

// states makes a fresh channel in each state of the table. The buffered
// channels have room for two values; an unbuffered channel has room for none,
// so it is empty and full at the same time.
var states = []struct {
	name string
	make func() chan int
}{
	{"nil", func() chan int { return nil }},
	{"open, empty", func() chan int { return buffered() }},
	{"open, not empty", func() chan int { return buffered(1) }},
	{"open, full", func() chan int { return buffered(1, 2) }},
	{"unbuffered", func() chan int { return make(chan int) }},
	{"closed, not drained", func() chan int { ch := buffered(1); close(ch); return ch }},
	{"closed, drained", func() chan int { ch := buffered(); close(ch); return ch }},
}

// buffered returns an open channel of capacity 2 holding values.
func buffered(values ...int) chan int {
	ch := make(chan int, 2)
	for _, v := range values {
		ch <- v
	}
	return ch
}

// The probes perform one operation and describe what happened. None of them
// can hang: a select with a default case takes the default exactly when the
// operation would block, and report turns a panic into text.

func probeReceive(ch chan int) string {
	select {
	case v, ok := <-ch:
		return fmt.Sprintf("%d, %t", v, ok)
	default:
		return "blocks"
	}
}

func probeSend(ch chan int) (result string) {
	defer report(&result)
	select {
	case ch <- 3:
		return "sends"
	default:
		return "blocks"
	}
}

func probeClose(ch chan int) (result string) {
	defer report(&result)
	close(ch) // close never blocks: it returns or panics
	// Show what receivers see from now on: what was buffered, then zero values.
	got := []string{}
	for {
		v, ok := <-ch // cannot block: the channel is closed
		got = append(got, fmt.Sprintf("%d, %t", v, ok))
		if !ok {
			return "closes; receives: " + strings.Join(got, "; ")
		}
	}
}

// report replaces *result with the panic's message if the caller panicked.
func report(result *string) {
	if r := recover(); r != nil {
		*result = fmt.Sprint("panics: ", r)
	}
}

// typeCheck reports whether stmt compiles in a function where ch has type
// typ. A wrong-direction operation never runs, so its cell can only be
// observed by asking the type checker, as the compiler would.
func typeCheck(typ, stmt string) string {
	src := "package p\n\nfunc f(ch " + typ + ") {\n\t" + stmt + "\n}\n"
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		return "syntax error"
	}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{file}, nil); err != nil {
		return "compile error"
	}
	return "compiles"
}

// This example performs every operation in every state and prints the table.
func Example_table() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "operation\tchannel\tresult")
	for _, op := range []struct {
		name  string
		probe func(chan int) string
		stmt  string // the operation as source, for the direction checks
	}{
		{"receive", probeReceive, "<-ch"},
		{"send", probeSend, "ch <- 3"},
		{"close", probeClose, "close(ch)"},
	} {
		for _, s := range states {
			fmt.Fprintf(w, "%s\t%s\t%s\n", op.name, s.name, op.probe(s.make()))
		}
		fmt.Fprintf(w, "%s\tsend-only\t%s\n", op.name, typeCheck("chan<- int", op.stmt))
		fmt.Fprintf(w, "%s\treceive-only\t%s\n", op.name, typeCheck("<-chan int", op.stmt))
	}
	w.Flush()
	// Output:
	// operation  channel              result
	// receive    nil                  blocks
	// receive    open, empty          blocks
	// receive    open, not empty      1, true
	// receive    open, full           1, true
	// receive    unbuffered           blocks
	// receive    closed, not drained  1, true
	// receive    closed, drained      0, false
	// receive    send-only            compile error
	// receive    receive-only         compiles
	// send       nil                  blocks
	// send       open, empty          sends
	// send       open, not empty      sends
	// send       open, full           blocks
	// send       unbuffered           blocks
	// send       closed, not drained  panics: send on closed channel
	// send       closed, drained      panics: send on closed channel
	// send       send-only            compiles
	// send       receive-only         compile error
	// close      nil                  panics: close of nil channel
	// close      open, empty          closes; receives: 0, false
	// close      open, not empty      closes; receives: 1, true; 0, false
	// close      open, full           closes; receives: 1, true; 2, true; 0, false
	// close      unbuffered           closes; receives: 0, false
	// close      closed, not drained  panics: close of closed channel
	// close      closed, drained      panics: close of closed channel
	// close      send-only            compiles
	// close      receive-only         compile error
}
