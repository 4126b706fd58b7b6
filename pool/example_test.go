package pool_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
)

// bufPool holds the buffers logLine formats into. A package-level variable
// is the usual home of a Pool: every caller shares it, and nothing copies it.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// logLine writes "key=value" and a newline to w in one Write, formatting
// through a pooled buffer.
func logLine(w io.Writer, key, value string) {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset() // Get may return a buffer with the last user's bytes in it
	b.WriteString(key)
	b.WriteByte('=')
	b.WriteString(value)
	b.WriteByte('\n')
	w.Write(b.Bytes())
	bufPool.Put(b) // after the last use of b: from here on it is the Pool's
}

// This example shows the usual shape of a Pool: Get, reset, use, Put back.
// The output does not depend on which buffer each call gets.
func Example() {
	logLine(os.Stdout, "user", "gopher")
	logLine(os.Stdout, "action", "login")
	// Output:
	// user=gopher
	// action=login
}

// This example shows what Get returns when nothing is pooled: nil without
// New, New's result with it.
func Example_whatGetReturns() {
	var plain sync.Pool // the zero value is an empty Pool, ready to use
	fmt.Println("without New:", plain.Get())

	made := sync.Pool{New: func() any { return bytes.NewBufferString("made by New") }}
	fmt.Println("with New:", made.Get())

	// After a Put, Get may return the item or call New: nothing promises
	// which, so code must work either way.
	made.Put(bytes.NewBufferString("put back"))
	got := made.Get().(*bytes.Buffer).String()
	fmt.Println("after Put:", got == "put back" || got == "made by New")
	// Output:
	// without New: <nil>
	// with New: made by New
	// after Put: true
}

// This example shows the garbage collector emptying a Pool. After one GC
// cycle the item is in the Pool's victim cache; the second drops it, and
// Get falls back to New.
func Example_emptiedByGC() {
	news := 0
	p := sync.Pool{New: func() any {
		news++
		return new([64]byte)
	}}
	p.Put(new([64]byte))

	runtime.GC() // primary cache → victim cache
	runtime.GC() // victim cache → dropped
	p.Get()
	fmt.Println("calls of New:", news)
	// Output: calls of New: 1
}
