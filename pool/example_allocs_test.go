package pool_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
)

// scratch holds the 4 KiB buffers countLines reads into. A pointer to an
// array goes into an interface without an allocation of its own, so a Get
// that finds nothing costs exactly one allocation: New's.
var scratch = sync.Pool{New: func() any { return new([4096]byte) }}

// countLines counts the newlines r yields, reading through a pooled buffer.
func countLines(r io.Reader) (int, error) {
	buf := scratch.Get().(*[4096]byte)
	defer scratch.Put(buf)
	return count(r, buf[:])
}

// countLinesFresh does the same with a new buffer every call. The buffer
// escapes through r.Read, an interface method, so it is allocated on the heap.
func countLinesFresh(r io.Reader) (int, error) {
	return count(r, make([]byte, 4096))
}

func count(r io.Reader, buf []byte) (int, error) {
	lines := 0
	for {
		n, err := r.Read(buf)
		lines += bytes.Count(buf[:n], []byte("\n"))
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return lines, err
		}
	}
}

// This example measures what a Pool saves on a hot path with
// testing.AllocsPerRun: each call of countLinesFresh allocates a 4 KiB
// buffer, each call of countLines reuses one from the Pool.
func Example_allocations() {
	const text = "one\ntwo\nthree\n"
	r := strings.NewReader(text)
	fresh := testing.AllocsPerRun(1000, func() {
		r.Reset(text)
		_, _ = countLinesFresh(r)
	})
	pooled := testing.AllocsPerRun(1000, func() {
		r.Reset(text)
		_, _ = countLines(r)
	})
	n, _ := countLines(strings.NewReader(text))
	fmt.Println("lines:", n)
	// AllocsPerRun rounds the average down. Under -race, where Put drops
	// one buffer in four, pooled is still 0: each miss costs one allocation,
	// and it would take every Put of the thousand being dropped to reach 1.
	fmt.Println("allocations per call, new buffer:", fresh)
	fmt.Println("allocations per call, pooled:", pooled)
	// Output:
	// lines: 3
	// allocations per call, new buffer: 1
	// allocations per call, pooled: 0
}
