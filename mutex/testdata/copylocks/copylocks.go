// Package copylocks collects the usual ways a sync.Mutex gets copied by
// accident. Each copy is a separate lock, so the copy protects nothing; go
// vet's copylocks check reports every line marked with a want comment. The
// package only has to compile: it is vetted, never run.
package copylocks

import "sync"

// Counter holds a Mutex, so a Counter must not be copied after first use.
type Counter struct {
	mu sync.Mutex
	n  int
}

// Inc has a value receiver: it locks and increments a copy of the Counter,
// and the caller's Counter never changes.
func (c Counter) Inc() { // want "Inc passes lock by value: github.com/goprimer/concurrency/mutex/testdata/copylocks.Counter contains sync.Mutex"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Add has a pointer receiver: the fix. Every caller shares one lock.
func (c *Counter) Add(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += n
}

// Value reads under the lock, again through a pointer.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// report takes a Counter by value, so the call copies the lock.
func report(c Counter) int { // want "report passes lock by value: github.com/goprimer/concurrency/mutex/testdata/copylocks.Counter contains sync.Mutex"
	return c.n
}

// total ranges by value: each iteration copies a Counter into c.
func total(cs []Counter) int {
	sum := 0
	for _, c := range cs { // want "range var c copies lock: github.com/goprimer/concurrency/mutex/testdata/copylocks.Counter contains sync.Mutex"
		sum += c.n
	}
	return sum
}

// snapshot dereferences the pointer into a new variable, copying the lock.
func snapshot(c *Counter) int {
	s := *c // want "assignment copies lock value to s: github.com/goprimer/concurrency/mutex/testdata/copylocks.Counter contains sync.Mutex"
	return s.n
}

// Uses keeps the unexported functions referenced.
var Uses = []any{report, total, snapshot}
