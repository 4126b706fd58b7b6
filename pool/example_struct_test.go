package pool_test

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
)

// Quoter quotes strings through pooled buffers. It is safe for concurrent
// use and its zero value is ready to use. It holds a sync.Pool, so it must
// not be copied after first use, and every method has a pointer receiver.
type Quoter struct {
	bufs sync.Pool // of *bytes.Buffer; no New, so Get may return nil
}

// Quote returns s in double quotes, with Go escapes.
//
// With a value receiver, (q Quoter), every call would get a copy of the
// Pool, and go vet would report "Quote passes lock by value".
func (q *Quoter) Quote(s string) string {
	b, _ := q.bufs.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	b.Reset()
	b.Write(strconv.AppendQuote(b.AvailableBuffer(), s))
	out := b.String() // a copy: b goes back to the Pool
	q.bufs.Put(b)
	return out
}

// This example shares one Quoter, and so one Pool, between goroutines
// through pointer receivers. Each goroutine writes its own slot, and main
// prints after Wait.
func Example_poolInAStruct() {
	var q Quoter
	words := []string{"tab\there", "new\nline", `"quoted"`}
	quoted := make([]string, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() { quoted[i] = q.Quote(w) })
	}
	wg.Wait()
	for _, s := range quoted {
		fmt.Println(s)
	}
	// Output:
	// "tab\there"
	// "new\nline"
	// "\"quoted\""
}
