package pool_test

import (
	"bytes"
	"fmt"
	"sync"
)

// maxPooled is the largest buffer capacity putBuffer returns to the Pool,
// the limit the fmt package uses for its own printers' buffers.
const maxPooled = 64 << 10

// putBuffer returns b to p unless it has grown beyond maxPooled. A bigger
// buffer is left to the garbage collector: kept, it would be handed to
// every later caller, however little they need, and never shrink.
func putBuffer(p *sync.Pool, b *bytes.Buffer) {
	if b.Cap() > maxPooled {
		return
	}
	b.Reset()
	p.Put(b)
}

// This example serves one huge request and then a small one. putBuffer
// does not put the 1 MiB buffer back, so the small request gets a new,
// empty buffer from New rather than the big one.
func Example_capWhatYouPut() {
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}

	b := pool.Get().(*bytes.Buffer)
	b.Write(make([]byte, 1<<20)) // a 1 MiB response
	fmt.Println("big request, capacity at least 1 MiB:", b.Cap() >= 1<<20)
	putBuffer(&pool, b)

	b = pool.Get().(*bytes.Buffer)
	fmt.Println("next request, capacity:", b.Cap())
	b.WriteString("ok")
	putBuffer(&pool, b)
	// Output:
	// big request, capacity at least 1 MiB: true
	// next request, capacity: 0
}
