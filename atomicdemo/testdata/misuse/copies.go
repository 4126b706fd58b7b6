// Package misuse holds the mistakes go vet catches in sync/atomic code;
// every line it must report ends in a want comment. The package is vetted,
// never run.
//
// This file copies each typed atomic the way code does by accident. A copy
// compiles and runs, and it is a separate variable: updates through it never
// reach the original. go vet's copylocks check reports each copy, because
// each typed atomic holds a field of the unexported type sync/atomic.noCopy,
// whose Lock and Unlock methods are what copylocks looks for. atomic.Value
// holds no such field, so its copy, just as wrong once the Value is in use,
// goes unreported.
package misuse

import "sync/atomic"

// stats holds one of each typed atomic the lesson covers, and a Value.
type stats struct {
	requests atomic.Int64
	errors   atomic.Int32
	bytes    atomic.Uint64
	ready    atomic.Bool
	last     atomic.Pointer[string]
	config   atomic.Value
}

// total has a value receiver: every call copies the whole struct.
func (s stats) total() int64 { // want "total passes lock by value: github.com/goprimer/concurrency/atomicdemo/testdata/misuse.stats contains sync/atomic.Int64 contains sync/atomic.noCopy"
	return s.requests.Load()
}

// add takes the counter by value: it adds to its own copy.
func add(n atomic.Int64, delta int64) { // want "add passes lock by value: sync/atomic.Int64 contains sync/atomic.noCopy"
	n.Add(delta)
}

// copies copies each field once by assignment and once by a call.
func copies(s *stats) {
	n := s.requests    // want "assignment copies lock value to n: sync/atomic.Int64 contains sync/atomic.noCopy"
	e := s.errors      // want "assignment copies lock value to e: sync/atomic.Int32 contains sync/atomic.noCopy"
	b := s.bytes       // want "assignment copies lock value to b: sync/atomic.Uint64 contains sync/atomic.noCopy"
	r := s.ready       // want "assignment copies lock value to r: sync/atomic.Bool contains sync/atomic.noCopy"
	l := s.last        // want "assignment copies lock value to l: sync/atomic.Pointer[string] contains sync/atomic.noCopy"
	v := s.config      // not reported: atomic.Value has no noCopy field
	add(s.requests, 1) // want "call of add copies lock value: sync/atomic.Int64 contains sync/atomic.noCopy"
	_, _, _, _, _, _ = &n, &e, &b, &r, &l, &v
}
