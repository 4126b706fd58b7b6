// Package copylocks collects the usual ways a sync.Pool gets copied after
// first use. A Pool holds a noCopy field whose Lock and Unlock methods only
// exist for go vet, so vet's copylocks check reports every line marked with a
// want comment, as it does for a Mutex. The package only has to compile: it
// is vetted, never run.
package copylocks

import (
	"bytes"
	"sync"
)

// bufs is the usual form: one Pool in a package-level variable, used in place.
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Encoder holds a Pool, so an Encoder must not be copied after first use.
type Encoder struct {
	bufs sync.Pool
}

// Encode has a value receiver: each call works on a copy of the Encoder
// and its Pool.
func (e Encoder) Encode(s string) int { // want "Encode passes lock by value: github.com/goprimer/concurrency/pool/testdata/copylocks.Encoder contains sync.Pool contains sync.noCopy"
	b, _ := e.bufs.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	b.Reset()
	b.WriteString(s)
	n := b.Len()
	e.bufs.Put(b)
	return n
}

// Len has a pointer receiver: the fix. Every caller shares one Pool.
func (e *Encoder) Len(s string) int {
	b, _ := e.bufs.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	b.Reset()
	b.WriteString(s)
	n := b.Len()
	e.bufs.Put(b)
	return n
}

// use takes a Pool by value, so the call copies it.
func use(p sync.Pool) any { // want "use passes lock by value: sync.Pool contains sync.noCopy"
	return p.Get()
}

// local copies the package's Pool into a variable.
func local() any {
	p := bufs // want "assignment copies lock value to p: sync.Pool contains sync.noCopy"
	return p.Get()
}

// firsts ranges by value: each iteration copies a Pool into p.
func firsts(pools []sync.Pool) []any {
	var got []any
	for _, p := range pools { // want "range var p copies lock: sync.Pool contains sync.noCopy"
		got = append(got, p.Get())
	}
	return got
}

// Uses keeps the unexported functions referenced.
var Uses = []any{use, local, firsts}
