// Package copylocks collects the ways a sync.Cond gets copied, each marked
// with the report go vet's copylocks check gives it, and one it cannot see.
// It is vetted, never run.
package copylocks

import "sync"

// Gate holds a Cond by value, so a Gate must not be copied after first use.
// Its Cond's L points at a lock kept elsewhere.
type Gate struct {
	cond sync.Cond
	open bool // guarded by cond.L
}

// Wait has a value receiver: it waits on a copy of the Gate's Cond.
func (g Gate) Wait() { // want "Wait passes lock by value: github.com/goprimer/concurrency/cond/testdata/copylocks.Gate contains sync.Cond contains sync.noCopy"
	for !g.open {
		g.cond.Wait()
	}
}

// Open has a pointer receiver: the fix.
func (g *Gate) Open() {
	g.cond.L.Lock()
	defer g.cond.L.Unlock()
	g.open = true
	g.cond.Broadcast()
}

// isOpen takes a Gate by value.
func isOpen(g Gate) bool { return g.open } // want "isOpen passes lock by value: github.com/goprimer/concurrency/cond/testdata/copylocks.Gate contains sync.Cond contains sync.noCopy"

// countOpen ranges by value: each iteration copies a Gate into g.
func countOpen(gs []Gate) int {
	n := 0
	for _, g := range gs { // want "range var g copies lock: github.com/goprimer/concurrency/cond/testdata/copylocks.Gate contains sync.Cond contains sync.noCopy"
		if g.open {
			n++
		}
	}
	return n
}

// signalCopy dereferences into a new variable and signals the copy.
func signalCopy(c *sync.Cond) {
	c2 := *c // want "assignment copies lock value to c2: sync.Cond contains sync.noCopy"
	c2.Signal()
}

// value returns the Cond itself.
func value(c *sync.Cond) sync.Cond {
	return *c // want "return copies lock value: sync.Cond contains sync.noCopy"
}

// grow appends to a slice of Gates. When the slice is full, append moves
// every Gate to a new array, copying each Cond; vet reports nothing here,
// and a Cond used before the move panics at its next use.
func grow(gs []Gate) []Gate {
	return append(gs, Gate{})
}

// Uses keeps the unexported functions referenced.
var Uses = []any{isOpen, countOpen, signalCopy, value, grow}
